//! `Choice`: picks the next state by the first rule that holds.

use crate::model::{self, ChoiceCondition, ChoiceRule, Json, JsonObject, OrJsonata};

use crate::builder::fields::{object, state_fields};
use crate::builder::graph::{Link, Pending, Piece};
use crate::builder::{Chain, Condition, IntoChain};
use crate::Code;

/// A `Choice` state: goes to the target of the first rule whose condition
/// holds, else to its `otherwise` target (`Default`).
///
/// ```
/// use stepfn::builder::{Choice, Condition, Fail, Pass};
/// let state = Choice::new("Job Complete?")
///     .when(Condition::string_equals("$.status", "FAILED"), Fail::new("Job Failed"))
///     .otherwise(Pass::new("Keep waiting"));
/// assert_eq!(state.to_json(), r#"{"Type":"Choice","Choices":[{"Variable":"$.status","StringEquals":"FAILED","Next":"Job Failed"}],"Default":"Keep waiting"}"#);
/// ```
///
/// A Choice has no `Next` of its own, so it has no `.next()`: continue after
/// its branches with [`Choice::afterwards`].
///
/// ```compile_fail
/// use stepfn::builder::{Choice, Pass};
/// let chain = Choice::new("C").next(Pass::new("After"));
/// ```
///
/// Nor can a Choice retry or catch:
///
/// ```compile_fail
/// use stepfn::builder::{Choice, Retry};
/// let state = Choice::new("C").retry(Retry::all());
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct Choice {
    pub(crate) name: String,
    pub(crate) inner: model::Choice,
    pub(crate) problems: Vec<Pending>,
    pub(crate) brings: Vec<Piece>,
    /// The open ends of the `when` targets, in order.
    when_ends: Vec<String>,
    /// The open ends of the `otherwise` target.
    otherwise_ends: Vec<String>,
}

/// One Choice rule before its target: a condition, and optionally the rule's
/// `Comment`, `Assign` and `Output` (JSONata). A [`Condition`] converts into
/// one, so `.when(condition, target)` works without it.
///
/// ```
/// use stepfn::builder::{Choice, Condition, Pass, Payload, When};
/// let rule = When::new(Condition::numeric_greater_than("$.attempts", 5))
///     .comment("give up")
///     .assign(Payload::new().field("gaveUp", true));
/// let state = Choice::new("C").when(rule, Pass::new("Stop"));
/// assert_eq!(state.to_json(), r#"{"Type":"Choice","Choices":[{"Comment":"give up","Variable":"$.attempts","NumericGreaterThan":5,"Assign":{"gaveUp":true},"Next":"Stop"}]}"#);
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct When {
    condition: Condition,
    comment: Option<String>,
    assign: Option<Json>,
    output: Option<Json>,
}

impl When {
    /// A rule testing `condition`.
    ///
    /// ```
    /// use stepfn::builder::{Choice, Condition, Pass, When};
    /// let state = Choice::new("C").when(When::new(Condition::is_present("$.id", true)), Pass::new("Has id"));
    /// assert!(state.to_json().contains(r#"{"Variable":"$.id","IsPresent":true,"Next":"Has id"}"#));
    /// ```
    pub fn new(mut condition: Condition) -> When {
        let comment = condition.take_comment();
        When {
            condition,
            comment,
            assign: None,
            output: None,
        }
    }

    /// Sets the rule's `Comment`.
    ///
    /// ```
    /// use stepfn::builder::{Choice, Condition, Pass, When};
    /// let rule = When::new(Condition::boolean_equals("$.ok", true)).comment("all good");
    /// let state = Choice::new("C").when(rule, Pass::new("Go"));
    /// assert!(state.to_json().contains(r#"{"Comment":"all good","Variable":"$.ok""#));
    /// ```
    pub fn comment(mut self, comment: impl Into<String>) -> When {
        self.comment = Some(comment.into());
        self
    }

    /// Sets the rule's `Assign`: variables set when this rule is taken. It must
    /// be an object.
    ///
    /// ```
    /// use stepfn::builder::{Choice, Condition, Pass, Payload, When};
    /// let rule = When::new(Condition::boolean_equals("$.ok", true)).assign(Payload::new().field("ok", true));
    /// let state = Choice::new("C").when(rule, Pass::new("Go"));
    /// assert!(state.to_json().contains(r#""Assign":{"ok":true},"Next":"Go""#));
    /// ```
    pub fn assign(mut self, variables: impl Into<Json>) -> When {
        self.assign = Some(variables.into());
        self
    }

