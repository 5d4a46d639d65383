//! Helpers over the payload type [`Json`]: equality by value (`1` equals
//! `1.0`), numbers as integers or doubles, compact text, Java-style text for
//! `States.Format`, and the size and depth checks every payload passes.

mod java;
mod size;

pub(crate) use java::java_text;
pub(crate) use size::{measure, Measure};

use stepfn::model::{Json, Number};

/// Whether two values are equal as JSON values: same type, numbers equal by
/// value (`1`, `1.0` and `1e0` are one number), objects with the same
/// members whatever their order, arrays element by element. Walks with an
/// explicit stack, so any depth is safe.
pub(crate) fn equal(a: &Json, b: &Json) -> bool {
    let mut stack = vec![(a, b)];
    while let Some((a, b)) = stack.pop() {
        match (a, b) {
            (Json::Null, Json::Null) => {}
            (Json::Bool(x), Json::Bool(y)) if x == y => {}
            (Json::Number(x), Json::Number(y)) if numbers_equal(x, y) => {}
            (Json::String(x), Json::String(y)) if x == y => {}
            (Json::Array(x), Json::Array(y)) if x.len() == y.len() => {
                stack.extend(x.iter().zip(y));
            }
            (Json::Object(x), Json::Object(y)) if x.len() == y.len() => {
                for (key, value) in x {
                    match y.get(key) {
                        Some(other) => stack.push((value, other)),
                        None => return false,
                    }
                }
            }
            _ => return false,
        }
    }
    true
}

/// Whether two numbers have the same value: exactly for integers, as
/// doubles otherwise.
pub(crate) fn numbers_equal(a: &Number, b: &Number) -> bool {
    match (a.as_i64(), b.as_i64()) {
        (Some(x), Some(y)) => x == y,
        _ => match (a.as_u64(), b.as_u64()) {
            (Some(x), Some(y)) => x == y,
            _ => a.as_f64() == b.as_f64(),
        },
    }
}

/// A JSON number for an integer.
pub(crate) fn int(value: i64) -> Json {
    Json::Number(Number::from(value))
}

/// A JSON number for a double: an integer when it is a whole number that
/// fits, `null` for NaN and infinities (which JSON cannot hold).
pub(crate) fn double(value: f64) -> Json {
    Number::from_f64(value).map_or(Json::Null, |n| Json::Number(n.whole_as_integer()))
}

/// The value as compact JSON text, as AWS writes payloads into history
/// events and `States.JsonToString` results: no blanks.
pub(crate) fn text(value: &Json) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// Reads JSON text into a payload; `None` when it is not one JSON value.
pub(crate) fn parse(text: &str) -> Option<Json> {
    serde_json::from_str(text).ok()
}

/// `Some(n)` when the value is a number holding an integer (written
/// `3`, `3.0` or `3e0`) that fits in an `i64`.
pub(crate) fn as_integer(value: &Json) -> Option<i64> {
    let Json::Number(n) = value else { return None };
    if let Some(i) = n.as_i64() {
        return Some(i);
    }
    let f = n.as_f64();
    // Whole doubles within ±2^63 convert exactly.
    #[allow(clippy::cast_possible_truncation)]
    (f.fract() == 0.0 && f.abs() < 9.2e18).then_some(f as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn j(text: &str) -> Json {
        parse(text).unwrap()
    }

    #[test]
    fn equality_is_by_value() {
        assert!(equal(&j("1"), &j("1.0")));
        assert!(equal(&j("[1,{\"a\":2}]"), &j("[1.0,{\"a\":2e0}]")));
        assert!(equal(&j("{\"a\":1,\"b\":2}"), &j("{\"b\":2,\"a\":1}")));
        assert!(!equal(&j("1"), &j("\"1\"")));
        assert!(!equal(&j("[1]"), &j("[1,1]")));
        assert!(!equal(&j("{\"a\":1}"), &j("{\"b\":1}")));
        assert!(equal(
            &j("18446744073709551615"),
            &j("18446744073709551615")
        ));
    }

    #[test]
    fn integers_and_doubles() {
        assert_eq!(as_integer(&j("3.0")), Some(3));
        assert_eq!(as_integer(&j("-3")), Some(-3));
        assert_eq!(as_integer(&j("3.5")), None);
        assert_eq!(text(&double(2.0)), "2");
        assert_eq!(text(&double(2.5)), "2.5");
        assert_eq!(double(f64::NAN), Json::Null);
    }
}
