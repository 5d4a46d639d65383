//! The graph a chain is made of: states by name, each with its outgoing
//! transition open or set, the open ends a following `.next()` continues from,
//! and the problems found so far, reported when the machine is built.
//!
//! States are identified by name. Adding a state whose name is already in the
//! graph is a join, not a copy: when both are the same state the two meet (the
//! one with a `Next` set gives it), when they differ that is a duplicate name,
//! and when both have a different `Next` that is [`Code::ConflictingNext`].

use indexmap::IndexMap;

use crate::model::{State, States, Transition};
use crate::Code;

/// Where a state goes when it is done.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Link {
    /// Not decided yet: the next `.next()` continues from here; `End` if none does.
    Open,
    /// `Next`
    Next(String),
    /// `End: true`, written in a custom state's JSON.
    End,
    /// Choice, Succeed and Fail: no `Next` or `End` of their own.
    Terminal,
    /// A Choice without a `Default` whose `Default` the next `.next()` sets.
    OpenDefault,
}

impl Link {
    fn is_open(&self) -> bool {
        matches!(self, Link::Open | Link::OpenDefault)
    }
}

/// A state in the graph.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub(crate) state: State,
    pub(crate) link: Link,
}

/// A problem found while building, reported with the machine's other problems.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Pending {
    /// The state it is about.
    pub(crate) state: String,
    /// Where inside the state, e.g. `Choices[1]`; empty for the state itself.
    pub(crate) field: String,
    pub(crate) code: Code,
    pub(crate) message: String,
}

impl Pending {
    pub(crate) fn new(
        state: impl Into<String>,
        field: impl Into<String>,
        code: Code,
        message: impl Into<String>,
    ) -> Pending {
        Pending {
            state: state.into(),
            field: field.into(),
            code,
            message: message.into(),
        }
    }
}

/// A piece of a state machine: a start, states, and open ends.
#[doc(hidden)]
#[derive(Debug, Clone)]
pub struct Piece {
    pub(crate) start: String,
    pub(crate) states: IndexMap<String, Node>,
    pub(crate) ends: Vec<String>,
    pub(crate) problems: Vec<Pending>,
}

impl Piece {
    /// One state; it is an open end unless its link is decided.
    pub(crate) fn state(name: String, state: State, link: Link) -> Piece {
        let ends = if link.is_open() {
            vec![name.clone()]
        } else {
            Vec::new()
        };
        let mut states = IndexMap::with_capacity(1);
        states.insert(name.clone(), Node { state, link });
        Piece {
            start: name,
            states,
            ends,
            problems: Vec::new(),
        }
    }

    /// A jump to a state by name: no states of its own, no open ends.
    pub(crate) fn goto(name: String) -> Piece {
        Piece {
            start: name,
            states: IndexMap::new(),
            ends: Vec::new(),
            problems: Vec::new(),
        }
    }

    /// Continues every open end with `then`; the open ends become `then`'s.
    pub(crate) fn then(mut self, then: Piece) -> Piece {
        let ends = std::mem::take(&mut self.ends);
        for end in ends {
            self.set_next(&end, &then.start);
        }
        self.ends = self.absorb(then);
        self
    }

    /// Adds `other`'s states and problems (joining states of the same name) and
    /// returns its open ends that are still open.
    pub(crate) fn absorb(&mut self, other: Piece) -> Vec<String> {
        self.problems.extend(other.problems);
        for (name, node) in other.states {
            self.join(name, node);
        }
        let mut ends: Vec<String> = Vec::with_capacity(other.ends.len());
        for end in other.ends {
            let open = self.states.get(&end).is_some_and(|n| n.link.is_open());
            if open && !ends.contains(&end) {
                ends.push(end);
            }
        }
        ends
    }

    /// Adds ends to the open ends, once each.
    pub(crate) fn add_ends(&mut self, ends: Vec<String>) {
        for end in ends {
            if !self.ends.contains(&end) {
                self.ends.push(end);
            }
        }
    }

    fn set_next(&mut self, name: &str, target: &str) {
        let Some(node) = self.states.get_mut(name) else {
            return;
        };
        match &node.link {
            Link::Open => node.link = Link::Next(target.to_owned()),
            Link::OpenDefault => {
                if let State::Choice(choice) = &mut node.state {
                    choice.default = Some(target.to_owned());
                }
                node.link = Link::Terminal;
            }
            Link::Next(current) if current == target => {}
            other => {
                let current = describe(other);
                self.problems.push(conflict(name, &current, target));
            }
        }
    }

