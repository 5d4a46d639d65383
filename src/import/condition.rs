//! Choice rules as [`Condition`](crate::builder::Condition) expressions: a
//! constructor per comparison operator (`Condition::numeric_greater_than`),
//! `Condition::and`/`or`/`not` for nested rules (each with its comment),
//! `Condition::jsonata` and `Condition::constant`. Written with an explicit
//! stack, so nesting costs no recursion; a rule nested deeper than
//! [`MOVE_OUT_HEIGHT`] levels is moved into a variable of its own, so no
//! statement nests deeply.

use crate::model::{ChoiceCondition, Comparison, NestedRule, OrJsonata};

use super::code::Expr;
use super::cx::FnCx;
use super::literal::{self, NumberLiteral};
use super::names::snake_case;

/// Rules nested deeper than this inside one condition are moved into
/// variables of their own.
const MOVE_OUT_HEIGHT: usize = 8;

/// What is left to do for one condition.
enum Step<'c> {
    Visit(&'c ChoiceCondition, Option<&'c str>),
    Group(&'static str, usize, Option<&'c str>),
    Not(Option<&'c str>),
}

/// `condition` as a `Condition` expression.
pub(crate) fn condition(cx: &mut FnCx<'_>, condition: &ChoiceCondition) -> Expr {
    let mut steps = vec![Step::Visit(condition, None)];
    // Finished conditions, with how many levels nest in each.
    let mut done: Vec<(Expr, usize)> = Vec::new();
    while let Some(step) = steps.pop() {
        match step {
            Step::Visit(ChoiceCondition::And(rules), comment) => {
                steps.push(Step::Group("Condition::and", rules.len(), comment));
                steps.extend(rules.iter().rev().map(nested));
            }
            Step::Visit(ChoiceCondition::Or(rules), comment) => {
                steps.push(Step::Group("Condition::or", rules.len(), comment));
                steps.extend(rules.iter().rev().map(nested));
            }
            Step::Visit(ChoiceCondition::Not(rule), comment) => {
                steps.push(Step::Not(comment));
                steps.push(nested(rule));
            }
            Step::Visit(ChoiceCondition::Jsonata(OrJsonata::Value(b)), comment) => {
                let expr = Expr::call("Condition::constant", vec![Expr::Lit(b.to_string())]);
                done.push((commented(expr, comment), 0));
            }
            Step::Visit(ChoiceCondition::Jsonata(OrJsonata::Jsonata(text)), comment) => {
                let expr = Expr::call("Condition::jsonata", vec![jsonata_condition(cx, text)]);
                done.push((commented(expr, comment), 0));
            }
            Step::Visit(ChoiceCondition::Data(test), comment) => {
                let constructor = format!("Condition::{}", snake_case(test.comparison.operator()));
                let operand = operand(cx, &test.comparison);
                let expr = Expr::call(constructor, vec![Expr::str(&test.variable), operand]);
                done.push((commented(expr, comment), 0));
            }
            Step::Group(constructor, count, comment) => {
                let parts = done.split_off(done.len().saturating_sub(count));
                let height = 1 + parts.iter().map(|(_, h)| *h).max().unwrap_or(0);
                let parts = parts.into_iter().map(|(part, _)| part).collect();
                let expr = Expr::call(constructor, vec![Expr::Array(parts)]);
                done.push(moved_out(cx, commented(expr, comment), height));
            }
            Step::Not(comment) => {
                let (inner, height) = done.pop().unwrap_or_else(|| (always(), 0));
                let expr = Expr::call("Condition::not", vec![inner]);
                done.push(moved_out(cx, commented(expr, comment), height + 1));
            }
        }
    }
    done.pop().map_or_else(always, |(expr, _)| expr)
}

/// `Condition::constant(true)`, standing in where no rule was found.
fn always() -> Expr {
    Expr::call("Condition::constant", vec![Expr::Lit("true".to_owned())])
}

/// A rule nested `height` levels deep, moved into a variable when that is
/// too deep to stay where it is.
fn moved_out(cx: &mut FnCx<'_>, expr: Expr, height: usize) -> (Expr, usize) {
    if height > MOVE_OUT_HEIGHT {
        (cx.hoist(expr, "condition"), 0)
    } else {
        (expr, height)
    }
}

/// A nested rule, to visit with its comment.
fn nested(rule: &NestedRule) -> Step<'_> {
    Step::Visit(&rule.condition, rule.comment.as_deref())
}

fn commented(expr: Expr, comment: Option<&str>) -> Expr {
    match comment {
        Some(comment) => expr.method("comment", vec![Expr::str(comment)]),
        None => expr,
    }
}

/// The operand of a comparison: a string (or path), a number, a boolean.
fn operand(cx: &mut FnCx<'_>, comparison: &Comparison) -> Expr {
    use Comparison as C;
    match comparison {
        C::NumericEquals(n)
        | C::NumericLessThan(n)
        | C::NumericGreaterThan(n)
        | C::NumericLessThanEquals(n)
        | C::NumericGreaterThanEquals(n) => match literal::number(n) {
            NumberLiteral::Exact(text) => Expr::Lit(text),
            NumberLiteral::Text(text) => {
                cx.note(format!(
                    "the number {text} has more digits than a double keeps: written as {}",
                    literal::nearest_float(n)
                ));
                Expr::Lit(literal::nearest_float(n))
            }
        },
        C::BooleanEquals(b)
        | C::IsNull(b)
        | C::IsPresent(b)
        | C::IsNumeric(b)
        | C::IsString(b)
        | C::IsBoolean(b)
        | C::IsTimestamp(b) => Expr::Lit(b.to_string()),
        C::StringEquals(s)
        | C::StringEqualsPath(s)
        | C::StringLessThan(s)
        | C::StringLessThanPath(s)
        | C::StringGreaterThan(s)
        | C::StringGreaterThanPath(s)
        | C::StringLessThanEquals(s)
        | C::StringLessThanEqualsPath(s)
        | C::StringGreaterThanEquals(s)
        | C::StringGreaterThanEqualsPath(s)
        | C::StringMatches(s)
        | C::NumericEqualsPath(s)
        | C::NumericLessThanPath(s)
        | C::NumericGreaterThanPath(s)
        | C::NumericLessThanEqualsPath(s)
        | C::NumericGreaterThanEqualsPath(s)
        | C::BooleanEqualsPath(s)
        | C::TimestampEquals(s)
        | C::TimestampEqualsPath(s)
        | C::TimestampLessThan(s)
        | C::TimestampLessThanPath(s)
        | C::TimestampGreaterThan(s)
        | C::TimestampGreaterThanPath(s)
        | C::TimestampLessThanEquals(s)
        | C::TimestampLessThanEqualsPath(s)
        | C::TimestampGreaterThanEquals(s)
        | C::TimestampGreaterThanEqualsPath(s) => Expr::str(s),
    }
}

/// The argument of `Condition::jsonata` that gives back `text`: the
/// expression alone when `text` is `{% expression %}`, else `text`.
fn jsonata_condition(cx: &mut FnCx<'_>, text: &str) -> Expr {
    if let Some(inner) = super::jsonata::inner_expression(text) {
        return Expr::str(inner);
    }
    let wrapped =
        text.trim() == text && text.len() >= 4 && text.starts_with("{%") && text.ends_with("%}");
    if !wrapped {
        cx.note(format!(
            "the condition {} is not a `{{% ... %}}` expression: `Condition::jsonata` writes it as one",
            literal::string(text)
        ));
    }
    Expr::str(text)
}
