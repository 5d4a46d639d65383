//! Pairs of fields of which a state may carry only one: `X` or `XPath`.
//!
//! Each pair is one enum, so a Task cannot hold both `TimeoutSeconds` and
//! `TimeoutSecondsPath`:
//!
//! ```compile_fail
//! # use stepfn::model::Task;
//! fn both(task: &Task) -> (&Option<u64>, &Option<String>) {
//!     (&task.timeout_seconds, &task.timeout_seconds_path)
//! }
//! ```
//!
//! ```
//! use stepfn::model::{OrJsonata, TimeoutSeconds};
//! let literal = TimeoutSeconds::Value(OrJsonata::Value(30));
//! assert_eq!(serde_json::to_string(&literal).unwrap(), r#"{"TimeoutSeconds":30}"#);
//! let from_input = TimeoutSeconds::Path("$.timeout".to_owned());
//! assert_eq!(serde_json::to_string(&from_input).unwrap(), r#"{"TimeoutSecondsPath":"$.timeout"}"#);
//! ```

use serde::Serialize;

use super::{Number, OrJsonata};

/// Defines an enum written as either `$field` (a value) or `$path_field` (a
/// reference path), flattened into its parent.
macro_rules! value_or_path {
    ($(#[$doc:meta])* $name:ident($value:ty), $field:literal, $path_field:literal) => {
        $(#[$doc])*
        #[doc = concat!("\n\nWritten as `", $field, "` or `", $path_field, "`, never both.")]
        #[derive(Debug, Clone, PartialEq, Serialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        pub enum $name {
            #[doc = concat!("`", $field, "`: the value itself.")]
            #[serde(rename = $field)]
            Value($value),
            #[doc = concat!("`", $path_field, "`: a reference path to the value (JSONPath states).")]
            #[serde(rename = $path_field)]
            Path(String),
        }
    };
}

value_or_path!(
    /// A Task's timeout in seconds.
    TimeoutSeconds(OrJsonata<u64>), "TimeoutSeconds", "TimeoutSecondsPath"
);
value_or_path!(
    /// A Task's heartbeat interval in seconds.
    HeartbeatSeconds(OrJsonata<u64>), "HeartbeatSeconds", "HeartbeatSecondsPath"
);
value_or_path!(
    /// How many Map iterations may run at once (0: as many as possible).
    MaxConcurrency(OrJsonata<u64>), "MaxConcurrency", "MaxConcurrencyPath"
);
value_or_path!(
    /// The percentage of failed items a Distributed Map tolerates (0 to 100).
    ToleratedFailurePercentage(OrJsonata<Number>),
    "ToleratedFailurePercentage",
    "ToleratedFailurePercentagePath"
);
value_or_path!(
    /// The number of failed items a Distributed Map tolerates.
    ToleratedFailureCount(OrJsonata<u64>), "ToleratedFailureCount", "ToleratedFailureCountPath"
);
value_or_path!(
    /// The most items an ItemReader reads (0: no limit).
    MaxItems(OrJsonata<u64>), "MaxItems", "MaxItemsPath"
);
value_or_path!(
    /// The most items in one ItemBatcher batch.
    MaxItemsPerBatch(OrJsonata<u64>), "MaxItemsPerBatch", "MaxItemsPerBatchPath"
);
value_or_path!(
    /// The most bytes in one ItemBatcher batch (up to 256 KiB).
    MaxInputBytesPerBatch(OrJsonata<u64>), "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath"
);
value_or_path!(
    /// A Fail state's error name.
    FailError(String), "Error", "ErrorPath"
);
value_or_path!(
    /// A Fail state's cause.
    FailCause(String), "Cause", "CausePath"
);
