//! An index of every `States` object (scope) and every state of a machine,
//! built in one loop: nothing recurses per state or per nesting level.

use std::ops::Range;

use super::at::At;
use crate::model::{MapProcessor, ProcessorMode, QueryLanguage, State, StateMachine, States};

/// What kind of `States` object a scope is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ScopeKind {
    /// The machine's top-level `States`.
    Machine,
    /// One of a Parallel state's `Branches`.
    Branch,
    /// A Map state's `ItemProcessor` (or `Iterator`).
    Processor {
        /// Whether the Map runs in `DISTRIBUTED` mode.
        distributed: bool,
    },
}

/// One `States` object with its `StartAt`.
#[derive(Debug)]
pub(crate) struct Scope<'m> {
    pub(crate) kind: ScopeKind,
    pub(crate) start_at: &'m str,
    pub(crate) states: &'m States,
    /// The path of the object holding `StartAt` and `States`.
    pub(crate) at: At,
    /// The enclosing scope, `None` for the machine.
    pub(crate) parent: Option<usize>,
    /// Indexes into [`Index::states`] of this scope's states, in document order.
    pub(crate) members: Range<usize>,
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
}

impl<'m> Index<'m> {
    /// Indexes `machine`, scope by scope, breadth first.
    pub(crate) fn new(machine: &'m StateMachine) -> Index<'m> {
        let language = machine.effective_query_language();
        let mut index = Index {
            machine,
            language,
            scopes: vec![Scope {
                kind: ScopeKind::Machine,
                start_at: &machine.start_at,
                states: &machine.states,
                at: At::root(),
                parent: None,
                members: 0..0,
            }],
            states: Vec::with_capacity(machine.states.len()),
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
        let first = self.states.len();
        for (name, state) in states {
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
                        let at = self.state_at(entry).key("Branches").index(i);
                        self.scopes.push(Scope {
                            kind: ScopeKind::Branch,
                            start_at: &branch.start_at,
                            states: &branch.states,
                            at,
                            parent: Some(scope),
                            members: 0..0,
                        });
                    }
                }
                State::Map(map) => {
                    let field = match &map.processor {
                        MapProcessor::ItemProcessor(_) => "ItemProcessor",
                        MapProcessor::Iterator(_) => "Iterator",
                    };
                    let processor = map.processor.processor();
                    let distributed = processor
                        .processor_config
                        .as_ref()
                        .and_then(|c| c.mode)
                        .is_some_and(|m| m == ProcessorMode::Distributed);
                    let at = self.state_at(entry).key(field);
                    self.scopes.push(Scope {
                        kind: ScopeKind::Processor { distributed },
                        start_at: &processor.start_at,
                        states: &processor.states,
                        at,
                        parent: Some(scope),
                        members: 0..0,
                    });
                }
                _ => {}
            }
        }
        self.scopes[scope].members = first..self.states.len();
    }

    /// The path of state `entry`: `States.P.Branches[0].States.X`.
    pub(crate) fn state_at(&self, entry: usize) -> At {
        let e = &self.states[entry];
        self.scopes[e.scope].at.clone().key("States").key(e.name)
    }

    /// The states of `scope`, with their indexes into [`Index::states`].
    pub(crate) fn members(&self, scope: usize) -> impl Iterator<Item = (usize, &Entry<'m>)> {
        let range = self.scopes[scope].members.clone();
        range.clone().zip(&self.states[range])
    }
}

#[cfg(test)]
mod tests {
    use super::{Index, ScopeKind};
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
        assert_eq!(index.scopes[2].kind, ScopeKind::Processor { distributed: true });
        let names: Vec<&str> = index.states.iter().map(|e| e.name).collect();
        assert_eq!(names, ["P", "M", "A", "B"]);
        assert_eq!(index.state_at(2).render(), "States.P.Branches[0].States.A");
        assert_eq!(index.state_at(3).render(), "States.M.ItemProcessor.States.B");
    }
}
