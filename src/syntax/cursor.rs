//! A position in a string being parsed, shared by the Path and intrinsic
//! parsers: peeking and consuming characters, blanks, digits and number
//! literals. Every method stays on char boundaries and never panics.

use super::SyntaxError;
use crate::model::Number;

/// The string being parsed and the current byte offset in it.
#[derive(Debug, Clone)]
pub(super) struct Cursor<'a> {
    /// The whole string (error offsets are relative to it).
    pub(super) s: &'a str,
    /// Current byte offset; always on a char boundary.
    pub(super) pos: usize,
}

/// A number literal: its source text and whether it is written as an
/// integer (no fraction, no exponent).
#[derive(Debug, Clone)]
pub(super) struct NumberLiteral<'a> {
    /// The literal as written, e.g. `-1.5e3` or `007`.
    pub(super) text: &'a str,
    /// Written without a fraction or an exponent.
    pub(super) integer: bool,
    /// Its value.
    pub(super) value: Number,
}

impl<'a> Cursor<'a> {
    /// A cursor at byte `pos` of `s`.
    pub(super) fn new(s: &'a str, pos: usize) -> Self {
        Cursor { s, pos }
    }

    /// The unread rest of the input.
    pub(super) fn rest(&self) -> &'a str {
        self.s.get(self.pos..).unwrap_or("")
    }

    /// The next character, if any.
    pub(super) fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    /// The character after the next one, if any.
    pub(super) fn peek2(&self) -> Option<char> {
        let mut it = self.rest().chars();
        it.next();
        it.next()
    }

    /// Consumes and returns the next character.
    pub(super) fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    /// Consumes `c` if it is next; reports whether it did.
    pub(super) fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }

    /// Consumes `text` if it comes next; reports whether it did.
    pub(super) fn eat_str(&mut self, text: &str) -> bool {
        if self.rest().starts_with(text) {
            self.pos += text.len();
            true
        } else {
            false
        }
    }

    /// Skips blanks (any Unicode whitespace).
    pub(super) fn skip_blanks(&mut self) {
        while matches!(self.peek(), Some(c) if c.is_whitespace()) {
            self.bump();
        }
    }

    /// Consumes characters while `keep` holds.
    pub(super) fn skip_while(&mut self, keep: impl Fn(char) -> bool) {
        while matches!(self.peek(), Some(c) if keep(c)) {
            self.bump();
        }
    }

    /// The input between two byte offsets (empty if they are not valid).
    pub(super) fn slice(&self, from: usize, to: usize) -> &'a str {
        self.s.get(from..to).unwrap_or("")
    }

    /// Consumes ASCII digits; reports whether there was at least one.
    pub(super) fn digits(&mut self) -> bool {
        let start = self.pos;
        self.skip_while(|c| c.is_ascii_digit());
        self.pos > start
    }

    /// Reads `-?digits(.digits)?([eE][+-]?digits)?`. Leading zeros are
    /// allowed (`007` is 7).
    pub(super) fn number(&mut self) -> Result<NumberLiteral<'a>, SyntaxError> {
        let start = self.pos;
        let mut integer = true;
        self.eat('-');
        if !self.digits() {
            return Err(SyntaxError::new(start, "expected digits after `-`"));
        }
        if self.eat('.') {
            integer = false;
            if !self.digits() {
                return Err(SyntaxError::new(
                    start,
                    "expected digits after the decimal point",
                ));
            }
        }
        if self.eat('e') || self.eat('E') {
            integer = false;
            if !self.eat('+') {
                self.eat('-');
            }
            if !self.digits() {
                return Err(SyntaxError::new(start, "expected digits in the exponent"));
            }
        }
        let text = self.slice(start, self.pos);
        let value = number_value(text).ok_or_else(|| {
            SyntaxError::new(
                start,
                format!("`{text}` is not a number a JSON value can hold"),
            )
        })?;
        Ok(NumberLiteral {
            text,
            integer,
            value,
        })
    }
}

/// The value of a number literal: redundant leading zeros are dropped
/// (`007` is 7, `-00.5` is -0.5) and an integer zero is `0` whatever its
/// sign, so equal literals give equal values.
fn number_value(text: &str) -> Option<Number> {
    let (sign, unsigned) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let int_len = unsigned
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(unsigned.len());
    let zeros = unsigned
        .get(..int_len.saturating_sub(1))
        .map_or(0, |int| int.len() - int.trim_start_matches('0').len());
    let trimmed = format!("{sign}{}", unsigned.get(zeros..).unwrap_or(unsigned));
    let value = Number::parse(&trimmed)?;
    Some(value.as_i64().map_or(value, Number::from))
}

/// Unit tests.
#[cfg(test)]
mod tests {
    use super::*;

    /// Reads one number literal from `s`.
    fn number(s: &str) -> Result<(String, bool, usize), SyntaxError> {
        let mut c = Cursor::new(s, 0);
        let n = c.number()?;
        Ok((n.value.to_string(), n.integer, c.pos))
    }

    /// Numbers keep their value and the sign of zero; leading zeros do not matter.
    #[test]
    fn numbers_and_their_values() {
        let ok = |s: &str, value: &str, integer: bool| {
            assert_eq!(number(s), Ok((value.to_owned(), integer, s.len())), "{s}");
        };
        ok("0", "0", true);
        ok("-0", "-0", true);
        ok("007", "7", true);
        ok("-007", "-7", true);
        ok("00.5", "0.5", false);
        ok("-1.5e3", "-1500.0", false);
        ok("1E+2", "100.0", false);
        ok("2e-1", "0.2", false);
        ok(
            "123456789012345678901234567890",
            "123456789012345678901234567890",
            true,
        );
        ok("1e400", "1e400", false);
        assert_eq!(number("12ab"), Ok(("12".to_owned(), true, 2)));
    }

    /// Malformed numbers are errors at their first byte.
    #[test]
    fn malformed_numbers() {
        for (s, needle) in [
            ("-", "after `-`"),
            ("-x", "after `-`"),
            ("1.", "decimal point"),
            ("1.e5", "decimal point"),
            ("1e", "exponent"),
            ("1e+", "exponent"),
        ] {
            let e = number(s).expect_err(s);
            assert!(e.message.contains(needle), "{s}: {}", e.message);
            assert_eq!(e.offset, 0);
        }
    }
}
