//! Rust literal text for the values generated code holds: strings and
//! numbers, written so that they mean exactly the JSON value they stand for.

use std::fmt::Write;

use crate::model::Number;

/// A Rust string literal holding `text`. Quotes, backslashes, control and
/// non-ASCII characters are escaped, so the literal is one line of ASCII
/// (its width is its length).
///
/// ```text
/// Say "hi"\  ->  "Say \"hi\"\\"
/// ```
pub(crate) fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            ' '..='~' => out.push(c),
            _ => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
        }
    }
    out.push('"');
    out
}

/// How a number is written in Rust.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NumberLiteral {
    /// An integer or float literal that converts to exactly this number:
    /// `5`, `-3`, `5000000000u64`, `2.0`, `1e300`.
    Exact(String),
    /// Number text that no Rust literal holds (more than 64 bits of integer,
    /// `-0`, more digits than a double keeps): only `Number::parse` gives it.
    Text(String),
}

/// The literal for `number`. Integers outside `i32` get a suffix, since an
/// unsuffixed literal where several integer types are accepted is an `i32`.
pub(crate) fn number(number: &Number) -> NumberLiteral {
    if let Some(u) = number.as_u64() {
        return NumberLiteral::Exact(if u <= i32::MAX as u64 {
            u.to_string()
        } else {
            format!("{u}u64")
        });
    }
    if let Some(i) = number.as_i64() {
        return NumberLiteral::Exact(if i >= i64::from(i32::MIN) {
            i.to_string()
        } else {
            format!("{i}i64")
        });
    }
    let float = number.as_f64();
    if Number::from_f64(float).as_ref() == Some(number) {
        // `{:?}` writes the shortest text that reads back as the same
        // double, always with a `.` or an exponent: a float literal.
        return NumberLiteral::Exact(format!("{float:?}"));
    }
    NumberLiteral::Text(number.to_string())
}

/// The nearest float literal to `number`, for places that take an `f64`.
pub(crate) fn nearest_float(number: &Number) -> String {
    format!("{:?}", number.as_f64())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_to_one_line_of_ascii() {
        assert_eq!(string(r#"Say "hi"\"#), r#""Say \"hi\"\\""#);
        assert_eq!(string("a\nb\tc\u{1}"), r#""a\nb\tc\u{1}""#);
        assert_eq!(string("Ünï €"), r#""\u{dc}n\u{ef} \u{20ac}""#);
    }

    #[test]
    fn numbers_keep_their_kind_and_value() {
        let lit = |text: &str| number(&Number::parse(text).unwrap());
        let exact = |s: &str| NumberLiteral::Exact(s.to_owned());
        assert_eq!(lit("5"), exact("5"));
        assert_eq!(lit("-3"), exact("-3"));
        assert_eq!(lit("2147483648"), exact("2147483648u64"));
        assert_eq!(lit("-2147483649"), exact("-2147483649i64"));
        assert_eq!(lit("2.0"), exact("2.0"));
        assert_eq!(lit("1e300"), exact("1e300"));
        assert_eq!(lit("0.1"), exact("0.1"));
        assert_eq!(
            lit("123456789012345678901234567890"),
            NumberLiteral::Text("123456789012345678901234567890".to_owned())
        );
        assert_eq!(lit("-0"), NumberLiteral::Text("-0".to_owned()));
    }
}
