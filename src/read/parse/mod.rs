//! A JSON parser that keeps the byte offset of every value and key.
//!
//! It never recurses: containers under construction live on an explicit stack, so
//! the depth of the input costs heap, not call stack. Depth is still capped
//! ([`MAX_NESTING_DEPTH`]) because everything downstream (decoding, writing, drop)
//! walks payloads recursively.

use std::borrow::Cow;

mod lexer;
mod scan;

pub(crate) use lexer::Parser;
pub(crate) use scan::offsets;

/// The deepest nesting of arrays and objects a document may have.
///
/// Real definitions stay far below it (each Parallel or Map level adds four);
/// the cap keeps the recursive walks over payloads (writing, comparing,
/// dropping) well inside a 2 MiB thread stack, even in debug builds.
pub const MAX_NESTING_DEPTH: usize = 256;

/// A parsed JSON value with the byte offset where it starts.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node<'s> {
    pub(crate) at: u32,
    pub(crate) value: Value<'s>,
}

/// The value of a [`Node`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value<'s> {
    Null,
    Bool(bool),
    /// The number exactly as written (it matches the JSON number grammar).
    Number(Cow<'s, str>),
    String(Cow<'s, str>),
    Array(Vec<Node<'s>>),
    Object(Vec<Member<'s>>),
}

/// One `"key": value` pair of an object, in source order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Member<'s> {
    pub(crate) key_at: u32,
    pub(crate) key: Cow<'s, str>,
    pub(crate) value: Node<'s>,
}

/// Why a text is not JSON, and the byte offset where that became clear.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    pub(crate) at: u32,
    pub(crate) message: String,
    pub(crate) too_deep: bool,
}

impl Value<'_> {
    /// The JSON type name used in error messages.
    pub(crate) fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}

/// A container being filled: its start offset, where its items begin on the
/// shared list of its kind, and for objects the key of the value being read.
enum Open<'s> {
    Array {
        at: u32,
        first: usize,
    },
    Object {
        at: u32,
        first: usize,
        key_at: u32,
        key: Cow<'s, str>,
    },
}

/// Parses `text` as one JSON value (surrounding whitespace and a leading byte-order
/// mark allowed).
pub(crate) fn parse(text: &str) -> Result<Node<'_>, SyntaxError> {
    check_length(text)?;
    let mut p = Parser::new(text);
    let node = value(&mut p, 0)?;
    p.end()?;
    Ok(node)
}

/// Checks that a text is no larger than offsets can say (4 GiB).
pub(crate) fn check_length(text: &str) -> Result<(), SyntaxError> {
    match u32::try_from(text.len()) {
        Ok(_) => Ok(()),
        Err(_) => Err(SyntaxError {
            at: 0,
            message: "the document is larger than 4 GiB".into(),
            too_deep: false,
        }),
    }
}

/// Reads the one value at the parser's position, inside `depth` containers
/// already open (which count towards [`MAX_NESTING_DEPTH`]).
///
/// The main loop reads scalars directly and opens/closes containers on `stack`.
///
/// The items of every open array share one list, and the members of every open
/// object another: a container's own list is cut from the end of the shared one
/// when it closes, at its exact length, so a container costs one allocation
/// whatever its size.
pub(crate) fn value<'s>(p: &mut Parser<'s>, depth: usize) -> Result<Node<'s>, SyntaxError> {
    value_with(p, depth, &mut Buffers::default())
}

/// The lists [`value_with`] fills while it reads, kept between calls so
/// that reading many small values one after another allocates them once.
#[derive(Default)]
pub(crate) struct Buffers<'s> {
    stack: Vec<Open<'s>>,
    items: Vec<Node<'s>>,
    members: Vec<Member<'s>>,
}

impl<'s> Buffers<'s> {
    /// Takes `spare`, an emptied list of members, as the list the next
    /// object's members are read into, when it has more room than the one
    /// kept: the outermost object of a value takes the kept list itself, so
    /// giving it back after decoding lets a run of objects share one list.
    pub(crate) fn reuse_members(&mut self, spare: &mut Vec<Member<'s>>) {
        if spare.capacity() > self.members.capacity() {
            spare.clear();
            std::mem::swap(&mut self.members, spare);
        }
    }
}

