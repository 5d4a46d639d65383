//! `Catch`: which errors a Task, Parallel or Map hands to a fallback state.

use crate::model::{Catcher, Json};

use super::errors;
use super::fields::NullablePath;

/// One catcher, without its target: the target is the second argument of
/// `.catch()` on a Task, Parallel or Map.
///
/// Catchers are written in the order they were added: a `States.ALL` catcher
/// that is not the last one is a build error, never silently moved.
///
/// ```
/// use stepfn::builder::{errors, Catch, Pass, Task, StateMachine};
/// let task = Task::new("Charge", "arn:aws:states:::lambda:invoke")
///     .catch(Catch::on([errors::TIMEOUT]), Pass::new("Timed out"))
///     .catch(Catch::all().result_path("$.error"), Pass::new("Failed"));
/// let json = task.to_json();
/// assert!(json.contains(r#""Catch":[{"ErrorEquals":["States.Timeout"],"Next":"Timed out"},{"ErrorEquals":["States.ALL"],"ResultPath":"$.error","Next":"Failed"}]"#), "{json}");
/// ```
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub struct Catch {
    pub(crate) inner: Catcher,
    /// A value ASL cannot hold, reported when the catcher is added to a state.
    pub(crate) problem: Option<(&'static str, String)>,
}

impl Catch {
    /// Catches the named errors.
    ///
    /// ```
    /// use stepfn::builder::{Catch, Pass, Task};
    /// let task = Task::new("T", "arn:aws:states:::lambda:invoke")
    ///     .catch(Catch::on(["Order.Invalid"]), Pass::new("Reject"));
    /// assert!(task.to_json().contains(r#""Catch":[{"ErrorEquals":["Order.Invalid"],"Next":"Reject"}]"#));
    /// ```
    pub fn on<I>(errors: I) -> Catch
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        Catch {
            inner: Catcher {
                comment: None,
                error_equals: errors.into_iter().map(Into::into).collect(),
                result_path: None,
                output: None,
                assign: None,
                next: String::new(),
            },
            problem: None,
        }
    }

    /// Catches every error (`States.ALL`); add it after the others.
    ///
    /// ```
    /// use stepfn::builder::{Catch, Pass, Task};
    /// let task = Task::new("T", "arn:aws:states:::lambda:invoke").catch(Catch::all(), Pass::new("Recover"));
    /// assert!(task.to_json().contains(r#""Catch":[{"ErrorEquals":["States.ALL"],"Next":"Recover"}]"#));
    /// ```
    pub fn all() -> Catch {
        Catch::on([errors::ALL])
    }

    /// Sets `ResultPath` (JSONPath): where the error output goes in the input
    /// passed to the fallback; [`Discard`](super::Discard) passes the input on
    /// unchanged.
    ///
    /// ```
    /// use stepfn::builder::{Catch, Pass, Task};
    /// let task = Task::new("T", "arn:aws:states:::lambda:invoke")
    ///     .catch(Catch::all().result_path("$.error"), Pass::new("Recover"));
    /// assert!(task.to_json().contains(r#""ResultPath":"$.error","Next":"Recover""#));
    /// ```
    pub fn result_path(mut self, path: impl Into<NullablePath>) -> Catch {
        self.inner.result_path = Some(path.into().0);
        self
    }

    /// Sets `Output` (JSONata): what the fallback state gets.
    ///
    /// ```
    /// use stepfn::builder::{Catch, Jsonata, Pass, Task};
    /// let task = Task::new("T", "arn:aws:states:::lambda:invoke")
    ///     .catch(Catch::all().output(Jsonata::new("$states.errorOutput")), Pass::new("Recover"));
    /// assert!(task.to_json().contains(r#""Output":"{% $states.errorOutput %}""#));
    /// ```
    pub fn output(mut self, output: impl Into<Json>) -> Catch {
        self.inner.output = Some(output.into());
        self
    }

    /// Sets `Assign`: variables to set when the error is caught. A value that
    /// is not an object is a build error.
    ///
    /// ```
    /// use stepfn::builder::{Catch, Pass, Payload, Task};
    /// let task = Task::new("T", "arn:aws:states:::lambda:invoke")
    ///     .catch(Catch::all().assign(Payload::new().field("failed", true)), Pass::new("Recover"));
    /// assert!(task.to_json().contains(r#""Assign":{"failed":true}"#));
    /// ```
    pub fn assign(mut self, variables: impl Into<Json>) -> Catch {
        match variables.into() {
            Json::Object(object) => self.inner.assign = Some(object),
            other => {
                self.problem = Some((
                    "Assign",
                    format!("`Assign` must be an object, not {}", other.type_name()),
                ));
            }
        }
        self
    }

    /// Sets `Comment`.
    ///
    /// ```
    /// use stepfn::builder::{Catch, Pass, Task};
    /// let task = Task::new("T", "arn:aws:states:::lambda:invoke")
    ///     .catch(Catch::all().comment("anything else"), Pass::new("Recover"));
    /// assert!(task.to_json().contains(r#""Catch":[{"Comment":"anything else""#));
    /// ```
    pub fn comment(mut self, comment: impl Into<String>) -> Catch {
        self.inner.comment = Some(comment.into());
        self
    }
}
