//! Free-form JSON as ASL payloads carry it: `Parameters`, `Result`, `Arguments`,
//! `Output`, `Assign` values and the like.
//!
//! Unlike `serde_json::Value` (without its `preserve_order` feature), [`Json`] keeps
//! object keys in the order they were written, keeps explicit `null`s, and keeps
//! every number's value, including integers too large for 64 bits.

use std::fmt;

use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{JsonObject, Number};

/// Any JSON value, with object keys in their original order.
///
/// ```
/// use stepfn::model::Json;
/// let payload: Json = serde_json::from_str(r#"{"b": 1, "a": null}"#).unwrap();
/// assert_eq!(serde_json::to_string(&payload).unwrap(), r#"{"b":1,"a":null}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Json {
    /// `null`
    #[default]
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number.
    Number(Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object, keys in order.
    Object(JsonObject),
}

impl Json {
    /// Any value serde can write, as JSON: struct fields and ordered maps
    /// keep their order.
    ///
    /// ```
    /// use stepfn::model::Json;
    /// #[derive(serde::Serialize)]
    /// struct Order { id: u32, total: f64 }
    /// let json = Json::from_serialize(&Order { id: 7, total: 9.5 }).unwrap();
    /// assert_eq!(serde_json::to_string(&json).unwrap(), r#"{"id":7,"total":9.5}"#);
    /// ```
    ///
    /// # Errors
    /// What serde_json says when the value has no JSON form (a map whose keys
    /// are not strings) or nests too deeply.
    pub fn from_serialize<T: Serialize + ?Sized>(value: &T) -> Result<Json, String> {
        let text = serde_json::to_string(value).map_err(|e| e.to_string())?;
        serde_json::from_str(&text).map_err(|e| e.to_string())
    }

    /// The JSON type name used in messages: `a string`, `an object`, ...
    #[must_use]
    pub fn type_name(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }

    /// The string, if this is one.
    #[must_use]
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }
}

impl Serialize for Json {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Null => serializer.serialize_unit(),
            Json::Bool(b) => serializer.serialize_bool(*b),
            Json::Number(n) => n.serialize(serializer),
            Json::String(s) => serializer.serialize_str(s),
            Json::Array(items) => serializer.collect_seq(items),
            Json::Object(map) => serializer.collect_map(map),
        }
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Json, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        Json::deserialize(d)
    }

    fn visit_bool<E>(self, b: bool) -> Result<Json, E> {
        Ok(Json::Bool(b))
    }

    fn visit_u64<E>(self, u: u64) -> Result<Json, E> {
        Ok(Json::Number(u.into()))
    }

    fn visit_i64<E>(self, i: i64) -> Result<Json, E> {
        Ok(Json::Number(i.into()))
    }

    fn visit_f64<E: de::Error>(self, x: f64) -> Result<Json, E> {
        Number::from_f64(x)
            .map(Json::Number)
            .ok_or_else(|| E::custom("JSON cannot hold NaN or infinity"))
    }

    fn visit_str<E>(self, s: &str) -> Result<Json, E> {
        Ok(Json::String(s.to_owned()))
    }

    fn visit_string<E>(self, s: String) -> Result<Json, E> {
        Ok(Json::String(s))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut object = JsonObject::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value()?;
            if object.contains_key(&key) {
                return Err(de::Error::custom(format!("duplicate key {key:?}")));
            }
            object.insert(key, value);
        }
        Ok(Json::Object(object))
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Json {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Json".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "description": "Any JSON value." })
    }
}

impl From<serde_json::Value> for Json {
    fn from(value: serde_json::Value) -> Json {
        match value {
            serde_json::Value::Null => Json::Null,
            serde_json::Value::Bool(b) => Json::Bool(b),
            serde_json::Value::Number(n) => Number::parse(&n.to_string())
                .or_else(|| n.as_f64().and_then(Number::from_f64))
                .map_or(Json::Null, Json::Number),
            serde_json::Value::String(s) => Json::String(s),
            serde_json::Value::Array(items) => {
                Json::Array(items.into_iter().map(Json::from).collect())
            }
            serde_json::Value::Object(map) => {
                Json::Object(map.into_iter().map(|(k, v)| (k, Json::from(v))).collect())
            }
        }
    }
}

impl From<JsonObject> for Json {
    /// ```
    /// use stepfn::model::{Json, JsonObject};
    /// let object = JsonObject::from_iter([("a".to_owned(), Json::from(true))]);
    /// assert_eq!(serde_json::to_string(&Json::from(object)).unwrap(), r#"{"a":true}"#);
    /// ```
    fn from(object: JsonObject) -> Json {
        Json::Object(object)
    }
}

impl From<&str> for Json {
    fn from(value: &str) -> Json {
        Json::String(value.to_owned())
    }
}

impl From<String> for Json {
    fn from(value: String) -> Json {
        Json::String(value)
    }
}

impl From<bool> for Json {
    fn from(value: bool) -> Json {
        Json::Bool(value)
    }
}

impl From<Number> for Json {
    fn from(value: Number) -> Json {
        Json::Number(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_written_kind_and_value() {
        for text in [
            "0",
            "2",
            "-7",
            "2.0",
            "1.5",
            "1e3",
            "-0.25",
            "18446744073709551616",
        ] {
            let n = Number::parse(text).expect(text);
            let back: serde_json::Value = serde_json::from_str(&n.to_string()).unwrap();
            let orig: serde_json::Value = serde_json::from_str(text).unwrap();
            assert_eq!(back, orig, "{text}");
        }
        assert_eq!(Number::parse("2").unwrap().to_string(), "2");
        assert_eq!(Number::parse("2.0").unwrap().to_string(), "2.0");
        let long = "0.12345678901234567890123";
        assert_eq!(Number::parse(long).unwrap().to_string(), long);
        let shortest = "0.30000000000000004";
        assert_eq!(
            Number::parse(shortest).unwrap(),
            Number::from_f64(0.1 + 0.2).unwrap()
        );
        assert_eq!(
            Number::parse("1.50").unwrap(),
            Number::from_f64(1.5).unwrap()
        );
        assert_eq!(Number::parse("0").unwrap(), Number::from(0i64));
        assert_eq!(Number::parse("-3").unwrap(), Number::from(-3i32));
    }

    #[test]
    fn rejects_text_that_is_not_a_json_number() {
        for text in ["", "-", "01", "1.", ".5", "1e", "+1", "NaN", "1 "] {
            assert!(Number::parse(text).is_none(), "{text}");
        }
        assert!(Number::from_f64(f64::NAN).is_none());
    }

    #[test]
    fn keeps_key_order_and_nulls() {
        let text = r#"{"z":null,"a":[1,{"y":2,"b":3}]}"#;
        let json: Json = serde_json::from_str(text).unwrap();
        assert_eq!(serde_json::to_string(&json).unwrap(), text);
    }
}
