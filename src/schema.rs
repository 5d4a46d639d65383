//! The JSON Schema of the model, derived with `schemars`.

use crate::model::StateMachine;

/// The JSON Schema (draft 2020-12) of an ASL document as stepfn models it.
///
/// It describes shapes only; rules across fields (reachability, names, ranges)
/// are not expressible in it.
///
/// ```
/// let schema = stepfn::json_schema();
/// assert_eq!(schema["title"], "Amazon States Language state machine");
/// ```
#[must_use]
pub fn json_schema() -> serde_json::Value {
    schemars::schema_for!(StateMachine).to_value()
}
