//! Choice rules of JSONPath states, compiled once and tested against the
//! Choice's effective input.
//!
//! A value of the wrong type makes a comparison false, never an error; a
//! `Variable` (or `…Path` operand) that selects nothing fails the
//! execution with `States.Runtime`, except under `IsPresent`. `And` and
//! `Or` stop at the first rule that decides them. Numbers compare as
//! doubles, strings by UTF-16 code units, timestamps by their instant.

use std::cmp::Ordering;

use stepfn::model::{ChoiceCondition, Comparison, Json, NestedRule};
use stepfn::syntax::timestamp::{parse_timestamp, UtcInstant};

use super::filter::utf16_order;
use super::glob::Glob;
use super::jsonpath::JsonPath;
use super::{Env, EvalError};

/// A compiled condition.
#[derive(Debug, Clone)]
pub(crate) enum Condition {
    /// Every rule holds.
    And(Vec<Condition>),
    /// At least one rule holds.
    Or(Vec<Condition>),
    /// The rule does not hold.
    Not(Box<Condition>),
    /// `Variable` and one operator.
    Test {
        /// The `Variable`.
        variable: JsonPath,
        /// The operator and its operand.
        test: Test,
    },
    /// A JSONata `Condition` (`true`, `false` or an expression), evaluated
    /// by the JSONata side of the engine; holds its index there.
    Jsonata(usize),
}

/// A comparison operator with its compiled operand.
#[derive(Debug, Clone)]
pub(crate) enum Test {
    /// `IsPresent`.
    IsPresent(bool),
    /// `IsNull`, `IsNumeric`, `IsString`, `IsBoolean`, `IsTimestamp`.
    Is(Kind, bool),
    /// `String…` operators.
    String(Order, Operand<String>),
    /// `StringMatches`.
    Matches(Option<Glob>, String),
    /// `Numeric…` operators.
    Numeric(Order, Operand<f64>),
    /// `BooleanEquals…`.
    Boolean(Operand<bool>),
    /// `Timestamp…` operators.
    Timestamp(Order, Operand<UtcInstant>),
}

/// The type an `Is…` operator tests for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `IsNull`
    Null,
    /// `IsNumeric`
    Numeric,
    /// `IsString`
    String,
    /// `IsBoolean`
    Boolean,
    /// `IsTimestamp`
    Timestamp,
}

/// The relation a comparison tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Order {
    /// `…Equals`
    Equals,
    /// `…LessThan`
    LessThan,
    /// `…GreaterThan`
    GreaterThan,
    /// `…LessThanEquals`
    LessThanEquals,
    /// `…GreaterThanEquals`
    GreaterThanEquals,
}

impl Order {
    fn holds(self, ordering: Ordering) -> bool {
        match self {
            Order::Equals => ordering == Ordering::Equal,
            Order::LessThan => ordering == Ordering::Less,
            Order::GreaterThan => ordering == Ordering::Greater,
            Order::LessThanEquals => ordering != Ordering::Greater,
            Order::GreaterThanEquals => ordering != Ordering::Less,
        }
    }
}

/// A literal operand or a `…Path` operand.
#[derive(Debug, Clone)]
pub(crate) enum Operand<T> {
    /// The literal; `None` for a literal that can never compare (a
    /// timestamp the definition should not have accepted).
    Literal(Option<T>),
    /// A Path to the operand.
    Path(JsonPath),
}

/// How a JSONata `Condition` is handed to the JSONata side while compiling.
pub(crate) type JsonataConditions<'a> = dyn FnMut(&stepfn::model::OrJsonata<bool>) -> usize + 'a;

impl Condition {
    /// Compiles a rule's condition. The recursion follows the rule's
    /// nesting, which reading bounds.
    pub(crate) fn compile(
        condition: &ChoiceCondition,
        jsonata: &mut JsonataConditions<'_>,
    ) -> Result<Condition, String> {
        Ok(match condition {
            ChoiceCondition::And(rules) => Condition::And(compile_all(rules, jsonata)?),
            ChoiceCondition::Or(rules) => Condition::Or(compile_all(rules, jsonata)?),
            ChoiceCondition::Not(rule) => {
                Condition::Not(Box::new(Condition::compile(&rule.condition, jsonata)?))
            }
            ChoiceCondition::Jsonata(condition) => Condition::Jsonata(jsonata(condition)),
            ChoiceCondition::Data(test) => Condition::Test {
                variable: JsonPath::parse(&test.variable)
                    .map_err(|e| format!("Variable {:?}: {e}", test.variable))?,
                test: compile_test(&test.comparison)?,
            },
        })
    }

