//! Which fields each state type takes, and the query language each belongs
//! to: one table, read by the reader (to report a field on the wrong state
//! type or in the wrong language), checked against the builder's setters by a
//! test, and used by every tool that writes states.
//!
//! ```
//! use stepfn::model::fields::{state_field, StateType};
//! use stepfn::model::QueryLanguage;
//! let result_selector = state_field("ResultSelector").unwrap();
//! assert!(result_selector.allowed_on(StateType::Task));
//! assert!(!result_selector.allowed_on(StateType::Pass));
//! assert_eq!(result_selector.language, Some(QueryLanguage::JsonPath));
//! ```

use super::QueryLanguage;

/// The eight state types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StateType {
    /// `"Type": "Task"`
    Task,
    /// `"Type": "Pass"`
    Pass,
    /// `"Type": "Wait"`
    Wait,
    /// `"Type": "Choice"`
    Choice,
    /// `"Type": "Parallel"`
    Parallel,
    /// `"Type": "Map"`
    Map,
    /// `"Type": "Succeed"`
    Succeed,
    /// `"Type": "Fail"`
    Fail,
}

impl StateType {
    /// Every state type, in the order ASL lists them.
    pub const ALL: [StateType; 8] = [
        StateType::Task,
        StateType::Pass,
        StateType::Wait,
        StateType::Choice,
        StateType::Parallel,
        StateType::Map,
        StateType::Succeed,
        StateType::Fail,
    ];

    /// The `Type` as written in ASL.
    ///
    /// ```
    /// assert_eq!(stepfn::model::fields::StateType::Parallel.name(), "Parallel");
    /// ```
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            StateType::Task => "Task",
            StateType::Pass => "Pass",
            StateType::Wait => "Wait",
            StateType::Choice => "Choice",
            StateType::Parallel => "Parallel",
            StateType::Map => "Map",
            StateType::Succeed => "Succeed",
            StateType::Fail => "Fail",
        }
    }

    /// The state type written `name` (exactly, as ASL spells it).
    ///
    /// ```
    /// use stepfn::model::fields::StateType;
    /// assert_eq!(StateType::parse("Map"), Some(StateType::Map));
    /// assert_eq!(StateType::parse("map"), None);
    /// ```
    #[must_use]
    pub fn parse(name: &str) -> Option<StateType> {
        StateType::ALL.into_iter().find(|t| t.name() == name)
    }

    /// This type as one bit of a [`StateField`]'s set of types.
    const fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// One field a state may carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StateField {
    /// The field as written in ASL, e.g. `"ResultSelector"`.
    pub name: &'static str,
    /// The state types that take it, one bit per [`StateType`].
    types: u8,
    /// The one query language the field belongs to; `None` when both take it.
    pub language: Option<QueryLanguage>,
}

impl StateField {
    /// Whether states of type `state_type` take this field.
    ///
    /// ```
    /// use stepfn::model::fields::{state_field, StateType};
    /// assert!(state_field("Next").unwrap().allowed_on(StateType::Wait));
    /// assert!(!state_field("Next").unwrap().allowed_on(StateType::Choice));
    /// ```
    #[must_use]
    pub fn allowed_on(&self, state_type: StateType) -> bool {
        self.types & state_type.bit() != 0
    }

    /// The state types that take this field, in [`StateType::ALL`] order.
    ///
    /// ```
    /// use stepfn::model::fields::{state_field, StateType};
    /// let owners: Vec<_> = state_field("Retry").unwrap().state_types().collect();
    /// assert_eq!(owners, [StateType::Task, StateType::Parallel, StateType::Map]);
    /// ```
    pub fn state_types(&self) -> impl Iterator<Item = StateType> + '_ {
        StateType::ALL.into_iter().filter(|t| self.allowed_on(*t))
    }
}

const fn field(name: &'static str, types: u8, language: Option<QueryLanguage>) -> StateField {
    StateField {
        name,
        types,
        language,
    }
}

const TASK: u8 = StateType::Task.bit();
const PASS: u8 = StateType::Pass.bit();
const WAIT: u8 = StateType::Wait.bit();
const CHOICE: u8 = StateType::Choice.bit();
const PARALLEL: u8 = StateType::Parallel.bit();
const MAP: u8 = StateType::Map.bit();
const SUCCEED: u8 = StateType::Succeed.bit();
const FAIL: u8 = StateType::Fail.bit();
const ALL: u8 = u8::MAX;
const NOT_FAIL: u8 = ALL & !FAIL;
const FLOWING: u8 = TASK | PASS | WAIT | PARALLEL | MAP;
const TPM: u8 = TASK | PARALLEL | MAP;
const TPPM: u8 = TPM | PASS;
const JSONPATH: Option<QueryLanguage> = Some(QueryLanguage::JsonPath);
const JSONATA: Option<QueryLanguage> = Some(QueryLanguage::Jsonata);

