//! JSONPath Paths evaluated as AWS does (the Jayway dialect): a *definite*
//! Path (names and indexes only) selects one node and fails when it is
//! missing; an *indefinite* one (`[*]`, `..`, slices, filters, unions)
//! gathers every match into an array, `[]` when nothing matches.
//!
//! `['a','b']` as the last step of a Path is Jayway's "merge": an object
//! with those of the members that exist, and it keeps the Path definite.

use std::borrow::Cow;

use stepfn::model::{Json, JsonObject};
use stepfn::syntax::path::{parse_path, parse_reference_path, Path, PathRoot, Selector, Step};
use stepfn::syntax::SyntaxError;

use super::filter::{matches_filter, script_key, ScriptKey};
use super::Env;

/// A Path compiled once per definition.
#[derive(Debug, Clone)]
pub(crate) struct JsonPath {
    /// The Path as written in the definition, for messages.
    text: Box<str>,
    /// What it starts from.
    root: PathRoot,
    /// Its steps.
    steps: Vec<Step>,
    /// Whether it selects at most one node (Jayway's definite paths).
    definite: bool,
    /// The steps, when every one is a name or a non-negative index: the
    /// common case, selected without matching on the general tree.
    simple: Option<Vec<Key>>,
}

/// One step of a simple Path.
#[derive(Debug, Clone)]
enum Key {
    Name(Box<str>),
    Index(usize),
}

/// What a Path selected.
#[derive(Debug)]
pub(crate) enum Found<'a> {
    /// One node of the document, borrowed.
    Node(&'a Json),
    /// A value built by the selection: the array of an indefinite Path's
    /// matches, or a merged object.
    Built(Json),
}

impl Found<'_> {
    /// The selected value.
    pub(crate) fn value(&self) -> &Json {
        match self {
            Found::Node(node) => node,
            Found::Built(value) => value,
        }
    }

    /// The selected value, owned.
    pub(crate) fn into_owned(self) -> Json {
        match self {
            Found::Node(node) => node.clone(),
            Found::Built(value) => value,
        }
    }
}

/// Why a definite Path selected nothing, in Jayway's words, e.g.
/// `No results for path: $['x']`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Missing(pub(crate) String);

impl JsonPath {
    /// Compiles a full Path.
    pub(crate) fn parse(text: &str) -> Result<JsonPath, SyntaxError> {
        Ok(JsonPath::from_tree(text, parse_path(text)?))
    }

    /// Compiles a Reference Path.
    pub(crate) fn reference(text: &str) -> Result<JsonPath, SyntaxError> {
        Ok(JsonPath::from_tree(text, parse_reference_path(text)?))
    }

    /// A compiled Path from its tree.
    pub(crate) fn from_tree(text: &str, path: Path) -> JsonPath {
        let last = path.steps.len().saturating_sub(1);
        let definite = path.steps.iter().enumerate().all(|(i, step)| match step {
            Step::Child(Selector::Name(_) | Selector::Index(_) | Selector::Script(_)) => true,
            Step::Child(Selector::Names(_)) => i == last,
            _ => false,
        });
        let simple = path
            .steps
            .iter()
            .map(|step| match step {
                Step::Child(Selector::Name(name)) => Some(Key::Name(name.as_str().into())),
                Step::Child(Selector::Index(i)) => usize::try_from(*i).ok().map(Key::Index),
                _ => None,
            })
            .collect();
        JsonPath {
            text: text.into(),
            root: path.root,
            steps: path.steps,
            definite,
            simple,
        }
    }

    /// The Path as written.
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    /// The steps after the root.
    pub(crate) fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// Whether the Path is `$` alone (the whole input).
    pub(crate) fn is_identity(&self) -> bool {
        self.root == PathRoot::Input && self.steps.is_empty()
    }

    /// Whether the Path is definite.
    #[cfg(test)]
    pub(crate) fn is_definite(&self) -> bool {
        self.definite
    }

