//! Numbers written the way JavaScript writes them.

use std::fmt::Write as _;

/// The shortest decimal digits that read back as `x` (positive, finite,
/// non-zero) and the exponent `n` such that `x = 0.d1d2…dk × 10^n`.
fn shortest_digits(x: f64) -> (String, i32) {
    let text = format!("{x:e}");
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let exponent: i32 = exponent.parse().unwrap_or(0);
    (digits, exponent + 1)
}

/// Appends `x` as JavaScript's `Number.prototype.toString()` writes it:
/// `1`, `0.5`, `1e+21`, `1.5e-7`, `NaN`, `-Infinity`.
pub(crate) fn write_number(out: &mut String, x: f64) {
    if x.is_nan() {
        out.push_str("NaN");
        return;
    }
    if x.is_infinite() {
        out.push_str(if x > 0.0 { "Infinity" } else { "-Infinity" });
        return;
    }
    if x == 0.0 {
        out.push('0');
        return;
    }
    if x < 0.0 {
        out.push('-');
    }
    let x = x.abs();
    // integers below 2^53 are the common case
    if x < 9_007_199_254_740_992.0 && x.fract() == 0.0 {
        // exact: the value is an integer that u64 holds
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let integer = x as u64;
        let _ = write!(out, "{integer}");
        return;
    }
    let (digits, n) = shortest_digits(x);
    let k = i32::try_from(digits.len()).unwrap_or(i32::MAX);
    if k <= n && n <= 21 {
        out.push_str(&digits);
        for _ in 0..(n - k) {
            out.push('0');
        }
    } else if 0 < n && n <= 21 {
        let split = usize::try_from(n).unwrap_or(0);
        out.push_str(digits.get(..split).unwrap_or(""));
        out.push('.');
        out.push_str(digits.get(split..).unwrap_or(""));
    } else if -6 < n && n <= 0 {
        out.push_str("0.");
        for _ in 0..(-n) {
            out.push('0');
        }
        out.push_str(&digits);
    } else {
        out.push_str(digits.get(..1).unwrap_or(""));
        if k > 1 {
            out.push('.');
            out.push_str(digits.get(1..).unwrap_or(""));
        }
        let e = n - 1;
        let _ = write!(out, "e{}{}", if e < 0 { '-' } else { '+' }, e.abs());
    }
}

/// `x` as JavaScript's `String(x)` writes it.
pub(crate) fn number_to_string(x: f64) -> String {
    let mut out = String::new();
    write_number(&mut out, x);
    out
}

/// `Number(x.toPrecision(p))`: `x` rounded to `p` significant digits.
pub(crate) fn to_precision(x: f64, p: usize) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    // an integer of at most 15 digits, or a number whose shortest form has
    // at most `p` digits, is unchanged by the rounding
    if p >= 15 && x.fract() == 0.0 && x.abs() < 1e15 {
        return x;
    }
    if shortest_digits(x.abs()).0.len() <= p {
        return x;
    }
    let text = format!("{x:.*e}", p.saturating_sub(1));
    text.parse().unwrap_or(x)
}

/// `x.toFixed(dp)` for `x ≥ 0`: `dp` fraction digits, a tie rounded up.
pub(crate) fn to_fixed(x: f64, dp: usize) -> String {
    if !x.is_finite() || x >= 1e21 {
        return number_to_string(x);
    }
    // enough digits to see the exact tail past `dp`
    let text = format!("{x:.*}", dp + 30);
    let (int_part, frac_part) = text.split_once('.').unwrap_or((&text, ""));
    let kept = frac_part.get(..dp).unwrap_or(frac_part);
    let dropped = frac_part.get(dp..).unwrap_or("");
    let mut digits: Vec<u8> = int_part.bytes().chain(kept.bytes()).collect();
    if dropped.as_bytes().first().is_some_and(|d| *d >= b'5') {
        // round up, carrying through nines
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, b'1');
                break;
            }
            i -= 1;
            match digits.get_mut(i) {
                Some(d) if *d == b'9' => *d = b'0',
                Some(d) => {
                    *d += 1;
                    break;
                }
                None => break,
            }
        }
    }
    let int_len = digits.len() - kept.len();
    let mut out = String::with_capacity(digits.len() + 1);
    out.extend(
        digits
            .get(..int_len)
            .unwrap_or(&[])
            .iter()
            .map(|&d| char::from(d)),
    );
    if dp > 0 {
        out.push('.');
        out.extend(
            digits
                .get(int_len..)
                .unwrap_or(&[])
                .iter()
                .map(|&d| char::from(d)),
        );
    }
    out
}

