//! [`Condition`]: the condition of a Choice rule, built with typed
//! constructors or parsed from a small expression language.

mod comment;
mod compare;
mod constructors;
mod display;
mod error;
mod lexer;
mod numeric;
mod parser;
#[cfg(test)]
mod proptests;
#[cfg(test)]
mod validates;

use std::fmt;
use std::str::FromStr;

use crate::model::{ChoiceCondition, Comparison, DataTest, NestedRule, OrJsonata};

pub(crate) use display::write_condition;
pub use error::ConditionParseError;
pub use numeric::NumericLiteral;

/// The condition of a Choice rule: a data test such as
/// `{"Variable": "$.n", "NumericGreaterThan": 5}`, `And`/`Or`/`Not` of
/// conditions, or a JSONata `Condition`.
///
/// Build one with a constructor per ASL operator, by combining conditions,
/// or from an expression ([`Condition::parse`]). A condition that could not
/// be built (an expression that does not parse, a NaN operand) still is a
/// `Condition`: the error is kept and reported when the condition is used,
/// so builders can report it at build time.
///
/// `Display` writes the expression syntax, and parsing that text gives the
/// same condition back.
///
/// ```
/// use stepfn::builder::Condition;
/// let typed = Condition::or([
///     Condition::string_equals("$.status", "FAILED"),
///     Condition::numeric_greater_than("$.attempts", 5),
/// ]);
/// let parsed = Condition::parse("$.status == 'FAILED' || $.attempts > 5")?;
/// assert_eq!(typed, parsed);
/// assert_eq!(
///     parsed.to_json()?,
///     r#"{"Or":[{"Variable":"$.status","StringEquals":"FAILED"},{"Variable":"$.attempts","NumericGreaterThan":5}]}"#
/// );
/// assert_eq!(typed.to_string(), "$.status == 'FAILED' || $.attempts > 5");
/// # Ok::<(), stepfn::builder::ConditionParseError>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[must_use]
pub struct Condition {
    inner: Result<ChoiceCondition, ConditionParseError>,
    /// How many `And`/`Or`/`Not` levels the condition nests (1 for a plain
    /// test), kept so that nesting too deep is refused when it is built,
    /// before anything walks it recursively.
    depth: usize,
    /// The `Comment` of the rule this condition becomes (see
    /// [`Condition::comment`]).
    comment: Option<String>,
}

/// A rule inside `And`, `Or` or `Not`.
/// The deepest `And`/`Or`/`Not` nesting a condition may have: what the
/// expression parser accepts, and well inside what JSON text allows.
pub(crate) const MAX_NESTING: usize = parser::MAX_DEPTH;

impl Condition {
    /// A condition without nested `And`/`Or`/`Not`, or an error.
    fn leaf(inner: Result<ChoiceCondition, ConditionParseError>) -> Condition {
        Condition {
            inner,
            depth: 1,
            comment: None,
        }
    }

    /// `inner` one level above conditions nested `depth` deep, or an error
    /// when that is too deep.
    fn above(
        name: &str,
        depth: usize,
        inner: Result<ChoiceCondition, ConditionParseError>,
    ) -> Condition {
        if depth >= MAX_NESTING {
            let message = format!(
                "`{name}(…)` nests conditions more than {MAX_NESTING} levels deep: flatten \
                 them, or split the decision over several Choice states"
            );
            // The inner conditions are at most MAX_NESTING deep: dropping them is safe.
            drop(inner);
            return Condition::leaf(Err(ConditionParseError::new(
                &format!("{name}(…)"),
                1,
                message,
            )));
        }
        Condition {
            inner,
            depth: depth + 1,
            comment: None,
        }
    }
}

/// How many `And`/`Or`/`Not` levels `condition` nests, counted without
/// recursion.
fn depth_of(condition: &ChoiceCondition) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(condition, 1)];
    while let Some((condition, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        match condition {
            ChoiceCondition::And(rules) | ChoiceCondition::Or(rules) => {
                stack.extend(rules.iter().map(|r| (&r.condition, depth + 1)));
            }
            ChoiceCondition::Not(rule) => stack.push((&rule.condition, depth + 1)),
            _ => {}
        }
    }
    deepest
}

fn nested(condition: ChoiceCondition) -> NestedRule {
    NestedRule {
        comment: None,
        condition,
    }
}

/// `condition` as a rule nested inside `And`, `Or` or `Not`, with its
/// comment.
fn nested_with_comment(condition: Condition) -> Result<NestedRule, ConditionParseError> {
    let comment = condition.comment;
    condition
        .inner
        .map(|condition| NestedRule { comment, condition })
}

