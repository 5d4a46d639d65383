//! [`Payload`]: JSONPath payload templates (`Parameters`, `ResultSelector`,
//! `ItemSelector`, `Assign`, `Credentials`) built from typed values.

use super::{Intrinsic, JsonPath};
use crate::model::{Json, JsonObject, Number};

/// An ordered JSONPath payload template: the value of `Parameters`,
/// `ResultSelector`, `ItemSelector`, a JSONPath `Assign` or `Credentials`.
///
/// A field whose value is a [`JsonPath`] or an [`Intrinsic`] is written with
/// `.$` after its key, so AWS evaluates it; every other value is a literal
/// and keeps its key as given, unless the key is written with `.$`, which
/// asks AWS to evaluate it, as in ASL. A literal string that looks like a
/// path under a key without `.$` stays a literal (the validator warns about
/// it). Explicit `null`s are kept.
/// In an `Assign`, keys are variable names; they are not checked here.
///
/// ```
/// use stepfn::builder::{Context, Intrinsic, JsonPath, Payload};
/// use stepfn::model::Json;
/// let payload = Payload::new()
///     .field("id", JsonPath::input().field("order").field("id"))
///     .field("label", Intrinsic::format("order-{}", [JsonPath::new("$.order.id")]))
///     .field("execution", Context::execution_id())
///     .field("note", "$.not-evaluated")
///     .field("retries", 3)
///     .field("discount", Json::Null)
///     .field("meta", Payload::new().field("source", "api").field("at.$", "$$.State.EnteredTime"))
///     .field("tags", vec!["a", "b"]);
/// assert_eq!(
///     serde_json::to_string(&Json::from(payload))?,
///     concat!(
///         r#"{"id.$":"$.order.id","label.$":"States.Format('order-{}', $.order.id)","#,
///         r#""execution.$":"$$.Execution.Id","note":"$.not-evaluated","retries":3,"#,
///         r#""discount":null,"meta":{"source":"api","at.$":"$$.State.EnteredTime"},"#,
///         r#""tags":["a","b"]}"#,
///     )
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// Array elements cannot be evaluated in ASL (there is no `.$` for them), so
/// paths and intrinsic calls do not convert into array items:
///
/// ```compile_fail
/// use stepfn::builder::{JsonPath, Payload};
/// let ids = Payload::new().field("ids", vec![JsonPath::new("$.id")]);
/// ```
///
/// ```compile_fail
/// use stepfn::builder::{Intrinsic, Payload};
/// let ids = Payload::new().field("ids", [Intrinsic::uuid()]);
/// ```
///
/// Use an intrinsic to build an array from paths instead, or put the path in
/// an object inside the array:
///
/// ```
/// use stepfn::builder::{Intrinsic, IntrinsicArg, JsonPath, Payload};
/// use stepfn::model::Json;
/// let p = Payload::new()
///     .field("ids", Intrinsic::array([JsonPath::new("$.a"), JsonPath::new("$.b")]))
///     .field("items", vec![Payload::new().field("id", JsonPath::new("$.a"))]);
/// assert_eq!(
///     serde_json::to_string(&Json::from(p))?,
///     r#"{"ids.$":"States.Array($.a, $.b)","items":[{"id.$":"$.a"}]}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
#[must_use]
pub struct Payload(JsonObject);

/// A value of a [`Payload`] field: a literal (a [`Json`], string, boolean,
/// number, nested [`Payload`] or array of [`PayloadItem`]s), or a
/// [`JsonPath`] or [`Intrinsic`] that AWS evaluates.
///
/// Floats that are NaN or infinite have no JSON form and become `null`, as
/// `serde_json` does; `None` becomes `null` too. A [`Json`] (or
/// `serde_json::Value`) is written as is, so a key ending `.$` inside it is
/// evaluated by AWS like any template key.
///
/// ```
/// use stepfn::builder::{JsonPath, Payload};
/// let p = Payload::new()
///     .field("ratio", f64::NAN)
///     .field("maybe", None::<&str>)
///     .field("raw", serde_json::json!({"x.$": "$.x"}))
///     .field("path", JsonPath::new("$.p"));
/// assert_eq!(
///     serde_json::to_string(&p.into_object())?,
///     r#"{"ratio":null,"maybe":null,"raw":{"x.$":"$.x"},"path.$":"$.p"}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct PayloadValue(ValueRepr);

