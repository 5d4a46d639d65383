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

use std::mem;

use super::ast::{Arg, BinaryOp, Item, Kind, Node, Op, OpKind, SortTerm};
use super::error::ParseError;
use super::lexer::{Lexer, Token, TokenKind};
use super::parent;
use super::signature::{self, Signature};

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

    /// Applies the postfix/infix operator `op` at `at` (already consumed) to
    /// the expression being built. Plain infix operators and `.` are handled
    /// by [`Parser::expression_body`].
    fn led(
        &mut self,
        op: &'static str,
        at: usize,
        current: &mut Pending,
    ) -> Result<(), ParseError> {
        let new_op = match op {
            "[" => self.led_filter(at, current)?,
            "{" => {
                if matches!(
                    current.ops.last(),
                    Some(Op {
                        kind: OpKind::Group(_),
                        ..
                    })
                ) {
                    self.defer(ParseError::new(
                        "S0210",
                        at,
                        "a step can have only one group-by `{…}`",
                    ));
                }
                OpKind::Group(self.nested(at, Self::object_body)?)
            }
            "(" => {
                let args = self.nested(at, Self::call_args)?;
                if current.is_lambda_keyword() {
                    let kind = self.lambda_rest(args)?;
                    current.head.kind = kind;
                    current.path = false;
                    return Ok(());
                }
                current.segment = Segment::default();
                OpKind::Call(args)
            }
            "@" | "#" => self.led_binding(op, at, current)?,
            "^" => {
                self.expect("(", true)?;
                let terms = self.nested(at, Self::sort_terms)?;
                current.segment = Segment {
                    predicate: false,
                    sort: true,
                };
                OpKind::Sort(terms)
            }
            "?" => self.nested(at, Self::condition)?,
            ":=" => {
                if !current.ops.is_empty() || current.head.as_variable().is_none() {
                    return Err(ParseError::new(
                        "S0212",
                        current.head.offset,
                        "the left side of `:=` must be a variable such as `$x`",
                    ));
                }
                OpKind::Bind(self.nested(at, |p| p.expression(9))?)
            }
            _ => return Err(ParseError::new("S0201", at, format!("unexpected `{op}`"))),
        };
        current.push(at, new_op);
        Ok(())
    }

    /// `[…]` or `[]` after the `[`.
    fn led_filter(&mut self, at: usize, current: &mut Pending) -> Result<OpKind, ParseError> {
        if self.is_op("]") {
            self.bump(true)?;
            return Ok(OpKind::KeepArray);
        }
        if matches!(
            current.ops.last(),
            Some(Op {
                kind: OpKind::Group(_),
                ..
            })
        ) && !current.path
        {
            self.defer(ParseError::new(
                "S0209",
                at,
                "a predicate `[…]` cannot follow a group-by `{…}` here",
            ));
        }
        let predicate = self.nested(at, |p| {
            let e = p.expression(0)?;
            p.expect("]", false)?;
            Ok(e)
        })?;
        current.segment.predicate = true;
        Ok(OpKind::Filter(predicate))
    }

    /// `@$var` or `#$var` after the operator. JSONata parses the operand at
    /// binding power 80, where nothing but a single operand fits, and then
    /// requires a variable; so anything but a variable token is an error.
    fn led_binding(
        &mut self,
        op: &'static str,
        at: usize,
        current: &Pending,
    ) -> Result<OpKind, ParseError> {
        let operand = self.nested(at, |p| p.expression(80))?;
        let Kind::Variable(name) = operand.kind else {
            return Err(ParseError::new(
                "S0214",
                operand.offset,
                format!("`{op}` must be followed by a variable such as `$x`"),
            ));
        };
        if op == "#" {
            return Ok(OpKind::Index(name));
        }
        if current.segment.predicate {
            self.defer(ParseError::new(
                "S0215",
                at,
                "a focus variable binding `@` cannot follow a predicate `[…]`",
            ));
        } else if current.segment.sort {
            self.defer(ParseError::new(
                "S0216",
                at,
                "a focus variable binding `@` cannot follow an order-by `^(…)`",
            ));
        }
        Ok(OpKind::Focus(name))
    }

    /// `then [: else]` after the `?`.
    fn condition(&mut self) -> Result<OpKind, ParseError> {
        let then = Box::new(self.expression(0)?);
        let otherwise = if self.is_op(":") {
            self.bump(true)?;
            Some(Box::new(self.expression(0)?))
        } else {
            None
        };
        Ok(OpKind::Condition(then, otherwise))
    }

    /// Arguments of a call after the `(`, through the closing `)`.
    fn call_args(&mut self) -> Result<Vec<Arg>, ParseError> {
        let mut args = Vec::new();
        if !self.is_op(")") {
            loop {
                if self.is_op("?") {
                    let tok = self.bump(true)?;
                    args.push(Arg::Placeholder(tok.start));
                } else {
                    args.push(Arg::Expr(self.expression(0)?));
                }
                if !self.is_op(",") {
                    break;
                }
                self.bump(true)?;
            }
        }
        self.expect(")", false)?;
        Ok(args)
    }

    /// Order-by terms after `^(`, through the closing `)`.
    fn sort_terms(&mut self) -> Result<Vec<SortTerm>, ParseError> {
        let mut terms = Vec::new();
        loop {
            let mut descending = false;
            if self.is_op("<") {
                self.bump(true)?;
            } else if self.is_op(">") {
                self.bump(true)?;
                descending = true;
            }
            terms.push(SortTerm {
                descending,
                expr: self.expression(0)?,
            });
            if !self.is_op(",") {
                break;
            }
            self.bump(true)?;
        }
        self.expect(")", true)?;
        Ok(terms)
    }

    /// The rest of a lambda after its parameter list: optional signature and body.
    fn lambda_rest(&mut self, args: Vec<Arg>) -> Result<Kind, ParseError> {
        let mut params = Vec::with_capacity(args.len());
        for (index, arg) in args.into_iter().enumerate() {
            let offset = match arg {
                Arg::Expr(node) => match node.kind {
                    Kind::Variable(name) => {
                        params.push(name);
                        continue;
                    }
                    _ => node.offset,
                },
                Arg::Placeholder(offset) => offset,
            };
            return Err(ParseError::new(
                "S0208",
                offset,
                format!(
                    "parameter {} of a function definition must be a variable such as `$x`",
                    index + 1
                ),
            ));
        }
        let signature = if self.is_op("<") {
            Some(Box::new(self.signature()?))
        } else {
            None
        };
        let open = self.tok.start;
        self.expect("{", true)?;
        let body = self.nested(open, |p| {
            let body = p.expression(0)?;
            p.expect("}", true)?;
            Ok(body)
        })?;
        Ok(Kind::Lambda {
            params,
            signature,
            body: Box::new(body),
        })
    }

    /// A signature `<…>` at the current token, checked like JSONata does.
    fn signature(&mut self) -> Result<Signature, ParseError> {
        let start = self.tok.start;
        let mut text = String::from("<");
        let mut depth = 1usize;
        while depth > 0 && !self.is_op("{") && self.tok.kind != TokenKind::End {
            self.bump(true)?;
            match self.tok.kind {
                TokenKind::Op(">") => depth -= 1,
                TokenKind::Op("<") => depth += 1,
                _ => {}
            }
            text.push_str(&self.token_value(&self.tok));
        }
        self.expect(">", true)?;
        signature::parse(&text).map_err(|(_, code, message)| ParseError::new(code, start, message))
    }

    /// The text JSONata uses for a token inside a signature.
    fn token_value(&self, tok: &Token) -> String {
        match &tok.kind {
            TokenKind::Name(s) | TokenKind::Variable(s) | TokenKind::Str(s) => s.clone(),
            TokenKind::Op(op) => (*op).to_string(),
            TokenKind::End => String::new(),
            _ => self.src.get(tok.start..tok.end).unwrap_or("").to_string(),
        }
    }
}