/// `{"Variable": variable, <comparison>}`.
fn data_test(variable: String, comparison: Comparison) -> ChoiceCondition {
    ChoiceCondition::Data(DataTest {
        variable,
        comparison,
    })
}

impl Condition {
    /// `And`: every condition holds, tested in order. The conditions are kept
    /// exactly as given: nested `And`s are not merged.
    ///
    /// No conditions at all is an error (ASL needs at least one), reported
    /// like any other when the condition is used; so is a condition that
    /// holds an error (the first one is reported).
    ///
    /// ```
    /// use stepfn::builder::Condition;
    /// let c = Condition::and([
    ///     Condition::is_present("$.n", true),
    ///     Condition::numeric_less_than("$.n", 10),
    /// ]);
    /// assert_eq!(
    ///     c.to_json()?,
    ///     r#"{"And":[{"Variable":"$.n","IsPresent":true},{"Variable":"$.n","NumericLessThan":10}]}"#
    /// );
    /// assert_eq!(c.to_string(), "is_present($.n) && $.n < 10");
    /// let err = Condition::and([]).to_json().unwrap_err();
    /// assert_eq!(err.to_string(), "column 5: `and(…)` needs at least one condition");
    /// # Ok::<(), stepfn::builder::ConditionParseError>(())
    /// ```
    pub fn and(conditions: impl IntoIterator<Item = Condition>) -> Condition {
        Condition::group("and", conditions, ChoiceCondition::And)
    }

    /// `Or`: at least one condition holds, tested in order. The conditions
    /// are kept exactly as given; none at all is an error, as for
    /// [`and`](Condition::and).
    ///
    /// ```
    /// use stepfn::builder::Condition;
    /// let c = Condition::or([
    ///     Condition::string_equals("$.tier", "gold"),
    ///     Condition::or([Condition::boolean_equals("$.vip", true)]),
    /// ]);
    /// assert_eq!(
    ///     c.to_json()?,
    ///     r#"{"Or":[{"Variable":"$.tier","StringEquals":"gold"},{"Or":[{"Variable":"$.vip","BooleanEquals":true}]}]}"#
    /// );
    /// assert_eq!(c.to_string(), "$.tier == 'gold' || or($.vip == true)");
    /// # Ok::<(), stepfn::builder::ConditionParseError>(())
    /// ```
    pub fn or(conditions: impl IntoIterator<Item = Condition>) -> Condition {
        Condition::group("or", conditions, ChoiceCondition::Or)
    }

    /// `And` or `Or` of `conditions`; the first error among them, if any.
    fn group(
        name: &str,
        conditions: impl IntoIterator<Item = Condition>,
        make: fn(Vec<NestedRule>) -> ChoiceCondition,
    ) -> Condition {
        let mut depth = 0;
        let rules: Result<Vec<NestedRule>, ConditionParseError> = conditions
            .into_iter()
            .map(|c| {
                depth = depth.max(c.depth);
                nested_with_comment(c)
            })
            .collect();
        let inner = rules.and_then(|rules| {
            if rules.is_empty() {
                Err(ConditionParseError::new(
                    &format!("{name}()"),
                    name.len() + 2,
                    format!("`{name}(…)` needs at least one condition"),
                ))
            } else {
                Ok(make(rules))
            }
        });
        Condition::above(name, depth, inner)
    }

    /// `Not`: the condition does not hold. Always a `Not`, also around a
    /// type test; for `{"IsPresent": false}` use
    /// [`is_present(path, false)`](Condition::is_present). `!condition`
    /// does the same.
    ///
    /// ```
    /// use stepfn::builder::Condition;
    /// let c = Condition::not(Condition::string_equals("$.status", "OK"));
    /// assert_eq!(c.to_json()?, r#"{"Not":{"Variable":"$.status","StringEquals":"OK"}}"#);
    /// assert_eq!(c.to_string(), "$.status != 'OK'");
    /// assert_eq!(!Condition::string_equals("$.status", "OK"), c);
    /// # Ok::<(), stepfn::builder::ConditionParseError>(())
    /// ```
    // An associated function, for symmetry with `and` and `or`; `!` is the
    // `std::ops::Not` impl, which calls it.
    #[allow(clippy::should_implement_trait)]
    pub fn not(condition: Condition) -> Condition {
        let depth = condition.depth;
        let inner = nested_with_comment(condition).map(|rule| ChoiceCondition::Not(Box::new(rule)));
        Condition::above("not", depth, inner)
    }

