//! Writes a [`ChoiceCondition`] in the expression syntax, so that parsing the
//! text gives the same condition back.

use std::fmt::{self, Write};

use crate::model::{ChoiceCondition, Comparison, DataTest, NestedRule, OrJsonata};

/// How tightly a written condition binds, loosest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Form {
    /// `a || b`
    Or,
    /// `a && b`
    And,
    /// `$.a == 1`
    Comparison,
    /// `is_present($.a)`: a `!` right before it would flip it, not negate it.
    Predicate,
    /// `!…`, `matches(…)`, `and(…)`, `(…)`: safe anywhere.
    Closed,
}

/// Writes `condition` in the expression syntax.
pub(crate) fn write_condition(out: &mut impl Write, condition: &ChoiceCondition) -> fmt::Result {
    write(out, condition).map(drop)
}

/// Writes `condition` and says how it binds.
fn write(out: &mut impl Write, condition: &ChoiceCondition) -> Result<Form, fmt::Error> {
    match condition {
        ChoiceCondition::Or(rules) => write_chain(out, rules, "or", " || ", Form::Or),
        ChoiceCondition::And(rules) => write_chain(out, rules, "and", " && ", Form::And),
        ChoiceCondition::Not(rule) => write_not(out, &rule.condition),
        ChoiceCondition::Data(test) => write_test(out, test),
        ChoiceCondition::Jsonata(OrJsonata::Value(b)) => {
            write!(out, "{{% {b} %}}")?;
            Ok(Form::Closed)
        }
        ChoiceCondition::Jsonata(OrJsonata::Jsonata(expr)) => {
            out.write_str(expr)?;
            Ok(Form::Closed)
        }
    }
}

/// Writes `condition`, in parentheses when it binds looser than `min`.
fn write_at_least(out: &mut impl Write, condition: &ChoiceCondition, min: Form) -> fmt::Result {
    let mut text = String::new();
    let form = write(&mut text, condition)?;
    if form < min {
        write!(out, "({text})")
    } else {
        out.write_str(&text)
    }
}

/// `a && b && c` (one `And` of three), or `and(a)` for a single rule.
fn write_chain(
    out: &mut impl Write,
    rules: &[NestedRule],
    name: &str,
    separator: &str,
    form: Form,
) -> Result<Form, fmt::Error> {
    if rules.len() < 2 {
        out.write_str(name)?;
        out.write_char('(')?;
        if let Some(rule) = rules.first() {
            write(out, &rule.condition)?;
        }
        out.write_char(')')?;
        return Ok(Form::Closed);
    }
    for (i, rule) in rules.iter().enumerate() {
        if i > 0 {
            out.write_str(separator)?;
        }
        // A nested chain of the same kind needs parentheses, or it would be
        // read as part of this chain; `a && b` inside `||` does not.
        let min = if form == Form::Or {
            Form::And
        } else {
            Form::Comparison
        };
        write_at_least(out, &rule.condition, min)?;
    }
    Ok(form)
}

/// `$.a != 1` for a negated equality, otherwise `!` and the condition.
fn write_not(out: &mut impl Write, inner: &ChoiceCondition) -> Result<Form, fmt::Error> {
    if let ChoiceCondition::Data(test) = inner {
        if let (operand, "==") = operand(&test.comparison) {
            write!(out, "{} != {operand}", test.variable)?;
            return Ok(Form::Comparison);
        }
    }
    out.write_char('!')?;
    write_at_least(out, inner, Form::Closed)?;
    Ok(Form::Closed)
}

