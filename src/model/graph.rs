//! The state graph of a machine: every `States` object (a scope) and every
//! state, wherever it is nested, with ids, and the transitions between them.
//!
//! A [`Graph`] is built in one loop over the machine, breadth first: nothing
//! recurses per state or per nesting level, so a machine of any size or depth
//! can be indexed. The validator, the builder, the simulator and the diagrams
//! all walk the machine through it.
//!
//! ```
//! use stepfn::model::graph::{EdgeField, Graph};
//! let machine = stepfn::read::read_str(r#"{"StartAt": "P", "States": {
//!     "P": {"Type": "Parallel", "Next": "Done", "Branches": [
//!         {"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}]},
//!     "Done": {"Type": "Succeed"}}}"#)?;
//! let graph = Graph::new(&machine);
//! assert_eq!(graph.scopes().len(), 2);
//! let a = graph.find(graph.scope_ids().nth(1).unwrap(), "A").unwrap();
//! assert_eq!(graph.state_path(a).to_string(), "States.P.Branches[0].States.A");
//! let p = graph.find(Graph::MACHINE, "P").unwrap();
//! let edges: Vec<_> = graph.edges(p).map(|e| (e.field, e.target)).collect();
//! assert_eq!(edges, [(EdgeField::Next, "Done")]);
//! # Ok::<(), stepfn::problem::Problems>(())
//! ```

use std::ops::Range;

use super::{MapProcessor, QueryLanguage, State, StateMachine, States};
use crate::problem::Path;

/// The id of a state in a [`Graph`]: its position in breadth-first order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StateId(u32);

impl StateId {
    /// The id as an index into [`Graph::states`].
    ///
    /// ```
    /// # let machine = stepfn::read::read_str(r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#)?;
    /// let graph = stepfn::model::graph::Graph::new(&machine);
    /// assert_eq!(graph.state_ids().next().map(|id| id.index()), Some(0));
    /// # Ok::<(), stepfn::problem::Problems>(())
    /// ```
    #[must_use]
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// The id of a scope (a `States` object) in a [`Graph`]; the machine's own is
/// [`Graph::MACHINE`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ScopeId(u32);

impl ScopeId {
    /// The id as an index into [`Graph::scopes`].
    ///
    /// ```
    /// assert_eq!(stepfn::model::graph::Graph::MACHINE.index(), 0);
    /// ```
    #[must_use]
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// The field of a Parallel or Map state that holds a scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScopeHolder {
    /// `Branches[i]` of a Parallel state.
    Branch(usize),
    /// `ItemProcessor` of a Map state.
    ItemProcessor,
    /// `Iterator`, the older name of a Map's `ItemProcessor`.
    Iterator,
}

impl ScopeHolder {
    /// The holder's path below its state's path.
    fn path(self, state: Path) -> Path {
        match self {
            ScopeHolder::Branch(i) => state.key("Branches").index(i),
            ScopeHolder::ItemProcessor => state.key("ItemProcessor"),
            ScopeHolder::Iterator => state.key("Iterator"),
        }
    }
}

/// One `States` object with its `StartAt`.
#[derive(Debug)]
pub struct Scope<'m> {
    /// The `StartAt` of this scope.
    pub start_at: &'m str,
    /// The `States` object.
    pub states: &'m States,
    /// The state owning this scope and the field that holds it; `None` for
    /// the machine.
    pub owner: Option<(StateId, ScopeHolder)>,
    /// The enclosing scope; `None` for the machine.
    pub parent: Option<ScopeId>,
    /// How many Parallel or Map states enclose this scope.
    pub depth: usize,
    members: Range<u32>,
}

impl Scope<'_> {
    /// The ids of this scope's states, in document order.
    ///
    /// ```
    /// # let machine = stepfn::read::read_str(r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Succeed"}}}"#)?;
    /// use stepfn::model::graph::Graph;
    /// let graph = Graph::new(&machine);
    /// assert_eq!(graph.scope(Graph::MACHINE).member_ids().count(), 2);
    /// # Ok::<(), stepfn::problem::Problems>(())
    /// ```
    pub fn member_ids(&self) -> impl ExactSizeIterator<Item = StateId> {
        self.members.clone().map(StateId)
    }
}

