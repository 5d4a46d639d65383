//! [`Intrinsic`]: typed calls of the 18 intrinsic functions, rendered as the
//! exact ASL text (`States.Format('order-{}', $.order.id)`).
//!
//! Arguments are converted into small argument types that say what a slot
//! accepts: [`IntrinsicArg`] (anything), [`StrArg`] (a string), [`IntArg`]
//! (an integer), [`CountArg`] (a positive integer), [`StepArg`] (a non-zero
//! integer) and [`PathOrCall`] (an array or object, which has no literal
//! form). A Path or a nested call fits every slot, since its type is known
//! only at run time.

use std::fmt;
use std::num::{
    NonZeroI16, NonZeroI32, NonZeroI64, NonZeroI8, NonZeroIsize, NonZeroU16, NonZeroU32,
    NonZeroU64, NonZeroU8, NonZeroUsize,
};

use super::JsonPath;
use crate::model::Number;
pub use crate::syntax::intrinsic::HashAlgorithm;
use crate::syntax::intrinsic::{string_literal, template_literal, Function};

/// A call of one of the 18 built-in intrinsic functions, rendered as ASL
/// text: the value of a `.$` key in a payload template (see
/// [`Payload`](super::Payload)).
///
/// String literals are single-quoted with `'`, `{`, `}` and `\` escaped by a
/// backslash; Paths are written bare; numbers, booleans and `null` as JSON.
///
/// ```
/// use stepfn::builder::{Intrinsic, JsonPath};
/// let f = Intrinsic::format("order-{}", [JsonPath::new("$.order.id")]);
/// assert_eq!(f.to_string(), "States.Format('order-{}', $.order.id)");
/// assert_eq!(String::from(f), "States.Format('order-{}', $.order.id)");
/// ```
///
/// Two things are left to the validator (and AWS): the number of `{}`
/// placeholders in a literal `States.Format` template must equal the number
/// of values, and one field may hold at most 10 calls, nested ones included.
/// A Path made with [`JsonPath::new`] is written as given, unchecked.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[must_use]
pub struct Intrinsic {
    /// The rendered call.
    text: String,
}

/// Any argument: a string (single-quoted and escaped), a number, a boolean,
/// `null`, a [`JsonPath`] (written bare) or a nested [`Intrinsic`].
///
/// Floats that are NaN or infinite have no JSON form and become `null`, as
/// `serde_json` does; `None` becomes `null` too.
///
/// ```
/// use stepfn::builder::{Intrinsic, IntrinsicArg, JsonPath};
/// let cases = [
///     (IntrinsicArg::from("it's {x} \\ ünï"), r"'it\'s \{x\} \\ ünï'"),
///     (IntrinsicArg::from(-7), "-7"),
///     (IntrinsicArg::from(2.5), "2.5"),
///     (IntrinsicArg::from(f64::NAN), "null"),
///     (IntrinsicArg::from(true), "true"),
///     (IntrinsicArg::null(), "null"),
///     (IntrinsicArg::from(None::<i64>), "null"),
///     (IntrinsicArg::from(JsonPath::new("$.a")), "$.a"),
///     (IntrinsicArg::from(Intrinsic::uuid()), "States.UUID()"),
/// ];
/// for (arg, text) in cases {
///     assert_eq!(arg.as_str(), text);
/// }
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct IntrinsicArg(String);

/// A string argument: a string literal, a [`JsonPath`] or a nested
/// [`Intrinsic`]. Numbers and booleans do not convert into it.
///
/// ```
/// use stepfn::builder::{Intrinsic, JsonPath};
/// assert_eq!(Intrinsic::base64_encode("a'b").to_string(), r"States.Base64Encode('a\'b')");
/// assert_eq!(
///     Intrinsic::base64_encode(JsonPath::new("$.text")).to_string(),
///     "States.Base64Encode($.text)"
/// );
/// ```
///
/// A number is no string:
///
/// ```compile_fail
/// use stepfn::builder::Intrinsic;
/// let _ = Intrinsic::base64_encode(42);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StrArg(StrRepr);

/// What a [`StrArg`] holds.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum StrRepr {
    /// A string literal, not yet quoted.
    Literal(String),
    /// A rendered Path or call.
    Dynamic(String),
}

/// An integer argument: an integer literal, a [`JsonPath`] or a nested
/// [`Intrinsic`].
///
/// ```
/// use stepfn::builder::{Intrinsic, JsonPath};
/// let add = Intrinsic::math_add(JsonPath::new("$.n"), -1);
/// assert_eq!(add.to_string(), "States.MathAdd($.n, -1)");
/// ```
///
/// A float or a string is no integer:
///
/// ```compile_fail
/// use stepfn::builder::Intrinsic;
/// let _ = Intrinsic::math_add(1.5, 2);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct IntArg(String);

/// A positive integer argument (the chunk size of
/// [`array_partition`](Intrinsic::array_partition)): a `NonZeroU*` literal, a
/// [`JsonPath`] or a nested [`Intrinsic`].
///
/// ```
/// use std::num::NonZeroU32;
/// use stepfn::builder::{Intrinsic, JsonPath};
/// let size = NonZeroU32::new(4).unwrap_or(NonZeroU32::MIN);
/// let chunks = Intrinsic::array_partition(JsonPath::new("$.items"), size);
/// assert_eq!(chunks.to_string(), "States.ArrayPartition($.items, 4)");
/// ```
///
/// A plain integer could be 0:
///
/// ```compile_fail
/// use stepfn::builder::{Intrinsic, JsonPath};
/// let _ = Intrinsic::array_partition(JsonPath::new("$.items"), 4u32);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CountArg(String);

/// A non-zero integer argument (the step of
/// [`array_range`](Intrinsic::array_range)): a `NonZeroI*`/`NonZeroU*`
/// literal, a [`JsonPath`] or a nested [`Intrinsic`].
///
/// ```
/// use std::num::NonZeroI64;
/// use stepfn::builder::Intrinsic;
/// let step = NonZeroI64::new(-2).unwrap_or(NonZeroI64::MIN);
/// assert_eq!(Intrinsic::array_range(10, 0, step).to_string(), "States.ArrayRange(10, 0, -2)");
/// ```
///
/// A plain integer could be 0:
///
/// ```compile_fail
/// use stepfn::builder::Intrinsic;
/// let _ = Intrinsic::array_range(10, 0, -2i64);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StepArg(String);

