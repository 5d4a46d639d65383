//! Amazon ECS and AWS Fargate: [`EcsRunTask`], with its launch targets
//! ([`EcsFargateLaunchTarget`], [`EcsEc2LaunchTarget`]) and container
//! overrides.

mod launch_target;
mod overrides;
mod run_task;

pub use launch_target::{
    CapacityProviderStrategy, EcsEc2LaunchTarget, EcsFargateLaunchTarget, EcsLaunchTarget,
    FargatePlatformVersion, PlacementConstraint, PlacementStrategy,
};
pub use overrides::EcsContainerOverride;
pub use run_task::{EcsRunTask, EcsRunTaskProps, EcsTaskDefinition, PropagatedTagSource};
