//! [`Intrinsic`]: typed calls of the 18 intrinsic functions, rendered as the
//! exact ASL text (`States.Format('order-{}', $.order.id)`).
//!
//! Arguments are converted into small argument types that say what a slot
//! accepts: [`IntrinsicArg`] (anything), [`StrArg`] (a string), [`IntArg`]
//! (an integer), [`CountArg`] (a positive integer), [`StepArg`] (a non-zero
//! integer) and [`PathOrCall`] (an array or object, which has no literal
//! form, or a value AWS takes only as a Path). A Path or a nested call fits
//! every slot, since its type is known only at run time. Function names
//! come from the catalogue, [`Function`], and a test checks each argument
//! type against the catalogue's argument kinds.
//!
//! Files: `args` (the argument types and what converts into them), `tests`
//! and `proptests`.

mod args;
#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

use std::fmt;

pub use crate::syntax::intrinsic::HashAlgorithm;
use crate::syntax::intrinsic::{string_literal, template_literal, Function};
use args::StrRepr;
pub use args::{CountArg, IntArg, IntrinsicArg, PathOrCall, StepArg, StrArg};

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
/// A Path made with [`JsonPath::new`](super::JsonPath::new) is written as given, unchecked.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[must_use]
pub struct Intrinsic {
    /// The rendered call.
    text: String,
}

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