/// What a [`PayloadValue`] holds.
#[derive(Clone, Debug, PartialEq)]
enum ValueRepr {
    /// Written as is under the plain key.
    Literal(Json),
    /// A Path or intrinsic call, written under `key.$`.
    Dynamic(String),
}

/// An element of an array in a [`Payload`]: a literal or a nested
/// [`Payload`], never a [`JsonPath`] or [`Intrinsic`] (ASL does not evaluate
/// array elements).
///
/// ```
/// use stepfn::builder::{JsonPath, Payload, PayloadItem};
/// let p = Payload::new().field("mixed", vec![
///     PayloadItem::from("$.x"),
///     PayloadItem::from(1),
///     PayloadItem::from(vec![true]),
///     PayloadItem::from(Payload::new().field("y", JsonPath::new("$.y"))),
/// ]);
/// assert_eq!(
///     serde_json::to_string(&p.into_object())?,
///     r#"{"mixed":["$.x",1,[true],{"y.$":"$.y"}]}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct PayloadItem(Json);

impl Payload {
    /// An empty template, `{}`.
    ///
    /// ```
    /// use stepfn::builder::Payload;
    /// use stepfn::model::Json;
    /// assert_eq!(serde_json::to_string(&Json::from(Payload::new()))?, "{}");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn new() -> Payload {
        Payload::default()
    }

    /// Sets field `key` to `value`: `"key.$"` for a [`JsonPath`] or an
    /// [`Intrinsic`], `"key"` for a literal.
    ///
    /// A key written with `.$`, as ASL and the CDK write it
    /// (`.field("Payload.$", "$")`), means what it means in ASL: the string is
    /// a path, a context path or an intrinsic call for AWS to evaluate. It is
    /// kept as written, and checked like one when the machine is built (a bad
    /// path is an error at that field), never turned into a literal.
    ///
    /// Setting a key that is already there (with or without `.$`) replaces
    /// its value, and the field keeps its first position. So the template
    /// never holds two spellings of one key, which ASL forbids.
    ///
    /// ```
    /// use stepfn::builder::{JsonPath, Payload};
    /// let p = Payload::new()
    ///     .field("a", 1)
    ///     .field("b", 2)
    ///     .field("a.$", JsonPath::new("$.a"))
    ///     .field("b", "two")
    ///     .field("Payload.$", "$")
    ///     .field("Id.$", "States.UUID()");
    /// assert_eq!(serde_json::to_string(&p.into_object())?,
    ///     r#"{"a.$":"$.a","b":"two","Payload.$":"$","Id.$":"States.UUID()"}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn field(mut self, key: impl Into<String>, value: impl Into<PayloadValue>) -> Payload {
        let key = key.into();
        let evaluated = key.ends_with(".$");
        let base = base_key(key);
        let dynamic = format!("{base}.$");
        let position = [self.0.get_index_of(&base), self.0.get_index_of(&dynamic)]
            .into_iter()
            .flatten()
            .min();
        self.0.shift_remove(&base);
        self.0.shift_remove(&dynamic);
        let (key, value) = match value.into().0 {
            // written `key.$`: AWS evaluates it, whatever it holds
            ValueRepr::Literal(json) if evaluated => (dynamic, json),
            ValueRepr::Literal(json) => (base, json),
            ValueRepr::Dynamic(text) => (dynamic, Json::String(text)),
        };
        match position {
            Some(i) if i <= self.0.len() => {
                self.0.shift_insert(i, key, value);
            }
            _ => {
                self.0.insert(key, value);
            }
        }
        self
    }

    /// A template from hand-written JSON, taken as is: keys ending `.$` are
    /// kept, so they are evaluated by AWS. `Err` gives back a value that is
    /// not an object.
    ///
    /// Key order is the JSON's: note that `serde_json::json!` sorts keys
    /// unless serde_json's `preserve_order` feature is on, whereas reading
    /// text into a [`Json`] keeps the order written.
    ///
    /// ```
    /// use serde_json::json;
    /// use stepfn::builder::{JsonPath, Payload};
    /// let p = Payload::from_json(json!({"a.$": "$.a", "b": null}))
    ///     .unwrap_or_default()
    ///     .field("c", JsonPath::new("$.c"))
    ///     .field("a", 1);
    /// assert_eq!(serde_json::to_string(&p.into_object())?, r#"{"a":1,"b":null,"c.$":"$.c"}"#);
    /// assert!(Payload::from_json(json!([1])).is_err());
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn from_json(json: impl Into<Json>) -> Result<Payload, Json> {
        match json.into() {
            Json::Object(object) => Ok(Payload(object)),
            other => Err(other),
        }
    }

    /// The rendered template.
    ///
    /// ```
    /// use stepfn::builder::{Payload, JsonPath};
    /// let p = Payload::new().field("x", JsonPath::new("$.x"));
    /// assert_eq!(p.as_object().keys().collect::<Vec<_>>(), ["x.$"]);
    /// ```
    #[must_use]
    pub fn as_object(&self) -> &JsonObject {
        &self.0
    }

    /// The rendered template, for a model field such as
    /// [`Task::result_selector`](crate::model::Task::result_selector).
    ///
    /// ```
    /// use stepfn::builder::{Payload, JsonPath};
    /// let object = Payload::new().field("x", JsonPath::new("$.x")).field("y", 1).into_object();
    /// assert_eq!(serde_json::to_string(&object)?, r#"{"x.$":"$.x","y":1}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn into_object(self) -> JsonObject {
        self.0
    }
}

