//! [`Jsonata`]: a JSONata expression as ASL writes it, `{% expression %}`.

use std::fmt;

use crate::model::Json;

/// A JSONata expression wrapped in its delimiters, `{% expression %}`, for
/// the fields of JSONata states (`Arguments`, `Output`, `Assign` values,
/// `Condition`, `Items`, timeouts, …).
///
/// ```
/// use stepfn::builder::Jsonata;
/// use stepfn::model::Json;
/// let total = Jsonata::new("$sum($states.input.items.price)");
/// assert_eq!(total.to_string(), "{% $sum($states.input.items.price) %}");
/// assert_eq!(Json::from(total), Json::from("{% $sum($states.input.items.price) %}"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[must_use]
pub struct Jsonata(String);

impl Jsonata {
    /// Wraps `expression` as `{% expression %}`. Text that is already
    /// wrapped (starts with `{%` and ends with `%}` once surrounding blanks
    /// are trimmed) is kept, trimmed. The expression may span several
    /// lines; it is checked when the machine is built.
    ///
    /// ```
    /// use stepfn::builder::Jsonata;
    /// assert_eq!(Jsonata::new("$x + 1").as_str(), "{% $x + 1 %}");
    /// assert_eq!(Jsonata::new("{% $x + 1 %}").as_str(), "{% $x + 1 %}");
    /// assert_eq!(Jsonata::new(" {% $x %} ").as_str(), "{% $x %}");
    /// ```
    pub fn new(expression: impl Into<String>) -> Jsonata {
        let expression = expression.into();
        let trimmed = expression.trim();
        if trimmed.len() >= 4 && trimmed.starts_with("{%") && trimmed.ends_with("%}") {
            return Jsonata(trimmed.to_owned());
        }
        Jsonata(format!("{{% {expression} %}}"))
    }

    /// `{% $states.input %}`: the state's input.
    ///
    /// ```
    /// use stepfn::builder::Jsonata;
    /// assert_eq!(Jsonata::states_input().as_str(), "{% $states.input %}");
    /// ```
    pub fn states_input() -> Jsonata {
        Jsonata::new("$states.input")
    }

    /// `{% $states.result %}`: the Task, Map or Parallel result (in
    /// `Output` and `Assign` only).
    ///
    /// ```
    /// use stepfn::builder::Jsonata;
    /// assert_eq!(Jsonata::states_result().as_str(), "{% $states.result %}");
    /// ```
    pub fn states_result() -> Jsonata {
        Jsonata::new("$states.result")
    }

    /// `{% $states.errorOutput %}`: the error output (in a Catcher's
    /// `Output` and `Assign` only).
    ///
    /// ```
    /// use stepfn::builder::Jsonata;
    /// assert_eq!(Jsonata::states_error_output().as_str(), "{% $states.errorOutput %}");
    /// ```
    pub fn states_error_output() -> Jsonata {
        Jsonata::new("$states.errorOutput")
    }

    /// `{% $states.context %}`: the context object; add fields with
    /// [`Jsonata::new`], e.g. `$states.context.Execution.Id`.
    ///
    /// ```
    /// use stepfn::builder::Jsonata;
    /// assert_eq!(Jsonata::states_context().as_str(), "{% $states.context %}");
    /// assert_eq!(
    ///     Jsonata::new("$states.context.Execution.Id").as_str(),
    ///     "{% $states.context.Execution.Id %}"
    /// );
    /// ```
    pub fn states_context() -> Jsonata {
        Jsonata::new("$states.context")
    }

    /// The whole text, delimiters included.
    ///
    /// ```
    /// use stepfn::builder::Jsonata;
    /// assert_eq!(Jsonata::new("1").as_str(), "{% 1 %}");
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The expression without its delimiters and surrounding blanks.
    ///
    /// ```
    /// use stepfn::builder::Jsonata;
    /// assert_eq!(Jsonata::new("{%  $a & $b %}").expression(), "$a & $b");
    /// ```
    #[must_use]
    pub fn expression(&self) -> &str {
        self.0
            .strip_prefix("{%")
            .and_then(|s| s.strip_suffix("%}"))
            .unwrap_or(&self.0)
            .trim()
    }
}

impl fmt::Display for Jsonata {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for Jsonata {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl From<Jsonata> for String {
    fn from(expression: Jsonata) -> String {
        expression.0
    }
}

impl From<Jsonata> for Json {
    fn from(expression: Jsonata) -> Json {
        Json::String(expression.0)
    }
}

/// Unit tests.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_once() {
        assert_eq!(Jsonata::new("$x").as_str(), "{% $x %}");
        assert_eq!(Jsonata::new("{% $x %}").as_str(), "{% $x %}");
        assert_eq!(Jsonata::new("\t{% $x %}\n").as_str(), "{% $x %}");
        assert_eq!(Jsonata::new(Jsonata::new("$x")).as_str(), "{% $x %}");
        assert_eq!(Jsonata::new("").as_str(), "{%  %}");
        assert_eq!(Jsonata::new("{%").as_str(), "{% {% %}");
        assert_eq!(Jsonata::new("%}").as_str(), "{% %} %}");
        assert_eq!(Jsonata::new("{%}").as_str(), "{% {%} %}");
    }

    #[test]
    fn helpers_name_the_states_fields() {
        assert_eq!(Jsonata::states_input().expression(), "$states.input");
        assert_eq!(Jsonata::states_result().expression(), "$states.result");
        assert_eq!(
            Jsonata::states_error_output().expression(),
            "$states.errorOutput"
        );
        assert_eq!(Jsonata::states_context().expression(), "$states.context");
    }

    #[test]
    fn converts_to_text_and_json() {
        let e = Jsonata::new("$a");
        assert_eq!(e.as_ref(), "{% $a %}");
        assert_eq!(format!("{e}"), "{% $a %}");
        assert_eq!(String::from(e.clone()), "{% $a %}");
        assert_eq!(Json::from(e), Json::String("{% $a %}".to_owned()));
    }

    #[test]
    fn a_jsonata_machine_using_expressions_is_valid() {
        let output = Json::Object(
            [
                ("input".to_owned(), Json::from(Jsonata::states_input())),
                (
                    "id".to_owned(),
                    Json::from(Jsonata::new("$states.context.Execution.Id")),
                ),
            ]
            .into_iter()
            .collect(),
        );
        let text = format!(
            r#"{{"QueryLanguage": "JSONata", "StartAt": "S", "States": {{"S": {{"Type": "Pass", "Output": {}, "End": true}}}}}}"#,
            serde_json::to_string(&output).unwrap_or_default()
        );
        let report = crate::validate::Validator::new().check_str(&text);
        assert!(report.errors().is_empty(), "{:?}", report.errors());
    }
}
