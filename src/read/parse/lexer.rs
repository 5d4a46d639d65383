//! The pieces of JSON text: whitespace, strings with their escapes,
//! numbers, literals and object keys, read at a position of the text.

use std::borrow::Cow;

use super::{Node, SyntaxError, Value};

/// A position in a JSON text being read.
pub(super) struct Parser<'s> {
    pub(super) text: &'s str,
    pub(super) bytes: &'s [u8],
    pub(super) pos: usize,
}

impl<'s> Parser<'s> {
    /// A reader at the start of `text` (after a byte-order mark).
    pub(super) fn new(text: &'s str) -> Parser<'s> {
        let pos = if text.starts_with('\u{feff}') { 3 } else { 0 };
        Parser {
            text,
            bytes: text.as_bytes(),
            pos,
        }
    }

    pub(super) fn error(&self, message: impl Into<String>) -> SyntaxError {
        SyntaxError {
            at: self.offset(),
            message: message.into(),
            too_deep: false,
        }
    }

    #[allow(clippy::cast_possible_truncation)] // the length was checked in `parse`
    pub(super) fn offset(&self) -> u32 {
        self.pos as u32
    }

    pub(super) fn skip_ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    pub(super) fn peek(&mut self) -> Option<u8> {
        self.skip_ws();
        self.bytes.get(self.pos).copied()
    }

    /// Reads `"key" :` and returns the key with its offset.
    pub(super) fn key(&mut self) -> Result<(u32, Cow<'s, str>), SyntaxError> {
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

    pub(super) fn scalar(&mut self, at: u32) -> Result<Node<'s>, SyntaxError> {
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

    pub(super) fn literal(
        &mut self,
        word: &str,
        value: Value<'s>,
    ) -> Result<Value<'s>, SyntaxError> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a JSON value"))
        }
    }

    pub(super) fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
        self.pos - start
    }

    pub(super) fn number(&mut self) -> Result<&'s str, SyntaxError> {
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
    pub(super) fn string(&mut self) -> Result<Cow<'s, str>, SyntaxError> {
        self.pos += 1;
        let start = self.pos;
        self.pos += plain_run(self.bytes.get(self.pos..).unwrap_or_default());
        match self.bytes.get(self.pos) {
            None => return Err(self.error("unterminated string")),
            Some(b'"') => {
                let s = self.text.get(start..self.pos).unwrap_or_default();
                self.pos += 1;
                return Ok(Cow::Borrowed(s));
            }
            Some(b'\\') => {}
            Some(_) => return Err(self.error("control character inside a string: escape it")),
        }
        let mut owned = String::from(&self.text[start..self.pos]);
        loop {
            let run = self.pos;
            self.pos += plain_run(self.bytes.get(self.pos..).unwrap_or_default());
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

    pub(super) fn escape(&mut self, out: &mut String) -> Result<(), SyntaxError> {
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
    pub(super) fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
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

    pub(super) fn hex4(&mut self) -> Result<u32, SyntaxError> {
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

/// How many bytes at the start of `bytes` need no attention inside a string:
/// no quote, backslash or control character.
fn plain_run(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .unwrap_or(bytes.len())
}