/// `key` without any `.$` at its end.
fn base_key(mut key: String) -> String {
    while key.ends_with(".$") {
        key.truncate(key.len() - 2);
    }
    key
}

/// A template is written as its object.
impl serde::Serialize for Payload {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// A JSONata expression is a literal string of a template (for JSONata
/// states, whose `{% ... %}` strings AWS evaluates).
///
/// ```
/// use stepfn::builder::{Jsonata, Payload};
/// let p = Payload::new().field("total", Jsonata::new("$sum($states.input.items.price)"));
/// assert_eq!(serde_json::to_string(&p)?, r#"{"total":"{% $sum($states.input.items.price) %}"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
impl From<super::Jsonata> for PayloadValue {
    fn from(expression: super::Jsonata) -> PayloadValue {
        PayloadValue(ValueRepr::Literal(Json::from(expression)))
    }
}

impl From<Payload> for Json {
    fn from(payload: Payload) -> Json {
        Json::Object(payload.0)
    }
}

impl From<Payload> for JsonObject {
    fn from(payload: Payload) -> JsonObject {
        payload.0
    }
}

impl From<JsonObject> for Payload {
    /// The object as is (see [`Payload::from_json`]).
    fn from(object: JsonObject) -> Payload {
        Payload(object)
    }
}

impl TryFrom<Json> for Payload {
    type Error = Json;

