//! What a document holds but reading could not decode: states and `StartAt`
//! fields. Reading keeps every state that decodes; these let the validator
//! check the rest of the machine without reporting follow-on problems (a
//! `Next` to a state that is there but broken is not dangling).

use crate::problem::Path;

/// The parts of a document that did not decode.
#[derive(Debug, Default)]
pub(crate) struct Unreadable {
    /// States present in a `States` object that could not be decoded.
    pub(crate) states: Vec<UnreadableState>,
    /// Scopes (by the path of the object holding `StartAt` and `States`) whose
    /// `StartAt` is missing or not a string, or whose `States` could not be read.
    pub(crate) scopes: Vec<Path>,
}

impl Unreadable {
    /// Whether everything decoded.
    pub(crate) fn is_empty(&self) -> bool {
        self.states.is_empty() && self.scopes.is_empty()
    }
}

/// A state that could not be decoded.
#[derive(Debug)]
pub(crate) struct UnreadableState {
    /// The path of the object holding the state's `States` object.
    pub(crate) scope: Path,
    /// The state's name.
    pub(crate) name: String,
    /// The targets of its `Next`, `Default`, `Choices[i].Next` and
    /// `Catch[i].Next` fields that are strings.
    pub(crate) targets: Vec<String>,
    /// Whether those are all of its transitions: each of those fields that
    /// is present is a string, and the state has `Next`, `"End": true` or a
    /// type without `Next`. When not, the state may go anywhere in its scope.
    pub(crate) targets_complete: bool,
}
