//! [`EmrContainersCreateVirtualCluster`]: `emr-containers:createVirtualCluster`.

use crate::model::QueryLanguage;
use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};

/// Creates an EMR on EKS virtual cluster
/// (`arn:aws:states:::emr-containers:createVirtualCluster`); the CDK's
/// `EmrContainersCreateVirtualCluster`. Without a name, it is
/// `<execution name>/<state name>`, as the CDK names it (in JSONata written
/// with `&`: the CDK's `States.Format` there is not JSONata and AWS refuses
/// it). Request-response only.
///
/// ```
/// use stepfn::tasks::EmrContainersCreateVirtualCluster;
/// let state = EmrContainersCreateVirtualCluster::new("Create", "analytics-eks")
///     .eks_namespace("spark")
///     .virtual_cluster_name("analytics")
///     .tag("team", "data");
/// assert_eq!(state.to_json(), concat!(
///     r#"{"Type":"Task","Resource":"arn:aws:states:::emr-containers:createVirtualCluster","Parameters":{"#,
///     r#""Name":"analytics","ContainerProvider":{"Id":"analytics-eks","Info":{"EksInfo":{"Namespace":"spark"}},"Type":"EKS"},"#,
///     r#""Tags":{"team":"data"}},"End":true}"#,
/// ));
/// ```
pub type EmrContainersCreateVirtualCluster = Integration<EmrContainersCreateVirtualClusterProps>;

/// What an [`EmrContainersCreateVirtualCluster`] sends (see there).
#[derive(Debug, Clone)]
pub struct EmrContainersCreateVirtualClusterProps {
    eks_cluster: Input<String>,
    namespace: Option<Input<String>>,
    name: Option<Input<String>>,
    tags: Vec<(String, String)>,
}

impl EmrContainersCreateVirtualCluster {
    /// Creates a virtual cluster on the EKS cluster named `eks_cluster_name`
    /// (CDK `eksCluster`). (Example on [`EmrContainersCreateVirtualCluster`].)
    pub fn new(
        name: impl Into<String>,
        eks_cluster_name: impl Into<Input<String>>,
    ) -> EmrContainersCreateVirtualCluster {
        Integration::with(
            name,
            EmrContainersCreateVirtualClusterProps {
                eks_cluster: eks_cluster_name.into(),
                namespace: None,
                name: None,
                tags: Vec::new(),
            },
        )
    }

    /// Sets the EKS namespace (CDK `eksNamespace`, `default` by default).
    /// (Example on [`EmrContainersCreateVirtualCluster`].)
    pub fn eks_namespace(
        mut self,
        namespace: impl Into<Input<String>>,
    ) -> EmrContainersCreateVirtualCluster {
        self.props.namespace = Some(namespace.into());
        self
    }

    /// Sets `Name` (CDK `virtualClusterName`). (Example on [`EmrContainersCreateVirtualCluster`].)
    pub fn virtual_cluster_name(
        mut self,
        name: impl Into<Input<String>>,
    ) -> EmrContainersCreateVirtualCluster {
        self.props.name = Some(name.into());
        self
    }

    /// Adds a tag (CDK `tags`). (Example on [`EmrContainersCreateVirtualCluster`].)
    pub fn tag(
        mut self,
        key: impl Into<String>,
        value: impl Into<String>,
    ) -> EmrContainersCreateVirtualCluster {
        self.props.tags.push((key.into(), value.into()));
        self
    }
}

impl Render for EmrContainersCreateVirtualClusterProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        let mut f = cx.fields();
        match (&self.name, cx.language) {
            (Some(name), _) => {
                f.input("Name", name);
            }
            (None, QueryLanguage::JsonPath) => {
                f.literal(
                    "Name.$",
                    "States.Format('{}/{}', $$.Execution.Name, $$.State.Name)",
                );
            }
            // The CDK writes `{% States.Format(...) %}` here, which is not
            // JSONata (AWS rejects it); this is the same name in JSONata.
            (None, QueryLanguage::Jsonata) => {
                f.literal(
                    "Name",
                    "{% $states.context.Execution.Name & '/' & $states.context.State.Name %}",
                );
            }
        }
        let mut eks_info = f.child();
        match &self.namespace {
            Some(namespace) => eks_info.input("Namespace", namespace),
            None => eks_info.literal("Namespace", "default"),
        };
        let mut info = f.child();
        info.object("EksInfo", eks_info);
        let mut provider = f.child();
        provider
            .input("Id", &self.eks_cluster)
            .object("Info", info)
            .literal("Type", "EKS");
        f.object("ContainerProvider", provider);
        if !self.tags.is_empty() {
            f.literal("Tags", crate::tasks::emr::string_map(&self.tags));
        }
        let arn = integration_arn(
            "emr-containers",
            "createVirtualCluster",
            IntegrationPattern::RequestResponse,
        );
        cx.write(arn, Some(f));
    }
}
