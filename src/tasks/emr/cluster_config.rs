//! The pieces of an EMR cluster's configuration besides its instances
//! (`instances.rs`): applications, bootstrap actions, configurations,
//! Kerberos and managed scaling.

use crate::model::Json;
use crate::tasks::input::aws_enum;
use crate::tasks::render::Fields;
use crate::tasks::Input;

aws_enum! {
    /// How a cluster scales in (`ScaleDownBehavior`).
    EmrClusterScaleDownBehavior {
        /// At the instance hour boundary.
        TerminateAtInstanceHour = "TERMINATE_AT_INSTANCE_HOUR",
        /// When the instance's tasks are done.
        TerminateAtTaskCompletion = "TERMINATE_AT_TASK_COMPLETION",
    }
}

/// A list of strings, for the optional list fields.
pub(super) type Strings = Option<Vec<String>>;

/// Strings from any list of string-likes.
pub(super) fn strings<S: Into<String>>(items: impl IntoIterator<Item = S>) -> Vec<String> {
    items.into_iter().map(Into::into).collect()
}

/// An application to install (`Applications` entry; the CDK's
/// `ApplicationConfigProperty`).
///
/// ```
/// use stepfn::tasks::*;
/// let state = EmrCreateCluster::new("Cluster", "analytics", EmrInstances::new())
///     .application(EmrApplication::new("Spark").version("3.5.0").args(["--x"]).additional_info("k", "v"));
/// assert!(state.to_json().contains(r#""Applications":[{"Name":"Spark","Args":["--x"],"Version":"3.5.0","AdditionalInfo":{"k":"v"}}]"#));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub struct EmrApplication {
    name: String,
    args: Strings,
    version: Option<String>,
    additional_info: Vec<(String, String)>,
}

impl EmrApplication {
    /// The application `name` (`Spark`, `Hive`, ...). (Example on [`EmrApplication`].)
    pub fn new(name: impl Into<String>) -> EmrApplication {
        EmrApplication {
            name: name.into(),
            args: None,
            version: None,
            additional_info: Vec::new(),
        }
    }

    /// Sets `Args`. (Example on [`EmrApplication`].)
    pub fn args<S: Into<String>>(mut self, args: impl IntoIterator<Item = S>) -> EmrApplication {
        self.args = Some(strings(args));
        self
    }

    /// Sets `Version`. (Example on [`EmrApplication`].)
    pub fn version(mut self, version: impl Into<String>) -> EmrApplication {
        self.version = Some(version.into());
        self
    }

    /// Adds an `AdditionalInfo` entry. (Example on [`EmrApplication`].)
    pub fn additional_info(
        mut self,
        key: impl Into<String>,
        value: impl Into<String>,
    ) -> EmrApplication {
        self.additional_info.push((key.into(), value.into()));
        self
    }

    pub(crate) fn render(&self, mut f: Fields) -> Fields {
        f.literal("Name", self.name.clone());
        if let Some(args) = &self.args {
            f.input("Args", &Input::from(args.clone()));
        }
        if let Some(version) = &self.version {
            f.literal("Version", version.clone());
        }
        if !self.additional_info.is_empty() {
            f.literal("AdditionalInfo", string_map(&self.additional_info));
        }
        f
    }
}

/// A bootstrap action (`BootstrapActions` entry): a script run on each node.
///
/// ```
/// use stepfn::tasks::*;
/// let state = EmrCreateCluster::new("Cluster", "analytics", EmrInstances::new())
///     .bootstrap_action(EmrBootstrapAction::new("setup", "s3://ops/setup.sh").args(["--fast"]));
/// assert!(state.to_json().contains(r#""BootstrapActions":[{"Name":"setup","ScriptBootstrapAction":{"Path":"s3://ops/setup.sh","Args":["--fast"]}}]"#));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub struct EmrBootstrapAction {
    name: String,
    path: String,
    args: Strings,
}

impl EmrBootstrapAction {
    /// Runs the script at `path` (an S3 URL), as the action `name`.
    /// (Example on [`EmrBootstrapAction`].)
    pub fn new(name: impl Into<String>, path: impl Into<String>) -> EmrBootstrapAction {
        EmrBootstrapAction {
            name: name.into(),
            path: path.into(),
            args: None,
        }
    }

    /// Sets the script's `Args`. (Example on [`EmrBootstrapAction`].)
    pub fn args<S: Into<String>>(
        mut self,
        args: impl IntoIterator<Item = S>,
    ) -> EmrBootstrapAction {
        self.args = Some(strings(args));
        self
    }

    pub(crate) fn render(&self, mut f: Fields) -> Fields {
        let mut script = f.child();
        script.literal("Path", self.path.clone());
        if let Some(args) = &self.args {
            script.input("Args", &Input::from(args.clone()));
        }
        f.literal("Name", self.name.clone())
            .object("ScriptBootstrapAction", script);
        f
    }
}

