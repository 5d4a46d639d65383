//! The fields several state types share, as setter methods generated for each
//! state type that takes them, so a state cannot take a field its type forbids.

use crate::model::{Json, JsonObject};
use crate::Code;

use super::graph::Pending;
use super::JsonPath;

/// A value for `InputPath`, `OutputPath` or `ResultPath`: a path, or [`Discard`]
/// for an explicit `null`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NullablePath(pub(crate) Option<String>);

/// An explicit `null` for `InputPath` (the state gets `{}`), `OutputPath` (it
/// passes on `{}`) or `ResultPath` (it passes on its input, discarding the
/// result).
///
/// ```
/// use stepfn::builder::{Discard, Pass};
/// let state = Pass::new("Keep input").result_path(Discard);
/// assert_eq!(state.to_json(), r#"{"Type":"Pass","ResultPath":null,"End":true}"#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Discard;

impl From<Discard> for NullablePath {
    fn from(_: Discard) -> NullablePath {
        NullablePath(None)
    }
}

impl From<&str> for NullablePath {
    fn from(path: &str) -> NullablePath {
        NullablePath(Some(path.to_owned()))
    }
}

impl From<String> for NullablePath {
    fn from(path: String) -> NullablePath {
        NullablePath(Some(path))
    }
}

impl From<JsonPath> for NullablePath {
    fn from(path: JsonPath) -> NullablePath {
        NullablePath(Some(path.into()))
    }
}

/// An object-valued field (`ResultSelector`, `Assign`, `Credentials`): the
/// object, or a problem naming the field when the value is not an object.
pub(crate) fn object(state: &str, field: &str, value: Json) -> Result<JsonObject, Pending> {
    match value {
        Json::Object(object) => Ok(object),
        other => Err(Pending::new(
            state,
            crate::problem::Path::root().key(field),
            Code::WrongType,
            format!(
                "`{field}` must be an object, not {}; build it with `Payload::new()` or `json!({{...}})`",
                other.type_name()
            ),
        )),
    }
}

