//! The engine: one loop over explicit frames. Each fiber runs a `States`
//! scope state by state with one `match` over state types; Parallel
//! branches and Map iterations are fibers of their own, gathered by joins;
//! waits, back-offs and timeouts are entries of a queue ordered by virtual
//! time. Nothing recurses per state, branch or item, so any number of
//! states, iterations and loops runs on a small stack.
//!
//! Files: `fiber` (fibers, joins, slabs), `vars` (variable scopes),
//! `roots` (what Paths read), `io` (pipeline pieces), `events` (history),
//! `step` (entering, leaving, transitions), `handle` (retry and catch),
//! `children` (starting and joining branches and iterations), `external`
//! (callbacks, activities, timeouts), `states/` (one file per state type).

mod children;
mod events;
mod external;
mod fiber;
mod handle;
mod io;
mod queue;
mod roots;
mod states;
mod step;
mod task_events;
mod vars;

use std::cell::RefCell;
use std::collections::HashMap;

use stepfn::model::Json;

pub(crate) use events::Events;
pub use external::CallbackError;
pub(crate) use external::{Pending, PendingKind};
pub(crate) use fiber::{Fiber, FiberId, Flow, Join, JoinId, Phase, Slab};
pub(crate) use handle::millis as seconds_to_millis;
pub(crate) use roots::{ExecInfo, Shared, StateRoots};

pub(crate) use vars::VarScope;

use crate::failure::{Failure, Raised};
use crate::program::Program;
use crate::record::{Delay, Hits, Invocation, StateRecord};
use crate::task::Handlers;
use stepfn_jsonata::random::Rng;

/// How a run is set up: handlers, seed, clock, recording and limits.
#[derive(Debug, Clone)]
pub(crate) struct Config {
    pub(crate) handlers: Handlers,
    pub(crate) seed: u64,
    pub(crate) start_millis: i64,
    pub(crate) express: bool,
    pub(crate) history: bool,
    pub(crate) inspection: bool,
    pub(crate) max_transitions: u64,
    pub(crate) payload_limit: Option<usize>,
    pub(crate) machine_name: String,
    pub(crate) execution_name: Option<String>,
    /// Context Object fields written over the ones the run gives.
    pub(crate) context_fields: Option<stepfn::model::JsonObject>,
    pub(crate) region: String,
    pub(crate) account: String,
    pub(crate) timeline: Vec<(i64, crate::timeline::Action)>,
    pub(crate) auto_timeouts: bool,
    /// The clock moves only when the caller advances it: Waits, back-offs
    /// and timeouts all wait for `advance`.
    pub(crate) paced: bool,
    /// Set to run one state only, as AWS TestState does.
    pub(crate) single: Option<Single>,
}

/// One state run alone (TestState): which, with what retries behind it,
/// variables and Context Object.
#[derive(Debug, Clone)]
pub(crate) struct Single {
    pub(crate) state: crate::program::StateIdx,
    pub(crate) retry_count: u32,
    pub(crate) variables: stepfn::model::JsonObject,
    pub(crate) context: Option<Json>,
}

/// How a single state ended beyond its output or failure.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct SingleEnd {
    /// The state it would go to.
    pub(crate) next: Option<String>,
    /// A catcher handled the error.
    pub(crate) caught: bool,
    /// A retrier with attempts left matched the error.
    pub(crate) retriable: bool,
}

/// How an execution ended.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum End {
    Succeeded(Json),
    Failed(Failure),
    TimedOut(Failure),
    Aborted(Failure),
}

/// What is in the time queue.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum What {
    /// Run a fiber (of this generation).
    Fiber(FiberId, u32),
    /// A task waiting for its token timed out (heartbeat or overall); the
    /// number tells stale heartbeat timers apart.
    Timeout(String, bool, u64),
    /// A scripted action of the timeline.
    Timeline(usize),
}

/// An entry of the time queue: when, then in what order it was added.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Entry {
    pub(crate) time: i64,
    pub(crate) seq: u64,
    pub(crate) what: What,
}

/// Whether a run stopped because it finished or because it waits for the
/// test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stop {
    Finished,
    Waiting,
}

