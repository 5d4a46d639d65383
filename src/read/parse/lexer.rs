//! The pieces of JSON text: whitespace, strings with their escapes,
//! numbers, literals and object keys, read at a position of the text.

use std::borrow::Cow;

use super::{Node, SyntaxError, Value};

/// A position in a JSON text being read.
pub(crate) struct Parser<'s> {
    pub(super) text: &'s str,
    pub(super) bytes: &'s [u8],
    pub(super) pos: usize,
}

impl<'s> Parser<'s> {
    /// A reader at the start of `text` (after a byte-order mark).
    pub(crate) fn new(text: &'s str) -> Parser<'s> {
        let pos = if text.starts_with('\u{feff}') { 3 } else { 0 };
        Parser {
            text,
            bytes: text.as_bytes(),
            pos,
        }
    }

    /// A reader at `pos` of `text`, a position an earlier reader reached.
    pub(crate) fn at(text: &'s str, pos: usize) -> Parser<'s> {
        Parser {
            text,
            bytes: text.as_bytes(),
            pos,
        }
    }

    /// Checks that only whitespace follows the value just read.
    pub(crate) fn end(&mut self) -> Result<(), SyntaxError> {
        self.skip_ws();
        if self.pos < self.bytes.len() {
            return Err(self.error("unexpected text after the JSON value"));
        }
        Ok(())
    }

    /// How many bytes of the text are left to read.
    pub(crate) fn remaining(&self) -> usize {
        self.bytes.len().saturating_sub(self.pos)
    }

    /// Steps over the byte just peeked at.
    pub(crate) fn advance(&mut self) {
        self.pos += 1;
    }

    #[cold]
    pub(crate) fn error(&self, message: impl Into<String>) -> SyntaxError {
        SyntaxError {
            at: self.offset(),
            message: message.into(),
            too_deep: false,
        }
    }

    #[allow(clippy::cast_possible_truncation)] // the length was checked in `parse`
    pub(crate) fn offset(&self) -> u32 {
        self.pos as u32
    }

    #[inline(always)]
    pub(super) fn skip_ws(&mut self) {
        match self.bytes.get(self.pos) {
            // One space before a value, as after a key's colon when
            // pretty-printed.
            Some(b' ')
                if self
                    .bytes
                    .get(self.pos + 1)
                    .is_some_and(|&next| next > b' ') =>
            {
                self.pos += 1;
            }
            Some(b' ' | b'\n' | b'\r' | b'\t') => self.skip_ws_run(),
            _ => {}
        }
    }

    fn skip_ws_run(&mut self) {
        let mut pos = self.pos;
        while let Some(&b) = self.bytes.get(pos) {
            match b {
                // Indentation: a run of spaces, eight bytes at a time.
                b' ' => match self.bytes.get(pos..).and_then(word) {
                    Some(w) => pos += ((w ^ splat(b' ')).trailing_zeros() / 8) as usize,
                    None => pos += 1,
                },
                b'\n' | b'\r' | b'\t' => pos += 1,
                _ => break,
            }
        }
        self.pos = pos;
    }

    #[inline(always)]
    pub(crate) fn peek(&mut self) -> Option<u8> {
        self.skip_ws();
        self.bytes.get(self.pos).copied()
    }

    /// Reads `"key" :` and returns the key with its offset.
    #[inline(always)]
    pub(crate) fn key(&mut self) -> Result<(u32, Cow<'s, str>), SyntaxError> {
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
    #[inline(always)]
    pub(super) fn string(&mut self) -> Result<Cow<'s, str>, SyntaxError> {
        let start = self.pos + 1;
        let end = start + plain_run(self.bytes.get(start..).unwrap_or_default());
        if self.bytes.get(end) == Some(&b'"') {
            if let Some(s) = self.text.get(start..end) {
                self.pos = end + 1;
                return Ok(Cow::Borrowed(s));
            }
        }
        self.pos = end;
        self.string_with_escapes(start)
    }

    /// The rest of a string that does not end at its first plain run (the
    /// position is there): its escapes decoded into an owned string.
    #[cold]
    #[inline(never)]
    fn string_with_escapes(&mut self, start: usize) -> Result<Cow<'s, str>, SyntaxError> {
        let mut owned = String::from(self.text.get(start..self.pos).unwrap_or_default());
        loop {
            match self.bytes.get(self.pos) {
                None => return Err(self.error("unterminated string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(owned));
                }
                Some(b'\\') => self.escape(&mut owned)?,
                Some(_) => return Err(self.error("control character inside a string: escape it")),
            }
            let run = self.pos;
            self.pos += plain_run(self.bytes.get(self.pos..).unwrap_or_default());
            owned.push_str(self.text.get(run..self.pos).unwrap_or_default());
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

/// Eight copies of `byte` in one word.
const fn splat(byte: u8) -> u64 {
    u64::from_le_bytes([byte; 8])
}

/// The first eight bytes of `bytes` as a little-endian word, if there are eight.
fn word(bytes: &[u8]) -> Option<u64> {
    let chunk: [u8; 8] = bytes.get(..8)?.try_into().ok()?;
    Some(u64::from_le_bytes(chunk))
}

/// How many bytes at the start of `bytes` need no attention inside a string:
/// no quote, backslash or control character.
fn plain_run(bytes: &[u8]) -> usize {
    let mut n = 0;
    // Eight bytes at a time: in each word, the high bit of a byte is set in
    // `special` when the byte is a quote, a backslash or below 0x20. Borrows
    // only carry towards higher bytes, so the lowest flagged byte is exact.
    while let Some(w) = bytes.get(n..).and_then(word) {
        let quote = w ^ splat(b'"');
        let backslash = w ^ splat(b'\\');
        let special = (quote.wrapping_sub(splat(1)) & !quote)
            | (backslash.wrapping_sub(splat(1)) & !backslash)
            | (w.wrapping_sub(splat(0x20)) & !w);
        let special = special & splat(0x80);
        if special != 0 {
            return n + (special.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    let rest = bytes.get(n..).unwrap_or_default();
    n + rest
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .unwrap_or(rest.len())
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::plain_run;

    #[test]
    fn plain_runs_stop_at_the_first_byte_that_needs_attention() {
        for text in [
            "",
            "abc",
            "abcdefgh",
            "abcdefghijklmnop",
            "a\"",
            "abcdefg\"x",
            "abcdefgh\\",
            "é\u{1}",
            "\u{7f}\u{80}\u{ff}\"",
            "ab\tc",
            "\u{1f}",
            "       \"       \"",
        ] {
            let expected = text
                .bytes()
                .position(|b| b == b'"' || b == b'\\' || b < 0x20)
                .unwrap_or(text.len());
            assert_eq!(plain_run(text.as_bytes()), expected, "{text:?}");
        }
    }

    #[test]
    fn whitespace_runs_of_any_length_are_skipped() {
        for n in 0..20 {
            for (before, after) in [("", ""), ("\n", "\n\t"), ("\r\n", "         ")] {
                let pad = format!("{before}{}{after}", " ".repeat(n));
                let text = format!("{pad}[{pad}1{pad},{pad}2{pad}]{pad}");
                let node = parse(&text).unwrap_or_else(|e| panic!("{text:?}: {e:?}"));
                assert_eq!(node.at as usize, pad.len(), "{text:?}");
            }
        }
    }
}
