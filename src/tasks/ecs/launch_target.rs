//! Where an ECS task runs: Fargate or EC2, with a launch type or capacity
//! providers, and EC2 placement.

use crate::tasks::input::aws_enum;
use crate::tasks::render::Fields;

aws_enum! {
    /// The Fargate platform version (`PlatformVersion`).
    FargatePlatformVersion {
        /// The latest version.
        Latest = "LATEST",
        /// 1.4.0
        Version1_4 = "1.4.0",
        /// 1.3.0
        Version1_3 = "1.3.0",
    }
}

/// One entry of `CapacityProviderStrategy`.
///
/// ```
/// use stepfn::tasks::*;
/// let target = EcsFargateLaunchTarget::new(FargatePlatformVersion::Latest)
///     .capacity_provider_strategy([CapacityProviderStrategy::new("FARGATE_SPOT").weight(2).base(1)]);
/// let state = EcsRunTask::new("Run", "arn:aws:ecs:us-east-1:123456789012:cluster/c", EcsTaskDefinition::from_family("app"), target);
/// assert!(state.to_json().contains(r#""CapacityProviderStrategy":[{"CapacityProvider":"FARGATE_SPOT","Weight":2,"Base":1}],"PlatformVersion":"LATEST""#));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CapacityProviderStrategy {
    provider: String,
    weight: Option<u32>,
    base: Option<u32>,
}

impl CapacityProviderStrategy {
    /// Uses the capacity provider `provider`. (Example on [`CapacityProviderStrategy`].)
    pub fn new(provider: impl Into<String>) -> CapacityProviderStrategy {
        CapacityProviderStrategy {
            provider: provider.into(),
            weight: None,
            base: None,
        }
    }

    /// Sets `Weight`. (Example on [`CapacityProviderStrategy`].)
    #[must_use]
    pub fn weight(mut self, weight: u32) -> CapacityProviderStrategy {
        self.weight = Some(weight);
        self
    }

    /// Sets `Base`. (Example on [`CapacityProviderStrategy`].)
    #[must_use]
    pub fn base(mut self, base: u32) -> CapacityProviderStrategy {
        self.base = Some(base);
        self
    }
}

/// An EC2 placement constraint (`PlacementConstraints`).
///
/// ```
/// use stepfn::tasks::*;
/// let target = EcsEc2LaunchTarget::new()
///     .placement_constraint(PlacementConstraint::distinct_instances())
///     .placement_constraint(PlacementConstraint::member_of("attribute:ecs.instance-type =~ t3.*"));
/// let state = EcsRunTask::new("Run", "arn:aws:ecs:us-east-1:123456789012:cluster/c", EcsTaskDefinition::from_family("app"), target);
/// assert!(state.to_json().contains(r#""PlacementConstraints":[{"Type":"distinctInstance"},{"Type":"memberOf","Expression":"attribute:ecs.instance-type =~ t3.*"}]"#));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacementConstraint(Vec<(&'static str, String)>);

impl PlacementConstraint {
    /// Each task on a different instance. (Example on [`PlacementConstraint`].)
    #[must_use]
    pub fn distinct_instances() -> PlacementConstraint {
        PlacementConstraint(vec![("Type", "distinctInstance".to_owned())])
    }

    /// Only instances matching a cluster query expression. (Example on [`PlacementConstraint`].)
    #[must_use]
    pub fn member_of(expression: impl Into<String>) -> PlacementConstraint {
        PlacementConstraint(vec![
            ("Type", "memberOf".to_owned()),
            ("Expression", expression.into()),
        ])
    }
}

