//! Tokenizer for JSONata expressions.
//!
//! Mirrors the tokenizer of the JSONata reference implementation: whitespace
//! is ` \t\n\r\v`, comments are `/* … */`, a name runs until whitespace or an
//! operator character, `$name` is a variable, `and`/`or`/`in` are operator
//! tokens (the parser turns them back into names where an operand is
//! expected), and `/` starts a regular expression only when the parser asks
//! for an operand. The lexer works on bytes: every byte that matters to the
//! grammar is ASCII, so slicing only ever happens at ASCII positions or at the
//! end of the input and is always on a `char` boundary.

use super::ast::RegexLiteral;
use super::error::ParseError;
use super::regex::parse_pattern;

/// What a `\uD800`–`\uDFFF` escape without its other half decodes to in a
/// string literal: no UTF-8 string can hold a lone UTF-16 surrogate, so it
/// reads as U+FFFF, a noncharacter Unicode keeps for a program's internal
/// use. An evaluator can tell it apart from U+FFFD, which jsonata-js keeps
/// apart too (`$encodeUrl` rejects a lone surrogate but encodes U+FFFD).
///
/// ```
/// use stepfn::syntax::jsonata::{parse, Kind, LONE_SURROGATE};
/// let tree = parse(r"'a\uD800'")?;
/// assert!(matches!(&tree.kind, Kind::Str(s) if *s == format!("a{LONE_SURROGATE}")));
/// // a pair written as two escapes is one character
/// let tree = parse(r"'\uD83D\uDE00'")?;
/// assert!(matches!(&tree.kind, Kind::Str(s) if s == "😀"));
/// # Ok::<(), stepfn::syntax::jsonata::ParseError>(())
/// ```
pub const LONE_SURROGATE: char = '\u{ffff}';

/// What a token is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum TokenKind {
    /// A field name (plain or backtick-quoted).
    Name(String),
    /// A variable reference, without its `$` (`$` alone is `""`, `$$` is `"$"`).
    Variable(String),
    /// A string literal, escapes decoded.
    Str(String),
    /// A number literal and its value.
    Number(f64),
    /// `true` or `false`.
    Bool(bool),
    /// `null`.
    Null,
    /// A regular-expression literal `/pattern/flags`.
    Regex(RegexLiteral),
    /// An operator or punctuation, including the keyword operators `and`, `or`, `in`.
    Op(&'static str),
    /// The end of the input.
    End,
}

/// One token with its byte span in the source.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Token {
    /// What the token is.
    pub(crate) kind: TokenKind,
    /// Byte offset of the token's first byte.
    pub(crate) start: usize,
    /// Byte offset just past the token.
    pub(crate) end: usize,
}

/// Two-character operators, checked before the one-character ones.
const DOUBLE_OPS: [&str; 7] = ["..", ":=", "!=", ">=", "<=", "**", "~>"];

/// Returns the static spelling of a one-character operator, if `b` is one.
/// These characters also end a name.
fn single_op(b: u8) -> Option<&'static str> {
    Some(match b {
        b'.' => ".",
        b'[' => "[",
        b']' => "]",
        b'{' => "{",
        b'}' => "}",
        b'(' => "(",
        b')' => ")",
        b',' => ",",
        b'@' => "@",
        b'#' => "#",
        b';' => ";",
        b':' => ":",
        b'?' => "?",
        b'+' => "+",
        b'-' => "-",
        b'*' => "*",
        b'/' => "/",
        b'%' => "%",
        b'|' => "|",
        b'=' => "=",
        b'<' => "<",
        b'>' => ">",
        b'^' => "^",
        b'&' => "&",
        b'!' => "!",
        b'~' => "~",
        _ => return None,
    })
}

/// Whether `b` is JSONata whitespace (space, tab, LF, CR, vertical tab).
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b)
}

/// On-demand tokenizer over one expression.
pub(crate) struct Lexer<'a> {
    /// The whole expression.
    src: &'a str,
    /// `src` as bytes.
    bytes: &'a [u8],
    /// Byte offset of the next unread byte.
    pos: usize,
}

impl<'a> Lexer<'a> {
    /// Creates a lexer positioned at the start of `src`.
    pub(crate) fn new(src: &'a str) -> Self {
        Lexer {
            src,
            bytes: src.as_bytes(),
            pos: 0,
        }
    }

