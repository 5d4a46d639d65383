//! From the model to a [`Program`]: one pass over the state graph.

mod map;

use stepfn::model::graph::{Graph, ScopeHolder, StateId};
use stepfn::model::{
    Catcher as ModelCatcher, ChoiceCondition, FailCause, FailError, HeartbeatSeconds, Json,
    JsonObject, OrJsonata, QueryLanguage, Resource, State, StateMachine, TimeoutSeconds,
    WaitFor as ModelWait,
};

use super::{
    Assign, Catcher, ChoiceNode, Count, Io, JsonataCondition, Kind, Node, Payload, Program,
    ResourceKind, Rule, ScopeIdx, ScopeInfo, StateIdx, TaskNode, Text, WaitFor,
};
use crate::eval::choice::Condition;
use crate::eval::template::Template;
use crate::jsonata::{expression, Expr, JValue};

use super::fields::{path_or_call, place, reference, retrier, select, stepfn_text, R};

/// Compiles a machine that validates. The error names the field that
/// could not be compiled (which validation would have reported).
pub(crate) fn compile(machine: &StateMachine) -> Result<Program, String> {
    let graph = Graph::new(machine);
    let mut owned: Vec<Vec<(ScopeHolder, ScopeIdx)>> = vec![Vec::new(); graph.states().len()];
    let mut scopes = Vec::with_capacity(graph.scopes().len());
    for scope_id in graph.scope_ids() {
        let scope = graph.scope(scope_id);
        if let Some((owner, holder)) = scope.owner {
            owned[owner.index()].push((holder, to_idx(scope_id.index())));
        }
        let start = graph
            .start(scope_id)
            .ok_or_else(|| format!("{}: StartAt names no state", graph.scope_path(scope_id)))?;
        scopes.push(ScopeInfo {
            start: to_idx(start.index()),
        });
    }
    let mut conditions = Vec::new();
    let mut states = Vec::with_capacity(graph.states().len());
    for id in graph.state_ids() {
        let cx = Compiler { graph: &graph, id };
        let node = cx
            .node(&owned[id.index()], &mut conditions)
            .map_err(|e| format!("{}: {e}", graph.state_path(id)))?;
        states.push(node);
    }
    let reads_context = graph
        .states()
        .iter()
        .any(|node| node.language == QueryLanguage::Jsonata)
        || serde_json::to_string(machine).map_or(true, |text| text.contains("$$"));
    Ok(Program {
        states,
        scopes,
        timeout_seconds: machine.timeout_seconds,
        conditions,
        reads_context,
    })
}