    /// Whether the condition holds; JSONata conditions are decided by
    /// `jsonata`.
    pub(crate) fn holds(
        &self,
        env: Env<'_>,
        jsonata: &mut dyn FnMut(usize) -> Result<bool, EvalError>,
    ) -> Result<bool, EvalError> {
        match self {
            Condition::And(all) => {
                for c in all {
                    if !c.holds(env, jsonata)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            Condition::Or(all) => {
                for c in all {
                    if c.holds(env, jsonata)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Condition::Not(inner) => Ok(!inner.holds(env, jsonata)?),
            Condition::Jsonata(index) => jsonata(*index),
            Condition::Test { variable, test } => test_holds(variable, test, env),
        }
    }
}

fn compile_all(
    rules: &[NestedRule],
    jsonata: &mut JsonataConditions<'_>,
) -> Result<Vec<Condition>, String> {
    rules
        .iter()
        .map(|rule| Condition::compile(&rule.condition, jsonata))
        .collect()
}

fn path(text: &str) -> Result<JsonPath, String> {
    JsonPath::parse(text).map_err(|e| format!("{text:?}: {e}"))
}

fn instant(text: &str) -> Option<UtcInstant> {
    parse_timestamp(text).ok().map(|t| t.instant())
}

fn compile_test(comparison: &Comparison) -> Result<Test, String> {
    use Comparison as C;
    use Order::{Equals, GreaterThan, GreaterThanEquals, LessThan, LessThanEquals};
    let lit_s = |s: &String| Operand::Literal(Some(s.clone()));
    let lit_n = |n: &stepfn::model::Number| Operand::Literal(Some(n.as_f64()));
    let lit_t = |s: &String| Operand::Literal(instant(s));
    Ok(match comparison {
        C::StringEquals(s) => Test::String(Equals, lit_s(s)),
        C::StringLessThan(s) => Test::String(LessThan, lit_s(s)),
        C::StringGreaterThan(s) => Test::String(GreaterThan, lit_s(s)),
        C::StringLessThanEquals(s) => Test::String(LessThanEquals, lit_s(s)),
        C::StringGreaterThanEquals(s) => Test::String(GreaterThanEquals, lit_s(s)),
        C::StringEqualsPath(p) => Test::String(Equals, Operand::Path(path(p)?)),
        C::StringLessThanPath(p) => Test::String(LessThan, Operand::Path(path(p)?)),
        C::StringGreaterThanPath(p) => Test::String(GreaterThan, Operand::Path(path(p)?)),
        C::StringLessThanEqualsPath(p) => Test::String(LessThanEquals, Operand::Path(path(p)?)),
        C::StringGreaterThanEqualsPath(p) => {
            Test::String(GreaterThanEquals, Operand::Path(path(p)?))
        }
        C::StringMatches(pattern) => Test::Matches(Glob::new(pattern), pattern.clone()),
        C::NumericEquals(n) => Test::Numeric(Equals, lit_n(n)),
        C::NumericLessThan(n) => Test::Numeric(LessThan, lit_n(n)),
        C::NumericGreaterThan(n) => Test::Numeric(GreaterThan, lit_n(n)),
        C::NumericLessThanEquals(n) => Test::Numeric(LessThanEquals, lit_n(n)),
        C::NumericGreaterThanEquals(n) => Test::Numeric(GreaterThanEquals, lit_n(n)),
        C::NumericEqualsPath(p) => Test::Numeric(Equals, Operand::Path(path(p)?)),
        C::NumericLessThanPath(p) => Test::Numeric(LessThan, Operand::Path(path(p)?)),
        C::NumericGreaterThanPath(p) => Test::Numeric(GreaterThan, Operand::Path(path(p)?)),
        C::NumericLessThanEqualsPath(p) => Test::Numeric(LessThanEquals, Operand::Path(path(p)?)),
        C::NumericGreaterThanEqualsPath(p) => {
            Test::Numeric(GreaterThanEquals, Operand::Path(path(p)?))
        }
        C::BooleanEquals(b) => Test::Boolean(Operand::Literal(Some(*b))),
        C::BooleanEqualsPath(p) => Test::Boolean(Operand::Path(path(p)?)),
        C::TimestampEquals(s) => Test::Timestamp(Equals, lit_t(s)),
        C::TimestampLessThan(s) => Test::Timestamp(LessThan, lit_t(s)),
        C::TimestampGreaterThan(s) => Test::Timestamp(GreaterThan, lit_t(s)),
        C::TimestampLessThanEquals(s) => Test::Timestamp(LessThanEquals, lit_t(s)),
        C::TimestampGreaterThanEquals(s) => Test::Timestamp(GreaterThanEquals, lit_t(s)),
        C::TimestampEqualsPath(p) => Test::Timestamp(Equals, Operand::Path(path(p)?)),
        C::TimestampLessThanPath(p) => Test::Timestamp(LessThan, Operand::Path(path(p)?)),
        C::TimestampGreaterThanPath(p) => Test::Timestamp(GreaterThan, Operand::Path(path(p)?)),
        C::TimestampLessThanEqualsPath(p) => {
            Test::Timestamp(LessThanEquals, Operand::Path(path(p)?))
        }
        C::TimestampGreaterThanEqualsPath(p) => {
            Test::Timestamp(GreaterThanEquals, Operand::Path(path(p)?))
        }
        C::IsNull(b) => Test::Is(Kind::Null, *b),
        C::IsPresent(b) => Test::IsPresent(*b),
        C::IsNumeric(b) => Test::Is(Kind::Numeric, *b),
        C::IsString(b) => Test::Is(Kind::String, *b),
        C::IsBoolean(b) => Test::Is(Kind::Boolean, *b),
        C::IsTimestamp(b) => Test::Is(Kind::Timestamp, *b),
    })
}

/// The error for a `Variable` or operand Path that selects nothing.
fn invalid_path(path: &JsonPath) -> EvalError {
    EvalError::runtime(format!(
        "Invalid path '{}': The choice state's condition path references an invalid value.",
        path.text()
    ))
}

/// Resolves an operand: the literal, or the value at its Path.
fn operand<'a, T: Clone>(
    operand: &'a Operand<T>,
    env: Env<'a>,
    read: impl Fn(&Json) -> Option<T>,
) -> Result<Option<T>, EvalError> {
    match operand {
        Operand::Literal(value) => Ok(value.clone()),
        Operand::Path(path) => {
            let found = path.select(env).map_err(|_| invalid_path(path))?;
            Ok(read(found.value()))
        }
    }
}

fn test_holds(variable: &JsonPath, test: &Test, env: Env<'_>) -> Result<bool, EvalError> {
    let found = variable.select(env);
    if let Test::IsPresent(expected) = test {
        return Ok(found.is_ok() == *expected);
    }
    let found = found.map_err(|_| invalid_path(variable))?;
    let value = found.value();
    Ok(match test {
        Test::IsPresent(_) => false,
        Test::Is(kind, expected) => {
            let is = match kind {
                Kind::Null => matches!(value, Json::Null),
                Kind::Numeric => matches!(value, Json::Number(_)),
                Kind::String => matches!(value, Json::String(_)),
                Kind::Boolean => matches!(value, Json::Bool(_)),
                Kind::Timestamp => as_instant(value).is_some(),
            };
            is == *expected
        }
        Test::String(order, right) => {
            let right = operand(right, env, |v| v.as_str().map(str::to_owned))?;
            match (value, right) {
                (Json::String(left), Some(right)) => order.holds(utf16_order(left, &right)),
                _ => false,
            }
        }
        Test::Matches(glob, pattern) => match (value, glob) {
            (Json::String(text), Some(glob)) => glob.matches(text),
            (Json::String(_), None) => {
                return Err(EvalError::runtime(format!(
                    "The StringMatches pattern {pattern:?} ends with an unescaped backslash"
                )))
            }
            _ => false,
        },
        Test::Numeric(order, right) => {
            let right = operand(right, env, |v| match v {
                Json::Number(n) => Some(n.as_f64()),
                _ => None,
            })?;
            match (value, right) {
                (Json::Number(left), Some(right)) => left
                    .as_f64()
                    .partial_cmp(&right)
                    .is_some_and(|ordering| order.holds(ordering)),
                _ => false,
            }
        }
        Test::Boolean(right) => {
            let right = operand(right, env, |v| match v {
                Json::Bool(b) => Some(*b),
                _ => None,
            })?;
            matches!((value, right), (Json::Bool(left), Some(right)) if *left == right)
        }
        Test::Timestamp(order, right) => {
            let right = operand(right, env, as_instant)?;
            match (as_instant(value), right) {
                (Some(left), Some(right)) => order.holds(left.cmp(&right)),
                _ => false,
            }
        }
    })
}

/// The instant of a timestamp string.
fn as_instant(value: &Json) -> Option<UtcInstant> {
    value.as_str().and_then(instant)
}

#[cfg(test)]
mod tests;
