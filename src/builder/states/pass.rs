//! `Pass`: passes its input on, or a fixed `Result`.

use crate::model::{self, Json, Transition};

use crate::builder::fields::state_fields;
use crate::builder::graph::{Pending, Piece};

/// A `Pass` state: passes its input on, shaped by its fields, or a fixed
/// `Result`.
///
/// ```
/// use stepfn::builder::Pass;
/// let state = Pass::new("Greet").result(serde_json::json!({"hello": "world"}));
/// assert_eq!(state.to_json(), r#"{"Type":"Pass","Result":{"hello":"world"},"End":true}"#);
/// ```
///
/// A Pass state has no `ResultSelector`, `Retry` or `Catch`:
///
/// ```compile_fail
/// use stepfn::builder::{Pass, Payload};
/// let state = Pass::new("P").result_selector(Payload::new());
/// ```
///
/// ```compile_fail
/// use stepfn::builder::{Pass, Retry};
/// let state = Pass::new("P").retry(Retry::all());
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct Pass {
    pub(crate) name: String,
    pub(crate) inner: model::Pass,
    pub(crate) problems: Vec<Pending>,
    pub(crate) brings: Vec<Piece>,
}

impl Pass {
    /// A Pass state named `name`.
    ///
    /// ```
    /// use stepfn::builder::Pass;
    /// assert_eq!(Pass::new("Start").to_json(), r#"{"Type":"Pass","End":true}"#);
    /// ```
    pub fn new(name: impl Into<String>) -> Pass {
        Pass {
            name: name.into(),
            inner: model::Pass {
                comment: None,
                query_language: None,
                input_path: None,
                parameters: None,
                result: None,
                result_path: None,
                output_path: None,
                output: None,
                assign: None,
                transition: Transition::End,
            },
            problems: Vec::new(),
            brings: Vec::new(),
        }
    }

    /// Sets `Result` (JSONPath): a fixed value used as the state's result,
    /// written as given (paths in it are not evaluated; `null`s are kept):
    /// any value serde can write as JSON, your own structs included, with
    /// their fields in order.
    ///
    /// ```
    /// use stepfn::builder::Pass;
    /// #[derive(serde::Serialize)]
    /// struct Stock { restocked: bool, count: u32 }
    /// let state = Pass::new("Fixed").result(Stock { restocked: true, count: 12 });
    /// assert_eq!(state.to_json(), r#"{"Type":"Pass","Result":{"restocked":true,"count":12},"End":true}"#);
    /// assert!(Pass::new("N").result(42).to_json().contains(r#""Result":42"#));
    /// assert!(Pass::new("F").result(2.5).to_json().contains(r#""Result":2.5"#));
    /// assert!(Pass::new("J").result(serde_json::json!({"note": null})).to_json().contains(r#""Result":{"note":null}"#));
    /// ```
    pub fn result(mut self, result: impl serde::Serialize) -> Pass {
        match Json::from_serialize(&result) {
            Ok(json) => self.inner.result = Some(json),
            Err(message) => self.problems.push(crate::builder::graph::Pending::new(
                &self.name,
                crate::problem::Path::root().key("Result"),
                crate::Code::WrongType,
                format!("`Result` cannot be written as JSON: {message}"),
            )),
        }
        self
    }
}

state_builder!(Pass, open);
state_fields!(Pass, "Pass::new(\"S\")"; comment, query_language, input_path, parameters,
    result_path, output_path, output, assign);
