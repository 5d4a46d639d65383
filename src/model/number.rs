//! [`Number`]: a JSON number as ASL payloads carry it, keeping its written
//! kind (an integer stays an integer) and every digit of integers beyond 64
//! bits.

use std::fmt;

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

use super::Json;

/// A JSON number that keeps its value: integers stay integers (`2` is not
/// rewritten as `2.0`), and integers beyond 64 bits keep every digit.
#[derive(Debug, Clone, PartialEq)]
pub struct Number(Repr);

#[derive(Debug, Clone, PartialEq)]
enum Repr {
    Unsigned(u64),
    Signed(i64),
    Float(f64),
    /// Valid JSON number text whose value no primitive holds exactly.
    Text(Box<str>),
}

impl Number {
    /// Reads a number from JSON number text; `None` when `text` is not one.
    ///
    /// ```
    /// use stepfn::model::Number;
    /// assert_eq!(Number::parse("2").unwrap().as_u64(), Some(2));
    /// assert_eq!(Number::parse("2.5").unwrap().as_f64(), 2.5);
    /// assert_eq!(Number::parse("123456789012345678901234567890").unwrap().to_string(),
    ///            "123456789012345678901234567890");
    /// assert!(Number::parse("1e").is_none());
    /// assert_eq!(Number::parse("-0").unwrap().to_string(), "-0");
    /// ```
    #[must_use]
    pub fn parse(text: &str) -> Option<Number> {
        if !is_json_number(text) {
            return None;
        }
        let integral = !text.contains(['.', 'e', 'E']);
        let repr = if integral {
            if let Ok(u) = text.parse::<u64>() {
                Repr::Unsigned(u)
            } else if let Some(i) = text.parse::<i64>().ok().filter(|&i| i != 0) {
                Repr::Signed(i)
            } else {
                // Beyond 64 bits, or `-0`, whose sign an integer cannot keep.
                Repr::Text(text.into())
            }
        } else {
            match text.parse::<f64>() {
                Ok(f) if f.is_finite() && exactly_f64(text, f) => Repr::Float(f),
                _ => Repr::Text(text.into()),
            }
        };
        Some(Number(repr))
    }

    /// A number from a float; `None` for NaN and infinities, which JSON
    /// cannot hold. Written back as the shortest text that reads as the
    /// same float, with `.0` on whole numbers (`1.0`, `2.5`, `1e+300`).
    ///
    /// Every conversion of a float into JSON in this crate goes through
    /// here (or [`from_f32`](Number::from_f32), which comes here).
    ///
    /// ```
    /// use stepfn::model::Number;
    /// assert_eq!(Number::from_f64(2.5).unwrap().to_string(), "2.5");
    /// assert_eq!(Number::from_f64(1.0).unwrap().to_string(), "1.0");
    /// assert_eq!(Number::from_f64(1e300).unwrap().to_string(), "1e+300");
    /// assert!(Number::from_f64(f64::NAN).is_none());
    /// ```
    #[must_use]
    pub fn from_f64(value: f64) -> Option<Number> {
        value.is_finite().then_some(Number(Repr::Float(value)))
    }

    /// A number from an `f32`, with the `f32`'s own shortest digits (`0.1`,
    /// not the `0.10000000149011612` its `f64` widening would give); `None`
    /// for NaN and infinities.
    ///
    /// ```
    /// use stepfn::model::Number;
    /// assert_eq!(Number::from_f32(0.1).unwrap().to_string(), "0.1");
    /// assert_eq!(Number::from_f32(3e38).unwrap().to_string(), "3e+38");
    /// assert!(Number::from_f32(f32::INFINITY).is_none());
    /// ```
    #[must_use]
    pub fn from_f32(value: f32) -> Option<Number> {
        let widened = Number::from_f64(f64::from(value))?;
        // The f32's shortest decimal text, read as the f64 nearest to it.
        let shortest = serde_json::to_string(&value).ok();
        Some(
            shortest
                .and_then(|text| Number::parse(&text))
                .unwrap_or(widened),
        )
    }

