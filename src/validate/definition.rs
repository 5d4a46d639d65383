//! What the rules look at: the machine's [`Graph`] plus what the validator
//! derives from it once (every state name, each scope's nesting in the JSON
//! text) and what reading could not decode.

use crate::fast_hash::{FastMap, FastSet};
use std::cell::{Cell, OnceCell};

use crate::model::graph::{Graph, ScopeId, StateId};
use crate::model::{QueryLanguage, Resource, State, StateMachine};
use crate::problem::Path;

use crate::read::{Unreadable, UnreadableState};
use crate::validate::arn::{split_colons, Parts};

/// Each state's transitions that resolve, one list for all states.
#[derive(Debug)]
struct Successors {
    /// Where each state's targets start in `targets` (and, last, the end).
    offsets: Vec<u32>,
    targets: Vec<StateId>,
    /// For each state, whether all of its transitions resolved.
    complete: Vec<bool>,
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A machine as the rules see it.
#[derive(Debug)]
pub(crate) struct Definition<'m> {
    pub(crate) graph: Graph<'m>,
    /// The machine's effective query language.
    pub(crate) language: QueryLanguage,
    /// States that were written but could not be decoded, and scopes whose
    /// `StartAt` could not be read: graph rules treat them as unknown rather
    /// than absent.
    pub(crate) unreadable: &'m Unreadable,
    /// For each scope, how many path steps lead from the root to its `States`
    /// object.
    states_steps: Vec<usize>,
    /// Every state name, built the first time a rule asks.
    names: OnceCell<FastSet<&'m str>>,
    /// Each state's transitions resolved in its scope, built the first time
    /// a rule asks: the targets of state `i` are
    /// `targets[offsets[i]..offsets[i + 1]]`.
    successors: OnceCell<Successors>,
    /// Scopes whose `StartAt` could not be read.
    unreadable_scopes: FastSet<ScopeId>,
    /// The states that could not be read, by scope and name.
    unreadable_states: FastMap<ScopeId, FastMap<&'m str, &'m UnreadableState>>,
    /// The last Task whose `Resource` ARN a rule asked for, and its parts.
    last_task_arn: Cell<Option<(StateId, Parts<'m, 6>)>>,
}

impl<'m> Definition<'m> {
    pub(crate) fn new(machine: &'m StateMachine, unreadable: &'m Unreadable) -> Definition<'m> {
        let graph = Graph::new(machine);
        let mut states_steps = Vec::with_capacity(graph.scopes().len());
        for scope in graph.scopes() {
            let steps = match scope.owner {
                None => 1,
                Some((owner, holder)) => {
                    let owner_scope = graph.state(owner).scope.index();
                    // `States`, the state's name, then `Branches`+index or `ItemProcessor`, then `States`
                    let holder_steps = match holder {
                        crate::model::graph::ScopeHolder::Branch(_) => 2,
                        _ => 1,
                    };
                    states_steps.get(owner_scope).copied().unwrap_or(1) + 1 + holder_steps + 1
                }
            };
            states_steps.push(steps);
        }
        let mut unreadable_scopes = FastSet::default();
        let mut unreadable_states: FastMap<ScopeId, FastMap<&str, &UnreadableState>> =
            FastMap::default();
        if !unreadable.is_empty() {
            let scopes: FastMap<Path, ScopeId> = graph
                .scope_ids()
                .map(|id| (graph.scope_path(id), id))
                .collect();
            for path in &unreadable.scopes {
                if let Some(&id) = scopes.get(path) {
                    unreadable_scopes.insert(id);
                }
            }
            for state in &unreadable.states {
                if let Some(&id) = scopes.get(&state.scope) {
                    unreadable_states
                        .entry(id)
                        .or_default()
                        .insert(&state.name, state);
                }
            }
        }
        Definition {
            language: machine.effective_query_language(),
            graph,
            unreadable,
            states_steps,
            names: OnceCell::new(),
            successors: OnceCell::new(),
            unreadable_scopes,
            unreadable_states,
            last_task_arn: Cell::new(None),
        }
    }

