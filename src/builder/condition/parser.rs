//! The condition expression language: tokens to a [`ChoiceCondition`].
//!
//! The grammar is documented on [`Condition::parse`](super::Condition::parse).
//! Parentheses, `!` and `and(…)`/`or(…)` may nest at most [`MAX_DEPTH`] levels,
//! which bounds the recursion; `&&`/`||` chains are read in loops.

use crate::model::{ChoiceCondition, Comparison, DataTest, NestedRule, Number};

use super::error::ConditionParseError;
use super::lexer::{CmpOp, Lexer, Tok, Token};

/// How deeply `(`, `!`, `and(…)` and `or(…)` may nest.
pub(super) const MAX_DEPTH: usize = 100;

/// The predicate functions and the operator each tests with `true`.
const PREDICATES: [(&str, fn(bool) -> Comparison); 6] = [
    ("is_null", Comparison::IsNull),
    ("is_present", Comparison::IsPresent),
    ("is_numeric", Comparison::IsNumeric),
    ("is_string", Comparison::IsString),
    ("is_boolean", Comparison::IsBoolean),
    ("is_timestamp", Comparison::IsTimestamp),
];

/// Every name the language knows, for suggestions.
const NAMES: [&str; 16] = [
    "true",
    "false",
    "null",
    "number",
    "string",
    "timestamp",
    "bool",
    "is_null",
    "is_present",
    "is_numeric",
    "is_string",
    "is_boolean",
    "is_timestamp",
    "matches",
    "and",
    "or",
];

/// Parses a whole expression.
pub(super) fn parse(src: &str) -> Result<ChoiceCondition, ConditionParseError> {
    let mut p = Parser::new(src)?;
    let condition = p.disjunction()?;
    if p.next.tok == Tok::Eof {
        Ok(condition)
    } else {
        Err(p.unexpected_after_condition(Closer::End))
    }
}

/// The type a path is compared as: `number($.b)`, `string(…)`, ...
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    String,
    Number,
    Timestamp,
    Bool,
}

impl Kind {
    /// The cast function's name.
    fn name(self) -> &'static str {
        match self {
            Kind::String => "string",
            Kind::Number => "number",
            Kind::Timestamp => "timestamp",
            Kind::Bool => "bool",
        }
    }

    /// The kind named `name`, if it is a cast function.
    fn from_name(name: &str) -> Option<Kind> {
        match name {
            "string" => Some(Kind::String),
            "number" => Some(Kind::Number),
            "timestamp" => Some(Kind::Timestamp),
            "bool" => Some(Kind::Bool),
            _ => None,
        }
    }
}

/// One side of a comparison.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    /// `$.a`
    Path(String),
    /// `number($.a)`
    Typed(Kind, String),
    /// `'text'`
    Str(String),
    /// `5`
    Num(Number),
    /// `true`
    Bool(bool),
    /// `null`
    Null,
    /// `timestamp('2024-01-01T00:00:00Z')`
    Timestamp(String),
}

impl Value {
    /// Whether this side is a path, typed or not.
    fn is_path(&self) -> bool {
        matches!(self, Value::Path(_) | Value::Typed(..))
    }

    /// How the value reads in a message.
    fn describe(&self) -> &'static str {
        match self {
            Value::Path(_) | Value::Typed(..) => "a path",
            Value::Str(_) => "a string",
            Value::Num(_) => "a number",
            Value::Bool(_) => "a boolean",
            Value::Null => "`null`",
            Value::Timestamp(_) => "a timestamp",
        }
    }
}

/// A value and the column it starts at.
struct Operand {
    value: Value,
    column: usize,
}

/// What the operand of an ASL operator is, once the comparison is typed.
enum Rhs {
    Str(String),
    Timestamp(String),
    Num(Number),
    Bool(bool),
    Path(Kind, String),
}

/// What may follow a complete condition where one ends.
#[derive(Debug, Clone, Copy)]
enum Closer {
    /// The end of the input.
    End,
    /// `)` of the `(` at this column.
    Paren(usize),
    /// `,` or `)` of `and(`/`or(` at this column.
    Args(&'static str, usize),
}

/// A recursive-descent parser with one token of lookahead.
struct Parser<'a> {
    src: &'a str,
    lexer: Lexer<'a>,
    /// The lookahead token.
    next: Token,
    /// The last token taken, for "after `>`" messages.
    prev: Option<Tok>,
    /// Current nesting of `(`, `!`, `and(` and `or(`.
    depth: usize,
}

