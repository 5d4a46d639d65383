//! Choice: the first rule that holds names the next state (and its
//! `Assign` / `Output` apply); none holding takes `Default` with the
//! state's own `Assign` / `Output`; no `Default` is
//! `States.NoChoiceMatched`.

use stepfn::builder::errors;
use stepfn::model::{Json, JsonObject, QueryLanguage};

use super::super::{io, Engine, FiberId, Flow, StateRoots};
use super::JsonataEnv;
use crate::eval::{Env, EvalError};
use crate::failure::Raised;
use crate::program::{Assign, ChoiceNode, JsonataCondition, Node, Program, Select, StateIdx};

/// Which way a Choice went.
enum Taken {
    Rule(usize),
    Default,
}

impl<'a> Engine<'a> {
    pub(crate) fn choice(&mut self, f: FiberId, node: &'a Node, choice: &'a ChoiceNode) -> Flow {
        if passes_through(node)
            && node.io.assign.is_none()
            && choice.rules.iter().all(|rule| rule.assign.is_none())
        {
            return self.plain_choice(f, node, choice);
        }
        let raw = match self.st.fibers.get_mut(f) {
            Some(fiber) => std::mem::take(&mut fiber.input),
            None => return Flow::Park,
        };
        let program = self.program;
        let roots = self.roots(f, node);
        let outcome = decide(program, node, choice, raw, &roots, self.st.now);
        drop(roots);
        if let Some(trace) = self.trace(f) {
            trace.after_input_path = None;
        }
        match outcome {
            Ok((taken, next, output, assigned)) => {
                self.count_taken(f, taken);
                self.leave_checked(f, node, output, Some(next), assigned, !passes_through(node))
            }
            Err(e) => {
                let raised = self.interpreter_error(f, node, Raised::from(e));
                self.state_failed(f, raised)
            }
        }
    }
}

impl<'a> Engine<'a> {
    /// A JSONPath Choice that only picks the next state: its input goes on
    /// untouched and nothing is assigned.
    fn plain_choice(&mut self, f: FiberId, node: &'a Node, choice: &'a ChoiceNode) -> Flow {
        let picked = match self.st.fibers.get(f) {
            Some(fiber) => {
                let roots = self.roots(f, node);
                let env = Env {
                    input: &fiber.input,
                    roots: &roots,
                };
                first_rule(choice, env)
            }
            None => return Flow::Park,
        };
        let next = match picked {
            Ok(Some(i)) => {
                self.count_taken(f, Taken::Rule(i));
                choice.rules.get(i).map(|rule| rule.next)
            }
            Ok(None) => match choice.default {
                Some(default) => {
                    self.count_taken(f, Taken::Default);
                    Some(default)
                }
                None => {
                    let raised = self.interpreter_error(f, node, Raised::from(no_match()));
                    return self.state_failed(f, raised);
                }
            },
            Err(e) => {
                let raised = self.interpreter_error(f, node, Raised::from(e));
                return self.state_failed(f, raised);
            }
        };
        let raw = match self.st.fibers.get_mut(f) {
            Some(fiber) => std::mem::take(&mut fiber.input),
            None => return Flow::Park,
        };
        self.leave_checked(f, node, raw, next, JsonObject::new(), false)
    }

    /// Counts the rule (or `Default`) a Choice took, for coverage.
    fn count_taken(&mut self, f: FiberId, taken: Taken) {
        let at = self.st.fibers.get(f).map_or(0, |fiber| fiber.at) as usize;
        if let Some(hits) = self.st.log.hits.get_mut(at) {
            match taken {
                Taken::Rule(i) => {
                    if let Some(count) = hits.rules.get_mut(i) {
                        *count += 1;
                    }
                }
                Taken::Default => hits.default += 1,
            }
        }
    }
}

