//! One definition as ASL JSON text, with where it came from and the map
//! that places a problem found in the text in the file it was written in.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::mapped::Mapped;
use crate::problem::{LineIndex, Position, Problem};
use crate::validate::{Checked, Report, Validator};

/// One definition as ASL JSON text, where it came from, and how to place a
/// problem found in the text in the file it was written in.
#[derive(Debug, Clone)]
pub struct Definition {
    pub(super) machine: Option<String>,
    pub(super) file: Option<PathBuf>,
    /// The ASL JSON text; `None` when it could not be put together.
    pub(super) text: Option<Arc<String>>,
    /// From the text to the file; `None` when the text is the file.
    pub(super) map: Option<Mapped>,
    /// The text of the file the map points into.
    pub(super) source: Arc<String>,
    /// Problems putting the definition together, placed in the file.
    pub(super) problems: Vec<Problem>,
    /// Where the definition is given in the file (its property's key).
    pub(super) declared_at: u32,
}

impl Definition {
    /// A definition whose text is a whole file.
    pub(super) fn whole(source: Arc<String>) -> Definition {
        Definition {
            machine: None,
            file: None,
            text: Some(Arc::clone(&source)),
            map: None,
            source,
            problems: Vec::new(),
            declared_at: 0,
        }
    }

    /// A definition assembled from pieces of `source`.
    pub(super) fn from_mapped(text: Mapped, source: Arc<String>) -> Definition {
        let mut definition = Definition::whole(source);
        definition.text = Some(Arc::new(text.text().to_owned()));
        definition.map = Some(text);
        definition
    }

    /// A definition that could not be put together, given at `at`.
    pub(super) fn unassembled(source: Arc<String>, at: u32) -> Definition {
        Definition {
            text: None,
            declared_at: at,
            ..Definition::whole(source)
        }
    }

    /// The text with its map (the whole file copied when it is the file).
    pub(super) fn mapped(&self) -> Mapped {
        match (&self.map, &self.text) {
            (Some(map), _) => map.clone(),
            (None, Some(text)) => {
                let mut m = Mapped::default();
                m.push_copied(text, 0);
                m
            }
            (None, None) => Mapped::default(),
        }
    }

    /// The logical id of the template's state machine; `None` for an ASL file.
    ///
    /// ```
    /// let source = stepfn::source::read_str(r#"{"Resources": {"Orders": {
    ///     "Type": "AWS::StepFunctions::StateMachine",
    ///     "Properties": {"DefinitionString": "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}"}}}}"#,
    ///     stepfn::source::Syntax::Json);
    /// assert_eq!(source.definitions()[0].machine(), Some("Orders"));
    /// ```
    #[must_use]
    pub fn machine(&self) -> Option<&str> {
        self.machine.as_deref()
    }

    /// The file that positions are in, when it is not the one read: the file
    /// a SAM `DefinitionUri` names.
    ///
    /// ```
    /// let source = stepfn::source::read_str("StartAt: A\n", stepfn::source::Syntax::Yaml);
    /// assert_eq!(source.definitions()[0].file(), None);
    /// ```
    #[must_use]
    pub fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    /// The definition as ASL JSON text; `None` when it could not be put
    /// together (see [`problems`](Definition::problems)).
    ///
    /// ```
    /// let source = stepfn::source::read_str("StartAt: A\nStates:\n  A: {Type: Succeed}\n", stepfn::source::Syntax::Yaml);
    /// assert_eq!(source.definitions()[0].text(), Some(r#"{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}"#));
    /// ```
    #[must_use]
    pub fn text(&self) -> Option<&str> {
        self.text.as_deref().map(String::as_str)
    }

    /// The problems found putting the definition together (YAML that does
    /// not parse, a template property of the wrong shape, a definition in
    /// S3), placed in the file.
    ///
    /// ```
    /// let source = stepfn::source::read_str("Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties: {}\n",
    ///     stepfn::source::Syntax::Yaml);
    /// let problem = &source.definitions()[0].problems()[0];
    /// assert_eq!(problem.to_string(), "2:3: Resources.M: INVALID_TEMPLATE: the state machine has no definition: \
    ///     give it `Definition`, `DefinitionString` or `DefinitionS3Location`");
    /// ```
    #[must_use]
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// Where byte `offset` of [`text`](Definition::text) was written in the
    /// file.
    ///
    /// ```
    /// let source = stepfn::source::read_str("StartAt: A\nStates:\n  A: {Type: Succeed}\n", stepfn::source::Syntax::Yaml);
    /// let definition = &source.definitions()[0];
    /// let offset = definition.text().unwrap().find("Succeed").unwrap();
    /// let position = definition.position(offset).unwrap();
    /// assert_eq!((position.line, position.column), (3, 13));
    /// ```
    #[must_use]
    pub fn position(&self, offset: usize) -> Option<Position> {
        let at = self.source_offset(offset)?;
        Some(LineIndex::new(&self.source).position(at))
    }