/// An argument that must be an array or an object, which have no literal
/// form, or that AWS takes only as a Path (the value of
/// [`json_to_string`](Intrinsic::json_to_string)): a [`JsonPath`] or a
/// nested [`Intrinsic`].
///
/// ```
/// use stepfn::builder::{Intrinsic, JsonPath};
/// let n = Intrinsic::array_length(Intrinsic::array([1, 2]));
/// assert_eq!(n.to_string(), "States.ArrayLength(States.Array(1, 2))");
/// ```
///
/// A literal does not fit, not even where the value may be of any type
/// but AWS wants a Path (`States.JsonToString`):
///
/// ```compile_fail
/// use stepfn::builder::Intrinsic;
/// let _ = Intrinsic::json_to_string("{\"a\": 1}");
/// ```
///
/// ```compile_fail
/// use stepfn::builder::Intrinsic;
/// let _ = Intrinsic::array_length("[1, 2]");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PathOrCall(String);

impl Intrinsic {
    /// `States.<name>(<args>)`, arguments separated by `, `.
    fn call(function: Function, args: impl IntoIterator<Item = String>) -> Intrinsic {
        let mut text = format!("{}(", function.name());
        for (i, arg) in args.into_iter().enumerate() {
            if i > 0 {
                text.push_str(", ");
            }
            text.push_str(&arg);
        }
        text.push(')');
        Intrinsic { text }
    }

    /// The rendered call.
    ///
    /// ```
    /// use stepfn::builder::Intrinsic;
    /// assert_eq!(Intrinsic::uuid().as_str(), "States.UUID()");
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// `States.Format(template, values…)`: replaces each `{}` of the
    /// template with the next value.
    ///
    /// In a literal template every `{}` is a placeholder and stays as is,
    /// while any other `{` or `}` is escaped (`\{`, `\}`), as are `'` and
    /// `\`. The number of placeholders must equal the number of values; the
    /// validator reports a mismatch. The template may also be a Path or a
    /// call.
    ///
    /// ```
    /// use stepfn::builder::{Intrinsic, IntrinsicArg, JsonPath};
    /// let f = Intrinsic::format("{} owes {x} {}", [
    ///     IntrinsicArg::from(JsonPath::new("$.name")),
    ///     IntrinsicArg::from(1.5),
    /// ]);
    /// assert_eq!(f.to_string(), r"States.Format('{} owes \{x\} {}', $.name, 1.5)");
    /// let plain = Intrinsic::format("no placeholders", Vec::<IntrinsicArg>::new());
    /// assert_eq!(plain.to_string(), "States.Format('no placeholders')");
    /// ```
    pub fn format<V: Into<IntrinsicArg>>(
        template: impl Into<StrArg>,
        values: impl IntoIterator<Item = V>,
    ) -> Intrinsic {
        let template = match template.into().0 {
            StrRepr::Literal(text) => quote_template(&text),
            StrRepr::Dynamic(text) => text,
        };
        let values = values.into_iter().map(|v| v.into().0);
        Intrinsic::call(Function::Format, std::iter::once(template).chain(values))
    }

    /// `States.StringToJson(text)`: parses JSON text.
    ///
    /// ```
    /// use stepfn::builder::Intrinsic;
    /// let f = Intrinsic::string_to_json(r#"{"k": [1]}"#);
    /// assert_eq!(f.to_string(), r#"States.StringToJson('\{"k": [1]\}')"#);
    /// ```
    pub fn string_to_json(text: impl Into<StrArg>) -> Intrinsic {
        Intrinsic::call(Function::StringToJson, [text.into().render()])
    }

    /// `States.JsonToString(value)`: the value as compact JSON text. The
    /// value is a Path (as the spec says) or a nested call.
    ///
    /// ```
    /// use stepfn::builder::{Intrinsic, JsonPath};
    /// let f = Intrinsic::json_to_string(JsonPath::new("$.order"));
    /// assert_eq!(f.to_string(), "States.JsonToString($.order)");
    /// ```
    pub fn json_to_string(value: impl Into<PathOrCall>) -> Intrinsic {
        Intrinsic::call(Function::JsonToString, [value.into().0])
    }

    /// `States.Array(values…)`: a JSON array of the values.
    ///
    /// ```
    /// use stepfn::builder::{Intrinsic, IntrinsicArg, JsonPath};
    /// let f = Intrinsic::array([
    ///     IntrinsicArg::from("a"),
    ///     IntrinsicArg::from(JsonPath::new("$.b")),
    ///     IntrinsicArg::null(),
    /// ]);
    /// assert_eq!(f.to_string(), "States.Array('a', $.b, null)");
    /// assert_eq!(Intrinsic::array(Vec::<IntrinsicArg>::new()).to_string(), "States.Array()");
    /// ```
    pub fn array<V: Into<IntrinsicArg>>(values: impl IntoIterator<Item = V>) -> Intrinsic {
        Intrinsic::call(Function::Array, values.into_iter().map(|v| v.into().0))
    }

    /// `States.ArrayPartition(array, size)`: the array in chunks of `size`
    /// (the last one may be shorter). A literal size is non-zero by type.
    ///
    /// ```
    /// use std::num::NonZeroU8;
    /// use stepfn::builder::{Intrinsic, JsonPath};
    /// let size = NonZeroU8::new(2).unwrap_or(NonZeroU8::MIN);
    /// let f = Intrinsic::array_partition(JsonPath::new("$.ids"), size);
    /// assert_eq!(f.to_string(), "States.ArrayPartition($.ids, 2)");
    /// ```
    pub fn array_partition(array: impl Into<PathOrCall>, size: impl Into<CountArg>) -> Intrinsic {
        Intrinsic::call(Function::ArrayPartition, [array.into().0, size.into().0])
    }

    /// `States.ArrayContains(array, value)`: whether the array holds the
    /// value (deep equality).
    ///
    /// ```
    /// use stepfn::builder::{Intrinsic, JsonPath};
    /// let f = Intrinsic::array_contains(JsonPath::new("$.tags"), "urgent");
    /// assert_eq!(f.to_string(), "States.ArrayContains($.tags, 'urgent')");
    /// ```
    pub fn array_contains(
        array: impl Into<PathOrCall>,
        value: impl Into<IntrinsicArg>,
    ) -> Intrinsic {
        Intrinsic::call(Function::ArrayContains, [array.into().0, value.into().0])
    }

