//! [`Input`]: a value an integration sends to AWS, written in the definition
//! or taken from the state's input when the task runs.

use std::time::Duration;

use crate::builder::{Intrinsic, JsonPath, Jsonata, Payload};
use crate::model::{Json, Number};

/// A value of type `T` that an integration sends to AWS: a literal written in
/// the definition, or a value AWS computes when the task runs, from a
/// [`JsonPath`] or an [`Intrinsic`] (JSONPath states) or a [`Jsonata`]
/// expression (JSONata states).
///
/// Every setter of an integration that AWS lets read from the state takes
/// `impl Into<Input<T>>`, so it takes the literal as is or any of the three.
/// A path is written under `"Key.$"`, an expression as `"{% ... %}"`; a
/// path in a JSONata state or an expression in a JSONPath state is a build
/// error at that task (`VALUE_FOR_OTHER_QUERY_LANGUAGE`).
///
/// ```
/// use stepfn::builder::{JsonPath, Jsonata};
/// use stepfn::tasks::{SqsQueue, SqsSendMessage};
/// let queue = SqsQueue::from_url("https://sqs.us-east-1.amazonaws.com/123456789012/orders");
/// let literal = SqsSendMessage::new("Send", queue.clone(), "hello").message_group_id("g");
/// assert!(literal.to_json().contains(r#""MessageBody":"hello","MessageGroupId":"g""#));
/// let path = SqsSendMessage::new("Send", queue.clone(), "hello").message_group_id(JsonPath::new("$.group"));
/// assert!(path.to_json().contains(r#""MessageGroupId.$":"$.group""#));
/// let expression = SqsSendMessage::new("Send", queue, "hello")
///     .jsonata()
///     .message_group_id(Jsonata::new("$group"));
/// assert!(expression.to_json().contains(r#""MessageGroupId":"{% $group %}""#));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Input<T>(pub(crate) Repr<T>);

/// What an [`Input`] holds.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Repr<T> {
    /// Written as is.
    Literal(T),
    /// A path or intrinsic call, written under `Key.$` (JSONPath states).
    Path(String),
    /// A `{% ... %}` expression (JSONata states).
    Jsonata(String),
}

impl<T> Input<T> {
    /// The literal, if this is one.
    pub(crate) fn literal(&self) -> Option<&T> {
        match &self.0 {
            Repr::Literal(value) => Some(value),
            _ => None,
        }
    }

    /// The same input with its literal converted by `f`.
    pub(crate) fn map<U>(self, f: impl FnOnce(T) -> U) -> Input<U> {
        Input(match self.0 {
            Repr::Literal(value) => Repr::Literal(f(value)),
            Repr::Path(path) => Repr::Path(path),
            Repr::Jsonata(expression) => Repr::Jsonata(expression),
        })
    }
}

impl<T> From<JsonPath> for Input<T> {
    fn from(path: JsonPath) -> Input<T> {
        Input(Repr::Path(path.into()))
    }
}

impl<T> From<&JsonPath> for Input<T> {
    fn from(path: &JsonPath) -> Input<T> {
        Input(Repr::Path(path.as_str().to_owned()))
    }
}

impl<T> From<Intrinsic> for Input<T> {
    fn from(call: Intrinsic) -> Input<T> {
        Input(Repr::Path(call.into()))
    }
}

impl<T> From<Jsonata> for Input<T> {
    fn from(expression: Jsonata) -> Input<T> {
        Input(Repr::Jsonata(expression.into()))
    }
}

/// The JSON a literal is written as.
pub(crate) trait Literal {
    /// The literal as JSON.
    fn to_json(&self) -> Json;
}

impl Literal for String {
    fn to_json(&self) -> Json {
        Json::String(self.clone())
    }
}

impl Literal for i64 {
    fn to_json(&self) -> Json {
        Json::Number(Number::from(*self))
    }
}

impl Literal for f64 {
    fn to_json(&self) -> Json {
        number(*self)
    }
}

/// A finite `f64` as a JSON number, integral values without `.0`; `null`
/// when it is NaN or infinite.
pub(crate) fn number(value: f64) -> Json {
    if value.is_finite() && value.fract() == 0.0 && value.abs() < 9.0e15 {
        // An exact integer below 2^53: `as` is lossless here.
        #[allow(clippy::cast_possible_truncation)]
        return Json::Number(Number::from(value as i64));
    }
    Number::from_f64(value).map_or(Json::Null, Json::Number)
}

impl Literal for bool {
    fn to_json(&self) -> Json {
        Json::Bool(*self)
    }
}

impl Literal for Json {
    fn to_json(&self) -> Json {
        self.clone()
    }
}

impl Literal for Vec<String> {
    fn to_json(&self) -> Json {
        Json::Array(self.iter().cloned().map(Json::String).collect())
    }
}

impl From<&str> for Input<String> {
    fn from(text: &str) -> Input<String> {
        Input(Repr::Literal(text.to_owned()))
    }
}

impl From<String> for Input<String> {
    fn from(text: String) -> Input<String> {
        Input(Repr::Literal(text))
    }
}

impl From<&String> for Input<String> {
    fn from(text: &String) -> Input<String> {
        Input(Repr::Literal(text.clone()))
    }
}

impl From<bool> for Input<bool> {
    fn from(value: bool) -> Input<bool> {
        Input(Repr::Literal(value))
    }
}

impl From<f64> for Input<f64> {
    fn from(value: f64) -> Input<f64> {
        Input(Repr::Literal(value))
    }
}

