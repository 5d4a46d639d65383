//! A semantic diff of two state machines: states added, removed and renamed
//! (a renamed state is matched by its content, or by the transition that
//! leads to it), each changed field with its path, and each changed
//! transition. Key order, formatting and number spelling are ignored.
//!
//! ```
//! let old = stepfn::read::read_str(r#"{"StartAt": "Charge", "States": {
//!     "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
//!                "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 3}]}}}"#)?;
//! let new = stepfn::read::read_str(r#"{"States": {
//!     "Charge": {"Retry": [{"MaxAttempts": 5, "ErrorEquals": ["States.ALL"]}],
//!                "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true}},
//!     "StartAt": "Charge"}"#)?;
//! let diff = stepfn::diff::diff(&old, &new);
//! assert_eq!(diff.to_string(), "changed States.Charge.Retry[0].MaxAttempts: 3 -> 5\n");
//! # Ok::<(), stepfn::problem::Problems>(())
//! ```

mod states;
mod values;

use std::fmt;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::model::StateMachine;
use crate::problem::Path;

/// One difference between two machines.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// A state only the new machine has, with its `Type`.
    Added {
        /// Where it is in the new machine: `States.Refund`.
        path: Path,
        /// Its `Type`.
        state_type: &'static str,
    },
    /// A state only the old machine has, with its `Type`.
    Removed {
        /// Where it was in the old machine.
        path: Path,
        /// Its `Type`.
        state_type: &'static str,
    },
    /// A state that has another name in the new machine.
    Renamed {
        /// Its path in the old machine.
        from: Path,
        /// Its path in the new machine.
        to: Path,
    },
    /// A field whose value changed, appeared (`old` is `None`) or went away
    /// (`new` is `None`). Paths are the new machine's.
    Field {
        /// The field: `States.Charge.Retry[0].MaxAttempts`.
        path: Path,
        /// The old value.
        old: Option<Value>,
        /// The new value.
        new: Option<Value>,
    },
    /// A transition that leads elsewhere: `Next`, `Default`,
    /// `Choices[i].Next`, `Catch[i].Next` or `StartAt`. `None` is no
    /// transition (`"End": true` for `Next`). A transition to a renamed state
    /// that follows the rename is not a change.
    Transition {
        /// The field: `States.Check.Choices[0].Next`.
        path: Path,
        /// The old target.
        old: Option<String>,
        /// The new target.
        new: Option<String>,
    },
}

impl fmt::Display for Change {
    /// One line: `changed States.Charge.Retry[0].MaxAttempts: 3 -> 5`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Change::Added { path, state_type } => write!(f, "added {path} ({state_type})"),
            Change::Removed { path, state_type } => write!(f, "removed {path} ({state_type})"),
            Change::Renamed { from, to } => write!(f, "renamed {from} -> {to}"),
            Change::Field { path, old, new } => {
                let show = |v: &Option<Value>| {
                    v.as_ref()
                        .map_or_else(|| "(absent)".to_owned(), Value::to_string)
                };
                write!(f, "changed {path}: {} -> {}", show(old), show(new))
            }
            Change::Transition { path, old, new } => {
                let show = |v: &Option<String>| v.as_deref().unwrap_or("(none)").to_owned();
                write!(f, "transition {path}: {} -> {}", show(old), show(new))
            }
        }
    }
}

impl Serialize for Change {
    /// `{"kind": "changed", "path": ..., "pointer": ..., "old": ..., "new": ...}`;
    /// `added`/`removed` have `type`, `renamed` has `from` and `to`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        match self {
            Change::Added { path, state_type } | Change::Removed { path, state_type } => {
                let kind = if matches!(self, Change::Added { .. }) {
                    "added"
                } else {
                    "removed"
                };
                map.serialize_entry("kind", kind)?;
                map.serialize_entry("path", &path.to_string())?;
                map.serialize_entry("pointer", &path.to_json_pointer())?;
                map.serialize_entry("type", state_type)?;
            }
            Change::Renamed { from, to } => {
                map.serialize_entry("kind", "renamed")?;
                map.serialize_entry("from", &from.to_string())?;
                map.serialize_entry("to", &to.to_string())?;
            }
            Change::Field { path, old, new } => {
                map.serialize_entry("kind", "changed")?;
                map.serialize_entry("path", &path.to_string())?;
                map.serialize_entry("pointer", &path.to_json_pointer())?;
                map.serialize_entry("old", old)?;
                map.serialize_entry("new", new)?;
            }
            Change::Transition { path, old, new } => {
                map.serialize_entry("kind", "transition")?;
                map.serialize_entry("path", &path.to_string())?;
                map.serialize_entry("pointer", &path.to_json_pointer())?;
                map.serialize_entry("old", old)?;
                map.serialize_entry("new", new)?;
            }
        }
        map.end()
    }
}

/// Every difference between two machines, in the new machine's order
/// (top-level fields first, removed states last).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Diff {
    changes: Vec<Change>,
}

impl Diff {
    /// Whether the machines are equal.
    ///
    /// ```
    /// let machine = stepfn::read::read_str(r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#)?;
    /// assert!(stepfn::diff::diff(&machine, &machine).is_empty());
    /// # Ok::<(), stepfn::problem::Problems>(())
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// The changes.
    ///
    /// ```
    /// use stepfn::diff::Change;
    /// let old = stepfn::read::read_str(r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#)?;
    /// let new = stepfn::read::read_str(r#"{"StartAt": "B", "States": {"B": {"Type": "Succeed"}}}"#)?;
    /// let diff = stepfn::diff::diff(&old, &new);
    /// assert!(matches!(&diff.changes()[0], Change::Renamed { from, to } if from == "States.A" && to == "States.B"));
    /// assert_eq!(diff.changes().len(), 1); // StartAt follows the rename
    /// # Ok::<(), stepfn::problem::Problems>(())
    /// ```
    #[must_use]
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// The diff as one JSON object: `{"equal": bool, "changes": [...]}`.
    ///
    /// ```
    /// let old = stepfn::read::read_str(r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}"#)?;
    /// let new = stepfn::read::read_str(r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Succeed"}}}"#)?;
    /// assert_eq!(
    ///     stepfn::diff::diff(&old, &new).to_json(),
    ///     r#"{"equal":false,"changes":[{"kind":"transition","path":"States.A.Next","pointer":"/States/A/Next","old":null,"new":"B"},{"kind":"added","path":"States.B","pointer":"/States/B","type":"Succeed"}]}"#
    /// );
    /// # Ok::<(), stepfn::problem::Problems>(())
    /// ```
    #[must_use]
    pub fn to_json(&self) -> String {
        #[derive(Serialize)]
        struct Out<'d> {
            equal: bool,
            changes: &'d [Change],
        }
        serde_json::to_string(&Out {
            equal: self.is_empty(),
            changes: &self.changes,
        })
        .unwrap_or_else(|e| format!(r#"{{"error":{}}}"#, Value::String(e.to_string())))
    }
}

impl fmt::Display for Diff {
    /// One change per line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for change in &self.changes {
            writeln!(f, "{change}")?;
        }
        Ok(())
    }
}

/// The differences from `old` to `new`.
///
/// States are matched by name, then a state of one side only by content
/// (the same fields, transitions aside: renamed), then by the transition
/// of a matched state that leads to it (renamed, with its changed fields).
/// Each state is looked at once: a diff costs time linear in the machines'
/// size.
#[must_use]
pub fn diff(old: &StateMachine, new: &StateMachine) -> Diff {
    Diff {
        changes: states::changes(old, new),
    }
}
