//! [`SimError`]: why a simulator or an execution could not be made.

use std::fmt;

use stepfn::problem::Problems;

/// Why a definition cannot be simulated, or an input cannot be used.
#[derive(Debug, Clone)]
pub enum SimError {
    /// The definition does not validate: every problem the validator
    /// found.
    Invalid(Problems),
    /// The definition validates but uses something this build cannot run.
    Unsupported(String),
    /// The execution input is not JSON.
    Input(String),
    /// A state asked for by name is not in the definition.
    NoSuchState(String),
    /// A run added to a coverage is of another definition.
    OtherDefinition,
}

impl fmt::Display for SimError {
    /// The problems, one per line; or what cannot run; or what is wrong
    /// with the input.
    ///
    /// ```
    /// let err = stepfn_sim::Simulator::from_json(r#"{"StartAt": "A", "States": {}}"#).unwrap_err();
    /// assert!(err.to_string().contains("A"));
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SimError::Invalid(problems) => write!(f, "the definition does not validate:\n{problems}"),
            SimError::Unsupported(what) => write!(f, "the definition cannot run here: {what}"),
            SimError::Input(what) => write!(f, "the execution input is not JSON: {what}"),
            SimError::NoSuchState(name) => write!(
                f,
                "the definition has no state named {name:?}; test_state takes the name of a state in States"
            ),
            SimError::OtherDefinition => f.write_str(
                "the run is of another definition than the coverage's; take the coverage from the simulator that ran it",
            ),
        }
    }
}

impl std::error::Error for SimError {}
