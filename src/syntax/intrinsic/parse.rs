//! The intrinsic call parser: names, argument lists, literals, Paths and
//! nested calls. What the arguments must be is checked in `check.rs` once a
//! call's arguments are read.

use super::ast::{Arg, ArgValue, Call};
use super::catalogue::{Function, LiteralKind};
use super::check::check_call;
use super::escape::{read_literal, Brace};
use crate::problem::suggest::closest;
use crate::syntax::cursor::Cursor;
use crate::syntax::path::parse_path_argument;
use crate::syntax::SyntaxError;

/// Most intrinsic calls allowed in one field, nested ones included.
pub(super) const MAX_CALLS: usize = 10;

/// A literal argument as written, kept for the checks.
#[derive(Debug, Clone)]
pub(super) struct Literal<'a> {
    /// Byte offset of the literal.
    pub(super) at: usize,
    /// Source text of the literal (quotes included for strings).
    pub(super) src: &'a str,
    /// What kind of literal it is.
    pub(super) kind: LiteralKind,
    /// The unescaped braces of a string literal.
    pub(super) braces: Vec<Brace>,
}

/// An argument as parsed: the tree node, and the literal as written.
#[derive(Debug, Clone)]
pub(super) struct ParsedArg<'a> {
    /// The argument.
    pub(super) arg: Arg,
    /// The literal as written, for literal arguments.
    pub(super) literal: Option<Literal<'a>>,
}

/// Recursive-descent parser; recursion depth is bounded by [`MAX_CALLS`].
pub(super) struct Parser<'a> {
    /// Where the parser is.
    pub(super) cursor: Cursor<'a>,
    /// Calls seen so far (nested ones included).
    calls: usize,
}

impl<'a> Parser<'a> {
    /// A parser at the start of `s`.
    pub(super) fn new(s: &'a str) -> Self {
        Parser {
            cursor: Cursor::new(s, 0),
            calls: 0,
        }
    }

    /// Offset just past the run of name characters starting at `from`.
    fn name_end(&self, from: usize) -> usize {
        let tail = self.cursor.s.get(from..).unwrap_or("");
        from + tail.find(|c: char| !is_name_char(c)).unwrap_or(tail.len())
    }

    /// Parses one call starting at the current position.
    pub(super) fn call(&mut self) -> Result<Call, SyntaxError> {
        let start = self.cursor.pos;
        self.calls += 1;
        if self.calls > MAX_CALLS {
            return Err(SyntaxError::new(
                start,
                format!(
                    "too many intrinsic functions in one field: at most {MAX_CALLS} calls, \
                     nested ones included, are allowed"
                ),
            ));
        }
        let end = self.name_end(start);
        let name = self.cursor.slice(start, end);
        self.cursor.pos = end;
        if name.is_empty() || self.cursor.peek() != Some('(') {
            return Err(self.not_a_call(start, name));
        }
        let Some(function) = Function::from_name(name) else {
            return Err(SyntaxError::new(start, unknown_function(name)));
        };
        let open = self.cursor.pos;
        self.cursor.bump();
        let mut args = Vec::new();
        self.cursor.skip_blanks();
        if !self.cursor.eat(')') {
            loop {
                self.cursor.skip_blanks();
                args.push(self.arg()?);
                self.cursor.skip_blanks();
                match self.cursor.peek() {
                    Some(',') => {
                        self.cursor.bump();
                    }
                    Some(')') => {
                        self.cursor.bump();
                        break;
                    }
                    None => {
                        return Err(SyntaxError::new(
                            open,
                            format!("unclosed `(` of `{function}`: add the closing `)`"),
                        ))
                    }
                    Some(c) => {
                        return Err(SyntaxError::new(
                            self.cursor.pos,
                            format!(
                                "expected `,` or `)` after argument {} of `{function}`, found \
                                 `{c}`",
                                args.len(),
                            ),
                        ))
                    }
                }
            }
        }
        check_call(function, &mut args, start)?;
        Ok(Call {
            function,
            args: args.into_iter().map(|parsed| parsed.arg).collect(),
            offset: start,
        })
    }

    /// The error for a name (possibly empty) that is not followed by `(`.
    fn not_a_call(&self, start: usize, name: &str) -> SyntaxError {
        let c = &self.cursor;
        if name.is_empty() {
            return SyntaxError::new(
                start,
                match c.peek() {
                    Some(next) => format!(
                        "unexpected `{next}`: expected an intrinsic function call such as \
                         `States.Format('…', $.x)`"
                    ),
                    None => "expected an intrinsic function call such as \
                             `States.Format('…', $.x)`"
                        .to_string(),
                },
            );
        }
        let after_blanks = c.rest().trim_start();
        if after_blanks.starts_with('(') && after_blanks.len() < c.rest().len() {
            return SyntaxError::new(
                c.pos,
                format!("remove the blank(s) between `{name}` and `(`"),
            );
        }
        if name.starts_with("States.") {
            return SyntaxError::new(
                c.pos,
                format!("expected `(` after `{name}`: an intrinsic call looks like `{name}(…)`"),
            );
        }
        SyntaxError::new(
            start,
            format!(
                "`{}` is neither a Path (which starts with `$`) nor an intrinsic function call \
                 such as `States.Format('…', $.x)`",
                snippet(c.s.get(start..).unwrap_or(""))
            ),
        )
    }