/// What a run keeps for inspection.
#[derive(Debug, Default)]
pub(crate) struct Log {
    pub(crate) records: Vec<StateRecord>,
    pub(crate) invocations: Vec<Invocation>,
    pub(crate) delays: Vec<Delay>,
    pub(crate) hits: Vec<Hits>,
    /// Invocations so far per state.
    pub(crate) counters: Vec<u64>,
    /// Timeline actions that found no task to act on.
    pub(crate) missed_actions: Vec<String>,
}

/// An execution's state: everything that changes as it runs.
pub(crate) struct State {
    pub(crate) shared: Shared,
    pub(crate) events: Events,
    pub(crate) fibers: Slab<Fiber>,
    pub(crate) joins: Slab<Option<Join>>,
    pub(crate) queue: queue::Queue,
    pub(crate) now: i64,
    pub(crate) deadline: i64,
    pub(crate) transitions: u64,
    pub(crate) pending: HashMap<String, Pending>,
    pub(crate) pending_order: Vec<String>,
    pub(crate) tokens_issued: u64,
    pub(crate) log: Log,
    pub(crate) end: Option<End>,
    pub(crate) root: FiberId,
    pub(crate) timeline_left: usize,
    pub(crate) advance_to: Option<i64>,
    /// A single state's end (TestState).
    pub(crate) single: SingleEnd,
}

/// An execution being run: its definition, its settings and its state.
pub(crate) struct Engine<'a> {
    pub(crate) program: &'a Program,
    pub(crate) config: &'a Config,
    pub(crate) st: &'a mut State,
}

/// Standard executions may run a year; Express ones five minutes.
const STANDARD_MAX_SECONDS: i64 = 365 * 24 * 3600;
const EXPRESS_MAX_SECONDS: i64 = 5 * 60;

impl State {
    /// The state of an execution of `program` with `input`, started:
    /// `ExecutionStarted` is written and the first state is queued.
    pub(crate) fn new(program: &Program, config: &Config, input: Json) -> State {
        let mut rng = Rng::seeded(config.seed);
        let execution_name = config.execution_name.clone().unwrap_or_else(|| {
            let (high, low) = (rng.next_u64(), rng.next_u64());
            stepfn_jsonata::random::uuid_v4(high, low)
        });
        let prefix = format!("arn:aws:states:{}:{}", config.region, config.account);
        let info = ExecInfo {
            execution_arn: format!(
                "{prefix}:{}:{}:{execution_name}",
                if config.express {
                    "express"
                } else {
                    "execution"
                },
                config.machine_name
            ),
            execution_name,
            input: if program.reads_context {
                input.clone()
            } else {
                Json::Null
            },
            role_arn: format!(
                "arn:aws:iam::{}:role/StepFunctions-{}-role",
                config.account, config.machine_name
            ),
            start_time: crate::clock::iso_millis(config.start_millis),
            machine_arn: format!("{prefix}:stateMachine:{}", config.machine_name),
            machine_name: config.machine_name.clone(),
        };
        let limit = if config.express {
            EXPRESS_MAX_SECONDS
        } else {
            STANDARD_MAX_SECONDS
        };
        let timeout = program
            .timeout_seconds
            .map_or(limit, |t| i64::try_from(t).unwrap_or(limit).min(limit));
        let states = program.states.len();
        let log = Log {
            hits: program
                .states
                .iter()
                .map(|node| Hits {
                    rules: match &node.kind {
                        crate::program::Kind::Choice(c) => vec![0; c.rules.len()],
                        _ => Vec::new(),
                    },
                    catchers: vec![0; node.catch.len()],
                    retriers: vec![0; node.retry.len()],
                    ..Hits::default()
                })
                .collect(),
            counters: vec![0; states],
            ..Log::default()
        };
        let mut st = State {
            shared: Shared {
                info,
                vars: vars::Vars::default(),
                rng: RefCell::new(rng),
                context: config.single.as_ref().and_then(|s| s.context.clone()),
                context_fields: config.context_fields.clone(),
            },
            events: Events::new(config.history, !config.express),
            fibers: Slab::default(),
            joins: Slab::default(),
            queue: queue::Queue::default(),
            now: config.start_millis,
            deadline: config
                .start_millis
                .saturating_add(timeout.saturating_mul(1000)),
            transitions: 0,
            pending: HashMap::new(),
            pending_order: Vec::new(),
            tokens_issued: 0,
            log,
            end: None,
            root: 0,
            timeline_left: config.timeline.len(),
            advance_to: None,
            single: SingleEnd::default(),
        };
        Engine {
            program,
            config,
            st: &mut st,
        }
        .start(input);
        st
    }
}