/// One state, wherever it is nested.
#[derive(Debug)]
pub struct StateNode<'m> {
    /// The scope whose `States` object holds it.
    pub scope: ScopeId,
    /// Its name.
    pub name: &'m str,
    /// The state.
    pub state: &'m State,
    /// Its effective query language: its own, or the machine's.
    pub language: QueryLanguage,
}

/// The field that names a transition's target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EdgeField {
    /// The state's `Next`.
    Next,
    /// A Choice state's `Default`.
    Default,
    /// `Choices[i].Next` of a Choice state.
    Choice(usize),
    /// `Catch[i].Next` of a Task, Parallel or Map state.
    Catch(usize),
}

impl EdgeField {
    /// The field's path below its state's path.
    ///
    /// ```
    /// use stepfn::model::graph::EdgeField;
    /// use stepfn::problem::Path;
    /// let state = Path::root().key("States").key("A");
    /// assert_eq!(EdgeField::Catch(1).path(state).to_string(), "States.A.Catch[1].Next");
    /// ```
    #[must_use]
    pub fn path(self, state: Path) -> Path {
        match self {
            EdgeField::Next => state.key("Next"),
            EdgeField::Default => state.key("Default"),
            EdgeField::Choice(i) => state.key("Choices").index(i).key("Next"),
            EdgeField::Catch(i) => state.key("Catch").index(i).key("Next"),
        }
    }
}

/// One transition out of a state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edge<'m> {
    /// The field that names the target.
    pub field: EdgeField,
    /// The target's name, as written.
    pub target: &'m str,
    /// The target in the state's own scope; `None` when no state of the scope
    /// has that name.
    pub to: Option<StateId>,
}

/// Every scope and state of one machine.
#[derive(Debug)]
pub struct Graph<'m> {
    machine: &'m StateMachine,
    scopes: Vec<Scope<'m>>,
    states: Vec<StateNode<'m>>,
}

impl<'m> Graph<'m> {
    /// The machine's own scope.
    pub const MACHINE: ScopeId = ScopeId(0);

    /// Indexes `machine`, scope by scope, breadth first.
    ///
    /// ```
    /// # let machine = stepfn::read::read_str(r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#)?;
    /// let graph = stepfn::model::graph::Graph::new(&machine);
    /// assert_eq!(graph.states().len(), 1);
    /// # Ok::<(), stepfn::problem::Problems>(())
    /// ```
    #[must_use]
    pub fn new(machine: &'m StateMachine) -> Graph<'m> {
        let mut graph = Graph {
            machine,
            scopes: vec![Scope {
                start_at: &machine.start_at,
                states: &machine.states,
                owner: None,
                parent: None,
                depth: 0,
                members: 0..0,
            }],
            states: Vec::with_capacity(machine.states.len()),
        };
        let language = machine.effective_query_language();
        let mut next = 0;
        while next < graph.scopes.len() {
            graph.add_members(ScopeId(to_u32(next)), language);
            next += 1;
        }
        graph
    }

    fn add_members(&mut self, scope: ScopeId, language: QueryLanguage) {
        let states = self.scopes[scope.index()].states;
        let depth = self.scopes[scope.index()].depth + 1;
        let first = to_u32(self.states.len());
        for (name, state) in states {
            let id = StateId(to_u32(self.states.len()));
            self.states.push(StateNode {
                scope,
                name,
                state,
                language: state.query_language().unwrap_or(language),
            });
            let mut nested = |start_at: &'m str, states: &'m States, holder: ScopeHolder| {
                self.scopes.push(Scope {
                    start_at,
                    states,
                    owner: Some((id, holder)),
                    parent: Some(scope),
                    depth,
                    members: 0..0,
                });
            };
            match state {
                State::Parallel(parallel) => {
                    for (i, branch) in parallel.branches.iter().enumerate() {
                        nested(&branch.start_at, &branch.states, ScopeHolder::Branch(i));
                    }
                }
                State::Map(map) => {
                    let holder = match &map.processor {
                        MapProcessor::ItemProcessor(_) => ScopeHolder::ItemProcessor,
                        MapProcessor::Iterator(_) => ScopeHolder::Iterator,
                    };
                    let processor = map.processor.processor();
                    nested(&processor.start_at, &processor.states, holder);
                }
                _ => {}
            }
        }
        self.scopes[scope.index()].members = first..to_u32(self.states.len());
    }

    /// The machine the graph indexes.
    #[must_use]
    pub fn machine(&self) -> &'m StateMachine {
        self.machine
    }