/// A rule inside `And`/`Or`/`Not`.
fn nested(condition: ChoiceCondition) -> NestedRule {
    NestedRule {
        comment: None,
        condition,
    }
}

/// `{"Variable": variable, <comparison>}`.
fn data(variable: String, comparison: Comparison) -> ChoiceCondition {
    ChoiceCondition::Data(DataTest {
        variable,
        comparison,
    })
}

impl<'a> Parser<'a> {
    fn new(src: &'a str) -> Result<Self, ConditionParseError> {
        let mut lexer = Lexer::new(src);
        let next = lexer.next_token()?;
        Ok(Parser {
            src,
            lexer,
            next,
            prev: None,
            depth: 0,
        })
    }

    /// Takes the lookahead token and reads the next one.
    fn bump(&mut self) -> Result<Token, ConditionParseError> {
        let following = self.lexer.next_token()?;
        let taken = std::mem::replace(&mut self.next, following);
        self.prev = Some(taken.tok.clone());
        Ok(taken)
    }

    fn error(&self, column: usize, message: impl Into<String>) -> ConditionParseError {
        ConditionParseError::new(self.src, column, message)
    }

    /// Goes one nesting level deeper, or fails at the lookahead token.
    fn enter(&mut self) -> Result<(), ConditionParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error(
                self.next.column,
                format!(
                    "the condition nests `(`, `!`, `and(…)` or `or(…)` more than {MAX_DEPTH} \
                     levels deep; simplify it"
                ),
            ));
        }
        Ok(())
    }

    /// " after `>`", or nothing at the start.
    fn after_prev(&self) -> String {
        self.prev
            .as_ref()
            .map(|t| format!(" after {}", t.describe()))
            .unwrap_or_default()
    }

    /// `expected <what> after <prev>, found <next>`, at the lookahead token.
    fn expected(&self, what: &str) -> ConditionParseError {
        if self.prev.is_none() && self.next.tok == Tok::Eof {
            return self.error(self.next.column, "the condition is empty");
        }
        let found = match &self.next.tok {
            Tok::Eof => String::new(),
            other => format!(", found {}", other.describe()),
        };
        self.error(
            self.next.column,
            format!("expected {what}{}{found}", self.after_prev()),
        )
    }

    /// Takes a `(` after the function `name`.
    fn open_call(&mut self, name: &str) -> Result<usize, ConditionParseError> {
        if self.next.tok != Tok::LParen {
            return Err(self.expected(&format!("`(` after `{name}`")));
        }
        Ok(self.bump()?.column)
    }

    /// Takes the `)` that closes the call of `name`.
    fn close_call(&mut self, name: &str, open: usize) -> Result<(), ConditionParseError> {
        if self.next.tok != Tok::RParen {
            return Err(self.expected(&format!("`)` to close `{name}(` at column {open}")));
        }
        self.bump()?;
        Ok(())
    }

    /// `conjunction ('||' conjunction)*`: a chain is one `Or`.
    fn disjunction(&mut self) -> Result<ChoiceCondition, ConditionParseError> {
        let first = self.conjunction()?;
        if self.next.tok != Tok::OrOr {
            return Ok(first);
        }
        let mut rules = vec![nested(first)];
        while self.next.tok == Tok::OrOr {
            self.bump()?;
            rules.push(nested(self.conjunction()?));
        }
        Ok(ChoiceCondition::Or(rules))
    }

    /// `negation ('&&' negation)*`: a chain is one `And`.
    fn conjunction(&mut self) -> Result<ChoiceCondition, ConditionParseError> {
        let first = self.negation()?;
        if self.next.tok != Tok::AndAnd {
            return Ok(first);
        }
        let mut rules = vec![nested(first)];
        while self.next.tok == Tok::AndAnd {
            self.bump()?;
            rules.push(nested(self.negation()?));
        }
        Ok(ChoiceCondition::And(rules))
    }

    /// `'!'* atom`. The `!` right before a predicate call flips its
    /// operand (`!is_present($.x)` is `IsPresent: false`); every other `!`
    /// is a `Not`.
    fn negation(&mut self) -> Result<ChoiceCondition, ConditionParseError> {
        let mut bangs = 0;
        let mut last_bang = 0;
        while self.next.tok == Tok::Bang {
            self.enter()?;
            bangs += 1;
            last_bang = self.bump()?.column;
        }
        if bangs > 0 && self.starts_value() {
            return Err(self.error(
                last_bang,
                "`!` negates a condition, not a value: put the comparison in parentheses, \
                 `!(… == …)`, or use `!=`",
            ));
        }
        let (mut condition, predicate) = self.atom()?;
        for i in 0..bangs {
            condition = match condition {
                ChoiceCondition::Data(mut test) if i == 0 && predicate => {
                    test.comparison = flip_predicate(test.comparison);
                    ChoiceCondition::Data(test)
                }
                other => ChoiceCondition::Not(Box::new(nested(other))),
            };
        }
        self.depth -= bangs;
        Ok(condition)
    }

    /// Whether the lookahead token starts a value rather than a condition.
    fn starts_value(&self) -> bool {
        match &self.next.tok {
            Tok::Path(_) | Tok::Str(_) | Tok::Num(_) => true,
            Tok::Ident(name) => {
                matches!(name.as_str(), "true" | "false" | "null") || Kind::from_name(name).is_some()
            }
            _ => false,
        }
    }

    /// A parenthesized condition, a call or a comparison; `true` when it is
    /// a bare predicate call such as `is_present($.x)`.
    fn atom(&mut self) -> Result<(ChoiceCondition, bool), ConditionParseError> {
        let name = match &self.next.tok {
            Tok::LParen => {
                self.enter()?;
                let open = self.bump()?.column;
                let condition = self.disjunction()?;
                if self.next.tok != Tok::RParen {
                    return Err(self.unexpected_after_condition(Closer::Paren(open)));
                }
                self.bump()?;
                self.depth -= 1;
                return Ok((condition, false));
            }
            Tok::Ident(name) => name.clone(),
            Tok::Path(_) | Tok::Str(_) | Tok::Num(_) => return Ok((self.comparison()?, false)),
            _ => return Err(self.expected("a condition")),
        };
        if let Some(&(_, operator)) = PREDICATES.iter().find(|(n, _)| *n == name) {
            self.bump()?;
            let open = self.open_call(&name)?;
            let variable = self.path_argument(&name)?;
            self.close_call(&name, open)?;
            return Ok((data(variable, operator(true)), true));
        }
        match name.as_str() {
            "matches" => Ok((self.matches()?, false)),
            "and" | "or" => Ok((self.group(&name)?, false)),
            _ if self.starts_value() => Ok((self.comparison()?, false)),
            _ => Err(self.unknown_name(&name)),
        }
    }

    /// The path argument of the function `name`.
    fn path_argument(&mut self, name: &str) -> Result<String, ConditionParseError> {
        match &self.next.tok {
            Tok::Path(p) => {
                let p = p.clone();
                self.bump()?;
                Ok(p)
            }
            _ => Err(self.expected(&format!("a path such as `$.x` in `{name}(…)`"))),
        }
    }

    /// `matches(path, 'pattern')` after the name.
    fn matches(&mut self) -> Result<ChoiceCondition, ConditionParseError> {
        self.bump()?;
        let open = self.open_call("matches")?;
        let variable = self.path_argument("matches")?;
        if self.next.tok != Tok::Comma {
            return Err(self.expected("`,` and a quoted pattern, as in `matches($.file, 'log-*.txt')`"));
        }
        self.bump()?;
        let Tok::Str(pattern) = &self.next.tok else {
            return Err(self.expected("a quoted pattern such as `'log-*.txt'`"));
        };
        let pattern = pattern.clone();
        self.bump()?;
        self.close_call("matches", open)?;
        Ok(data(variable, Comparison::StringMatches(pattern)))
    }

    /// `and(c, …)` or `or(c, …)` after the name: one `And`/`Or` with exactly
    /// these rules, however many.
    fn group(&mut self, name: &str) -> Result<ChoiceCondition, ConditionParseError> {
        let name: &'static str = if name == "and" { "and" } else { "or" };
        self.enter()?;
        self.bump()?;
        let open = self.open_call(name)?;
        if self.next.tok == Tok::RParen {
            return Err(self.error(
                self.next.column,
                format!("`{name}(…)` needs at least one condition"),
            ));
        }
        let mut rules = vec![nested(self.disjunction()?)];
        while self.next.tok == Tok::Comma {
            self.bump()?;
            rules.push(nested(self.disjunction()?));
        }
        if self.next.tok != Tok::RParen {
            return Err(self.unexpected_after_condition(Closer::Args(name, open)));
        }
        self.bump()?;
        self.depth -= 1;
        Ok(if name == "and" {
            ChoiceCondition::And(rules)
        } else {
            ChoiceCondition::Or(rules)
        })
    }

    /// `value op value`.
    fn comparison(&mut self) -> Result<ChoiceCondition, ConditionParseError> {
        let left = self.operand()?;
        let Tok::Cmp(op) = self.next.tok else {
            if matches!(left.value, Value::Path(_)) {
                return Err(self.expected(
                    "a comparison operator such as `==`; a path alone is not a condition: \
                     compare it (`$.flag == true`) or test it (`is_present($.x)`)",
                ));
            }
            return Err(self.expected("a comparison operator such as `==`"));
        };
        let op_column = self.bump()?.column;
        let right = self.operand()?;
        build(self.src, left, op, op_column, right)
    }

    /// A path, literal or cast.
    fn operand(&mut self) -> Result<Operand, ConditionParseError> {
        let column = self.next.column;
        let value = match &self.next.tok {
            Tok::Path(p) => Value::Path(p.clone()),
            Tok::Str(s) => Value::Str(s.clone()),
            Tok::Num(n) => Value::Num(n.clone()),
            Tok::Ident(name) => match name.as_str() {
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                "null" => Value::Null,
                other => match Kind::from_name(other) {
                    Some(kind) => {
                        return Ok(Operand {
                            value: self.cast(kind)?,
                            column,
                        })
                    }
                    None if PREDICATES.iter().any(|(n, _)| *n == other)
                        || matches!(other, "matches" | "and" | "or") =>
                    {
                        return Err(self.error(
                            column,
                            format!("`{other}(…)` is a condition, not a value: it cannot be compared"),
                        ))
                    }
                    None => return Err(self.unknown_name(other)),
                },
            },
            _ => return Err(self.expected("a value")),
        };
        self.bump()?;
        Ok(Operand { value, column })
    }

    /// `number($.x)`, `string($.x)`, `bool($.x)`, `timestamp($.x)` or
    /// `timestamp('…')` after the name.
    fn cast(&mut self, kind: Kind) -> Result<Value, ConditionParseError> {
        let name = kind.name();
        self.bump()?;
        let open = self.open_call(name)?;
        let value = match (&self.next.tok, kind) {
            (Tok::Path(p), _) => Value::Typed(kind, p.clone()),
            (Tok::Str(s), Kind::Timestamp) => Value::Timestamp(s.clone()),
            (_, Kind::Timestamp) => {
                return Err(self.expected(
                    "a quoted timestamp such as `'2024-01-31T09:30:00Z'` or a path in `timestamp(…)`",
                ))
            }
            _ => {
                return Err(self.expected(&format!(
                    "a path such as `$.x` in `{name}(…)` (to compare with a literal, write the \
                     literal itself)"
                )))
            }
        };
        self.bump()?;
        self.close_call(name, open)?;
        Ok(value)
    }

    /// An unknown bare word at the lookahead token, with a suggestion.
    fn unknown_name(&self, name: &str) -> ConditionParseError {
        let squash = |s: &str| s.to_lowercase().replace('_', "");
        let alias = match squash(name).as_str() {
            "not" => Some("`!`"),
            "boolean" => Some("`bool(…)`"),
            "isnumber" | "isint" | "isinteger" => Some("`is_numeric(…)`"),
            "isbool" => Some("`is_boolean(…)`"),
            "exists" | "isdefined" | "present" => Some("`is_present(…)`"),
            "like" | "glob" | "stringmatches" => Some("`matches(…)`"),
            _ => None,
        };
        let hint = match (alias, NAMES.iter().find(|n| squash(n) == squash(name))) {
            (Some(alias), _) => format!("use {alias}"),
            (None, Some(known)) => format!("did you mean `{known}`?"),
            (None, None) => format!(
                "quote strings (`'{name}'`) and start paths with `$` (`$.{name}`)"
            ),
        };
        self.error(self.next.column, format!("unknown name `{name}`: {hint}"))
    }

    /// What is wrong with the lookahead token where a condition may end.
    fn unexpected_after_condition(&self, closer: Closer) -> ConditionParseError {
        let column = self.next.column;
        let found = self.next.tok.describe();
        let message = match (&self.next.tok, closer) {
            (Tok::Cmp(_), _) => format!(
                "unexpected {found}: a condition cannot be compared again; join comparisons \
                 with `&&` or `||`"
            ),
            (Tok::Ident(word), _) if word == "and" => "unexpected `and`: use `&&`".to_owned(),
            (Tok::Ident(word), _) if word == "or" => "unexpected `or`: use `||`".to_owned(),
            (Tok::RParen, Closer::End) => "unmatched `)`".to_owned(),
            (_, Closer::End) => format!(
                "expected `&&`, `||` or the end of the condition, found {found}"
            ),
            (_, Closer::Paren(open)) => format!(
                "expected `&&`, `||` or `)` to close the `(` at column {open}, found {found}"
            ),
            (_, Closer::Args(name, open)) => format!(
                "expected `,` or `)` to close `{name}(` at column {open}, found {found}"
            ),
        };
        self.error(column, message)
    }
}