    /// `States.ArrayRange(start, end, step)`: integers from `start` towards
    /// `end` (included if hit) by `step`. A literal step is non-zero by type.
    ///
    /// ```
    /// use std::num::NonZeroI32;
    /// use stepfn::builder::{Intrinsic, JsonPath};
    /// let step = NonZeroI32::new(3).unwrap_or(NonZeroI32::MIN);
    /// let f = Intrinsic::array_range(0, JsonPath::new("$.end"), step);
    /// assert_eq!(f.to_string(), "States.ArrayRange(0, $.end, 3)");
    /// ```
    pub fn array_range(
        start: impl Into<IntArg>,
        end: impl Into<IntArg>,
        step: impl Into<StepArg>,
    ) -> Intrinsic {
        Intrinsic::call(
            Function::ArrayRange,
            [start.into().0, end.into().0, step.into().0],
        )
    }

    /// `States.ArrayGetItem(array, index)`: the element at a zero-based
    /// index.
    ///
    /// ```
    /// use stepfn::builder::{Intrinsic, JsonPath};
    /// let f = Intrinsic::array_get_item(JsonPath::new("$.items"), 0);
    /// assert_eq!(f.to_string(), "States.ArrayGetItem($.items, 0)");
    /// ```
    pub fn array_get_item(array: impl Into<PathOrCall>, index: impl Into<IntArg>) -> Intrinsic {
        Intrinsic::call(Function::ArrayGetItem, [array.into().0, index.into().0])
    }

    /// `States.ArrayLength(array)`: the number of elements.
    ///
    /// ```
    /// use stepfn::builder::{Intrinsic, JsonPath};
    /// let f = Intrinsic::array_length(JsonPath::new("$.items"));
    /// assert_eq!(f.to_string(), "States.ArrayLength($.items)");
    /// ```
    pub fn array_length(array: impl Into<PathOrCall>) -> Intrinsic {
        Intrinsic::call(Function::ArrayLength, [array.into().0])
    }

    /// `States.ArrayUnique(array)`: the array without duplicates (first
    /// occurrences kept).
    ///
    /// ```
    /// use stepfn::builder::{Intrinsic, JsonPath};
    /// let f = Intrinsic::array_unique(JsonPath::new("$.ids"));
    /// assert_eq!(f.to_string(), "States.ArrayUnique($.ids)");
    /// ```
    pub fn array_unique(array: impl Into<PathOrCall>) -> Intrinsic {
        Intrinsic::call(Function::ArrayUnique, [array.into().0])
    }

    /// `States.Base64Encode(text)`: MIME Base64 of the text's UTF-8 bytes.
    ///
    /// ```
    /// use stepfn::builder::Intrinsic;
    /// let f = Intrinsic::base64_encode("Data to encode");
    /// assert_eq!(f.to_string(), "States.Base64Encode('Data to encode')");
    /// ```
    pub fn base64_encode(text: impl Into<StrArg>) -> Intrinsic {
        Intrinsic::call(Function::Base64Encode, [text.into().render()])
    }

    /// `States.Base64Decode(text)`: the text Base64 data decodes to.
    ///
    /// ```
    /// use stepfn::builder::{Intrinsic, JsonPath};
    /// let f = Intrinsic::base64_decode(JsonPath::new("$.encoded"));
    /// assert_eq!(f.to_string(), "States.Base64Decode($.encoded)");
    /// ```
    pub fn base64_decode(text: impl Into<StrArg>) -> Intrinsic {
        Intrinsic::call(Function::Base64Decode, [text.into().render()])
    }

    /// `States.Hash(data, algorithm)`: the lowercase hex digest of the data.
    ///
    /// ```
    /// use stepfn::builder::{HashAlgorithm, Intrinsic};
    /// let f = Intrinsic::hash("input data", HashAlgorithm::Sha1);
    /// assert_eq!(f.to_string(), "States.Hash('input data', 'SHA-1')");
    /// ```
    pub fn hash(data: impl Into<IntrinsicArg>, algorithm: HashAlgorithm) -> Intrinsic {
        Intrinsic::call(
            Function::Hash,
            [data.into().0, string_literal(algorithm.as_str())],
        )
    }

    /// `States.JsonMerge(a, b, false)`: a shallow merge where `b`'s keys win.
    /// The third argument is always `false`: AWS does not support deep
    /// merging.
    ///
    /// ```
    /// use stepfn::builder::{Intrinsic, JsonPath};
    /// let f = Intrinsic::json_merge(JsonPath::new("$.defaults"), JsonPath::new("$.overrides"));
    /// assert_eq!(f.to_string(), "States.JsonMerge($.defaults, $.overrides, false)");
    /// ```
    pub fn json_merge(a: impl Into<PathOrCall>, b: impl Into<PathOrCall>) -> Intrinsic {
        Intrinsic::call(
            Function::JsonMerge,
            [a.into().0, b.into().0, "false".to_owned()],
        )
    }

    /// `States.MathRandom(start, end)`: a pseudo-random integer between
    /// `start` and `end`. Literal arguments are integers by type.
    ///
    /// ```
    /// use stepfn::builder::Intrinsic;
    /// assert_eq!(Intrinsic::math_random(1, 999).to_string(), "States.MathRandom(1, 999)");
    /// ```
    pub fn math_random(start: impl Into<IntArg>, end: impl Into<IntArg>) -> Intrinsic {
        Intrinsic::call(Function::MathRandom, [start.into().0, end.into().0])
    }

    /// `States.MathRandom(start, end, seed)`: as
    /// [`math_random`](Intrinsic::math_random), the same seed giving the
    /// same value.
    ///
    /// ```
    /// use stepfn::builder::{Intrinsic, JsonPath};
    /// let f = Intrinsic::math_random_with_seed(1, 999, JsonPath::new("$.seed"));
    /// assert_eq!(f.to_string(), "States.MathRandom(1, 999, $.seed)");
    /// ```
    pub fn math_random_with_seed(
        start: impl Into<IntArg>,
        end: impl Into<IntArg>,
        seed: impl Into<IntArg>,
    ) -> Intrinsic {
        Intrinsic::call(
            Function::MathRandom,
            [start.into().0, end.into().0, seed.into().0],
        )
    }

    /// `States.MathAdd(a, b)`: the integer sum. Literal arguments are
    /// integers by type (AWS would round other numbers first).
    ///
    /// ```
    /// use stepfn::builder::{Intrinsic, JsonPath};
    /// let f = Intrinsic::math_add(JsonPath::new("$.count"), 1);
    /// assert_eq!(f.to_string(), "States.MathAdd($.count, 1)");
    /// ```
    pub fn math_add(a: impl Into<IntArg>, b: impl Into<IntArg>) -> Intrinsic {
        Intrinsic::call(Function::MathAdd, [a.into().0, b.into().0])
    }