    /// As [`Payload::from_json`].
    fn try_from(json: Json) -> Result<Payload, Json> {
        Payload::from_json(json)
    }
}

/// JSON of an integer type that [`Number`] has no `From` for.
fn wide_integer(text: &str) -> Json {
    Number::parse(text).map_or(Json::Null, Json::Number)
}

/// JSON of a float: `null` when it is NaN or infinite.
fn float(value: Option<Number>) -> Json {
    value.map_or(Json::Null, Json::Number)
}

/// `From` impls shared by [`PayloadValue`] and [`PayloadItem`]: every
/// literal, made into [`Json`] and wrapped by `$wrap`.
macro_rules! literal_conversions {
    ($target:ident, $wrap:expr) => {
        impl From<Json> for $target {
            fn from(json: Json) -> $target {
                $wrap(json)
            }
        }
        impl From<serde_json::Value> for $target {
            fn from(json: serde_json::Value) -> $target {
                $wrap(Json::from(json))
            }
        }
        impl From<Number> for $target {
            fn from(number: Number) -> $target {
                $wrap(Json::Number(number))
            }
        }
        impl From<&str> for $target {
            fn from(text: &str) -> $target {
                $wrap(Json::from(text))
            }
        }
        impl From<String> for $target {
            fn from(text: String) -> $target {
                $wrap(Json::String(text))
            }
        }
        impl From<&String> for $target {
            fn from(text: &String) -> $target {
                $wrap(Json::String(text.clone()))
            }
        }
        impl From<bool> for $target {
            fn from(value: bool) -> $target {
                $wrap(Json::Bool(value))
            }
        }
        impl From<f64> for $target {
            /// The number, or `null` if it is NaN or infinite.
            fn from(value: f64) -> $target {
                $wrap(float(Number::from_f64(value)))
            }
        }
        impl From<f32> for $target {
            /// The number (as its shortest decimal text), or `null` if it is
            /// NaN or infinite.
            fn from(value: f32) -> $target {
                $wrap(float(Number::from_f32(value)))
            }
        }
        impl From<isize> for $target {
            fn from(value: isize) -> $target {
                $wrap(wide_integer(&value.to_string()))
            }
        }
        impl From<usize> for $target {
            fn from(value: usize) -> $target {
                $wrap(wide_integer(&value.to_string()))
            }
        }
        impl From<Payload> for $target {
            fn from(payload: Payload) -> $target {
                $wrap(Json::Object(payload.0))
            }
        }
        impl<T: Into<PayloadItem>> From<Vec<T>> for $target {
            fn from(items: Vec<T>) -> $target {
                $wrap(Json::Array(items.into_iter().map(|i| i.into().0).collect()))
            }
        }
        impl<T: Into<PayloadItem>, const N: usize> From<[T; N]> for $target {
            fn from(items: [T; N]) -> $target {
                $wrap(Json::Array(items.into_iter().map(|i| i.into().0).collect()))
            }
        }
        literal_conversions!(@int $target, $wrap, i8, i16, i32, i64, u8, u16, u32, u64);
    };
    (@int $target:ident, $wrap:expr, $($t:ty),*) => {$(
        impl From<$t> for $target {
            fn from(value: $t) -> $target {
                $wrap(Json::Number(Number::from(value)))
            }
        }
    )*};
}

/// A literal [`PayloadValue`].
fn literal(json: Json) -> PayloadValue {
    PayloadValue(ValueRepr::Literal(json))
}

literal_conversions!(PayloadValue, literal);
literal_conversions!(PayloadItem, PayloadItem);

impl From<PayloadItem> for PayloadValue {
    fn from(item: PayloadItem) -> PayloadValue {
        literal(item.0)
    }
}

/// Any literal JSON, written where a field takes a whole [`Json`] value
/// (`Output`, `Result`, `Arguments`, ...): a number or an array there.
///
/// ```
/// use stepfn::builder::{Pass, PayloadItem};
/// let state = Pass::new("P").output(PayloadItem::from([1, 2]));
/// assert_eq!(state.to_json(), r#"{"Type":"Pass","Output":[1,2],"End":true}"#);
/// let state = Pass::new("P").result(PayloadItem::from(2.5));
/// assert_eq!(state.to_json(), r#"{"Type":"Pass","Result":2.5,"End":true}"#);
/// ```
impl From<PayloadItem> for Json {
    fn from(item: PayloadItem) -> Json {
        item.0
    }
}

/// An item is written as the JSON it holds.
impl serde::Serialize for PayloadItem {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<T: Into<PayloadValue>> From<Option<T>> for PayloadValue {
    /// The value, or `null` for `None`.
    fn from(value: Option<T>) -> PayloadValue {
        value.map_or_else(|| literal(Json::Null), Into::into)
    }
}

impl<T: Into<PayloadItem>> From<Option<T>> for PayloadItem {
    /// The value, or `null` for `None`.
    fn from(value: Option<T>) -> PayloadItem {
        value.map_or(PayloadItem(Json::Null), Into::into)
    }
}

impl From<JsonPath> for PayloadValue {
    fn from(path: JsonPath) -> PayloadValue {
        PayloadValue(ValueRepr::Dynamic(String::from(path)))
    }
}

impl From<&JsonPath> for PayloadValue {
    fn from(path: &JsonPath) -> PayloadValue {
        PayloadValue(ValueRepr::Dynamic(path.as_str().to_owned()))
    }
}

impl From<Intrinsic> for PayloadValue {
    fn from(call: Intrinsic) -> PayloadValue {
        PayloadValue(ValueRepr::Dynamic(String::from(call)))
    }
}

impl From<&Intrinsic> for PayloadValue {
    fn from(call: &Intrinsic) -> PayloadValue {
        PayloadValue(ValueRepr::Dynamic(call.as_str().to_owned()))
    }
}

/// Unit tests.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::builder::{Context, HashAlgorithm, IntrinsicArg};
    use crate::model::{Pass, State, StateMachine, States, Succeed, Transition};
    use crate::validate::Validator;
    use proptest::prelude::*;