/// `IsPresent: true` becomes `IsPresent: false`, and so on.
fn flip_predicate(comparison: Comparison) -> Comparison {
    match comparison {
        Comparison::IsNull(b) => Comparison::IsNull(!b),
        Comparison::IsPresent(b) => Comparison::IsPresent(!b),
        Comparison::IsNumeric(b) => Comparison::IsNumeric(!b),
        Comparison::IsString(b) => Comparison::IsString(!b),
        Comparison::IsBoolean(b) => Comparison::IsBoolean(!b),
        Comparison::IsTimestamp(b) => Comparison::IsTimestamp(!b),
        other => other,
    }
}

/// Turns `left op right` into a data test: one side must be a path (the
/// `Variable`), the other gives the operator's type and operand.
fn build(
    src: &str,
    left: Operand,
    op: CmpOp,
    op_column: usize,
    right: Operand,
) -> Result<ChoiceCondition, ConditionParseError> {
    let error = |column: usize, message: String| ConditionParseError::new(src, column, message);
    // (variable, its cast, operator as seen from the variable, other side).
    let (variable, cast, op, other) = match (left.value, right.value) {
        (Value::Path(_), Value::Path(_)) => {
            return Err(error(
                op_column,
                "comparing two paths needs their type: write e.g. `$.a == string($.b)`, \
                 `number(…)`, `timestamp(…)` or `bool(…)`"
                    .to_owned(),
            ))
        }
        (Value::Path(a), Value::Typed(kind, b)) => (a, None, op, Operand {
            value: Value::Typed(kind, b),
            column: right.column,
        }),
        (Value::Typed(kind, a), Value::Path(b)) => (b, None, op.flipped(), Operand {
            value: Value::Typed(kind, a),
            column: left.column,
        }),
        (Value::Typed(k1, a), Value::Typed(k2, b)) => {
            if k1 != k2 {
                return Err(error(
                    right.column,
                    format!(
                        "`{}(…)` is compared with `{}(…)`: both sides need the same type",
                        k1.name(),
                        k2.name()
                    ),
                ));
            }
            (a, Some(k1), op, Operand {
                value: Value::Typed(k2, b),
                column: right.column,
            })
        }
        (Value::Path(a), value) => (a, None, op, Operand { value, column: right.column }),
        (Value::Typed(kind, a), value) => (a, Some(kind), op, Operand { value, column: right.column }),
        (value, Value::Path(b)) => (b, None, op.flipped(), Operand { value, column: left.column }),
        (value, Value::Typed(kind, b)) => {
            (b, Some(kind), op.flipped(), Operand { value, column: left.column })
        }
        (_, _) => {
            return Err(error(
                left.column,
                "this compares two values: one side must be a path such as `$.x`".to_owned(),
            ))
        }
    };
    let rhs = match (other.value, cast) {
        (Value::Null, None) => {
            if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
                return Err(error(
                    op_column,
                    format!(
                        "`{}` cannot compare with `null`: only `== null` and `!= null` can",
                        op.text()
                    ),
                ));
            }
            return Ok(data(variable, Comparison::IsNull(op == CmpOp::Eq)));
        }
        (Value::Str(s), None | Some(Kind::String)) => Rhs::Str(s),
        (Value::Str(s), Some(Kind::Timestamp)) => Rhs::Timestamp(s),
        (Value::Timestamp(s), None | Some(Kind::Timestamp)) => Rhs::Timestamp(s),
        (Value::Num(n), None | Some(Kind::Number)) => Rhs::Num(n),
        (Value::Bool(b), None | Some(Kind::Bool)) => Rhs::Bool(b),
        (Value::Typed(kind, p), _) => Rhs::Path(kind, p),
        (value, Some(kind)) => {
            return Err(error(
                other.column,
                format!(
                    "`{}(…)` is compared with {}: both sides need the same type",
                    kind.name(),
                    value.describe()
                ),
            ))
        }
        (Value::Path(_), None) => {
            // Unreachable: two untyped paths were rejected above.
            return Err(error(op_column, "comparing two paths needs their type".to_owned()));
        }
    };
    if matches!(rhs, Rhs::Bool(_) | Rhs::Path(Kind::Bool, _)) && !matches!(op, CmpOp::Eq | CmpOp::Ne)
    {
        return Err(error(
            op_column,
            format!("`{}` cannot compare booleans: only `==` and `!=` can", op.text()),
        ));
    }
    let test = data(variable, operator(op, rhs));
    Ok(if op == CmpOp::Ne {
        ChoiceCondition::Not(Box::new(nested(test)))
    } else {
        test
    })
}

