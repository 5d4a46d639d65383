//! `StateMachine`: a chain with the machine's own fields, built into the model
//! and checked by the validator.

use std::collections::HashMap;

use crate::model::{self, QueryLanguage};
use crate::validate::walk::Index;
use crate::validate::{ValidationError, ValidationErrors, Validator};

use super::graph::{Pending, Piece};
use super::IntoChain;

/// A state machine definition built from a chain.
///
/// [`StateMachine::build`] gives the ASL model, or every problem at once:
/// what the builder found (two `Next` targets for one state, two different
/// states with one name, conditions that do not parse, ...) and everything the
/// [`Validator`] reports, so a built machine is always valid ASL.
///
/// ```
/// use stepfn::builder::{Pass, StateMachine, Succeed};
/// let machine = StateMachine::new(Pass::new("Hello").next(Succeed::new("Done")))
///     .comment("greets")
///     .timeout_seconds(60)
///     .build()?;
/// assert_eq!(machine.to_json_compact()?, r#"{"Comment":"greets","StartAt":"Hello","States":{"Hello":{"Type":"Pass","Next":"Done"},"Done":{"Type":"Succeed"}},"TimeoutSeconds":60}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct StateMachine {
    piece: Piece,
    comment: Option<String>,
    query_language: Option<QueryLanguage>,
    timeout_seconds: Option<u64>,
    version: Option<String>,
    validator: Validator,
}

