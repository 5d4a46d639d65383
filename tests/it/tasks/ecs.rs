//! `EcsRunTask` against the CDK.

use stepfn::builder::*;
use stepfn::tasks::*;

use super::Case;

pub(super) const CASES: &[Case] = &[
    ("ecs-run-task-fargate", fargate),
    (
        "ecs-run-task-fargate-capacity-providers",
        fargate_capacity_providers,
    ),
    ("ecs-run-task-ec2", ec2),
    (
        "ecs-run-task-ec2-capacity-providers",
        ec2_capacity_providers,
    ),
];

const CLUSTER: &str = "arn:aws:ecs:us-east-1:123456789012:cluster/jobs";

fn definition(family: &str) -> EcsTaskDefinition {
    EcsTaskDefinition::from_family(family)
        .task_role("arn:aws:iam::123456789012:role/AppTask")
        .execution_role("arn:aws:iam::123456789012:role/AppExecution")
}

fn fargate() -> StateMachine {
    let target = EcsFargateLaunchTarget::new(FargatePlatformVersion::Version1_4);
    StateMachine::new(
        EcsRunTask::new("Run", CLUSTER, definition("app"), target)
            .run_job()
            .subnets(["subnet-pub-a", "subnet-pub-b"])
            .security_groups(["sg-1"])
            .assign_public_ip(true)
            .revision_number(3)
            .cpu("512")
            .memory_mib("1024")
            .propagated_tag_source(PropagatedTagSource::TaskDefinition)
            .enable_execute_command(true)
            .container_override(
                EcsContainerOverride::new("app")
                    .command(["serve", "--port", "80"])
                    .cpu(256)
                    .memory_limit(512)
                    .memory_reservation(256)
                    .environment("MODE", "batch")
                    .environment("DAY", JsonPath::new("$.day")),
            ),
    )
}

fn fargate_capacity_providers() -> StateMachine {
    let target = EcsFargateLaunchTarget::new(FargatePlatformVersion::Latest)
        .capacity_provider_strategy([
            CapacityProviderStrategy::new("FARGATE_SPOT")
                .weight(2)
                .base(1),
            CapacityProviderStrategy::new("FARGATE").weight(1),
        ]);
    StateMachine::new(
        EcsRunTask::new("Run", CLUSTER, definition("app"), target)
            .wait_for_task_token()
            .subnets(["subnet-priv-a", "subnet-priv-b"])
            .security_groups(["sg-1"])
            .container_override(
                EcsContainerOverride::new("app").environment("TOKEN", Context::task_token()),
            ),
    )
}

fn ec2() -> StateMachine {
    let target = EcsEc2LaunchTarget::new()
        .placement_constraint(PlacementConstraint::distinct_instances())
        .placement_constraint(PlacementConstraint::member_of(
            "attribute:ecs.instance-type =~ t3.*",
        ))
        .placement_strategy(PlacementStrategy::spread_across_instances())
        .placement_strategy(PlacementStrategy::spread_across([
            "attribute:ecs.availability-zone",
            "instanceId",
        ]))
        .placement_strategy(PlacementStrategy::packed_by_cpu())
        .placement_strategy(PlacementStrategy::packed_by_memory())
        .placement_strategy(PlacementStrategy::randomly());
    StateMachine::new(
        EcsRunTask::new("Run", CLUSTER, definition("worker"), target)
            .propagated_tag_source(PropagatedTagSource::Service),
    )
}

fn ec2_capacity_providers() -> StateMachine {
    let target = EcsEc2LaunchTarget::new().capacity_provider_strategy([]);
    StateMachine::new(
        EcsRunTask::new("Run", CLUSTER, definition("worker"), target)
            .query_language(QueryLanguage::Jsonata)
            .propagated_tag_source(PropagatedTagSource::None)
            .enable_execute_command(false),
    )
}

#[test]
fn ecs_matches_the_cdk() {
    super::check(CASES);
}
