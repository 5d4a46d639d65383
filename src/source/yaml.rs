//! YAML text into a [`Node`] tree, with saphyr's event parser: every value
//! with its byte offset, local tags (`!Sub`, `!Ref`, `!GetAtt`) kept, anchors
//! and aliases resolved. Containers under construction live on an explicit
//! stack, so the nesting of the input costs no call stack; it is capped at
//! [`MAX_NESTING_DEPTH`] like JSON's, and aliases may not expand the document
//! past [`MAX_VALUES`] values.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, Span, Tag};

use super::tree::{Entry, Node, Scalar, Value};
use super::yaml_scalar::{plain, Plain};
use crate::read::MAX_NESTING_DEPTH;

/// The most values a YAML document may hold once its aliases are expanded.
pub(crate) const MAX_VALUES: usize = 1 << 20;

/// Why a text is not YAML stepfn can read, and the byte offset where that
/// became clear.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct YamlError {
    pub(crate) at: u32,
    pub(crate) message: String,
    pub(crate) too_deep: bool,
}

/// A mapping or sequence being filled.
enum Open {
    Seq(Node, Vec<Node>, usize),
    Map(Node, Vec<Entry>, Option<(String, u32)>, usize),
}

/// Parses the one document of `text`.
pub(crate) fn parse(text: &str) -> Result<Node, YamlError> {
    let offsets = Offsets::new(text);
    let mut stack: Vec<Open> = Vec::new();
    let mut anchors: HashMap<usize, (Node, usize)> = HashMap::new();
    let mut values = 0usize;
    let mut root: Option<Node> = None;
    let error = |at: u32, message: String| YamlError {
        at,
        message,
        too_deep: false,
    };
    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(|e| {
            let at = offsets.byte(e.marker().index());
            if e.info().contains("recursion limit") {
                // saphyr's own cap on nesting, just below ours.
                return YamlError {
                    at,
                    message: format!(
                        "the document is nested more than {MAX_NESTING_DEPTH} levels deep"
                    ),
                    too_deep: true,
                };
            }
            error(at, format!("{} (line {})", e.info(), e.marker().line()))
        })?;
        let at = offsets.byte(span.start.index());
        let done: Option<(Node, usize)> = match event {
            Event::Scalar(value, style, anchor, tag) => {
                values += 1;
                let node = scalar(
                    text,
                    &offsets,
                    span,
                    value.into_owned(),
                    style,
                    tag.as_deref(),
                );
                Some((node, anchor))
            }
            Event::SequenceStart(anchor, ref tag) | Event::MappingStart(anchor, ref tag) => {
                if stack.len() >= MAX_NESTING_DEPTH {
                    return Err(YamlError {
                        at,
                        message: format!(
                            "the document is nested more than {MAX_NESTING_DEPTH} levels deep"
                        ),
                        too_deep: true,
                    });
                }
                values += 1;
                let shell = Node {
                    at,
                    tag: local(tag.as_deref()),
                    value: Value::Null,
                };
                let is_seq = matches!(event, Event::SequenceStart(..));
                stack.push(if is_seq {
                    Open::Seq(shell, Vec::new(), anchor)
                } else {
                    Open::Map(shell, Vec::new(), None, anchor)
                });
                None
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                Some(Open::Seq(mut node, items, anchor)) => {
                    node.value = Value::Seq(items);
                    Some((node, anchor))
                }
                Some(Open::Map(mut node, entries, _, anchor)) => {
                    node.value = Value::Map(entries);
                    Some((node, anchor))
                }
                None => return Err(error(at, "a container closes that never opened".into())),
            },
            Event::Alias(id) => {
                let Some((node, size)) = anchors.get(&id) else {
                    return Err(error(
                        at,
                        "an alias to an anchor that is not defined before it".into(),
                    ));
                };
                values = values.saturating_add(*size);
                if values > MAX_VALUES {
                    return Err(error(
                        at,
                        format!("the aliases expand the document past {MAX_VALUES} values"),
                    ));
                }
                Some((node.clone(), 0))
            }
            Event::DocumentStart(_) if root.is_some() => {
                return Err(error(
                    at,
                    "a second YAML document: a template or definition is one document (remove the `---`)".into(),
                ));
            }
            Event::StreamStart
            | Event::StreamEnd
            | Event::DocumentStart(_)
            | Event::DocumentEnd
            | Event::Nothing => None,
        };
        let Some((node, anchor)) = done else {
            continue;
        };
        if anchor != 0 {
            anchors.insert(anchor, (node.clone(), size_of(&node)));
        }
        match stack.last_mut() {
            None => root = Some(node),
            Some(Open::Seq(_, items, _)) => items.push(node),
            Some(Open::Map(_, entries, pending, _)) => match pending.take() {
                Some((key, key_at)) => entries.push(Entry {
                    key,
                    key_at,
                    value: node,
                }),
                None => {
                    let key = key_text(&node).ok_or_else(|| {
                        error(
                            node.at,
                            format!("a mapping key must be a string, not {}", node.kind()),
                        )
                    })?;
                    *pending = Some((key, node.at));
                }
            },
        }
    }
    Ok(root.unwrap_or(Node {
        at: 0,
        tag: None,
        value: Value::Null,
    }))
}

/// The number of values in `node`, counted without recursion.
fn size_of(node: &Node) -> usize {
    let mut count = 0usize;
    let mut todo = vec![node];
    while let Some(n) = todo.pop() {
        count += 1;
        match &n.value {
            Value::Seq(items) => todo.extend(items),
            Value::Map(entries) => todo.extend(entries.iter().map(|e| &e.value)),
            _ => {}
        }
    }
    count
}

