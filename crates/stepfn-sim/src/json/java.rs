//! Values written the way AWS's Java runtime prints them inside
//! `States.Format`: objects as `{key=value, key=value}`, arrays as
//! `[a, b]`, strings without quotes, doubles as Java's `Double.toString`
//! (`1.0`, `1.0E21`, `1.0E-4`).

use stepfn::model::{Json, Number};

/// How one argument of `States.Format` is written into the text: strings
/// as they are, other scalars as JSON text (doubles as Java writes them),
/// objects and arrays in Java's `toString` form.
pub(crate) fn java_text(value: &Json) -> String {
    let mut out = String::new();
    // Each entry is a value to write or a literal piece of punctuation.
    enum Item<'a> {
        Value(&'a Json),
        Text(&'static str),
        Key(&'a str),
    }
    let mut stack = vec![Item::Value(value)];
    while let Some(item) = stack.pop() {
        match item {
            Item::Text(text) => out.push_str(text),
            Item::Key(key) => {
                out.push_str(key);
                out.push('=');
            }
            Item::Value(value) => match value {
                Json::Null => out.push_str("null"),
                Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
                Json::Number(n) => out.push_str(&java_number(n)),
                Json::String(s) => out.push_str(s),
                Json::Array(items) => {
                    out.push('[');
                    stack.push(Item::Text("]"));
                    for (i, item) in items.iter().enumerate().rev() {
                        stack.push(Item::Value(item));
                        if i > 0 {
                            stack.push(Item::Text(", "));
                        }
                    }
                }
                Json::Object(members) => {
                    out.push('{');
                    stack.push(Item::Text("}"));
                    for (i, (key, value)) in members.iter().enumerate().rev() {
                        stack.push(Item::Value(value));
                        stack.push(Item::Key(key));
                        if i > 0 {
                            stack.push(Item::Text(", "));
                        }
                    }
                }
            },
        }
    }
    out
}

/// A number as Java prints it: integers as written, doubles in
/// `Double.toString`'s form.
pub(crate) fn java_number(n: &Number) -> String {
    let text = n.to_string();
    if n.as_i64().is_some() || n.as_u64().is_some() || !text.contains(['.', 'e', 'E']) {
        return text;
    }
    java_double(n.as_f64()).unwrap_or(text)
}

/// Java's `Double.toString` for a finite double: plain decimal with at
/// least one fraction digit when `1e-3 <= |d| < 1e7`, otherwise
/// `d.dddE±n` with the shortest digits that read back as `d`.
fn java_double(d: f64) -> Option<String> {
    if !d.is_finite() {
        return None;
    }
    if d == 0.0 {
        return Some(if d.is_sign_negative() { "-0.0" } else { "0.0" }.to_owned());
    }
    // Shortest round-trip digits and the decimal exponent of the first one.
    let scientific = format!("{:e}", d.abs());
    let (mantissa, exponent) = scientific.split_once('e')?;
    let exponent: i32 = exponent.parse().ok()?;
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let sign = if d < 0.0 { "-" } else { "" };
    let magnitude = d.abs();
    if (1e-3..1e7).contains(&magnitude) {
        let point = exponent + 1; // digits before the decimal point
        let text = if point <= 0 {
            let zeros = usize::try_from(-point).ok()?;
            format!("0.{}{digits}", "0".repeat(zeros))
        } else {
            let point = usize::try_from(point).ok()?;
            if digits.len() <= point {
                format!("{digits}{}.0", "0".repeat(point - digits.len()))
            } else {
                format!("{}.{}", &digits[..point], &digits[point..])
            }
        };
        return Some(format!("{sign}{text}"));
    }
    let (first, rest) = digits.split_at(1);
    let rest = if rest.is_empty() { "0" } else { rest };
    Some(format!("{sign}{first}.{rest}E{exponent}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn j(text: &str) -> Json {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn objects_and_arrays_read_as_java_prints_them() {
        assert_eq!(
            java_text(&j(r#"{"Arg1":1,"Arg2":[]}"#)),
            "{Arg1=1, Arg2=[]}"
        );
        assert_eq!(java_text(&j(r#"["a","b"]"#)), "[a, b]");
        assert_eq!(
            java_text(&j(r#"{"a":{"b":[1,null,true]},"c":"x y"}"#)),
            "{a={b=[1, null, true]}, c=x y}"
        );
        assert_eq!(java_text(&j("{}")), "{}");
        assert_eq!(java_text(&j(r#""plain""#)), "plain");
    }

    #[test]
    fn doubles_read_as_java_double_to_string() {
        for (text, java) in [
            ("1.0", "1.0"),
            ("1.5", "1.5"),
            ("100.25", "100.25"),
            ("1e21", "1.0E21"),
            ("1.25e7", "1.25E7"),
            ("0.001", "0.001"),
            ("0.0001", "1.0E-4"),
            ("-2.5e-10", "-2.5E-10"),
            ("9999999.0", "9999999.0"),
            ("0.0", "0.0"),
            ("12", "12"),
        ] {
            assert_eq!(java_text(&j(text)), java, "{text}");
        }
    }
}
