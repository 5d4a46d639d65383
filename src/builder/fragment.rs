//! Fragments: reusable pieces of a machine. Any chain is one; these methods
//! rename its states so it can be used several times, and wrap it in a
//! Parallel state.
//!
//! Names are plain data, renamed when `prefix_states` is called, everywhere
//! in the fragment: its states, every `Next`, `Default`, Choice rule and
//! `Catch` target, and the states inside its Parallel branches and Map item
//! processors at any depth. The order of calls does not matter, unlike the
//! CDK's (its issue #23320).

use std::collections::HashSet;

use crate::model::{State, States, Transition};

use super::graph::{Link, Piece};
use super::{Chain, ClosedChain, Parallel};

macro_rules! fragment_methods {
    ($ty:ident) => {
        impl $ty {
            /// Puts `prefix` before the name of every state in this chain,
            /// including those inside its Parallel branches and Map item
            /// processors, and updates every reference to them. Jumps
            /// ([`Goto`](crate::builder::Goto)) to states outside the chain
            /// keep their target. Calling it again adds the new prefix in front.
            ///
            /// ```
            /// use stepfn::builder::{Choice, Condition, Pass};
            /// let job = Choice::new("Choice")
            ///     .when(Condition::string_equals("$.branch", "left"), Pass::new("Left"))
            ///     .afterwards();
            /// let quick = job.prefix_states("Quick: ");
            /// assert_eq!(quick.state_names(), ["Quick: Choice", "Quick: Left"]);
            /// assert_eq!(quick.start_state(), "Quick: Choice");
            /// ```
            pub fn prefix_states(mut self, prefix: impl AsRef<str>) -> $ty {
                prefix_piece(&mut self.0, prefix.as_ref());
                self
            }

            /// Wraps this chain in a Parallel state named `name` with this chain
            /// as its only branch: the fragment then acts as one state, with
            /// one `Retry`, `Catch` and `ResultPath`.
            ///
            /// ```
            /// use stepfn::builder::Pass;
            /// let single = Pass::new("Step").next(Pass::new("Other step")).to_single_state("Wrapped");
            /// assert_eq!(single.to_json(), r#"{"Type":"Parallel","Branches":[{"StartAt":"Step","States":{"Step":{"Type":"Pass","Next":"Other step"},"Other step":{"Type":"Pass","End":true}}}],"End":true}"#);
            /// ```
            pub fn to_single_state(self, name: impl Into<String>) -> Parallel {
                Parallel::new(name).branch(self)
            }
        }
    };
}

fragment_methods!(Chain);
fragment_methods!(ClosedChain);

/// Renames every state defined in `piece` to `prefix` + its name.
fn prefix_piece(piece: &mut Piece, prefix: &str) {
    let defined = defined_names(piece);
    let rename = |name: &str| -> Option<String> {
        defined.contains(name).then(|| format!("{prefix}{name}"))
    };
    let renamed = |name: String| rename(&name).unwrap_or(name);

    for link in &mut piece.links {
        if let Link::Next(next) = link {
            if let Some(new) = rename(next) {
                *next = new;
            }
        }
    }
    let states = std::mem::take(&mut piece.states);
    piece.states = states
        .into_iter()
        .map(|(name, mut state)| {
            rename_within(&mut state, &rename);
            (renamed(name), state)
        })
        .collect();
    piece.start = renamed(std::mem::take(&mut piece.start));
    for end in &mut piece.ends {
        *end = renamed(std::mem::take(end));
    }
    for problem in &mut piece.problems {
        problem.state = renamed(std::mem::take(&mut problem.state));
    }
}

/// The names of every state in the piece, nested ones included.
fn defined_names(piece: &Piece) -> HashSet<String> {
    let mut names: HashSet<String> = piece.states.keys().cloned().collect();
    let mut stack: Vec<&State> = piece.states.values().collect();
    while let Some(state) = stack.pop() {
        for scope in nested(state) {
            names.extend(scope.keys().cloned());
            stack.extend(scope.values());
        }
    }
    names
}

fn nested(state: &State) -> Vec<&States> {
    match state {
        State::Parallel(p) => p.branches.iter().map(|b| &b.states).collect(),
        State::Map(m) => vec![&m.processor.processor().states],
        _ => Vec::new(),
    }
}

/// Renames the references a state holds, and the states nested in it, at any
/// depth, without recursion.
fn rename_within(state: &mut State, rename: &dyn Fn(&str) -> Option<String>) {
    let mut stack: Vec<&mut State> = vec![state];
    while let Some(state) = stack.pop() {
        rename_targets(state, rename);
        let scopes: Vec<(&mut String, &mut States)> = match state {
            State::Parallel(p) => p
                .branches
                .iter_mut()
                .map(|b| (&mut b.start_at, &mut b.states))
                .collect(),
            State::Map(m) => match &mut m.processor {
                crate::model::MapProcessor::ItemProcessor(p)
                | crate::model::MapProcessor::Iterator(p) => vec![(&mut p.start_at, &mut p.states)],
            },
            _ => Vec::new(),
        };
        for (start_at, states) in scopes {
            if let Some(new) = rename(start_at) {
                *start_at = new;
            }
            let old = std::mem::take(states);
            *states = old
                .into_iter()
                .map(|(name, state)| (rename(&name).unwrap_or(name), state))
                .collect();
            stack.extend(states.values_mut());
        }
    }
}

/// Renames a state's own targets: `Next`, `Default`, Choice rules, `Catch`.
fn rename_targets(state: &mut State, rename: &dyn Fn(&str) -> Option<String>) {
    let mut targets: Vec<&mut String> = Vec::new();
    let transition = match state {
        State::Task(s) => {
            targets.extend(s.catch.iter_mut().flatten().map(|c| &mut c.next));
            Some(&mut s.transition)
        }
        State::Parallel(s) => {
            targets.extend(s.catch.iter_mut().flatten().map(|c| &mut c.next));
            Some(&mut s.transition)
        }
        State::Map(s) => {
            targets.extend(s.catch.iter_mut().flatten().map(|c| &mut c.next));
            Some(&mut s.transition)
        }
        State::Pass(s) => Some(&mut s.transition),
        State::Wait(s) => Some(&mut s.transition),
        State::Choice(s) => {
            targets.extend(s.choices.iter_mut().map(|r| &mut r.next));
            targets.extend(s.default.as_mut());
            None
        }
        State::Succeed(_) | State::Fail(_) => None,
    };
    if let Some(Transition::Next(next)) = transition {
        targets.push(next);
    }
    for target in targets {
        if let Some(new) = rename(target) {
            *target = new;
        }
    }
}
