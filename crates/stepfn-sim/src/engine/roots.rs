//! The roots a Path reads in a running state: `$$` (the Context Object,
//! built only when a Path reads it), `$name` (the variables the state can
//! read) and the run's seeded generator.

use std::cell::{OnceCell, RefCell};

use stepfn::model::{Json, JsonObject};

use super::vars::{VarScope, Vars};
use crate::clock::iso_millis;
use crate::eval::Roots;
use crate::json;
use stepfn_jsonata::random::Rng;

/// What the Context Object says about the execution.
#[derive(Debug, Clone)]
pub(crate) struct ExecInfo {
    /// `Execution.Id`: the execution ARN.
    pub(crate) execution_arn: String,
    /// `Execution.Name`.
    pub(crate) execution_name: String,
    /// `Execution.Input`.
    pub(crate) input: Json,
    /// `Execution.RoleArn`.
    pub(crate) role_arn: String,
    /// `Execution.StartTime`.
    pub(crate) start_time: String,
    /// `StateMachine.Id`.
    pub(crate) machine_arn: String,
    /// `StateMachine.Name`.
    pub(crate) machine_name: String,
}

/// What every evaluation in a run can read.
#[derive(Debug)]
pub(crate) struct Shared {
    /// The execution's facts.
    pub(crate) info: ExecInfo,
    /// The variables.
    pub(crate) vars: Vars,
    /// The seeded generator.
    pub(crate) rng: RefCell<Rng>,
    /// A Context Object given from outside (TestState), used as it is.
    pub(crate) context: Option<Json>,
    /// Fields written over the Context Object the run builds.
    pub(crate) context_fields: Option<JsonObject>,
}

/// The roots of one state's evaluations.
pub(crate) struct StateRoots<'a> {
    pub(crate) shared: &'a Shared,
    pub(crate) vars: VarScope,
    pub(crate) state: &'a str,
    pub(crate) entered_millis: i64,
    /// `State.RetryCount`, for Task, Parallel and Map states.
    pub(crate) retry_count: Option<u32>,
    /// `Task.Token`, for callback tasks.
    pub(crate) token: Option<&'a str>,
    /// `Map.Item`, while a Map's `ItemSelector` is evaluated.
    pub(crate) map_item: Option<(u32, &'a Json)>,
    context: OnceCell<Json>,
}

impl<'a> StateRoots<'a> {
    /// Roots for a state entered at `entered_millis`.
    pub(crate) fn new(
        shared: &'a Shared,
        vars: VarScope,
        state: &'a str,
        entered_millis: i64,
    ) -> StateRoots<'a> {
        StateRoots {
            shared,
            vars,
            state,
            entered_millis,
            retry_count: None,
            token: None,
            map_item: None,
            context: OnceCell::new(),
        }
    }

    /// The same roots with `$$.Map.Item` set.
    pub(crate) fn with_item(&self, index: u32, value: &'a Json) -> StateRoots<'a> {
        StateRoots {
            shared: self.shared,
            vars: self.vars,
            state: self.state,
            entered_millis: self.entered_millis,
            retry_count: self.retry_count,
            token: self.token,
            map_item: Some((index, value)),
            context: OnceCell::new(),
        }
    }

    /// Builds the Context Object.
    pub(crate) fn build_context(&self) -> Json {
        let info = &self.shared.info;
        let object = |pairs: Vec<(&str, Json)>| {
            Json::Object(
                pairs
                    .into_iter()
                    .map(|(k, v)| (k.to_owned(), v))
                    .collect::<JsonObject>(),
            )
        };
        let mut state = vec![
            ("EnteredTime", Json::String(iso_millis(self.entered_millis))),
            ("Name", Json::from(self.state)),
        ];
        if let Some(count) = self.retry_count {
            state.push(("RetryCount", json::int(i64::from(count))));
        }
        let mut top = vec![
            (
                "Execution",
                object(vec![
                    ("Id", Json::from(info.execution_arn.as_str())),
                    ("Input", info.input.clone()),
                    ("StartTime", Json::from(info.start_time.as_str())),
                    ("Name", Json::from(info.execution_name.as_str())),
                    ("RoleArn", Json::from(info.role_arn.as_str())),
                    ("RedriveCount", json::int(0)),
                ]),
            ),
            ("State", object(state)),
            (
                "StateMachine",
                object(vec![
                    ("Id", Json::from(info.machine_arn.as_str())),
                    ("Name", Json::from(info.machine_name.as_str())),
                ]),
            ),
        ];
        if let Some(token) = self.token {
            top.push(("Task", object(vec![("Token", Json::from(token))])));
        }
        if let Some((index, value)) = self.map_item {
            top.push((
                "Map",
                object(vec![(
                    "Item",
                    object(vec![
                        ("Index", json::int(i64::from(index))),
                        ("Value", value.clone()),
                    ]),
                )]),
            ));
        }
        let mut context = object(top);
        if let (Json::Object(built), Some(fields)) = (&mut context, &self.shared.context_fields) {
            write_over(built, fields);
        }
        context
    }

    /// Every variable the state can read.
    pub(crate) fn variables(&self) -> Vec<(&'a str, &'a Json)> {
        self.shared.vars.visible(self.vars)
    }
}

/// Writes `fields` over `context`: an object over an object field by field,
/// anything else whole.
fn write_over(context: &mut JsonObject, fields: &JsonObject) {
    for (key, value) in fields {
        match (context.get_mut(key), value) {
            (Some(Json::Object(built)), Json::Object(given)) => {
                for (field, value) in given {
                    built.insert(field.clone(), value.clone());
                }
            }
            _ => {
                context.insert(key.clone(), value.clone());
            }
        }
    }
}

impl Roots for StateRoots<'_> {
    fn context(&self) -> &Json {
        self.context.get_or_init(|| match &self.shared.context {
            Some(context) => context.clone(),
            None => self.build_context(),
        })
    }

    fn variable(&self, name: &str) -> Option<&Json> {
        self.shared.vars.get(self.vars, name)
    }

    fn random(&self) -> u64 {
        self.shared.rng.borrow_mut().next_u64()
    }
}