    /// Parses one argument.
    fn arg(&mut self) -> Result<ParsedArg<'a>, SyntaxError> {
        let at = self.cursor.pos;
        let s = self.cursor.s;
        let plain = |value: ArgValue| ParsedArg {
            arg: Arg { value, offset: at },
            literal: None,
        };
        match self.cursor.peek() {
            Some('\'') => {
                let decoded = read_literal(s, at)?;
                self.cursor.pos = decoded.end;
                Ok(ParsedArg {
                    arg: Arg {
                        value: ArgValue::String(decoded.text),
                        offset: at,
                    },
                    literal: Some(Literal {
                        at,
                        src: self.cursor.slice(at, decoded.end),
                        kind: LiteralKind::String,
                        braces: decoded.braces,
                    }),
                })
            }
            Some('"') => Err(SyntaxError::new(
                at,
                "string literals in intrinsic functions use single quotes: write 'text', not \
                 \"text\"",
            )),
            Some('$') => {
                let (path, end) = parse_path_argument(s, at)?;
                self.cursor.pos = end;
                Ok(plain(ArgValue::Path(path)))
            }
            Some(c) if c == '-' || c.is_ascii_digit() => {
                let number = self.cursor.number()?;
                let kind = if number.integer {
                    LiteralKind::Integer
                } else {
                    LiteralKind::Decimal
                };
                Ok(ParsedArg {
                    arg: Arg {
                        value: ArgValue::Number(number.value),
                        offset: at,
                    },
                    literal: Some(Literal {
                        at,
                        src: number.text,
                        kind,
                        braces: Vec::new(),
                    }),
                })
            }
            Some(c) if is_name_char(c) => self.word(at),
            Some(',') | Some(')') => Err(SyntaxError::new(
                at,
                "missing argument: expected a value before this delimiter",
            )),
            Some(c) => Err(SyntaxError::new(
                at,
                format!(
                    "unexpected `{c}`: an argument must be a 'quoted string', a number, true, \
                     false, null, a Path starting with `$`, or an intrinsic call"
                ),
            )),
            None => Err(SyntaxError::new(
                at,
                "the call ends too early: expected an argument and a closing `)`",
            )),
        }
    }

    /// Parses a nested call or `true`, `false`, `null`.
    fn word(&mut self, at: usize) -> Result<ParsedArg<'a>, SyntaxError> {
        let end = self.name_end(at);
        let word = self.cursor.slice(at, end);
        if self.cursor.s.get(end..).is_some_and(|t| t.starts_with('(')) {
            let call = self.call()?;
            return Ok(ParsedArg {
                arg: Arg {
                    value: ArgValue::Call(call),
                    offset: at,
                },
                literal: None,
            });
        }
        let (value, kind) = match word {
            "true" => (ArgValue::Bool(true), LiteralKind::Boolean),
            "false" => (ArgValue::Bool(false), LiteralKind::Boolean),
            "null" => (ArgValue::Null, LiteralKind::Null),
            _ => {
                return Err(SyntaxError::new(
                    at,
                    format!(
                        "`{word}` is not a valid argument: put text in single quotes \
                         ('{word}'), start a Path with `$`, or call a function with `(…)`"
                    ),
                ))
            }
        };
        self.cursor.pos = end;
        Ok(ParsedArg {
            arg: Arg { value, offset: at },
            literal: Some(Literal {
                at,
                src: word,
                kind,
                braces: Vec::new(),
            }),
        })
    }
}

/// The message for a name that is no catalogue function: the closest name
/// if one is near (ignoring case, and trying the name with `States.` in
/// front; on a tie, a name that extends what was typed), else the list of
/// names.
fn unknown_function(name: &str) -> String {
    let names = Function::ALL.map(Function::name);
    let typed = name.to_lowercase();
    let prefixed = format!("states.{typed}");
    let extends = |n: &&str| {
        let n = n.to_lowercase();
        n.starts_with(&typed) || n.starts_with(&prefixed)
    };
    let candidates = || {
        let first = names.into_iter().filter(extends);
        first.chain(names.into_iter().filter(|n| !extends(n)))
    };
    let suggestion =
        closest(name, candidates()).or_else(|| closest(&format!("States.{name}"), candidates()));
    match suggestion {
        Some(near) => format!("unknown intrinsic function `{name}`; did you mean `{near}`?"),
        None => format!(
            "unknown intrinsic function `{name}`; the intrinsic functions are {}",
            names.map(|n| format!("`{n}`")).join(", ")
        ),
    }
}

/// Characters of a function name.
fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '.' || c == '_'
}

/// At most 40 characters of `s`, with `…` if it was cut.
fn snippet(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().nth(40).is_some() {
        out.push('…');
    }
    out
}