/// An EC2 placement strategy (`PlacementStrategy`).
///
/// ```
/// use stepfn::tasks::*;
/// let target = EcsEc2LaunchTarget::new()
///     .placement_strategy(PlacementStrategy::spread_across(["attribute:ecs.availability-zone", "instanceId"]))
///     .placement_strategy(PlacementStrategy::packed_by_memory())
///     .placement_strategy(PlacementStrategy::randomly());
/// let state = EcsRunTask::new("Run", "arn:aws:ecs:us-east-1:123456789012:cluster/c", EcsTaskDefinition::from_family("app"), target);
/// assert!(state.to_json().contains(concat!(
///     r#""PlacementStrategy":[{"Type":"spread","Field":"attribute:ecs.availability-zone"},"#,
///     r#"{"Type":"spread","Field":"instanceId"},{"Type":"binpack","Field":"MEMORY"},{"Type":"random"}]"#)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacementStrategy(Vec<Vec<(&'static str, String)>>);

impl PlacementStrategy {
    /// Spread evenly across instances. (Example on [`PlacementStrategy`].)
    #[must_use]
    pub fn spread_across_instances() -> PlacementStrategy {
        PlacementStrategy::spread_across(["instanceId"])
    }

    /// Spread evenly by each of `fields` in turn. (Example on [`PlacementStrategy`].)
    #[must_use]
    pub fn spread_across<S: Into<String>>(
        fields: impl IntoIterator<Item = S>,
    ) -> PlacementStrategy {
        PlacementStrategy(
            fields
                .into_iter()
                .map(|f| vec![("Type", "spread".to_owned()), ("Field", f.into())])
                .collect(),
        )
    }

    /// Pack onto the fewest instances by CPU. (Example on [`PlacementStrategy`].)
    #[must_use]
    pub fn packed_by_cpu() -> PlacementStrategy {
        PlacementStrategy(vec![vec![
            ("Type", "binpack".to_owned()),
            ("Field", "CPU".to_owned()),
        ]])
    }

    /// Pack onto the fewest instances by memory. (Example on [`PlacementStrategy`].)
    #[must_use]
    pub fn packed_by_memory() -> PlacementStrategy {
        PlacementStrategy(vec![vec![
            ("Type", "binpack".to_owned()),
            ("Field", "MEMORY".to_owned()),
        ]])
    }

    /// Place at random. (Example on [`PlacementStrategy`].)
    #[must_use]
    pub fn randomly() -> PlacementStrategy {
        PlacementStrategy(vec![vec![("Type", "random".to_owned())]])
    }
}

/// Runs the task on Fargate (CDK `EcsFargateLaunchTarget`): `LaunchType:
/// FARGATE`, or the given capacity providers. (Example on
/// [`CapacityProviderStrategy`].)
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub struct EcsFargateLaunchTarget {
    platform_version: FargatePlatformVersion,
    capacity_providers: Option<Vec<CapacityProviderStrategy>>,
}

impl EcsFargateLaunchTarget {
    /// Fargate at `platform_version` (CDK `platformVersion`). (Example on
    /// [`CapacityProviderStrategy`].)
    pub fn new(platform_version: FargatePlatformVersion) -> EcsFargateLaunchTarget {
        EcsFargateLaunchTarget {
            platform_version,
            capacity_providers: None,
        }
    }

    /// Uses capacity providers instead of a launch type (CDK
    /// `capacityProviderOptions`: `custom(...)`, or `default()` for an empty
    /// list, which uses the cluster's default strategy). (Example on
    /// [`CapacityProviderStrategy`].)
    pub fn capacity_provider_strategy(
        mut self,
        strategy: impl IntoIterator<Item = CapacityProviderStrategy>,
    ) -> EcsFargateLaunchTarget {
        self.capacity_providers = Some(strategy.into_iter().collect());
        self
    }
}

/// Runs the task on the cluster's EC2 instances (CDK `EcsEc2LaunchTarget`):
/// `LaunchType: EC2`, or the given capacity providers. (Example on
/// [`PlacementConstraint`].)
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[must_use]
pub struct EcsEc2LaunchTarget {
    capacity_providers: Option<Vec<CapacityProviderStrategy>>,
    constraints: Vec<PlacementConstraint>,
    strategies: Vec<PlacementStrategy>,
}