    /// Compact JSON text of a payload.
    fn text(p: Payload) -> String {
        serde_json::to_string(&Json::from(p)).unwrap_or_default()
    }

    #[test]
    fn paths_and_intrinsics_get_one_dollar_suffix_and_literals_none() {
        let p = Payload::new()
            .field("path", JsonPath::input().field("a"))
            .field("ctx", Context::map_item_value())
            .field("var", JsonPath::variable("total"))
            .field("call", Intrinsic::uuid())
            .field("looks_like_path", "$.a")
            .field("looks_like_call", "States.UUID()")
            .field("n", -1)
            .field("f", 0.5)
            .field("b", false);
        assert_eq!(
            text(p),
            concat!(
                r#"{"path.$":"$.a","ctx.$":"$$.Map.Item.Value","var.$":"$total","#,
                r#""call.$":"States.UUID()","looks_like_path":"$.a","#,
                r#""looks_like_call":"States.UUID()","n":-1,"f":0.5,"b":false}"#
            )
        );
    }

    #[test]
    fn nulls_survive_rendering_everywhere() {
        let p = Payload::new()
            .field("a", Json::Null)
            .field("b", None::<i32>)
            .field("c", vec![None, Some(1)])
            .field("d", Payload::new().field("e", Json::Null))
            .field("f", f32::INFINITY)
            .field("g", serde_json::Value::Null);
        assert_eq!(
            text(p),
            r#"{"a":null,"b":null,"c":[null,1],"d":{"e":null},"f":null,"g":null}"#
        );
    }

    #[test]
    fn keys_keep_insertion_order() {
        let keys = ["zeta", "alpha", "mid", "0", "", "Ж"];
        let mut p = Payload::new();
        for (i, key) in keys.iter().enumerate() {
            p = p.field(*key, i);
        }
        let rendered: Vec<&String> = p.as_object().keys().collect();
        assert_eq!(rendered, keys);
    }

