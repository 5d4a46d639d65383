//! The JSON Schema of the model, derived with `schemars`.

use schemars::generate::SchemaSettings;
use schemars::JsonSchema;

use crate::model::StateMachine;

/// The JSON Schema (draft 2020-12) of an ASL document as stepfn reads it.
///
/// It describes shapes only; rules across fields (reachability, names, ranges)
/// are not expressible in it. An optional field may be left out but not set to
/// `null`, except the paths whose `null` means something (`InputPath`,
/// `OutputPath`, `ResultPath`).
///
/// ```
/// let schema = stepfn::json_schema();
/// assert_eq!(schema["title"], "Amazon States Language state machine");
/// ```
#[must_use]
pub fn json_schema() -> serde_json::Value {
    let mut schema = SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<StateMachine>()
        .to_value();
    strip_option_nulls(&mut schema);
    schema
}

/// schemars lets every `Option` field be `null`; stepfn reads a `null` only where
/// ASL gives it a meaning, so the `null` alternative is removed from every
/// property (the nullable paths keep it inside their `NullablePath` definition).
fn strip_option_nulls(schema: &mut serde_json::Value) {
    use serde_json::Value;
    let mut pending = vec![schema];
    while let Some(value) = pending.pop() {
        match value {
            Value::Object(map) => {
                if let Some(Value::Object(properties)) = map.get_mut("properties") {
                    for property in properties.values_mut() {
                        strip_null(property);
                    }
                }
                pending.extend(map.values_mut());
            }
            Value::Array(items) => pending.extend(items.iter_mut()),
            _ => {}
        }
    }
}

fn strip_null(property: &mut serde_json::Value) {
    use serde_json::Value;
    let Value::Object(map) = property else { return };
    if let Some(Value::Array(types)) = map.get_mut("type") {
        types.retain(|t| t != "null");
        if let [only] = &types[..] {
            let only = only.clone();
            map.insert("type".to_owned(), only);
        }
    }
    if let Some(Value::Array(alternatives)) = map.get_mut("anyOf") {
        alternatives.retain(|a| a.get("type").is_none_or(|t| t != "null"));
        if let [only] = &alternatives[..] {
            let only = only.clone();
            map.remove("anyOf");
            if let Value::Object(inner) = only {
                for (k, v) in inner {
                    map.entry(k).or_insert(v);
                }
            }
        }
    }
}

/// A path that may also be `null` (`InputPath`, `OutputPath`, `ResultPath`).
pub(crate) struct NullableString;

impl JsonSchema for NullableString {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "NullablePath".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": ["string", "null"] })
    }
}
