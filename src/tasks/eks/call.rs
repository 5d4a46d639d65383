//! [`EksCall`]: `eks:call`.

use crate::model::Json;
use crate::tasks::input::aws_enum;
use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};

aws_enum! {
    /// The HTTP method of a Kubernetes API call (`Method`).
    EksHttpMethod {
        /// `GET`
        Get = "GET",
        /// `POST`
        Post = "POST",
        /// `PUT`
        Put = "PUT",
        /// `DELETE`
        Delete = "DELETE",
        /// `PATCH`
        Patch = "PATCH",
        /// `HEAD`
        Head = "HEAD",
    }
}

/// An EKS cluster: its name, API endpoint and certificate authority data
/// (all three are sent with every call).
///
/// ```
/// use stepfn::tasks::EksCluster;
/// let cluster = EksCluster::new("apps", "https://ABC.gr7.us-east-1.eks.amazonaws.com", "LS0tLS1C");
/// assert_eq!(cluster.name(), "apps");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EksCluster {
    name: String,
    endpoint: String,
    certificate_authority: String,
}

impl EksCluster {
    /// The cluster `name` at `endpoint`, with its base64 certificate
    /// authority data (CDK `cluster`). (Example on [`EksCluster`].)
    pub fn new(
        name: impl Into<String>,
        endpoint: impl Into<String>,
        certificate_authority_data: impl Into<String>,
    ) -> EksCluster {
        EksCluster {
            name: name.into(),
            endpoint: endpoint.into(),
            certificate_authority: certificate_authority_data.into(),
        }
    }

    /// The cluster name. (Example on [`EksCluster`].)
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }
}

/// Calls the Kubernetes API of an EKS cluster (`arn:aws:states:::eks:call`);
/// the CDK's `EksCall`. Request-response only. The CDK grants the state
/// machine's role nothing for it: access is the cluster's RBAC.
///
/// ```
/// use stepfn::tasks::*;
/// let cluster = EksCluster::new("apps", "https://ABC.gr7.us-east-1.eks.amazonaws.com", "LS0tLS1C");
/// let state = EksCall::new("List pods", cluster, EksHttpMethod::Get, "/api/v1/namespaces/default/pods")
///     .query_parameter("labelSelector", ["app=web"])
///     .request_body(serde_json::json!({"kind": "DeleteOptions"}));
/// assert_eq!(state.to_json(), concat!(
///     r#"{"Type":"Task","Resource":"arn:aws:states:::eks:call","Parameters":{"ClusterName":"apps","#,
///     r#""CertificateAuthority":"LS0tLS1C","Endpoint":"https://ABC.gr7.us-east-1.eks.amazonaws.com","#,
///     r#""Method":"GET","Path":"/api/v1/namespaces/default/pods","QueryParameters":{"labelSelector":["app=web"]},"#,
///     r#""RequestBody":{"kind":"DeleteOptions"}},"End":true}"#,
/// ));
/// ```
pub type EksCall = Integration<EksCallProps>;

/// What an [`EksCall`] sends (see there).
#[derive(Debug, Clone)]
pub struct EksCallProps {
    cluster: EksCluster,
    method: Input<EksHttpMethod>,
    path: Input<String>,
    query: Vec<(String, Vec<String>)>,
    body: Option<Input<Json>>,
}

impl EksCall {
    /// Calls `method` on `path` of `cluster`'s API (CDK `cluster`,
    /// `httpMethod`, `httpPath`). (Example on [`EksCall`].)
    pub fn new(
        name: impl Into<String>,
        cluster: EksCluster,
        method: impl Into<Input<EksHttpMethod>>,
        path: impl Into<Input<String>>,
    ) -> EksCall {
        Integration::with(
            name,
            EksCallProps {
                cluster,
                method: method.into(),
                path: path.into(),
                query: Vec::new(),
                body: None,
            },
        )
    }

    /// Adds a query parameter with its values (CDK `queryParameters`).
    /// (Example on [`EksCall`].)
    pub fn query_parameter<S: Into<String>>(
        mut self,
        name: impl Into<String>,
        values: impl IntoIterator<Item = S>,
    ) -> EksCall {
        let values = values.into_iter().map(Into::into).collect();
        self.props.query.push((name.into(), values));
        self
    }

    /// Sets `RequestBody` (CDK `requestBody`). (Example on [`EksCall`].)
    pub fn request_body(mut self, body: impl Into<Input<Json>>) -> EksCall {
        self.props.body = Some(body.into());
        self
    }
}

impl Render for EksCallProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        let mut f = cx.fields();
        f.literal("ClusterName", self.cluster.name.clone())
            .literal(
                "CertificateAuthority",
                self.cluster.certificate_authority.clone(),
            )
            .literal("Endpoint", self.cluster.endpoint.clone())
            .input("Method", &self.method)
            .input("Path", &self.path);
        if !self.query.is_empty() {
            let mut query = f.child();
            for (name, values) in &self.query {
                query.input(name, &Input::from(values.clone()));
            }
            f.object("QueryParameters", query);
        }
        f.opt("RequestBody", self.body.as_ref());
        cx.write(
            integration_arn("eks", "call", IntegrationPattern::RequestResponse),
            Some(f),
        );
    }
}
