//! `Fail`: stops the machine with an error.

use crate::model::{self, FailCause, FailError};

use crate::builder::fields::state_fields;
use crate::builder::graph::{Pending, Piece};

/// A `Fail` state: stops with an error name and a cause. Nothing can follow
/// it:
///
/// ```compile_fail
/// use stepfn::builder::{Fail, Pass};
/// let chain = Fail::new("Failed").next(Pass::new("After"));
/// ```
///
/// and it has no input or output fields:
///
/// ```compile_fail
/// use stepfn::builder::Fail;
/// let state = Fail::new("Failed").output_path("$.x");
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct Fail {
    pub(crate) name: String,
    pub(crate) inner: model::Fail,
    pub(crate) problems: Vec<Pending>,
    pub(crate) brings: Vec<Piece>,
}

impl Fail {
    /// A Fail state named `name`.
    ///
    /// ```
    /// use stepfn::builder::Fail;
    /// assert_eq!(Fail::new("Failed").to_json(), r#"{"Type":"Fail"}"#);
    /// ```
    pub fn new(name: impl Into<String>) -> Fail {
        Fail {
            name: name.into(),
            inner: model::Fail::default(),
            problems: Vec::new(),
            brings: Vec::new(),
        }
    }

    /// Sets `Error`: the error name (replacing an `ErrorPath`).
    ///
    /// ```
    /// use stepfn::builder::Fail;
    /// let state = Fail::new("Failed").error("Job.Failed").cause("the job said FAILED");
    /// assert_eq!(state.to_json(), r#"{"Type":"Fail","Error":"Job.Failed","Cause":"the job said FAILED"}"#);
    /// ```
    pub fn error(mut self, error: impl Into<String>) -> Fail {
        self.inner.error = Some(FailError::Value(error.into()));
        self
    }

    /// Sets `ErrorPath` (JSONPath): a path or a string-returning intrinsic
    /// giving the error name (replacing an `Error`).
    ///
    /// ```
    /// use stepfn::builder::{Fail, JsonPath};
    /// let state = Fail::new("Failed").error_path(JsonPath::new("$.error"));
    /// assert_eq!(state.to_json(), r#"{"Type":"Fail","ErrorPath":"$.error"}"#);
    /// ```
    pub fn error_path(mut self, path: impl Into<String>) -> Fail {
        self.inner.error = Some(FailError::Path(path.into()));
        self
    }

    /// Sets `Cause`: a human-readable explanation (replacing a `CausePath`).
    ///
    /// ```
    /// use stepfn::builder::Fail;
    /// assert_eq!(Fail::new("Failed").cause("out of stock").to_json(),
    ///            r#"{"Type":"Fail","Cause":"out of stock"}"#);
    /// ```
    pub fn cause(mut self, cause: impl Into<String>) -> Fail {
        self.inner.cause = Some(FailCause::Value(cause.into()));
        self
    }

    /// Sets `CausePath` (JSONPath): a path or a string-returning intrinsic
    /// giving the cause (replacing a `Cause`).
    ///
    /// ```
    /// use stepfn::builder::{Fail, Intrinsic, JsonPath};
    /// let state = Fail::new("Failed")
    ///     .cause_path(Intrinsic::format("order {} failed", [JsonPath::new("$.id")]));
    /// assert_eq!(state.to_json(), r#"{"Type":"Fail","CausePath":"States.Format('order {} failed', $.id)"}"#);
    /// ```
    pub fn cause_path(mut self, path: impl Into<String>) -> Fail {
        self.inner.cause = Some(FailCause::Path(path.into()));
        self
    }
}

state_builder!(Fail, terminal);
state_fields!(Fail, "Fail::new(\"S\")"; comment, query_language);