/// The first JSONPath rule that holds.
fn first_rule(choice: &ChoiceNode, env: Env<'_>) -> Result<Option<usize>, EvalError> {
    let mut no_jsonata = |_: usize| Ok(false);
    for (i, rule) in choice.rules.iter().enumerate() {
        if rule.condition.holds(env, &mut no_jsonata)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

/// `States.NoChoiceMatched`.
fn no_match() -> EvalError {
    EvalError {
        error: errors::NO_CHOICE_MATCHED,
        cause: "No Choice Rule matched and no Default was specified.".to_owned(),
        offset: None,
    }
}

type Decision = (Taken, StateIdx, Json, JsonObject);

fn decide(
    program: &Program,
    node: &Node,
    choice: &ChoiceNode,
    raw: Json,
    roots: &StateRoots<'_>,
    now: i64,
) -> Result<Decision, EvalError> {
    let (taken, next, assigned, output) = rule(program, node, choice, &raw, roots, now)?;
    let output = match output {
        Some(output) => output,
        None if matches!(node.io.input_path, Select::Whole) => {
            io::select_owned(&node.io.output_path, raw, roots)?
        }
        None => {
            let effective =
                io::select(&node.io.input_path, Env { input: &raw, roots })?.into_owned();
            io::select_owned(&node.io.output_path, effective, roots)?
        }
    };
    Ok((taken, next, output, assigned))
}

/// The rule taken, its target and assignments, and the output when JSONata
/// decides it.
type Ruled = (Taken, StateIdx, JsonObject, Option<Json>);

fn rule(
    program: &Program,
    node: &Node,
    choice: &ChoiceNode,
    raw: &Json,
    roots: &StateRoots<'_>,
    now: i64,
) -> Result<Ruled, EvalError> {
    let jsonata = node.language == QueryLanguage::Jsonata;
    let jenv = jsonata.then(|| JsonataEnv::new(roots, raw, None));
    let scope = jenv.as_ref().map(|env| env.scope(roots, now));
    let env = Env { input: raw, roots };
    let effective = if jsonata {
        std::borrow::Cow::Borrowed(raw)
    } else {
        io::select(&node.io.input_path, env)?
    };
    let env = env.with_input(&effective);
    let mut decide_jsonata = |index: usize| -> Result<bool, EvalError> {
        match program.conditions.get(index) {
            Some(JsonataCondition::Literal(b)) => Ok(*b),
            Some(JsonataCondition::Expr(expr)) => {
                let Some(scope) = scope.as_ref() else {
                    return Ok(false);
                };
                match expr.value(scope)? {
                    Json::Bool(b) => Ok(b),
                    other => Err(expr.wrong_type("a boolean", &other)),
                }
            }
            None => Ok(false),
        }
    };
    let mut taken = None;
    for (i, rule) in choice.rules.iter().enumerate() {
        if rule.condition.holds(env, &mut decide_jsonata)? {
            taken = Some(i);
            break;
        }
    }
    let (taken, next, assign, output) = match taken {
        Some(i) => {
            let rule = &choice.rules[i];
            (
                Taken::Rule(i),
                rule.next,
                rule.assign.as_ref(),
                rule.output.as_ref(),
            )
        }
        None => match choice.default {
            Some(default) => (
                Taken::Default,
                default,
                node.io.assign.as_ref(),
                node.io.output.as_ref(),
            ),
            None => return Err(no_match()),
        },
    };
    let assigned = match assign {
        Some(assign @ Assign::Template(_)) => io::assign(assign, env, None)?,
        Some(assign @ Assign::Jsonata(_)) => io::assign(assign, env, scope.as_ref())?,
        None => JsonObject::new(),
    };
    let output = if jsonata {
        Some(match (output, scope.as_ref()) {
            (Some(output), Some(scope)) => output.evaluate(scope)?,
            _ => raw.clone(),
        })
    } else {
        None
    };
    Ok((taken, next, assigned, output))
}

/// Whether a JSONPath state's output is its input, untouched.
pub(crate) fn passes_through(node: &Node) -> bool {
    node.language == QueryLanguage::JsonPath
        && matches!(node.io.input_path, Select::Whole)
        && matches!(node.io.output_path, Select::Whole)
}
