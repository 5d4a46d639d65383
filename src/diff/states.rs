//! Matching the states of two machines and listing what changed.

use std::collections::{HashMap, VecDeque};

use serde_json::Value;

use super::values::{canonical, differences};
use super::Change;
use crate::model::graph::{transitions, EdgeField, Graph, StateId};
use crate::model::{State, StateMachine};
use crate::problem::Path;

/// The changes from `old` to `new`, in the order [`super::Diff`] promises.
pub(super) fn changes(old: &StateMachine, new: &StateMachine) -> Vec<Change> {
    let (a, b) = (Graph::new(old), Graph::new(new));
    let pairs = Pairs::new(&a, &b);
    let mut out = Vec::new();
    top_level(old, new, &pairs, &mut out);
    for id in b.state_ids() {
        let Some(from) = pairs.old_of[id.index()] else {
            let node = b.state(id);
            out.push(Change::Added {
                path: b.state_path(id),
                state_type: node.state.type_name(),
            });
            continue;
        };
        let (old_node, new_node) = (a.state(from), b.state(id));
        if old_node.name != new_node.name {
            out.push(Change::Renamed {
                from: a.state_path(from),
                to: b.state_path(id),
            });
        }
        if old_node.state == new_node.state {
            continue;
        }
        let path = b.state_path(id);
        let mut found = Vec::new();
        differences(
            path.clone(),
            &content(old_node.state),
            &content(new_node.state),
            &mut found,
        );
        for (path, old, new) in found {
            if !follows_rename(&path, old.as_ref(), new.as_ref(), &pairs.renamed) {
                out.push(Change::Field { path, old, new });
            }
        }
        transition_changes(
            old_node.state,
            new_node.state,
            &path,
            &pairs.renamed,
            &mut out,
        );
    }
    for id in a.state_ids() {
        if pairs.new_of[id.index()].is_none() {
            out.push(Change::Removed {
                path: a.state_path(id),
                state_type: a.state(id).state.type_name(),
            });
        }
    }
    out
}

/// Which state of one machine is which state of the other.
struct Pairs<'m> {
    /// For each new state, its old state.
    old_of: Vec<Option<StateId>>,
    /// For each old state, its new state.
    new_of: Vec<Option<StateId>>,
    /// Old name to new name, for every renamed state.
    renamed: HashMap<&'m str, &'m str>,
}

impl<'m> Pairs<'m> {
    fn new(a: &Graph<'m>, b: &Graph<'m>) -> Pairs<'m> {
        let mut pairs = Pairs {
            old_of: vec![None; b.states().len()],
            new_of: vec![None; a.states().len()],
            renamed: HashMap::new(),
        };
        // By name (names are unique in a valid machine; the first of each
        // name pairs with the first).
        let mut by_name: HashMap<&str, VecDeque<StateId>> =
            HashMap::with_capacity(a.states().len());
        for id in a.state_ids() {
            by_name.entry(a.state(id).name).or_default().push_back(id);
        }
        for id in b.state_ids() {
            if let Some(from) = by_name
                .get_mut(b.state(id).name)
                .and_then(VecDeque::pop_front)
            {
                pairs.pair(a, b, from, id);
            }
        }
        // By content: the same fields, transitions aside.
        let mut by_content: HashMap<String, VecDeque<StateId>> = HashMap::new();
        for id in a
            .state_ids()
            .filter(|id| pairs.new_of[id.index()].is_none())
        {
            by_content
                .entry(content_key(a.state(id).state))
                .or_default()
                .push_back(id);
        }
        if !by_content.is_empty() {
            let unpaired: Vec<StateId> = b
                .state_ids()
                .filter(|id| pairs.old_of[id.index()].is_none())
                .collect();
            for id in unpaired {
                let key = content_key(b.state(id).state);
                if let Some(from) = by_content.get_mut(&key).and_then(VecDeque::pop_front) {
                    pairs.pair(a, b, from, id);
                }
            }
        }
        // By the transition that leads there: a state reached through the
        // same field of a paired state, of the same type, changed in place.
        let unpaired =
            pairs.new_of.iter().any(Option::is_none) && pairs.old_of.iter().any(Option::is_none);
        let mut work: VecDeque<(StateId, StateId)> = a
            .state_ids()
            .filter(|_| unpaired)
            .filter_map(|from| pairs.new_of[from.index()].map(|to| (from, to)))
            .collect();
        while let Some((from, to)) = work.pop_front() {
            let old_edges: HashMap<EdgeField, Option<StateId>> =
                a.edges(from).map(|e| (e.field, e.to)).collect();
            for edge in b.edges(to) {
                let (Some(Some(old_target)), Some(new_target)) =
                    (old_edges.get(&edge.field), edge.to)
                else {
                    continue;
                };
                let (old_target, new_target) = (*old_target, new_target);
                let free = pairs.new_of[old_target.index()].is_none()
                    && pairs.old_of[new_target.index()].is_none();
                if free
                    && a.state(old_target).state.state_type()
                        == b.state(new_target).state.state_type()
                {
                    pairs.pair(a, b, old_target, new_target);
                    work.push_back((old_target, new_target));
                }
            }
        }
        pairs
    }

    fn pair(&mut self, a: &Graph<'m>, b: &Graph<'m>, from: StateId, to: StateId) {
        self.new_of[from.index()] = Some(to);
        self.old_of[to.index()] = Some(from);
        let (old, new) = (a.state(from).name, b.state(to).name);
        if old != new {
            self.renamed.insert(old, new);
        }
    }
}

