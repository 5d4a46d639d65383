//! A JSON parser that keeps the byte offset of every value and key.
//!
//! It never recurses: containers under construction live on an explicit stack, so
//! the depth of the input costs heap, not call stack. Depth is still capped
//! ([`MAX_NESTING_DEPTH`]) because everything downstream (decoding, writing, drop)
//! walks payloads recursively.

use std::borrow::Cow;

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

/// A container being filled: its start offset, its items, and for objects the
/// key waiting for its value.
enum Open<'s> {
    Array(u32, Vec<Node<'s>>),
    Object(u32, Vec<Member<'s>>, Option<(u32, Cow<'s, str>)>),
}

/// Parses `text` as one JSON value (surrounding whitespace and a leading byte-order
/// mark allowed).
pub(crate) fn parse(text: &str) -> Result<Node<'_>, SyntaxError> {
    if u32::try_from(text.len()).is_err() {
        return Err(SyntaxError {
            at: 0,
            message: "the document is larger than 4 GiB".into(),
            too_deep: false,
        });
    }
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
    };
    if text.starts_with('\u{feff}') {
        p.pos = 3;
    }
    let node = p.document()?;
    p.skip_ws();
    if p.pos < p.bytes.len() {
        return Err(p.error("unexpected text after the JSON value"));
    }
    Ok(node)
}

struct Parser<'s> {
    text: &'s str,
    bytes: &'s [u8],
    pos: usize,
}

impl<'s> Parser<'s> {
    fn error(&self, message: impl Into<String>) -> SyntaxError {
        SyntaxError {
            at: self.offset(),
            message: message.into(),
            too_deep: false,
        }
    }

    #[allow(clippy::cast_possible_truncation)] // the length was checked in `parse`
    fn offset(&self) -> u32 {
        self.pos as u32
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_ws();
        self.bytes.get(self.pos).copied()
    }