/// An expression under construction: an operand and the operations applied
/// to it so far, parsed with right binding power `rbp`.
struct Pending {
    /// Operators must bind tighter than this to extend the expression.
    rbp: u8,
    /// The first operand.
    head: Node,
    /// Operations applied to it so far.
    ops: Vec<Op>,
    /// State of the current path step (for `@` checks).
    segment: Segment,
    /// Every operation so far keeps the head a single path step (predicates,
    /// `[]`, group-by, order-by, `@`/`#` bindings).
    same_step: bool,
    /// JSONata sees the value so far as a location path (a name, or a step,
    /// order-by or index binding was applied).
    path: bool,
}

impl Pending {
    /// Starts an expression at `head`.
    fn new(rbp: u8, head: Node) -> Self {
        let path = matches!(head.kind, Kind::Name(_));
        Pending {
            rbp,
            head,
            ops: Vec::new(),
            segment: Segment::default(),
            same_step: true,
            path,
        }
    }

    /// Appends an operation at byte `offset`, keeping the summary flags up to date.
    fn push(&mut self, offset: usize, kind: OpKind) {
        self.same_step &= matches!(
            kind,
            OpKind::Filter(_)
                | OpKind::KeepArray
                | OpKind::Group(_)
                | OpKind::Sort(_)
                | OpKind::Focus(_)
                | OpKind::Index(_)
        );
        self.path |= matches!(kind, OpKind::Step(_) | OpKind::Sort(_) | OpKind::Index(_));
        self.ops.push(Op { offset, kind });
    }