/// A configuration classification (`Configurations` entry), with nested
/// configurations.
///
/// ```
/// use stepfn::tasks::*;
/// let config = EmrConfiguration::new("spark-env")
///     .configuration(EmrConfiguration::new("export").property("PYSPARK_PYTHON", "python3"));
/// let state = EmrCreateCluster::new("Cluster", "analytics", EmrInstances::new()).configuration(config);
/// assert!(state.to_json().contains(r#""Configurations":[{"Classification":"spark-env","Configurations":[{"Classification":"export","Properties":{"PYSPARK_PYTHON":"python3"}}]}]"#));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub struct EmrConfiguration {
    classification: Option<String>,
    properties: Vec<(String, String)>,
    configurations: Vec<EmrConfiguration>,
}

impl EmrConfiguration {
    /// The classification `classification`. (Example on [`EmrConfiguration`].)
    pub fn new(classification: impl Into<String>) -> EmrConfiguration {
        EmrConfiguration {
            classification: Some(classification.into()),
            properties: Vec::new(),
            configurations: Vec::new(),
        }
    }

    /// Adds a property. (Example on [`EmrConfiguration`].)
    pub fn property(
        mut self,
        key: impl Into<String>,
        value: impl Into<String>,
    ) -> EmrConfiguration {
        self.properties.push((key.into(), value.into()));
        self
    }

    /// Adds a nested configuration. (Example on [`EmrConfiguration`].)
    pub fn configuration(mut self, nested: EmrConfiguration) -> EmrConfiguration {
        self.configurations.push(nested);
        self
    }

    /// The configuration as JSON; nesting is walked with an explicit stack.
    pub(crate) fn to_json(&self) -> Json {
        // Build children before parents: collect the tree in pre-order, then
        // fold it back in reverse.
        let mut order: Vec<(&EmrConfiguration, usize)> = vec![(self, usize::MAX)];
        let mut i = 0;
        while let Some((node, _)) = order.get(i).copied() {
            for child in &node.configurations {
                order.push((child, i));
            }
            i += 1;
        }
        let mut built: Vec<Option<Json>> = vec![None; order.len()];
        let mut children: Vec<Vec<Json>> = vec![Vec::new(); order.len()];
        for index in (0..order.len()).rev() {
            let (node, parent) = order[index];
            let mut object = crate::model::JsonObject::new();
            if let Some(c) = &node.classification {
                object.insert("Classification".to_owned(), Json::String(c.clone()));
            }
            if !node.properties.is_empty() {
                object.insert("Properties".to_owned(), string_map(&node.properties));
            }
            let mut nested = std::mem::take(&mut children[index]);
            if !nested.is_empty() {
                nested.reverse();
                object.insert("Configurations".to_owned(), Json::Array(nested));
            }
            let json = Json::Object(object);
            if parent == usize::MAX {
                built[index] = Some(json);
            } else if let Some(siblings) = children.get_mut(parent) {
                siblings.push(json);
            }
        }
        built.into_iter().next().flatten().unwrap_or_default()
    }
}

/// `KerberosAttributes` of a kerberized cluster.
///
/// ```
/// use stepfn::tasks::*;
/// let kerberos = EmrKerberosAttributes::new("EC2.INTERNAL")
///     .kdc_admin_password("kdc")
///     .ad_domain_join_user("joiner")
///     .ad_domain_join_password("join")
///     .cross_realm_trust_principal_password("trust");
/// let state = EmrCreateCluster::new("Cluster", "analytics", EmrInstances::new()).kerberos_attributes(kerberos);
/// assert!(state.to_json().contains(r#""KerberosAttributes":{"ADDomainJoinPassword":"join","ADDomainJoinUser":"joiner","CrossRealmTrustPrincipalPassword":"trust","KdcAdminPassword":"kdc","Realm":"EC2.INTERNAL"}"#));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[must_use]
pub struct EmrKerberosAttributes {
    ad_domain_join_password: Option<String>,
    ad_domain_join_user: Option<String>,
    cross_realm_trust_principal_password: Option<String>,
    kdc_admin_password: Option<String>,
    realm: String,
}

impl EmrKerberosAttributes {
    /// The Kerberos realm. (Example on [`EmrKerberosAttributes`].)
    pub fn new(realm: impl Into<String>) -> EmrKerberosAttributes {
        EmrKerberosAttributes {
            realm: realm.into(),
            ..EmrKerberosAttributes::default()
        }
    }

    /// Sets `ADDomainJoinPassword`. (Example on [`EmrKerberosAttributes`].)
    pub fn ad_domain_join_password(mut self, v: impl Into<String>) -> EmrKerberosAttributes {
        self.ad_domain_join_password = Some(v.into());
        self
    }

