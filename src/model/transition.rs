//! `Next` xor `"End": true`, as one value.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

/// Where a Task, Pass, Wait, Parallel or Map state goes when it is done: exactly
/// one of `Next` and `"End": true`, so a state can never have both or neither.
///
/// ```
/// use stepfn::model::{Pass, State, StateMachine, States, Transition};
/// let mut states = States::default();
/// let pass = Pass { comment: None, query_language: None, input_path: None, parameters: None,
///     result: None, result_path: None, output_path: None, output: None, assign: None,
///     transition: Transition::End };
/// states.insert("Hi".to_owned(), State::from(pass));
/// assert_eq!(StateMachine::new("Hi", states).to_json_compact().unwrap(),
///            r#"{"StartAt":"Hi","States":{"Hi":{"Type":"Pass","End":true}}}"#);
/// ```
///
/// A state has one transition, so it cannot carry both:
///
/// ```compile_fail
/// use stepfn::model::Transition;
/// let both = Transition::NextAndEnd("Done".to_owned());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Transition {
    /// `"Next": "<state>"`
    Next(String),
    /// `"End": true`
    End,
}

impl Transition {
    /// The name of the next state, if there is one.
    #[must_use]
    pub fn next(&self) -> Option<&str> {
        match self {
            Transition::Next(name) => Some(name),
            Transition::End => None,
        }
    }
}

/// Written as the one field `Next` or `End`, to be flattened into its state.
impl Serialize for Transition {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        match self {
            Transition::Next(name) => map.serialize_entry("Next", name)?,
            Transition::End => map.serialize_entry("End", &true)?,
        }
        map.end()
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Transition {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Transition".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "oneOf": [
                {
                    "type": "object",
                    "properties": { "Next": { "type": "string" } },
                    "required": ["Next"]
                },
                {
                    "type": "object",
                    "properties": { "End": { "const": true } },
                    "required": ["End"]
                }
            ]
        })
    }
}
