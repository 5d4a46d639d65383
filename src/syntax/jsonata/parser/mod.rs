//! Top-down operator-precedence (Pratt) parser for JSONata 2.0.6.
//!
//! Follows the grammar of the JSONata reference implementation: binding
//! powers `.` 75, `[` `(` `@` `#` 80, `{` 70, `*` `/` `%` 60, `+` `-` `&` 50,
//! comparisons, `in`, `~>`, `^` 40, `and` 30, `or` 25, `?` 20, `:=` 10
//! (right-associative); prefix `-` binds its operand at 70. It also applies
//! the checks JSONata makes while parsing (lambda parameters must be
//! variables, `:=` needs a variable on its left, `@`/`#` need a variable,
//! numbers and `true`/`false`/`null` cannot be path steps, focus bindings
//! cannot follow predicates or sorts, only one group-by per step, signatures,
//! regular expressions JavaScript compiles, and an unresolvable `%`), each
//! with JSONata's error code.
//!
//! Whether `/` starts a regular expression follows JSONata's lexer exactly:
//! it does after an infix operator, `(` of a call, `,`, `:`, `;`, `..`, and
//! also after `[]`, an order-by's `)`, a lambda's `}` and a transform's
//! closing `|`; it does not right after the first token of an operand, even a
//! prefix one, so `(/a/)` and `[/a/]` are rejected as JSONata rejects them.
//!
//! A `;` sequence is only allowed inside parentheses, as in JSONata 2.0.6:
//! `($x := 5; $x + 1)`, never `$x := 5; $x + 1`.
//!
//! Nesting (brackets, blocks, calls, lambdas, predicates, unary minus,
//! conditionals, bindings, …) is limited to [`MAX_NESTING`] levels, so deep
//! input yields a [`ParseError`] instead of a stack overflow.

mod operators;

use std::mem;

use super::ast::{BinaryOp, Item, Kind, Node};
use super::error::ParseError;
use super::lexer::{Lexer, Token, TokenKind};
use super::parent;
use operators::Pending;

/// Deepest nesting accepted (AWS's measured expression nesting limit).
pub const MAX_NESTING: usize = 100;

/// Hard cap on parser recursion, a second guard behind [`MAX_NESTING`]:
/// plain infix operators do not recurse and every other recursive call is
/// one nesting level, so this is never reached in practice.
const MAX_RECURSION: usize = MAX_NESTING + 8;

/// Message for input nested deeper than the limits.
const TOO_DEEP: &str = "expression nests too deeply";

/// Parses a JSONata expression and applies every check JSONata 2.0.6 makes
/// while parsing.
///
/// ```
/// use stepfn::syntax::jsonata::{parse, Kind};
/// assert!(matches!(parse("$sum(items.price)")?.kind, Kind::Chain { .. }));
/// let e = parse("a ?? b").unwrap_err();
/// assert_eq!((e.code, e.offset), ("S0211", 3));
/// # Ok::<(), stepfn::syntax::jsonata::ParseError>(())
/// ```
///
/// # Errors
///
/// A [`ParseError`] with JSONata's code, the byte offset and a message.
pub fn parse(src: &str) -> Result<Node, ParseError> {
    let tree = parse_tree(src)?;
    if let Some(offset) = parent::unresolved(&tree) {
        return Err(ParseError::new(
            "S0217",
            offset,
            "the parent operator `%` has no earlier path step to refer to here",
        ));
    }
    Ok(tree)
}

/// Parses `src` into a tree, with every check except the `%` one.
pub(crate) fn parse_tree(src: &str) -> Result<Node, ParseError> {
    let mut parser = Parser::new(src)?;
    let tree = parser.expression(0)?;
    if parser.tok.kind == TokenKind::End {
        // rules JSONata checks once the whole expression has parsed
        if let Some(e) = parser.deferred.take() {
            return Err(e);
        }
    } else {
        let hint = if parser.is_op(";") {
            "; a sequence `a; b` must be inside parentheses: `(a; b)`"
        } else {
            ""
        };
        return Err(ParseError::new(
            "S0201",
            parser.tok.start,
            format!(
                "unexpected {} after a complete expression{hint}",
                parser.describe(&parser.tok)
            ),
        ));
    }
    Ok(tree)
}

