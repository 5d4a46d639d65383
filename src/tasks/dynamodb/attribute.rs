//! [`DynamoAttributeValue`]: a DynamoDB attribute value in its typed JSON
//! form (`{"S": "text"}`, `{"N": "1"}`, ...).

use crate::model::Json;
use crate::tasks::input::number;
use crate::tasks::render::Fields;
use crate::tasks::Input;

/// A DynamoDB attribute value, written as DynamoDB's typed JSON: a string is
/// `{"S": "text"}`, a number `{"N": "1.5"}` (numbers travel as text), a map
/// `{"M": {...}}`. Each value may also be read from the state at run time.
///
/// ```
/// use stepfn::builder::{JsonPath, Jsonata};
/// use stepfn::tasks::{DynamoAttributeValue as V, DynamoGetItem, DynamoTable};
/// let state = DynamoGetItem::new("Get", DynamoTable::from_name("t"))
///     .key("s", V::from_string("text"))
///     .key("sp", V::from_string(JsonPath::new("$.id")))
///     .key("n", V::from_number(1.5))
///     .key("ns", V::number_from_string("10"))
///     .key("b", V::from_binary("AAE="))
///     .key("ss", V::from_string_set(["a", "b"]))
///     .key("nss", V::from_number_set([1.0, 2.5]))
///     .key("nsf", V::number_set_from_strings(["1", "2"]))
///     .key("bs", V::from_binary_set(["AA=="]))
///     .key("m", V::from_map([("inner", V::from_boolean(true))]))
///     .key("mp", V::map_from(JsonPath::new("$.map")))
///     .key("l", V::from_list([V::from_null(true)]))
///     .key("lp", V::list_from(JsonPath::new("$.list")))
///     .key("bp", V::from_boolean(JsonPath::new("$.flag")));
/// assert_eq!(state.to_json(), concat!(
///     r#"{"Type":"Task","Resource":"arn:aws:states:::dynamodb:getItem","Parameters":{"Key":{"#,
///     r#""s":{"S":"text"},"sp":{"S.$":"$.id"},"n":{"N":"1.5"},"ns":{"N":"10"},"b":{"B":"AAE="},"#,
///     r#""ss":{"SS":["a","b"]},"nss":{"NS":["1","2.5"]},"nsf":{"NS":["1","2"]},"bs":{"BS":["AA=="]},"#,
///     r#""m":{"M":{"inner":{"BOOL":true}}},"mp":{"M.$":"$.map"},"l":{"L":[{"NULL":true}]},"#,
///     r#""lp":{"L.$":"$.list"},"bp":{"BOOL.$":"$.flag"}},"TableName":"t","ConsistentRead":false},"End":true}"#,
/// ));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct DynamoAttributeValue(Value);