/// A key as the text it was written as: strings, numbers and booleans.
fn key_text(node: &Node) -> Option<String> {
    match &node.value {
        Value::String(s) => Some(s.text.clone()),
        Value::Number(n) => Some(n.clone()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Null => Some(String::new()),
        Value::Seq(_) | Value::Map(_) => None,
    }
}

/// The suffix of a local tag (`Sub` for `!Sub`).
fn local(tag: Option<&Tag>) -> Option<String> {
    tag.filter(|t| t.handle == "!").map(|t| t.suffix.clone())
}

fn scalar(
    text: &str,
    offsets: &Offsets,
    span: Span,
    value: String,
    style: ScalarStyle,
    tag: Option<&Tag>,
) -> Node {
    let at = offsets.byte(span.start.index());
    let end = offsets.byte(span.end.index());
    let core = tag
        .filter(|t| t.is_yaml_core_schema())
        .map(|t| t.suffix.as_str());
    let typed = match (style, core) {
        (_, Some("str")) => None,
        (ScalarStyle::Plain, None | Some("int" | "float" | "bool" | "null")) => plain(&value),
        _ => None,
    };
    let value = match typed {
        Some(Plain::Null) => Value::Null,
        Some(Plain::Bool(b)) => Value::Bool(b),
        Some(Plain::Number(n)) => Value::Number(n),
        None => Value::String(Scalar {
            raw_at: content_start(text, at, style),
            raw_end: end,
            escapes: style == ScalarStyle::DoubleQuoted,
            text: value,
        }),
    };
    Node {
        at,
        tag: local(tag),
        value,
    }
}

/// Where a scalar's characters start: after its anchor and tag, its opening
/// quote, or its block header line.
fn content_start(text: &str, at: u32, style: ScalarStyle) -> u32 {
    let bytes = text.as_bytes();
    let mut i = at as usize;
    // `&anchor` and `!tag` properties, each followed by blanks.
    while matches!(bytes.get(i), Some(b'&' | b'!')) {
        while bytes.get(i).is_some_and(|b| !b.is_ascii_whitespace()) {
            i += 1;
        }
        while matches!(bytes.get(i), Some(b' ' | b'\t')) {
            i += 1;
        }
    }
    match style {
        ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => i += 1,
        ScalarStyle::Literal | ScalarStyle::Folded => {
            while bytes.get(i).is_some_and(|&b| b != b'\n') {
                i += 1;
            }
            i += 1;
        }
        ScalarStyle::Plain => {}
    }
    u32::try_from(i.min(text.len())).unwrap_or(u32::MAX)
}

/// Character indexes (what saphyr counts) to byte offsets.
struct Offsets {
    /// The byte offset of each character; empty when the text is ASCII.
    bytes: Vec<u32>,
    len: u32,
}

impl Offsets {
    fn new(text: &str) -> Offsets {
        let bytes = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices()
                .map(|(i, _)| u32::try_from(i).unwrap_or(u32::MAX))
                .collect()
        };
        Offsets {
            bytes,
            len: u32::try_from(text.len()).unwrap_or(u32::MAX),
        }
    }

    fn byte(&self, char_index: usize) -> u32 {
        if self.bytes.is_empty() {
            return u32::try_from(char_index).unwrap_or(u32::MAX).min(self.len);
        }
        self.bytes.get(char_index).copied().unwrap_or(self.len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Node {
        parse(text).unwrap_or_else(|e| panic!("{text:?}: {e:?}"))
    }

    #[test]
    fn keeps_offsets_tags_and_types() {
        let text = "A: !Sub |\n  x ${B}\nN: 30\nT: true\nQ: \"é\\\"\"\nR: !GetAtt Fn.Arn\n";
        let node = ok(text);
        let entries = node.entries();
        assert_eq!(entries[0].key, "A");
        assert_eq!(entries[0].value.tag.as_deref(), Some("Sub"));
        let Value::String(s) = &entries[0].value.value else {
            panic!("a string")
        };
        assert_eq!(s.text, "x ${B}\n");
        assert_eq!(&text[s.raw_at as usize..][..3], "  x");
        assert_eq!(entries[1].value.value, Value::Number("30".into()));
        assert_eq!(entries[2].value.value, Value::Bool(true));
        assert_eq!(entries[3].value.as_str(), Some("é\""));
        let Value::String(q) = &entries[3].value.value else {
            panic!("a string")
        };
        assert_eq!(&text[q.raw_at as usize..][..2], "é");
        assert!(q.escapes);
        assert_eq!(entries[4].value.tag.as_deref(), Some("GetAtt"));
        assert_eq!(entries[4].key_at as usize, text.find("R:").unwrap());
    }

    #[test]
    fn resolves_aliases_and_refuses_billion_laughs() {
        let node = ok("a: &x [1, 2]\nb: *x\n");
        assert_eq!(
            node.get("a"),
            node.get("b")
                .map(|b| Node {
                    at: node.get("a").unwrap().at,
                    ..b.clone()
                })
                .as_ref()
        );
        let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let prev = format!("*a{}", i - 1);
            bomb.push_str(&format!("a{i}: &a{i} [{}]\n", vec![prev; 10].join(", ")));
        }
        let e = parse(&bomb).unwrap_err();
        assert!(e.message.contains("aliases expand"), "{e:?}");
    }

    #[test]
    fn refuses_deep_nesting_and_second_documents() {
        let deep = "[".repeat(100_000);
        let e = parse(&deep).unwrap_err();
        assert!(e.too_deep, "{e:?}");
        let e = parse("a: 1\n---\nb: 2\n").unwrap_err();
        assert!(e.message.contains("second YAML document"), "{e:?}");
        let e = parse("a: [1\n").unwrap_err();
        assert!(e.message.contains("line"), "{e:?}");
    }
}