/// Every field a state may carry, in canonical order.
pub const STATE_FIELDS: &[StateField] = &[
    field("Type", ALL, None),
    field("Comment", ALL, None),
    field("QueryLanguage", ALL, None),
    field("Next", FLOWING, None),
    field("End", FLOWING, None),
    field("Resource", TASK, None),
    field("InputPath", NOT_FAIL, JSONPATH),
    field("OutputPath", NOT_FAIL, JSONPATH),
    field("Parameters", TPPM, JSONPATH),
    field("ResultSelector", TPM, JSONPATH),
    field("ResultPath", TPPM, JSONPATH),
    field("Result", PASS, JSONPATH),
    field("Arguments", TASK | PARALLEL, JSONATA),
    field("Output", NOT_FAIL, JSONATA),
    field("Assign", ALL & !SUCCEED & !FAIL, None),
    field("Retry", TPM, None),
    field("Catch", TPM, None),
    field("Credentials", TASK, None),
    field("TimeoutSeconds", TASK, None),
    field("TimeoutSecondsPath", TASK, JSONPATH),
    field("HeartbeatSeconds", TASK, None),
    field("HeartbeatSecondsPath", TASK, JSONPATH),
    field("Choices", CHOICE, None),
    field("Default", CHOICE, None),
    field("Seconds", WAIT, None),
    field("SecondsPath", WAIT, JSONPATH),
    field("Timestamp", WAIT, None),
    field("TimestampPath", WAIT, JSONPATH),
    field("Error", FAIL, None),
    field("ErrorPath", FAIL, JSONPATH),
    field("Cause", FAIL, None),
    field("CausePath", FAIL, JSONPATH),
    field("Branches", PARALLEL, None),
    field("ItemProcessor", MAP, None),
    field("Iterator", MAP, None),
    field("ItemsPath", MAP, JSONPATH),
    field("Items", MAP, JSONATA),
    field("ItemSelector", MAP, None),
    field("ItemReader", MAP, None),
    field("ItemBatcher", MAP, None),
    field("ResultWriter", MAP, None),
    field("MaxConcurrency", MAP, None),
    field("MaxConcurrencyPath", MAP, JSONPATH),
    field("ToleratedFailurePercentage", MAP, None),
    field("ToleratedFailurePercentagePath", MAP, JSONPATH),
    field("ToleratedFailureCount", MAP, None),
    field("ToleratedFailureCountPath", MAP, JSONPATH),
    field("Label", MAP, None),
];

/// The field named `name`, if ASL has a state field of that name.
///
/// ```
/// assert!(stepfn::model::fields::state_field("Nxt").is_none());
/// ```
#[must_use]
pub fn state_field(name: &str) -> Option<&'static StateField> {
    // Only the fields of the name's length are compared.
    let mut candidates = FIELDS_BY_LENGTH.get(name.len()).copied().unwrap_or(0);
    while candidates != 0 {
        let index = candidates.trailing_zeros() as usize;
        match STATE_FIELDS.get(index) {
            Some(field) if same_name(field.name, name) => return Some(field),
            _ => candidates &= candidates - 1,
        }
    }
    None
}

/// For each name length, the entries of [`STATE_FIELDS`] with a name of that
/// length, one bit per entry.
const FIELDS_BY_LENGTH: [u64; 32] = fields_by_length();

const fn fields_by_length() -> [u64; 32] {
    assert!(STATE_FIELDS.len() <= 64, "one bit per field");
    let mut table = [0; 32];
    let mut i = 0;
    while i < STATE_FIELDS.len() {
        let len = STATE_FIELDS[i].name.len();
        assert!(len < 32, "field names are shorter than 32 bytes");
        table[len] |= 1 << i;
        i += 1;
    }
    table
}

/// Whether two field names are the same. Names mostly differ in length or
/// first letter, which are looked at first; the bytes are then compared in
/// place, field names being too short to be worth a call to `memcmp`. The
/// reader replaces each key it recognises with the name from its table, so
/// a decoder asking for that field by name mostly finds the very same
/// bytes, and compares no further.
#[inline]
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len()
        && (std::ptr::eq(a.as_ptr(), b.as_ptr())
            || a.first() == b.first() && a.iter().zip(b).all(|(x, y)| x == y))
}

/// The fields states of type `state_type` take.
///
/// ```
/// use stepfn::model::fields::{fields_of, StateType};
/// let names: Vec<_> = fields_of(StateType::Succeed).map(|f| f.name).collect();
/// assert_eq!(names, ["Type", "Comment", "QueryLanguage", "InputPath", "OutputPath", "Output"]);
/// ```
pub fn fields_of(state_type: StateType) -> impl Iterator<Item = &'static StateField> {
    STATE_FIELDS
        .iter()
        .filter(move |f| f.allowed_on(state_type))
}

/// Which types take a field, for messages: `Task, Parallel and Map states`.
pub(crate) fn owners(field: &StateField) -> String {
    let names: Vec<&str> = field.state_types().map(StateType::name).collect();
    match names.split_last() {
        Some((last, [])) => format!("{last} states"),
        Some((last, rest)) => format!("{} and {last} states", rest.join(", ")),
        None => "no state".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::{same_name, state_field, STATE_FIELDS};
    use proptest::prelude::*;

    proptest! {
        /// Comparing field names says what `==` says, for names that
        /// differ anywhere (first, middle or last byte) or not at all.
        #[test]
        fn compares_names_as_equality_does(
            name in "[A-Za-z]{0,40}",
            at in any::<prop::sample::Index>(),
            other in "[A-Za-z.$]",
        ) {
            prop_assert!(same_name(&name, &name.clone()));
            if !name.is_empty() {
                let i = at.index(name.len());
                let changed = format!("{}{other}{}", &name[..i], &name[i + 1..]);
                prop_assert_eq!(same_name(&name, &changed), name == changed);
            }
            let longer = format!("{name}{other}");
            prop_assert!(!same_name(&name, &longer));
        }
    }

    #[test]
    fn finds_each_field_by_its_exact_name_only() {
        for field in STATE_FIELDS {
            assert_eq!(state_field(field.name), Some(field));
            assert_eq!(state_field(&field.name.to_lowercase()), None);
            assert_eq!(state_field(&format!(" {}", field.name)), None);
        }
        assert_eq!(state_field(""), None);
        assert_eq!(state_field(&"Type".repeat(20)), None);
    }
}