    #[test]
    fn setting_a_key_again_replaces_it_in_place() {
        let p = Payload::new()
            .field("a", 1)
            .field("b", JsonPath::new("$.b"))
            .field("c", 3)
            .field("b", "literal now")
            .field("a.$", JsonPath::new("$.a"))
            .field("c.$.$", "$.c");
        assert_eq!(text(p), r#"{"a.$":"$.a","b":"literal now","c.$":"$.c"}"#);
    }

    #[test]
    fn setting_a_key_merges_both_spellings_from_raw_json() {
        let raw = r#"{"x": 1, "a": 1, "y": 2, "a.$": "$.a", "z": 3}"#;
        let raw: Json = serde_json::from_str(raw).unwrap_or_default();
        let p = Payload::from_json(raw).unwrap_or_default();
        assert_eq!(text(p.clone()), r#"{"x":1,"a":1,"y":2,"a.$":"$.a","z":3}"#);
        assert_eq!(
            text(p.field("a", Intrinsic::uuid())),
            r#"{"x":1,"a.$":"States.UUID()","y":2,"z":3}"#
        );
    }

    #[test]
    fn raw_json_passes_through_and_non_objects_come_back() {
        let raw = serde_json::json!({"k.$": "$.k", "n": {"m.$": "$$.Task.Token"}});
        let p = Payload::from_json(raw).unwrap_or_default();
        assert_eq!(text(p), r#"{"k.$":"$.k","n":{"m.$":"$$.Task.Token"}}"#);
        assert_eq!(Payload::from_json("s"), Err(Json::from("s")));
        assert_eq!(Payload::try_from(Json::Null), Err(Json::Null));
        let object: JsonObject = Payload::new().field("a", 1).into();
        assert_eq!(Payload::from(object.clone()).into_object(), object);
    }

    #[test]
    fn arrays_hold_literals_and_nested_payloads() {
        let p = Payload::new()
            .field("empty", Vec::<PayloadItem>::new())
            .field("nums", [1u8, 2, 3])
            .field("nested", vec![vec!["$.x"], vec![]])
            .field(
                "objs",
                vec![
                    PayloadItem::from(Payload::new().field("id.$", Context::map_item_index())),
                    PayloadItem::from(serde_json::json!({"k": [null]})),
                    PayloadItem::from(None::<bool>),
                ],
            );
        assert_eq!(
            text(p),
            concat!(
                r#"{"empty":[],"nums":[1,2,3],"nested":[["$.x"],[]],"#,
                r#""objs":[{"id.$":"$$.Map.Item.Index"},{"k":[null]},null]}"#
            )
        );
    }

    #[test]
    fn numbers_keep_their_kind() {
        let p = Payload::new()
            .field("u", u64::MAX)
            .field("i", i64::MIN)
            .field("us", usize::MAX)
            .field("is", isize::MIN)
            .field("f32", 0.1f32)
            .field("f32_whole", 1.0f32)
            .field("f32_big", 3e38f32)
            .field("f64", 1.0)
            .field("big", 1e300);
        assert_eq!(
            text(p),
            format!(
                r#"{{"u":{},"i":{},"us":{},"is":{},"f32":0.1,"f32_whole":1.0,"f32_big":3e+38,"f64":1.0,"big":1e+300}}"#,
                u64::MAX,
                i64::MIN,
                usize::MAX,
                isize::MIN
            )
        );
    }

    /// A Pass state with `parameters` and `assign`, then a Succeed state.
    fn machine(parameters: Json, assign: Option<JsonObject>) -> StateMachine {
        let pass = Pass {
            comment: None,
            query_language: None,
            input_path: None,
            parameters: Some(parameters),
            result: None,
            result_path: None,
            output_path: None,
            output: None,
            assign,
            transition: Transition::Next("Done".to_owned()),
        };
        let mut states = States::default();
        states.insert("S".to_owned(), State::from(pass));
        states.insert("Done".to_owned(), State::from(Succeed::default()));
        StateMachine::new("S", states)
    }

    #[test]
    fn a_machine_using_rendered_payloads_is_valid() {
        let id = JsonPath::input().field("order").field("id");
        let parameters = Payload::new()
            .field("id", &id)
            .field("label", Intrinsic::format("order {} of {x}", [&id]))
            .field("hash", Intrinsic::hash(&id, HashAlgorithm::Sha256))
            .field("execution", Context::execution_id())
            .field("start", Context::execution_start_time())
            .field("it's {weird}", Intrinsic::string_to_json("{\"k\": 'v'}"))
            .field("nothing", Json::Null)
            .field(
                "list",
                vec![PayloadItem::from(
                    Payload::new().field("x", JsonPath::input().field("a b").index(0)),
                )],
            )
            .field(
                "merged",
                Intrinsic::json_merge(JsonPath::input(), Intrinsic::string_to_json("{}")),
            )
            .field(
                "n",
                Intrinsic::math_add(Intrinsic::array_length(JsonPath::new("$.items")), 1),
            )
            .field(
                "args",
                Intrinsic::array([IntrinsicArg::from("a"), IntrinsicArg::from(f64::NAN)]),
            );
        let assign = Payload::new()
            .field("orderId", &id)
            .field("count", 0)
            .field("uuid", Intrinsic::uuid());
        let m = machine(parameters.into(), Some(assign.into_object()));
        let report = Validator::new().check(&m);
        assert!(report.errors().is_empty(), "{:?}", report.errors());
    }

    #[test]
    fn payloads_fit_every_template_field_of_a_valid_machine() {
        let json = |p: Payload| serde_json::to_string(&p.into_object()).unwrap_or_default();
        let parameters = Payload::new()
            .field(
                "FunctionName",
                "arn:aws:lambda:us-east-1:123456789012:function:f",
            )
            .field(
                "Payload",
                Payload::new()
                    .field("input", JsonPath::input())
                    .field("token", Context::execution_name()),
            );
        let selector = Payload::new()
            .field("body", JsonPath::input().field("Payload"))
            .field("code", JsonPath::new("$.StatusCode"));
        let credentials = Payload::new().field("RoleArn", JsonPath::new("$.roleArn"));
        let assign = Payload::new().field("lastBody", JsonPath::input().field("Payload"));
        let items = Payload::new()
            .field("index", Context::map_item_index())
            .field("value", Context::map_item_value())
            .field("batch", JsonPath::input().field("batchId"));
        let text = format!(
            r#"{{"StartAt": "Call", "States": {{
                "Call": {{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                    "Parameters": {}, "ResultSelector": {}, "Credentials": {}, "Assign": {},
                    "Next": "Each"}},
                "Each": {{"Type": "Map", "ItemsPath": "$.items", "ItemSelector": {},
                    "ItemProcessor": {{"StartAt": "P", "States": {{"P": {{"Type": "Pass", "End": true}}}}}},
                    "End": true}}}}}}"#,
            json(parameters),
            json(selector),
            json(credentials),
            json(assign),
            json(items),
        );
        let machine = crate::read::read_str(&text);
        assert!(machine.is_ok(), "{text}");
        if let Ok(machine) = machine {
            let report = Validator::new().check(&machine);
            assert!(report.errors().is_empty(), "{:?}", report.errors());
        }
    }

