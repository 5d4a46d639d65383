//! Splits a condition expression into tokens, one at a time, each with its
//! 1-based character column.

use crate::model::Number;

use super::error::ConditionParseError;

/// Characters that end a path outside brackets: the language's operators
/// and punctuation. Blanks end it too.
const PATH_STOP: [char; 11] = ['=', '!', '<', '>', '&', '|', '(', ')', ',', '\'', '"'];

/// Whether `c` may be part of a path outside brackets.
fn is_path_char(c: char) -> bool {
    !c.is_whitespace() && !PATH_STOP.contains(&c)
}

/// What a token is.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok {
    /// A JSONPath, `$` and what follows it.
    Path(String),
    /// A quoted string, escapes resolved.
    Str(String),
    /// A number literal.
    Num(Number),
    /// A bare word: `true`, `is_present`, `timestamp`, ...
    Ident(String),
    /// `(`
    LParen,
    /// `)`
    RParen,
    /// `,`
    Comma,
    /// `!`
    Bang,
    /// `&&`
    AndAnd,
    /// `||`
    OrOr,
    /// A comparison operator.
    Cmp(CmpOp),
    /// The end of the input.
    Eof,
}

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CmpOp {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl CmpOp {
    /// The operator as written.
    pub(super) fn text(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }

    /// The operator with its operands swapped: `5 < $.n` is `$.n > 5`.
    pub(super) fn flipped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
            CmpOp::Eq | CmpOp::Ne => self,
        }
    }
}

impl Tok {
    /// How the token reads in a message: `` `&&` ``, `the path `$.a``, ...
    pub(super) fn describe(&self) -> String {
        match self {
            Tok::Path(p) => format!("the path `{p}`"),
            Tok::Str(_) => "a string".to_owned(),
            Tok::Num(n) => format!("the number `{n}`"),
            Tok::Ident(name) => format!("`{name}`"),
            Tok::LParen => "`(`".to_owned(),
            Tok::RParen => "`)`".to_owned(),
            Tok::Comma => "`,`".to_owned(),
            Tok::Bang => "`!`".to_owned(),
            Tok::AndAnd => "`&&`".to_owned(),
            Tok::OrOr => "`||`".to_owned(),
            Tok::Cmp(op) => format!("`{}`", op.text()),
            Tok::Eof => "the end of the condition".to_owned(),
        }
    }
}

/// A token and the column of its first character.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Token {
    /// What it is.
    pub(super) tok: Tok,
    /// 1-based column, in characters.
    pub(super) column: usize,
}

/// Reads tokens from an expression on demand, one ahead of the parser, so a
/// problem is reported where the parser reaches it.
pub(super) struct Lexer<'a> {
    /// The whole expression, for errors.
    src: &'a str,
    /// The expression's characters.
    chars: Vec<char>,
    /// Index of the next unread character.
    pos: usize,
}

impl<'a> Lexer<'a> {
    /// A lexer at the start of `src`.
    pub(super) fn new(src: &'a str) -> Self {
        Lexer {
            src,
            chars: src.chars().collect(),
            pos: 0,
        }
    }