    /// Evaluates the Path against `env`.
    pub(crate) fn select<'a>(&self, env: Env<'a>) -> Result<Found<'a>, Missing> {
        let start = match &self.root {
            PathRoot::Input => env.input,
            PathRoot::Context => env.roots.context(),
            PathRoot::Variable(name) => env.roots.variable(name).ok_or_else(|| {
                Missing(format!(
                    "The variable '{name}' is not defined in this scope"
                ))
            })?,
        };
        if let Some(keys) = &self.simple {
            let mut node = start;
            for key in keys {
                let next = match (key, node) {
                    (Key::Name(name), Json::Object(_)) => member(node, name),
                    (Key::Index(i), Json::Array(items)) => items.get(*i),
                    _ => None,
                };
                match next {
                    Some(next) => node = next,
                    // The general walk writes the message.
                    None => return select_definite(start, &self.steps),
                }
            }
            return Ok(Found::Node(node));
        }
        if self.definite {
            select_definite(start, &self.steps)
        } else {
            Ok(Found::Built(Json::Array(
                select_all(start, &self.steps)
                    .into_iter()
                    .map(Cow::into_owned)
                    .collect(),
            )))
        }
    }
}

/// Follows the steps of a definite Path from `node`.
fn select_definite<'a>(mut node: &'a Json, steps: &[Step]) -> Result<Found<'a>, Missing> {
    for (i, step) in steps.iter().enumerate() {
        let leaf = i + 1 == steps.len();
        let next = match step {
            Step::Child(Selector::Name(name)) => member(node, name),
            Step::Child(Selector::Index(index)) => element(node, *index),
            Step::Child(Selector::Script(script)) => match script_key(node, script) {
                Some(ScriptKey::Index(index)) => element(node, index),
                Some(ScriptKey::Name(name)) => member(node, &name),
                None => None,
            },
            Step::Child(Selector::Names(names)) => return Ok(Found::Built(merge(node, names))),
            _ => None,
        };
        match next {
            Some(next) => node = next,
            None if leaf => {
                return Err(Missing(format!(
                    "No results for path: {}",
                    bracketed(&steps[..=i])
                )))
            }
            None => {
                return Err(Missing(format!(
                    "Missing property in path {}",
                    bracketed(&steps[..=i])
                )))
            }
        }
    }
    Ok(Found::Node(node))
}

/// Every node an indefinite Path selects from `start`, in document order.
pub(crate) fn select_all<'a>(start: &'a Json, steps: &[Step]) -> Vec<Cow<'a, Json>> {
    let mut current: Vec<Cow<'a, Json>> = vec![Cow::Borrowed(start)];
    for (i, step) in steps.iter().enumerate() {
        let leaf = i + 1 == steps.len();
        let mut next = Vec::new();
        for node in &current {
            match (step, node) {
                (Step::Child(selector), Cow::Borrowed(node)) => {
                    apply(selector, node, leaf, &mut next);
                }
                (Step::Descendant(selector), Cow::Borrowed(node)) => {
                    for inner in preorder(node) {
                        apply(selector, inner, leaf, &mut next);
                    }
                }
                // A merged object is always a leaf: nothing follows it.
                (_, Cow::Owned(_)) => {}
            }
        }
        current = next;
    }
    current
}