/// Binding power of a token used as an infix/postfix operator (0: not one).
fn lbp(kind: &TokenKind) -> u8 {
    match kind {
        TokenKind::Op(op) => match *op {
            "[" | "(" | "@" | "#" => 80,
            "." => 75,
            "{" => 70,
            "*" | "/" | "%" => 60,
            "+" | "-" | "&" => 50,
            "=" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "~>" | "^" => 40,
            "and" => 30,
            "or" => 25,
            "?" => 20,
            ":=" => 10,
            _ => 0,
        },
        _ => 0,
    }
}

/// What the current step of a chain has had applied since it began; used for
/// JSONata errors S0215/S0216 (`@` after a predicate or a sort).
#[derive(Default, Clone, Copy)]
struct Segment {
    /// A non-empty predicate `[…]` was applied.
    predicate: bool,
    /// The step is an order-by `^(…)`.
    sort: bool,
}

/// Parser state: the lexer, one token of lookahead and the depth counters.
struct Parser<'a> {
    /// The expression text.
    src: &'a str,
    /// Token source.
    lexer: Lexer<'a>,
    /// Current (not yet consumed) token.
    tok: Token,
    /// Span of the last consumed token, for messages.
    prev: Option<(usize, usize)>,
    /// Current nesting depth.
    nesting: usize,
    /// Current recursion depth of [`Parser::expression`].
    recursion: usize,
    /// The first error of a rule JSONata checks after parsing (S0209,
    /// S0210, S0213, S0215, S0216): reported only if the whole expression
    /// parses, as a syntax error found later takes precedence.
    deferred: Option<ParseError>,
}

impl<'a> Parser<'a> {
    /// Creates a parser and reads the first token (an operand is expected).
    fn new(src: &'a str) -> Result<Self, ParseError> {
        let mut lexer = Lexer::new(src);
        let tok = lexer.next_token(true)?;
        Ok(Parser {
            src,
            lexer,
            tok,
            prev: None,
            nesting: 0,
            recursion: 0,
            deferred: None,
        })
    }

    /// Records an error of a rule JSONata checks after parsing.
    fn defer(&mut self, e: ParseError) {
        if self.deferred.is_none() {
            self.deferred = Some(e);
        }
    }

    /// Whether the current token is the operator `op`.
    fn is_op(&self, op: &str) -> bool {
        matches!(self.tok.kind, TokenKind::Op(o) if o == op)
    }

    /// Consumes the current token and reads the next one, which is lexed as an
    /// operand (regex allowed) when `operand_next` is true.
    fn bump(&mut self, operand_next: bool) -> Result<Token, ParseError> {
        let next = self.lexer.next_token(operand_next)?;
        let tok = mem::replace(&mut self.tok, next);
        self.prev = Some((tok.start, tok.end));
        Ok(tok)
    }

    /// Consumes the operator `op` or fails (S0202, or S0203 at the end).
    fn expect(&mut self, op: &str, operand_next: bool) -> Result<(), ParseError> {
        if self.is_op(op) {
            self.bump(operand_next)?;
            return Ok(());
        }
        Err(if self.tok.kind == TokenKind::End {
            ParseError::new(
                "S0203",
                self.tok.start,
                format!("expected `{op}` before the end of the expression"),
            )
        } else {
            ParseError::new(
                "S0202",
                self.tok.start,
                format!("expected `{op}` but found {}", self.describe(&self.tok)),
            )
        })
    }

    /// A short quotation of a token for messages.
    fn describe(&self, tok: &Token) -> String {
        if tok.kind == TokenKind::End {
            return "the end of the expression".to_string();
        }
        quote(self.src.get(tok.start..tok.end).unwrap_or(""))
    }