    /// Whether the expression so far is just the name `function` or `λ`.
    fn is_lambda_keyword(&self) -> bool {
        self.ops.is_empty()
            && matches!(&self.head.kind, Kind::Name(n) if n == "function" || n == "λ")
    }

    /// Appends a finished right operand of the plain infix operator `op` at
    /// `at`. A number or `true`/`false`/`null` as a path step is returned
    /// as an error to report once the whole expression has parsed.
    fn push_infix(
        &mut self,
        op: &'static str,
        at: usize,
        rhs: Node,
    ) -> Result<Option<ParseError>, ParseError> {
        let mut deferred = None;
        if op == "." {
            if self.same_step && self.head.is_literal_step() {
                deferred = Some(literal_step_error(self.head.offset));
            } else if rhs.is_literal_step() {
                deferred = Some(literal_step_error(rhs.offset));
            }
            self.segment = Segment::default();
            self.push(at, OpKind::Step(rhs));
        } else {
            let Some(binary) = BinaryOp::from_symbol(op) else {
                return Err(ParseError::new("S0201", at, format!("unexpected `{op}`")));
            };
            self.push(at, OpKind::Binary(binary, rhs));
        }
        Ok(deferred)
    }

    /// The finished node.
    fn finish(self) -> Node {
        if self.ops.is_empty() {
            return self.head;
        }
        Node {
            offset: self.head.offset,
            kind: Kind::Chain {
                head: Box::new(self.head),
                ops: self.ops,
            },
        }
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

/// The S0213 error: a number or `true`/`false`/`null` used as a path step.
fn literal_step_error(offset: usize) -> ParseError {
    ParseError::new(
        "S0213",
        offset,
        "a number, `true`, `false` or `null` cannot be a path step",
    )
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
mod tests {
    use super::super::ast::RegexLiteral;
    use super::*;

    fn ok(src: &str) -> Node {
        match parse(src) {
            Ok(node) => node,
            Err(e) => panic!("{src:?} was rejected: {e}"),
        }
    }

    fn err(src: &str) -> ParseError {
        match parse(src) {
            Ok(node) => panic!("{src:?} was accepted: {node:?}"),
            Err(e) => e,
        }
    }

    fn err_at(src: &str, offset: usize, message: &str) {
        let e = err(src);
        assert_eq!(
            (e.offset, e.message.as_str()),
            (offset, message),
            "for {src:?}"
        );
    }

    #[test]
    fn accepts_literals_and_paths() {
        for src in [
            "1",
            "1.5",
            "1e3",
            "1.5E-3",
            "0.5e+10",
            "-1",
            "\"s\"",
            "'s'",
            "true",
            "false",
            "null",
            "/ab+c/i",
            "/x/m",
            "/[/]/",
            "a",
            "a.b.c",
            "`a b`.`c`",
            "$",
            "$$",
            "$x",
            "$.a",
            "$$.a",
            "*",
            "a.*",
            "**.a",
            "a.**",
            "a.%",
            "a.b.%.c",
            "a.\"b\"",
            "\"a\".b",
            "and",
            "or.in.and",
            "a.and",
            "and and or or in in in",
            "a[0]",
            "a[-1]",
            "a[]",
            "a[][0]",
            "a[x > 1][0]",
            "a.b[0].c",
            "a{b: c}",
            "a.b{c: d}",
            "a^(b)",
            "a^(<b, >c)",
            "a^(b).c",
            "a@$x.b@$y[$x.id = $y.id]",
            "a#$i[$i < 2]",
            "a#$i@$x",
            "a[0]#$i",
            "a{'k': $}[]",
            "function",
            "λ",
        ] {
            ok(src);
        }
    }

    #[test]
    fn accepts_operators() {
        for src in [
            "1 + 2 * 3 - 4 / 5 % 6",
            "a & b & 'c'",
            "a = b and c != d or e < f and g <= h or i > j and k >= l",
            "'a' in ['a', 'b']",
            "a ? b : c",
            "a ? b",
            "a ? b : c ? d : e",
            "a ~> $f ~> $g(1)",
            "$x := 5",
            "$x := $y := 5",
            "($x := 5; $x + 1)",
            "(a; b;)",
            "()",
            "-a",
            "--1",
            "- -a",
            "-(1)",
            "1 - -1",
            "a * -b",
            "* / 2",
            "a / b",
            "a/2/3",
            "$match(a, /x/)",
            "$split(a, /,/)",
            "[1, /b/]",
            "a[/x/]",
            "{'k': /x/}",
            "a ~> /x/",
            "($x := /a/)",
            "/a/ ~> $match(?, /b/)",
            "a ? /x/ : /y/",
            "1 + /* comment */ 2",
            "/* lead */ a /* trail */",
            "a\n.\nb",
            "a\t+\r\nb",
        ] {
            ok(src);
        }
    }

    #[test]
    fn accepts_constructors_calls_and_lambdas() {
        for src in [
            "[]",
            "[1, 2, 3]",
            "[1..5]",
            "[1..5, 7, 9..$n]",
            "[[1], [2, [3]]]",
            "{}",
            "{\"a\": 1, 'b': [2], c: {d: e}}",
            "{a ? 'x' : 'y': 1}",
            "$f()",
            "$f(1, 2, 3)",
            "$f(?, 2)",
            "$f(?, ?)",
            "$f(1)(2)(3)",
            "a.$f(b)",
            "$string(1).$length()",
            "function($x){ $x + 1 }",
            "function($x, $y){ $x + $y }(1, 2)",
            "λ($x){ $x }",
            "function(){ 1 }",
            "function($x)<n:n>{ $x }",
            "function($a, $b)<n-n:n>{ $a }",
            "function($a)<a<n>:a<n>>{ $a }",
            "function($f)<f<n:n>:n>{ $f(1) }",
            "function($s)<s?:s>{ $s }",
            "function($x)<(sn):x>{ $x }",
            "$map(xs, function($v, $i){ $v * $i })",
            "$reduce(xs, function($a, $b){ $a + $b }, 0)",
            "| a | {'b': 1} |",
            "| a.b | {'c': 2}, ['d', 'e'] |",
            "$ ~> | a | {'b': 1} |",
            "a.{'x': b}",
            "a.[b, c]",
            "a.(b + c)",
            "(a).b",
            "[1, 2].$string()",
            "\"a\" & 'b'",
            "{'a': 1}.a",
            "$x[0]",
            "$x.y",
            "a.b.c.d.e.f.g",
        ] {
            ok(src);
        }
    }

    #[test]
    fn tree_shapes() {
        assert_eq!(
            ok("a.b"),
            Node {
                offset: 0,
                kind: Kind::Chain {
                    head: Box::new(Node {
                        offset: 0,
                        kind: Kind::Name("a".into())
                    }),
                    ops: vec![Op {
                        offset: 1,
                        kind: OpKind::Step(Node {
                            offset: 2,
                            kind: Kind::Name("b".into())
                        })
                    }],
                },
            }
        );
        // `.` binds tighter than `+`: the rhs of `+` is a chain of its own
        let Kind::Chain { ops, .. } = ok("a + b.c").kind else {
            panic!("chain expected");
        };
        assert_eq!(ops.len(), 1);
        assert!(
            matches!(&ops[0].kind, OpKind::Binary(BinaryOp::Add, n) if matches!(n.kind, Kind::Chain { .. }))
        );
        assert_eq!(ops[0].offset, 2);
        // lambda replaces the `function` name
        assert!(matches!(
            ok("function($x, $y){ 1 }").kind,
            Kind::Lambda { ref params, .. } if params == &["x".to_string(), "y".to_string()]
        ));
        // `:=` is right-associative
        let Kind::Chain { ops, .. } = ok("$a := $b := 1").kind else {
            panic!("chain expected");
        };
        assert!(
            matches!(&ops[..], [Op { kind: OpKind::Bind(n), .. }] if matches!(n.kind, Kind::Chain { .. }))
        );
        // literal values, regexes, signatures and sort directions are kept
        assert_eq!(
            ok("-1.5e3").kind,
            Kind::Negate(Box::new(Node {
                offset: 1,
                kind: Kind::Number(1500.0)
            }))
        );
        assert_eq!(ok("null").kind, Kind::Null);
        assert_eq!(ok("false").kind, Kind::Bool(false));
        assert!(matches!(
            ok("/a.b/i").kind,
            Kind::Regex(ref r) if **r == RegexLiteral { pattern: "a.b".into(), case_insensitive: true, multiline: false }
        ));
        let Kind::Lambda {
            signature: Some(sig),
            ..
        } = ok("function($a)<n-:n>{ $a }").kind
        else {
            panic!("lambda expected");
        };
        assert_eq!(sig.text, "<n-:n>");
        let Kind::Chain { ops, .. } = ok("a^(>b, c)").kind else {
            panic!("chain expected");
        };
        let OpKind::Sort(terms) = &ops[0].kind else {
            panic!("sort expected");
        };
        assert_eq!(
            terms.iter().map(|t| t.descending).collect::<Vec<_>>(),
            vec![true, false]
        );
        let Kind::Array(items) = ok("[1..3]").kind else {
            panic!("array expected");
        };
        assert!(matches!(items[0], Item::Range { offset: 2, .. }));
    }

    #[test]
    fn rejects_with_offsets() {
        err_at("420.", 4, "expected an expression after `.`");
        err_at("1 +", 3, "expected an expression after `+`");
        err_at("", 0, "empty expression");
        err_at("  /* only */ ", 13, "empty expression");
        err_at("(1", 2, "expected `)` before the end of the expression");
        err_at("(1]", 2, "expected `)` but found `]`");
        err_at("[1, 2", 5, "expected `]` before the end of the expression");
        err_at("{'a' 1}", 5, "expected `:` but found `1`");
        err_at(
            "{'a': 1",
            7,
            "expected `}` before the end of the expression",
        );
        err_at("1)", 1, "unexpected `)` after a complete expression");
        err_at("a b", 2, "unexpected `b` after a complete expression");
        err_at("10 + * 2", 7, "unexpected `2` after a complete expression");
        err_at(
            "$.store.book[?(@.price < 10)].title",
            13,
            "expected an expression but found `?`",
        );
        err_at(
            "$sum($states.input.items.numbers",
            32,
            "expected `)` before the end of the expression",
        );
        err_at("'abc", 0, "unterminated string literal");
        err_at("\"abc", 0, "unterminated string literal");
        err_at("a = = b", 4, "expected an expression but found `=`");
        err_at(")", 0, "expected an expression but found `)`");
        err_at("a ! b", 2, "unknown operator `!`");
        err_at("(;)", 1, "expected an expression but found `;`");
        err_at(
            "1; 2",
            1,
            "unexpected `;` after a complete expression; a sequence `a; b` must be inside parentheses: `(a; b)`",
        );
        err_at(
            "$x := 5; $x + 1",
            7,
            "unexpected `;` after a complete expression; a sequence `a; b` must be inside parentheses: `(a; b)`",
        );
        err_at("a ?: b", 3, "expected an expression but found `:`");
        err_at("a ?? b", 3, "expected an expression but found `?`");
        err_at("$match(a, /(/)", 10, "unterminated regular expression");
        err_at(
            "$match(a, /a**/)",
            13,
            "invalid regular expression /a**/: Nothing to repeat",
        );
        err_at("a ^ b", 4, "expected `(` but found `b`");
        err_at("| a |", 5, "expected `|` before the end of the expression");
        err_at(
            "| a | b",
            7,
            "expected `|` before the end of the expression",
        );
        // where JSONata's lexer reads `/` as division or as a regex
        err_at("(/a/)", 1, "expected an expression but found `/`");
        err_at("[/a/]", 1, "expected an expression but found `/`");
        err_at("-/a/", 1, "expected an expression but found `/`");
        err_at("{/a/: 1}", 1, "expected an expression but found `/`");
        err_at("a[] / 2", 4, "unterminated regular expression");
        err_at("a^(b) / 2", 6, "unterminated regular expression");
        err_at("function(){1} / 2", 14, "unterminated regular expression");
        err_at("|a|b| / 2", 6, "unterminated regular expression");
        err_at("a[]/2/", 3, "unexpected `/2/` after a complete expression");
    }

    #[test]
    fn error_codes_are_jsonata_codes() {
        for (src, code) in [
            ("\"abc", "S0101"),
            ("1e999", "S0102"),
            ("'\\q'", "S0103"),
            ("'\\u12'", "S0104"),
            ("`abc", "S0105"),
            ("/* open", "S0106"),
            ("1; 2", "S0201"),
            ("1)", "S0201"),
            ("(1]", "S0202"),
            ("(1", "S0203"),
            ("a ! b", "S0204"),
            ("", "S0207"),
            ("1 +", "S0207"),
            ("function(a){1}", "S0208"),
            ("$x{'a': 1}[0]", "S0209"),
            ("a{'a': 1}{'b': 2}", "S0210"),
            (")", "S0211"),
            ("a ?: b", "S0211"),
            ("a ?? b", "S0211"),
            ("a := 1", "S0212"),
            ("a.1", "S0213"),
            ("a@b", "S0214"),
            ("a@", "S0214"),
            ("a[0]@$x", "S0215"),
            ("a^(b)@$x", "S0216"),
            ("%.a", "S0217"),
            ("//", "S0301"),
            ("/ab", "S0302"),
            ("/a**/", "S0303"),
            ("λ($a)<n<n>>{$a}", "S0401"),
            ("λ($a)<(a<n>)>{$a}", "S0402"),
        ] {
            assert_eq!(err(src).code, code, "{src}");
        }
        assert_eq!(err(&"(".repeat(200)).code, "U1001");
        // a syntax error anywhere wins over a rule JSONata checks after parsing
        assert_eq!(err("$.7a").code, "S0201");
        assert_eq!(err("a.1 +").code, "S0213");
        assert_eq!(err("[1, a.").code, "S0203");
        assert_eq!(err("+\"").code, "S0101");
        assert_eq!(err("$n#([)])").code, "S0211");
        assert_eq!(err("a.1 + b.true").code, "S0213");
    }

    #[test]
    fn rejects_jsonata_parse_rules() {
        err_at(
            "function(a){ 1 }",
            9,
            "parameter 1 of a function definition must be a variable such as `$x`",
        );
        err_at(
            "function($a, ?){ 1 }",
            13,
            "parameter 2 of a function definition must be a variable such as `$x`",
        );
        err_at(
            "function($x)",
            12,
            "expected `{` before the end of the expression",
        );
        err_at("function($x){}", 13, "expected an expression but found `}`");
        err_at(
            "a := 1",
            0,
            "the left side of `:=` must be a variable such as `$x`",
        );
        err_at(
            "$a.b := 1",
            0,
            "the left side of `:=` must be a variable such as `$x`",
        );
        err_at("a@b", 2, "`@` must be followed by a variable such as `$x`");
        err_at(
            "a#($i)",
            2,
            "`#` must be followed by a variable such as `$x`",
        );
        err_at(
            "a.1",
            2,
            "a number, `true`, `false` or `null` cannot be a path step",
        );
        err_at(
            "1.a",
            0,
            "a number, `true`, `false` or `null` cannot be a path step",
        );
        err_at(
            "a.b.true",
            4,
            "a number, `true`, `false` or `null` cannot be a path step",
        );
        err_at(
            "null[0].a",
            0,
            "a number, `true`, `false` or `null` cannot be a path step",
        );
        err_at(
            "a.-1",
            2,
            "a number, `true`, `false` or `null` cannot be a path step",
        );
        err_at(
            "a[0]@$x",
            4,
            "a focus variable binding `@` cannot follow a predicate `[…]`",
        );
        err_at(
            "a.b[0]#$i@$x",
            9,
            "a focus variable binding `@` cannot follow a predicate `[…]`",
        );
        err_at(
            "a^(b)@$x",
            5,
            "a focus variable binding `@` cannot follow an order-by `^(…)`",
        );
        err_at(
            "a{'k': 1}{'j': 2}",
            9,
            "a step can have only one group-by `{…}`",
        );
        err_at(
            "function($x)<n<n>>{ $x }",
            12,
            "invalid function signature `<n<n>>`: a type parameter `<…>` can only follow `a` or `f`",
        );
        err_at("function($x)<n:n { $x }", 17, "expected `>` but found `{`");
        err_at(
            "%.a",
            0,
            "the parent operator `%` has no earlier path step to refer to here",
        );
        err_at(
            "1 + %",
            4,
            "the parent operator `%` has no earlier path step to refer to here",
        );
    }

    /// Expressions from the JSONata test suite (groups `errors`,
    /// `function-signatures`, `regex`, `blocks`, `transforms`).
    #[test]
    fn jsonata_test_suite_samples() {
        for src in [
            "\"s\" - 1",
            "1 + null",
            "- \"s\"",
            "unknown(function)",
            "sum(Account.Order.OrderID)",
            "2(blah)",
            "2()",
            "3(?)",
            "$foo()",
            "λ($arg)<b:b>{$not($arg)}(true)",
            "λ($arg)<x:b>{$not($arg)}(null)",
            "[1..5].function($x,$y)<n-n:n>{$x+$y}(2, 6)",
            "Account.Order.Product.Description.Colour.λ($str)<s->{$uppercase($str)}()",
            "λ($arr, $sep)<a<s>s?:s>{$join($arr, $sep)}([\"a\", \"b\"], \"-\")",
            "λ($arr, $sep)<as?:s>{$join($arr, $sep)}([\"a\", \"b\"], \"-\")",
            "λ($arr)<a<a<n>>>{$arr}([[1]])",
            "[1..5].λ($num)<(ns)-:n>{$number($num)}()",
            "($twice := function($f)<f<n:n>:f<n:n>>{function($x)<n:n>{$f($f($x))}};$add2 := function($x)<n:n>{$x+2};$add4 := $twice($add2);$add4(5))",
            "λ($arg1, $arg2)<nn+:a>{[$arg1, $arg2]}(1,3, 2,\"g\")",
            "Account.Order.Product[$contains($.\"Product Name\", /hat/i)].ProductID",
            "$replace(\"John Smith\", /(\\w+)\\s(\\w+)/, \"$2, $1\")",
            "$replace(\"temperature = 68F today\", /(-?\\d+(?:\\.\\d*)?)F\\b/, function($m) { ($number($m.groups[0]) - 32) * 5/9 & \"C\" })",
            "Account.Order.Product.$replace($.\"Product Name\", /(h)(at)/i, function($match) { $uppercase($match.match) })",
            "($a:=1; $b:=2; $c:=($a:=4; $a+$b); $a+$c)",
            "Account.Order.Product.($var1 := Price ; $var2:=Quantity; $var1 * $var2)",
            "(  $func := function($arg) {$arg.Account.Order[0]};  $func($).OrderID)",
            "$ ~> |Account.Order.Product|{\"Total\":Price*Quantity},[\"Description\", \"SKU\"]|",
            "$ ~> |(Account.Order.Product)[0]|{\"Description\":\"blah\"}|",
            "$ ~> |Account.Order.Product|{},\"Description\"|",
        ] {
            ok(src);
        }
        for (src, offset) in [
            ("\"no closing quote", 0),
            ("`no closing backtick", 0),
            ("[1,2)", 4),
            ("[1:2]", 2),
            ("$replace(\"foo\", \"o, \"rr\")", 21),
            ("[1!2]", 2),
            ("@ bar", 0),
            ("1=", 2),
            ("function(x){$x}(3)", 9),
            ("x:=1", 0),
            ("2:=1", 0),
            ("55=>5", 3),
            ("Ssum(:)", 5),
            ("[1,2,3]{\"num\": $}[true]", 17),
            ("[1,2,3]{\"num\": $}{\"num\": $}", 17),
            ("λ($arg)<n<n>>{$arg}(5)", 8),
            ("λ($arr)<(sa<n>)>>{$arr}([[1]])", 8),
        ] {
            assert_eq!(err(src).offset, offset, "{src}");
        }
    }

    #[test]
    fn permitted_where_jsonata_differs_only_in_error_detail() {
        // still accepted: JSONata accepts these too
        ok("a[0].b@$x");
        ok("(a[0])@$x");
        ok("a{'k': 1}.b");
        ok("(1).a");
        ok("a.(1)");
        ok("a.-b");
        ok("-true");
        ok("a.'b'");
        ok("a{'k': 1}[0]");
        ok("a.b{'k': 1}[0]");
        err_at(
            "$x{'k': 1}[0]",
            10,
            "a predicate `[…]` cannot follow a group-by `{…}` here",
        );
    }

    /// Ways to nest one level deeper, with what closes them.
    const OPENERS: [(&str, &str); 15] = [
        ("(", ")"),
        ("[", "]"),
        ("-", ""),
        ("{'a':", "}"),
        ("$f(", ")"),
        ("a[", "]"),
        ("a{'k':", "}"),
        ("a.(", ")"),
        ("$x := ", ""),
        ("a ? ", ""),
        ("a ? 1 : ", ""),
        ("function($x){", "}"),
        ("a^(", ")"),
        ("|a|", "|"),
        ("a@$v.b#$i.(", ")"),
    ];

    fn nested(open: &str, n: usize, close: &str) -> String {
        format!("{}1{}", open.repeat(n), close.repeat(n))
    }

    #[test]
    fn nesting_limit() {
        ok(&nested("(", MAX_NESTING, ")"));
        ok(&nested("[", MAX_NESTING, "]"));
        ok(&nested("-", MAX_NESTING, ""));
        err_at(&nested("(", MAX_NESTING + 1, ")"), MAX_NESTING, TOO_DEEP);
        err_at(&nested("[", MAX_NESTING + 1, "]"), MAX_NESTING, TOO_DEEP);
        err_at(&nested("-", MAX_NESTING + 1, ""), MAX_NESTING, TOO_DEEP);
        for (open, close) in OPENERS {
            let e = err(&nested(open, 100_000, close));
            assert_eq!(e.message, TOO_DEEP, "{open}");
        }
    }

    #[test]
    fn deepest_accepted_nesting_fits_one_mebibyte_of_stack() {
        let handle = std::thread::Builder::new()
            .stack_size(1 << 20)
            .spawn(|| {
                for (open, close) in OPENERS {
                    // the whole pipeline: parse, analysis and dropping the tree
                    let src = nested(open, MAX_NESTING - 1, close);
                    if let Err(e) = crate::validate::jsonata::check(&src) {
                        return Err(format!("{open}: {e}"));
                    }
                    let src = nested(open, MAX_NESTING + 1, close);
                    if crate::validate::jsonata::check(&src).is_ok() {
                        return Err(format!("{open}: too deep but accepted"));
                    }
                }
                Ok(())
            })
            .expect("spawn");
        assert_eq!(handle.join().expect("no stack overflow"), Ok(()));
    }

    #[test]
    fn long_flat_expressions() {
        let n = 200_000;
        let sum = vec!["a"; n].join(" + ");
        ok(&sum);
        let path = vec!["a"; n].join(".");
        ok(&path);
        let calls = format!("$f{}", "(1)".repeat(n));
        ok(&calls);
        let block = format!("({})", vec!["1"; n].join(";"));
        ok(&block);
    }
}
