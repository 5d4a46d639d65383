//! `StateMachine`: a chain with the machine's own fields, built into the model
//! and checked by the validator.

use std::collections::HashMap;

use crate::model::graph::Graph;
use crate::model::{self, QueryLanguage};
use crate::problem::{Code, Path, Problem, Problems};
use crate::validate::Validator;

use super::graph::{Pending, Piece};
use super::IntoChain;
use super::Seconds;

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
    timeout_seconds: Option<Result<u64, i64>>,
    version: Option<String>,
    validator: Validator,
    allowed: Vec<Code>,
    deny_warnings: bool,
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
            allowed: Vec::new(),
            deny_warnings: false,
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
    pub fn timeout_seconds(mut self, seconds: impl Into<Seconds>) -> StateMachine {
        self.timeout_seconds = Some(seconds.into().get());
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

    /// Leaves out every problem with `code`, error or warning: for a rule
    /// that does not apply to this machine (rather than switching every
    /// check off with [`StateMachine::build_unchecked`]).
    ///
    /// ```
    /// use stepfn::builder::{StateMachine, Task};
    /// use stepfn::Code;
    /// let task = Task::new("Run", "${RunFunctionArn}");
    /// assert!(StateMachine::new(task.clone()).build().is_err());
    /// assert!(StateMachine::new(task).allow(Code::InvalidResource).build().is_ok());
    /// ```
    pub fn allow(mut self, code: Code) -> StateMachine {
        self.allowed.push(code);
        self
    }

    /// Makes every warning an error: [`StateMachine::build`] fails when the
    /// validator has anything to say.
    ///
    /// ```
    /// use stepfn::builder::{Pass, Payload, StateMachine};
    /// use stepfn::Code;
    /// // A literal "$.id" that looks like a path but has no `.$` key: a warning.
    /// let pass = Pass::new("P").parameters(Payload::new().field("id", "$.id"));
    /// assert!(StateMachine::new(pass.clone()).build().is_ok());
    /// let errors = StateMachine::new(pass).deny_warnings().build().unwrap_err();
    /// assert_eq!(errors.as_slice()[0].code(), Code::NoDollar);
    /// ```
    pub fn deny_warnings(mut self) -> StateMachine {
        self.deny_warnings = true;
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
    /// The result also holds the validator's warnings (what AWS accepts but
    /// is probably not what was meant), with [`Built::warnings`].
    ///
    /// # Errors
    /// [`Problems`] listing every problem, each with its path
    /// (`States.Fetch.Catch[0].Next`), code and message.
    pub fn build(self) -> Result<Built, Problems> {
        self.build_with_facts().map(|(built, _)| built)
    }

    /// As [`StateMachine::build`], with the facts typed integrations left
    /// for the IAM policy, by state name.
    pub(crate) fn build_with_facts(
        mut self,
    ) -> Result<(Built, Vec<(String, crate::iam::Fact)>), Problems> {
        let validator = self.validator.clone();
        let allowed = std::mem::take(&mut self.allowed);
        let deny_warnings = self.deny_warnings;
        let Assembled {
            machine,
            problems,
            own,
            facts,
        } = self.assemble();
        let report = validator.check(&machine);
        let keep = |p: &Problem| !allowed.contains(&p.code());
        // Notes that explain other problems go last, and only with them.
        let (notes, problems): (Vec<Pending>, Vec<Pending>) =
            problems.into_iter().partition(|p| p.explains_others);
        let mut errors: Vec<Problem> = own
            .into_iter()
            .chain(located(&machine, problems))
            .chain(report.errors)
            .filter(keep)
            .collect();
        if !errors.is_empty() {
            errors.extend(located(&machine, notes).into_iter().filter(keep));
        }
        let mut warnings: Vec<Problem> = report.warnings.into_iter().filter(keep).collect();
        if deny_warnings {
            errors.append(&mut warnings);
        }
        match Problems::new(errors) {
            Some(errors) => Err(errors),
            None => Ok((Built { machine, warnings }, facts)),
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
    pub fn build_unchecked(self) -> (model::StateMachine, Vec<Problem>) {
        let Assembled {
            machine,
            problems,
            mut own,
            ..
        } = self.assemble();
        let (notes, problems): (Vec<Pending>, Vec<Pending>) =
            problems.into_iter().partition(|p| p.explains_others);
        own.extend(located(&machine, problems));
        let mut problems = own;
        if !problems.is_empty() {
            problems.extend(located(&machine, notes));
        }
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
    pub fn to_json(self) -> Result<String, Problems> {
        self.build()?.machine.to_json_compact()
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
    /// }
    /// "#);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// As [`StateMachine::build`].
    pub fn to_json_pretty(self) -> Result<String, Problems> {
        self.build()?.machine.to_json_pretty()
    }

    /// The model, the states' problems, the machine's own problems, and the
    /// IAM facts typed integrations left, by state.
    fn assemble(self) -> Assembled {
        let (start_at, states, pending) = self.piece.into_states();
        let mut problems = Vec::with_capacity(pending.len());
        let mut facts = Vec::new();
        for p in pending {
            match p.fact {
                Some(fact) => facts.push((p.state, *fact)),
                None => problems.push(p),
            }
        }
        let mut own = Vec::new();
        let timeout_seconds = match self.timeout_seconds {
            Some(Err(negative)) => {
                own.push(Problem::error(
                    Code::ValueOutOfRange,
                    Path::root().key("TimeoutSeconds"),
                    super::seconds::negative("TimeoutSeconds", negative),
                ));
                None
            }
            Some(Ok(seconds)) => Some(seconds),
            None => None,
        };
        let machine = model::StateMachine {
            comment: self.comment,
            start_at,
            states,
            query_language: self.query_language,
            timeout_seconds,
            version: self.version,
        };
        Assembled {
            machine,
            problems,
            own,
            facts,
        }
    }
}

/// What assembling a builder gives before any checking.
struct Assembled {
    machine: model::StateMachine,
    problems: Vec<Pending>,
    own: Vec<Problem>,
    facts: Vec<(String, crate::iam::Fact)>,
}

/// The builder's problems, each at the path of its state in the finished
/// machine.
fn located(machine: &model::StateMachine, problems: Vec<Pending>) -> Vec<Problem> {
    if problems.is_empty() {
        return Vec::new();
    }
    let graph = Graph::new(machine);
    let mut paths: HashMap<&str, Path> = HashMap::with_capacity(graph.states().len());
    for (id, node) in graph.state_ids().zip(graph.states()) {
        paths
            .entry(node.name)
            .or_insert_with(|| graph.state_path(id));
    }
    problems
        .into_iter()
        .map(|p| {
            let state = paths
                .get(p.state.as_str())
                .cloned()
                .unwrap_or_else(|| Path::root().key("States").key(&p.state));
            let path = p
                .field
                .segments()
                .iter()
                .fold(state, |path, segment| path.push(segment.clone()));
            Problem::error(p.code, path, p.message)
        })
        .collect()
}

/// A built machine: valid ASL, and the warnings the validator had about it.
///
/// It dereferences to the model, so `built.start_at`, `built.to_json_pretty()`
/// and `&*built` work as on a [`model::StateMachine`].
///
/// ```
/// use stepfn::builder::{Pass, Payload, StateMachine};
/// let built = StateMachine::new(Pass::new("P").parameters(Payload::new().field("id", "$.id")))
///     .build()?;
/// assert_eq!(built.start_at, "P");
/// assert_eq!(built.warnings()[0].code(), stepfn::Code::NoDollar);
/// let model: stepfn::model::StateMachine = built.into_machine();
/// # Ok::<(), stepfn::problem::Problems>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Built {
    machine: model::StateMachine,
    warnings: Vec<Problem>,
}

impl Built {
    /// The model.
    ///
    /// ```
    /// use stepfn::builder::{StateMachine, Succeed};
    /// let built = StateMachine::new(Succeed::new("Done")).build()?;
    /// assert_eq!(built.machine().states.len(), 1);
    /// # Ok::<(), stepfn::problem::Problems>(())
    /// ```
    #[must_use]
    pub fn machine(&self) -> &model::StateMachine {
        &self.machine
    }

    /// The model, owned.
    ///
    /// ```
    /// use stepfn::builder::{StateMachine, Succeed};
    /// let machine = StateMachine::new(Succeed::new("Done")).build()?.into_machine();
    /// assert_eq!(machine.start_at, "Done");
    /// # Ok::<(), stepfn::problem::Problems>(())
    /// ```
    #[must_use]
    pub fn into_machine(self) -> model::StateMachine {
        self.machine
    }

    /// What the validator warns about: valid ASL that is probably not what
    /// was meant, or goes against AWS's best practices.
    ///
    /// ```
    /// use stepfn::builder::{StateMachine, Succeed};
    /// assert!(StateMachine::new(Succeed::new("Done")).build()?.warnings().is_empty());
    /// # Ok::<(), stepfn::problem::Problems>(())
    /// ```
    #[must_use]
    pub fn warnings(&self) -> &[Problem] {
        &self.warnings
    }
}

impl std::ops::Deref for Built {
    type Target = model::StateMachine;

    fn deref(&self) -> &model::StateMachine {
        &self.machine
    }
}

impl From<Built> for model::StateMachine {
    fn from(built: Built) -> model::StateMachine {
        built.machine
    }
}