    /// Runs `f` one nesting level deeper.
    fn nested<T>(
        &mut self,
        offset: usize,
        f: impl FnOnce(&mut Self) -> Result<T, ParseError>,
    ) -> Result<T, ParseError> {
        if self.nesting >= MAX_NESTING {
            return Err(ParseError::new("U1001", offset, TOO_DEEP));
        }
        self.nesting += 1;
        let result = f(self);
        self.nesting -= 1;
        result
    }

    /// Parses an expression whose operators all bind tighter than `rbp`.
    fn expression(&mut self, rbp: u8) -> Result<Node, ParseError> {
        if self.recursion >= MAX_RECURSION {
            return Err(ParseError::new("U1001", self.tok.start, TOO_DEEP));
        }
        self.recursion += 1;
        let result = self.expression_body(rbp);
        self.recursion -= 1;
        result
    }

    /// The Pratt loop. Plain infix operators and path steps, whose right
    /// operand is simply `expression(lbp)`, are handled with an explicit
    /// stack instead of recursion, so that the call depth grows only with
    /// real nesting (which [`MAX_NESTING`] limits).
    fn expression_body(&mut self, rbp: u8) -> Result<Node, ParseError> {
        let mut current = Pending::new(rbp, self.nud()?);
        let mut waiting: Vec<(Pending, &'static str, usize)> = Vec::new();
        loop {
            let power = lbp(&self.tok.kind);
            if current.rbp < power {
                let tok = self.bump(true)?;
                let TokenKind::Op(op) = tok.kind else {
                    return Err(ParseError::new("S0201", tok.start, "unexpected token"));
                };
                if is_plain_infix(op) {
                    let rhs = Pending::new(power, self.nud()?);
                    waiting.push((mem::replace(&mut current, rhs), op, tok.start));
                } else {
                    self.led(op, tok.start, &mut current)?;
                }
                continue;
            }
            let node = current.finish();
            let Some((mut outer, op, at)) = waiting.pop() else {
                return Ok(node);
            };
            if let Some(e) = outer.push_infix(op, at, node)? {
                self.defer(e);
            }
            current = outer;
        }
    }

    /// Parses an operand starting at the current token.
    fn nud(&mut self) -> Result<Node, ParseError> {
        let offset = self.tok.start;
        let kind = match &self.tok.kind {
            TokenKind::Name(_)
            | TokenKind::Variable(_)
            | TokenKind::Str(_)
            | TokenKind::Number(_)
            | TokenKind::Bool(_)
            | TokenKind::Null
            | TokenKind::Regex(_)
            | TokenKind::Op("and" | "or" | "in" | "*" | "**" | "%") => {
                let tok = self.bump(false)?;
                return Ok(Node {
                    offset,
                    kind: operand_kind(tok.kind),
                });
            }
            TokenKind::Op("-") => {
                self.bump(false)?;
                Kind::Negate(Box::new(self.nested(offset, |p| p.expression(70))?))
            }
            TokenKind::Op("(") => {
                self.bump(false)?;
                self.nested(offset, Self::block)?
            }
            TokenKind::Op("[") => {
                self.bump(false)?;
                self.nested(offset, Self::array)?
            }
            TokenKind::Op("{") => {
                self.bump(false)?;
                Kind::Object(self.nested(offset, Self::object_body)?)
            }
            TokenKind::Op("|") => {
                self.bump(false)?;
                self.nested(offset, Self::transform)?
            }
            TokenKind::End => {
                // JSONata lets the end stand in for the missing operand, so a
                // missing closing bracket (S0203) is what gets reported first
                let missing = match self.prev {
                    None => ParseError::new("S0207", offset, "empty expression"),
                    Some((start, end)) => ParseError::new(
                        "S0207",
                        offset,
                        format!(
                            "expected an expression after {}",
                            quote(self.src.get(start..end).unwrap_or(""))
                        ),
                    ),
                };
                self.defer(missing);
                Kind::Null
            }
            TokenKind::Op(_) => {
                // JSONata reads the next token first: its lexical error wins
                let tok = self.bump(false)?;
                return Err(ParseError::new(
                    "S0211",
                    offset,
                    format!("expected an expression but found {}", self.describe(&tok)),
                ));
            }
        };
        Ok(Node { offset, kind })
    }

    /// `( expr ; expr ; … )` after the `(`.
    fn block(&mut self) -> Result<Kind, ParseError> {
        let mut items = Vec::new();
        while !self.is_op(")") {
            items.push(self.expression(0)?);
            if !self.is_op(";") {
                break;
            }
            self.bump(true)?;
        }
        self.expect(")", false)?;
        Ok(Kind::Block(items))
    }

    /// `[ item, low..high, … ]` after the `[`.
    fn array(&mut self) -> Result<Kind, ParseError> {
        let mut items = Vec::new();
        if !self.is_op("]") {
            loop {
                let item = self.expression(0)?;
                if self.is_op("..") {
                    let offset = self.bump(true)?.start;
                    let high = self.expression(0)?;
                    items.push(Item::Range {
                        low: item,
                        high,
                        offset,
                    });
                } else {
                    items.push(Item::Single(item));
                }
                if !self.is_op(",") {
                    break;
                }
                self.bump(true)?;
            }
        }
        self.expect("]", false)?;
        Ok(Kind::Array(items))
    }

    /// `{ key: value, … }` after the `{` (object constructor or group-by).
    fn object_body(&mut self) -> Result<Vec<(Node, Node)>, ParseError> {
        let mut pairs = Vec::new();
        if !self.is_op("}") {
            loop {
                let key = self.expression(0)?;
                self.expect(":", true)?;
                let value = self.expression(0)?;
                pairs.push((key, value));
                if !self.is_op(",") {
                    break;
                }
                self.bump(true)?;
            }
        }
        self.expect("}", false)?;
        Ok(pairs)
    }

    /// `| pattern | update [, delete] |` after the first `|`.
    fn transform(&mut self) -> Result<Kind, ParseError> {
        let pattern = Box::new(self.expression(0)?);
        self.expect("|", true)?;
        let update = Box::new(self.expression(0)?);
        let delete = if self.is_op(",") {
            self.bump(true)?;
            Some(Box::new(self.expression(0)?))
        } else {
            None
        };
        self.expect("|", true)?;
        Ok(Kind::Transform {
            pattern,
            update,
            delete,
        })
    }
}

/// Operators whose right operand is just `expression(lbp)`: arithmetic,
/// comparison, boolean, `&`, `in`, `~>` and the path step `.`.
fn is_plain_infix(op: &str) -> bool {
    op == "." || BinaryOp::from_symbol(op).is_some()
}

/// The node kind for a token that is a complete operand on its own.
fn operand_kind(kind: TokenKind) -> Kind {
    match kind {
        TokenKind::Name(name) => Kind::Name(name),
        TokenKind::Variable(name) => Kind::Variable(name),
        TokenKind::Str(value) => Kind::Str(value),
        TokenKind::Number(value) => Kind::Number(value),
        TokenKind::Bool(value) => Kind::Bool(value),
        TokenKind::Null => Kind::Null,
        TokenKind::Regex(literal) => Kind::Regex(Box::new(literal)),
        TokenKind::Op("*") => Kind::Wildcard,
        TokenKind::Op("**") => Kind::Descendant,
        TokenKind::Op("%") => Kind::Parent,
        TokenKind::Op(op) => Kind::Name(op.to_string()),
        TokenKind::End => Kind::Name(String::new()),
    }
}

/// Back-quotes `text` for a message, shortened to at most 24 characters.
fn quote(text: &str) -> String {
    let mut chars = text.chars();
    let short: String = chars.by_ref().take(24).collect();
    if chars.next().is_some() {
        format!("`{short}…`")
    } else {
        format!("`{short}`")
    }
}

#[cfg(test)]
mod tests;
