//! Field-by-field comparison of two JSON values, and their canonical text,
//! both with explicit stacks: payloads nest as deep as JSON text allows.

use serde_json::Value;

use crate::problem::Path;

/// One value that differs between two documents: `None` where a side has
/// no value at that path.
pub(super) type Difference = (Path, Option<Value>, Option<Value>);

/// Every path where `old` and `new` differ, in document order. Object keys
/// are matched by name, array elements by position; numbers are compared by
/// value (`2` equals `2.0`).
pub(super) fn differences(base: Path, old: &Value, new: &Value, out: &mut Vec<Difference>) {
    let mut stack: Vec<(Path, Option<&Value>, Option<&Value>)> = vec![(base, Some(old), Some(new))];
    while let Some((path, old, new)) = stack.pop() {
        match (old, new) {
            (Some(Value::Object(a)), Some(Value::Object(b))) => {
                let mut keys: Vec<&String> = a
                    .keys()
                    .chain(b.keys().filter(|k| !a.contains_key(*k)))
                    .collect();
                keys.sort();
                for key in keys.into_iter().rev() {
                    stack.push((path.clone().key(key), a.get(key), b.get(key)));
                }
            }
            (Some(Value::Array(a)), Some(Value::Array(b))) => {
                for i in (0..a.len().max(b.len())).rev() {
                    stack.push((path.clone().index(i), a.get(i), b.get(i)));
                }
            }
            (Some(a), Some(b)) if same_leaf(a, b) => {}
            (None, None) => {}
            (a, b) => out.push((path, a.cloned(), b.cloned())),
        }
    }
}

/// Whether two values that are not both objects or both arrays are equal.
fn same_leaf(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            match (x.as_i64(), y.as_i64(), x.as_u64(), y.as_u64()) {
                (Some(p), Some(q), _, _) => p == q,
                (_, _, Some(p), Some(q)) => p == q,
                _ => x.as_f64().zip(y.as_f64()).is_some_and(|(p, q)| p == q),
            }
        }
        _ => a == b,
    }
}

/// `value` as compact JSON with object keys sorted: two values have the same
/// canonical text when they are equal whatever their key order.
pub(super) fn canonical(value: &Value) -> String {
    enum Item<'v> {
        Value(&'v Value),
        Text(&'static str),
        Key(&'v str),
    }
    let mut out = String::new();
    let mut stack = vec![Item::Value(value)];
    while let Some(item) = stack.pop() {
        match item {
            Item::Text(text) => out.push_str(text),
            Item::Key(key) => {
                out.push_str(&Value::String(key.to_owned()).to_string());
                out.push(':');
            }
            Item::Value(Value::Object(map)) => {
                let mut keys: Vec<&String> = map.keys().collect();
                keys.sort();
                out.push('{');
                stack.push(Item::Text("}"));
                for (i, key) in keys.into_iter().enumerate().rev() {
                    if let Some(v) = map.get(key) {
                        stack.push(Item::Value(v));
                    }
                    stack.push(Item::Key(key));
                    if i > 0 {
                        stack.push(Item::Text(","));
                    }
                }
            }
            Item::Value(Value::Array(items)) => {
                out.push('[');
                stack.push(Item::Text("]"));
                for (i, v) in items.iter().enumerate().rev() {
                    stack.push(Item::Value(v));
                    if i > 0 {
                        stack.push(Item::Text(","));
                    }
                }
            }
            Item::Value(leaf) => out.push_str(&leaf.to_string()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{canonical, differences};
    use crate::problem::Path;
    use serde_json::json;

    #[test]
    fn key_order_and_number_spelling_do_not_differ() {
        let mut out = Vec::new();
        differences(
            Path::root(),
            &json!({"a": 1, "b": [2.0]}),
            &json!({"b": [2], "a": 1.0}),
            &mut out,
        );
        assert!(out.is_empty(), "{out:?}");
        assert_eq!(
            canonical(&json!({"b": 1, "a": [true]})),
            r#"{"a":[true],"b":1}"#
        );
    }

    #[test]
    fn each_difference_has_its_path() {
        let mut out = Vec::new();
        differences(
            Path::root().key("States").key("A"),
            &json!({"Retry": [{"MaxAttempts": 3}], "Old": 1}),
            &json!({"Retry": [{"MaxAttempts": 5}, {"MaxAttempts": 1}]}),
            &mut out,
        );
        let paths: Vec<String> = out.iter().map(|(p, _, _)| p.to_string()).collect();
        assert_eq!(
            paths,
            [
                "States.A.Old",
                "States.A.Retry[0].MaxAttempts",
                "States.A.Retry[1]"
            ]
        );
        assert_eq!(out[1].1, Some(json!(3)));
        assert_eq!(out[1].2, Some(json!(5)));
        assert_eq!(out[2].1, None);
    }
}