impl<'a> Engine<'a> {
    /// `ExecutionStarted` and the first state.
    fn start(&mut self, input: Json) {
        let start = match &self.config.single {
            Some(single) => single.state,
            None => self.program.scopes.first().map_or(0, |scope| scope.start),
        };
        let mut unused = 0;
        let info = &self.st.shared.info;
        self.st.events.emit(
            &mut unused,
            self.st.now,
            crate::history::EventType::ExecutionStarted,
            || {
                crate::history::details([
                    ("input", crate::history::payload(&input)),
                    ("inputDetails", crate::history::not_truncated()),
                    ("roleArn", crate::history::s(info.role_arn.clone())),
                    (
                        "stateMachineArn",
                        crate::history::s(info.machine_arn.clone()),
                    ),
                ])
            },
        );
        if let Err(raised) = io::check_output(&input, self.config.payload_limit, "ExecutionInput") {
            self.finish(End::Failed(raised.failure));
            return;
        }
        self.st.root = self.st.fibers.spawn(Fiber {
            at: start,
            input,
            ..Fiber::default()
        });
        if let Some(single) = &self.config.single {
            if let Some(fiber) = self.st.fibers.get_mut(self.st.root) {
                self.st
                    .shared
                    .vars
                    .assign(&mut fiber.vars, single.variables.clone());
            }
        }
        for (i, (at, _)) in self.config.timeline.iter().enumerate() {
            self.push(
                self.config.start_millis.saturating_add(*at),
                What::Timeline(i),
            );
        }
        let generation = self.generation(self.st.root);
        self.push(self.st.now, What::Fiber(self.st.root, generation));
    }

    /// Adds an entry to the time queue.
    pub(crate) fn push(&mut self, time: i64, what: What) {
        self.st.queue.push(self.st.now, time, what);
    }

    /// The generation of fiber `f`.
    pub(crate) fn generation(&self, f: FiberId) -> u32 {
        self.st.fibers.get(f).map_or(0, |fiber| fiber.generation)
    }

    /// Runs until the execution ends or waits for the test.
    pub(crate) fn run(&mut self) -> Stop {
        loop {
            if self.st.end.is_some() {
                return Stop::Finished;
            }
            let Some(top) = self.st.queue.peek() else {
                if self.st.pending.is_empty() {
                    self.finish(End::Failed(Failure::new(
                        stepfn::builder::errors::RUNTIME,
                        "the simulator found nothing left to run",
                    )));
                    return Stop::Finished;
                }
                return Stop::Waiting;
            };
            if self.config.paced
                && top.time.min(self.st.deadline) > self.st.advance_to.unwrap_or(self.st.now)
            {
                return Stop::Waiting;
            }
            let external_only = matches!(top.what, What::Timeout(..)) && self.st.timeline_left == 0;
            let may_advance = self.config.auto_timeouts
                || self
                    .st
                    .advance_to
                    .is_some_and(|limit| top.time.min(self.st.deadline) <= limit);
            if external_only && !may_advance {
                return Stop::Waiting;
            }
            if top.time > self.st.deadline {
                if !self.st.pending.is_empty() && !may_advance && self.st.timeline_left == 0 {
                    return Stop::Waiting;
                }
                self.st.now = self.st.now.max(self.st.deadline);
                self.time_out();
                return Stop::Finished;
            }
            let Some(entry) = self.st.queue.pop() else {
                continue;
            };
            self.st.now = self.st.now.max(entry.time);
            match entry.what {
                What::Fiber(f, generation) => {
                    if self.st.fibers.is_live(f, generation) {
                        self.drive(f);
                    }
                }
                What::Timeout(token, heartbeat, version) => {
                    self.task_timed_out(&token, heartbeat, version)
                }
                What::Timeline(i) => {
                    self.st.timeline_left = self.st.timeline_left.saturating_sub(1);
                    if let Some((_, action)) = self.config.timeline.get(i) {
                        self.apply_action(action);
                    }
                }
            }
        }
    }