    /// `States.StringSplit(text, delimiters)`: splits on any character of
    /// `delimiters`, dropping empty pieces.
    ///
    /// ```
    /// use stepfn::builder::{Intrinsic, JsonPath};
    /// let f = Intrinsic::string_split(JsonPath::new("$.csv"), ",;");
    /// assert_eq!(f.to_string(), "States.StringSplit($.csv, ',;')");
    /// ```
    pub fn string_split(text: impl Into<StrArg>, delimiters: impl Into<StrArg>) -> Intrinsic {
        Intrinsic::call(
            Function::StringSplit,
            [text.into().render(), delimiters.into().render()],
        )
    }

    /// `States.UUID()`: a random version-4 UUID.
    ///
    /// ```
    /// use stepfn::builder::Intrinsic;
    /// assert_eq!(Intrinsic::uuid().to_string(), "States.UUID()");
    /// ```
    pub fn uuid() -> Intrinsic {
        Intrinsic::call(Function::Uuid, [])
    }
}

impl fmt::Display for Intrinsic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl AsRef<str> for Intrinsic {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

impl From<Intrinsic> for String {
    fn from(call: Intrinsic) -> String {
        call.text
    }
}

/// `s` as a `States.Format` template literal: each `{}` (read left to right)
/// stays a placeholder, and every other `'`, `{`, `}` and `\` is escaped.
fn quote_template(s: &str) -> String {
    let pieces: Vec<&str> = s.split("{}").collect();
    template_literal(&pieces)
}

/// JSON text of a number, `null` when there is none (NaN or infinite).
fn number_text(value: Option<Number>) -> String {
    value.map_or_else(|| "null".to_owned(), |n| n.to_string())
}

impl IntrinsicArg {
    /// The literal `null`.
    ///
    /// ```
    /// use stepfn::builder::{Intrinsic, IntrinsicArg};
    /// assert_eq!(Intrinsic::array([IntrinsicArg::null()]).to_string(), "States.Array(null)");
    /// ```
    #[must_use]
    pub fn null() -> IntrinsicArg {
        IntrinsicArg("null".to_owned())
    }

    /// The argument as ASL text (examples on [`IntrinsicArg`]).
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl StrArg {
    /// The argument as ASL text (a literal is quoted and escaped).
    fn render(self) -> String {
        match self.0 {
            StrRepr::Literal(text) => string_literal(&text),
            StrRepr::Dynamic(text) => text,
        }
    }
}

/// `From<JsonPath>`, `From<&JsonPath>`, `From<Intrinsic>`, `From<&Intrinsic>`
/// for argument types that wrap their rendered text.
macro_rules! from_path_and_call {
    ($($target:ident),*) => {$(
        impl From<JsonPath> for $target {
            fn from(path: JsonPath) -> $target {
                $target(String::from(path))
            }
        }
        impl From<&JsonPath> for $target {
            fn from(path: &JsonPath) -> $target {
                $target(path.as_str().to_owned())
            }
        }
        impl From<Intrinsic> for $target {
            fn from(call: Intrinsic) -> $target {
                $target(call.text)
            }
        }
        impl From<&Intrinsic> for $target {
            fn from(call: &Intrinsic) -> $target {
                $target(call.text.clone())
            }
        }
    )*};
}
from_path_and_call!(IntrinsicArg, IntArg, CountArg, StepArg, PathOrCall);

/// `From<$t>` for an argument type, rendering the value with `Display`.
macro_rules! from_displayed {
    ($target:ident: $($t:ty),*) => {$(
        impl From<$t> for $target {
            fn from(value: $t) -> $target {
                $target(value.to_string())
            }
        }
    )*};
}
from_displayed!(IntrinsicArg: i8, i16, i32, i64, isize, u8, u16, u32, u64, usize, bool, Number);
from_displayed!(IntArg: i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);
from_displayed!(CountArg: NonZeroU8, NonZeroU16, NonZeroU32, NonZeroU64, NonZeroUsize);
from_displayed!(
    StepArg: NonZeroI8,
    NonZeroI16,
    NonZeroI32,
    NonZeroI64,
    NonZeroIsize,
    NonZeroU8,
    NonZeroU16,
    NonZeroU32,
    NonZeroU64,
    NonZeroUsize
);

impl From<f64> for IntrinsicArg {
    /// The shortest JSON text of `value`; `null` if it is NaN or infinite.
    fn from(value: f64) -> IntrinsicArg {
        IntrinsicArg(number_text(Number::from_f64(value)))
    }
}

impl From<f32> for IntrinsicArg {
    /// The shortest JSON text of `value`; `null` if it is NaN or infinite.
    fn from(value: f32) -> IntrinsicArg {
        IntrinsicArg(number_text(Number::from_f32(value)))
    }
}

impl From<&str> for IntrinsicArg {
    fn from(text: &str) -> IntrinsicArg {
        IntrinsicArg(string_literal(text))
    }
}

impl From<String> for IntrinsicArg {
    fn from(text: String) -> IntrinsicArg {
        IntrinsicArg(string_literal(&text))
    }
}

impl From<&String> for IntrinsicArg {
    fn from(text: &String) -> IntrinsicArg {
        IntrinsicArg(string_literal(text))
    }
}

impl<T: Into<IntrinsicArg>> From<Option<T>> for IntrinsicArg {
    /// The value, or `null` for `None`.
    fn from(value: Option<T>) -> IntrinsicArg {
        value.map_or_else(IntrinsicArg::null, Into::into)
    }
}

impl From<StrArg> for IntrinsicArg {
    fn from(arg: StrArg) -> IntrinsicArg {
        IntrinsicArg(arg.render())
    }
}

impl From<IntArg> for IntrinsicArg {
    fn from(arg: IntArg) -> IntrinsicArg {
        IntrinsicArg(arg.0)
    }
}

impl From<PathOrCall> for IntrinsicArg {
    fn from(arg: PathOrCall) -> IntrinsicArg {
        IntrinsicArg(arg.0)
    }
}

impl From<&str> for StrArg {
    fn from(text: &str) -> StrArg {
        StrArg(StrRepr::Literal(text.to_owned()))
    }
}

impl From<String> for StrArg {
    fn from(text: String) -> StrArg {
        StrArg(StrRepr::Literal(text))
    }
}

impl From<&String> for StrArg {
    fn from(text: &String) -> StrArg {
        StrArg(StrRepr::Literal(text.clone()))
    }
}

impl From<JsonPath> for StrArg {
    fn from(path: JsonPath) -> StrArg {
        StrArg(StrRepr::Dynamic(String::from(path)))
    }
}

impl From<&JsonPath> for StrArg {
    fn from(path: &JsonPath) -> StrArg {
        StrArg(StrRepr::Dynamic(path.as_str().to_owned()))
    }
}

impl From<Intrinsic> for StrArg {
    fn from(call: Intrinsic) -> StrArg {
        StrArg(StrRepr::Dynamic(call.text))
    }
}

impl From<&Intrinsic> for StrArg {
    fn from(call: &Intrinsic) -> StrArg {
        StrArg(StrRepr::Dynamic(call.text.clone()))
    }
}

/// Unit tests.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::intrinsic::{parse_intrinsic, LiteralKind};
    use crate::syntax::SyntaxError;
    use proptest::prelude::*;

