//! Fibers and joins: the explicit frames the engine runs instead of
//! recursing. A fiber runs one `States` scope (the machine, a Parallel
//! branch, a Map iteration) state by state; a join gathers the children a
//! Parallel or Map state started. Both live in slabs with generations, so
//! a stale queue entry for a finished fiber is recognised and skipped.

use stepfn::model::Json;

use super::vars::VarScope;
use crate::failure::Raised;
use crate::program::StateIdx;

/// A fiber's slot.
pub(crate) type FiberId = u32;
/// A join's slot.
pub(crate) type JoinId = u32;

/// What a fiber does when it next runs.
#[derive(Debug, Default)]
pub(crate) enum Phase {
    /// Enter the state at `at`: its `…StateEntered` event, then its work.
    #[default]
    Enter,
    /// Run the state's work again (a retry), without a new `…Entered`.
    Attempt,
    /// A Wait state's time is up: leave with this output, assigning these
    /// variables.
    Waited(Box<(Json, stepfn::model::JsonObject)>),
    /// Waiting for the children of a join.
    Children(JoinId),
    /// The join's children are done: finish the Parallel or Map state.
    Joined(JoinId),
    /// Waiting for a callback with this task token.
    Token(String),
    /// A callback or activity answered: finish the Task with this.
    Answered(Box<Result<Json, Raised>>),
}

/// One running scope.
#[derive(Debug, Default)]
pub(crate) struct Fiber {
    /// Bumped each time the slot is reused.
    pub(crate) generation: u32,
    /// Whether the slot holds a running fiber.
    pub(crate) live: bool,
    /// The current state.
    pub(crate) at: StateIdx,
    /// The current state's raw input.
    pub(crate) input: Json,
    /// Its variables.
    pub(crate) vars: VarScope,
    /// The join it reports to and its slot there; `None` for the machine.
    pub(crate) parent: Option<(JoinId, u32)>,
    /// The last history event of this fiber, for `previousEventId`.
    pub(crate) last_event: u64,
    /// The id of the current state's `…StateEntered` event.
    pub(crate) entered_event: u64,
    /// When the current state was entered.
    pub(crate) entered_millis: i64,
    /// `$$.State.RetryCount` of the current state.
    pub(crate) retry_count: u32,
    /// Retries used per retrier in the current state visit.
    pub(crate) attempts: Vec<u64>,
    /// What to do next.
    pub(crate) phase: Phase,
    /// The index of the current state's record, when recording.
    pub(crate) record: Option<usize>,
    /// Set for the children of a Distributed Map: they read no outer
    /// variables, and their events belong to child executions, not to
    /// this history.
    pub(crate) isolated: bool,
}

/// How running a fiber's step turned out.
#[derive(Debug)]
pub(crate) enum Flow {
    /// The fiber moved on; run it again.
    Continue,
    /// The fiber waits (for a timer, children or a callback).
    Park,
    /// The fiber's scope ended: its output or its failure (boxed, so that
    /// the common variants stay small).
    Finished(Box<Result<Json, Raised>>),
}

/// What a join collects.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub(crate) enum JoinKind {
    /// A Parallel state's branches.
    Parallel,
    /// A Map state's iterations.
    Map,
}

/// The children of one Parallel or Map state.
#[derive(Debug)]
pub(crate) struct Join {
    /// Parallel or Map.
    pub(crate) kind: JoinKind,
    /// The fiber running the Parallel or Map state.
    pub(crate) owner: FiberId,
    /// Results by branch or item index.
    pub(crate) results: Vec<Json>,
    /// Children still to finish.
    pub(crate) remaining: usize,
    /// Items not started yet (Map): index and input, in order.
    pub(crate) waiting: std::collections::VecDeque<(u32, Json)>,
    /// How many children may run at once (0: no limit).
    pub(crate) limit: usize,
    /// Children running now.
    pub(crate) running: usize,
    /// The live children, with their generations (for aborting).
    pub(crate) children: Vec<(FiberId, u32)>,
    /// The first failure (inline: fail fast).
    pub(crate) failed: Option<Raised>,
    /// Distributed Map: failures tolerated, and those seen.
    pub(crate) tolerated: Option<Tolerance>,
    /// The scope each child runs (one per branch; one for all items).
    pub(crate) scopes: Vec<u32>,
    /// Where the next child's first event follows: the `…Started` event,
    /// then the last state event of the child that finished last.
    pub(crate) last: u64,
    /// Where the state's own next event follows: the last
    /// `MapIterationSucceeded` (or last branch event).
    pub(crate) done_last: u64,
    /// Children of a Distributed Map: they read no outer variables and
    /// their events belong to their own executions.
    pub(crate) isolated: bool,
    /// A Distributed Map's run ARN (`MapRunStarted`, the `ResultWriter`
    /// summary).
    pub(crate) map_run: Option<String>,
}

/// A Distributed Map's tolerance of failed items.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tolerance {
    /// `ToleratedFailureCount`, when set.
    pub(crate) count: Option<u64>,
    /// `ToleratedFailurePercentage`, when set.
    pub(crate) percentage: Option<f64>,
    /// Failures so far.
    pub(crate) failed: u64,
    /// Items in all.
    pub(crate) total: u64,
}

/// A slab of values with free slots reused.
#[derive(Debug)]
pub(crate) struct Slab<T> {
    items: Vec<T>,
    free: Vec<u32>,
}

impl<T> Default for Slab<T> {
    fn default() -> Self {
        Slab {
            items: Vec::new(),
            free: Vec::new(),
        }
    }
}

impl<T> Slab<T> {
    /// Stores `value`, in a freed slot when there is one.
    pub(crate) fn insert(&mut self, value: T) -> u32 {
        if let Some(id) = self.free.pop() {
            if let Some(slot) = self.items.get_mut(id as usize) {
                *slot = value;
                return id;
            }
        }
        self.items.push(value);
        u32::try_from(self.items.len() - 1).unwrap_or(u32::MAX)
    }

    /// Marks slot `id` free.
    pub(crate) fn remove(&mut self, id: u32) {
        self.free.push(id);
    }

    /// The value in slot `id`.
    pub(crate) fn get(&self, id: u32) -> Option<&T> {
        self.items.get(id as usize)
    }

    /// The value in slot `id`, mutably.
    pub(crate) fn get_mut(&mut self, id: u32) -> Option<&mut T> {
        self.items.get_mut(id as usize)
    }
}

impl Slab<Fiber> {
    /// Starts a fiber in a fresh (or reused) slot.
    pub(crate) fn spawn(&mut self, fiber: Fiber) -> FiberId {
        if let Some(&id) = self.free.last() {
            if let Some(old) = self.items.get(id as usize) {
                let generation = old.generation.wrapping_add(1);
                self.free.pop();
                if let Some(slot) = self.items.get_mut(id as usize) {
                    *slot = Fiber {
                        generation,
                        live: true,
                        ..fiber
                    };
                }
                return id;
            }
        }
        self.insert(Fiber {
            live: true,
            ..fiber
        })
    }

    /// Ends fiber `id`, freeing its slot.
    pub(crate) fn end(&mut self, id: FiberId) {
        if let Some(fiber) = self.items.get_mut(id as usize) {
            fiber.live = false;
            fiber.input = Json::Null;
            fiber.attempts.clear();
            fiber.phase = Phase::Enter;
            self.free.push(id);
        }
    }

    /// Whether `id` holds a live fiber of generation `generation`.
    pub(crate) fn is_live(&self, id: FiberId, generation: u32) -> bool {
        self.items
            .get(id as usize)
            .is_some_and(|f| f.live && f.generation == generation)
    }
}