    /// The `Resource` ARN of Task `id` split at its first five colons
    /// (`arn`, partition, service, region, account, and the rest), or `None`
    /// for another state or a CloudFormation expression. Several rules read
    /// it; as they all run on one state before the next, the last split is
    /// kept and each ARN is split once.
    pub(crate) fn task_arn(&self, id: StateId) -> Option<Parts<'m, 6>> {
        if let Some((last, parts)) = self.last_task_arn.get() {
            if last == id {
                return Some(parts);
            }
        }
        let State::Task(task) = self.graph.state(id).state else {
            return None;
        };
        let Resource::Uri(uri) = &task.resource else {
            return None;
        };
        let parts = split_colons::<6>(uri);
        self.last_task_arn.set(Some((id, parts)));
        Some(parts)
    }

    /// The states `id` goes to (by `Next`, `Default`, Choice rules and
    /// catchers) that exist in its scope, in document order.
    pub(crate) fn successors(&self, id: StateId) -> &[StateId] {
        let successors = self.resolved();
        let start = successors.offsets.get(id.index()).copied().unwrap_or(0) as usize;
        let end = successors.offsets.get(id.index() + 1).copied().unwrap_or(0) as usize;
        successors.targets.get(start..end).unwrap_or_default()
    }

    /// Whether every transition of `id` names a state of its scope.
    pub(crate) fn all_transitions_resolve(&self, id: StateId) -> bool {
        self.resolved()
            .complete
            .get(id.index())
            .copied()
            .unwrap_or(false)
    }

    fn resolved(&self) -> &Successors {
        self.successors.get_or_init(|| {
            let n = self.graph.states().len();
            let mut successors = Successors {
                offsets: Vec::with_capacity(n + 1),
                targets: Vec::with_capacity(n),
                complete: Vec::with_capacity(n),
            };
            for state in self.graph.state_ids() {
                let before = successors.targets.len();
                successors.offsets.push(to_u32(before));
                let targets = &mut successors.targets;
                let count = self.graph.for_each_successor(state, |to| targets.push(to));
                successors.complete.push(targets.len() - before == count);
            }
            successors.offsets.push(to_u32(successors.targets.len()));
            successors
        })
    }

    /// Whether scope `id`'s `StartAt` (or its whole `States`) could not be read.
    pub(crate) fn unreadable_start_at(&self, id: ScopeId) -> bool {
        self.unreadable_scopes.contains(&id)
    }

    /// Whether some state of scope `id` could not be read.
    pub(crate) fn has_unreadable_states(&self, id: ScopeId) -> bool {
        self.unreadable_scopes.contains(&id) || self.unreadable_states.contains_key(&id)
    }

    /// The state named `name` of scope `id` that could not be read, if any.
    pub(crate) fn unreadable_state(&self, id: ScopeId, name: &str) -> Option<&'m UnreadableState> {
        self.unreadable_states.get(&id)?.get(name).copied()
    }

    /// The model.
    pub(crate) fn model(&self) -> &'m StateMachine {
        self.graph.machine()
    }

    /// The path of state `id`.
    pub(crate) fn state_path(&self, id: StateId) -> Path {
        self.graph.state_path(id)
    }

    /// The path of the object holding scope `id`'s `StartAt` and `States`.
    pub(crate) fn scope_path(&self, id: ScopeId) -> Path {
        self.graph.scope_path(id)
    }

    /// How many path steps lead from the root to state `id`.
    pub(crate) fn state_steps(&self, id: StateId) -> usize {
        let scope = self.graph.state(id).scope.index();
        self.states_steps.get(scope).copied().unwrap_or(1) + 1
    }

    /// The names of all states, nested ones and unreadable ones included.
    pub(crate) fn names(&self) -> &FastSet<&'m str> {
        self.names.get_or_init(|| {
            self.graph
                .states()
                .iter()
                .map(|s| s.name)
                .chain(self.unreadable.states.iter().map(|s| s.name.as_str()))
                .collect()
        })
    }
}