    /// Whether the validator's parser accepts a call.
    fn check_intrinsic(text: &str) -> Result<(), SyntaxError> {
        parse_intrinsic(text).map(|_| ())
    }

    /// Asserts that the validator accepts `f`, that it renders `text`, and
    /// that `text` is the parsed call's canonical text.
    #[track_caller]
    fn renders(f: &Intrinsic, text: &str) {
        assert_eq!(f.as_str(), text);
        match parse_intrinsic(f.as_str()) {
            Ok(call) => assert_eq!(call.to_string(), text),
            Err(e) => panic!("validator rejects {text}: {e}"),
        }
    }

    /// Decodes the body of a literal (between the quotes) with the parser's
    /// decoder.
    fn unescape(body: &str) -> String {
        crate::syntax::intrinsic::unescape(body).unwrap_or_else(|e| panic!("{body:?}: {e}"))
    }

    fn path(s: &str) -> JsonPath {
        JsonPath::new(s)
    }

    fn nz_u(n: u32) -> NonZeroU32 {
        NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN)
    }

    fn nz_i(n: i64) -> NonZeroI64 {
        NonZeroI64::new(n).unwrap_or(NonZeroI64::MIN)
    }

    #[test]
    fn every_function_renders_its_asl_call() {
        let none = Vec::<IntrinsicArg>::new;
        let cases = [
            (
                Intrinsic::format("order-{}", [path("$.order.id")]),
                "States.Format('order-{}', $.order.id)",
            ),
            (Intrinsic::format("x", none()), "States.Format('x')"),
            (
                Intrinsic::format(path("$.tpl"), [1, 2]),
                "States.Format($.tpl, 1, 2)",
            ),
            (
                Intrinsic::string_to_json("[1]"),
                "States.StringToJson('[1]')",
            ),
            (
                Intrinsic::json_to_string(path("$")),
                "States.JsonToString($)",
            ),
            (Intrinsic::array(none()), "States.Array()"),
            (
                Intrinsic::array([
                    IntrinsicArg::from("Foo"),
                    IntrinsicArg::from(2020),
                    IntrinsicArg::from(path("$.a")),
                    IntrinsicArg::from(false),
                    IntrinsicArg::null(),
                    IntrinsicArg::from(0.25),
                ]),
                "States.Array('Foo', 2020, $.a, false, null, 0.25)",
            ),
            (
                Intrinsic::array_partition(path("$.a"), nz_u(4)),
                "States.ArrayPartition($.a, 4)",
            ),
            (
                Intrinsic::array_contains(path("$.a"), path("$.v")),
                "States.ArrayContains($.a, $.v)",
            ),
            (
                Intrinsic::array_range(1, 9, nz_i(2)),
                "States.ArrayRange(1, 9, 2)",
            ),
            (
                Intrinsic::array_get_item(path("$.a"), 5u8),
                "States.ArrayGetItem($.a, 5)",
            ),
            (
                Intrinsic::array_length(path("$.a")),
                "States.ArrayLength($.a)",
            ),
            (
                Intrinsic::array_unique(path("$.a")),
                "States.ArrayUnique($.a)",
            ),
            (
                Intrinsic::base64_encode("Data to encode"),
                "States.Base64Encode('Data to encode')",
            ),
            (
                Intrinsic::base64_decode("RGF0YSB0byBlbmNvZGU="),
                "States.Base64Decode('RGF0YSB0byBlbmNvZGU=')",
            ),
            (
                Intrinsic::hash(path("$.d"), HashAlgorithm::Sha512),
                "States.Hash($.d, 'SHA-512')",
            ),
            (
                Intrinsic::json_merge(path("$.a"), path("$.b")),
                "States.JsonMerge($.a, $.b, false)",
            ),
            (Intrinsic::math_random(-5, 5), "States.MathRandom(-5, 5)"),
            (
                Intrinsic::math_random_with_seed(0, 10, 42),
                "States.MathRandom(0, 10, 42)",
            ),
            (
                Intrinsic::math_add(i64::MIN, u64::MAX),
                "States.MathAdd(-9223372036854775808, 18446744073709551615)",
            ),
            (
                Intrinsic::string_split("a,b", ","),
                "States.StringSplit('a,b', ',')",
            ),
            (Intrinsic::uuid(), "States.UUID()"),
        ];
        for (f, text) in &cases {
            renders(f, text);
        }
    }

    /// What a builder argument type can be written as, besides a Path or a
    /// nested call.
    trait Slot {
        /// The literal kinds the type renders.
        const LITERALS: &'static [LiteralKind];
    }