impl EcsEc2LaunchTarget {
    /// EC2, no placement rules. (Example on [`PlacementConstraint`].)
    pub fn new() -> EcsEc2LaunchTarget {
        EcsEc2LaunchTarget::default()
    }

    /// Uses capacity providers instead of a launch type (CDK
    /// `capacityProviderOptions`). (Example on [`CapacityProviderStrategy`].)
    pub fn capacity_provider_strategy(
        mut self,
        strategy: impl IntoIterator<Item = CapacityProviderStrategy>,
    ) -> EcsEc2LaunchTarget {
        self.capacity_providers = Some(strategy.into_iter().collect());
        self
    }

    /// Adds a placement constraint (CDK `placementConstraints`). (Example on
    /// [`PlacementConstraint`].)
    pub fn placement_constraint(mut self, constraint: PlacementConstraint) -> EcsEc2LaunchTarget {
        self.constraints.push(constraint);
        self
    }

    /// Adds a placement strategy (CDK `placementStrategies`). (Example on
    /// [`PlacementStrategy`].)
    pub fn placement_strategy(mut self, strategy: PlacementStrategy) -> EcsEc2LaunchTarget {
        self.strategies.push(strategy);
        self
    }
}

/// Fargate or EC2 (see [`EcsFargateLaunchTarget`], [`EcsEc2LaunchTarget`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EcsLaunchTarget {
    /// Fargate.
    Fargate(EcsFargateLaunchTarget),
    /// EC2.
    Ec2(EcsEc2LaunchTarget),
}

impl From<EcsFargateLaunchTarget> for EcsLaunchTarget {
    fn from(target: EcsFargateLaunchTarget) -> EcsLaunchTarget {
        EcsLaunchTarget::Fargate(target)
    }
}

impl From<EcsEc2LaunchTarget> for EcsLaunchTarget {
    fn from(target: EcsEc2LaunchTarget) -> EcsLaunchTarget {
        EcsLaunchTarget::Ec2(target)
    }
}

impl EcsLaunchTarget {
    /// `LaunchType` or `CapacityProviderStrategy`, and the target's own fields.
    pub(crate) fn render(&self, f: &mut Fields) {
        let (launch_type, providers) = match self {
            EcsLaunchTarget::Fargate(t) => ("FARGATE", &t.capacity_providers),
            EcsLaunchTarget::Ec2(t) => ("EC2", &t.capacity_providers),
        };
        match providers {
            None => {
                f.literal("LaunchType", launch_type);
            }
            Some(list) if !list.is_empty() => {
                let items = list
                    .iter()
                    .map(|s| {
                        let mut item = f.child();
                        item.literal("CapacityProvider", s.provider.clone());
                        if let Some(weight) = s.weight {
                            item.int("Weight", i64::from(weight));
                        }
                        if let Some(base) = s.base {
                            item.int("Base", i64::from(base));
                        }
                        item
                    })
                    .collect();
                f.array("CapacityProviderStrategy", items);
            }
            Some(_) => {}
        }
        match self {
            EcsLaunchTarget::Fargate(t) => {
                f.literal("PlatformVersion", t.platform_version.as_str());
            }
            EcsLaunchTarget::Ec2(t) => {
                let pairs = |f: &Fields, pairs: &[(&'static str, String)]| {
                    let mut item = f.child();
                    for (key, value) in pairs {
                        item.literal(key, value.clone());
                    }
                    item
                };
                if !t.constraints.is_empty() {
                    let items = t.constraints.iter().map(|c| pairs(f, &c.0)).collect();
                    f.array("PlacementConstraints", items);
                }
                if !t.strategies.is_empty() {
                    let items = t
                        .strategies
                        .iter()
                        .flat_map(|s| s.0.iter())
                        .map(|p| pairs(f, p))
                        .collect();
                    f.array("PlacementStrategy", items);
                }
            }
        }
    }
}