/// An integral `x` written in `radix` (2–36), as `x.toString(radix)` does.
pub(crate) fn to_radix(x: f64, radix: u32) -> String {
    if !x.is_finite() {
        return number_to_string(x);
    }
    let negative = x < 0.0;
    let mut digits: Vec<char> = Vec::new();
    let magnitude = x.abs().trunc();
    if magnitude < 1.8e19 {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let mut n = magnitude as u64;
        let radix = u64::from(radix);
        loop {
            let d = u32::try_from(n % radix).unwrap_or(0);
            digits.push(char::from_digit(d, 36).unwrap_or('0'));
            n /= radix;
            if n == 0 {
                break;
            }
        }
    } else {
        // exact digits of a large double: mantissa × 2^exponent as a big number
        let bits = magnitude.to_bits();
        let exponent = i32::try_from((bits >> 52) & 0x7ff).unwrap_or(0) - 1075;
        let mantissa = (bits & ((1 << 52) - 1)) | (1 << 52);
        let mut big: Vec<u32> = vec![
            u32::try_from(mantissa & 0xffff_ffff).unwrap_or(0),
            u32::try_from(mantissa >> 32).unwrap_or(0),
        ];
        for _ in 0..exponent.max(0) {
            let mut carry = 0u64;
            for limb in &mut big {
                let v = (u64::from(*limb) << 1) | carry;
                *limb = u32::try_from(v & 0xffff_ffff).unwrap_or(0);
                carry = v >> 32;
            }
            if carry > 0 {
                big.push(u32::try_from(carry).unwrap_or(0));
            }
        }
        while big.iter().any(|&l| l != 0) {
            let mut remainder = 0u64;
            for limb in big.iter_mut().rev() {
                let v = (remainder << 32) | u64::from(*limb);
                *limb = u32::try_from(v / u64::from(radix)).unwrap_or(0);
                remainder = v % u64::from(radix);
            }
            digits.push(char::from_digit(u32::try_from(remainder).unwrap_or(0), 36).unwrap_or('0'));
        }
    }
    let mut out = String::with_capacity(digits.len() + 1);
    if negative && magnitude != 0.0 {
        out.push('-');
    }
    out.extend(digits.iter().rev());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_numbers_as_javascript_does() {
        for (x, text) in [
            (0.0, "0"),
            (-0.0, "0"),
            (1.0, "1"),
            (-42.0, "-42"),
            (0.5, "0.5"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e21, "1e+21"),
            (1e20, "100000000000000000000"),
            (123_456_789_012_345_680_000.0, "123456789012345680000"),
            (1.5e-7, "1.5e-7"),
            (0.000_001, "0.000001"),
            (1e-7, "1e-7"),
            (9_007_199_254_740_993.0, "9007199254740992"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (5e-324, "5e-324"),
            (f64::NAN, "NaN"),
            (f64::NEG_INFINITY, "-Infinity"),
            (2.5e-5, "0.000025"),
            (9.33262154439441e155, "9.33262154439441e+155"),
        ] {
            assert_eq!(number_to_string(x), text, "{x}");
        }
    }

    #[test]
    fn precision_fixed_and_radix() {
        assert_eq!(to_precision(0.1 + 0.2, 15), 0.3);
        assert_eq!(to_precision(123.456, 2), 120.0);
        assert_eq!(to_fixed(1.005, 2), "1.00");
        assert_eq!(to_fixed(0.5, 0), "1");
        assert_eq!(to_fixed(2.5, 0), "3");
        assert_eq!(to_fixed(9.995, 2), "9.99");
        assert_eq!(to_fixed(99.5, 0), "100");
        assert_eq!(to_fixed(1234.5678, 3), "1234.568");
        assert_eq!(to_radix(255.0, 16), "ff");
        assert_eq!(to_radix(-255.0, 2), "-11111111");
        assert_eq!(to_radix(0.0, 7), "0");
        assert_eq!(to_radix(2f64.powi(70), 16), "400000000000000000");
    }
}