    /// Sets `ADDomainJoinUser`. (Example on [`EmrKerberosAttributes`].)
    pub fn ad_domain_join_user(mut self, v: impl Into<String>) -> EmrKerberosAttributes {
        self.ad_domain_join_user = Some(v.into());
        self
    }

    /// Sets `CrossRealmTrustPrincipalPassword`. (Example on [`EmrKerberosAttributes`].)
    pub fn cross_realm_trust_principal_password(
        mut self,
        v: impl Into<String>,
    ) -> EmrKerberosAttributes {
        self.cross_realm_trust_principal_password = Some(v.into());
        self
    }

    /// Sets `KdcAdminPassword`. (Example on [`EmrKerberosAttributes`].)
    pub fn kdc_admin_password(mut self, v: impl Into<String>) -> EmrKerberosAttributes {
        self.kdc_admin_password = Some(v.into());
        self
    }

    pub(crate) fn render(&self, mut f: Fields) -> Fields {
        for (key, value) in [
            ("ADDomainJoinPassword", &self.ad_domain_join_password),
            ("ADDomainJoinUser", &self.ad_domain_join_user),
            (
                "CrossRealmTrustPrincipalPassword",
                &self.cross_realm_trust_principal_password,
            ),
            ("KdcAdminPassword", &self.kdc_admin_password),
        ] {
            if let Some(value) = value {
                f.literal(key, value.clone());
            }
        }
        f.literal("Realm", self.realm.clone());
        f
    }
}

aws_enum! {
    /// The unit of managed scaling limits (`UnitType`).
    ComputeLimitsUnitType {
        /// Instances.
        Instances = "Instances",
        /// Instance fleet units.
        InstanceFleetUnits = "InstanceFleetUnits",
        /// vCPUs.
        Vcpu = "VCPU",
    }
}

/// `ManagedScalingPolicy.ComputeLimits`.
///
/// ```
/// use stepfn::tasks::*;
/// let policy = EmrManagedScalingPolicy::new(ComputeLimitsUnitType::Instances, 2, 10).maximum_on_demand_capacity_units(4).maximum_core_capacity_units(3);
/// let state = EmrCreateCluster::new("Cluster", "analytics", EmrInstances::new()).managed_scaling_policy(policy);
/// assert!(state.to_json().contains(r#""ManagedScalingPolicy":{"ComputeLimits":{"UnitType":"Instances","MinimumCapacityUnits":2,"MaximumCapacityUnits":10,"MaximumOnDemandCapacityUnits":4,"MaximumCoreCapacityUnits":3}}"#));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub struct EmrManagedScalingPolicy {
    unit_type: ComputeLimitsUnitType,
    minimum: u32,
    maximum: u32,
    maximum_on_demand: Option<u32>,
    maximum_core: Option<u32>,
}

impl EmrManagedScalingPolicy {
    /// Scales between `minimum` and `maximum` units of `unit_type`.
    /// (Example on [`EmrManagedScalingPolicy`].)
    pub fn new(
        unit_type: ComputeLimitsUnitType,
        minimum: u32,
        maximum: u32,
    ) -> EmrManagedScalingPolicy {
        EmrManagedScalingPolicy {
            unit_type,
            minimum,
            maximum,
            maximum_on_demand: None,
            maximum_core: None,
        }
    }

    /// Sets `MaximumOnDemandCapacityUnits`. (Example on [`EmrManagedScalingPolicy`].)
    pub fn maximum_on_demand_capacity_units(mut self, units: u32) -> EmrManagedScalingPolicy {
        self.maximum_on_demand = Some(units);
        self
    }

    /// Sets `MaximumCoreCapacityUnits`. (Example on [`EmrManagedScalingPolicy`].)
    pub fn maximum_core_capacity_units(mut self, units: u32) -> EmrManagedScalingPolicy {
        self.maximum_core = Some(units);
        self
    }

    pub(crate) fn render(&self, mut f: Fields) -> Fields {
        let mut limits = f.child();
        limits
            .literal("UnitType", self.unit_type.as_str())
            .int("MinimumCapacityUnits", i64::from(self.minimum))
            .int("MaximumCapacityUnits", i64::from(self.maximum));
        if let Some(units) = self.maximum_on_demand {
            limits.int("MaximumOnDemandCapacityUnits", i64::from(units));
        }
        if let Some(units) = self.maximum_core {
            limits.int("MaximumCoreCapacityUnits", i64::from(units));
        }
        f.object("ComputeLimits", limits);
        f
    }
}

/// An object of string values, in order.
pub(crate) fn string_map(entries: &[(String, String)]) -> Json {
    Json::Object(
        entries
            .iter()
            .map(|(k, v)| (k.clone(), Json::String(v.clone())))
            .collect(),
    )
}