    /// The byte at `i`, or `None` past the end.
    fn at(&self, i: usize) -> Option<u8> {
        self.bytes.get(i).copied()
    }

    /// The source text between two byte offsets (empty if out of range).
    fn slice(&self, from: usize, to: usize) -> &'a str {
        self.src.get(from..to).unwrap_or("")
    }

    /// Reads the next token. `operand_expected` is true where the parser
    /// wants an operand: only there does `/` start a regular expression.
    pub(crate) fn next_token(&mut self, operand_expected: bool) -> Result<Token, ParseError> {
        self.skip_space_and_comments()?;
        let start = self.pos;
        let Some(b) = self.at(start) else {
            return Ok(Token {
                kind: TokenKind::End,
                start,
                end: start,
            });
        };
        if b == b'/' && operand_expected {
            return self.regex(start);
        }
        if let Some(next) = self.at(start + 1) {
            for op in DOUBLE_OPS {
                let ob = op.as_bytes();
                if ob.first() == Some(&b) && ob.get(1) == Some(&next) {
                    return Ok(self.op_token(op, start, 2));
                }
            }
        }
        if let Some(op) = single_op(b) {
            if op == "!" || op == "~" {
                return Err(ParseError::new(
                    "S0204",
                    start,
                    format!("unknown operator `{op}`"),
                ));
            }
            return Ok(self.op_token(op, start, 1));
        }
        match b {
            b'"' | b'\'' => self.string(start, b),
            b'0'..=b'9' => self.number(start),
            b'`' => self.quoted_name(start),
            _ => Ok(self.name(start)),
        }
    }

    /// Builds an operator token of `len` bytes and moves past it.
    fn op_token(&mut self, op: &'static str, start: usize, len: usize) -> Token {
        self.pos = start + len;
        Token {
            kind: TokenKind::Op(op),
            start,
            end: self.pos,
        }
    }

    /// Skips whitespace and `/* … */` comments.
    fn skip_space_and_comments(&mut self) -> Result<(), ParseError> {
        loop {
            while self.at(self.pos).is_some_and(is_space) {
                self.pos += 1;
            }
            if self.at(self.pos) == Some(b'/') && self.at(self.pos + 1) == Some(b'*') {
                let open = self.pos;
                let mut i = open + 2;
                loop {
                    match self.at(i) {
                        None => {
                            return Err(ParseError::new("S0106", open, "unterminated comment"));
                        }
                        Some(b'*') if self.at(i + 1) == Some(b'/') => break,
                        Some(_) => i += 1,
                    }
                }
                self.pos = i + 2;
            } else {
                return Ok(());
            }
        }
    }

    /// Scans a regular expression whose opening `/` is at `start`.
    ///
    /// The closing `/` is the first one outside `(…)`, `[…]`, `{…}` that is
    /// preceded by an even number of backslashes; flags are any run of `i`
    /// and `m`.
    fn regex(&mut self, start: usize) -> Result<Token, ParseError> {
        let body = start + 1;
        let mut i = body;
        let mut depth: i64 = 0;
        let mut backslashes = 0usize;
        while let Some(c) = self.at(i) {
            if c == b'/' && depth == 0 && backslashes % 2 == 0 {
                if i == body {
                    return Err(ParseError::new("S0301", start, "empty regular expression"));
                }
                let pattern = self.slice(body, i);
                if let Err(e) = parse_pattern(pattern) {
                    return Err(ParseError::new(
                        "S0303",
                        body + e.offset,
                        format!("invalid regular expression /{pattern}/: {}", e.message),
                    ));
                }
                i += 1;
                let flags = i;
                while matches!(self.at(i), Some(b'i' | b'm')) {
                    i += 1;
                }
                let flags = self.slice(flags, i);
                self.pos = i;
                return Ok(Token {
                    kind: TokenKind::Regex(RegexLiteral {
                        pattern: pattern.to_string(),
                        case_insensitive: flags.contains('i'),
                        multiline: flags.contains('m'),
                    }),
                    start,
                    end: i,
                });
            }
            let escaped = i > body && self.at(i - 1) == Some(b'\\');
            if !escaped {
                match c {
                    b'(' | b'[' | b'{' => depth += 1,
                    b')' | b']' | b'}' => depth -= 1,
                    _ => {}
                }
            }
            if c == b'\\' {
                backslashes += 1;
            } else {
                backslashes = 0;
            }
            i += 1;
        }
        Err(ParseError::new(
            "S0302",
            start,
            "unterminated regular expression",
        ))
    }

    /// Scans a string literal opened by `quote` at `start`, decoding escapes.
    fn string(&mut self, start: usize, quote: u8) -> Result<Token, ParseError> {
        let mut value = String::new();
        let mut i = start + 1;
        let mut segment = i;
        while let Some(c) = self.at(i) {
            if c == quote {
                value.push_str(self.slice(segment, i));
                self.pos = i + 1;
                return Ok(Token {
                    kind: TokenKind::Str(value),
                    start,
                    end: self.pos,
                });
            }
            if c != b'\\' {
                i += 1;
                continue;
            }
            value.push_str(self.slice(segment, i));
            let decoded = match self.at(i + 1) {
                None => {
                    return Err(ParseError::new(
                        "S0103",
                        i,
                        "a string literal ends with a lone `\\`; write `\\\\` for a backslash",
                    ))
                }
                Some(b'"') => '"',
                Some(b'\\') => '\\',
                Some(b'/') => '/',
                Some(b'b') => '\u{8}',
                Some(b'f') => '\u{c}',
                Some(b'n') => '\n',
                Some(b'r') => '\r',
                Some(b't') => '\t',
                Some(b'u') => {
                    // fewer than four hex digits before the end: JavaScript takes
                    // them and then finds the string unterminated
                    let rest = self.bytes.get(i + 2..).unwrap_or(&[]);
                    if rest.len() < 4 && !rest.is_empty() && rest.iter().all(u8::is_ascii_hexdigit)
                    {
                        break;
                    }
                    let Some(code) = self.hex4(i + 2) else {
                        return Err(ParseError::new(
                            "S0104",
                            i,
                            "invalid unicode escape in string literal: `\\u` needs four hex digits",
                        ));
                    };
                    i += 6;
                    // a surrogate pair written as two escapes is one character
                    let pair = (0xD800..0xDC00).contains(&code)
                        && self.at(i) == Some(b'\\')
                        && self.at(i + 1) == Some(b'u');
                    let low = if pair { self.hex4(i + 2) } else { None };
                    match low.filter(|low| (0xDC00..0xE000).contains(low)) {
                        Some(low) => {
                            let joined = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                            value.push(char::from_u32(joined).unwrap_or('\u{fffd}'));
                            i += 6;
                        }
                        None => value.push(char::from_u32(code).unwrap_or(LONE_SURROGATE)),
                    }
                    segment = i;
                    continue;
                }
                Some(_) => {
                    let shown: String = self.slice(i + 1, self.src.len()).chars().take(1).collect();
                    return Err(ParseError::new(
                        "S0103",
                        i,
                        format!("invalid escape sequence `\\{shown}` in string literal"),
                    ));
                }
            };
            value.push(decoded);
            i += 2;
            segment = i;
        }
        Err(ParseError::new(
            "S0101",
            start,
            "unterminated string literal",
        ))
    }

    /// The value of four hex digits at byte `at`, if they are there.
    fn hex4(&self, at: usize) -> Option<u32> {
        let hex = self.bytes.get(at..at + 4)?;
        hex.iter().try_fold(0u32, |acc, h| {
            char::from(*h).to_digit(16).map(|d| acc * 16 + d)
        })
    }

    /// Scans a number literal starting at a digit at `start`:
    /// `(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`.
    fn number(&mut self, start: usize) -> Result<Token, ParseError> {
        let digit = |i: usize| self.at(i).is_some_and(|c| c.is_ascii_digit());
        let mut i = start + 1;
        if self.at(start) != Some(b'0') {
            while digit(i) {
                i += 1;
            }
        }
        if self.at(i) == Some(b'.') && digit(i + 1) {
            i += 2;
            while digit(i) {
                i += 1;
            }
        }
        if matches!(self.at(i), Some(b'e' | b'E')) {
            let mut j = i + 1;
            if matches!(self.at(j), Some(b'+' | b'-')) {
                j += 1;
            }
            if digit(j) {
                while digit(j) {
                    j += 1;
                }
                i = j;
            }
        }
        let text = self.slice(start, i);
        match text.parse::<f64>() {
            Ok(n) if n.is_finite() => {
                self.pos = i;
                Ok(Token {
                    kind: TokenKind::Number(n),
                    start,
                    end: i,
                })
            }
            _ => Err(ParseError::new(
                "S0102",
                start,
                format!("number `{text}` is out of range"),
            )),
        }
    }

    /// Scans a backtick-quoted name starting at `start`.
    fn quoted_name(&mut self, start: usize) -> Result<Token, ParseError> {
        let body = start + 1;
        let close = self
            .bytes
            .get(body..)
            .and_then(|rest| rest.iter().position(|&c| c == b'`'));
        match close {
            Some(len) => {
                self.pos = body + len + 1;
                Ok(Token {
                    kind: TokenKind::Name(self.slice(body, body + len).to_string()),
                    start,
                    end: self.pos,
                })
            }
            None => Err(ParseError::new(
                "S0105",
                start,
                "unterminated backtick-quoted name",
            )),
        }
    }

    /// Scans a name, variable, keyword operator or `true`/`false`/`null`.
    fn name(&mut self, start: usize) -> Token {
        let mut i = start;
        while let Some(c) = self.at(i) {
            if is_space(c) || single_op(c).is_some() {
                break;
            }
            i += 1;
        }
        self.pos = i;
        let text = self.slice(start, i);
        let kind = if let Some(var) = text.strip_prefix('$') {
            TokenKind::Variable(var.to_string())
        } else {
            match text {
                "and" => TokenKind::Op("and"),
                "or" => TokenKind::Op("or"),
                "in" => TokenKind::Op("in"),
                "true" => TokenKind::Bool(true),
                "false" => TokenKind::Bool(false),
                "null" => TokenKind::Null,
                _ => TokenKind::Name(text.to_string()),
            }
        };
        Token {
            kind,
            start,
            end: i,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lexes everything, treating the start and every operator as operand position.
    fn kinds(src: &str) -> Result<Vec<TokenKind>, ParseError> {
        let mut lexer = Lexer::new(src);
        let mut out = Vec::new();
        let mut operand = true;
        loop {
            let t = lexer.next_token(operand)?;
            if t.kind == TokenKind::End {
                return Ok(out);
            }
            operand = matches!(t.kind, TokenKind::Op(op) if op != ")" && op != "]" && op != "}");
            out.push(t.kind);
        }
    }

    fn err(src: &str) -> ParseError {
        kinds(src).expect_err(src)
    }

    use TokenKind::*;

    #[test]
    fn names_variables_and_keywords() {
        assert_eq!(
            kinds("foo $bar $ $$ and or in true λ").unwrap(),
            vec![
                Name("foo".into()),
                Variable("bar".into()),
                Variable(String::new()),
                Variable("$".into()),
                Op("and"),
                Op("or"),
                Op("in"),
                Bool(true),
                Name("λ".into()),
            ]
        );
        assert_eq!(
            kinds("`a b`.c").unwrap(),
            vec![Name("a b".into()), Op("."), Name("c".into())]
        );
        // quotes do not end a name, operators do
        assert_eq!(
            kinds("a\"b+c").unwrap(),
            vec![Name("a\"b".into()), Op("+"), Name("c".into())]
        );
    }

    #[test]
    fn numbers() {
        assert_eq!(
            kinds("1 1.5 1e3 1.5E-3 0").unwrap(),
            vec![
                Number(1.0),
                Number(1.5),
                Number(1000.0),
                Number(0.0015),
                Number(0.0)
            ]
        );
        assert_eq!(kinds("420.").unwrap(), vec![Number(420.0), Op(".")]);
        assert_eq!(
            kinds("1..5").unwrap(),
            vec![Number(1.0), Op(".."), Number(5.0)]
        );
        assert_eq!(kinds("0123").unwrap(), vec![Number(0.0), Number(123.0)]);
        assert_eq!(kinds("1e").unwrap(), vec![Number(1.0), Name("e".into())]);
        // JavaScript reads 9007199254740993 as 9007199254740992
        assert_eq!(
            kinds("9007199254740993").unwrap(),
            vec![Number(9_007_199_254_740_992.0)]
        );
        assert_eq!(kinds("null false").unwrap(), vec![Null, Bool(false)]);
        let e = err("1e999");
        assert_eq!(e.offset, 0);
        assert!(e.message.contains("out of range"), "{e}");
    }

    #[test]
    fn strings_and_escapes() {
        assert_eq!(
            kinds(r#""a\"b\\c\/d\b\f\n\r\t\u00e9" 'x'"#).unwrap(),
            vec![Str("a\"b\\c/d\u{8}\u{c}\n\r\té".into()), Str("x".into())]
        );
        assert_eq!(kinds(r#"'it"s'"#).unwrap(), vec![Str("it\"s".into())]);
        assert_eq!(kinds("\"ü\"").unwrap(), vec![Str("ü".into())]);
        assert_eq!(
            kinds(r#""\uD83D\uDE00 \uD83D""#).unwrap(),
            vec![Str("😀 \u{ffff}".into())]
        );
        assert_eq!(
            kinds(r#""a\uDC00b\uD800\u0041\uFFFD""#).unwrap(),
            vec![Str("a\u{ffff}b\u{ffff}A\u{fffd}".into())]
        );
        let e = err("\"abc");
        assert_eq!(
            (e.offset, e.message.as_str()),
            (0, "unterminated string literal")
        );
        let e = err(r#"'it\'s'"#);
        assert_eq!(e.offset, 3);
        assert!(e.message.contains("invalid escape"), "{e}");
        assert_eq!(err(r#""\u12""#).offset, 1);
        assert_eq!(err("\"\\").code, "S0103");
        assert_eq!(err("\"\\u12").code, "S0101");
        assert!(err("\"\\é\"").message.contains("`\\é`"));
    }

    #[test]
    fn operators() {
        assert_eq!(
            kinds(".. := != >= <= ** ~> . [ ] { } ( ) , @ # ; : ? + - * % | = < > ^ &")
                .unwrap()
                .len(),
            30
        );
        assert_eq!(err("a ! b").message, "unknown operator `!`");
        assert_eq!(err("a ~ b").offset, 2);
    }

    #[test]
    fn regex_versus_division() {
        let mut lexer = Lexer::new("/a\\/b[/]/im / 2");
        let t = lexer.next_token(true).unwrap();
        let regex = RegexLiteral {
            pattern: "a\\/b[/]".into(),
            case_insensitive: true,
            multiline: true,
        };
        assert_eq!((t.kind, t.start, t.end), (Regex(regex), 0, 11));
        let t = lexer.next_token(false).unwrap();
        assert_eq!(t.kind, Op("/"));
        assert_eq!(err("/abc").message, "unterminated regular expression");
        assert_eq!(err("//").message, "empty regular expression");
        // escaped bracket does not open a group
        assert!(matches!(&kinds("/\\(/").unwrap()[..], [Regex(r)] if r.pattern == "\\("));
        // 2.0.6 has no `?:` or `??` operators
        assert_eq!(kinds("a ?: b").unwrap()[1..3], [Op("?"), Op(":")]);
        assert_eq!(kinds("a ?? b").unwrap()[1..3], [Op("?"), Op("?")]);
        // a pattern JavaScript cannot compile
        let e = err("/a**/");
        assert_eq!((e.code, e.offset), ("S0303", 3));
        assert_eq!(
            e.message,
            "invalid regular expression /a**/: Nothing to repeat"
        );
        assert_eq!(err("/[b-a]/").code, "S0303");
    }

    #[test]
    fn comments_and_whitespace() {
        assert_eq!(
            kinds(" /* c */ a /**/\n\t\r\u{b}b /* x */").unwrap(),
            vec![Name("a".into()), Name("b".into())]
        );
        let e = err("a /* open");
        assert_eq!((e.offset, e.message.as_str()), (2, "unterminated comment"));
        assert_eq!(err("/*/").message, "unterminated comment");
        assert_eq!(kinds("").unwrap(), vec![]);
    }

    #[test]
    fn unterminated_backtick() {
        let e = err("a.`b");
        assert_eq!(
            (e.offset, e.message.as_str()),
            (2, "unterminated backtick-quoted name")
        );
    }
}