    /// Sets the rule's `Output` (JSONata): the output when this rule is taken.
    ///
    /// ```
    /// use stepfn::builder::{Choice, Condition, Jsonata, Pass, When};
    /// let rule = When::new(Condition::jsonata("$states.input.ok")).output(Jsonata::new("$states.input.value"));
    /// let state = Choice::new("C").when(rule, Pass::new("Go"));
    /// assert!(state.to_json().contains(r#"{"Condition":"{% $states.input.ok %}","Output":"{% $states.input.value %}","Next":"Go"}"#));
    /// ```
    pub fn output(mut self, output: impl Into<Json>) -> When {
        self.output = Some(output.into());
        self
    }
}

impl From<Condition> for When {
    fn from(condition: Condition) -> When {
        When::new(condition)
    }
}

impl Choice {
    /// A Choice state named `name`; add rules with [`Choice::when`].
    ///
    /// ```
    /// use stepfn::builder::Choice;
    /// // No rules yet: building a machine with it reports EMPTY_ARRAY.
    /// assert_eq!(Choice::new("C").to_json(), r#"{"Type":"Choice","Choices":[]}"#);
    /// ```
    pub fn new(name: impl Into<String>) -> Choice {
        Choice {
            name: name.into(),
            inner: model::Choice {
                comment: None,
                query_language: None,
                input_path: None,
                choices: Vec::new(),
                default: None,
                output_path: None,
                output: None,
                assign: None,
            },
            problems: Vec::new(),
            brings: Vec::new(),
            when_ends: Vec::new(),
            otherwise_ends: Vec::new(),
        }
    }

    /// Adds a rule: when `rule`'s condition holds (and no earlier rule's
    /// did), go to `target`, which joins the machine. A condition that does
    /// not parse ([`Condition::expr`]) is a build error naming this rule.
    ///
    /// ```
    /// use stepfn::builder::{Choice, Condition, Pass};
    /// let state = Choice::new("C")
    ///     .when(Condition::expr("$.n > 5 && $.n < 10"), Pass::new("Middle"));
    /// assert_eq!(state.to_json(), r#"{"Type":"Choice","Choices":[{"And":[{"Variable":"$.n","NumericGreaterThan":5},{"Variable":"$.n","NumericLessThan":10}],"Next":"Middle"}]}"#);
    /// ```
    pub fn when<C: IntoChain>(mut self, rule: impl Into<When>, target: C) -> Choice {
        let rule = rule.into();
        let index = self.inner.choices.len();
        let piece = target.into_piece();
        let condition = match rule.condition.into_model() {
            Ok(condition) => condition,
            Err(error) => {
                self.problems.push(Pending::new(
                    &self.name,
                    crate::problem::Path::root().key("Choices").index(index),
                    Code::InvalidCondition,
                    error.to_string(),
                ));
                ChoiceCondition::Jsonata(OrJsonata::Value(false))
            }
        };
        let assign = rule
            .assign
            .and_then(|value| self.object_field(index, value));
        self.inner.choices.push(ChoiceRule {
            comment: rule.comment,
            condition,
            assign,
            output: rule.output,
            next: piece.start.clone(),
        });
        self.when_ends.extend(piece.ends.iter().cloned());
        self.brings.push(piece);
        self
    }

    fn object_field(&mut self, index: usize, value: Json) -> Option<JsonObject> {
        match object(&self.name, "Assign", value) {
            Ok(object) => Some(object),
            Err(mut problem) => {
                problem.field = crate::problem::Path::root()
                    .key("Choices")
                    .index(index)
                    .key("Assign");
                self.problems.push(problem);
                None
            }
        }
    }

    /// Sets the `otherwise` target (`Default`): where to go when no rule holds.
    /// Without one, such input fails with `States.NoChoiceMatched`. Setting it
    /// twice to different targets is a build error.
    ///
    /// ```
    /// use stepfn::builder::{Choice, Condition, Pass};
    /// let state = Choice::new("C")
    ///     .when(Condition::is_null("$.x", true), Pass::new("Null"))
    ///     .otherwise(Pass::new("Other"));
    /// assert!(state.to_json().ends_with(r#""Default":"Other"}"#));
    /// ```
    pub fn otherwise<C: IntoChain>(mut self, target: C) -> Choice {
        let piece = target.into_piece();
        match &self.inner.default {
            Some(current) if *current != piece.start => {
                let message = format!(
                    "Choice `{}` is given two otherwise targets, `{current}` and `{}`; a Choice \
                     has one `Default`",
                    self.name, piece.start
                );
                self.problems.push(Pending::new(
                    &self.name,
                    crate::problem::Path::root().key("Default"),
                    Code::ConflictingNext,
                    message,
                ));
            }
            _ => self.inner.default = Some(piece.start.clone()),
        }
        self.otherwise_ends.extend(piece.ends.iter().cloned());
        self.brings.push(piece);
        self
    }