    /// The main loop: reads scalars directly and opens/closes containers on `stack`.
    fn document(&mut self) -> Result<Node<'s>, SyntaxError> {
        let mut stack: Vec<Open<'s>> = Vec::new();
        loop {
            // Read one value (or open a container) at the current position.
            let at = match self.peek() {
                Some(_) => self.offset(),
                None => return Err(self.error("unexpected end of input, expected a value")),
            };
            let mut done = match self.bytes[self.pos] {
                b'{' | b'[' => {
                    if stack.len() >= MAX_NESTING_DEPTH {
                        return Err(SyntaxError {
                            at,
                            message: format!(
                                "the document is nested more than {MAX_NESTING_DEPTH} levels deep"
                            ),
                            too_deep: true,
                        });
                    }
                    let is_object = self.bytes[self.pos] == b'{';
                    self.pos += 1;
                    let closing = if is_object { b'}' } else { b']' };
                    if self.peek() == Some(closing) {
                        self.pos += 1;
                        let value = if is_object {
                            Value::Object(Vec::new())
                        } else {
                            Value::Array(Vec::new())
                        };
                        Some(Node { at, value })
                    } else if is_object {
                        let key = self.key()?;
                        stack.push(Open::Object(at, Vec::new(), Some(key)));
                        None
                    } else {
                        stack.push(Open::Array(at, Vec::new()));
                        None
                    }
                }
                _ => Some(self.scalar(at)?),
            };
            // Attach finished values to their parents, closing containers as they end.
            while let Some(node) = done.take() {
                let Some(top) = stack.last_mut() else {
                    return Ok(node);
                };
                match top {
                    Open::Array(_, items) => {
                        items.push(node);
                        match self.peek() {
                            Some(b',') => self.pos += 1,
                            Some(b']') => {
                                self.pos += 1;
                                if let Some(Open::Array(at, items)) = stack.pop() {
                                    done = Some(Node {
                                        at,
                                        value: Value::Array(items),
                                    });
                                }
                            }
                            _ => return Err(self.error("expected ',' or ']' in an array")),
                        }
                    }
                    Open::Object(_, members, pending) => {
                        if let Some((key_at, key)) = pending.take() {
                            members.push(Member {
                                key_at,
                                key,
                                value: node,
                            });
                        }
                        match self.peek() {
                            Some(b',') => {
                                self.pos += 1;
                                *pending = Some(self.key()?);
                            }
                            Some(b'}') => {
                                self.pos += 1;
                                if let Some(Open::Object(at, members, _)) = stack.pop() {
                                    done = Some(Node {
                                        at,
                                        value: Value::Object(members),
                                    });
                                }
                            }
                            _ => return Err(self.error("expected ',' or '}' in an object")),
                        }
                    }
                }
            }
        }
    }

    /// Reads `"key" :` and returns the key with its offset.
    fn key(&mut self) -> Result<(u32, Cow<'s, str>), SyntaxError> {
        if self.peek() != Some(b'"') {
            return Err(self.error("expected a string key in an object"));
        }
        let at = self.offset();
        let key = self.string()?;
        if self.peek() != Some(b':') {
            return Err(self.error("expected ':' after an object key"));
        }
        self.pos += 1;
        Ok((at, key))
    }

    fn scalar(&mut self, at: u32) -> Result<Node<'s>, SyntaxError> {
        let value = match self.bytes[self.pos] {
            b'"' => Value::String(self.string()?),
            b'-' | b'0'..=b'9' => Value::Number(Cow::Borrowed(self.number()?)),
            b't' => self.literal("true", Value::Bool(true))?,
            b'f' => self.literal("false", Value::Bool(false))?,
            b'n' => self.literal("null", Value::Null)?,
            _ => return Err(self.error("expected a JSON value")),
        };
        Ok(Node { at, value })
    }

    fn literal(&mut self, word: &str, value: Value<'s>) -> Result<Value<'s>, SyntaxError> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a JSON value"))
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<&'s str, SyntaxError> {
        let start = self.pos;
        if self.bytes[self.pos] == b'-' {
            self.pos += 1;
        }
        let int_start = self.pos;
        let int_digits = self.digits();
        if int_digits == 0 {
            return Err(self.error("expected digits in a number"));
        }
        if int_digits > 1 && self.bytes[int_start] == b'0' {
            return Err(SyntaxError {
                at: u32::try_from(int_start).unwrap_or(0),
                message: "a number must not have leading zeros".into(),
                too_deep: false,
            });
        }
        if self.bytes.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(self.error("expected digits after the decimal point"));
            }
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.pos) {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.pos) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("expected digits in the exponent"));
            }
        }
        Ok(&self.text[start..self.pos])
    }

    /// Reads a string starting at the opening quote. Strings without escapes are
    /// borrowed from the source.
    fn string(&mut self) -> Result<Cow<'s, str>, SyntaxError> {
        self.pos += 1;
        let start = self.pos;
        loop {
            match self.bytes.get(self.pos) {
                None => return Err(self.error("unterminated string")),
                Some(b'"') => {
                    let s = &self.text[start..self.pos];
                    self.pos += 1;
                    return Ok(Cow::Borrowed(s));
                }
                Some(b'\\') => break,
                Some(0..=0x1f) => {
                    return Err(self.error("control character inside a string: escape it"))
                }
                Some(_) => self.pos += 1,
            }
        }
        let mut owned = String::from(&self.text[start..self.pos]);
        loop {
            let run = self.pos;
            while let Some(&b) = self.bytes.get(self.pos) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            owned.push_str(&self.text[run..self.pos]);
            match self.bytes.get(self.pos) {
                None => return Err(self.error("unterminated string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(owned));
                }
                Some(b'\\') => self.escape(&mut owned)?,
                Some(_) => return Err(self.error("control character inside a string: escape it")),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), SyntaxError> {
        self.pos += 1;
        let c = match self.bytes.get(self.pos) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                let c = self.unicode_escape()?;
                out.push(c);
                return Ok(());
            }
            _ => return Err(self.error("invalid escape sequence in a string")),
        };
        self.pos += 1;
        out.push(c);
        Ok(())
    }

    /// Reads the hex digits of `\uXXXX` (the position is just after `u`), pairing
    /// surrogates.
    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let first = self.hex4()?;
        if !(0xD800..0xDC00).contains(&first) {
            return char::from_u32(first)
                .ok_or_else(|| self.error("lone low surrogate in a \\u escape"));
        }
        if !self.bytes[self.pos..].starts_with(b"\\u") {
            return Err(self.error("lone high surrogate in a \\u escape"));
        }
        self.pos += 2;
        let second = self.hex4()?;
        if !(0xDC00..0xE000).contains(&second) {
            return Err(self.error("invalid surrogate pair in a \\u escape"));
        }
        let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
        char::from_u32(code).ok_or_else(|| self.error("invalid \\u escape"))
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let digits = self
            .bytes
            .get(self.pos..self.pos + 4)
            .ok_or_else(|| self.error("expected four hex digits after \\u"))?;
        let mut code = 0;
        for &d in digits {
            let v = match d {
                b'0'..=b'9' => d - b'0',
                b'a'..=b'f' => d - b'a' + 10,
                b'A'..=b'F' => d - b'A' + 10,
                _ => return Err(self.error("expected four hex digits after \\u")),
            };
            code = code * 16 + u32::from(v);
        }
        self.pos += 4;
        Ok(code)
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