    /// A JSONata `Condition` (for rules of JSONata states):
    /// `{"Condition": "{% expr %}"}`. An `expr` already written as
    /// `{% … %}` is kept as it is.
    ///
    /// ```
    /// use stepfn::builder::Condition;
    /// let c = Condition::jsonata("$states.input.n > 5");
    /// assert_eq!(c.to_json()?, r#"{"Condition":"{% $states.input.n > 5 %}"}"#);
    /// assert_eq!(Condition::jsonata("{% $ready %}").to_json()?, r#"{"Condition":"{% $ready %}"}"#);
    /// # Ok::<(), stepfn::builder::ConditionParseError>(())
    /// ```
    pub fn jsonata(expr: impl Into<String>) -> Condition {
        let expr = expr.into();
        let trimmed = expr.trim();
        let wrapped = trimmed.len() >= 4 && trimmed.starts_with("{%") && trimmed.ends_with("%}");
        let text = if wrapped {
            trimmed.to_owned()
        } else {
            format!("{{% {trimmed} %}}")
        };
        Condition::leaf(Ok(ChoiceCondition::Jsonata(OrJsonata::Jsonata(text))))
    }

    /// A JSONata `Condition` given as a literal `true` or `false` (for
    /// rules of JSONata states): a rule that always, or never, holds.
    ///
    /// ```
    /// use stepfn::builder::Condition;
    /// assert_eq!(Condition::constant(true).to_json()?, r#"{"Condition":true}"#);
    /// assert_eq!(Condition::constant(false).to_string(), "{% false %}");
    /// # Ok::<(), stepfn::builder::ConditionParseError>(())
    /// ```
    pub fn constant(value: bool) -> Condition {
        Condition::leaf(Ok(ChoiceCondition::Jsonata(OrJsonata::Value(value))))
    }

    /// Parses a condition written in the expression language.
    ///
    /// ```text
    /// condition   := conjunction ('||' conjunction)*    a chain is one `Or`
    /// conjunction := negation ('&&' negation)*          a chain is one `And`
    /// negation    := '!'* atom
    /// atom        := '(' condition ')'
    ///              | value op value                     one side a path
    ///              | test '(' path ')'
    ///              | 'matches' '(' path ',' string ')'
    ///              | ('and' | 'or') '(' condition (',' condition)* ')'
    /// op          := '==' | '!=' | '<' | '<=' | '>' | '>='
    /// value       := path | string | number | 'true' | 'false' | 'null'
    ///              | ('string' | 'number' | 'bool' | 'timestamp') '(' path ')'
    ///              | 'timestamp' '(' string ')'
    /// test        := 'is_null' | 'is_present' | 'is_numeric' | 'is_string'
    ///              | 'is_boolean' | 'is_timestamp'
    /// path        := '$' followed by every character up to a blank or one of
    ///                = ! < > & | ( ) , ' "   (anything goes inside balanced
    ///                [ ], quoted strings included): $.a.b  $['x y']
    ///                $.items[0]  $$.Execution.Id  $var.field
    /// string      := '…' or "…"; escapes \\ \' \" \n \r \t \u{hex}
    /// number      := JSON number, optionally negative: 5  -2.5  1e3
    /// ```
    ///
    /// Precedence, tightest first: `!`, comparison, `&&`, `||`. `a && b && c`
    /// is one `And` of three; `(a && b) && c` is an `And` inside an `And`.
    /// Blanks are allowed between tokens.
    ///
    /// What each comparison becomes (`$.x` is the `Variable`):
    ///
    /// | Expression | ASL |
    /// |---|---|
    /// | `$.x == 'a'`, `<`, `<=`, `>`, `>=` | `StringEquals`, `StringLessThan`, … |
    /// | `$.x == 5`, … | `NumericEquals`, … (integers stay integers) |
    /// | `$.x == true` | `BooleanEquals` (booleans: only `==` and `!=`) |
    /// | `$.x < timestamp('2024-01-01T00:00:00Z')` | `TimestampLessThan` |
    /// | `$.x > number($.y)`, `string(…)`, `timestamp(…)`, `bool(…)` | `NumericGreaterThanPath`, … |
    /// | `$.x != <value>` | `Not` of the `==` test |
    /// | `$.x == null` / `$.x != null` | `IsNull: true` / `IsNull: false` |
    /// | `5 < $.x` | `$.x > 5`: the path side is the `Variable` |
    /// | `is_present($.x)` / `!is_present($.x)` | `IsPresent: true` / `IsPresent: false` (same for every `is_…`) |
    /// | `!(is_present($.x))` | `Not` of `IsPresent: true` |
    /// | `matches($.f, 'log-*.txt')` | `StringMatches` |
    /// | `!(…)` | `Not` |
    /// | `and(a)`, `or(a, b)` | `And`/`Or` of exactly these rules |
    ///
    /// A cast may also mark the path side: `timestamp($.t) < '2024-01-01T00:00:00Z'`
    /// is `TimestampLessThan`. Comparing two paths needs a cast on one side;
    /// comparing two literals is an error. `(`, `!`, `and(` and `or(` may nest
    /// at most 100 levels.
    ///
    /// Paths and timestamps are not checked here beyond their shape; the
    /// [`Validator`](crate::validate::Validator) checks them.
    ///
    /// ```
    /// use stepfn::builder::Condition;
    /// let c = Condition::parse("!is_present($.token) && ($.retries >= 3 || $$.Execution.Name == 'test')")?;
    /// assert_eq!(
    ///     c.to_json()?,
    ///     r#"{"And":[{"Variable":"$.token","IsPresent":false},{"Or":[{"Variable":"$.retries","NumericGreaterThanEquals":3},{"Variable":"$$.Execution.Name","StringEquals":"test"}]}]}"#
    /// );
    /// let c = Condition::parse("$.due < timestamp($.now) && $.kind != null")?;
    /// assert_eq!(
    ///     c.to_json()?,
    ///     r#"{"And":[{"Variable":"$.due","TimestampLessThanPath":"$.now"},{"Variable":"$.kind","IsNull":false}]}"#
    /// );
    /// # Ok::<(), stepfn::builder::ConditionParseError>(())
    /// ```
    ///
    /// # Errors
    /// A [`ConditionParseError`] naming the column of the problem found, with
    /// a hint where there is one:
    ///
    /// ```
    /// use stepfn::builder::Condition;
    /// let err = Condition::parse("$.status == 'FAILED' || $.n >").unwrap_err();
    /// assert_eq!(err.to_string(), "column 30: expected a value after `>`");
    /// let err = Condition::parse("$.flag < true").unwrap_err();
    /// assert_eq!(err.to_string(), "column 8: `<` cannot compare booleans: only `==` and `!=` can");
    /// ```
    pub fn parse(src: &str) -> Result<Condition, ConditionParseError> {
        parser::parse(src).map(|c| Condition::parsed(Ok(c)))
    }

