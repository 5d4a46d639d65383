//! JSON text into a [`Node`] tree, through the reader's own parser (which keeps
//! the offset of every value and key and refuses nesting deeper than
//! [`MAX_NESTING_DEPTH`](crate::read::MAX_NESTING_DEPTH), so the conversion
//! below recurses at most that deep).

use super::tree::{Entry, Node, Scalar, Value};
use crate::read::parse::{self, Member};

/// Parses `text`; on failure, the offset and the reason.
pub(crate) fn parse(text: &str) -> Result<Node, (u32, String)> {
    let end = u32::try_from(text.len()).unwrap_or(u32::MAX);
    match parse::parse(text) {
        Ok(node) => Ok(convert(node, end)),
        Err(e) => Err((e.at, e.message)),
    }
}

fn convert(node: parse::Node<'_>, end: u32) -> Node {
    let at = node.at;
    let value = match node.value {
        parse::Value::Null => Value::Null,
        parse::Value::Bool(b) => Value::Bool(b),
        parse::Value::Number(n) => Value::Number(n.into_owned()),
        parse::Value::String(s) => Value::String(string(s.into_owned(), at, end)),
        parse::Value::Array(items) => {
            Value::Seq(items.into_iter().map(|n| convert(n, end)).collect())
        }
        parse::Value::Object(members) => Value::Map(
            members
                .into_iter()
                .map(|Member { key_at, key, value }| Entry {
                    key: key.into_owned(),
                    key_at,
                    value: convert(value, end),
                })
                .collect(),
        ),
    };
    Node {
        at,
        tag: None,
        value,
    }
}

/// A JSON string starting with its quote at `at`: its characters follow the
/// quote, escapes included; the end is found while aligning.
fn string(text: String, at: u32, end: u32) -> Scalar {
    Scalar {
        text,
        raw_at: at.saturating_add(1),
        raw_end: end,
        escapes: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_offsets_of_keys_and_values() {
        let node = parse(r#"{"a": ["x\"y", 1.5, null]}"#).unwrap();
        let entry = &node.entries()[0];
        assert_eq!((entry.key.as_str(), entry.key_at), ("a", 1));
        let Value::Seq(items) = &entry.value.value else {
            panic!("a list")
        };
        assert_eq!(items[0].as_str(), Some("x\"y"));
        let Value::String(s) = &items[0].value else {
            panic!("a string")
        };
        assert_eq!(s.raw_at, 8);
        assert_eq!(items[1].value, Value::Number("1.5".into()));
        assert_eq!(parse("{").unwrap_err().0, 1);
    }
}
