//! `Wait`: pauses for a duration or until a time.

use crate::model::{self, OrJsonata, Transition, WaitFor};

use crate::builder::fields::state_fields;
use crate::builder::graph::{Pending, Piece};
use crate::builder::Seconds;

/// A `Wait` state. Each constructor sets its one duration field, so a Wait
/// always has exactly one:
///
/// ```compile_fail
/// use stepfn::builder::Wait;
/// let state = Wait::new("Wait"); // no duration: there is no such constructor
/// ```
///
/// ```compile_fail
/// use stepfn::builder::Wait;
/// let state = Wait::seconds("Wait", 10).timestamp("2030-01-01T00:00:00Z"); // a second one
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct Wait {
    pub(crate) name: String,
    pub(crate) inner: model::Wait,
    pub(crate) problems: Vec<Pending>,
    pub(crate) brings: Vec<Piece>,
}

impl Wait {
    fn with(name: impl Into<String>, wait_for: WaitFor) -> Wait {
        Wait {
            name: name.into(),
            inner: model::Wait {
                comment: None,
                query_language: None,
                input_path: None,
                wait_for,
                output_path: None,
                output: None,
                assign: None,
                transition: Transition::End,
            },
            problems: Vec::new(),
            brings: Vec::new(),
        }
    }

    /// Waits `seconds` seconds (`Seconds`).
    ///
    /// ```
    /// use stepfn::builder::Wait;
    /// assert_eq!(Wait::seconds("Pause", 10).to_json(), r#"{"Type":"Wait","Seconds":10,"End":true}"#);
    /// ```
    pub fn seconds(name: impl Into<String>, seconds: impl Into<Seconds>) -> Wait {
        match seconds.into().get() {
            Ok(seconds) => Wait::with(name, WaitFor::Seconds(OrJsonata::Value(seconds))),
            Err(negative) => {
                let mut wait = Wait::with(name, WaitFor::Seconds(OrJsonata::Value(0)));
                wait.problems.push(Pending::new(
                    &wait.name,
                    crate::problem::Path::root().key("Seconds"),
                    crate::Code::ValueOutOfRange,
                    crate::builder::seconds::negative("Seconds", negative),
                ));
                wait
            }
        }
    }

    /// Waits the number of seconds a JSONata expression gives (`Seconds`,
    /// JSONata states).
    ///
    /// ```
    /// use stepfn::builder::{Jsonata, Wait};
    /// assert_eq!(Wait::seconds_jsonata("Pause", Jsonata::new("$states.input.delay")).to_json(),
    ///            r#"{"Type":"Wait","Seconds":"{% $states.input.delay %}","End":true}"#);
    /// ```
    pub fn seconds_jsonata(name: impl Into<String>, expression: crate::builder::Jsonata) -> Wait {
        Wait::with(
            name,
            WaitFor::Seconds(OrJsonata::Jsonata(String::from(expression))),
        )
    }

    /// Waits the number of seconds found at a path (`SecondsPath`, JSONPath).
    ///
    /// ```
    /// use stepfn::builder::Wait;
    /// assert_eq!(Wait::seconds_path("Wait X Seconds", "$.waitSeconds").to_json(),
    ///            r#"{"Type":"Wait","SecondsPath":"$.waitSeconds","End":true}"#);
    /// ```
    pub fn seconds_path(name: impl Into<String>, path: impl Into<String>) -> Wait {
        Wait::with(name, WaitFor::SecondsPath(path.into()))
    }

    /// Waits until a time (`Timestamp`): RFC 3339 text such as
    /// `2030-01-01T00:00:00Z`, or a JSONata expression in JSONata states.
    ///
    /// ```
    /// use stepfn::builder::Wait;
    /// assert_eq!(Wait::timestamp("Until", "2030-01-01T00:00:00Z").to_json(),
    ///            r#"{"Type":"Wait","Timestamp":"2030-01-01T00:00:00Z","End":true}"#);
    /// ```
    pub fn timestamp(name: impl Into<String>, timestamp: impl Into<String>) -> Wait {
        Wait::with(name, WaitFor::Timestamp(timestamp.into()))
    }

    /// Waits until the time found at a path (`TimestampPath`, JSONPath).
    ///
    /// ```
    /// use stepfn::builder::Wait;
    /// assert_eq!(Wait::timestamp_path("Until", "$.due").to_json(),
    ///            r#"{"Type":"Wait","TimestampPath":"$.due","End":true}"#);
    /// ```
    pub fn timestamp_path(name: impl Into<String>, path: impl Into<String>) -> Wait {
        Wait::with(name, WaitFor::TimestampPath(path.into()))
    }
}

state_builder!(Wait, open);
state_fields!(Wait, "Wait::seconds(\"S\", 5)"; comment, query_language, input_path, output_path,
    output, assign);