    fn source_offset(&self, offset: usize) -> Option<usize> {
        match &self.map {
            None => self.text.as_ref().map(|_| offset),
            Some(map) => map.source_offset(offset).map(|o| o as usize),
        }
    }

    /// `problem` placed in the file: its position in the text becomes the
    /// position in the file; a problem without one is placed where the
    /// definition is given.
    ///
    /// ```
    /// use stepfn::problem::{Path, Position, Problem};
    /// let source = stepfn::source::read_str("StartAt: A\n", stepfn::source::Syntax::Yaml);
    /// let definition = &source.definitions()[0];
    /// let problem = Problem::error(stepfn::Code::DanglingStartAt, Path::root().key("StartAt"), "no state `A`")
    ///     .at(Position { line: 1, column: 12, offset: 11 });
    /// assert_eq!(definition.locate(problem).to_string(), "1:10: StartAt: DANGLING_START_AT: no state `A`");
    /// ```
    #[must_use]
    pub fn locate(&self, problem: Problem) -> Problem {
        self.locate_with(&LineIndex::new(&self.source), problem)
    }

    fn locate_with(&self, lines: &LineIndex<'_>, problem: Problem) -> Problem {
        if self.map.is_none() && problem.position().is_some() {
            return problem;
        }
        let at = problem
            .position()
            .and_then(|p| self.source_offset(p.offset))
            .unwrap_or(self.declared_at as usize);
        problem.at(lines.position(at))
    }

    /// Every problem of the definition: those putting it together, then
    /// every error and warning `validator` finds in its text, each placed in
    /// the file. A template's definition is checked with
    /// [`allow_resource_placeholders`](Validator::allow_resource_placeholders),
    /// since its `Resource`s are often filled in at deployment.
    ///
    /// ```
    /// let source = stepfn::source::read_str(
    ///     "StartAt: Go\nStates:\n  Go:\n    Type: Task\n    Resource: arn:aws:states:::lambda:invoke\n    End: yes\n",
    ///     stepfn::source::Syntax::Yaml);
    /// let report = source.definitions()[0].check(&stepfn::validate::Validator::new());
    /// assert_eq!(report.errors()[0].to_string(), "6:10: States.Go.End: WRONG_TYPE: expected true or false, found a string");
    /// ```
    #[must_use]
    pub fn check(&self, validator: &Validator) -> Report {
        self.read_and_check(validator).report
    }

    /// As [`check`](Definition::check), keeping the machine read from the
    /// text (`None` when there is no text, or it is not a JSON object).
    ///
    /// ```
    /// let source = stepfn::source::read_str(
    ///     r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#,
    ///     stepfn::source::Syntax::Json,
    /// );
    /// let checked = source.definitions()[0].read_and_check(&stepfn::validate::Validator::new());
    /// assert!(checked.report.is_valid());
    /// assert_eq!(checked.machine.map(|m| m.states.len()), Some(1));
    /// ```
    #[must_use]
    pub fn read_and_check(&self, validator: &Validator) -> Checked {
        let mut report = Report::default();
        for problem in &self.problems {
            report.push(problem.clone());
        }
        let Some(text) = &self.text else {
            return Checked {
                machine: None,
                report,
            };
        };
        let found = if self.machine.is_some() {
            validator
                .clone()
                .allow_resource_placeholders(true)
                .read_and_check(text)
        } else {
            validator.read_and_check(text)
        };
        if self.map.is_none() {
            for problem in found.report.problems() {
                report.push(problem.clone());
            }
        } else {
            let lines = LineIndex::new(&self.source);
            for problem in found.report.problems() {
                report.push(self.locate_with(&lines, problem.clone()));
            }
        }
        Checked {
            machine: found.machine,
            report,
        }
    }
}