impl StateMachine {
    /// A machine that starts at the first state of `definition`.
    ///
    /// ```
    /// use stepfn::builder::{StateMachine, Succeed};
    /// let machine = StateMachine::new(Succeed::new("Done")).build()?;
    /// assert_eq!(machine.start_at, "Done");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new<C: IntoChain>(definition: C) -> StateMachine {
        StateMachine {
            piece: definition.into_piece(),
            comment: None,
            query_language: None,
            timeout_seconds: None,
            version: None,
            validator: Validator::new(),
        }
    }

    /// Sets the top-level `Comment`.
    ///
    /// ```
    /// use stepfn::builder::{StateMachine, Succeed};
    /// let json = StateMachine::new(Succeed::new("Done")).comment("a super cool state machine").to_json()?;
    /// assert_eq!(json, r#"{"Comment":"a super cool state machine","StartAt":"Done","States":{"Done":{"Type":"Succeed"}}}"#);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn comment(mut self, comment: impl Into<String>) -> StateMachine {
        self.comment = Some(comment.into());
        self
    }

    /// Sets the top-level `QueryLanguage`: the default for every state.
    ///
    /// ```
    /// use stepfn::builder::{QueryLanguage, StateMachine, Succeed};
    /// let json = StateMachine::new(Succeed::new("Done")).query_language(QueryLanguage::Jsonata).to_json()?;
    /// assert_eq!(json, r#"{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}},"QueryLanguage":"JSONata"}"#);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn query_language(mut self, language: QueryLanguage) -> StateMachine {
        self.query_language = Some(language);
        self
    }

    /// Sets `TimeoutSeconds`: the longest an execution may run.
    ///
    /// ```
    /// use stepfn::builder::{StateMachine, Succeed};
    /// let json = StateMachine::new(Succeed::new("Done")).timeout_seconds(300).to_json()?;
    /// assert_eq!(json, r#"{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}},"TimeoutSeconds":300}"#);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn timeout_seconds(mut self, seconds: u64) -> StateMachine {
        self.timeout_seconds = Some(seconds);
        self
    }

    /// Sets `Version`: the ASL version the definition is written in (`"1.0"`).
    ///
    /// ```
    /// use stepfn::builder::{StateMachine, Succeed};
    /// let json = StateMachine::new(Succeed::new("Done")).version("1.0").to_json()?;
    /// assert_eq!(json, r#"{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}},"Version":"1.0"}"#);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn version(mut self, version: impl Into<String>) -> StateMachine {
        self.version = Some(version.into());
        self
    }

    /// Checks the built machine with `validator` instead of
    /// [`Validator::new`], e.g. to allow `${...}` resource placeholders or to
    /// apply the Express workflow limits.
    ///
    /// ```
    /// use stepfn::builder::{StateMachine, Task};
    /// use stepfn::validate::Validator;
    /// let task = Task::new("Run", "${RunFunctionArn}");
    /// assert!(StateMachine::new(task.clone()).build().is_err());
    /// let machine = StateMachine::new(task)
    ///     .validator(Validator::new().allow_resource_placeholders(true))
    ///     .build();
    /// assert!(machine.is_ok());
    /// ```
    pub fn validator(mut self, validator: Validator) -> StateMachine {
        self.validator = validator;
        self
    }

    /// The ASL model, or every problem: the builder's, then the validator's.
    ///
    /// ```
    /// use stepfn::builder::{Pass, StateMachine};
    /// let a = Pass::new("A");
    /// let chain = a.clone().next(Pass::new("B"));
    /// let errors = StateMachine::new(chain.next(a.next(Pass::new("C")))).build().unwrap_err();
    /// assert_eq!(errors.to_string(), "\
    /// States.A: CONFLICTING_NEXT: state `A` is continued to both `B` and `C`; a state has one `Next`: \
    /// use a Choice to branch, or continue only one of the two
    /// States.C: UNREACHABLE_STATE: no transition leads to this state from `StartAt`: add a `Next`, \
    /// `Default` or `Catch` that points here, or remove it");
    /// ```
    ///
    /// # Errors
    /// [`ValidationErrors`] listing every problem, each with its path
    /// (`States.Fetch.Catch[0].Next`), code and message.
    pub fn build(self) -> Result<model::StateMachine, ValidationErrors> {
        self.build_with_facts().map(|(machine, _)| machine)
    }

    /// As [`StateMachine::build`], with the facts typed integrations left
    /// for the IAM policy, by state name.
    pub(crate) fn build_with_facts(
        self,
    ) -> Result<(model::StateMachine, Vec<(String, crate::iam::Fact)>), ValidationErrors> {
        let validator = self.validator.clone();
        let (machine, problems, facts) = self.assemble_with_facts();
        let mut errors = located(&machine, problems);
        errors.extend(validator.check(&machine).errors);
        if errors.is_empty() {
            Ok((machine, facts))
        } else {
            Err(ValidationErrors(errors))
        }
    }

    /// The assembled model and the builder's own problems, without running
    /// the validator: for looking at a machine that does not build (to print
    /// or draw it), or for checking it later with a validator of your own.
    /// Prefer [`StateMachine::build`], whose result is always valid ASL.
    ///
    /// ```
    /// use stepfn::builder::{Pass, StateMachine};
    /// let (model, problems) = StateMachine::new(Pass::new("Loop").next(stepfn::builder::Goto::new("Loop")))
    ///     .build_unchecked();
    /// assert!(problems.is_empty()); // the builder is fine with it...
    /// let report = stepfn::validate::Validator::new().check(&model);
    /// assert_eq!(report.errors()[0].code().as_str(), "NO_TERMINAL_STATE"); // ...AWS is not
    /// ```
    #[must_use]
    pub fn build_unchecked(self) -> (model::StateMachine, Vec<ValidationError>) {
        let (machine, problems) = self.assemble();
        let problems = located(&machine, problems);
        (machine, problems)
    }

    /// Builds and writes the canonical JSON on one line.
    ///
    /// ```
    /// use stepfn::builder::{StateMachine, Succeed};
    /// assert_eq!(StateMachine::new(Succeed::new("Done")).to_json()?,
    ///            r#"{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}}}"#);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// As [`StateMachine::build`].
    pub fn to_json(self) -> Result<String, ValidationErrors> {
        let machine = self.build()?;
        Ok(serde_json::to_string(&machine).unwrap_or_default())
    }

    /// Builds and writes the canonical JSON, indented by two spaces.
    ///
    /// ```
    /// use stepfn::builder::{StateMachine, Succeed};
    /// assert_eq!(StateMachine::new(Succeed::new("Done")).to_json_pretty()?, r#"{
    ///   "StartAt": "Done",
    ///   "States": {
    ///     "Done": {
    ///       "Type": "Succeed"
    ///     }
    ///   }
    /// }"#);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// As [`StateMachine::build`].
    pub fn to_json_pretty(self) -> Result<String, ValidationErrors> {
        let machine = self.build()?;
        Ok(serde_json::to_string_pretty(&machine).unwrap_or_default())
    }

    fn assemble(self) -> (model::StateMachine, Vec<Pending>) {
        let (machine, problems, _) = self.assemble_with_facts();
        (machine, problems)
    }

    /// The model, the builder's problems, and the IAM facts by state.
    fn assemble_with_facts(
        self,
    ) -> (
        model::StateMachine,
        Vec<Pending>,
        Vec<(String, crate::iam::Fact)>,
    ) {
        let (start_at, states, pending) = self.piece.into_states();
        let mut problems = Vec::with_capacity(pending.len());
        let mut facts = Vec::new();
        for p in pending {
            match p.fact {
                Some(fact) => facts.push((p.state, *fact)),
                None => problems.push(p),
            }
        }
        let machine = model::StateMachine {
            comment: self.comment,
            start_at,
            states,
            query_language: self.query_language,
            timeout_seconds: self.timeout_seconds,
            version: self.version,
        };
        (machine, problems, facts)
    }
}

/// The builder's problems as validation errors, each at the path of its state
/// in the finished machine.
fn located(machine: &model::StateMachine, problems: Vec<Pending>) -> Vec<ValidationError> {
    if problems.is_empty() {
        return Vec::new();
    }
    let index = Index::new(machine);
    let mut paths = HashMap::with_capacity(index.states.len());
    for (i, entry) in index.states.iter().enumerate() {
        paths
            .entry(entry.name)
            .or_insert_with(|| index.state_at(i).render());
    }
    problems
        .into_iter()
        .map(|p| {
            let mut path = paths
                .get(p.state.as_str())
                .cloned()
                .unwrap_or_else(|| format!("States.{}", p.state));
            if !p.field.is_empty() {
                path.push('.');
                path.push_str(&p.field);
            }
            ValidationError::built(p.code, path, p.message)
        })
        .collect()
}