impl From<Duration> for Input<Duration> {
    fn from(value: Duration) -> Input<Duration> {
        Input(Repr::Literal(value))
    }
}

/// `From` each integer type that fits an `i64` (for `Input<i64>`) or an
/// `f64` exactly (for `Input<f64>`).
macro_rules! integers {
    ($($t:ty),*) => {$(
        impl From<$t> for Input<i64> {
            fn from(value: $t) -> Input<i64> {
                Input(Repr::Literal(i64::from(value)))
            }
        }
        impl From<$t> for Input<f64> {
            fn from(value: $t) -> Input<f64> {
                Input(Repr::Literal(f64::from(value)))
            }
        }
    )*};
}
integers!(i8, i16, i32, u8, u16, u32);

impl From<i64> for Input<i64> {
    fn from(value: i64) -> Input<i64> {
        Input(Repr::Literal(value))
    }
}

impl From<Json> for Input<Json> {
    fn from(json: Json) -> Input<Json> {
        Input(Repr::Literal(json))
    }
}

impl From<serde_json::Value> for Input<Json> {
    fn from(json: serde_json::Value) -> Input<Json> {
        Input(Repr::Literal(Json::from(json)))
    }
}

impl From<Payload> for Input<Json> {
    fn from(payload: Payload) -> Input<Json> {
        Input(Repr::Literal(Json::from(payload)))
    }
}

impl From<&str> for Input<Json> {
    fn from(text: &str) -> Input<Json> {
        Input(Repr::Literal(Json::from(text)))
    }
}

impl From<String> for Input<Json> {
    fn from(text: String) -> Input<Json> {
        Input(Repr::Literal(Json::String(text)))
    }
}

impl<S: Into<String>> From<Vec<S>> for Input<Vec<String>> {
    fn from(items: Vec<S>) -> Input<Vec<String>> {
        Input(Repr::Literal(items.into_iter().map(Into::into).collect()))
    }
}

impl<S: Into<String>, const N: usize> From<[S; N]> for Input<Vec<String>> {
    fn from(items: [S; N]) -> Input<Vec<String>> {
        Input(Repr::Literal(items.into_iter().map(Into::into).collect()))
    }
}

/// `From` a [`JsonPath`], an [`Intrinsic`] and a [`Jsonata`] value for an
/// identifier type `$ty` that holds an `Input<String>`, built by `$make`.
macro_rules! from_dynamic {
    ($ty:ty, $make:expr) => {
        impl From<crate::builder::JsonPath> for $ty {
            fn from(value: crate::builder::JsonPath) -> $ty {
                ($make)(crate::tasks::Input::from(value))
            }
        }
        impl From<crate::builder::Intrinsic> for $ty {
            fn from(value: crate::builder::Intrinsic) -> $ty {
                ($make)(crate::tasks::Input::from(value))
            }
        }
        impl From<crate::builder::Jsonata> for $ty {
            fn from(value: crate::builder::Jsonata) -> $ty {
                ($make)(crate::tasks::Input::from(value))
            }
        }
    };
}
pub(crate) use from_dynamic;

/// A fieldless enum whose variants AWS spells as fixed strings: `as_str`,
/// `Display`, `Literal` and `From<Self> for Input<Self>`.
macro_rules! aws_enum {
    (
        $(#[$doc:meta])*
        $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal,)* }
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vdoc])* #[doc = concat!("\n\n`", $text, "`")] $variant,)*
        }

        impl $name {
            /// The value as AWS spells it.
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl crate::tasks::input::Literal for $name {
            fn to_json(&self) -> crate::model::Json {
                crate::model::Json::String(self.as_str().to_owned())
            }
        }

        impl From<$name> for crate::tasks::Input<$name> {
            fn from(value: $name) -> crate::tasks::Input<$name> {
                crate::tasks::Input(crate::tasks::input::Repr::Literal(value))
            }
        }
    };
}
pub(crate) use aws_enum;

/// Unit tests.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_paths_and_expressions_are_kept_apart() {
        let text: Input<String> = "a".into();
        assert_eq!(text.literal().map(String::as_str), Some("a"));
        let path: Input<String> = JsonPath::new("$.a").into();
        assert_eq!(path.0, Repr::Path("$.a".to_owned()));
        let call: Input<i64> = Intrinsic::uuid().into();
        assert_eq!(call.0, Repr::Path("States.UUID()".to_owned()));
        let expression: Input<bool> = Jsonata::new("$x").into();
        assert_eq!(expression.0, Repr::Jsonata("{% $x %}".to_owned()));
    }

    #[test]
    fn map_converts_only_literals() {
        let n: Input<i64> = 3.into();
        assert_eq!(n.map(|v| v * 2).literal(), Some(&6));
        let p: Input<i64> = JsonPath::new("$.n").into();
        assert_eq!(p.map(|v| v * 2).0, Repr::Path("$.n".to_owned()));
    }

    #[test]
    fn literals_render_as_json() {
        assert_eq!(7i64.to_json(), Json::Number(Number::from(7i64)));
        let text = |v: f64| serde_json::to_string(&v.to_json()).unwrap_or_default();
        assert_eq!(text(1.5), "1.5");
        assert_eq!(text(2.0), "2");
        assert_eq!(f64::NAN.to_json(), Json::Null);
        assert_eq!(
            vec!["a".to_owned()].to_json(),
            Json::Array(vec![Json::from("a")])
        );
    }
}
