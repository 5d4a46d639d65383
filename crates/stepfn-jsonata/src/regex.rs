//! Regular-expression literals: JavaScript patterns run by the `regex` crate.
//!
//! The pattern is read with the parser's ECMAScript reader and written
//! again in the `regex` crate's syntax with JavaScript's meaning: `.` does
//! not match line terminators, `\d`, `\w` and `\b` are ASCII, `\s` is
//! JavaScript's white space, `[^]` matches anything and `[]` nothing. The
//! `regex` crate runs in linear time, so look-around and back-references,
//! which need backtracking, are refused (error S0304) rather than risking
//! catastrophic backtracking.

use std::fmt::Write as _;

use stepfn::syntax::jsonata::{
    parse_pattern, ClassEscape, GroupKind, RegexItem, RegexLiteral, SetMember,
};

use crate::error::{Fault, FaultExt, Result};

/// JavaScript's white space and line terminators, as a class body.
const JS_SPACE: &str =
    r"\t\n\x0B\x0C\r \xA0\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}";

/// A class that matches nothing.
const NOTHING: &str = "[a&&b]";

/// A compiled regular-expression literal.
#[derive(Debug)]
pub(crate) struct CompiledRegex {
    /// The compiled pattern.
    pub(crate) regex: regex::Regex,
    /// The pattern as written, for messages.
    pub(crate) source: String,
}

impl CompiledRegex {
    /// Translates and compiles a literal.
    pub(crate) fn new(literal: &RegexLiteral) -> Result<CompiledRegex> {
        let items = parse_pattern(&literal.pattern).map_err(|e| {
            Fault::new("S0303").detail(format!(
                "invalid regular expression /{}/: {}",
                literal.pattern, e.message
            ))
        })?;
        let mut out = String::new();
        if literal.case_insensitive {
            out.push_str("(?i)");
        }
        if literal.multiline {
            out.push_str("(?mR)");
        }
        for item in &items {
            translate(item, &mut out).map_err(|what| {
                Fault::new("S0304").detail(format!(
                    "the regular expression /{}/ uses {what}, which needs a backtracking engine; \
                     rewrite it without look-around or back-references",
                    literal.pattern
                ))
            })?;
        }
        let regex = regex::RegexBuilder::new(&out)
            .size_limit(1 << 24)
            .build()
            .map_err(|e| {
                Fault::new("S0304").detail(format!(
                    "the regular expression /{}/ cannot be compiled: {e}",
                    literal.pattern
                ))
            })?;
        Ok(CompiledRegex {
            regex,
            source: literal.pattern.clone(),
        })
    }
}

/// Appends the `regex` crate's spelling of one item.
fn translate(item: &RegexItem, out: &mut String) -> std::result::Result<(), &'static str> {
    match item {
        RegexItem::Char(c) => push_char(out, *c),
        RegexItem::LoneSurrogate(_) => out.push_str(NOTHING),
        RegexItem::Any => out.push_str(r"[^\n\r\x{2028}\x{2029}]"),
        RegexItem::Start => out.push('^'),
        RegexItem::End => out.push('$'),
        RegexItem::WordBoundary => out.push_str(r"(?-u:\b)"),
        RegexItem::NotWordBoundary => out.push_str(r"(?-u:\B)"),
        RegexItem::Escape(escape) => {
            out.push_str("(?-i:");
            push_escape(out, *escape);
            out.push(')');
        }
        RegexItem::Set { negated, members } => push_set(out, *negated, members),
        RegexItem::Open(kind) => match kind {
            GroupKind::Capture(_) => out.push('('),
            GroupKind::NonCapture => out.push_str("(?:"),
            GroupKind::Lookahead { .. } => return Err("a look-ahead `(?=…)`/`(?!…)`"),
            GroupKind::Lookbehind { .. } => return Err("a look-behind `(?<=…)`/`(?<!…)`"),
        },
        RegexItem::Close => out.push(')'),
        RegexItem::Alternation => out.push('|'),
        RegexItem::Repeat { min, max, lazy } => {
            match max {
                Some(max) => {
                    let _ = write!(out, "{{{min},{max}}}");
                }
                None => {
                    let _ = write!(out, "{{{min},}}");
                }
            }
            if *lazy {
                out.push('?');
            }
        }
        RegexItem::Backreference(_) | RegexItem::NamedBackreference(_) => {
            return Err("a back-reference")
        }
    }
    Ok(())
}

/// Appends one literal character.
fn push_char(out: &mut String, c: char) {
    if c.is_ascii_alphanumeric() || c == '_' || c == ' ' || (!c.is_ascii() && !c.is_control()) {
        out.push(c);
    } else {
        let _ = write!(out, r"\x{{{:X}}}", u32::from(c));
    }
}

/// Appends a class escape as a bracketed class.
fn push_escape(out: &mut String, escape: ClassEscape) {
    out.push_str(match escape {
        ClassEscape::Digit => "[0-9]",
        ClassEscape::NotDigit => "[^0-9]",
        ClassEscape::Word => "[0-9A-Za-z_]",
        ClassEscape::NotWord => "[^0-9A-Za-z_]",
        ClassEscape::Space => "[",
        ClassEscape::NotSpace => "[^",
    });
    if matches!(escape, ClassEscape::Space | ClassEscape::NotSpace) {
        out.push_str(JS_SPACE);
        out.push(']');
    }
}

