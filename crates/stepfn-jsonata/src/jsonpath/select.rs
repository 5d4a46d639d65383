//! The nodes a Path's steps select, step by step over a list of nodes;
//! a deep scan (`..`) walks the tree with a stack, never by recursion.

use std::fmt::Write as _;

use stepfn::model::Json;
use stepfn::syntax::path::{Path, Selector, Slice, Step};

use super::compare::{holds, script_value};

/// Every node `steps` select from `root`, in document order.
pub(super) fn select<'j>(steps: &[Step], root: &'j Json) -> Vec<&'j Json> {
    let mut nodes = vec![root];
    for step in steps {
        let mut next = Vec::new();
        for node in nodes {
            match step {
                Step::Child(selector) => children(selector, node, &mut next),
                Step::Descendant(selector) => {
                    for inner in preorder(node) {
                        children(selector, inner, &mut next);
                    }
                }
            }
        }
        if next.is_empty() {
            return next;
        }
        nodes = next;
    }
    nodes
}

/// `node` and every node below it, parents before children.
fn preorder(node: &Json) -> Vec<&Json> {
    let mut out = Vec::new();
    let mut stack = vec![node];
    while let Some(top) = stack.pop() {
        out.push(top);
        match top {
            Json::Array(items) => stack.extend(items.iter().rev()),
            Json::Object(members) => stack.extend(members.values().rev()),
            _ => {}
        }
    }
    out
}

/// The position `index` names in an array of `len` elements (negative
/// counts from the end).
fn position(index: i64, len: usize) -> Option<usize> {
    let len = i64::try_from(len).ok()?;
    let at = if index < 0 { len + index } else { index };
    usize::try_from(at)
        .ok()
        .filter(|&at| i64::try_from(at).is_ok_and(|a| a < len))
}

/// Adds what `selector` picks among the children of `node` to `out`.
fn children<'j>(selector: &Selector, node: &'j Json, out: &mut Vec<&'j Json>) {
    match (selector, node) {
        (Selector::Name(name), Json::Object(members)) => out.extend(members.get(name)),
        (Selector::Names(names), Json::Object(members)) => {
            out.extend(names.iter().filter_map(|name| members.get(name)));
        }
        (Selector::Index(index), Json::Array(items)) => {
            out.extend(position(i64::from(*index), items.len()).and_then(|at| items.get(at)));
        }
        (Selector::Indexes(indexes), Json::Array(items)) => out.extend(
            indexes
                .iter()
                .filter_map(|&i| position(i64::from(i), items.len()).and_then(|at| items.get(at))),
        ),
        (Selector::Wildcard, Json::Array(items)) => out.extend(items),
        (Selector::Wildcard, Json::Object(members)) => out.extend(members.values()),
        (Selector::Slice(slice), Json::Array(items)) => {
            out.extend(slice_positions(*slice, items.len()).filter_map(|at| items.get(at)));
        }
        (Selector::Filter(filter), Json::Array(items)) => {
            out.extend(items.iter().filter(|item| holds(filter, item)));
        }
        // a filter on an object tests the object itself
        (Selector::Filter(filter), Json::Object(_)) if holds(filter, node) => out.push(node),
        (Selector::Script(script), Json::Array(items)) => {
            if let Some(at) = script_value(script, node)
                .filter(|x| x.fract() == 0.0 && x.abs() < 9.0e15)
                // a whole number below 2^53: `as` is exact
                .and_then(|x| position(x as i64, items.len()))
            {
                out.extend(items.get(at));
            }
        }
        (Selector::Script(script), Json::Object(members)) => {
            if let Some(x) = script_value(script, node) {
                out.extend(members.get(&x.to_string()));
            }
        }
        _ => {}
    }
}

/// The positions `[start:end:step]` picks in an array of `len` elements,
/// counted as Python counts them (negative bounds from the end, bounds
/// clamped to the array).
fn slice_positions(slice: Slice, len: usize) -> impl Iterator<Item = usize> {
    let len = i64::try_from(len).unwrap_or(i64::MAX);
    let step = i64::from(slice.step.unwrap_or(1));
    let clamp = |bound: i32, low: i64, high: i64| {
        let bound = i64::from(bound);
        let at = if bound < 0 { bound + len } else { bound };
        at.clamp(low, high)
    };
    let (start, end) = if step > 0 {
        (
            slice.start.map_or(0, |s| clamp(s, 0, len)),
            slice.end.map_or(len, |e| clamp(e, 0, len)),
        )
    } else {
        (
            slice.start.map_or(len - 1, |s| clamp(s, -1, len - 1)),
            slice.end.map_or(-1, |e| clamp(e, -1, len - 1)),
        )
    };
    let mut at = start;
    std::iter::from_fn(move || {
        let inside = if step > 0 { at < end } else { at > end };
        if !inside || step == 0 {
            return None;
        }
        let here = at;
        at += step;
        usize::try_from(here).ok()
    })
}

/// The path as AWS's messages write it: `$['a'][0]['b']`.
pub(super) fn normalized(path: &Path) -> String {
    let mut out = String::from("$");
    for step in &path.steps {
        match step {
            Step::Child(Selector::Name(name)) => {
                let _ = write!(out, "['{name}']");
            }
            Step::Child(Selector::Index(index)) => {
                let _ = write!(out, "[{index}]");
            }
            _ => return path.to_string(),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_count_as_python_does() {
        let picks = |start, end, step| -> Vec<usize> {
            slice_positions(Slice { start, end, step }, 5).collect()
        };
        assert_eq!(picks(Some(1), Some(3), None), [1, 2]);
        assert_eq!(picks(Some(-2), None, None), [3, 4]);
        assert_eq!(picks(None, None, Some(2)), [0, 2, 4]);
        assert_eq!(picks(None, None, Some(-1)), [4, 3, 2, 1, 0]);
        assert_eq!(picks(Some(10), Some(20), None), Vec::<usize>::new());
    }

    #[test]
    fn negative_indexes_count_from_the_end() {
        assert_eq!(position(-1, 3), Some(2));
        assert_eq!(position(-4, 3), None);
        assert_eq!(position(3, 3), None);
    }
}