    /// As [`parse`](Condition::parse), but never fails: a parse error is kept
    /// in the condition and reported when it is used (by
    /// [`to_json`](Condition::to_json), or when a state machine is built).
    ///
    /// ```
    /// use stepfn::builder::Condition;
    /// let ok = Condition::expr("$.n > 5");
    /// assert_eq!(ok.to_json()?, r#"{"Variable":"$.n","NumericGreaterThan":5}"#);
    /// let bad = Condition::and([ok, Condition::expr("$.n = 5")]);
    /// assert_eq!(bad.to_json().unwrap_err().to_string(), "column 5: `=` is not an operator; use `==` to compare");
    /// # Ok::<(), stepfn::builder::ConditionParseError>(())
    /// ```
    pub fn expr(src: &str) -> Condition {
        Condition::parsed(parser::parse(src))
    }

    /// The condition as compact ASL JSON, as it appears in a Choice rule
    /// (without `Next`).
    ///
    /// ```
    /// use stepfn::builder::Condition;
    /// let c = Condition::string_matches("$.file", "*.csv");
    /// assert_eq!(c.to_json()?, r#"{"Variable":"$.file","StringMatches":"*.csv"}"#);
    /// # Ok::<(), stepfn::builder::ConditionParseError>(())
    /// ```
    ///
    /// # Errors
    /// The error the condition holds, if it holds one.
    pub fn to_json(&self) -> Result<String, ConditionParseError> {
        let condition = self.inner.as_ref().map_err(Clone::clone)?;
        serde_json::to_string(condition).map_err(|e| {
            ConditionParseError::new("", 1, format!("cannot write the condition as JSON: {e}"))
        })
    }

    /// The model condition, or the error this condition holds (the first
    /// one, for `And`/`Or`/`Not` of conditions that hold errors).
    pub(crate) fn into_model(self) -> Result<ChoiceCondition, ConditionParseError> {
        self.inner
    }