fn to_idx(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Compiling one state.
struct Compiler<'g, 'm> {
    graph: &'g Graph<'m>,
    id: StateId,
}

impl Compiler<'_, '_> {
    fn jsonata(&self) -> bool {
        self.graph.state(self.id).language == QueryLanguage::Jsonata
    }

    /// The id of the state named `name` in this state's scope.
    fn target(&self, name: &str) -> R<StateIdx> {
        self.graph
            .find(self.graph.state(self.id).scope, name)
            .map(|id| to_idx(id.index()))
            .ok_or_else(|| format!("there is no state named {name:?}"))
    }

    fn node(
        &self,
        owned: &[(ScopeHolder, ScopeIdx)],
        conditions: &mut Vec<JsonataCondition>,
    ) -> R<Node> {
        let node = self.graph.state(self.id);
        let state = node.state;
        let next = state.next().map(|n| self.target(n)).transpose()?;
        let (io, kind) = match state {
            State::Pass(s) => (
                self.io(
                    &s.input_path,
                    None,
                    &s.result_path,
                    &s.output_path,
                    &s.output,
                    &s.assign,
                )?,
                Kind::Pass {
                    result: s.result.clone(),
                    parameters: s
                        .parameters
                        .as_ref()
                        .map(|p| self.template(p, "Parameters"))
                        .transpose()?,
                },
            ),
            State::Task(s) => (
                self.io(
                    &s.input_path,
                    s.result_selector.as_ref(),
                    &s.result_path,
                    &s.output_path,
                    &s.output,
                    &s.assign,
                )?,
                Kind::Task(Box::new(self.task(s)?)),
            ),
            State::Choice(s) => {
                let io = self.io(
                    &s.input_path,
                    None,
                    &None,
                    &s.output_path,
                    &s.output,
                    &s.assign,
                )?;
                let mut rules = Vec::with_capacity(s.choices.len());
                for (i, rule) in s.choices.iter().enumerate() {
                    let field = format!("Choices[{i}]");
                    let mut jsonata_error = None;
                    let condition = Condition::compile(&rule.condition, &mut |c| {
                        let compiled = match c {
                            OrJsonata::Value(b) => JsonataCondition::Literal(*b),
                            OrJsonata::Jsonata(text) => {
                                match Expr::compile(
                                    expression(text).unwrap_or(text),
                                    &format!("{field}/Condition"),
                                ) {
                                    Ok(expr) => JsonataCondition::Expr(Box::new(expr)),
                                    Err(e) => {
                                        jsonata_error = Some(e);
                                        JsonataCondition::Literal(false)
                                    }
                                }
                            }
                        };
                        conditions.push(compiled);
                        conditions.len() - 1
                    })?;
                    if let Some(e) = jsonata_error {
                        return Err(e);
                    }
                    if !matches!(rule.condition, ChoiceCondition::Jsonata(_)) && self.jsonata() {
                        return Err(format!("{field}: a JSONata Choice rule takes a Condition"));
                    }
                    rules.push(Rule {
                        condition,
                        next: self.target(&rule.next)?,
                        assign: rule
                            .assign
                            .as_ref()
                            .map(|a| self.assign(a, &format!("{field}/Assign")))
                            .transpose()?,
                        output: rule
                            .output
                            .as_ref()
                            .map(|o| JValue::compile(o, &format!("{field}/Output")))
                            .transpose()?,
                    });
                }
                let default = s.default.as_deref().map(|d| self.target(d)).transpose()?;
                (io, Kind::Choice(Box::new(ChoiceNode { rules, default })))
            }
            State::Wait(s) => (
                self.io(
                    &s.input_path,
                    None,
                    &None,
                    &s.output_path,
                    &s.output,
                    &s.assign,
                )?,
                Kind::Wait(self.wait(&s.wait_for)?),
            ),
            State::Succeed(s) => (
                self.io(&s.input_path, None, &None, &s.output_path, &s.output, &None)?,
                Kind::Succeed,
            ),
            State::Fail(s) => (
                Io::default(),
                Kind::Fail {
                    error: s
                        .error
                        .as_ref()
                        .map(|e| self.fail_text(e, "Error"))
                        .transpose()?,
                    cause: s
                        .cause
                        .as_ref()
                        .map(|c| self.fail_text_cause(c))
                        .transpose()?,
                },
            ),
            State::Parallel(s) => (
                self.io(
                    &s.input_path,
                    s.result_selector.as_ref(),
                    &s.result_path,
                    &s.output_path,
                    &s.output,
                    &s.assign,
                )?,
                Kind::Parallel {
                    branches: owned.iter().map(|(_, scope)| *scope).collect(),
                    parameters: self.payload(
                        s.parameters.as_ref(),
                        s.arguments.as_ref(),
                        "Parameters",
                    )?,
                },
            ),
            State::Map(s) => (
                self.io(
                    &s.input_path,
                    s.result_selector.as_ref(),
                    &s.result_path,
                    &s.output_path,
                    &s.output,
                    &s.assign,
                )?,
                Kind::Map(Box::new(self.map(s, owned)?)),
            ),
        };
        Ok(Node {
            name: node.name.into(),
            state_type: state.state_type(),
            language: node.language,
            next,
            io,
            kind,
            retry: state.retriers().iter().map(retrier).collect(),
            catch: state
                .catchers()
                .iter()
                .enumerate()
                .map(|(i, c)| self.catcher(c, i))
                .collect::<R<_>>()?,
        })
    }

    fn io(
        &self,
        input_path: &Option<Option<String>>,
        result_selector: Option<&JsonObject>,
        result_path: &Option<Option<String>>,
        output_path: &Option<Option<String>>,
        output: &Option<Json>,
        assign: &Option<JsonObject>,
    ) -> R<Io> {
        Ok(Io {
            input_path: select(input_path, "InputPath")?,
            result_selector: result_selector
                .map(|t| self.template(&Json::Object(t.clone()), "ResultSelector"))
                .transpose()?,
            result_path: place(result_path, "ResultPath")?,
            output_path: select(output_path, "OutputPath")?,
            output: output
                .as_ref()
                .map(|o| JValue::compile(o, "Output"))
                .transpose()?,
            assign: assign
                .as_ref()
                .map(|a| self.assign(a, "Assign"))
                .transpose()?,
        })
    }

    fn template(&self, value: &Json, field: &str) -> R<Template> {
        Template::compile(value).map_err(|e| format!("{field}: {}: {}", e.field, e.problem))
    }

    fn assign(&self, assign: &JsonObject, field: &str) -> R<Assign> {
        if self.jsonata() {
            Ok(Assign::Jsonata(
                assign
                    .iter()
                    .map(|(k, v)| Ok((k.clone(), JValue::compile(v, &format!("{field}/{k}"))?)))
                    .collect::<R<_>>()?,
            ))
        } else {
            Ok(Assign::Template(
                self.template(&Json::Object(assign.clone()), field)?,
            ))
        }
    }

    fn payload(
        &self,
        parameters: Option<&Json>,
        arguments: Option<&Json>,
        field: &str,
    ) -> R<Option<Payload>> {
        if let Some(arguments) = arguments {
            return Ok(Some(Payload::Jsonata(JValue::compile(
                arguments,
                "Arguments",
            )?)));
        }
        parameters
            .map(|p| Ok(Payload::Template(self.template(p, field)?)))
            .transpose()
    }

    fn count<T: Copy + Into<u64>>(&self, value: &OrJsonata<T>, field: &str) -> R<Count> {
        Ok(match value {
            OrJsonata::Value(v) => Count::Literal((*v).into()),
            OrJsonata::Jsonata(text) => {
                Count::Jsonata(Expr::compile(expression(text).unwrap_or(text), field)?)
            }
        })
    }

    fn task(&self, s: &stepfn::model::Task) -> R<TaskNode> {
        let resource = match &s.resource {
            Resource::Uri(uri) => uri.clone(),
            Resource::Template(object) => stepfn_text(&Json::Object(object.clone())),
        };
        Ok(TaskNode {
            resource_kind: ResourceKind::of(&resource),
            resource,
            parameters: self.payload(s.parameters.as_ref(), s.arguments.as_ref(), "Parameters")?,
            timeout: match &s.timeout {
                None => None,
                Some(TimeoutSeconds::Value(v)) => Some(self.count(v, "TimeoutSeconds")?),
                Some(TimeoutSeconds::Path(p)) => {
                    Some(Count::Path(reference(p, "TimeoutSecondsPath")?))
                }
            },
            heartbeat: match &s.heartbeat {
                None => None,
                Some(HeartbeatSeconds::Value(v)) => Some(self.count(v, "HeartbeatSeconds")?),
                Some(HeartbeatSeconds::Path(p)) => {
                    Some(Count::Path(reference(p, "HeartbeatSecondsPath")?))
                }
            },
        })
    }

    fn wait(&self, wait: &ModelWait) -> R<WaitFor> {
        Ok(match wait {
            ModelWait::Seconds(OrJsonata::Value(s)) => WaitFor::Seconds(*s),
            ModelWait::Seconds(OrJsonata::Jsonata(text)) => {
                WaitFor::JsonataSeconds(Expr::compile(expression(text).unwrap_or(text), "Seconds")?)
            }
            ModelWait::SecondsPath(p) => WaitFor::SecondsPath(reference(p, "SecondsPath")?),
            ModelWait::Timestamp(t) => match expression(t) {
                Some(text) if self.jsonata() => {
                    WaitFor::JsonataTimestamp(Expr::compile(text, "Timestamp")?)
                }
                _ => WaitFor::Timestamp(t.clone()),
            },
            ModelWait::TimestampPath(p) => WaitFor::TimestampPath(reference(p, "TimestampPath")?),
        })
    }

    fn fail_text(&self, error: &FailError, field: &str) -> R<Text> {
        match error {
            FailError::Value(text) => self.literal_text(text, field),
            FailError::Path(p) => path_or_call(p, "ErrorPath"),
        }
    }

    fn fail_text_cause(&self, cause: &FailCause) -> R<Text> {
        match cause {
            FailCause::Value(text) => self.literal_text(text, "Cause"),
            FailCause::Path(p) => path_or_call(p, "CausePath"),
        }
    }

    fn literal_text(&self, text: &str, field: &str) -> R<Text> {
        match expression(text) {
            Some(expr) if self.jsonata() => Ok(Text::Jsonata(Expr::compile(expr, field)?)),
            _ => Ok(Text::Literal(text.to_owned())),
        }
    }

    fn catcher(&self, c: &ModelCatcher, i: usize) -> R<Catcher> {
        let field = format!("Catch[{i}]");
        Ok(Catcher {
            error_equals: c.error_equals.clone(),
            next: self.target(&c.next)?,
            result_path: place(&c.result_path, "ResultPath")?,
            output: c
                .output
                .as_ref()
                .map(|o| JValue::compile(o, &format!("{field}/Output")))
                .transpose()?,
            assign: c
                .assign
                .as_ref()
                .map(|a| self.assign(a, &format!("{field}/Assign")))
                .transpose()?,
        })
    }
}
