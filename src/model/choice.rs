//! The Choice state and its rules.

use serde::Serialize;

use super::{Comparison, Json, JsonObject, OrJsonata, QueryLanguage};

/// `"Type": "Choice"`: goes to the `Next` of the first rule that holds, else to
/// `Default`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Choice {
    /// `Comment`
    #[serde(rename = "Comment", skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// `QueryLanguage`: overrides the machine's.
    #[serde(rename = "QueryLanguage", skip_serializing_if = "Option::is_none")]
    pub query_language: Option<QueryLanguage>,
    /// `InputPath` (JSONPath); `Some(None)` is an explicit `null`.
    #[serde(rename = "InputPath", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::schema::NullableString>")
    )]
    pub input_path: Option<Option<String>>,
    /// `Choices`: the rules, tried in order.
    #[serde(rename = "Choices")]
    pub choices: Vec<ChoiceRule>,
    /// `Default`: the state to go to when no rule holds.
    #[serde(rename = "Default", skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
    /// `OutputPath` (JSONPath); `Some(None)` is an explicit `null`.
    #[serde(rename = "OutputPath", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::schema::NullableString>")
    )]
    pub output_path: Option<Option<String>>,
    /// `Output` (JSONata): the output when `Default` is taken.
    #[serde(rename = "Output", skip_serializing_if = "Option::is_none")]
    pub output: Option<Json>,
    /// `Assign`: variables to set when `Default` is taken.
    #[serde(rename = "Assign", skip_serializing_if = "Option::is_none")]
    pub assign: Option<JsonObject>,
}

/// One entry of `Choices`: a condition and the state to go to when it holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct ChoiceRule {
    /// `Comment`
    #[serde(rename = "Comment", skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// The condition: a data test, `And`/`Or`/`Not`, or a JSONata `Condition`.
    #[serde(flatten)]
    pub condition: ChoiceCondition,
    /// `Assign`: variables to set when this rule is taken.
    #[serde(rename = "Assign", skip_serializing_if = "Option::is_none")]
    pub assign: Option<JsonObject>,
    /// `Output` (JSONata): the output when this rule is taken.
    #[serde(rename = "Output", skip_serializing_if = "Option::is_none")]
    pub output: Option<Json>,
    /// `Next`: the state to go to.
    #[serde(rename = "Next")]
    pub next: String,
}

/// A rule inside `And`, `Or` or `Not`: a condition with no `Next` of its own.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct NestedRule {
    /// `Comment`
    #[serde(rename = "Comment", skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// The condition.
    #[serde(flatten)]
    pub condition: ChoiceCondition,
}

/// What a Choice rule tests: exactly one of these, so a rule can never carry
/// two operators.
///
/// ```
/// use stepfn::model::{ChoiceCondition, Comparison, DataTest, Number};
/// let test = ChoiceCondition::Data(DataTest {
///     variable: "$.count".to_owned(),
///     comparison: Comparison::NumericGreaterThan(Number::from(5)),
/// });
/// assert_eq!(serde_json::to_string(&test).unwrap(),
///            r#"{"Variable":"$.count","NumericGreaterThan":5}"#);
/// ```
///
/// A data test has one operator; there is no room for a second:
///
/// ```compile_fail
/// use stepfn::model::{Comparison, DataTest};
/// let two = DataTest {
///     variable: "$.x".to_owned(),
///     comparison: Comparison::StringEquals("a".to_owned()),
///     also: Comparison::IsNull(true),
/// };
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum ChoiceCondition {
    /// `And`: every nested rule holds.
    And(Vec<NestedRule>),
    /// `Or`: at least one nested rule holds.
    Or(Vec<NestedRule>),
    /// `Not`: the nested rule does not hold.
    Not(Box<NestedRule>),
    /// `Condition` (JSONata): `true`, `false` or a `{% ... %}` expression.
    #[serde(rename = "Condition")]
    Jsonata(OrJsonata<bool>),
    /// `Variable` with one comparison operator (JSONPath).
    #[serde(untagged)]
    Data(DataTest),
}

/// `Variable` and one comparison operator, e.g.
/// `{"Variable": "$.n", "NumericGreaterThan": 5}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DataTest {
    /// `Variable`: the path of the value to test.
    #[serde(rename = "Variable")]
    pub variable: String,
    /// The operator and its operand.
    #[serde(flatten)]
    pub comparison: Comparison,
}