    /// The character `ahead` places after the next unread one.
    fn peek_at(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.pos + ahead).copied()
    }

    /// The next unread character.
    fn peek(&self) -> Option<char> {
        self.peek_at(0)
    }

    /// An error at the 0-based character index `at`.
    fn error(&self, at: usize, message: impl Into<String>) -> ConditionParseError {
        ConditionParseError::new(self.src, at + 1, message)
    }

    /// Reads the next token; [`Tok::Eof`] at the end, again and again.
    pub(super) fn next_token(&mut self) -> Result<Token, ConditionParseError> {
        while self.peek().is_some_and(char::is_whitespace) {
            self.pos += 1;
        }
        let start = self.pos;
        let Some(c) = self.peek() else {
            return Ok(Token {
                tok: Tok::Eof,
                column: start + 1,
            });
        };
        let tok = match c {
            '$' => Tok::Path(self.path()?),
            '\'' | '"' => Tok::Str(self.string(c)?),
            '0'..='9' => Tok::Num(self.number()?),
            '-' if self.peek_at(1).is_some_and(|d| d.is_ascii_digit()) => Tok::Num(self.number()?),
            c if c.is_alphabetic() || c == '_' => Tok::Ident(self.ident()),
            _ => self.punctuation(c)?,
        };
        Ok(Token {
            tok,
            column: start + 1,
        })
    }

    /// Reads an operator or punctuation starting with `c`.
    fn punctuation(&mut self, c: char) -> Result<Tok, ConditionParseError> {
        let at = self.pos;
        let next = self.peek_at(1);
        let (tok, len) = match (c, next) {
            ('(', _) => (Tok::LParen, 1),
            (')', _) => (Tok::RParen, 1),
            (',', _) => (Tok::Comma, 1),
            ('=', Some('=')) if self.peek_at(2) == Some('=') => {
                return Err(self.error(at, "`===` is not an operator; use `==`"))
            }
            ('=', Some('=')) => (Tok::Cmp(CmpOp::Eq), 2),
            ('=', Some('>')) => return Err(self.error(at, "`=>` is not an operator; use `>=`")),
            ('=', Some('<')) => return Err(self.error(at, "`=<` is not an operator; use `<=`")),
            ('=', Some('~')) => {
                return Err(self.error(
                    at,
                    "`=~` is not an operator; use `matches($.path, 'pattern*')`",
                ))
            }
            ('=', _) => {
                return Err(self.error(at, "`=` is not an operator; use `==` to compare"));
            }
            ('!', Some('=')) if self.peek_at(2) == Some('=') => {
                return Err(self.error(at, "`!==` is not an operator; use `!=`"))
            }
            ('!', Some('=')) => (Tok::Cmp(CmpOp::Ne), 2),
            ('!', _) => (Tok::Bang, 1),
            ('<', Some('>')) => return Err(self.error(at, "`<>` is not an operator; use `!=`")),
            ('<', Some('=')) => (Tok::Cmp(CmpOp::Le), 2),
            ('<', _) => (Tok::Cmp(CmpOp::Lt), 1),
            ('>', Some('=')) => (Tok::Cmp(CmpOp::Ge), 2),
            ('>', _) => (Tok::Cmp(CmpOp::Gt), 1),
            ('&', Some('&')) => (Tok::AndAnd, 2),
            ('&', _) => return Err(self.error(at, "`&` is not an operator; use `&&`")),
            ('|', Some('|')) => (Tok::OrOr, 2),
            ('|', _) => return Err(self.error(at, "`|` is not an operator; use `||`")),
            ('.', Some('0'..='9')) => {
                return Err(self.error(at, "unexpected `.`: write a leading zero, e.g. `0.5`"))
            }
            ('.' | '[', _) => {
                return Err(self.error(
                    at,
                    format!("unexpected `{c}`: a path starts with `$`, e.g. `$.status`"),
                ))
            }
            ('+', _) => {
                return Err(self.error(
                    at,
                    "unexpected `+`: write numbers without a sign, or with `-`",
                ))
            }
            _ => return Err(self.error(at, format!("unexpected character `{c}`"))),
        };
        self.pos += len;
        Ok(tok)
    }

    /// Reads a path: `$` and the longest run of path characters after it.
    /// Brackets may hold anything, quoted strings included, as long as they
    /// are balanced; outside brackets a blank or an operator ends the path.
    fn path(&mut self) -> Result<String, ConditionParseError> {
        let start = self.pos;
        self.pos += 1;
        let mut open: Vec<usize> = Vec::new();
        while let Some(c) = self.peek() {
            match c {
                '[' => open.push(self.pos),
                ']' if open.is_empty() => break,
                ']' => {
                    open.pop();
                }
                '\'' | '"' if !open.is_empty() => {
                    self.skip_quoted_in_path(c)?;
                    continue;
                }
                '\\' if open.is_empty() => {
                    // A backslash escapes the next character of a dot-name
                    // (`$.a\.b`, `$.a\[0`), but never a blank or an operator:
                    // those still end the path.
                    self.pos += usize::from(self.peek_at(1).is_some_and(is_path_char));
                }
                c if open.is_empty() && !is_path_char(c) => break,
                _ => {}
            }
            self.pos += 1;
        }
        if let Some(&at) = open.last() {
            return Err(self.error(at, "unclosed `[` in the path: add the matching `]`"));
        }
        Ok(self.text(start, self.pos))
    }

    /// Skips a quoted string inside a path's brackets, kept as written.
    fn skip_quoted_in_path(&mut self, quote: char) -> Result<(), ConditionParseError> {
        let at = self.pos;
        self.pos += 1;
        loop {
            match self.peek() {
                None => {
                    return Err(self.error(
                        at,
                        format!("unclosed string in the path: add the closing {quote}"),
                    ))
                }
                Some('\\') => self.pos += 2,
                Some(c) => {
                    self.pos += 1;
                    if c == quote {
                        return Ok(());
                    }
                }
            }
        }
    }

    /// The characters from index `from` up to `to`, as a string.
    fn text(&self, from: usize, to: usize) -> String {
        self.chars
            .get(from..to)
            .unwrap_or_default()
            .iter()
            .collect()
    }

    /// Reads a string quoted with `quote`, resolving escapes.
    fn string(&mut self, quote: char) -> Result<String, ConditionParseError> {
        let open = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            let Some(c) = self.peek() else {
                return Err(self.error(open, format!("unclosed string: add the closing {quote}")));
            };
            self.pos += 1;
            if c == quote {
                return Ok(out);
            }
            if c != '\\' {
                out.push(c);
                continue;
            }
            let escape = self.pos - 1;
            let resolved = match self.peek() {
                Some('\\') => '\\',
                Some('\'') => '\'',
                Some('"') => '"',
                Some('n') => '\n',
                Some('r') => '\r',
                Some('t') => '\t',
                Some('u') => {
                    self.pos += 1;
                    out.push(self.unicode_escape(escape)?);
                    continue;
                }
                Some(other) => {
                    return Err(self.error(
                        escape,
                        format!(
                            "unknown escape `\\{other}`: use `\\\\` for a backslash (so a \
                             literal `*` in a `matches` pattern is `\\\\*`), `\\'`, `\\\"`, \
                             `\\n`, `\\r`, `\\t` or `\\u{{…}}`"
                        ),
                    ))
                }
                None => {
                    return Err(
                        self.error(open, format!("unclosed string: add the closing {quote}"))
                    )
                }
            };
            self.pos += 1;
            out.push(resolved);
        }
    }

    /// Reads the `{hex}` of a `\u{…}` escape whose backslash is at `escape`.
    fn unicode_escape(&mut self, escape: usize) -> Result<char, ConditionParseError> {
        let bad = |lx: &Self| {
            lx.error(
                escape,
                "invalid `\\u` escape: write `\\u{…}` with 1 to 6 hex digits of a Unicode \
                 scalar value, e.g. `\\u{e9}`",
            )
        };
        if self.peek() != Some('{') {
            return Err(bad(self));
        }
        self.pos += 1;
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_hexdigit()) {
            self.pos += 1;
        }
        let digits = self.text(start, self.pos);
        if self.peek() != Some('}') || digits.is_empty() || digits.len() > 6 {
            return Err(bad(self));
        }
        self.pos += 1;
        u32::from_str_radix(&digits, 16)
            .ok()
            .and_then(char::from_u32)
            .ok_or_else(|| bad(self))
    }

    /// Reads a number: JSON number syntax, optionally negative.
    fn number(&mut self) -> Result<Number, ConditionParseError> {
        let start = self.pos;
        self.pos += usize::from(self.peek() == Some('-'));
        while let Some(c) = self.peek() {
            let sign_of_exponent = (c == '+' || c == '-')
                && matches!(
                    self.pos.checked_sub(1).and_then(|i| self.chars.get(i)),
                    Some('e' | 'E')
                );
            if c.is_alphanumeric() || c == '_' || c == '.' || sign_of_exponent {
                self.pos += 1;
            } else {
                break;
            }
        }
        let text = self.text(start, self.pos);
        let number = Number::parse(&text).ok_or_else(|| {
            self.error(
                start,
                format!("`{text}` is not a number: write numbers like `5`, `-2.5` or `1e3`"),
            )
        })?;
        // `-0` is zero: store it as the integer every other zero is.
        Ok(if number.as_i64() == Some(0) {
            Number::from(0u8)
        } else {
            number
        })
    }

    /// Reads a bare word.
    fn ident(&mut self) -> String {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_alphanumeric() || c == '_') {
            self.pos += 1;
        }
        self.text(start, self.pos)
    }
}