/// `'text'`, with `\`, `'` and control characters escaped.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// The operand as written after the operator, and the operator, for every
/// comparison that is written `variable op operand`; `("", "")` otherwise.
fn operand(comparison: &Comparison) -> (String, &'static str) {
    use Comparison as C;
    let string = |s: &str| quoted(s);
    let typed = |kind: &str, p: &str| format!("{kind}({p})");
    let ts = |s: &str| format!("timestamp({})", quoted(s));
    match comparison {
        C::StringEquals(s) => (string(s), "=="),
        C::StringLessThan(s) => (string(s), "<"),
        C::StringGreaterThan(s) => (string(s), ">"),
        C::StringLessThanEquals(s) => (string(s), "<="),
        C::StringGreaterThanEquals(s) => (string(s), ">="),
        C::StringEqualsPath(p) => (typed("string", p), "=="),
        C::StringLessThanPath(p) => (typed("string", p), "<"),
        C::StringGreaterThanPath(p) => (typed("string", p), ">"),
        C::StringLessThanEqualsPath(p) => (typed("string", p), "<="),
        C::StringGreaterThanEqualsPath(p) => (typed("string", p), ">="),
        C::NumericEquals(n) => (n.to_string(), "=="),
        C::NumericLessThan(n) => (n.to_string(), "<"),
        C::NumericGreaterThan(n) => (n.to_string(), ">"),
        C::NumericLessThanEquals(n) => (n.to_string(), "<="),
        C::NumericGreaterThanEquals(n) => (n.to_string(), ">="),
        C::NumericEqualsPath(p) => (typed("number", p), "=="),
        C::NumericLessThanPath(p) => (typed("number", p), "<"),
        C::NumericGreaterThanPath(p) => (typed("number", p), ">"),
        C::NumericLessThanEqualsPath(p) => (typed("number", p), "<="),
        C::NumericGreaterThanEqualsPath(p) => (typed("number", p), ">="),
        C::BooleanEquals(b) => (b.to_string(), "=="),
        C::BooleanEqualsPath(p) => (typed("bool", p), "=="),
        C::TimestampEquals(s) => (ts(s), "=="),
        C::TimestampLessThan(s) => (ts(s), "<"),
        C::TimestampGreaterThan(s) => (ts(s), ">"),
        C::TimestampLessThanEquals(s) => (ts(s), "<="),
        C::TimestampGreaterThanEquals(s) => (ts(s), ">="),
        C::TimestampEqualsPath(p) => (typed("timestamp", p), "=="),
        C::TimestampLessThanPath(p) => (typed("timestamp", p), "<"),
        C::TimestampGreaterThanPath(p) => (typed("timestamp", p), ">"),
        C::TimestampLessThanEqualsPath(p) => (typed("timestamp", p), "<="),
        C::TimestampGreaterThanEqualsPath(p) => (typed("timestamp", p), ">="),
        C::StringMatches(_)
        | C::IsNull(_)
        | C::IsPresent(_)
        | C::IsNumeric(_)
        | C::IsString(_)
        | C::IsBoolean(_)
        | C::IsTimestamp(_) => (String::new(), ""),
    }
}

/// A data test: `$.a > 5`, `matches($.f, 'a*')`, `is_null($.x)`, `!is_null($.x)`.
fn write_test(out: &mut impl Write, test: &DataTest) -> Result<Form, fmt::Error> {
    let variable = &test.variable;
    let predicate = match &test.comparison {
        Comparison::StringMatches(pattern) => {
            write!(out, "matches({variable}, {})", quoted(pattern))?;
            return Ok(Form::Closed);
        }
        Comparison::IsNull(b) => ("is_null", *b),
        Comparison::IsPresent(b) => ("is_present", *b),
        Comparison::IsNumeric(b) => ("is_numeric", *b),
        Comparison::IsString(b) => ("is_string", *b),
        Comparison::IsBoolean(b) => ("is_boolean", *b),
        Comparison::IsTimestamp(b) => ("is_timestamp", *b),
        other => {
            let (operand, op) = operand(other);
            write!(out, "{variable} {op} {operand}")?;
            return Ok(Form::Comparison);
        }
    };
    match predicate {
        (name, true) => {
            write!(out, "{name}({variable})")?;
            Ok(Form::Predicate)
        }
        (name, false) => {
            write!(out, "!{name}({variable})")?;
            Ok(Form::Closed)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::quoted;

    #[test]
    fn quotes_and_escapes_strings() {
        assert_eq!(quoted("it's a\\b"), r"'it\'s a\\b'");
        assert_eq!(quoted("a\nb\t\u{7}"), r"'a\nb\t\u{7}'");
        assert_eq!(quoted("\"é\""), "'\"é\"'");
    }
}