/// As [`value`], with lists kept from an earlier call.
pub(crate) fn value_with<'s>(
    p: &mut Parser<'s>,
    depth: usize,
    buffers: &mut Buffers<'s>,
) -> Result<Node<'s>, SyntaxError> {
    // A value read in full leaves every list empty; one cut short by an
    // error may not.
    buffers.stack.clear();
    buffers.items.clear();
    buffers.members.clear();
    let Buffers {
        stack,
        items,
        members,
    } = buffers;
    'value: loop {
        // Read one value, or open a container and go on to its first value.
        p.skip_ws();
        let at = p.offset();
        let mut node = match p.bytes.get(p.pos) {
            Some(b'"') => Node {
                at,
                value: Value::String(p.string()?),
            },
            Some(&open @ (b'{' | b'[')) => {
                if depth + stack.len() >= MAX_NESTING_DEPTH {
                    return Err(SyntaxError {
                        at,
                        message: format!(
                            "the document is nested more than {MAX_NESTING_DEPTH} levels deep"
                        ),
                        too_deep: true,
                    });
                }
                p.pos += 1;
                let is_object = open == b'{';
                let closing = if is_object { b'}' } else { b']' };
                if p.peek() == Some(closing) {
                    p.pos += 1;
                    let value = if is_object {
                        Value::Object(Vec::new())
                    } else {
                        Value::Array(Vec::new())
                    };
                    Node { at, value }
                } else if is_object {
                    let (key_at, key) = p.key()?;
                    let first = members.len();
                    stack.push(Open::Object {
                        at,
                        first,
                        key_at,
                        key,
                    });
                    continue 'value;
                } else {
                    let first = items.len();
                    stack.push(Open::Array { at, first });
                    continue 'value;
                }
            }
            Some(_) => p.scalar(at)?,
            None => return Err(p.error("unexpected end of input, expected a value")),
        };
        // Attach the value to its container, closing containers as they end.
        loop {
            match stack.last_mut() {
                None => return Ok(node),
                Some(Open::Object {
                    at,
                    first,
                    key_at,
                    key,
                }) => {
                    members.push(Member {
                        key_at: *key_at,
                        key: std::mem::take(key),
                        value: node,
                    });
                    match p.peek() {
                        Some(b',') => {
                            p.pos += 1;
                            (*key_at, *key) = p.key()?;
                            continue 'value;
                        }
                        Some(b'}') => {
                            p.pos += 1;
                            // An object whose members start the list takes
                            // the list itself, whatever room it has.
                            let object = if *first == 0 {
                                std::mem::take(members)
                            } else {
                                members.split_off(*first)
                            };
                            node = Node {
                                at: *at,
                                value: Value::Object(object),
                            };
                        }
                        _ => return Err(p.error("expected ',' or '}' in an object")),
                    }
                }
                Some(Open::Array { at, first }) => {
                    items.push(node);
                    match p.peek() {
                        Some(b',') => {
                            p.pos += 1;
                            continue 'value;
                        }
                        Some(b']') => {
                            p.pos += 1;
                            node = Node {
                                at: *at,
                                value: Value::Array(items.split_off(*first)),
                            };
                        }
                        _ => return Err(p.error("expected ',' or ']' in an array")),
                    }
                }
            }
            stack.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Node<'_> {
        parse(text).unwrap_or_else(|e| panic!("{text:?} should parse: {e:?}"))
    }

    fn err(text: &str) -> SyntaxError {
        match parse(text) {
            Ok(node) => panic!("{text:?} should fail, got {node:?}"),
            Err(e) => e,
        }
    }

    #[test]
    fn keeps_member_order_offsets_and_number_text() {
        let node = ok(r#" {"b": 1.50, "a": [true, null, "x\u00e9"]}"#);
        assert_eq!(node.at, 1);
        let Value::Object(members) = node.value else {
            panic!("not an object")
        };
        assert_eq!(members[0].key, "b");
        assert_eq!(members[0].key_at, 2);
        assert_eq!(members[0].value.value, Value::Number("1.50".into()));
        assert_eq!(members[1].key, "a");
        let Value::Array(items) = &members[1].value.value else {
            panic!("not an array")
        };
        assert_eq!(items[2].value, Value::String("xé".into()));
        assert_eq!(items[1].at, 25);
    }

    #[test]
    fn decodes_escapes_and_surrogate_pairs() {
        let node = ok(r#""a\"b\\c\/\n\t\ud83d\ude00""#);
        assert_eq!(node.value, Value::String("a\"b\\c/\n\t😀".into()));
    }

    #[test]
    fn reports_where_the_syntax_breaks() {
        assert_eq!(err(r#"{"a": 1,}"#).at, 8);
        assert_eq!(err("[1 2]").at, 3);
        assert_eq!(err("01").at, 0);
        assert_eq!(err("\"abc").message, "unterminated string");
        assert_eq!(err("{} x").at, 3);
        assert_eq!(err("").message, "unexpected end of input, expected a value");
        assert!(err(r#""\ud800""#).message.contains("surrogate"));
        assert!(err("\"a\u{1}\"").message.contains("control character"));
        assert!(err("1.").message.contains("decimal point"));
        assert!(err("tru").message.contains("expected a JSON value"));
    }

    #[test]
    fn refuses_depth_beyond_the_cap_without_overflowing() {
        let deep = "[".repeat(100_000);
        let e = err(&deep);
        assert!(e.too_deep);
        assert_eq!(e.at as usize, MAX_NESTING_DEPTH);
        let fits = format!(
            "{}{}",
            "[".repeat(MAX_NESTING_DEPTH),
            "]".repeat(MAX_NESTING_DEPTH)
        );
        ok(&fits);
    }

    #[test]
    fn skips_a_byte_order_mark() {
        assert_eq!(ok("\u{feff}true").value, Value::Bool(true));
    }
}