/// The attribute types.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    /// `S`, `N`, `B`: one string.
    Text(&'static str, Input<String>),
    /// `SS`, `NS`, `BS`: a set of strings.
    Set(&'static str, Input<Vec<String>>),
    /// `M`
    Map(Vec<(String, DynamoAttributeValue)>),
    /// `L`
    List(Vec<DynamoAttributeValue>),
    /// `M`, `L`, `BOOL` read at run time, or a literal `BOOL`/`NULL`.
    Other(&'static str, Input<Json>),
    /// `BOOL`
    Bool(Input<bool>),
}

impl DynamoAttributeValue {
    /// `{"S": value}`: a string. (Example on [`DynamoAttributeValue`].)
    pub fn from_string(value: impl Into<Input<String>>) -> DynamoAttributeValue {
        DynamoAttributeValue(Value::Text("S", value.into()))
    }

    /// `{"N": "value"}`: a number, sent as its text. (Example on
    /// [`DynamoAttributeValue`].)
    pub fn from_number(value: impl Into<Input<f64>>) -> DynamoAttributeValue {
        DynamoAttributeValue(Value::Text("N", value.into().map(number_text)))
    }

    /// `{"N": "value"}`: a number given as text (for numbers beyond `f64`).
    /// (Example on [`DynamoAttributeValue`].)
    pub fn number_from_string(value: impl Into<Input<String>>) -> DynamoAttributeValue {
        DynamoAttributeValue(Value::Text("N", value.into()))
    }

    /// `{"B": value}`: binary data, base64-encoded. (Example on
    /// [`DynamoAttributeValue`].)
    pub fn from_binary(value: impl Into<Input<String>>) -> DynamoAttributeValue {
        DynamoAttributeValue(Value::Text("B", value.into()))
    }

    /// `{"SS": [...]}`: a set of strings. (Example on [`DynamoAttributeValue`].)
    pub fn from_string_set(values: impl Into<Input<Vec<String>>>) -> DynamoAttributeValue {
        DynamoAttributeValue(Value::Set("SS", values.into()))
    }

    /// `{"NS": [...]}`: a set of numbers, sent as text. (Example on
    /// [`DynamoAttributeValue`].)
    pub fn from_number_set<I>(values: I) -> DynamoAttributeValue
    where
        I: IntoIterator,
        I::Item: Into<f64>,
    {
        let texts: Vec<String> = values.into_iter().map(|n| number_text(n.into())).collect();
        DynamoAttributeValue(Value::Set("NS", Input::from(texts)))
    }

    /// `{"NS": [...]}`: a set of numbers given as text. (Example on
    /// [`DynamoAttributeValue`].)
    pub fn number_set_from_strings(values: impl Into<Input<Vec<String>>>) -> DynamoAttributeValue {
        DynamoAttributeValue(Value::Set("NS", values.into()))
    }

    /// `{"BS": [...]}`: a set of binary values, base64-encoded. (Example on
    /// [`DynamoAttributeValue`].)
    pub fn from_binary_set(values: impl Into<Input<Vec<String>>>) -> DynamoAttributeValue {
        DynamoAttributeValue(Value::Set("BS", values.into()))
    }

    /// `{"M": {...}}`: a map of attribute values. (Example on
    /// [`DynamoAttributeValue`].)
    pub fn from_map<K: Into<String>>(
        entries: impl IntoIterator<Item = (K, DynamoAttributeValue)>,
    ) -> DynamoAttributeValue {
        let entries = entries.into_iter().map(|(k, v)| (k.into(), v)).collect();
        DynamoAttributeValue(Value::Map(entries))
    }

    /// `{"M": ...}` read at run time: a path or expression giving a map of
    /// typed attribute values (CDK `mapFromJsonPath`, `mapFromJsonata`).
    /// (Example on [`DynamoAttributeValue`].)
    pub fn map_from(value: impl Into<Input<Json>>) -> DynamoAttributeValue {
        DynamoAttributeValue(Value::Other("M", value.into()))
    }

    /// `{"L": [...]}`: a list of attribute values. (Example on
    /// [`DynamoAttributeValue`].)
    pub fn from_list(
        values: impl IntoIterator<Item = DynamoAttributeValue>,
    ) -> DynamoAttributeValue {
        DynamoAttributeValue(Value::List(values.into_iter().collect()))
    }

    /// `{"L": ...}` read at run time (CDK `listFromJsonPath`,
    /// `listFromJsonata`). (Example on [`DynamoAttributeValue`].)
    pub fn list_from(value: impl Into<Input<Json>>) -> DynamoAttributeValue {
        DynamoAttributeValue(Value::Other("L", value.into()))
    }

    /// `{"NULL": is_null}`. (Example on [`DynamoAttributeValue`].)
    pub fn from_null(is_null: bool) -> DynamoAttributeValue {
        DynamoAttributeValue(Value::Other("NULL", Input::from(Json::Bool(is_null))))
    }

    /// `{"BOOL": value}` (CDK `fromBoolean`, `booleanFromJsonPath`,
    /// `booleanFromJsonata`). (Example on [`DynamoAttributeValue`].)
    pub fn from_boolean(value: impl Into<Input<bool>>) -> DynamoAttributeValue {
        DynamoAttributeValue(Value::Bool(value.into()))
    }

    /// The typed JSON object of this value.
    pub(crate) fn render(&self, mut f: Fields) -> Fields {
        match &self.0 {
            Value::Text(kind, text) => {
                f.input(kind, text);
            }
            Value::Set(kind, items) => {
                f.input(kind, items);
            }
            Value::Map(entries) => {
                let map = render_map(f.child(), entries);
                f.object("M", map);
            }
            Value::List(items) => {
                let rendered = items.iter().map(|v| v.render(f.child())).collect();
                f.array("L", rendered);
            }
            Value::Other(kind, value) => {
                f.input(kind, value);
            }
            Value::Bool(value) => {
                f.input("BOOL", value);
            }
        }
        f
    }
}

/// An object of attribute values, key by key.
pub(crate) fn render_map(mut f: Fields, entries: &[(String, DynamoAttributeValue)]) -> Fields {
    for (key, value) in entries {
        let rendered = value.render(f.child());
        f.object(key, rendered);
    }
    f
}

/// A number as DynamoDB's text: integral values without `.0`.
fn number_text(value: f64) -> String {
    match number(value) {
        Json::Number(n) => n.to_string(),
        _ => value.to_string(),
    }
}