/// Generates one documented setter per listed field for a state builder whose
/// model struct is in `self.inner`, whose name is `self.name` and whose
/// problems go to `self.problems`. `$new` is an expression that makes a state
/// of this type named `S`, used in the doctests.
macro_rules! state_fields {
    ($ty:ident, $new:literal; $($field:ident),* $(,)?) => {
        impl $ty {
            $(state_fields!(@one $ty, $new, $field);)*
        }
    };
    (@doc $ty:ident, $new:literal, $call:literal, $fragment:literal) => {
        concat!(
            "```\n",
            "use stepfn::builder::*;\n",
            "let state = ", $new, ".", $call, ";\n",
            "assert!(state.to_json().contains(r#\"", $fragment, "\"#), \"{}\", state.to_json());\n",
            "```"
        )
    };
    (@one $ty:ident, $new:literal, comment) => {
        /// Sets `Comment`: a note for readers of the definition.
        #[doc = state_fields!(@doc $ty, $new, "comment(\"Why this state exists\")", "\"Comment\":\"Why this state exists\"")]
        pub fn comment(mut self, comment: impl Into<String>) -> Self {
            self.inner.comment = Some(comment.into());
            self
        }
    };
    (@one $ty:ident, $new:literal, query_language) => {
        /// Sets `QueryLanguage` for this state, overriding the machine's.
        #[doc = state_fields!(@doc $ty, $new, "query_language(QueryLanguage::Jsonata)", "\"QueryLanguage\":\"JSONata\"")]
        pub fn query_language(mut self, language: crate::model::QueryLanguage) -> Self {
            self.inner.query_language = Some(language);
            self
        }
    };
    (@one $ty:ident, $new:literal, input_path) => {
        /// Sets `InputPath` (JSONPath): the part of the input the state works on;
        /// [`Discard`](crate::builder::Discard) gives it `{}`.
        #[doc = state_fields!(@doc $ty, $new, "input_path(\"$.order\")", "\"InputPath\":\"$.order\"")]
        pub fn input_path(mut self, path: impl Into<crate::builder::NullablePath>) -> Self {
            self.inner.input_path = Some(path.into().0);
            self
        }
    };
    (@one $ty:ident, $new:literal, output_path) => {
        /// Sets `OutputPath` (JSONPath): the part of the result passed on;
        /// [`Discard`](crate::builder::Discard) passes on `{}`.
        #[doc = state_fields!(@doc $ty, $new, "output_path(\"$.Payload\")", "\"OutputPath\":\"$.Payload\"")]
        pub fn output_path(mut self, path: impl Into<crate::builder::NullablePath>) -> Self {
            self.inner.output_path = Some(path.into().0);
            self
        }
    };
    (@one $ty:ident, $new:literal, result_path) => {
        /// Sets `ResultPath` (JSONPath): where in the input the result goes;
        /// [`Discard`](crate::builder::Discard) keeps the input unchanged.
        #[doc = state_fields!(@doc $ty, $new, "result_path(\"$.result\")", "\"ResultPath\":\"$.result\"")]
        pub fn result_path(mut self, path: impl Into<crate::builder::NullablePath>) -> Self {
            self.inner.result_path = Some(path.into().0);
            self
        }
    };
    (@one $ty:ident, $new:literal, parameters) => {
        /// Sets `Parameters` (JSONPath): the payload template the state works on;
        /// build it with [`Payload`](crate::builder::Payload) so paths and
        /// intrinsics get their `.$` keys.
        #[doc = state_fields!(@doc $ty, $new, "parameters(Payload::new().field(\"id\", JsonPath::new(\"$.order.id\")))", "\"Parameters\":{\"id.$\":\"$.order.id\"}")]
        pub fn parameters(mut self, payload: impl Into<crate::model::Json>) -> Self {
            self.inner.parameters = Some(payload.into());
            self
        }
    };
    (@one $ty:ident, $new:literal, arguments) => {
        /// Sets `Arguments` (JSONata): the input the state passes on, literal
        /// JSON with `{% ... %}` expressions in it.
        #[doc = state_fields!(@doc $ty, $new, "arguments(serde_json::json!({\"id\": \"{% $states.input.id %}\"}))", "\"Arguments\":{\"id\":\"{% $states.input.id %}\"}")]
        pub fn arguments(mut self, arguments: impl Into<crate::model::Json>) -> Self {
            self.inner.arguments = Some(arguments.into());
            self
        }
    };
    (@one $ty:ident, $new:literal, output) => {
        /// Sets `Output` (JSONata): the state's output, literal JSON with
        /// `{% ... %}` expressions in it.
        #[doc = state_fields!(@doc $ty, $new, "output(Jsonata::new(\"$states.input.total\"))", "\"Output\":\"{% $states.input.total %}\"")]
        pub fn output(mut self, output: impl Into<crate::model::Json>) -> Self {
            self.inner.output = Some(output.into());
            self
        }
    };
    (@one $ty:ident, $new:literal, result_selector) => {
        /// Sets `ResultSelector` (JSONPath): a payload template applied to the
        /// result. It must be an object.
        #[doc = state_fields!(@doc $ty, $new, "result_selector(Payload::new().field(\"tracking\", JsonPath::new(\"$.Payload.tracking\")))", "\"ResultSelector\":{\"tracking.$\":\"$.Payload.tracking\"}")]
        pub fn result_selector(mut self, payload: impl Into<crate::model::Json>) -> Self {
            match crate::builder::fields::object(&self.name, "ResultSelector", payload.into()) {
                Ok(object) => self.inner.result_selector = Some(object),
                Err(problem) => self.problems.push(problem),
            }
            self
        }
    };
    (@one $ty:ident, $new:literal, assign) => {
        /// Sets `Assign`: variables to set when the state is done. In JSONPath
        /// states it is a payload template ([`Payload`](crate::builder::Payload));
        /// in JSONata states plain JSON with `{% ... %}` expressions. It must be
        /// an object.
        #[doc = state_fields!(@doc $ty, $new, "assign(Payload::new().field(\"attempt\", 1))", "\"Assign\":{\"attempt\":1}")]
        pub fn assign(mut self, variables: impl Into<crate::model::Json>) -> Self {
            match crate::builder::fields::object(&self.name, "Assign", variables.into()) {
                Ok(object) => self.inner.assign = Some(object),
                Err(problem) => self.problems.push(problem),
            }
            self
        }
    };
}

pub(crate) use state_fields;
