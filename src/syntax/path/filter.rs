//! Filters `[?(…)]`: conditions over `@` paths and literal values.
//!
//! ```text
//! or-expr  := and-expr ('||' and-expr)*
//! and-expr := unary ('&&' unary)*
//! unary    := '!'* ( '(' or-expr ')' | value (cmp value)? )
//! cmp      := '==' | '!=' | '===' | '!==' | '<' | '<=' | '>' | '>='
//! value    := '@' step* | number | 'str' | "str" | true | false | null | word
//! ```
//!
//! A condition without a comparison must be an `@` path (an existence
//! test). AWS supports no functions (`length()`), regular expressions
//! (`=~`, `/…/`), word operators (`in`, `subsetof`, …) nor `$` references
//! inside filters; each gets its own message.

use super::ast::{Comparison, Filter, Operand};
use super::parse::{Ctx, Parser};
use crate::syntax::SyntaxError;

/// Word operators of Jayway filters that AWS does not support.
const WORD_OPERATORS: [&str; 9] = [
    "in", "nin", "subsetof", "anyof", "noneof", "size", "empty", "contains", "matches",
];

impl Parser<'_> {
    /// Reads `?(…)` of a filter; the `?` is next.
    pub(super) fn filter(&mut self, depth: usize) -> Result<Filter, SyntaxError> {
        self.check_depth(depth)?;
        let question = self.pos;
        self.bump();
        self.skip_blanks();
        if self.peek() != Some('(') {
            return Err(SyntaxError::new(
                question,
                "a filter must be written `[?(<condition>)]`, e.g. `[?(@.price < 10)]`",
            ));
        }
        let open = self.pos;
        self.bump();
        let condition = self.or_expr(depth)?;
        self.close_paren(open)?;
        Ok(condition)
    }

    /// Requires the `)` matching the `(` at `open`.
    fn close_paren(&mut self, open: usize) -> Result<(), SyntaxError> {
        self.skip_blanks();
        match self.peek() {
            Some(')') => {
                self.bump();
                Ok(())
            }
            None => Err(SyntaxError::new(
                open,
                "unclosed `(` in the filter: add the matching `)`",
            )),
            Some(c) => Err(SyntaxError::new(
                self.pos,
                format!(
                    "unexpected `{c}` in the filter: expected a comparison (==, !=, <, <=, >, \
                     >=), `&&`, `||` or `)`"
                ),
            )),
        }
    }

    /// Reads `and-expr ('||' and-expr)*`.
    fn or_expr(&mut self, depth: usize) -> Result<Filter, SyntaxError> {
        let first = self.and_expr(depth)?;
        let mut rest = Vec::new();
        loop {
            self.skip_blanks();
            if !self.eat_str("||") {
                break;
            }
            rest.push(self.and_expr(depth)?);
        }
        Ok(flatten(first, rest, Filter::Or))
    }

    /// Reads `unary ('&&' unary)*`.
    fn and_expr(&mut self, depth: usize) -> Result<Filter, SyntaxError> {
        let first = self.unary(depth)?;
        let mut rest = Vec::new();
        loop {
            self.skip_blanks();
            if !self.eat_str("&&") {
                break;
            }
            rest.push(self.unary(depth)?);
        }
        Ok(flatten(first, rest, Filter::And))
    }

    /// Reads `'!'* ( '(' or-expr ')' | relation )`.
    fn unary(&mut self, depth: usize) -> Result<Filter, SyntaxError> {
        self.skip_blanks();
        let mut negated = false;
        while self.peek() == Some('!') && self.peek2() != Some('=') {
            self.bump();
            negated = !negated;
            self.skip_blanks();
        }
        let condition = if self.peek() == Some('(') {
            self.check_depth(depth + 1)?;
            let open = self.pos;
            self.bump();
            let inner = self.or_expr(depth + 1)?;
            self.close_paren(open)?;
            inner
        } else {
            self.relation(depth)?
        };
        Ok(if negated {
            Filter::Not(Box::new(condition))
        } else {
            condition
        })
    }

    /// Reads `value (cmp value)?`; a lone value must be an `@` path.
    fn relation(&mut self, depth: usize) -> Result<Filter, SyntaxError> {
        let start = self.pos;
        let left = self.filter_value(depth)?;
        self.skip_blanks();
        if let Some(op) = self.comparison_operator()? {
            self.skip_blanks();
            let right = self.filter_value(depth)?;
            return Ok(Filter::Compare { left, op, right });
        }
        match left {
            Operand::Current(steps) => Ok(Filter::Exists(steps)),
            _ => Err(SyntaxError::new(
                start,
                "a filter condition must compare two values (==, !=, <, <=, >, >=) or test \
                 an `@` path for existence",
            )),
        }
    }

    /// Consumes a comparison operator if one is next; rejects unsupported ones.
    fn comparison_operator(&mut self) -> Result<Option<Comparison>, SyntaxError> {
        for op in Comparison::ALL {
            if self.eat_str(op.as_str()) {
                return Ok(Some(op));
            }
        }
        let at = self.pos;
        if self.rest().starts_with("=~") {
            return Err(SyntaxError::new(
                at,
                "regular-expression filters (`=~`) are not supported by AWS Step Functions",
            ));
        }
        if self.rest().starts_with('=') {
            return Err(SyntaxError::new(at, "use `==` to compare values, not `=`"));
        }
        if matches!(self.peek(), Some(c) if c.is_alphabetic()) {
            self.skip_while(char::is_alphanumeric);
            let word = self.slice(at, self.pos);
            let message = if WORD_OPERATORS.contains(&word) {
                format!(
                    "the `{word}` filter operator is not supported by AWS Step Functions; use \
                     ==, !=, <, <=, >, >="
                )
            } else {
                format!(
                    "unexpected `{word}` in the filter: expected a comparison operator, `&&`, \
                     `||` or `)`"
                )
            };
            return Err(SyntaxError::new(at, message));
        }
        Ok(None)
    }

    /// Reads one filter operand.
    fn filter_value(&mut self, depth: usize) -> Result<Operand, SyntaxError> {
        let at = self.pos;
        match self.peek() {
            Some('@') => {
                self.bump();
                Ok(Operand::Current(self.steps(Ctx::Filter, depth)?))
            }
            Some('$') => Err(SyntaxError::new(
                at,
                "filters cannot refer to other nodes with `$`: compare `@` paths with \
                 literal values",
            )),
            Some('\'') | Some('"') => Ok(Operand::String(self.quoted_string()?)),
            Some(c) if c == '-' || c.is_ascii_digit() => Ok(Operand::Number(self.number()?.value)),
            Some('/') => Err(SyntaxError::new(
                at,
                "regular-expression filters are not supported by AWS Step Functions",
            )),
            Some('[') | Some('{') => Err(SyntaxError::new(
                at,
                "array and object literals are not supported in filters",
            )),
            Some(c) if c.is_alphabetic() || c == '_' => {
                self.skip_while(is_word_char);
                Ok(match self.slice(at, self.pos) {
                    "true" => Operand::Bool(true),
                    "false" => Operand::Bool(false),
                    "null" => Operand::Null,
                    word => Operand::Word(word.to_owned()),
                })
            }
            Some(c) => Err(SyntaxError::new(
                at,
                format!("unexpected `{c}` in the filter: expected an `@` path or a literal value"),
            )),
            None => Err(SyntaxError::new(
                at,
                "the filter ends too early: expected an `@` path or a literal value, then `)]`",
            )),
        }
    }
}

/// `first` alone, or `first` and `rest` joined by `join` (`Or`, `And`).
fn flatten(first: Filter, mut rest: Vec<Filter>, join: fn(Vec<Filter>) -> Filter) -> Filter {
    if rest.is_empty() {
        return first;
    }
    rest.insert(0, first);
    join(rest)
}

/// Character of an unquoted word literal in a filter (e.g. `FooBar`).
pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '.')
}