    /// Every scope, the machine's first, then breadth first.
    #[must_use]
    pub fn scopes(&self) -> &[Scope<'m>] {
        &self.scopes
    }

    /// Every state, scope by scope, in document order within a scope.
    #[must_use]
    pub fn states(&self) -> &[StateNode<'m>] {
        &self.states
    }

    /// The ids of every scope.
    pub fn scope_ids(&self) -> impl ExactSizeIterator<Item = ScopeId> {
        (0..to_u32(self.scopes.len())).map(ScopeId)
    }

    /// The ids of every state.
    pub fn state_ids(&self) -> impl ExactSizeIterator<Item = StateId> {
        (0..to_u32(self.states.len())).map(StateId)
    }

    /// The scope with id `id`.
    ///
    /// # Panics
    /// Never for an id from this graph.
    #[must_use]
    pub fn scope(&self, id: ScopeId) -> &Scope<'m> {
        &self.scopes[id.index()]
    }

    /// The state with id `id`.
    ///
    /// # Panics
    /// Never for an id from this graph.
    #[must_use]
    pub fn state(&self, id: StateId) -> &StateNode<'m> {
        &self.states[id.index()]
    }

    /// The state named `name` in `scope`, if there is one.
    #[must_use]
    pub fn find(&self, scope: ScopeId, name: &str) -> Option<StateId> {
        let scope = self.scopes.get(scope.index())?;
        let position = scope.states.get_index_of(name)?;
        Some(StateId(scope.members.start + to_u32(position)))
    }

    /// The first state of `scope`, if its `StartAt` names one.
    #[must_use]
    pub fn start(&self, scope: ScopeId) -> Option<StateId> {
        self.find(scope, self.scope(scope).start_at)
    }

    /// The transitions out of state `id`, in document order: `Choices[i].Next`,
    /// `Default`/`Next`, then `Catch[i].Next`.
    pub fn edges(&self, id: StateId) -> impl Iterator<Item = Edge<'m>> + '_ {
        let node = self.state(id);
        let scope = node.scope;
        transitions(node.state).map(move |(field, target)| Edge {
            field,
            target,
            to: self.resolve(id, scope, target),
        })
    }

    /// The states state `id` goes to that exist in its scope, in the order of
    /// [`Graph::edges`], each passed to `f`; returns how many transitions the
    /// state has, resolved or not.
    pub(crate) fn for_each_successor(&self, id: StateId, mut f: impl FnMut(StateId)) -> usize {
        let node = self.state(id);
        let mut count = 0;
        let mut resolve = |target: &str| {
            count += 1;
            if let Some(to) = self.resolve(id, node.scope, target) {
                f(to);
            }
        };
        match node.state {
            State::Choice(choice) => {
                for rule in &choice.choices {
                    resolve(&rule.next);
                }
                if let Some(default) = &choice.default {
                    resolve(default);
                }
            }
            state => {
                if let Some(next) = state.next() {
                    resolve(next);
                }
                for catcher in state.catchers() {
                    resolve(&catcher.next);
                }
            }
        }
        count
    }

    /// The state named `target` in `scope`, the scope of state `from`.
    /// Definitions are mostly written in the order they run, so the state
    /// written after `from` is tried before the scope's hash map (names are
    /// unique in a scope, so both give the same answer).
    fn resolve(&self, from: StateId, scope: ScopeId, target: &str) -> Option<StateId> {
        let after = from.index() + 1;
        match self.states.get(after) {
            Some(node) if node.scope == scope && node.name == target => {
                Some(StateId(to_u32(after)))
            }
            _ => self.find(scope, target),
        }
    }

    /// The path of state `id`: `States.P.Branches[0].States.X`.
    #[must_use]
    pub fn state_path(&self, id: StateId) -> Path {
        let node = self.state(id);
        self.scope_path(node.scope).key("States").key(node.name)
    }

    /// The path of the object that holds scope `id`'s `StartAt` and `States`
    /// (the root for the machine), built by walking up to the machine.
    #[must_use]
    pub fn scope_path(&self, id: ScopeId) -> Path {
        let mut chain = Vec::new();
        let mut at = id;
        while let Some((owner, holder)) = self.scope(at).owner {
            chain.push((owner, holder));
            at = self.state(owner).scope;
        }
        chain
            .into_iter()
            .rev()
            .fold(Path::root(), |path, (owner, holder)| {
                holder.path(path.key("States").key(self.state(owner).name))
            })
    }
}