    /// A generated field value, with what its rendering must be.
    #[derive(Clone, Debug)]
    enum Spec {
        Str(String),
        Int(i64),
        Float(f64),
        Null,
        Path(Vec<String>),
        Call(String),
        Nested(Vec<(String, Spec)>),
        Array(Vec<Spec>),
    }

    impl Spec {
        fn is_dynamic(&self) -> bool {
            matches!(self, Spec::Path(_) | Spec::Call(_))
        }

        fn path(steps: &[String]) -> JsonPath {
            steps.iter().fold(JsonPath::input(), |p, s| p.field(s))
        }

        /// The same value with `.$` taken off the keys of nested templates.
        fn without_dollar_keys(self) -> Spec {
            match self {
                Spec::Nested(fields) => Spec::Nested(
                    fields
                        .into_iter()
                        .map(|(k, v)| (base_key(k), v.without_dollar_keys()))
                        .collect(),
                ),
                Spec::Array(items) => {
                    Spec::Array(items.into_iter().map(Spec::without_dollar_keys).collect())
                }
                other => other,
            }
        }

        fn value(&self) -> PayloadValue {
            match self {
                Spec::Path(steps) => Spec::path(steps).into(),
                Spec::Call(s) => Intrinsic::base64_encode(s.as_str()).into(),
                other => other.item().into(),
            }
        }

        /// As an array item (paths and calls become their text).
        fn item(&self) -> PayloadItem {
            match self {
                Spec::Str(s) => s.into(),
                Spec::Int(i) => (*i).into(),
                Spec::Float(f) => (*f).into(),
                Spec::Null => Json::Null.into(),
                Spec::Path(steps) => Spec::path(steps).to_string().into(),
                Spec::Call(s) => s.into(),
                Spec::Nested(fields) => build(fields).into(),
                Spec::Array(items) => items.iter().map(Spec::item).collect::<Vec<_>>().into(),
            }
        }

        /// Checks the rendered `json` of this value.
        fn check(&self, json: &Json) -> Result<(), TestCaseError> {
            match (self, json) {
                (Spec::Str(s) | Spec::Call(s), Json::String(r)) if !self.is_dynamic() => {
                    prop_assert_eq!(s, r);
                }
                (Spec::Call(s), Json::String(r)) => {
                    prop_assert!(r.starts_with("States.Base64Encode('"), "{}", r);
                    prop_assert!(crate::syntax::parse_intrinsic(r).is_ok(), "{} {}", s, r);
                }
                (Spec::Path(steps), Json::String(r)) => {
                    prop_assert_eq!(&Spec::path(steps).to_string(), r);
                }
                (Spec::Int(i), Json::Number(n)) => prop_assert_eq!(n.as_i64(), Some(*i)),
                (Spec::Float(f), Json::Number(n)) => prop_assert_eq!(n.as_f64(), *f),
                (Spec::Float(f), Json::Null) => prop_assert!(!f.is_finite()),
                (Spec::Null, Json::Null) => {}
                (Spec::Nested(fields), Json::Object(o)) => check_object(fields, o)?,
                (Spec::Array(items), Json::Array(a)) => {
                    prop_assert_eq!(items.len(), a.len());
                    for (item, json) in items.iter().zip(a) {
                        item.as_item_spec().check(json)?;
                    }
                }
                (spec, json) => prop_assert!(false, "{:?} rendered as {:?}", spec, json),
            }
            Ok(())
        }

