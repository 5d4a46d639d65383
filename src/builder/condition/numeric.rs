//! [`NumericLiteral`]: what the `numeric_…` constructors accept.

use std::fmt;

use crate::model::Number;

/// The operand of a `Numeric…` operator: any integer, an `f64` or a
/// [`Number`]. Integers keep their integer form (`5` is written `5`, not
/// `5.0`).
///
/// JSON has no NaN or infinity: such an `f64` is kept and reported as an
/// error when the condition is built, never a panic.
///
/// ```
/// use stepfn::builder::Condition;
/// assert_eq!(Condition::numeric_equals("$.n", 5).to_json()?, r#"{"Variable":"$.n","NumericEquals":5}"#);
/// assert_eq!(Condition::numeric_equals("$.n", 2.5).to_json()?, r#"{"Variable":"$.n","NumericEquals":2.5}"#);
/// let err = Condition::numeric_equals("$.n", f64::NAN).to_json().unwrap_err();
/// assert_eq!(err.to_string(), "column 8: `NaN` is not a number JSON can hold: use a finite number");
/// # Ok::<(), stepfn::builder::ConditionParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct NumericLiteral(Repr);

#[derive(Debug, Clone, PartialEq)]
enum Repr {
    Number(Number),
    NonFinite(f64),
}

impl NumericLiteral {
    /// The number, or the non-finite float JSON cannot hold.
    pub(crate) fn into_number(self) -> Result<Number, f64> {
        match self.0 {
            Repr::Number(n) => Ok(n),
            Repr::NonFinite(x) => Err(x),
        }
    }
}

impl fmt::Display for NumericLiteral {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Repr::Number(n) => n.fmt(f),
            Repr::NonFinite(x) => x.fmt(f),
        }
    }
}

macro_rules! from_integer {
    ($($t:ty),*) => {$(
        impl From<$t> for NumericLiteral {
            fn from(value: $t) -> NumericLiteral {
                NumericLiteral(Repr::Number(Number::from(value)))
            }
        }
    )*};
}
from_integer!(u8, u16, u32, u64, i8, i16, i32, i64);

impl From<f64> for NumericLiteral {
    fn from(value: f64) -> NumericLiteral {
        NumericLiteral(Number::from_f64(value).map_or(Repr::NonFinite(value), Repr::Number))
    }
}

impl From<f32> for NumericLiteral {
    /// The `f32`'s own shortest digits (`0.1`, not the `0.10000000149011612`
    /// of its `f64` widening).
    fn from(value: f32) -> NumericLiteral {
        NumericLiteral(
            Number::from_f32(value).map_or(Repr::NonFinite(f64::from(value)), Repr::Number),
        )
    }
}

impl From<Number> for NumericLiteral {
    fn from(value: Number) -> NumericLiteral {
        NumericLiteral(Repr::Number(value))
    }
}

#[cfg(test)]
mod tests {
    use super::NumericLiteral;
    use crate::model::Number;

    #[test]
    fn keeps_integers_and_finite_floats_and_rejects_the_rest() {
        assert_eq!(NumericLiteral::from(5u8).into_number(), Ok(Number::from(5)));
        assert_eq!(
            NumericLiteral::from(-5i64).into_number(),
            Ok(Number::from(-5))
        );
        assert_eq!(
            NumericLiteral::from(u64::MAX).to_string(),
            "18446744073709551615"
        );
        assert_eq!(NumericLiteral::from(2.0).to_string(), "2.0");
        assert_eq!(NumericLiteral::from(0.1f32).to_string(), "0.1");
        assert!(NumericLiteral::from(f32::NAN).into_number().is_err());
        let big = Number::parse("123456789012345678901234567890").unwrap();
        assert_eq!(NumericLiteral::from(big.clone()).into_number(), Ok(big));
        assert_eq!(
            NumericLiteral::from(f64::INFINITY).into_number(),
            Err(f64::INFINITY)
        );
        assert_eq!(NumericLiteral::from(f64::NEG_INFINITY).to_string(), "-inf");
        assert!(NumericLiteral::from(f64::NAN)
            .into_number()
            .unwrap_err()
            .is_nan());
    }
}
