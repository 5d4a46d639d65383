//! What the reader reports: every problem, with where it is and a stable code.

use std::fmt;

/// The stable identifier of a kind of problem, as printed (`wrong-type`, ...).
///
/// Codes never change meaning; new ones may be added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Code {
    /// `invalid-json`: the text is not JSON.
    InvalidJson,
    /// `too-deeply-nested`: arrays and objects nest deeper than
    /// [`MAX_NESTING_DEPTH`](crate::read::MAX_NESTING_DEPTH).
    TooDeeplyNested,
    /// `wrong-type`: a value of the wrong JSON type (or a number out of range).
    WrongType,
    /// `missing-field`: a required field is absent.
    MissingField,
    /// `unknown-field`: ASL has no field of this name here.
    UnknownField,
    /// `field-not-allowed`: an ASL field that this state type does not take.
    FieldNotAllowed,
    /// `jsonpath-field-in-jsonata-state`: e.g. `InputPath` in a JSONata state.
    JsonpathFieldInJsonataState,
    /// `jsonata-field-in-jsonpath-state`: e.g. `Output` in a JSONPath state.
    JsonataFieldInJsonpathState,
    /// `duplicate-field`: the same key twice in one object.
    DuplicateField,
    /// `mutually-exclusive`: two fields of which only one may be given.
    MutuallyExclusive,
    /// `next-and-end`: a state with both `Next` and `End`.
    NextAndEnd,
    /// `missing-next-or-end`: a state with neither `Next` nor `"End": true`.
    MissingNextOrEnd,
    /// `invalid-state-type`: a `Type` that is not one of the eight.
    InvalidStateType,
    /// `invalid-query-language`: a `QueryLanguage` other than `JSONPath`/`JSONata`.
    InvalidQueryLanguage,
    /// `invalid-value`: a value outside a field's fixed set (`JitterStrategy`, ...).
    InvalidValue,
    /// `choice-rule-multiple-operators`: a Choice rule with more than one test.
    ChoiceRuleMultipleOperators,
    /// `choice-rule-no-operator`: a Choice rule with no test.
    ChoiceRuleNoOperator,
    /// `wait-needs-exactly-one`: a Wait without exactly one duration field.
    WaitNeedsExactlyOne,
    /// `map-needs-one-processor`: a Map without exactly one of `ItemProcessor`/`Iterator`.
    MapNeedsOneProcessor,
}

impl Code {
    /// The code as printed, e.g. `"wrong-type"`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Code::InvalidJson => "invalid-json",
            Code::TooDeeplyNested => "too-deeply-nested",
            Code::WrongType => "wrong-type",
            Code::MissingField => "missing-field",
            Code::UnknownField => "unknown-field",
            Code::FieldNotAllowed => "field-not-allowed",
            Code::JsonpathFieldInJsonataState => "jsonpath-field-in-jsonata-state",
            Code::JsonataFieldInJsonpathState => "jsonata-field-in-jsonpath-state",
            Code::DuplicateField => "duplicate-field",
            Code::MutuallyExclusive => "mutually-exclusive",
            Code::NextAndEnd => "next-and-end",
            Code::MissingNextOrEnd => "missing-next-or-end",
            Code::InvalidStateType => "invalid-state-type",
            Code::InvalidQueryLanguage => "invalid-query-language",
            Code::InvalidValue => "invalid-value",
            Code::ChoiceRuleMultipleOperators => "choice-rule-multiple-operators",
            Code::ChoiceRuleNoOperator => "choice-rule-no-operator",
            Code::WaitNeedsExactlyOne => "wait-needs-exactly-one",
            Code::MapNeedsOneProcessor => "map-needs-one-processor",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem in a document, displayed as `line:col: path: code: message`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{column}: {path}: {code}: {message}")]
pub struct ReadError {
    pub(crate) code: Code,
    pub(crate) path: String,
    pub(crate) message: String,
    pub(crate) offset: usize,
    pub(crate) line: usize,
    pub(crate) column: usize,
}

impl ReadError {
    /// The kind of problem.
    #[must_use]
    pub fn code(&self) -> Code {
        self.code
    }

    /// Where in the document, e.g. `States.Fetch.Retry[1].BackoffRate`
    /// (`(root)` for the document itself).
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What is wrong and what to do about it.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The 1-based line in the source text.
    #[must_use]
    pub fn line(&self) -> usize {
        self.line
    }

    /// The 1-based column (in characters) in the source text.
    #[must_use]
    pub fn column(&self) -> usize {
        self.column
    }

    /// The byte offset in the source text.
    #[must_use]
    pub fn offset(&self) -> usize {
        self.offset
    }
}

/// Every problem found in a document, in source order (never empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadErrors(pub(crate) Vec<ReadError>);

impl ReadErrors {
    /// The problems, in source order.
    #[must_use]
    pub fn errors(&self) -> &[ReadError] {
        &self.0
    }

    /// How many problems there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Always `false`: a `ReadErrors` holds at least one problem.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// One problem per line.
impl fmt::Display for ReadErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ReadErrors {}

impl IntoIterator for ReadErrors {
    type Item = ReadError;
    type IntoIter = std::vec::IntoIter<ReadError>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a ReadErrors {
    type Item = &'a ReadError;
    type IntoIter = std::slice::Iter<'a, ReadError>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}