    fn join(&mut self, name: String, node: Node) {
        let Some(existing) = self.states.get_mut(&name) else {
            self.states.insert(name, node);
            return;
        };
        if existing.state != node.state {
            self.problems.push(Pending::new(
                &name,
                "",
                Code::DuplicateStateName,
                format!(
                    "two different states are named `{name}`; rename one of them (to use the \
                     same state twice, add the same value again or jump to it with \
                     `Goto::new(\"{name}\")`)"
                ),
            ));
            return;
        }
        match (&existing.link, node.link) {
            (_, Link::Open | Link::OpenDefault) => {}
            (Link::Open | Link::OpenDefault, link) => existing.link = link,
            (a, b) if *a == b => {}
            (a, b) => {
                let (first, second) = (describe(a), describe(&b));
                self.problems.push(conflict(&name, &first, &second));
            }
        }
    }

    /// The finished states, each with its transition: `Next` where set, `End`
    /// where nothing continues.
    pub(crate) fn into_states(self) -> (String, States, Vec<Pending>) {
        let mut states = States::with_capacity(self.states.len());
        for (name, node) in self.states {
            let mut state = node.state;
            match node.link {
                Link::Next(next) => set_transition(&mut state, Transition::Next(next)),
                Link::Open | Link::End => set_transition(&mut state, Transition::End),
                Link::Terminal | Link::OpenDefault => {}
            }
            states.insert(name, state);
        }
        (self.start, states, self.problems)
    }
}

fn describe(link: &Link) -> String {
    match link {
        Link::Next(next) => next.clone(),
        Link::End => "End".to_owned(),
        Link::Open | Link::Terminal | Link::OpenDefault => "nothing".to_owned(),
    }
}

fn conflict(name: &str, first: &str, second: &str) -> Pending {
    Pending::new(
        name,
        "",
        Code::ConflictingNext,
        format!(
            "state `{name}` is continued to both `{first}` and `{second}`; a state has one \
             `Next`: use a Choice to branch, or continue only one of the two"
        ),
    )
}

/// Sets a state's `Next`/`End`; Choice, Succeed and Fail have none.
pub(crate) fn set_transition(state: &mut State, transition: Transition) {
    match state {
        State::Task(s) => s.transition = transition,
        State::Pass(s) => s.transition = transition,
        State::Wait(s) => s.transition = transition,
        State::Parallel(s) => s.transition = transition,
        State::Map(s) => s.transition = transition,
        State::Choice(_) | State::Succeed(_) | State::Fail(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Pass, Succeed};

    fn pass() -> State {
        State::from(Pass {
            comment: None,
            query_language: None,
            input_path: None,
            parameters: None,
            result: None,
            result_path: None,
            output_path: None,
            output: None,
            assign: None,
            transition: Transition::End,
        })
    }

    fn open(name: &str) -> Piece {
        Piece::state(name.to_owned(), pass(), Link::Open)
    }

    #[test]
    fn then_links_every_open_end_and_keeps_order() {
        let piece = open("A").then(open("B")).then(open("C"));
        let (start, states, problems) = piece.into_states();
        assert_eq!(start, "A");
        assert!(problems.is_empty());
        let order: Vec<_> = states.keys().map(String::as_str).collect();
        assert_eq!(order, ["A", "B", "C"]);
        assert_eq!(states["A"].clone(), {
            let mut s = pass();
            set_transition(&mut s, Transition::Next("B".into()));
            s
        });
    }

    #[test]
    fn the_same_state_twice_is_a_join_and_its_next_is_kept() {
        let mut piece = open("A").then(open("B"));
        let ends = piece.absorb(open("A"));
        assert!(ends.is_empty(), "A already goes to B, so it is not an open end");
        assert!(piece.problems.is_empty());
    }

    #[test]
    fn two_targets_for_one_state_are_reported_with_both_names() {
        let first = open("A").then(open("B"));
        let second = open("A").then(open("C"));
        let mut piece = first;
        let _ = piece.absorb(second);
        assert_eq!(piece.problems.len(), 1);
        let p = &piece.problems[0];
        assert_eq!((p.state.as_str(), p.code), ("A", Code::ConflictingNext));
        assert!(p.message.contains("`B`") && p.message.contains("`C`"), "{}", p.message);
    }

    #[test]
    fn two_different_states_with_one_name_are_a_duplicate() {
        let other = Piece::state("A".into(), State::Succeed(Succeed::default()), Link::Terminal);
        let mut piece = open("A");
        let _ = piece.absorb(other);
        assert_eq!(piece.problems[0].code, Code::DuplicateStateName);
    }

    #[test]
    fn a_goto_closes_the_chain() {
        let piece = open("A").then(Piece::goto("A".into()));
        assert!(piece.ends.is_empty());
        let (_, states, problems) = piece.into_states();
        assert!(problems.is_empty());
        let State::Pass(a) = &states["A"] else {
            panic!("A is a Pass")
        };
        assert_eq!(a.transition, Transition::Next("A".into()));
    }
}