    /// A parsed condition (the parser bounds its nesting by the same limit).
    fn parsed(inner: Result<ChoiceCondition, ConditionParseError>) -> Condition {
        let depth = inner.as_ref().map_or(1, depth_of);
        Condition {
            inner,
            depth,
            comment: None,
        }
    }
}

/// The model condition, or the error the condition holds.
///
/// ```
/// use stepfn::builder::Condition;
/// use stepfn::model::ChoiceCondition;
/// let model = ChoiceCondition::try_from(Condition::expr("is_null($.x)"))?;
/// assert!(matches!(model, ChoiceCondition::Data(_)));
/// # Ok::<(), stepfn::builder::ConditionParseError>(())
/// ```
impl TryFrom<Condition> for ChoiceCondition {
    type Error = ConditionParseError;

    fn try_from(condition: Condition) -> Result<ChoiceCondition, ConditionParseError> {
        condition.into_model()
    }
}

/// `!condition` is [`Condition::not(condition)`](Condition::not).
impl std::ops::Not for Condition {
    type Output = Condition;

    fn not(self) -> Condition {
        Condition::not(self)
    }
}

/// [`Condition::parse`].
impl FromStr for Condition {
    type Err = ConditionParseError;

    fn from_str(src: &str) -> Result<Condition, ConditionParseError> {
        Condition::parse(src)
    }
}

/// Writes the expression syntax; parsing it gives the same condition back.
///
/// Two exceptions, which do not parse back: a JSONata condition is written
/// as its `{% … %}` text, and a path is written as it is, so one the
/// language cannot read in one piece (one with a blank or an operator
/// outside brackets, or not starting with `$`) does not round-trip. A
/// condition holding an error writes the text the error refers to.
impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.inner {
            Ok(condition) => display::write_condition(f, condition),
            Err(e) => f.write_str(e.input()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Condition;

    fn json(c: &Condition) -> String {
        c.to_json().unwrap()
    }

    #[test]
    fn and_or_keep_order_and_nesting() {
        let a = Condition::string_equals("$.a", "1");
        let b = Condition::string_equals("$.b", "2");
        let c = Condition::string_equals("$.c", "3");
        let nested = Condition::and([Condition::and([a.clone(), b.clone()]), c.clone()]);
        assert_eq!(
            json(&nested),
            r#"{"And":[{"And":[{"Variable":"$.a","StringEquals":"1"},{"Variable":"$.b","StringEquals":"2"}]},{"Variable":"$.c","StringEquals":"3"}]}"#
        );
        assert_eq!(
            nested.to_string(),
            "($.a == '1' && $.b == '2') && $.c == '3'"
        );
        let flat = Condition::or([c, b, a]);
        assert_eq!(flat.to_string(), "$.c == '3' || $.b == '2' || $.a == '1'");
    }

    #[test]
    fn the_first_deferred_error_wins_at_any_depth() {
        let first = Condition::expr("$.a = 1");
        let second = Condition::expr("$.b >");
        let tree = Condition::or([
            Condition::string_equals("$.ok", "x"),
            Condition::not(Condition::and([first, second])),
        ]);
        let err = tree.clone().into_model().unwrap_err();
        assert_eq!((err.column(), err.input()), (5, "$.a = 1"));
        assert_eq!(tree.to_string(), "$.a = 1");
        assert_eq!(Condition::or([]).into_model().unwrap_err().column(), 4);
    }

    #[test]
    fn not_is_always_a_not() {
        let c = !Condition::is_present("$.x", true);
        assert_eq!(json(&c), r#"{"Not":{"Variable":"$.x","IsPresent":true}}"#);
        assert_eq!(c.to_string(), "!(is_present($.x))");
        assert_eq!(Condition::parse("!(is_present($.x))").unwrap(), c);
    }

    #[test]
    fn jsonata_wraps_once() {
        assert_eq!(
            json(&Condition::jsonata("  $x  ")),
            r#"{"Condition":"{% $x %}"}"#
        );
        assert_eq!(
            json(&Condition::jsonata(" {%$x%} ")),
            r#"{"Condition":"{%$x%}"}"#
        );
        assert_eq!(
            json(&Condition::jsonata("{%}")),
            r#"{"Condition":"{% {%} %}"}"#
        );
        assert_eq!(Condition::jsonata("$x").to_string(), "{% $x %}");
    }

    #[test]
    fn from_str_and_parse_agree() {
        let parsed: Condition = "$.n >= 1".parse().unwrap();
        assert_eq!(parsed, Condition::numeric_greater_than_equals("$.n", 1));
        assert!("$.n >=".parse::<Condition>().is_err());
    }
}
