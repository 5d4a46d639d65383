//! A [`Node`] tree written as JSON text, each key and value mapped to where it
//! is in the file: how a YAML definition, and a template's `Definition`
//! object, become the ASL JSON the reader checks. Calls of intrinsic
//! functions become the text they stand for where it is known
//! (`!GetAtt Fn.Arn` is the string `"${Fn.Arn}"`, `!Ref` to a parameter its
//! default), and stay calls in the JSON form otherwise. Written with an
//! explicit stack: the depth of the tree costs no call stack.

use std::borrow::Cow;

use super::intrinsic::{call, text, Known, Resolved};
use super::mapped::Mapped;
use super::tree::{Node, Value};

/// What is left to write.
enum Task<'n> {
    /// A value; `true` when its tag was already written as a call around it.
    Value(&'n Node, bool),
    /// Punctuation, standing for the value at the offset.
    Punct(&'static str, u32),
    /// An object key.
    Key(Cow<'n, str>, u32),
}

/// `root` as JSON text.
pub(crate) fn emit(root: &Node, known: &Known<'_>, source: &str) -> Mapped {
    let mut out = Mapped::default();
    let mut todo = vec![Task::Value(root, false)];
    while let Some(task) = todo.pop() {
        match task {
            Task::Punct(p, at) => out.push_at(p, at),
            Task::Key(key, at) => out.push_at(&quoted(&key), at),
            Task::Value(node, untagged) => {
                value(node, untagged, known, source, &mut out, &mut todo)
            }
        }
    }
    out
}

fn value<'n>(
    node: &'n Node,
    untagged: bool,
    known: &Known<'_>,
    source: &str,
    out: &mut Mapped,
    todo: &mut Vec<Task<'n>>,
) {
    let at = node.at;
    if let Some(c) = call(node).filter(|c| !(untagged && c.tagged)) {
        if let Some(resolved) = resolved(node, &c.name, c.argument, known, source) {
            out.push_at(&resolved, at);
            return;
        }
        // Not known before deployment: the call in the JSON form.
        out.push_at("{", at);
        todo.push(Task::Punct("}", at));
        todo.push(Task::Value(c.argument, c.tagged));
        todo.push(Task::Punct(":", at));
        todo.push(Task::Key(key_of(node, &c.name), at));
        return;
    }
    match &node.value {
        Value::Null => out.push_at("null", at),
        Value::Bool(b) => out.push_at(if *b { "true" } else { "false" }, at),
        Value::Number(n) => out.push_at(n, at),
        Value::String(s) => out.push_at(&quoted(&s.text), at),
        Value::Seq(items) => {
            out.push_at("[", at);
            todo.push(Task::Punct("]", at));
            for (i, item) in items.iter().enumerate().rev() {
                todo.push(Task::Value(item, false));
                if i > 0 {
                    todo.push(Task::Punct(",", item.at));
                }
            }
        }
        Value::Map(entries) => {
            out.push_at("{", at);
            todo.push(Task::Punct("}", at));
            for (i, entry) in entries.iter().enumerate().rev() {
                todo.push(Task::Value(&entry.value, false));
                todo.push(Task::Punct(":", entry.key_at));
                todo.push(Task::Key(Cow::Borrowed(&entry.key), entry.key_at));
                if i > 0 {
                    todo.push(Task::Punct(",", entry.key_at));
                }
            }
        }
    }
}

/// The name of a call's key in the JSON form: the map's own key when it is
/// written that way, the name derived from the tag otherwise.
fn key_of<'n>(node: &'n Node, name: &str) -> Cow<'n, str> {
    match &node.value {
        Value::Map(entries) if node.tag.is_none() => entries
            .first()
            .map_or(Cow::Borrowed("Ref"), |e| Cow::Borrowed(e.key.as_str())),
        _ => Cow::Owned(name.to_owned()),
    }
}

/// The JSON text of a call whose value is known: a `Ref` to a parameter
/// with a default is that default (a number stays a number); `Ref`,
/// `Fn::GetAtt`, `Fn::Join` and `Fn::Sub` are strings.
fn resolved(
    node: &Node,
    name: &str,
    argument: &Node,
    known: &Known<'_>,
    source: &str,
) -> Option<String> {
    if name == "Ref" {
        if let Some(Resolved::Node(default)) = argument.as_str().and_then(|n| known.reference(n)) {
            return match &default.value {
                Value::Number(n) => Some(n.clone()),
                Value::Bool(b) => Some(b.to_string()),
                Value::String(s) => Some(quoted(&s.text)),
                _ => None,
            };
        }
    }
    if !matches!(name, "Ref" | "Fn::GetAtt" | "Fn::Join" | "Fn::Sub") {
        return None;
    }
    let mut written = Mapped::default();
    text(node, known, source, &mut written).ok()?;
    Some(quoted(written.text()))
}

/// `s` as a JSON string.
pub(crate) fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| String::from("\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::json;

    #[test]
    fn writes_json_with_every_key_mapped_to_the_file() {
        let source =
            r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true, "N": [1, null]}}}"#;
        let tree = json::parse(source).unwrap();
        let out = emit(&tree, &Known::default(), source);
        assert_eq!(
            out.text(),
            r#"{"StartAt":"A","States":{"A":{"Type":"Pass","End":true,"N":[1,null]}}}"#
        );
        let at = out.text().find("\"End\"").unwrap();
        assert_eq!(
            out.source_offset(at),
            source.find("\"End\"").map(|o| o as u32)
        );
    }

    #[test]
    fn calls_become_the_text_they_stand_for_or_stay_calls() {
        let source = r#"{"R": {"Fn::GetAtt": ["Fn", "Arn"]}, "P": {"Ref": "AWS::Partition"},
            "T": {"Ref": "Timeout"}, "I": {"Fn::If": ["C", 1, 2]}}"#;
        let tree = json::parse(source).unwrap();
        let timeout = json::parse("30").unwrap();
        let mut known = Known::default();
        known.parameters.insert("Timeout".into(), &timeout);
        let out = emit(&tree, &known, source);
        assert_eq!(
            out.text(),
            r#"{"R":"${Fn.Arn}","P":"aws","T":30,"I":{"Fn::If":["C",1,2]}}"#
        );
    }
}
