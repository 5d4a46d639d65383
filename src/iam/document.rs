//! [`PolicyDocument`]: the statements a role needs.

use crate::model::{Json, JsonObject};

use super::Statement;

/// An IAM policy document: `{"Statement": [...], "Version": "2012-10-17"}`.
/// Adding a statement that is already there does nothing, as the CDK does.
///
/// ```
/// use stepfn::iam::{PolicyDocument, Statement};
/// let mut policy = PolicyDocument::new();
/// policy.add(Statement::allow(["sns:Publish"], ["arn:aws:sns:us-east-1:123456789012:t"]));
/// policy.add(Statement::allow(["sns:Publish"], ["arn:aws:sns:us-east-1:123456789012:t"]));
/// assert_eq!(policy.statements().len(), 1);
/// assert_eq!(policy.to_json(), r#"{"Statement":[{"Action":"sns:Publish","Effect":"Allow","Resource":"arn:aws:sns:us-east-1:123456789012:t"}],"Version":"2012-10-17"}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PolicyDocument {
    statements: Vec<Statement>,
}

impl PolicyDocument {
    /// No statements. (Example on [`PolicyDocument`].)
    #[must_use]
    pub fn new() -> PolicyDocument {
        PolicyDocument::default()
    }

    /// Adds `statement` unless the same statement is there. (Example on [`PolicyDocument`].)
    pub fn add(&mut self, statement: Statement) {
        if !self.statements.contains(&statement) {
            self.statements.push(statement);
        }
    }

    /// The statements, in the order they were added. (Example on [`PolicyDocument`].)
    pub fn statements(&self) -> &[Statement] {
        &self.statements
    }

    /// Whether there are no statements (the role needs nothing).
    ///
    /// ```
    /// assert!(stepfn::iam::PolicyDocument::new().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.statements.is_empty()
    }

    /// The document as JSON.
    ///
    /// ```
    /// let json = stepfn::iam::PolicyDocument::new().to_value();
    /// assert_eq!(serde_json::to_string(&json)?, r#"{"Statement":[],"Version":"2012-10-17"}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn to_value(&self) -> Json {
        let mut object = JsonObject::new();
        let statements = self.statements.iter().map(Statement::to_value).collect();
        object.insert("Statement".to_owned(), Json::Array(statements));
        object.insert("Version".to_owned(), Json::from("2012-10-17"));
        Json::Object(object)
    }

    /// The document as JSON text, on one line. (Example on [`PolicyDocument`].)
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.to_value()).unwrap_or_default()
    }

    /// The document as JSON text, indented by two spaces.
    ///
    /// ```
    /// let text = stepfn::iam::PolicyDocument::new().to_json_pretty();
    /// assert!(text.starts_with("{\n  \"Statement\": []"));
    /// ```
    #[must_use]
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(&self.to_value()).unwrap_or_default()
    }
}
