//! The graph a chain is made of: states by name, each with its outgoing
//! transition open or set, the open ends a following `.next()` continues from,
//! and the problems found so far, reported when the machine is built.
//!
//! States are identified by name. Adding a state whose name is already in the
//! graph is a join, not a copy: when both are the same state the two meet (the
//! one with a `Next` set gives it), when they differ that is a duplicate name,
//! and when both have a different `Next` that is [`Code::ConflictingNext`].

use crate::model::graph::transitions;
use crate::model::{State, States, Transition};
use crate::problem::Path;
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
    pub(crate) fn is_open(&self) -> bool {
        matches!(self, Link::Open | Link::OpenDefault)
    }
}

/// A problem found while building, reported with the machine's other problems.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Pending {
    /// The state it is about.
    pub(crate) state: String,
    /// Where inside the state, e.g. `Choices[1]`; the root for the state itself.
    pub(crate) field: Path,
    pub(crate) code: Code,
    pub(crate) message: String,
    /// Reported only when the machine has other problems, as an explanation
    /// of them.
    pub(crate) explains_others: bool,
    /// Not a problem but what the state's IAM policy needs that its ASL does
    /// not say, carried to the machine like the problems are.
    pub(crate) fact: Option<Box<crate::iam::Fact>>,
}

impl Pending {
    pub(crate) fn new(
        state: impl Into<String>,
        field: Path,
        code: Code,
        message: impl Into<String>,
    ) -> Pending {
        Pending {
            state: state.into(),
            field,
            code,
            message: message.into(),
            explains_others: false,
            fact: None,
        }
    }

    /// A fact about the IAM policy of `state` (see [`Pending::fact`]).
    pub(crate) fn fact(state: impl Into<String>, fact: crate::iam::Fact) -> Pending {
        Pending {
            fact: Some(Box::new(fact)),
            ..Pending::new(state, Path::root(), Code::InvalidValue, "")
        }
    }
}

/// What adding a state to a piece did.
enum Joined {
    /// Added it, at this index.
    New(usize),
    /// Joined the equal state already at this index.
    Existing(usize),
    /// Found a different state of the same name at this index (a problem).
    Different(usize),
}

impl Joined {
    fn index(&self) -> usize {
        match self {
            Joined::New(i) | Joined::Existing(i) | Joined::Different(i) => *i,
        }
    }
}

