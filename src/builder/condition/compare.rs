//! Typing a comparison: `left op right` becomes one ASL data test, its
//! operator chosen by the literal's type or the cast on a path.

use crate::model::{ChoiceCondition, Comparison, Number};

use super::error::ConditionParseError;
use super::lexer::CmpOp;
use super::{data_test as data, nested};

/// The type a path is compared as: `number($.b)`, `string(…)`, ...
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    String,
    Number,
    Timestamp,
    Bool,
}

impl Kind {
    /// The cast function's name.
    pub(super) fn name(self) -> &'static str {
        match self {
            Kind::String => "string",
            Kind::Number => "number",
            Kind::Timestamp => "timestamp",
            Kind::Bool => "bool",
        }
    }

    /// The kind named `name`, if it is a cast function.
    pub(super) fn from_name(name: &str) -> Option<Kind> {
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
pub(super) enum Value {
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
pub(super) struct Operand {
    /// The value.
    pub(super) value: Value,
    /// Its 1-based column.
    pub(super) column: usize,
}

/// What the operand of an ASL operator is, once the comparison is typed.
enum Rhs {
    Str(String),
    Timestamp(String),
    Num(Number),
    Bool(bool),
    Path(Kind, String),
}

/// Turns `left op right` into a data test: one side must be a path (the
/// `Variable`), the other gives the operator's type and operand.
pub(super) fn build(
    src: &str,
    left: Operand,
    op: CmpOp,
    op_column: usize,
    right: Operand,
) -> Result<ChoiceCondition, ConditionParseError> {
    let error = |column: usize, message: String| ConditionParseError::new(src, column, message);
    let (r, l) = (right.column, left.column);
    // The variable, its cast, the operator as seen from the variable, and
    // the other side with its column.
    let (variable, cast, op, other, other_column) = match (left.value, right.value) {
        (Value::Path(_), Value::Path(_)) => {
            return Err(error(
                op_column,
                "comparing two paths needs their type: write e.g. `$.a == string($.b)`, \
                 `number(…)`, `timestamp(…)` or `bool(…)`"
                    .to_owned(),
            ))
        }
        (Value::Typed(k1, _), Value::Typed(k2, _)) if k1 != k2 => {
            return Err(error(
                r,
                format!(
                    "`{}(…)` is compared with `{}(…)`: both sides need the same type",
                    k1.name(),
                    k2.name()
                ),
            ))
        }
        (Value::Path(a), value) => (a, None, op, value, r),
        (typed @ Value::Typed(..), Value::Path(b)) => (b, None, op.flipped(), typed, l),
        (Value::Typed(kind, a), value) => (a, Some(kind), op, value, r),
        (value, Value::Path(b)) => (b, None, op.flipped(), value, l),
        (value, Value::Typed(kind, b)) => (b, Some(kind), op.flipped(), value, l),
        (_, _) => {
            return Err(error(
                l,
                "this compares two values: one side must be a path such as `$.x`".to_owned(),
            ))
        }
    };
    let rhs = match (other, cast) {
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
                other_column,
                format!(
                    "`{}(…)` is compared with {}: both sides need the same type",
                    kind.name(),
                    value.describe()
                ),
            ))
        }
        (Value::Path(_), None) => {
            // Unreachable: two untyped paths were rejected above.
            return Err(error(
                op_column,
                "comparing two paths needs their type".to_owned(),
            ));
        }
    };
    if matches!(rhs, Rhs::Bool(_) | Rhs::Path(Kind::Bool, _))
        && !matches!(op, CmpOp::Eq | CmpOp::Ne)
    {
        return Err(error(
            op_column,
            format!(
                "`{}` cannot compare booleans: only `==` and `!=` can",
                op.text()
            ),
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
        Rhs::Str(s) => pick(
            op,
            s,
            [
                C::StringEquals,
                C::StringLessThan,
                C::StringLessThanEquals,
                C::StringGreaterThan,
                C::StringGreaterThanEquals,
            ],
        ),
        Rhs::Timestamp(s) => pick(
            op,
            s,
            [
                C::TimestampEquals,
                C::TimestampLessThan,
                C::TimestampLessThanEquals,
                C::TimestampGreaterThan,
                C::TimestampGreaterThanEquals,
            ],
        ),
        Rhs::Num(n) => pick(
            op,
            n,
            [
                C::NumericEquals,
                C::NumericLessThan,
                C::NumericLessThanEquals,
                C::NumericGreaterThan,
                C::NumericGreaterThanEquals,
            ],
        ),
        Rhs::Bool(b) => C::BooleanEquals(b),
        Rhs::Path(Kind::Bool, p) => C::BooleanEqualsPath(p),
        Rhs::Path(Kind::String, p) => pick(
            op,
            p,
            [
                C::StringEqualsPath,
                C::StringLessThanPath,
                C::StringLessThanEqualsPath,
                C::StringGreaterThanPath,
                C::StringGreaterThanEqualsPath,
            ],
        ),
        Rhs::Path(Kind::Number, p) => pick(
            op,
            p,
            [
                C::NumericEqualsPath,
                C::NumericLessThanPath,
                C::NumericLessThanEqualsPath,
                C::NumericGreaterThanPath,
                C::NumericGreaterThanEqualsPath,
            ],
        ),
        Rhs::Path(Kind::Timestamp, p) => pick(
            op,
            p,
            [
                C::TimestampEqualsPath,
                C::TimestampLessThanPath,
                C::TimestampLessThanEqualsPath,
                C::TimestampGreaterThanPath,
                C::TimestampGreaterThanEqualsPath,
            ],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::super::parser::parse;

    /// The compact JSON of `src`, which must parse.
    fn json(src: &str) -> String {
        match parse(src) {
            Ok(c) => serde_json::to_string(&c).unwrap(),
            Err(e) => panic!("{src}: {e}"),
        }
    }

    #[test]
    fn every_comparison_renders_its_operator() {
        let cases = [
            ("$.v == 'x'", r#""StringEquals":"x""#),
            ("$.v < 'x'", r#""StringLessThan":"x""#),
            ("$.v <= 'x'", r#""StringLessThanEquals":"x""#),
            ("$.v > 'x'", r#""StringGreaterThan":"x""#),
            ("$.v >= 'x'", r#""StringGreaterThanEquals":"x""#),
            ("$.v == string($.p)", r#""StringEqualsPath":"$.p""#),
            ("$.v < string($.p)", r#""StringLessThanPath":"$.p""#),
            ("$.v <= string($.p)", r#""StringLessThanEqualsPath":"$.p""#),
            ("$.v > string($.p)", r#""StringGreaterThanPath":"$.p""#),
            (
                "$.v >= string($.p)",
                r#""StringGreaterThanEqualsPath":"$.p""#,
            ),
            ("matches($.v, 'a*')", r#""StringMatches":"a*""#),
            ("$.v == 5", r#""NumericEquals":5"#),
            ("$.v < -5", r#""NumericLessThan":-5"#),
            ("$.v <= 2.5", r#""NumericLessThanEquals":2.5"#),
            ("$.v > 1e3", r#""NumericGreaterThan":1000.0"#),
            ("$.v >= 0", r#""NumericGreaterThanEquals":0"#),
            ("$.v == number($.p)", r#""NumericEqualsPath":"$.p""#),
            ("$.v < number($.p)", r#""NumericLessThanPath":"$.p""#),
            ("$.v <= number($.p)", r#""NumericLessThanEqualsPath":"$.p""#),
            ("$.v > number($.p)", r#""NumericGreaterThanPath":"$.p""#),
            (
                "$.v >= number($.p)",
                r#""NumericGreaterThanEqualsPath":"$.p""#,
            ),
            ("$.v == true", r#""BooleanEquals":true"#),
            ("$.v == false", r#""BooleanEquals":false"#),
            ("$.v == bool($.p)", r#""BooleanEqualsPath":"$.p""#),
            ("$.v == timestamp('t')", r#""TimestampEquals":"t""#),
            ("$.v < timestamp('t')", r#""TimestampLessThan":"t""#),
            ("$.v <= timestamp('t')", r#""TimestampLessThanEquals":"t""#),
            ("$.v > timestamp('t')", r#""TimestampGreaterThan":"t""#),
            (
                "$.v >= timestamp('t')",
                r#""TimestampGreaterThanEquals":"t""#,
            ),
            ("$.v == timestamp($.p)", r#""TimestampEqualsPath":"$.p""#),
            ("$.v < timestamp($.p)", r#""TimestampLessThanPath":"$.p""#),
            (
                "$.v <= timestamp($.p)",
                r#""TimestampLessThanEqualsPath":"$.p""#,
            ),
            (
                "$.v > timestamp($.p)",
                r#""TimestampGreaterThanPath":"$.p""#,
            ),
            (
                "$.v >= timestamp($.p)",
                r#""TimestampGreaterThanEqualsPath":"$.p""#,
            ),
            ("is_null($.v)", r#""IsNull":true"#),
            ("$.v == null", r#""IsNull":true"#),
            ("$.v != null", r#""IsNull":false"#),
            ("is_present($.v)", r#""IsPresent":true"#),
            ("!is_present($.v)", r#""IsPresent":false"#),
            ("is_numeric($.v)", r#""IsNumeric":true"#),
            ("!is_string($.v)", r#""IsString":false"#),
            ("is_boolean($.v)", r#""IsBoolean":true"#),
            ("!is_timestamp($.v)", r#""IsTimestamp":false"#),
            ("!is_null($.v)", r#""IsNull":false"#),
        ];
        for (src, operator) in cases {
            assert_eq!(
                json(src),
                format!(r#"{{"Variable":"$.v",{operator}}}"#),
                "{src}"
            );
        }
    }

    #[test]
    fn not_equal_is_not_of_the_equality() {
        for (src, inner) in [
            ("$.v != 'x'", r#""StringEquals":"x""#),
            ("$.v != 5", r#""NumericEquals":5"#),
            ("$.v != true", r#""BooleanEquals":true"#),
            ("$.v != timestamp('t')", r#""TimestampEquals":"t""#),
            ("$.v != string($.p)", r#""StringEqualsPath":"$.p""#),
            ("$.v != number($.p)", r#""NumericEqualsPath":"$.p""#),
            ("$.v != bool($.p)", r#""BooleanEqualsPath":"$.p""#),
            ("$.v != timestamp($.p)", r#""TimestampEqualsPath":"$.p""#),
        ] {
            assert_eq!(
                json(src),
                format!(r#"{{"Not":{{"Variable":"$.v",{inner}}}}}"#),
                "{src}"
            );
        }
    }

    #[test]
    fn a_value_on_the_left_flips_the_operator() {
        assert_eq!(json("5 < $.n"), json("$.n > 5"));
        assert_eq!(json("5 <= $.n"), json("$.n >= 5"));
        assert_eq!(json("'a' > $.s"), json("$.s < 'a'"));
        assert_eq!(json("'a' >= $.s"), json("$.s <= 'a'"));
        assert_eq!(json("null == $.x"), json("$.x == null"));
        assert_eq!(json("true != $.x"), json("$.x != true"));
        assert_eq!(json("timestamp('t') < $.x"), json("$.x > timestamp('t')"));
        assert_eq!(json("number($.a) < $.b"), json("$.b > number($.a)"));
    }

    #[test]
    fn a_cast_may_mark_the_variable_side() {
        assert_eq!(
            json("timestamp($.t) < '2024'"),
            json("$.t < timestamp('2024')")
        );
        assert_eq!(json("number($.a) > 5"), json("$.a > 5"));
        assert_eq!(json("string($.a) == 'x'"), json("$.a == 'x'"));
        assert_eq!(json("bool($.a) == true"), json("$.a == true"));
        assert_eq!(
            json("number($.a) <= number($.b)"),
            json("$.a <= number($.b)")
        );
        assert_eq!(json("5 < number($.a)"), json("$.a > 5"));
    }

    #[test]
    fn type_errors_name_their_column() {
        let cases: &[(&str, usize, &str)] = &[
            ("$.a < $.b < 5", 5, "comparing two paths needs their type: write e.g. `$.a == string($.b)`, `number(…)`, `timestamp(…)` or `bool(…)`"),
            ("5 == 5", 1, "this compares two values: one side must be a path such as `$.x`"),
            ("'a' == null", 1, "this compares two values: one side must be a path such as `$.x`"),
            ("$.a == $.b", 5, "comparing two paths needs their type: write e.g. `$.a == string($.b)`, `number(…)`, `timestamp(…)` or `bool(…)`"),
            ("$.flag < true", 8, "`<` cannot compare booleans: only `==` and `!=` can"),
            ("$.flag >= bool($.b)", 8, "`>=` cannot compare booleans: only `==` and `!=` can"),
            ("$.x > null", 5, "`>` cannot compare with `null`: only `== null` and `!= null` can"),
            ("number($.a) == 'x'", 16, "`number(…)` is compared with a string: both sides need the same type"),
            ("string($.a) == null", 16, "`string(…)` is compared with `null`: both sides need the same type"),
            ("number($.a) == string($.b)", 16, "`number(…)` is compared with `string(…)`: both sides need the same type"),
        ];
        for (src, column, message) in cases {
            let e = parse(src).unwrap_err();
            assert_eq!((e.column(), e.message()), (*column, *message), "{src}");
        }
    }
}