    /// The same value written as an integer when it is a whole number
    /// below 2^53 in magnitude (`2.0` becomes `2`); other numbers are
    /// unchanged. For fields where `2` and `2.0` mean the same and the
    /// shorter form reads better.
    ///
    /// ```
    /// use stepfn::model::Number;
    /// let two = Number::from_f64(2.0).unwrap().whole_as_integer();
    /// assert_eq!(two.to_string(), "2");
    /// assert_eq!(two, Number::from(2));
    /// assert_eq!(Number::from_f64(2.5).unwrap().whole_as_integer().to_string(), "2.5");
    /// ```
    #[must_use]
    pub fn whole_as_integer(self) -> Number {
        match self.0 {
            Repr::Float(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => {
                // An exact integer below 2^53: `as` is lossless here.
                #[allow(clippy::cast_possible_truncation)]
                Number::from(x as i64)
            }
            _ => self,
        }
    }

    /// The value as `u64`, if it is a non-negative integer written without a
    /// fraction or exponent.
    #[must_use]
    pub fn as_u64(&self) -> Option<u64> {
        match self.0 {
            Repr::Unsigned(u) => Some(u),
            _ => None,
        }
    }

    /// The value as `i64`, if it is an integer written without a fraction or
    /// exponent and within range.
    #[must_use]
    pub fn as_i64(&self) -> Option<i64> {
        match self.0 {
            Repr::Unsigned(u) => i64::try_from(u).ok(),
            Repr::Signed(i) => Some(i),
            _ => None,
        }
    }

    /// The value as the nearest `f64`.
    #[must_use]
    #[allow(clippy::cast_precision_loss)]
    pub fn as_f64(&self) -> f64 {
        match &self.0 {
            Repr::Unsigned(u) => *u as f64,
            Repr::Signed(i) => *i as f64,
            Repr::Float(f) => *f,
            Repr::Text(t) => t.parse().unwrap_or(f64::NAN),
        }
    }
}

/// Whether `f`, written back the shortest way, has the same decimal value as
/// `text` (so keeping `f` loses nothing).
fn exactly_f64(text: &str, f: f64) -> bool {
    decimal(&float_text(f)) == decimal(text)
}

/// The shortest JSON text that reads back as `f` (finite), e.g. `2.5`,
/// `1.0`, `1e+300`.
fn float_text(f: f64) -> String {
    serde_json::Number::from_f64(f).map_or_else(|| f.to_string(), |n| n.to_string())
}

/// A decimal number as (negative, significant digits, exponent of the last
/// digit), with leading and trailing zeros removed; zero is `(false, "", 0)`.
fn decimal(text: &str) -> Option<(bool, String, i64)> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i64>().ok()?),
        None => (unsigned, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut digits: String = int.chars().chain(frac.chars()).collect();
    let mut exponent = exponent.checked_sub(i64::try_from(frac.len()).ok()?)?;
    let trailing = digits.len() - digits.trim_end_matches('0').len();
    digits.truncate(digits.len() - trailing);
    exponent = exponent.checked_add(i64::try_from(trailing).ok()?)?;
    let digits = digits.trim_start_matches('0').to_owned();
    if digits.is_empty() {
        return Some((false, digits, 0));
    }
    Some((negative, digits, exponent))
}

/// Whether `text` matches the JSON number grammar exactly.
fn is_json_number(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let int_start = i;
    while b.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    if i == int_start || (b[int_start] == b'0' && i - int_start > 1) {
        return false;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    if let Some(b'e' | b'E') = b.get(i) {
        i += 1;
        if let Some(b'+' | b'-') = b.get(i) {
            i += 1;
        }
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    i == b.len()
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Repr::Unsigned(u) => write!(f, "{u}"),
            Repr::Signed(i) => write!(f, "{i}"),
            Repr::Float(x) => f.write_str(&float_text(*x)),
            Repr::Text(t) => f.write_str(t),
        }
    }
}

macro_rules! number_from_unsigned {
    ($($t:ty),*) => {$(
        impl From<$t> for Number {
            fn from(value: $t) -> Number {
                Number(Repr::Unsigned(u64::from(value)))
            }
        }
    )*};
}
number_from_unsigned!(u8, u16, u32, u64);

/// Non-negative values are stored as unsigned, as the reader stores them, so
/// equal values compare equal whichever way they were made.
macro_rules! number_from_signed {
    ($($t:ty),*) => {$(
        impl From<$t> for Number {
            fn from(value: $t) -> Number {
                let value = i64::from(value);
                Number(u64::try_from(value).map_or(Repr::Signed(value), Repr::Unsigned))
            }
        }
    )*};
}
number_from_signed!(i8, i16, i32, i64);

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            Repr::Unsigned(u) => serializer.serialize_u64(*u),
            Repr::Signed(i) => serializer.serialize_i64(*i),
            Repr::Float(x) => serializer.serialize_f64(*x),
            Repr::Text(t) => serde_json::value::RawValue::from_string(t.to_string())
                .map_err(serde::ser::Error::custom)?
                .serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Number, D::Error> {
        match Json::deserialize(deserializer)? {
            Json::Number(n) => Ok(n),
            other => Err(de::Error::custom(format!(
                "expected a number, found {}",
                other.type_name()
            ))),
        }
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Number {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Number".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "number" })
    }
}
