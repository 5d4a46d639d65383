//! The argument types of [`Intrinsic`](super::Intrinsic)'s constructors:
//! what each slot accepts, and the conversions into them. Literals are
//! written here (strings quoted and escaped, numbers as JSON); Paths and
//! nested calls as their text.

use std::num::{
    NonZeroI16, NonZeroI32, NonZeroI64, NonZeroI8, NonZeroIsize, NonZeroU16, NonZeroU32,
    NonZeroU64, NonZeroU8, NonZeroUsize,
};

use super::Intrinsic;
use crate::builder::JsonPath;
use crate::model::Number;
use crate::syntax::intrinsic::string_literal;

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
pub struct IntrinsicArg(pub(super) String);

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
pub struct StrArg(pub(super) StrRepr);

/// What a [`StrArg`] holds.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) enum StrRepr {
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
pub struct IntArg(pub(super) String);

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
pub struct CountArg(pub(super) String);

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
pub struct StepArg(pub(super) String);

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
pub struct PathOrCall(pub(super) String);

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
    pub(super) fn render(self) -> String {
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