/// A piece of a state machine: a start, states, and open ends.
///
/// `states` is already the model's map, so that finishing a piece moves no
/// state; `links[i]` is where `states[i]` goes.
#[doc(hidden)]
#[derive(Debug, Clone)]
pub struct Piece {
    pub(crate) start: String,
    pub(crate) states: States,
    pub(crate) links: Vec<Link>,
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
        let mut states = States::with_capacity_and_hasher(1, crate::model::NameHasher::default());
        states.insert(name.clone(), state);
        Piece {
            start: name,
            states,
            links: vec![link],
            ends,
            problems: Vec::new(),
        }
    }

    /// A jump to a state by name: no states of its own, no open ends.
    pub(crate) fn goto(name: String) -> Piece {
        Piece {
            start: name,
            states: States::default(),
            links: Vec::new(),
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

    /// Continues every open end with one new state (what [`Piece::then`] does
    /// with a one-state piece, without making that piece).
    pub(crate) fn then_state(
        mut self,
        name: String,
        state: State,
        link: Link,
        problems: Vec<Pending>,
    ) -> Piece {
        let ends = std::mem::take(&mut self.ends);
        for end in ends {
            self.set_next(&end, &name);
        }
        self.problems.extend(problems);
        let open = link.is_open();
        let end = open.then(|| name.clone());
        let index = self.join(name, state, link).index();
        if let Some(end) = end {
            if self.links.get(index).is_some_and(Link::is_open) {
                self.ends.push(end);
            }
        }
        self
    }

    /// Adds `other`'s states and problems (joining states of the same name) and
    /// returns its open ends that are still open.
    pub(crate) fn absorb(&mut self, mut other: Piece) -> Vec<String> {
        self.problems.append(&mut other.problems);
        // Join the smaller map into the larger one, so that nesting pieces
        // bottom-up (a Choice ladder, a chain built from its end) stays linear
        // overall; the order states are written in is decided at the end.
        if other.states.len() > self.states.len() {
            std::mem::swap(&mut self.states, &mut other.states);
            std::mem::swap(&mut self.links, &mut other.links);
        }
        let mut joined = Vec::new();
        for ((name, state), link) in other.states.into_iter().zip(other.links) {
            if let Joined::Existing(i) = self.join(name, state, link) {
                joined.push(i);
            }
        }
        if joined.len() >= 2 {
            self.note_reuse(&joined);
        }
        let mut ends: Vec<String> = Vec::with_capacity(other.ends.len());
        for end in other.ends {
            let open = self.link(&end).is_some_and(Link::is_open);
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

    /// Where the state named `name` goes, if it is in this piece.
    pub(crate) fn link(&self, name: &str) -> Option<&Link> {
        self.states
            .get_index_of(name)
            .and_then(|i| self.links.get(i))
    }

    fn set_next(&mut self, name: &str, target: &str) {
        let Some(i) = self.states.get_index_of(name) else {
            return;
        };
        let (Some((_, state)), Some(link)) = (self.states.get_index_mut(i), self.links.get_mut(i))
        else {
            return;
        };
        match link {
            Link::Open => *link = Link::Next(target.to_owned()),
            Link::OpenDefault => {
                if let State::Choice(choice) = state {
                    choice.default = Some(target.to_owned());
                }
                *link = Link::Terminal;
            }
            Link::Next(current) if current == target => {}
            other => {
                let current = describe(other);
                self.problems.push(conflict(name, &current, target));
            }
        }
    }

    /// Notes that the states at `indexes` were all added again at once: a
    /// fragment used twice joins its first use instead of being a second
    /// set of states. The note is reported only if the machine also has
    /// problems (which it then explains), since joining is also how loops
    /// are written.
    fn note_reuse(&mut self, indexes: &[usize]) {
        let names: Vec<&str> = indexes
            .iter()
            .filter_map(|&i| self.states.get_index(i).map(|(name, _)| name.as_str()))
            .collect();
        let Some(first) = names.first() else { return };
        let listed: Vec<String> = names.iter().take(5).map(|n| format!("`{n}`")).collect();
        let more = if names.len() > 5 {
            format!(" and {} more", names.len() - 5)
        } else {
            String::new()
        };
        let mut note = Pending::new(
            *first,
            Path::root(),
            Code::FragmentReused,
            format!(
                "the states {}{more} were added a second time and joined the states of the same \
                 names, so they are one set of states, not two: if a fragment is used twice, \
                 give each use its own names with `.prefix_states(\"...\")`",
                listed.join(", ")
            ),
        );
        note.explains_others = true;
        self.problems.push(note);
    }

    /// Adds a state, or joins it with the state of the same name.
    fn join(&mut self, name: String, state: State, link: Link) -> Joined {
        let i = match self.states.entry(name) {
            indexmap::map::Entry::Vacant(entry) => {
                let i = entry.index();
                entry.insert(state);
                self.links.push(link);
                return Joined::New(i);
            }
            indexmap::map::Entry::Occupied(entry) => entry.index(),
        };
        let (Some((name, existing)), Some(existing_link)) =
            (self.states.get_index(i), self.links.get_mut(i))
        else {
            return Joined::Existing(i);
        };
        let name = name.clone();
        if *existing != state {
            self.problems.push(Pending::new(
                &name,
                Path::root(),
                Code::DuplicateStateName,
                format!(
                    "two different states are named `{name}`; rename one of them (to use the \
                     same state twice, add the same value again or jump to it with \
                     `Goto::new(\"{name}\")`)"
                ),
            ));
            return Joined::Different(i);
        }
        match (&*existing_link, link) {
            (_, Link::Open | Link::OpenDefault) => {}
            (Link::Open | Link::OpenDefault, link) => *existing_link = link,
            (a, b) if *a == b => {}
            (a, b) => {
                let (first, second) = (describe(a), describe(&b));
                self.problems.push(conflict(&name, &first, &second));
            }
        }
        Joined::Existing(i)
    }

    /// The finished states, each with its transition: `Next` where set, `End`
    /// where nothing continues. They are written in the order a reader follows
    /// them: breadth-first from the start, each state's `Next` first, then its
    /// Choice rules, `Default` and `Catch` targets in order; states reached
    /// from nowhere come last, in the order they joined.
    pub(crate) fn into_states(mut self) -> (String, States, Vec<Pending>) {
        let order = self.reading_order();
        for (state, link) in self
            .states
            .values_mut()
            .zip(std::mem::take(&mut self.links))
        {
            match link {
                Link::Next(next) => set_transition(state, Transition::Next(next)),
                Link::Open | Link::End => set_transition(state, Transition::End),
                Link::Terminal | Link::OpenDefault => {}
            }
        }
        let in_order = order.iter().enumerate().all(|(i, &j)| i == j);
        if in_order {
            return (self.start, self.states, self.problems);
        }
        let mut entries: Vec<Option<(String, State)>> = self.states.into_iter().map(Some).collect();
        let mut states =
            States::with_capacity_and_hasher(entries.len(), crate::model::NameHasher::default());
        for i in order {
            if let Some((name, state)) = entries.get_mut(i).and_then(Option::take) {
                states.insert(name, state);
            }
        }
        (self.start, states, self.problems)
    }

    /// Indices of the states in reading order (see [`Piece::into_states`]).
    fn reading_order(&self) -> Vec<usize> {
        let n = self.states.len();
        if self.is_a_chain_in_order() {
            return (0..n).collect();
        }
        let mut seen = vec![false; n];
        let mut order = Vec::with_capacity(n);
        if let Some(start) = self.states.get_index_of(&self.start) {
            seen[start] = true;
            order.push(start);
        }
        let mut head = 0;
        while let Some(&i) = order.get(head) {
            head += 1;
            let (Some((_, state)), Some(link)) = (self.states.get_index(i), self.links.get(i))
            else {
                continue;
            };
            let mut visit = |target: &str| {
                if let Some(j) = self.states.get_index_of(target) {
                    if !seen[j] {
                        seen[j] = true;
                        order.push(j);
                    }
                }
            };
            if let Link::Next(next) = link {
                visit(next);
            }
            // While building, a state's own `Next` lives in its link; the
            // model holds its Choice rules, `Default` and `Catch` targets.
            for (_, target) in transitions(state) {
                visit(target);
            }
        }
        order.extend((0..n).filter(|&i| !seen[i]));
        order
    }
}

impl Piece {
    /// Whether the states are a plain chain already in order: the start
    /// first, each state's only target the state after it. Checked with
    /// string comparisons alone, so long chains skip the breadth-first walk.
    fn is_a_chain_in_order(&self) -> bool {
        if self
            .states
            .get_index(0)
            .is_none_or(|(name, _)| *name != self.start)
        {
            return false;
        }
        self.states
            .values()
            .zip(&self.links)
            .enumerate()
            .all(|(i, (state, link))| {
                let following = self.states.get_index(i + 1).map(|(name, _)| name);
                let next_is_following = match (link, following) {
                    (Link::Next(next), Some(name)) => next == name,
                    (Link::Next(_), None) => false,
                    _ => following.is_none(),
                };
                let no_other_target = transitions(state)
                    .all(|(_, target)| following.is_some_and(|name| name == target));
                next_is_following && no_other_target
            })
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
        Path::root(),
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
    use crate::model::Succeed;

    fn pass() -> State {
        State::from(crate::builder::Pass::new("unused").inner)
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
        assert!(
            ends.is_empty(),
            "A already goes to B, so it is not an open end"
        );
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
        assert!(
            p.message.contains("`B`") && p.message.contains("`C`"),
            "{}",
            p.message
        );
    }

    #[test]
    fn two_different_states_with_one_name_are_a_duplicate() {
        let other = Piece::state("A".into(), State::from(Succeed::default()), Link::Terminal);
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