    impl Slot for IntrinsicArg {
        const LITERALS: &'static [LiteralKind] = &[
            LiteralKind::String,
            LiteralKind::Integer,
            LiteralKind::Decimal,
            LiteralKind::Boolean,
            LiteralKind::Null,
        ];
    }
    impl Slot for StrArg {
        const LITERALS: &'static [LiteralKind] = &[LiteralKind::String];
    }
    impl Slot for IntArg {
        const LITERALS: &'static [LiteralKind] = &[LiteralKind::Integer];
    }
    impl Slot for CountArg {
        const LITERALS: &'static [LiteralKind] = &[LiteralKind::Integer];
    }
    impl Slot for StepArg {
        const LITERALS: &'static [LiteralKind] = &[LiteralKind::Integer];
    }
    impl Slot for PathOrCall {
        const LITERALS: &'static [LiteralKind] = &[];
    }
    impl Slot for HashAlgorithm {
        const LITERALS: &'static [LiteralKind] = &[LiteralKind::String];
    }

    /// The literals of slot type `T`.
    fn of<T: Slot>() -> &'static [LiteralKind] {
        T::LITERALS
    }

    /// The literal kinds of each argument of `f`'s builder constructor(s),
    /// in order; for a function without an argument limit, the last entry
    /// stands for every further argument. Each arm pins the constructor's
    /// argument types by coercing it to a function pointer.
    fn builder_slots(f: Function) -> Vec<&'static [LiteralKind]> {
        match f {
            Function::Format => {
                let _: fn(StrArg, Vec<IntrinsicArg>) -> Intrinsic = Intrinsic::format;
                vec![of::<StrArg>(), of::<IntrinsicArg>()]
            }
            Function::StringToJson => {
                let _: fn(StrArg) -> Intrinsic = Intrinsic::string_to_json;
                vec![of::<StrArg>()]
            }
            Function::JsonToString => {
                let _: fn(PathOrCall) -> Intrinsic = Intrinsic::json_to_string;
                vec![of::<PathOrCall>()]
            }
            Function::Array => {
                let _: fn(Vec<IntrinsicArg>) -> Intrinsic = Intrinsic::array;
                vec![of::<IntrinsicArg>()]
            }
            Function::ArrayPartition => {
                let _: fn(PathOrCall, CountArg) -> Intrinsic = Intrinsic::array_partition;
                vec![of::<PathOrCall>(), of::<CountArg>()]
            }
            Function::ArrayContains => {
                let _: fn(PathOrCall, IntrinsicArg) -> Intrinsic = Intrinsic::array_contains;
                vec![of::<PathOrCall>(), of::<IntrinsicArg>()]
            }
            Function::ArrayRange => {
                let _: fn(IntArg, IntArg, StepArg) -> Intrinsic = Intrinsic::array_range;
                vec![of::<IntArg>(), of::<IntArg>(), of::<StepArg>()]
            }
            Function::ArrayGetItem => {
                let _: fn(PathOrCall, IntArg) -> Intrinsic = Intrinsic::array_get_item;
                vec![of::<PathOrCall>(), of::<IntArg>()]
            }
            Function::ArrayLength => {
                let _: fn(PathOrCall) -> Intrinsic = Intrinsic::array_length;
                vec![of::<PathOrCall>()]
            }
            Function::ArrayUnique => {
                let _: fn(PathOrCall) -> Intrinsic = Intrinsic::array_unique;
                vec![of::<PathOrCall>()]
            }
            Function::Base64Encode => {
                let _: fn(StrArg) -> Intrinsic = Intrinsic::base64_encode;
                vec![of::<StrArg>()]
            }
            Function::Base64Decode => {
                let _: fn(StrArg) -> Intrinsic = Intrinsic::base64_decode;
                vec![of::<StrArg>()]
            }
            Function::Hash => {
                let _: fn(IntrinsicArg, HashAlgorithm) -> Intrinsic = Intrinsic::hash;
                vec![of::<IntrinsicArg>(), of::<HashAlgorithm>()]
            }
            Function::JsonMerge => {
                let _: fn(PathOrCall, PathOrCall) -> Intrinsic = Intrinsic::json_merge;
                // The third argument is always the literal `false`.
                vec![
                    of::<PathOrCall>(),
                    of::<PathOrCall>(),
                    &[LiteralKind::Boolean],
                ]
            }
            Function::MathRandom => {
                let _: fn(IntArg, IntArg) -> Intrinsic = Intrinsic::math_random;
                let _: fn(IntArg, IntArg, IntArg) -> Intrinsic = Intrinsic::math_random_with_seed;
                vec![of::<IntArg>(), of::<IntArg>(), of::<IntArg>()]
            }
            Function::MathAdd => {
                let _: fn(IntArg, IntArg) -> Intrinsic = Intrinsic::math_add;
                vec![of::<IntArg>(), of::<IntArg>()]
            }
            Function::StringSplit => {
                let _: fn(StrArg, StrArg) -> Intrinsic = Intrinsic::string_split;
                vec![of::<StrArg>(), of::<StrArg>()]
            }
            Function::Uuid => {
                let _: fn() -> Intrinsic = Intrinsic::uuid;
                vec![]
            }
        }
    }

    /// The builder's argument types agree with the catalogue: one slot per
    /// parameter, and no slot renders a literal the catalogue's kind
    /// rejects (so a Path-only, array or object slot takes no literal).
    #[test]
    fn argument_types_fit_the_catalogue_kinds() {
        for f in Function::ALL {
            let slots = builder_slots(f);
            let expected = f.arity().max.unwrap_or(f.params().len() + 1);
            assert_eq!(slots.len(), expected, "{f}");
            for (i, literals) in slots.iter().enumerate() {
                let kind = f.param(i);
                for &literal in *literals {
                    assert!(
                        kind.accepts_literal(literal),
                        "{f} argument {}: the builder renders {} but the catalogue wants {}",
                        i + 1,
                        literal.describe(),
                        kind.describe()
                    );
                }
                if !kind.accepts_literals() {
                    assert!(literals.is_empty(), "{f} argument {}", i + 1);
                }
            }
        }
    }

    /// The builder writes each function's catalogue name.
    #[test]
    fn calls_use_the_catalogue_names() {
        let calls = [
            (
                Intrinsic::format("x", Vec::<IntrinsicArg>::new()),
                Function::Format,
            ),
            (Intrinsic::string_to_json("1"), Function::StringToJson),
            (Intrinsic::json_to_string(path("$")), Function::JsonToString),
            (Intrinsic::array([1]), Function::Array),
            (
                Intrinsic::array_partition(path("$"), nz_u(1)),
                Function::ArrayPartition,
            ),
            (
                Intrinsic::array_contains(path("$"), 1),
                Function::ArrayContains,
            ),
            (Intrinsic::array_range(1, 2, nz_i(1)), Function::ArrayRange),
            (
                Intrinsic::array_get_item(path("$"), 0),
                Function::ArrayGetItem,
            ),
            (Intrinsic::array_length(path("$")), Function::ArrayLength),
            (Intrinsic::array_unique(path("$")), Function::ArrayUnique),
            (Intrinsic::base64_encode("a"), Function::Base64Encode),
            (Intrinsic::base64_decode("a"), Function::Base64Decode),
            (Intrinsic::hash("a", HashAlgorithm::Md5), Function::Hash),
            (
                Intrinsic::json_merge(path("$.a"), path("$.b")),
                Function::JsonMerge,
            ),
            (Intrinsic::math_random(1, 2), Function::MathRandom),
            (Intrinsic::math_add(1, 2), Function::MathAdd),
            (Intrinsic::string_split("a", ","), Function::StringSplit),
            (Intrinsic::uuid(), Function::Uuid),
        ];
        assert_eq!(calls.len(), Function::ALL.len());
        for (call, function) in calls {
            assert_eq!(
                parse_intrinsic(call.as_str()).map(|c| c.function),
                Ok(function)
            );
        }
    }

    #[test]
    fn every_hash_algorithm_is_accepted() {
        for alg in HashAlgorithm::ALL {
            let f = Intrinsic::hash("x", alg);
            renders(&f, &format!("States.Hash('x', '{alg}')"));
        }
    }

    #[test]
    fn string_literals_escape_quote_braces_and_backslash() {
        let cases = [
            ("it's", r"'it\'s'"),
            ("{", r"'\{'"),
            ("}", r"'\}'"),
            ("{}", r"'\{\}'"),
            (r"\", r"'\\'"),
            (r"\n", r"'\\n'"),
            ("\n", "'\n'"),
            ("\"quoted\"", "'\"quoted\"'"),
            ("Ж中😀", "'Ж中😀'"),
            ("", "''"),
            (r"\'{}", r"'\\\'\{\}'"),
        ];
        for (raw, text) in cases {
            assert_eq!(IntrinsicArg::from(raw).as_str(), text, "{raw:?}");
            assert_eq!(IntrinsicArg::from(raw.to_owned()).as_str(), text);
            assert_eq!(unescape(&text[1..text.len() - 1]), raw);
            renders(
                &Intrinsic::string_to_json(raw),
                &format!("States.StringToJson({text})"),
            );
        }
    }

    #[test]
    fn format_templates_keep_placeholders_and_escape_other_braces() {
        let cases = [
            ("{}", "'{}'", 1),
            ("{{}}", r"'\{{}\}'", 1),
            ("}{", r"'\}\{'", 0),
            ("{x}", r"'\{x\}'", 0),
            ("{}{}", "'{}{}'", 2),
            ("{{}", r"'\{{}'", 1),
            ("{}}", r"'{}\}'", 1),
            (r"\{}", r"'\\{}'", 1),
            ("it's {} o'clock", r"'it\'s {} o\'clock'", 1),
            ("Ж{}中", "'Ж{}中'", 1),
        ];
        for (raw, text, placeholders) in cases {
            let values = vec![IntrinsicArg::from(1); placeholders];
            let mut expected = format!("States.Format({text}");
            for _ in 0..placeholders {
                expected.push_str(", 1");
            }
            expected.push(')');
            renders(&Intrinsic::format(raw, values), &expected);
        }
    }

    #[test]
    fn numbers_render_as_json_and_non_finite_floats_as_null() {
        assert_eq!(IntrinsicArg::from(1.0).as_str(), "1.0");
        assert_eq!(IntrinsicArg::from(-0.5f32).as_str(), "-0.5");
        assert_eq!(IntrinsicArg::from(0.1f32).as_str(), "0.1");
        assert_eq!(IntrinsicArg::from(1e300).as_str(), "1e+300");
        assert_eq!(IntrinsicArg::from(1.5e-7).as_str(), "1.5e-7");
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(IntrinsicArg::from(bad).as_str(), "null");
        }
        assert_eq!(IntrinsicArg::from(f32::NAN).as_str(), "null");
        assert_eq!(
            IntrinsicArg::from(usize::MAX).as_str(),
            usize::MAX.to_string()
        );
        let big = Number::parse("123456789012345678901234567890").map(IntrinsicArg::from);
        assert_eq!(
            big.as_ref().map(IntrinsicArg::as_str),
            Some("123456789012345678901234567890")
        );
        renders(
            &Intrinsic::array([f64::NAN, 2.5, f64::INFINITY]),
            "States.Array(null, 2.5, null)",
        );
        renders(
            &Intrinsic::format("{} {}", [Some(1.5), None]),
            "States.Format('{} {}', 1.5, null)",
        );
    }

    #[test]
    fn nested_calls_and_references_render_bare() {
        let id = JsonPath::input().field("order id");
        let inner = Intrinsic::format("{}", [&id]);
        let outer = Intrinsic::base64_encode(&inner);
        renders(
            &outer,
            "States.Base64Encode(States.Format('{}', $['order id']))",
        );
        renders(
            &Intrinsic::array_get_item(Intrinsic::string_split(&inner, ", "), 0),
            "States.ArrayGetItem(States.StringSplit(States.Format('{}', $['order id']), ', '), 0)",
        );
        renders(
            &Intrinsic::hash(Intrinsic::json_to_string(&id), HashAlgorithm::Md5),
            "States.Hash(States.JsonToString($['order id']), 'MD5')",
        );
        let typed = Intrinsic::array([
            IntrinsicArg::from(StrArg::from("s")),
            IntrinsicArg::from(IntArg::from(3)),
            IntrinsicArg::from(PathOrCall::from(&id)),
        ]);
        renders(&typed, "States.Array('s', 3, $['order id'])");
    }

    #[test]
    fn nasty_strings_in_every_string_slot_pass_the_validator() {
        let nasty = [
            "",
            "'",
            "''",
            "\\",
            "\\\\",
            "{",
            "}",
            "{}",
            "{{}}",
            "}{",
            "a,b)",
            "$.not.a.path",
            "States.UUID()",
            "\"",
            "\n\t\r",
            "\u{0}",
            "Ж中😀\u{202e}",
            "\\'{}\\",
        ];
        for s in nasty {
            let values = vec![IntrinsicArg::from(true); placeholders(s)];
            for f in [
                Intrinsic::format(s, values),
                Intrinsic::format("{}", [s]),
                Intrinsic::string_to_json(s),
                Intrinsic::array([s, s]),
                Intrinsic::array_contains(path("$.a"), s),
                Intrinsic::base64_encode(s),
                Intrinsic::base64_decode(s),
                Intrinsic::hash(s, HashAlgorithm::Sha256),
                Intrinsic::string_split(s, s),
                Intrinsic::json_to_string(JsonPath::input().field(s)),
                Intrinsic::array_length(JsonPath::variable("v").field(s).index(1)),
            ] {
                let text = f.to_string();
                assert!(check_intrinsic(&text).is_ok(), "{text}");
            }
        }
    }

    /// Builds pseudo-random intrinsic calls from proptest-chosen numbers and
    /// strings, never more than 10 calls in one tree.
    struct Gen<'a> {
        /// Choices; cycled.
        seeds: &'a [u64],
        /// Next choice.
        at: usize,
        /// String pool; cycled.
        strings: &'a [String],
        /// Next string.
        string_at: usize,
        /// Calls made so far.
        calls: usize,
    }

    impl Gen<'_> {
        fn next(&mut self) -> u64 {
            let n = self.seeds.get(self.at % self.seeds.len().max(1)).copied();
            self.at += 1;
            n.unwrap_or(0)
        }

        fn pick(&mut self, n: u64) -> u64 {
            self.next() % n
        }

        fn string(&mut self) -> String {
            let s = self.strings.get(self.string_at % self.strings.len().max(1));
            self.string_at += 1;
            s.cloned().unwrap_or_default()
        }

        fn path(&mut self) -> JsonPath {
            let mut p = match self.pick(3) {
                0 => JsonPath::input(),
                1 => JsonPath::context(),
                _ => JsonPath::variable("v"),
            };
            for _ in 0..self.pick(3) {
                p = if self.pick(3) == 0 {
                    p.index(usize::from(
                        u16::try_from(self.next() & 0xffff).unwrap_or(0),
                    ))
                } else {
                    let name = self.string();
                    p.field(name)
                };
            }
            p
        }

        /// A nested call if the budget allows, else a Path.
        fn dynamic(&mut self) -> PathOrCall {
            if self.calls < 10 && self.pick(3) == 0 {
                self.call().into()
            } else {
                self.path().into()
            }
        }

        fn any(&mut self) -> IntrinsicArg {
            match self.pick(8) {
                0 => self.string().into(),
                1 => i64::from_ne_bytes(self.next().to_ne_bytes()).into(),
                2 => f64::from_bits(self.next()).into(),
                3 => (self.next() % 2 == 0).into(),
                4 => IntrinsicArg::null(),
                5 => (self.next() % 3 == 0).then_some(1.5f32).into(),
                _ => self.dynamic().into(),
            }
        }

        fn str_arg(&mut self) -> StrArg {
            match self.pick(3) {
                0 => StrArg(StrRepr::Dynamic(self.dynamic().0)),
                _ => self.string().into(),
            }
        }

        fn int(&mut self) -> IntArg {
            match self.pick(3) {
                0 => IntArg(self.dynamic().0),
                1 => self.next().into(),
                _ => i64::from_ne_bytes(self.next().to_ne_bytes()).into(),
            }
        }

        fn values(&mut self, n: usize) -> Vec<IntrinsicArg> {
            (0..n).map(|_| self.any()).collect()
        }

        fn call(&mut self) -> Intrinsic {
            self.calls += 1;
            match self.pick(19) {
                0 => {
                    if self.pick(4) == 0 {
                        let template = self.dynamic();
                        let n = usize::try_from(self.pick(4)).unwrap_or(0);
                        let values = self.values(n);
                        Intrinsic::format(StrArg(StrRepr::Dynamic(template.0)), values)
                    } else {
                        let template = self.string();
                        let values = self.values(placeholders(&template));
                        Intrinsic::format(template, values)
                    }
                }
                1 => Intrinsic::string_to_json(self.str_arg()),
                2 => Intrinsic::json_to_string(self.dynamic()),
                3 => {
                    let n = usize::try_from(self.pick(4)).unwrap_or(0);
                    Intrinsic::array(self.values(n))
                }
                4 => {
                    let size = if self.pick(2) == 0 {
                        CountArg(self.dynamic().0)
                    } else {
                        NonZeroU64::new(self.next())
                            .unwrap_or(NonZeroU64::MAX)
                            .into()
                    };
                    Intrinsic::array_partition(self.dynamic(), size)
                }
                5 => Intrinsic::array_contains(self.dynamic(), self.any()),
                6 => {
                    let step = if self.pick(2) == 0 {
                        StepArg(self.dynamic().0)
                    } else {
                        let n = i64::from_ne_bytes(self.next().to_ne_bytes());
                        NonZeroI64::new(n).unwrap_or(NonZeroI64::MIN).into()
                    };
                    Intrinsic::array_range(self.int(), self.int(), step)
                }
                7 => Intrinsic::array_get_item(self.dynamic(), self.int()),
                8 => Intrinsic::array_length(self.dynamic()),
                9 => Intrinsic::array_unique(self.dynamic()),
                10 => Intrinsic::base64_encode(self.str_arg()),
                11 => Intrinsic::base64_decode(self.str_arg()),
                12 => {
                    let alg = HashAlgorithm::ALL
                        .get(usize::try_from(self.pick(5)).unwrap_or(0))
                        .copied()
                        .unwrap_or(HashAlgorithm::Md5);
                    Intrinsic::hash(self.any(), alg)
                }
                13 => Intrinsic::json_merge(self.dynamic(), self.dynamic()),
                14 => Intrinsic::math_random(self.int(), self.int()),
                15 => Intrinsic::math_random_with_seed(self.int(), self.int(), self.int()),
                16 => Intrinsic::math_add(self.int(), self.int()),
                17 => Intrinsic::string_split(self.str_arg(), self.str_arg()),
                _ => Intrinsic::uuid(),
            }
        }
    }

    /// The `{}` placeholders [`quote_template`] keeps in `template`.
    fn placeholders(template: &str) -> usize {
        let mut n = 0;
        let mut chars = template.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '{' && chars.peek() == Some(&'}') {
                chars.next();
                n += 1;
            }
        }
        n
    }

    /// Strings rich in the characters that need escaping.
    fn nasty_string() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            "[{}'\\\\\"$.,() a]{0,12}",
            "(\\PC|[{}'\\\\]){0,16}",
        ]
    }

    proptest! {
        #[test]
        fn generated_calls_always_pass_the_validator(
            seeds in prop::collection::vec(any::<u64>(), 1..64),
            strings in prop::collection::vec(nasty_string(), 1..8),
        ) {
            let mut g = Gen { seeds: &seeds, at: 0, strings: &strings, string_at: 0, calls: 0 };
            let f = g.call();
            prop_assert!(g.calls <= 10);
            let parsed = parse_intrinsic(f.as_str());
            prop_assert_eq!(parsed.map(|c| c.to_string()), Ok(f.to_string()));
        }

        #[test]
        fn string_literals_round_trip(s in nasty_string()) {
            let f = Intrinsic::base64_encode(s.as_str());
            let text = f.to_string();
            prop_assert!(check_intrinsic(&text).is_ok(), "{}", text);
            let body = text
                .strip_prefix("States.Base64Encode('")
                .and_then(|t| t.strip_suffix("')"));
            prop_assert_eq!(body.map(unescape), Some(s));
        }

        #[test]
        fn format_templates_round_trip_and_count_placeholders(s in nasty_string()) {
            let n = placeholders(&s);
            let f = Intrinsic::format(s.as_str(), vec![IntrinsicArg::from(0); n]);
            let text = f.to_string();
            prop_assert!(check_intrinsic(&text).is_ok(), "{}", text);
            let zeros = ", 0".repeat(n);
            let body = text
                .strip_prefix("States.Format('")
                .and_then(|t| t.strip_suffix(&format!("'{zeros})")));
            prop_assert_eq!(body.map(unescape), Some(s));
        }
    }
}
