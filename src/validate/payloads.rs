//! Where a state keeps JSON payloads (`Parameters`, `ResultSelector`,
//! `Assign`, `Output`, ...), what evaluates them, and a non-recursive walk
//! over their values.

use crate::model::{Json, JsonObject, MapItemSelector, QueryLanguage, State};
use crate::problem::Path;

/// How AWS treats a payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// A JSONPath payload template: keys ending `.$` take a path or an intrinsic.
    Template,
    /// A JSONPath state's `Assign`: a template whose keys are variable names.
    AssignTemplate,
    /// A JSONata state's value: `{% ... %}` strings anywhere in it are expressions.
    Jsonata,
    /// A JSONata state's `Assign`: keys are variable names, values may hold expressions.
    AssignJsonata,
    /// A Pass state's `Result`: never evaluated.
    Static,
}

/// Which field holds a payload, below the state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    /// A field of the state: `Parameters`.
    Top(&'static str),
    /// A field of a field: `ItemReader.Parameters`.
    Sub(&'static str, &'static str),
    /// A field of a Choice rule: `Choices[i].Assign`.
    Rule(usize, &'static str),
    /// A field of a catcher: `Catch[i].Output`.
    Catch(usize, &'static str),
}

impl Field {
    /// The field's path below `state`.
    pub(crate) fn at(self, state: Path) -> Path {
        match self {
            Field::Top(f) => state.key(f),
            Field::Sub(f, g) => state.key(f).key(g),
            Field::Rule(i, f) => state.key("Choices").index(i).key(f),
            Field::Catch(i, f) => state.key("Catch").index(i).key(f),
        }
    }

    /// The field's name as AWS names it in messages: `Output`, `Catch[0]/Output`.
    pub(crate) fn name(self) -> String {
        match self {
            Field::Top(f) => f.to_owned(),
            Field::Sub(f, g) => format!("{f}/{g}"),
            Field::Rule(i, f) => format!("Choices[{i}]/{f}"),
            Field::Catch(i, f) => format!("Catch[{i}]/{f}"),
        }
    }
}

/// A payload value: a JSON value or an object.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Payload<'m> {
    /// Any JSON value.
    Value(&'m Json),
    /// A JSON object (`Assign`, `ResultSelector`, `Credentials`).
    Object(&'m JsonObject),
}

/// Calls `f` with every payload of `state`, whose effective language is `language`.
pub(crate) fn for_each_payload<'m>(
    state: &'m State,
    language: QueryLanguage,
    mut f: impl FnMut(Field, Payload<'m>, Role),
) {
    let jsonata = language == QueryLanguage::Jsonata;
    let dual = if jsonata {
        Role::Jsonata
    } else {
        Role::Template
    };
    let assign = if jsonata {
        Role::AssignJsonata
    } else {
        Role::AssignTemplate
    };
    let value = |field, v: &'m Option<Json>, role, f: &mut dyn FnMut(Field, Payload<'m>, Role)| {
        if let Some(v) = v {
            f(field, Payload::Value(v), role);
        }
    };
    let object =
        |field, v: &'m Option<JsonObject>, role, f: &mut dyn FnMut(Field, Payload<'m>, Role)| {
            if let Some(v) = v {
                f(field, Payload::Object(v), role);
            }
        };
    // `Parameters`, `Arguments` and `ResultSelector`, as Task and Parallel have them.
    let task_input = |parameters: &'m Option<Json>,
                      arguments: &'m Option<Json>,
                      selector: &'m Option<JsonObject>,
                      f: &mut dyn FnMut(Field, Payload<'m>, Role)| {
        value(Field::Top("Parameters"), parameters, Role::Template, f);
        value(Field::Top("Arguments"), arguments, Role::Jsonata, f);
        object(Field::Top("ResultSelector"), selector, Role::Template, f);
    };
    let (output, state_assign) = match state {
        State::Task(s) => {
            task_input(&s.parameters, &s.arguments, &s.result_selector, &mut f);
            object(Field::Top("Credentials"), &s.credentials, dual, &mut f);
            (&s.output, &s.assign)
        }
        State::Parallel(s) => {
            task_input(&s.parameters, &s.arguments, &s.result_selector, &mut f);
            (&s.output, &s.assign)
        }
        State::Map(s) => {
            if let Some(MapItemSelector::ItemSelector(v) | MapItemSelector::Parameters(v)) =
                &s.item_selector
            {
                let name = match &s.item_selector {
                    Some(MapItemSelector::Parameters(_)) => "Parameters",
                    _ => "ItemSelector",
                };
                f(Field::Top(name), Payload::Value(v), dual);
            }
            if let Some(reader) = &s.item_reader {
                value(
                    Field::Sub("ItemReader", "Parameters"),
                    &reader.parameters,
                    Role::Template,
                    &mut f,
                );
                value(
                    Field::Sub("ItemReader", "Arguments"),
                    &reader.arguments,
                    Role::Jsonata,
                    &mut f,
                );
            }
            if let Some(batcher) = &s.item_batcher {
                value(
                    Field::Sub("ItemBatcher", "BatchInput"),
                    &batcher.batch_input,
                    dual,
                    &mut f,
                );
            }
            if let Some(writer) = &s.result_writer {
                value(
                    Field::Sub("ResultWriter", "Parameters"),
                    &writer.parameters,
                    Role::Template,
                    &mut f,
                );
                value(
                    Field::Sub("ResultWriter", "Arguments"),
                    &writer.arguments,
                    Role::Jsonata,
                    &mut f,
                );
            }
            object(
                Field::Top("ResultSelector"),
                &s.result_selector,
                Role::Template,
                &mut f,
            );
            (&s.output, &s.assign)
        }
        State::Pass(s) => {
            value(
                Field::Top("Parameters"),
                &s.parameters,
                Role::Template,
                &mut f,
            );
            value(Field::Top("Result"), &s.result, Role::Static, &mut f);
            (&s.output, &s.assign)
        }
        State::Wait(s) => (&s.output, &s.assign),
        State::Choice(s) => {
            for (i, rule) in s.choices.iter().enumerate() {
                object(Field::Rule(i, "Assign"), &rule.assign, assign, &mut f);
                value(
                    Field::Rule(i, "Output"),
                    &rule.output,
                    Role::Jsonata,
                    &mut f,
                );
            }
            (&s.output, &s.assign)
        }
        State::Succeed(s) => {
            value(Field::Top("Output"), &s.output, Role::Jsonata, &mut f);
            return;
        }
        State::Fail(_) => return,
    };
    value(Field::Top("Output"), output, Role::Jsonata, &mut f);
    object(Field::Top("Assign"), state_assign, assign, &mut f);
    let catch = state.catchers();
    for (i, catcher) in catch.iter().enumerate() {
        value(
            Field::Catch(i, "Output"),
            &catcher.output,
            Role::Jsonata,
            &mut f,
        );
        object(Field::Catch(i, "Assign"), &catcher.assign, assign, &mut f);
    }
}

/// One step from a payload's root to a value inside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step<'m> {
    /// An object member.
    Key(&'m str),
    /// An array element.
    Index(usize),
}

/// Appends `steps` to `at`.
pub(crate) fn extend(mut at: Path, steps: &[Step<'_>]) -> Path {
    for step in steps {
        at = match step {
            Step::Key(k) => at.key(k),
            Step::Index(i) => at.index(*i),
        };
    }
    at
}

/// Calls `f` with every value inside `payload` (the root included), depth
/// first in document order, with the steps that lead to it. Uses an explicit
/// stack of the containers entered, so any depth is safe; a payload whose
/// members hold no containers is walked without allocating.
pub(crate) fn walk<'m>(payload: Payload<'m>, mut f: impl FnMut(&[Step<'m>], Node<'m>)) {
    let root = match payload {
        Payload::Value(v) => Node::Value(v),
        Payload::Object(o) => Node::Object(o),
    };
    f(&[], root);
    let Some(mut top) = Children::of(root) else {
        return;
    };
    // The containers entered below the root, each with the rest of its
    // parent's children; `path` leads to the container `top` is reading.
    let mut stack: Vec<Children<'m>> = Vec::new();
    let mut path: Vec<Step<'m>> = Vec::new();
    loop {
        let Some((step, child)) = top.next() else {
            let Some(parent) = stack.pop() else {
                return;
            };
            top = parent;
            path.pop();
            continue;
        };
        if stack.is_empty() {
            f(&[step], child);
        } else {
            path.push(step);
            f(&path, child);
            path.pop();
        }
        if let Some(children) = Children::of(child) {
            stack.push(std::mem::replace(&mut top, children));
            path.push(step);
        }
    }
}

/// The rest of a container's values, in document order.
enum Children<'m> {
    Object(indexmap::map::Iter<'m, String, Json>),
    Array(std::iter::Enumerate<std::slice::Iter<'m, Json>>),
}

impl<'m> Children<'m> {
    fn of(node: Node<'m>) -> Option<Children<'m>> {
        match node {
            Node::Object(o) | Node::Value(Json::Object(o)) => Some(Children::Object(o.iter())),
            Node::Value(Json::Array(items)) => Some(Children::Array(items.iter().enumerate())),
            Node::Value(_) => None,
        }
    }
}

impl<'m> Iterator for Children<'m> {
    type Item = (Step<'m>, Node<'m>);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Children::Object(members) => members
                .next()
                .map(|(key, value)| (Step::Key(key), Node::Value(value))),
            Children::Array(items) => items
                .next()
                .map(|(i, value)| (Step::Index(i), Node::Value(value))),
        }
    }
}

/// A value met by [`walk`].
#[derive(Debug, Clone, Copy)]
pub(crate) enum Node<'m> {
    /// Any JSON value.
    Value(&'m Json),
    /// The root object of an object payload.
    Object(&'m JsonObject),
}

impl<'m> Node<'m> {
    /// The members, when the value is an object.
    pub(crate) fn object(self) -> Option<&'m JsonObject> {
        match self {
            Node::Object(o) | Node::Value(Json::Object(o)) => Some(o),
            Node::Value(_) => None,
        }
    }

    /// Whether the value is an object or an array.
    pub(crate) fn is_container(self) -> bool {
        matches!(
            self,
            Node::Object(_) | Node::Value(Json::Object(_) | Json::Array(_))
        )
    }

    /// The string, when the value is one.
    pub(crate) fn string(self) -> Option<&'m str> {
        match self {
            Node::Value(Json::String(s)) => Some(s),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{walk, Node, Payload, Step};
    use crate::model::Json;

    #[test]
    fn walks_depth_first_with_paths() {
        let json: Json = serde_json::from_str(r#"{"a": [1, {"b": "x"}], "c": null}"#).unwrap();
        let mut seen = Vec::new();
        walk(Payload::Value(&json), |path, node| {
            let path: Vec<String> = path
                .iter()
                .map(|s| match s {
                    Step::Key(k) => (*k).to_owned(),
                    Step::Index(i) => i.to_string(),
                })
                .collect();
            let kind = match node {
                Node::Value(v) => v.type_name(),
                Node::Object(_) => "an object",
            };
            seen.push(format!("{}:{kind}", path.join("/")));
        });
        assert_eq!(
            seen,
            [
                ":an object",
                "a:an array",
                "a/0:a number",
                "a/1:an object",
                "a/1/b:a string",
                "c:null"
            ]
        );
    }

    #[test]
    fn walks_100_000_nested_arrays_without_recursion() {
        let mut json = Json::Null;
        for _ in 0..100_000 {
            json = Json::Array(vec![json]);
        }
        let mut count = 0;
        walk(Payload::Value(&json), |_, _| count += 1);
        assert_eq!(count, 100_001);
        // Dropping deeply nested values recurses in std; unwind it by hand.
        let mut json = json;
        while let Json::Array(mut items) = json {
            json = items.pop().unwrap_or(Json::Null);
        }
    }
}
