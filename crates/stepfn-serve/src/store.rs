//! What the endpoint holds in memory: state machines, executions,
//! activities, and the task tokens and activity tasks waiting for the
//! outside.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::time::Instant;

use serde_json::{Map, Value};
use stepfn_sim::{Execution, Simulator, Status};

use crate::record::Record;

/// A state machine as `CreateStateMachine` made it.
pub(crate) struct Machine {
    pub(crate) arn: String,
    pub(crate) name: String,
    pub(crate) definition: String,
    pub(crate) role_arn: String,
    pub(crate) express: bool,
    pub(crate) created_millis: i64,
    pub(crate) revision: u64,
    pub(crate) logging: Value,
    pub(crate) tracing: Value,
    /// The compiled definition every new execution runs.
    pub(crate) sim: Simulator,
}

impl Machine {
    /// `STANDARD` or `EXPRESS`.
    pub(crate) fn type_name(&self) -> &'static str {
        if self.express {
            "EXPRESS"
        } else {
            "STANDARD"
        }
    }
}

/// One execution and what DescribeExecution says of it.
pub(crate) struct Exec {
    pub(crate) arn: String,
    pub(crate) name: String,
    pub(crate) machine_arn: String,
    pub(crate) input: String,
    pub(crate) start_millis: i64,
    pub(crate) stop_millis: Option<i64>,
    pub(crate) run: Execution,
    /// When the run's clock was last moved to match real time.
    pub(crate) clock_at: Instant,
}

/// An activity.
pub(crate) struct Activity {
    pub(crate) arn: String,
    pub(crate) name: String,
    pub(crate) created_millis: i64,
}

/// Everything, behind one lock: each operation is short (a run goes on
/// only until it waits), so one lock keeps every answer consistent.
#[derive(Default)]
pub(crate) struct Store {
    pub(crate) machines: BTreeMap<String, Machine>,
    /// Executions still running, with their runs.
    pub(crate) executions: HashMap<String, Exec>,
    /// Executions that have ended, as the answers they give.
    pub(crate) finished: HashMap<String, Record>,
    /// Execution ARNs in the order they started.
    pub(crate) started: Vec<String>,
    pub(crate) activities: BTreeMap<String, Activity>,
    /// Every task token handed out, with its execution.
    pub(crate) tokens: HashMap<String, String>,
    /// Per activity ARN, one entry per task scheduled and not yet handed
    /// to a worker: the execution that holds it.
    pub(crate) activity_tasks: HashMap<String, VecDeque<String>>,
    /// Executions still running.
    pub(crate) running: HashSet<String>,
}

/// What a step of some execution changed, for those waiting on it.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Changes {
    /// An activity task is waiting for a worker.
    pub(crate) activity: bool,
    /// An execution ended.
    pub(crate) finished: bool,
}

impl Changes {
    pub(crate) fn merge(&mut self, other: Changes) {
        self.activity |= other.activity;
        self.finished |= other.finished;
    }
}

impl Store {
    /// What DescribeExecution says of execution `arn`, running or ended
    /// (its history left out).
    pub(crate) fn summary(&self, arn: &str) -> Option<Record> {
        match self.executions.get(arn) {
            Some(exec) => Some(Record::of(exec, false)),
            None => self.finished.get(arn).map(Record::summary),
        }
    }

    /// The state machine and status of execution `arn`, running or ended.
    pub(crate) fn machine_and_status(&self, arn: &str) -> Option<(&str, &str)> {
        match self.executions.get(arn) {
            Some(exec) => Some((exec.machine_arn.as_str(), exec.run.status().as_str())),
            None => self
                .finished
                .get(arn)
                .map(|r| (r.machine_arn.as_str(), r.status.as_str())),
        }
    }

    /// ListExecutions' item for execution `arn`, running or ended.
    pub(crate) fn list_item(&self, arn: &str) -> Option<Map<String, Value>> {
        match self.executions.get(arn) {
            Some(exec) => Some(Record::list_item_of(exec)),
            None => self.finished.get(arn).map(Record::list_item),
        }
    }

    /// Whether execution `arn` exists, running or ended.
    pub(crate) fn has_execution(&self, arn: &str) -> bool {
        self.executions.contains_key(arn) || self.finished.contains_key(arn)
    }

    /// Records what the execution `arn` did in its last step: new task
    /// tokens, activity tasks to hand out, and its end (an execution that
    /// has ended is kept as its [`Record`]).
    pub(crate) fn after_step(&mut self, arn: &str) -> Changes {
        let mut changes = Changes::default();
        let Some(exec) = self.executions.get_mut(arn) else {
            return changes;
        };
        for task in exec.run.pending_tasks() {
            if self.tokens.contains_key(&task.token) {
                continue;
            }
            self.tokens.insert(task.token, arn.to_owned());
            if task.activity {
                self.activity_tasks
                    .entry(task.resource)
                    .or_default()
                    .push_back(arn.to_owned());
                changes.activity = true;
            }
        }
        if exec.run.status() == Status::Running {
            self.running.insert(arn.to_owned());
        } else {
            exec.stop_millis = Some(exec.start_millis.saturating_add(exec.run.elapsed_millis()));
            self.running.remove(arn);
            if let Some(exec) = self.executions.remove(arn) {
                self.finished
                    .insert(arn.to_owned(), Record::of(&exec, true));
            }
            changes.finished = true;
        }
        changes
    }

    /// Hands the oldest waiting task of activity `activity` to `worker`:
    /// its token and input.
    pub(crate) fn take_activity_task(
        &mut self,
        activity: &str,
        worker: &str,
    ) -> Option<(String, String)> {
        loop {
            let arn = self.activity_tasks.get_mut(activity)?.pop_front()?;
            let Some(exec) = self.executions.get_mut(&arn) else {
                continue;
            };
            if let Some(task) = exec.run.take_activity_task(activity, worker) {
                self.after_step(&arn);
                return Some((task.token, stepfn_sim::json_text(&task.input)));
            }
        }
    }

    /// Moves the clock of every running execution on by the real time
    /// passed since it was last moved.
    pub(crate) fn catch_up(&mut self, now: Instant) -> Changes {
        let mut changes = Changes::default();
        let running: Vec<String> = self.running.iter().cloned().collect();
        for arn in running {
            let Some(exec) = self.executions.get_mut(&arn) else {
                continue;
            };
            let passed = now.saturating_duration_since(exec.clock_at);
            let millis = passed.as_millis();
            if millis == 0 {
                continue;
            }
            exec.clock_at +=
                std::time::Duration::from_millis(u64::try_from(millis).unwrap_or(u64::MAX));
            #[allow(clippy::cast_precision_loss)] // a tick is a few milliseconds
            exec.run.advance(millis as f64 / 1000.0);
            changes.merge(self.after_step(&arn));
        }
        changes
    }
}
