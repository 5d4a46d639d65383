//! An index of every `States` object (scope) and every state of a machine,
//! built in one loop: nothing recurses per state or per nesting level.

use std::cell::OnceCell;
use std::collections::HashSet;
use std::ops::Range;

use super::at::At;
use super::edges::is_terminal;
use crate::model::{MapProcessor, QueryLanguage, State, StateMachine, States};

/// One `States` object with its `StartAt`.
#[derive(Debug)]
pub(crate) struct Scope<'m> {
    pub(crate) start_at: &'m str,
    pub(crate) states: &'m States,
    /// The state owning this scope and the field under it (`Branches[i]`,
    /// `ItemProcessor`); `None` for the machine.
    pub(crate) owner: Option<(usize, Holder)>,
    /// The enclosing scope, `None` for the machine.
    pub(crate) parent: Option<usize>,
    /// How many Parallel or Map states enclose this scope.
    pub(crate) depth: usize,
    /// How many path steps lead from the root to this scope's `States` object.
    pub(crate) states_steps: usize,
    /// Indexes into [`Index::states`] of this scope's states, in document order.
    pub(crate) members: Range<usize>,
    /// Whether a state here can end the scope (`"End": true`, Succeed, Fail).
    pub(crate) has_terminal: bool,
}

/// The field of a Parallel or Map state that holds a scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Holder {
    /// `Branches[i]`
    Branch(usize),
    /// `ItemProcessor` or `Iterator`.
    Processor(&'static str),
}

/// One state, wherever it is nested.
#[derive(Debug)]
pub(crate) struct Entry<'m> {
    pub(crate) scope: usize,
    pub(crate) name: &'m str,
    pub(crate) state: &'m State,
    /// The state's effective query language.
    pub(crate) language: QueryLanguage,
}

/// Every scope and state of one machine.
#[derive(Debug)]
pub(crate) struct Index<'m> {
    pub(crate) machine: &'m StateMachine,
    pub(crate) language: QueryLanguage,
    pub(crate) scopes: Vec<Scope<'m>>,
    pub(crate) states: Vec<Entry<'m>>,
    /// Every state name, built the first time a rule asks.
    names: OnceCell<HashSet<&'m str>>,
}

impl<'m> Index<'m> {
    /// Indexes `machine`, scope by scope, breadth first.
    pub(crate) fn new(machine: &'m StateMachine) -> Index<'m> {
        let language = machine.effective_query_language();
        let mut index = Index {
            machine,
            language,
            scopes: vec![Scope {
                start_at: &machine.start_at,
                states: &machine.states,
                owner: None,
                parent: None,
                depth: 0,
                states_steps: 1,
                members: 0..0,
                has_terminal: false,
            }],
            states: Vec::with_capacity(machine.states.len()),
            names: OnceCell::new(),
        };
        let mut next = 0;
        while next < index.scopes.len() {
            index.add_members(next);
            next += 1;
        }
        index
    }

    fn add_members(&mut self, scope: usize) {
        let states = self.scopes[scope].states;
        let depth = self.scopes[scope].depth + 1;
        // Steps to a state of this scope: its `States` object, then the name.
        let state_steps = self.scopes[scope].states_steps + 1;
        let first = self.states.len();
        let mut has_terminal = false;
        for (name, state) in states {
            has_terminal |= is_terminal(state);
            let entry = self.states.len();
            self.states.push(Entry {
                scope,
                name,
                state,
                language: state.query_language().unwrap_or(self.language),
            });
            match state {
                State::Parallel(parallel) => {
                    for (i, branch) in parallel.branches.iter().enumerate() {
                        self.scopes.push(Scope {
                            start_at: &branch.start_at,
                            states: &branch.states,
                            owner: Some((entry, Holder::Branch(i))),
                            parent: Some(scope),
                            depth,
                            states_steps: state_steps + 3,
                            members: 0..0,
                            has_terminal: false,
                        });
                    }
                }
                State::Map(map) => {
                    let field = match &map.processor {
                        MapProcessor::ItemProcessor(_) => "ItemProcessor",
                        MapProcessor::Iterator(_) => "Iterator",
                    };
                    let processor = map.processor.processor();
                    self.scopes.push(Scope {
                        start_at: &processor.start_at,
                        states: &processor.states,
                        owner: Some((entry, Holder::Processor(field))),
                        parent: Some(scope),
                        depth,
                        states_steps: state_steps + 2,
                        members: 0..0,
                        has_terminal: false,
                    });
                }
                _ => {}
            }
        }
        self.scopes[scope].members = first..self.states.len();
        self.scopes[scope].has_terminal = has_terminal;
    }

    /// The path of state `entry`: `States.P.Branches[0].States.X`.
    pub(crate) fn state_at(&self, entry: usize) -> At {
        let e = &self.states[entry];
        self.scope_at(e.scope).key("States").key(e.name)
    }

    /// The names of all states, nested ones included.
    pub(crate) fn names(&self) -> &HashSet<&'m str> {
        self.names
            .get_or_init(|| self.states.iter().map(|e| e.name).collect())
    }

    /// How many path steps lead from the root to state `entry`.
    pub(crate) fn state_steps(&self, entry: usize) -> usize {
        self.scopes[self.states[entry].scope].states_steps + 1
    }

    /// The path of the object holding scope `scope`'s `StartAt` and `States`,
    /// built by walking up to the machine (only when a problem is reported).
    pub(crate) fn scope_at(&self, scope: usize) -> At {
        let mut chain = Vec::new();
        let mut at = scope;
        while let Some((owner, holder)) = self.scopes[at].owner {
            chain.push((owner, holder));
            at = self.states[owner].scope;
        }
        let mut path = At::root();
        for (owner, holder) in chain.into_iter().rev() {
            path = path.key("States").key(self.states[owner].name);
            path = match holder {
                Holder::Branch(i) => path.key("Branches").index(i),
                Holder::Processor(field) => path.key(field),
            };
        }
        path
    }
}

#[cfg(test)]
mod tests {
    use super::{Holder, Index};
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
        let index = Index::new(&machine);
        assert_eq!(index.scopes.len(), 3);
        assert_eq!(
            index.scopes[2].owner,
            Some((1, Holder::Processor("ItemProcessor")))
        );
        assert_eq!(index.scopes[1].depth, 1);
        let names: Vec<&str> = index.states.iter().map(|e| e.name).collect();
        assert_eq!(names, ["P", "M", "A", "B"]);
        assert_eq!(index.state_at(2).render(), "States.P.Branches[0].States.A");
        assert_eq!(
            index.state_at(3).render(),
            "States.M.ItemProcessor.States.B"
        );
    }
}
