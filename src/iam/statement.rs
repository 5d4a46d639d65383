//! [`Statement`]: one `Allow` statement of a policy document.

use crate::model::{Json, JsonObject};

/// One statement of an IAM policy: `Allow` these actions on these
/// resources, under optional conditions.
///
/// Written as the CDK writes it: a single action or resource as a string,
/// several as an array, in the order given.
///
/// ```
/// use stepfn::iam::Statement;
/// let s = Statement::allow(["sqs:SendMessage"], ["arn:aws:sqs:us-east-1:123456789012:orders"]);
/// assert_eq!(s.to_json(), r#"{"Action":"sqs:SendMessage","Effect":"Allow","Resource":"arn:aws:sqs:us-east-1:123456789012:orders"}"#);
/// let c = Statement::allow(["states:InvokeHTTPEndpoint"], ["*"])
///     .condition("StringLike", "states:HTTPEndpoint", "https://api.example.com*");
/// assert_eq!(c.to_json(), r#"{"Action":"states:InvokeHTTPEndpoint","Condition":{"StringLike":{"states:HTTPEndpoint":"https://api.example.com*"}},"Effect":"Allow","Resource":"*"}"#);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub struct Statement {
    sid: Option<String>,
    actions: Vec<String>,
    resources: Vec<String>,
    conditions: JsonObject,
}

impl Statement {
    /// Allows `actions` on `resources`. (Example on [`Statement`].)
    pub fn allow<A, R>(actions: A, resources: R) -> Statement
    where
        A: IntoIterator,
        A::Item: Into<String>,
        R: IntoIterator,
        R::Item: Into<String>,
    {
        let mut resources: Vec<String> = resources.into_iter().map(Into::into).collect();
        let mut seen = std::collections::HashSet::new();
        resources.retain(|r| seen.insert(r.clone()));
        Statement {
            sid: None,
            actions: actions.into_iter().map(Into::into).collect(),
            resources,
            conditions: JsonObject::new(),
        }
    }

    /// Sets `Sid`, the statement's name.
    ///
    /// ```
    /// use stepfn::iam::Statement;
    /// let s = Statement::allow(["iam:CreateServiceLinkedRole"], ["*"]).sid("Cleanup");
    /// assert_eq!(s.to_json(), r#"{"Action":"iam:CreateServiceLinkedRole","Effect":"Allow","Resource":"*","Sid":"Cleanup"}"#);
    /// ```
    pub fn sid(mut self, sid: impl Into<String>) -> Statement {
        self.sid = Some(sid.into());
        self
    }

    /// Adds the condition `operator: {key: value}` (e.g. `StringEquals`).
    /// (Example on [`Statement`].)
    pub fn condition(
        mut self,
        operator: impl Into<String>,
        key: impl Into<String>,
        value: impl Into<Json>,
    ) -> Statement {
        let entry = self
            .conditions
            .entry(operator.into())
            .or_insert_with(|| Json::Object(JsonObject::new()));
        if let Json::Object(keys) = entry {
            keys.insert(key.into(), value.into());
        }
        self
    }

    /// The actions. (Example on [`Statement`].)
    #[must_use]
    pub fn actions(&self) -> &[String] {
        &self.actions
    }

    /// The resources. (Example on [`Statement`].)
    #[must_use]
    pub fn resources(&self) -> &[String] {
        &self.resources
    }

    /// The statement as JSON. (Example on [`Statement`].)
    #[must_use]
    pub fn to_value(&self) -> Json {
        let mut object = JsonObject::new();
        object.insert("Action".to_owned(), one_or_many(&self.actions));
        if !self.conditions.is_empty() {
            object.insert(
                "Condition".to_owned(),
                Json::Object(self.conditions.clone()),
            );
        }
        object.insert("Effect".to_owned(), Json::from("Allow"));
        object.insert("Resource".to_owned(), one_or_many(&self.resources));
        if let Some(sid) = &self.sid {
            object.insert("Sid".to_owned(), Json::String(sid.clone()));
        }
        Json::Object(object)
    }

    /// The statement as JSON text, on one line. (Example on [`Statement`].)
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.to_value()).unwrap_or_default()
    }
}

/// A string for one item, an array for several.
fn one_or_many(items: &[String]) -> Json {
    match items {
        [one] => Json::String(one.clone()),
        many => Json::Array(many.iter().cloned().map(Json::String).collect()),
    }
}