    /// Runs fiber `f` until it parks or finishes.
    fn drive(&mut self, f: FiberId) {
        loop {
            let phase = match self.st.fibers.get_mut(f) {
                Some(fiber) => std::mem::take(&mut fiber.phase),
                None => return,
            };
            let flow = match phase {
                Phase::Enter => self.enter(f),
                Phase::Attempt => self.attempt(f),
                Phase::Waited(waited) => {
                    let (output, assigned) = *waited;
                    self.waited(f, output, assigned)
                }
                Phase::Joined(join) => self.joined(f, join),
                Phase::Answered(outcome) => self.task_answered(f, *outcome),
                parked @ (Phase::Children(_) | Phase::Token(_)) => {
                    if let Some(fiber) = self.st.fibers.get_mut(f) {
                        fiber.phase = parked;
                    }
                    Flow::Park
                }
            };
            if let Some(failure) = self.st.events.take_limit_failure() {
                self.finish(End::Failed(failure));
                return;
            }
            match flow {
                Flow::Continue => {
                    if self.st.end.is_some() {
                        return;
                    }
                }
                Flow::Park => return,
                Flow::Finished(result) => {
                    self.fiber_finished(f, *result);
                    return;
                }
            }
        }
    }

    /// A fiber's scope ended: the execution's, or a branch's or iteration's.
    fn fiber_finished(&mut self, f: FiberId, result: Result<Json, Raised>) {
        let (parent, vars) = match self.st.fibers.get(f) {
            Some(fiber) => (fiber.parent, fiber.vars),
            None => return,
        };
        match parent {
            None => {
                self.finish(match result {
                    Ok(output) => End::Succeeded(output),
                    Err(raised) => End::Failed(raised.failure),
                });
            }
            Some((join, slot)) => {
                self.st.shared.vars.release(vars);
                self.child_finished(f, join, slot, result);
            }
        }
    }

    /// Ends the execution.
    pub(crate) fn finish(&mut self, end: End) {
        if self.st.end.is_some() {
            return;
        }
        use crate::history::{details, payload, EventType};
        let mut last = self.st.fibers.get(self.st.root).map_or(0, |f| f.last_event);
        let event = match &end {
            End::Succeeded(_) => EventType::ExecutionSucceeded,
            End::Failed(_) => EventType::ExecutionFailed,
            End::TimedOut(_) => EventType::ExecutionTimedOut,
            End::Aborted(_) => EventType::ExecutionAborted,
        };
        self.st
            .events
            .emit_final(&mut last, self.st.now, event, || match &end {
                End::Succeeded(output) => details([
                    ("output", payload(output)),
                    ("outputDetails", crate::history::not_truncated()),
                ]),
                End::Failed(f) | End::TimedOut(f) | End::Aborted(f) => failure_details(f),
            });
        self.st.end = Some(end);
        self.st.queue.clear();
        self.st.pending.clear();
        self.st.pending_order.clear();
    }

    /// The execution's `TimeoutSeconds` passed.
    fn time_out(&mut self) {
        self.finish(End::TimedOut(Failure::from_parts(
            Some(stepfn::builder::errors::TIMEOUT.to_owned()),
            Some("The execution has exceeded its TimeoutSeconds.".to_owned()),
        )));
    }
}

/// `{error, cause}` for the execution's last event, parts left out when
/// absent.
fn failure_details(failure: &Failure) -> Json {
    crate::history::details([
        ("error", failure.error().map(|e| Json::String(e.to_owned()))),
        ("cause", failure.cause().map(|c| Json::String(c.to_owned()))),
    ])
}
