//! String literals of intrinsic calls: `'…'`, where a backslash escapes
//! exactly four characters: `\'` is `'`, `\{` is `{`, `\}` is `}` and `\\`
//! is `\`. Any other backslash, or one at the very end, is an error. The
//! rule applies to the JSON-decoded string: in JSON source each backslash
//! is written twice.
//!
//! This is the one decoder of those escapes (the parser reads literals with
//! it) and the one encoder (the tree's `Display` and the builder write
//! literals with it).

use crate::syntax::SyntaxError;

/// A string literal read from the source.
#[derive(Debug, Clone)]
pub(super) struct Decoded {
    /// The text, escapes decoded.
    pub(super) text: String,
    /// Byte offset just past the closing `'`.
    pub(super) end: usize,
    /// Every unescaped `{` and `}`, in order.
    pub(super) braces: Vec<Brace>,
}

/// An unescaped brace of a string literal.
#[derive(Debug, Clone, Copy)]
pub(super) struct Brace {
    /// The brace, `{` or `}`.
    pub(super) brace: char,
    /// Its byte offset in the source.
    pub(super) at_source: usize,
    /// Its byte offset in the decoded text.
    pub(super) at_text: usize,
}

/// How far decoding went.
struct Scan {
    /// The decoded text.
    text: String,
    /// Unescaped braces.
    braces: Vec<Brace>,
    /// Offset of the first unescaped `'`, if one was found.
    quote: Option<usize>,
}

/// Decodes from byte `from` of `s` up to the first unescaped `'` or the end.
fn scan(s: &str, from: usize) -> Result<Scan, SyntaxError> {
    let mut text = String::new();
    let mut braces = Vec::new();
    let rest = s.get(from..).unwrap_or("");
    let mut chars = rest.char_indices().map(|(i, c)| (from + i, c));
    while let Some((at, c)) = chars.next() {
        match c {
            '\'' => {
                return Ok(Scan {
                    text,
                    braces,
                    quote: Some(at),
                })
            }
            '\\' => match chars.next() {
                Some((_, escaped @ ('\'' | '{' | '}' | '\\'))) => text.push(escaped),
                Some((_, other)) => {
                    return Err(SyntaxError::new(
                        at,
                        format!(
                            "invalid escape `\\{other}` in a string literal: only \\', \\{{, \
                             \\}} and \\\\ are allowed (written \\\\', \\\\{{, \\\\}} and \
                             \\\\\\\\ in the JSON source); remove the backslash"
                        ),
                    ))
                }
                None => {
                    return Err(SyntaxError::new(
                        at,
                        "dangling `\\` at the end of the value: write a literal backslash as \
                         \\\\ (\\\\\\\\ in the JSON source)",
                    ))
                }
            },
            '{' | '}' => {
                braces.push(Brace {
                    brace: c,
                    at_source: at,
                    at_text: text.len(),
                });
                text.push(c);
            }
            _ => text.push(c),
        }
    }
    Ok(Scan {
        text,
        braces,
        quote: None,
    })
}

/// Reads the string literal whose opening `'` is at byte `open` of `s`.
pub(super) fn read_literal(s: &str, open: usize) -> Result<Decoded, SyntaxError> {
    let scanned = scan(s, open + 1)?;
    let Some(quote) = scanned.quote else {
        return Err(SyntaxError::new(
            open,
            "unterminated string literal: add the closing `'`",
        ));
    };
    Ok(Decoded {
        text: scanned.text,
        end: quote + 1,
        braces: scanned.braces,
    })
}

/// Decodes the body of an intrinsic string literal (the text between its
/// quotes): `\'`, `\{`, `\}` and `\\` become `'`, `{`, `}` and `\`. Error
/// offsets are byte offsets in `body`.
///
/// ```
/// use stepfn::syntax::intrinsic::unescape;
/// assert_eq!(unescape(r"it\'s \{x\} a\\b").unwrap(), r"it's {x} a\b");
/// assert!(unescape(r"a\nb").unwrap_err().message.contains("invalid escape"));
/// assert!(unescape("it's").unwrap_err().message.contains("`\\'`"));
/// ```
pub fn unescape(body: &str) -> Result<String, SyntaxError> {
    let scanned = scan(body, 0)?;
    match scanned.quote {
        None => Ok(scanned.text),
        Some(at) => Err(SyntaxError::new(
            at,
            "a `'` inside a string literal ends it: write it as `\\'`",
        )),
    }
}

/// `text` as an intrinsic string literal: single-quoted, with `'`, `{`, `}`
/// and `\` escaped by a backslash.
///
/// ```
/// use stepfn::syntax::intrinsic::{string_literal, unescape};
/// let literal = string_literal(r"it's {x} a\b");
/// assert_eq!(literal, r"'it\'s \{x\} a\\b'");
/// assert_eq!(unescape(&literal[1..literal.len() - 1]).unwrap(), r"it's {x} a\b");
/// ```
#[must_use]
pub fn string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('\'');
    push_escaped(&mut out, text);
    out.push('\'');
    out
}

/// A `States.Format` template literal whose `{}` placeholders separate the
/// given pieces of text: each piece is escaped as in [`string_literal`],
/// and `n` pieces make `n - 1` placeholders.
///
/// ```
/// use stepfn::syntax::intrinsic::template_literal;
/// assert_eq!(template_literal(&["order ", " of {x}"]), r"'order {} of \{x\}'");
/// assert_eq!(template_literal(&["no placeholders"]), "'no placeholders'");
/// ```
#[must_use]
pub fn template_literal<S: AsRef<str>>(pieces: &[S]) -> String {
    let mut out = String::from("'");
    for (i, piece) in pieces.iter().enumerate() {
        if i > 0 {
            out.push_str("{}");
        }
        push_escaped(&mut out, piece.as_ref());
    }
    out.push('\'');
    out
}

/// Appends `text` with `'`, `{`, `}` and `\` escaped.
fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        if matches!(c, '\'' | '{' | '}' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
}
