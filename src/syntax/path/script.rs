//! Script indexes `[(…)]`: arithmetic over `@` paths and numbers, such as
//! `[(@.length-1)]`.
//!
//! ```text
//! arith  := factor (op factor)*          op: + - * / %  (* / % first)
//! factor := ('+' | '-')* ( '(' arith ')' | '@' step* | number )
//! ```

use super::ast::{ArithOp, Arithmetic};
use super::parse::{Ctx, Parser};
use crate::syntax::SyntaxError;

impl Parser<'_> {
    /// Reads a script index `(…)`; the `(` is next.
    pub(super) fn script(&mut self, depth: usize) -> Result<Arithmetic, SyntaxError> {
        self.check_depth(depth)?;
        let open = self.pos;
        self.bump();
        let expression = self.arith(depth)?;
        self.close_script(open)?;
        Ok(expression)
    }

    /// Requires the `)` of a script expression.
    fn close_script(&mut self, open: usize) -> Result<(), SyntaxError> {
        self.skip_blanks();
        match self.peek() {
            Some(')') => {
                self.bump();
                Ok(())
            }
            None => Err(SyntaxError::new(
                open,
                "unclosed `(` in the script expression: add the matching `)`",
            )),
            Some(c) => Err(SyntaxError::new(
                self.pos,
                format!(
                    "unexpected `{c}` in the script expression: expected `+`, `-`, `*`, `/`, \
                     `%` or `)`"
                ),
            )),
        }
    }

    /// Reads an arithmetic expression: a sum of products.
    fn arith(&mut self, depth: usize) -> Result<Arithmetic, SyntaxError> {
        let mut terms = Operation::new(self.factor(depth)?);
        let mut factors: Option<Operation> = None;
        loop {
            self.skip_blanks();
            let Some(op) = self.peek().and_then(ArithOp::from_char) else {
                break;
            };
            self.bump();
            let next = self.factor(depth)?;
            if op.is_additive() {
                if let Some(product) = factors.take() {
                    terms.replace_last(product.finish());
                }
                terms.push(op, next);
            } else {
                let product = match factors.take() {
                    Some(product) => product,
                    None => Operation::new(terms.take_last()),
                };
                factors = Some(product.with(op, next));
            }
        }
        if let Some(product) = factors {
            terms.replace_last(product.finish());
        }
        Ok(terms.finish())
    }

    /// Reads signs, then a group, an `@` path or a number.
    fn factor(&mut self, depth: usize) -> Result<Arithmetic, SyntaxError> {
        let mut negative = false;
        loop {
            self.skip_blanks();
            match self.peek() {
                Some('-') => negative = !negative,
                Some('+') => {}
                _ => break,
            }
            self.bump();
        }
        let value = match self.peek() {
            Some('(') => {
                self.check_depth(depth + 1)?;
                let open = self.pos;
                self.bump();
                let inner = self.arith(depth + 1)?;
                self.close_script(open)?;
                inner
            }
            Some('@') => {
                self.bump();
                Arithmetic::Current(self.steps(Ctx::Script, depth)?)
            }
            Some(c) if c.is_ascii_digit() => Arithmetic::Number(self.number()?.value),
            _ => {
                return Err(SyntaxError::new(
                    self.pos,
                    "expected `@`, a number or `(` in the script expression, e.g. \
                     `[(@.length-1)]`",
                ))
            }
        };
        Ok(if negative {
            Arithmetic::Negate(Box::new(value))
        } else {
            value
        })
    }
}

/// An operation list being built: the first operand and the others with
/// their operators.
struct Operation {
    /// The first operand.
    first: Arithmetic,
    /// Each further operand with the operator before it.
    rest: Vec<(ArithOp, Arithmetic)>,
}

impl Operation {
    /// A list holding only `first`.
    fn new(first: Arithmetic) -> Operation {
        Operation {
            first,
            rest: Vec::new(),
        }
    }

    /// The list with `op operand` appended.
    fn with(mut self, op: ArithOp, operand: Arithmetic) -> Operation {
        self.rest.push((op, operand));
        self
    }

    /// Appends `op operand`.
    fn push(&mut self, op: ArithOp, operand: Arithmetic) {
        self.rest.push((op, operand));
    }

    /// Takes the last operand out, leaving a placeholder to be replaced.
    fn take_last(&mut self) -> Arithmetic {
        let last = match self.rest.last_mut() {
            Some((_, operand)) => operand,
            None => &mut self.first,
        };
        std::mem::replace(last, Arithmetic::Current(Vec::new()))
    }

    /// Replaces the last operand.
    fn replace_last(&mut self, operand: Arithmetic) {
        match self.rest.last_mut() {
            Some((_, last)) => *last = operand,
            None => self.first = operand,
        }
    }

    /// The single operand, or the operation.
    fn finish(self) -> Arithmetic {
        if self.rest.is_empty() {
            self.first
        } else {
            Arithmetic::Operation {
                first: Box::new(self.first),
                rest: self.rest,
            }
        }
    }
}