        /// What an array item renders like: paths and calls are plain text.
        fn as_item_spec(&self) -> Spec {
            match self {
                Spec::Path(steps) => Spec::Str(Spec::path(steps).to_string()),
                Spec::Call(s) => Spec::Str(s.clone()),
                other => other.clone(),
            }
        }
    }

    fn build(fields: &[(String, Spec)]) -> Payload {
        fields
            .iter()
            .fold(Payload::new(), |p, (k, v)| p.field(k.as_str(), v.value()))
    }

    /// Checks a rendered object against the fields that built it: last value
    /// per key, first position, one `.$` exactly on evaluated values (paths,
    /// calls, and whatever was set under a key written with `.$`).
    fn check_object(fields: &[(String, Spec)], object: &JsonObject) -> Result<(), TestCaseError> {
        let mut expected: indexmap::IndexMap<String, (&Spec, bool)> = indexmap::IndexMap::new();
        for (key, spec) in fields {
            expected.insert(base_key(key.clone()), (spec, key.ends_with(".$")));
        }
        prop_assert_eq!(expected.len(), object.len());
        for ((base, (spec, written_evaluated)), (key, json)) in expected.iter().zip(object) {
            if spec.is_dynamic() || *written_evaluated {
                prop_assert_eq!(key, &format!("{base}.$"));
                prop_assert!(!base.ends_with(".$"));
            } else {
                prop_assert_eq!(key, base);
                prop_assert!(!key.ends_with(".$"));
            }
            spec.check(json)?;
        }
        Ok(())
    }

    fn spec() -> impl Strategy<Value = Spec> {
        let text = "(\\PC|[.$'{}\\\\]){0,8}";
        let leaf = prop_oneof![
            text.prop_map(Spec::Str),
            prop_oneof![Just("$.x".to_owned()), Just("$$.Execution.Id".to_owned())]
                .prop_map(Spec::Str),
            any::<i64>().prop_map(Spec::Int),
            any::<f64>().prop_map(Spec::Float),
            Just(Spec::Null),
            prop::collection::vec(text, 0..3).prop_map(Spec::Path),
            text.prop_map(Spec::Call),
        ];
        leaf.prop_recursive(3, 24, 4, move |inner| {
            prop_oneof![
                prop::collection::vec((key(), inner.clone()), 0..4).prop_map(Spec::Nested),
                prop::collection::vec(inner, 0..4).prop_map(Spec::Array),
            ]
        })
    }

    /// Keys, some colliding and some ending in `.$`.
    fn key() -> impl Strategy<Value = String> {
        prop_oneof!["[ab]{1,2}(\\.\\$){0,2}", "(\\PC|[.$]){0,6}",]
    }

    proptest! {
        #[test]
        fn rendered_keys_mark_exactly_the_evaluated_values(
            fields in prop::collection::vec((key(), spec()), 0..8),
        ) {
            let object = build(&fields).into_object();
            check_object(&fields, &object)?;
        }

        #[test]
        fn generated_payloads_make_valid_machines(
            fields in prop::collection::vec((key(), spec()), 0..6),
        ) {
            // Keys written with `.$` must hold a valid path or call; that is
            // checked by the tests of the validator, not here.
            let fields: Vec<(String, Spec)> = fields
                .into_iter()
                .map(|(k, v)| (base_key(k), v.without_dollar_keys()))
                .collect();
            let m = machine(build(&fields).into(), None);
            let report = Validator::new().check(&m);
            prop_assert!(report.errors().is_empty(), "{:?}", report.errors());
        }
    }
}