/// The ASL operator for `op` (`!=` gives the `==` one) and its operand.
fn operator(op: CmpOp, rhs: Rhs) -> Comparison {
    use Comparison as C;
    /// Picks the operator for `op` from the `==`, `<`, `<=`, `>`, `>=` ones.
    fn pick<T>(op: CmpOp, value: T, ops: [fn(T) -> Comparison; 5]) -> Comparison {
        let [eq, lt, le, gt, ge] = ops;
        match op {
            CmpOp::Eq | CmpOp::Ne => eq(value),
            CmpOp::Lt => lt(value),
            CmpOp::Le => le(value),
            CmpOp::Gt => gt(value),
            CmpOp::Ge => ge(value),
        }
    }
    match rhs {
        Rhs::Str(s) => pick(op, s, [
            C::StringEquals,
            C::StringLessThan,
            C::StringLessThanEquals,
            C::StringGreaterThan,
            C::StringGreaterThanEquals,
        ]),
        Rhs::Timestamp(s) => pick(op, s, [
            C::TimestampEquals,
            C::TimestampLessThan,
            C::TimestampLessThanEquals,
            C::TimestampGreaterThan,
            C::TimestampGreaterThanEquals,
        ]),
        Rhs::Num(n) => pick(op, n, [
            C::NumericEquals,
            C::NumericLessThan,
            C::NumericLessThanEquals,
            C::NumericGreaterThan,
            C::NumericGreaterThanEquals,
        ]),
        Rhs::Bool(b) => C::BooleanEquals(b),
        Rhs::Path(Kind::Bool, p) => C::BooleanEqualsPath(p),
        Rhs::Path(Kind::String, p) => pick(op, p, [
            C::StringEqualsPath,
            C::StringLessThanPath,
            C::StringLessThanEqualsPath,
            C::StringGreaterThanPath,
            C::StringGreaterThanEqualsPath,
        ]),
        Rhs::Path(Kind::Number, p) => pick(op, p, [
            C::NumericEqualsPath,
            C::NumericLessThanPath,
            C::NumericLessThanEqualsPath,
            C::NumericGreaterThanPath,
            C::NumericGreaterThanEqualsPath,
        ]),
        Rhs::Path(Kind::Timestamp, p) => pick(op, p, [
            C::TimestampEqualsPath,
            C::TimestampLessThanPath,
            C::TimestampLessThanEqualsPath,
            C::TimestampGreaterThanPath,
            C::TimestampGreaterThanEqualsPath,
        ]),
    }
}