#[cfg(test)]
mod tests {
    use super::{CmpOp, Lexer, Tok};
    use crate::model::Number;

    /// Every token of `src` with its column, up to the end.
    fn lex(src: &str) -> Result<Vec<(Tok, usize)>, (usize, String)> {
        let mut lx = Lexer::new(src);
        let mut out = Vec::new();
        loop {
            let t = lx
                .next_token()
                .map_err(|e| (e.column(), e.message().to_owned()))?;
            if t.tok == Tok::Eof {
                return Ok(out);
            }
            out.push((t.tok, t.column));
        }
    }

    fn path(p: &str) -> Tok {
        Tok::Path(p.to_owned())
    }

    #[test]
    fn paths_stop_at_operators_and_blanks_but_not_inside_brackets() {
        assert_eq!(
            lex("$.a.b==5").unwrap(),
            [
                (path("$.a.b"), 1),
                (Tok::Cmp(CmpOp::Eq), 6),
                (Tok::Num(Number::from(5)), 8)
            ]
        );
        for p in [
            "$",
            "$$.Execution.Id",
            "$var.field",
            "$.items[0]",
            "$['x y']",
            "$['a]b'][\"c'd\"]",
            "$.a[?(@.b >= 5 && @.c == 'x')].d",
            "$.my-field",
            r"$.a\.b\[c",
            "$.vals[-3:]",
            "$..x[*]",
        ] {
            assert_eq!(lex(p).unwrap(), [(path(p), 1)], "{p}");
        }
        assert_eq!(
            lex("is_present($.a)").unwrap(),
            [
                (Tok::Ident("is_present".to_owned()), 1),
                (Tok::LParen, 11),
                (path("$.a"), 12),
                (Tok::RParen, 15)
            ]
        );
        assert_eq!(
            lex(r"is_present($.a\)").unwrap(),
            [
                (Tok::Ident("is_present".to_owned()), 1),
                (Tok::LParen, 11),
                (path(r"$.a\"), 12),
                (Tok::RParen, 16)
            ]
        );
        assert_eq!(
            lex("$.a]").unwrap_err(),
            (4, "unexpected character `]`".to_owned())
        );
    }

    #[test]
    fn unclosed_brackets_and_quotes_in_paths_are_errors() {
        assert_eq!(lex("$.a[0 == 1").unwrap_err().0, 4);
        assert_eq!(lex("$['x == 1").unwrap_err().0, 3);
    }

    #[test]
    fn strings_resolve_escapes() {
        assert_eq!(
            lex(r#"'a\'b' "c\"d" '\\\n\r\t' '\u{e9}' "it's""#).unwrap(),
            [
                (Tok::Str("a'b".to_owned()), 1),
                (Tok::Str("c\"d".to_owned()), 8),
                (Tok::Str("\\\n\r\t".to_owned()), 15),
                (Tok::Str("é".to_owned()), 26),
                (Tok::Str("it's".to_owned()), 35),
            ]
        );
    }

    #[test]
    fn string_errors_name_their_column() {
        assert_eq!(lex("$.a == 'abc").unwrap_err().0, 8);
        assert_eq!(lex("$.a == 'ab\\").unwrap_err().0, 8);
        let (column, message) = lex(r"'a\*b'").unwrap_err();
        assert_eq!(column, 3);
        assert!(message.starts_with("unknown escape `\\*`"), "{message}");
        assert_eq!(lex(r"'\u{110000}'").unwrap_err().0, 2);
        assert_eq!(lex(r"'\u00e9'").unwrap_err().0, 2);
        assert_eq!(lex(r"'\u{}'").unwrap_err().0, 2);
    }

    #[test]
    fn numbers_keep_their_kind() {
        let nums = lex("5 -7 2.5 1e3 -0 -0.5e-2 123456789012345678901234567890").unwrap();
        let shown: Vec<String> = nums
            .iter()
            .map(|(t, _)| match t {
                Tok::Num(n) => n.to_string(),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(
            shown,
            [
                "5",
                "-7",
                "2.5",
                "1000.0",
                "-0",
                "-0.005",
                "123456789012345678901234567890"
            ]
        );
        assert_eq!(nums[4].0, Tok::Num(Number::parse("-0").unwrap()));
    }

    #[test]
    fn bad_numbers_are_errors() {
        for (src, column) in [
            ("01", 1),
            ("1.", 1),
            ("$.a > 5x", 7),
            ("1e", 1),
            ("-", 1),
            ("+1", 1),
            (".5", 1),
        ] {
            assert_eq!(lex(src).unwrap_err().0, column, "{src}");
        }
    }

    #[test]
    fn operators_and_their_lookalikes() {
        let toks: Vec<Tok> = lex("== != < <= > >= && || ! ( ) ,")
            .unwrap()
            .into_iter()
            .map(|(t, _)| t)
            .collect();
        assert_eq!(
            toks,
            [
                Tok::Cmp(CmpOp::Eq),
                Tok::Cmp(CmpOp::Ne),
                Tok::Cmp(CmpOp::Lt),
                Tok::Cmp(CmpOp::Le),
                Tok::Cmp(CmpOp::Gt),
                Tok::Cmp(CmpOp::Ge),
                Tok::AndAnd,
                Tok::OrOr,
                Tok::Bang,
                Tok::LParen,
                Tok::RParen,
                Tok::Comma
            ]
        );
        for (src, message) in [
            ("$.a = 1", "`=` is not an operator; use `==` to compare"),
            ("$.a === 1", "`===` is not an operator; use `==`"),
            ("$.a !== 1", "`!==` is not an operator; use `!=`"),
            ("$.a <> 1", "`<>` is not an operator; use `!=`"),
            ("$.a => 1", "`=>` is not an operator; use `>=`"),
            ("$.a =< 1", "`=<` is not an operator; use `<=`"),
            ("$.a & 1", "`&` is not an operator; use `&&`"),
            ("$.a | 1", "`|` is not an operator; use `||`"),
        ] {
            assert_eq!(lex(src).unwrap_err(), (5, message.to_owned()), "{src}");
        }
        assert_eq!(
            lex("   #").unwrap_err(),
            (4, "unexpected character `#`".to_owned())
        );
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        assert_eq!(
            lex("'éé' == $.ü").unwrap(),
            [
                (Tok::Str("éé".to_owned()), 1),
                (Tok::Cmp(CmpOp::Eq), 6),
                (path("$.ü"), 9)
            ]
        );
    }
}