/// `Comment`, `StartAt`, `QueryLanguage`, `TimeoutSeconds`, `Version`.
fn top_level(old: &StateMachine, new: &StateMachine, pairs: &Pairs<'_>, out: &mut Vec<Change>) {
    if old.start_at != new.start_at
        && pairs.renamed.get(old.start_at.as_str()) != Some(&new.start_at.as_str())
    {
        out.push(Change::Transition {
            path: Path::root().key("StartAt"),
            old: Some(old.start_at.clone()),
            new: Some(new.start_at.clone()),
        });
    }
    // The top-level fields but `States` and `StartAt`, without writing the states.
    let strip = |machine: &StateMachine| {
        let mut map = serde_json::Map::new();
        let mut put = |key: &str, value: Option<Value>| {
            if let Some(value) = value {
                map.insert(key.to_owned(), value);
            }
        };
        put("Comment", machine.comment.clone().map(Value::String));
        put(
            "QueryLanguage",
            machine
                .query_language
                .and_then(|q| serde_json::to_value(q).ok()),
        );
        put("TimeoutSeconds", machine.timeout_seconds.map(Value::from));
        put("Version", machine.version.clone().map(Value::String));
        Value::Object(map)
    };
    let mut found = Vec::new();
    differences(Path::root(), &strip(old), &strip(new), &mut found);
    out.extend(
        found
            .into_iter()
            .map(|(path, old, new)| Change::Field { path, old, new }),
    );
}

/// A state as JSON without its transitions and without the states of its
/// branches or item processor (those are compared one by one).
fn content(state: &State) -> Value {
    let mut value = serde_json::to_value(state).unwrap_or(Value::Null);
    let Value::Object(map) = &mut value else {
        return value;
    };
    map.remove("Next");
    map.remove("End");
    map.remove("Default");
    for (key, list) in map.iter_mut() {
        match (key.as_str(), list) {
            ("Choices" | "Catch", Value::Array(items)) => {
                for item in items {
                    if let Value::Object(item) = item {
                        item.remove("Next");
                    }
                }
            }
            ("Branches", Value::Array(items)) => {
                for item in items {
                    if let Value::Object(item) = item {
                        item.remove("States");
                    }
                }
            }
            ("ItemProcessor" | "Iterator", Value::Object(processor)) => {
                processor.remove("States");
            }
            _ => {}
        }
    }
    value
}

/// The canonical text of a state's content, for matching renamed states.
fn content_key(state: &State) -> String {
    canonical(&content(state))
}

/// Whether a changed field is a nested `StartAt` that only follows a rename.
fn follows_rename(
    path: &Path,
    old: Option<&Value>,
    new: Option<&Value>,
    renamed: &HashMap<&str, &str>,
) -> bool {
    let is_start_at = path.to_string().ends_with(".StartAt");
    match (old.and_then(Value::as_str), new.and_then(Value::as_str)) {
        (Some(o), Some(n)) => is_start_at && renamed.get(o) == Some(&n),
        _ => false,
    }
}

/// The transitions of a paired state that lead elsewhere.
fn transition_changes(
    old: &State,
    new: &State,
    path: &Path,
    renamed: &HashMap<&str, &str>,
    out: &mut Vec<Change>,
) {
    let old_edges: Vec<(EdgeField, &str)> = transitions(old).collect();
    let new_edges: Vec<(EdgeField, &str)> = transitions(new).collect();
    let old_map: HashMap<EdgeField, &str> = old_edges.iter().copied().collect();
    let new_map: HashMap<EdgeField, &str> = new_edges.iter().copied().collect();
    let fields = old_edges.iter().map(|&(f, _)| f).chain(
        new_edges
            .iter()
            .map(|&(f, _)| f)
            .filter(|f| !old_map.contains_key(f)),
    );
    for field in fields {
        let (before, after) = (old_map.get(&field).copied(), new_map.get(&field).copied());
        let same = match (before, after) {
            (Some(o), Some(n)) => o == n || renamed.get(o) == Some(&n),
            (None, None) => true,
            _ => false,
        };
        if !same {
            out.push(Change::Transition {
                path: field.path(path.clone()),
                old: before.map(str::to_owned),
                new: after.map(str::to_owned),
            });
        }
    }
}