/// How many levels of Parallel branches and Map processors nest inside
/// `states` (0 when none of them is a Parallel or Map state), counted
/// without recursion.
///
/// ```
/// let machine = stepfn::read::read_str(r#"{"StartAt": "P", "States": {
///     "P": {"Type": "Parallel", "End": true, "Branches": [
///         {"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}]}}}"#)?;
/// assert_eq!(stepfn::model::graph::nesting(&machine.states), 1);
/// # Ok::<(), stepfn::problem::Problems>(())
/// ```
#[must_use]
pub fn nesting(states: &States) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(states, 0)];
    while let Some((states, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        for state in states.values() {
            match state {
                State::Parallel(parallel) => {
                    stack.extend(parallel.branches.iter().map(|b| (&b.states, depth + 1)));
                }
                State::Map(map) => stack.push((&map.processor.processor().states, depth + 1)),
                _ => {}
            }
        }
    }
    deepest
}

/// Every transition of `state` with the field that names it: `Choices[i].Next`,
/// then `Default` (Choice) or `Next`, then `Catch[i].Next`.
pub fn transitions(state: &State) -> impl Iterator<Item = (EdgeField, &str)> {
    let choices = match state {
        State::Choice(choice) => choice.choices.as_slice(),
        _ => &[],
    };
    let next = match state {
        State::Choice(choice) => choice.default.as_deref().map(|d| (EdgeField::Default, d)),
        _ => state.next().map(|n| (EdgeField::Next, n)),
    };
    choices
        .iter()
        .enumerate()
        .map(|(i, rule)| (EdgeField::Choice(i), rule.next.as_str()))
        .chain(next)
        .chain(
            state
                .catchers()
                .iter()
                .enumerate()
                .map(|(i, catcher)| (EdgeField::Catch(i), catcher.next.as_str())),
        )
}

fn to_u32(n: usize) -> u32 {
    // A machine is at most 1 MiB of text in AWS and far less than 4 billion
    // states in memory; saturate rather than wrap if that ever changes.
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::{EdgeField, Graph, ScopeHolder};
    use crate::read::read_str;

    #[test]
    fn indexes_nested_scopes_breadth_first_with_paths() {
        let machine = read_str(
            r#"{"StartAt": "P", "States": {
                "P": {"Type": "Parallel", "Next": "M", "Branches": [
                    {"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}]},
                "M": {"Type": "Map", "End": true, "ItemProcessor": {
                    "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                    "StartAt": "B", "States": {"B": {"Type": "Succeed"}}}}}}"#,
        )
        .unwrap();
        let graph = Graph::new(&machine);
        assert_eq!(graph.scopes().len(), 3);
        let ids: Vec<_> = graph.state_ids().collect();
        assert_eq!(
            graph.scopes()[2].owner,
            Some((ids[1], ScopeHolder::ItemProcessor))
        );
        assert_eq!(graph.scopes()[1].depth, 1);
        let names: Vec<&str> = graph.states().iter().map(|s| s.name).collect();
        assert_eq!(names, ["P", "M", "A", "B"]);
        assert_eq!(graph.state_path(ids[2]), "States.P.Branches[0].States.A");
        assert_eq!(graph.state_path(ids[3]), "States.M.ItemProcessor.States.B");
    }

    #[test]
    fn edges_name_their_field_and_resolve_in_their_scope() {
        let machine = read_str(
            r#"{"StartAt": "C", "States": {
                "C": {"Type": "Choice", "Default": "T",
                      "Choices": [{"Variable": "$.x", "IsNull": true, "Next": "Gone"}]},
                "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
                      "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "C"}]}}}"#,
        )
        .unwrap();
        let graph = Graph::new(&machine);
        let c = graph.find(Graph::MACHINE, "C").unwrap();
        let t = graph.find(Graph::MACHINE, "T").unwrap();
        assert_eq!(graph.start(Graph::MACHINE), Some(c));
        let edges: Vec<_> = graph.edges(c).map(|e| (e.field, e.target, e.to)).collect();
        assert_eq!(
            edges,
            [
                (EdgeField::Choice(0), "Gone", None),
                (EdgeField::Default, "T", Some(t))
            ]
        );
        let edges: Vec<_> = graph.edges(t).map(|e| (e.field, e.to)).collect();
        assert_eq!(edges, [(EdgeField::Catch(0), Some(c))]);
    }
}