/// Appends a bracketed set.
fn push_set(out: &mut String, negated: bool, members: &[SetMember]) {
    let real: Vec<&SetMember> = members
        .iter()
        .filter(|m| !matches!(m, SetMember::LoneSurrogate(_)))
        .collect();
    if real.is_empty() {
        out.push_str(if negated { "(?s:.)" } else { NOTHING });
        return;
    }
    out.push('[');
    if negated {
        out.push('^');
    }
    for member in real {
        match member {
            SetMember::Char(c) => push_class_char(out, *c),
            SetMember::Range(a, b) => {
                push_class_char(out, *a);
                out.push('-');
                push_class_char(out, *b);
            }
            SetMember::Escape(escape) => push_escape(out, *escape),
            SetMember::LoneSurrogate(_) => {}
        }
    }
    out.push(']');
}

/// Appends one character inside brackets.
fn push_class_char(out: &mut String, c: char) {
    if c.is_ascii_alphanumeric() || (!c.is_ascii() && !c.is_control()) {
        out.push(c);
    } else {
        let _ = write!(out, r"\x{{{:X}}}", u32::from(c));
    }
}

/// Converts a byte offset in `text` to the UTF-16 offset JavaScript reports.
pub(crate) fn utf16_offset(text: &str, byte: usize) -> usize {
    let prefix = text.get(..byte).unwrap_or(text);
    if prefix.is_ascii() {
        return prefix.len();
    }
    prefix.chars().map(char::len_utf16).sum()
}

/// Converts a UTF-16 offset (as a matcher function reports it) to a byte
/// offset in `text`, clamped to the text.
pub(crate) fn byte_offset(text: &str, utf16: usize) -> usize {
    let mut units = 0;
    for (byte, c) in text.char_indices() {
        if units >= utf16 {
            return byte;
        }
        units += c.len_utf16();
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compile(pattern: &str, flags: &str) -> Result<CompiledRegex> {
        CompiledRegex::new(&RegexLiteral {
            pattern: pattern.to_string(),
            case_insensitive: flags.contains('i'),
            multiline: flags.contains('m'),
        })
    }

    fn matches(pattern: &str, flags: &str, text: &str) -> Option<(usize, usize)> {
        let regex = compile(pattern, flags).unwrap_or_else(|e| panic!("{pattern}: {e:?}"));
        regex.regex.find(text).map(|m| (m.start(), m.end()))
    }

    #[test]
    fn javascript_meaning() {
        assert_eq!(matches("a.c", "", "a\nc abc"), Some((4, 7)));
        assert_eq!(matches(r"\d+", "", "x١٢3"), Some((5, 6)));
        assert_eq!(matches(r"\w+", "", "é_b1"), Some((2, 5)));
        assert_eq!(matches(r"\s", "", "a\u{feff}b"), Some((1, 4)));
        assert_eq!(matches(r"\bb", "", "éb"), Some((2, 3)));
        assert_eq!(matches("[^]", "", "\n"), Some((0, 1)));
        assert_eq!(matches("[]", "", "abc"), None);
        assert_eq!(matches("a{", "", "xa{"), Some((1, 3)));
        assert_eq!(matches(r"[\]\[-]+", "", "x[]-"), Some((1, 4)));
        assert_eq!(matches("HELLO", "i", "say hello"), Some((4, 9)));
        assert_eq!(matches("^b", "m", "a\nb"), Some((2, 3)));
        assert_eq!(matches("^b", "", "a\nb"), None);
        assert_eq!(matches(r"a+?", "", "aaa"), Some((0, 1)));
        assert_eq!(matches(r"(\d{2})-(\d{2})", "", "12-34"), Some((0, 5)));
        assert_eq!(matches(r"\u00e9", "", "café"), Some((3, 5)));
        assert_eq!(matches(r"\/", "", "a/b"), Some((1, 2)));
        assert_eq!(matches(r"(?<year>\d{4})", "", "in 2024"), Some((3, 7)));
    }

    #[test]
    fn backtracking_features_are_refused() {
        for pattern in [r"a(?=b)", r"(?<!a)b", r"(a)\1", r"(?<x>a)\k<x>"] {
            let e = compile(pattern, "").expect_err(pattern);
            assert_eq!(e.code, "S0304", "{pattern}");
            assert!(e.detail.as_deref().unwrap_or("").contains("backtracking"));
        }
        assert_eq!(compile("a**", "").expect_err("a**").code, "S0303");
    }

    #[test]
    fn utf16_offsets() {
        let text = "a😀é";
        assert_eq!(utf16_offset(text, 0), 0);
        assert_eq!(utf16_offset(text, 1), 1);
        assert_eq!(utf16_offset(text, 5), 3);
        assert_eq!(utf16_offset(text, 7), 4);
        assert_eq!(byte_offset(text, 3), 5);
        assert_eq!(byte_offset(text, 99), 7);
    }
}
