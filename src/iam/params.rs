//! Reading a Task's `Parameters` or `Arguments` for the values that decide
//! its permissions.

use crate::model::{Json, JsonObject, Task};

/// A field of the task's input.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Value<'a> {
    /// A literal string.
    Text(&'a str),
    /// Another literal value.
    Other(&'a Json),
    /// A value computed at run time (a `.$` key or a `{% %}` expression).
    Dynamic,
    /// Not there.
    Absent,
}

impl<'a> Value<'a> {
    /// The literal text, if this is one.
    pub(crate) fn text(self) -> Option<&'a str> {
        match self {
            Value::Text(text) => Some(text),
            _ => None,
        }
    }

    /// Whether the field is there at all.
    pub(crate) fn is_present(self) -> bool {
        self != Value::Absent
    }
}

/// A task's `Parameters` or `Arguments` object.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Params<'a>(Option<&'a JsonObject>);

impl<'a> Params<'a> {
    /// The input of `task`.
    pub(crate) fn of(task: &'a Task) -> Params<'a> {
        match task.parameters.as_ref().or(task.arguments.as_ref()) {
            Some(Json::Object(object)) => Params(Some(object)),
            _ => Params(None),
        }
    }

    /// The field `key`.
    pub(crate) fn get(self, key: &str) -> Value<'a> {
        field(self.0, key)
    }

    /// The nested object at `key`.
    pub(crate) fn object(self, key: &str) -> Params<'a> {
        match self.0.and_then(|o| o.get(key)) {
            Some(Json::Object(object)) => Params(Some(object)),
            _ => Params(None),
        }
    }

    /// The objects of the array at `key`.
    pub(crate) fn objects(self, key: &str) -> Vec<Params<'a>> {
        match self.0.and_then(|o| o.get(key)) {
            Some(Json::Array(items)) => items
                .iter()
                .map(|item| match item {
                    Json::Object(object) => Params(Some(object)),
                    _ => Params(None),
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The string at exactly `key`, whatever it means.
    pub(crate) fn raw(self, key: &str) -> Option<&'a str> {
        self.0.and_then(|o| o.get(key)).and_then(Json::as_str)
    }

    /// Whether the object has a field `key` (plain or `.$`).
    pub(crate) fn has(self, key: &str) -> bool {
        self.get(key).is_present()
    }
}

/// `key` of `object`, by its plain or its `.$` spelling.
fn field<'a>(object: Option<&'a JsonObject>, key: &str) -> Value<'a> {
    let Some(object) = object else {
        return Value::Absent;
    };
    if object.contains_key(&format!("{key}.$")) {
        return Value::Dynamic;
    }
    match object.get(key) {
        None => Value::Absent,
        Some(Json::String(text)) if is_jsonata(text) => Value::Dynamic,
        Some(Json::String(text)) => Value::Text(text),
        Some(other) => Value::Other(other),
    }
}

/// Whether `text` is a `{% %}` expression.
pub(crate) fn is_jsonata(text: &str) -> bool {
    let t = text.trim();
    t.starts_with("{%") && t.ends_with("%}")
}

/// Unit tests.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_literal_dynamic_or_absent() {
        let json: Json = serde_json::from_str(
            r#"{"A": "a", "B.$": "$.b", "C": "{% $c %}", "D": 1, "E": {"F": "f"}, "G": [{"H": "h"}]}"#,
        )
        .unwrap_or_default();
        let Json::Object(object) = &json else { return };
        let p = Params(Some(object));
        assert_eq!(p.get("A"), Value::Text("a"));
        assert_eq!(p.get("B"), Value::Dynamic);
        assert_eq!(p.get("C"), Value::Dynamic);
        assert!(matches!(p.get("D"), Value::Other(_)));
        assert_eq!(p.get("Z"), Value::Absent);
        assert_eq!(p.object("E").get("F").text(), Some("f"));
        assert_eq!(p.objects("G")[0].get("H").text(), Some("h"));
        assert!(p.has("B") && !p.has("Z"));
    }
}