/// Applies one selector to the children of `node`.
fn apply<'a>(selector: &Selector, node: &'a Json, leaf: bool, out: &mut Vec<Cow<'a, Json>>) {
    match selector {
        Selector::Name(name) => out.extend(member(node, name).map(Cow::Borrowed)),
        Selector::Names(names) if leaf => {
            if let Json::Object(_) = node {
                out.push(Cow::Owned(merge(node, names)));
            }
        }
        Selector::Names(names) => {
            out.extend(
                names
                    .iter()
                    .filter_map(|n| member(node, n))
                    .map(Cow::Borrowed),
            );
        }
        Selector::Index(index) => out.extend(element(node, *index).map(Cow::Borrowed)),
        Selector::Indexes(indexes) => out.extend(
            indexes
                .iter()
                .filter_map(|i| element(node, *i))
                .map(Cow::Borrowed),
        ),
        Selector::Wildcard => match node {
            Json::Array(items) => out.extend(items.iter().map(Cow::Borrowed)),
            Json::Object(members) => out.extend(members.values().map(Cow::Borrowed)),
            _ => {}
        },
        Selector::Slice(slice) => {
            if let Json::Array(items) = node {
                out.extend(
                    slice_indexes(items.len(), slice.start, slice.end, slice.step)
                        .into_iter()
                        .filter_map(|i| items.get(i))
                        .map(Cow::Borrowed),
                );
            }
        }
        Selector::Filter(filter) => match node {
            Json::Array(items) => out.extend(
                items
                    .iter()
                    .filter(|item| matches_filter(item, filter))
                    .map(Cow::Borrowed),
            ),
            Json::Object(_) if matches_filter(node, filter) => out.push(Cow::Borrowed(node)),
            _ => {}
        },
        Selector::Script(script) => {
            let found = match script_key(node, script) {
                Some(ScriptKey::Index(index)) => element(node, index),
                Some(ScriptKey::Name(name)) => member(node, &name),
                None => None,
            };
            out.extend(found.map(Cow::Borrowed));
        }
    }
}

/// `node` and every node below it, parents before children, members and
/// elements in order.
fn preorder(node: &Json) -> Vec<&Json> {
    let mut out = Vec::new();
    let mut stack = vec![node];
    while let Some(node) = stack.pop() {
        out.push(node);
        match node {
            Json::Array(items) => stack.extend(items.iter().rev()),
            Json::Object(members) => stack.extend(members.values().rev()),
            _ => {}
        }
    }
    out
}

/// The member `name` of an object.
#[inline]
pub(crate) fn member<'a>(node: &'a Json, name: &str) -> Option<&'a Json> {
    match node {
        // Comparing a few short keys is faster than hashing the name.
        Json::Object(members) if members.len() <= 8 => members
            .iter()
            .find(|(key, _)| key.as_str() == name)
            .map(|(_, value)| value),
        Json::Object(members) => members.get(name),
        _ => None,
    }
}

/// The element at `index` of an array; a negative index counts from the end.
pub(crate) fn element(node: &Json, index: i32) -> Option<&Json> {
    let Json::Array(items) = node else {
        return None;
    };
    let at = if index < 0 {
        items
            .len()
            .checked_sub(usize::try_from(index.unsigned_abs()).ok()?)?
    } else {
        usize::try_from(index).ok()?
    };
    items.get(at)
}

/// Jayway's merge of several members into one object: those that exist.
fn merge(node: &Json, names: &[String]) -> Json {
    let mut merged = JsonObject::new();
    for name in names {
        if let Some(value) = member(node, name) {
            merged.insert(name.clone(), value.clone());
        }
    }
    Json::Object(merged)
}

/// The indexes a slice `[start:end:step]` selects in an array of `len`
/// elements: negative bounds count from the end, bounds are clamped, a
/// negative step walks backwards.
pub(crate) fn slice_indexes(
    len: usize,
    start: Option<i32>,
    end: Option<i32>,
    step: Option<i32>,
) -> Vec<usize> {
    let len = i64::try_from(len).unwrap_or(i64::MAX);
    let step = i64::from(step.unwrap_or(1));
    if step == 0 {
        return Vec::new();
    }
    let resolve = |bound: i32| {
        let bound = i64::from(bound);
        if bound < 0 {
            bound + len
        } else {
            bound
        }
    };
    let mut out = Vec::new();
    if step > 0 {
        let mut i = start.map_or(0, resolve).clamp(0, len);
        let stop = end.map_or(len, resolve).clamp(0, len);
        while i < stop {
            out.extend(usize::try_from(i).ok());
            i += step;
        }
    } else {
        let mut i = start.map_or(len - 1, resolve).clamp(-1, len - 1);
        let stop = end.map_or(-1, resolve).clamp(-1, len - 1);
        while i > stop {
            out.extend(usize::try_from(i).ok());
            i += step;
        }
    }
    out
}

