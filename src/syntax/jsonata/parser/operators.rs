//! The postfix and infix operators of the JSONata parser (the "led" side
//! of a Pratt parser): predicates, calls, bindings, conditions, order-by,
//! lambdas and signatures, and [`Pending`], the expression they extend.

use super::super::ast::{Arg, BinaryOp, Kind, Node, Op, OpKind, SortTerm};
use super::super::error::ParseError;
use super::super::lexer::{Token, TokenKind};
use super::super::signature::{self, Signature};
use super::{Parser, Segment};

impl Parser<'_> {
    /// Applies the postfix/infix operator `op` at `at` (already consumed) to
    /// the expression being built. Plain infix operators and `.` are handled
    /// by [`Parser::expression_body`].
    pub(super) fn led(
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
pub(super) struct Pending {
    /// Operators must bind tighter than this to extend the expression.
    pub(super) rbp: u8,
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
    pub(super) fn new(rbp: u8, head: Node) -> Self {
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
        self.same_step &= kind.keeps_step();
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
    pub(super) fn push_infix(
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
    pub(super) fn finish(self) -> Node {
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

/// The S0213 error: a number or `true`/`false`/`null` used as a path step.
fn literal_step_error(offset: usize) -> ParseError {
    ParseError::new(
        "S0213",
        offset,
        "a number, `true`, `false` or `null` cannot be a path step",
    )
}