    /// Continues after the Choice: the returned chain's open ends are the
    /// open ends of every rule's target and of the `otherwise` target. Without
    /// an `otherwise`, input no rule matches still fails with
    /// `States.NoChoiceMatched` (see [`Choice::afterwards_or_default`]).
    ///
    /// ```
    /// use stepfn::builder::{Choice, Condition, Pass, StateMachine};
    /// let chain = Choice::new("C")
    ///     .when(Condition::boolean_equals("$.a", true), Pass::new("A"))
    ///     .otherwise(Pass::new("B"))
    ///     .afterwards()
    ///     .next(Pass::new("Join"));
    /// let json = StateMachine::new(chain).build()?.to_json_compact()?;
    /// assert_eq!(json, r#"{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.a","BooleanEquals":true,"Next":"A"}],"Default":"B"},"A":{"Type":"Pass","Next":"Join"},"B":{"Type":"Pass","Next":"Join"},"Join":{"Type":"Pass","End":true}}}"#);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn afterwards(mut self) -> Chain {
        let mut ends = std::mem::take(&mut self.when_ends);
        ends.append(&mut self.otherwise_ends);
        self.continue_from(ends, Link::Terminal)
    }

    /// Continues after the rules' targets only: the `otherwise` target's
    /// states end there (`End`), even when its chain could be continued.
    ///
    /// ```
    /// use stepfn::builder::{Choice, Condition, Pass, StateMachine};
    /// let chain = Choice::new("C")
    ///     .when(Condition::boolean_equals("$.a", true), Pass::new("A"))
    ///     .otherwise(Pass::new("Give up"))
    ///     .afterwards_without_otherwise()
    ///     .next(Pass::new("Join"));
    /// let json = StateMachine::new(chain).build()?.to_json_compact()?;
    /// assert!(json.contains(r#""A":{"Type":"Pass","Next":"Join"}"#));
    /// assert!(json.contains(r#""Give up":{"Type":"Pass","End":true}"#));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn afterwards_without_otherwise(mut self) -> Chain {
        let ends = std::mem::take(&mut self.when_ends);
        self.continue_from(ends, Link::Terminal)
    }

    /// Like [`Choice::afterwards`], and when there is no `otherwise`, input no
    /// rule matches goes straight to the next state (it becomes `Default`).
    ///
    /// ```
    /// use stepfn::builder::{Choice, Condition, Pass, StateMachine};
    /// let chain = Choice::new("Needs fixing?")
    ///     .when(Condition::boolean_equals("$.broken", true), Pass::new("Fix"))
    ///     .afterwards_or_default()
    ///     .next(Pass::new("Ship"));
    /// let json = StateMachine::new(chain).build()?.to_json_compact()?;
    /// assert!(json.contains(r#""Default":"Ship""#));
    /// assert!(json.contains(r#""Fix":{"Type":"Pass","Next":"Ship"}"#));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn afterwards_or_default(mut self) -> Chain {
        let mut ends = std::mem::take(&mut self.when_ends);
        ends.append(&mut self.otherwise_ends);
        let link = if self.inner.default.is_none() {
            ends.push(self.name.clone());
            Link::OpenDefault
        } else {
            Link::Terminal
        };
        self.continue_from(ends, link)
    }

    fn continue_from(self, ends: Vec<String>, link: Link) -> Chain {
        let state = model::State::from(self.inner);
        let mut piece = Piece::state(self.name, state, link);
        piece.problems.extend(self.problems);
        for brought in self.brings {
            let _ = piece.absorb(brought);
        }
        let still_open: Vec<String> = ends
            .into_iter()
            .filter(|end| piece.link(end).is_some_and(Link::is_open))
            .collect();
        piece.ends.clear();
        piece.add_ends(still_open);
        Chain(piece)
    }
}

state_builder!(Choice, terminal);
state_fields!(Choice, "Choice::new(\"S\").when(Condition::is_present(\"$.x\", true), Pass::new(\"X\"))";
    comment, query_language, input_path, output_path, output, assign);