/// Steps written in Jayway's bracket notation: `$['a'][0]`.
fn bracketed(steps: &[Step]) -> String {
    let mut out = String::from("$");
    for step in steps {
        match step {
            Step::Child(Selector::Name(name)) => {
                out.push_str("['");
                out.push_str(name);
                out.push_str("']");
            }
            Step::Child(Selector::Index(i)) => out.push_str(&format!("[{i}]")),
            Step::Child(Selector::Names(names)) => {
                let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
                out.push_str(&format!("[{}]", quoted.join(",")));
            }
            _ => out.push_str("[?]"),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::NoRoots;

    fn j(text: &str) -> Json {
        serde_json::from_str(text).unwrap()
    }

    fn eval(path: &str, input: &str) -> Result<String, Missing> {
        let roots = NoRoots::new();
        let input = j(input);
        let env = Env {
            input: &input,
            roots: &roots,
        };
        let path = JsonPath::parse(path).unwrap();
        path.select(env)
            .map(|found| serde_json::to_string(found.value()).unwrap())
    }

    #[test]
    fn definite_paths_select_one_node_or_fail() {
        let doc = r#"{"a":{"b":[1,2,3]},"c":null}"#;
        assert_eq!(eval("$", doc).unwrap(), doc);
        assert_eq!(eval("$.a.b[1]", doc).unwrap(), "2");
        assert_eq!(eval("$.a.b[-1]", doc).unwrap(), "3");
        assert_eq!(eval("$.c", doc).unwrap(), "null");
        assert_eq!(
            eval("$.x", doc).unwrap_err(),
            Missing("No results for path: $['x']".into())
        );
        assert_eq!(
            eval("$.x.y", doc).unwrap_err(),
            Missing("Missing property in path $['x']".into())
        );
        assert!(eval("$.a.b[3]", doc).is_err());
        assert!(eval("$.a.b.c", doc).is_err());
    }

    #[test]
    fn indefinite_paths_gather_an_array() {
        let doc = r#"{"items":[{"p":5,"n":"a"},{"p":15,"n":"b"},{"n":"c"}],"o":{"x":1,"y":2}}"#;
        assert_eq!(eval("$.items[*].n", doc).unwrap(), r#"["a","b","c"]"#);
        assert_eq!(eval("$.missing[*]", doc).unwrap(), "[]");
        assert_eq!(eval("$.items[0,1].n", doc).unwrap(), r#"["a","b"]"#);
        assert_eq!(eval("$.items[1:].n", doc).unwrap(), r#"["b","c"]"#);
        assert_eq!(eval("$.items[-2:].n", doc).unwrap(), r#"["b","c"]"#);
        assert_eq!(eval("$.items[::2].n", doc).unwrap(), r#"["a","c"]"#);
        assert_eq!(eval("$.items[?(@.p >= 10)].n", doc).unwrap(), r#"["b"]"#);
        assert_eq!(eval("$.items[?(@.p)].n", doc).unwrap(), r#"["a","b"]"#);
        assert_eq!(eval("$..n", doc).unwrap(), r#"["a","b","c"]"#);
        assert_eq!(eval("$.o.*", doc).unwrap(), "[1,2]");
        assert_eq!(eval("$.items[(@.length-1)].n", doc).unwrap(), r#""c""#);
    }

    #[test]
    fn a_union_of_names_at_the_end_merges() {
        let doc = r#"{"a":1,"b":2,"c":3}"#;
        assert_eq!(eval("$['a','c']", doc).unwrap(), r#"{"a":1,"c":3}"#);
        assert_eq!(eval("$['a','z']", doc).unwrap(), r#"{"a":1}"#);
    }

    #[test]
    fn slices_clamp_and_walk_backwards() {
        assert_eq!(slice_indexes(5, Some(1), Some(3), None), [1, 2]);
        assert_eq!(slice_indexes(5, Some(-10), Some(10), None), [0, 1, 2, 3, 4]);
        assert_eq!(slice_indexes(5, None, None, Some(-2)), [4, 2, 0]);
        assert_eq!(slice_indexes(0, None, None, Some(-1)), Vec::<usize>::new());
        assert_eq!(
            slice_indexes(3, Some(2), Some(1), None),
            Vec::<usize>::new()
        );
    }
}
