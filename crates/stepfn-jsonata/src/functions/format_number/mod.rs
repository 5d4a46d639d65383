//! `$formatNumber(number, picture, options)`: XPath's `format-number` as
//! jsonata-js implements it (picture analysis, validation errors
//! D3080–D3093, rounding half to even, grouping, exponents, percent and
//! per-mille).

use std::cmp::Ordering;

use super::arg;
use super::numeric::round_half_even;
use crate::error::{Fault, Result};
use crate::eval::Ctx;
use crate::value::number::to_fixed;
use crate::value::Value;
use picture::{analyse, split_parts, validate, Analysis, Parts};

mod picture;

/// A picture string as characters, with JavaScript's string operations.
type Chars = Vec<char>;

/// The picture's special characters, overridable by `options`.
struct Properties {
    /// Decimal separator.
    decimal: Chars,
    /// Grouping separator.
    grouping: Chars,
    /// Exponent separator.
    exponent: Chars,
    /// Minus sign.
    minus: Chars,
    /// Percent sign.
    percent: Chars,
    /// Per-mille sign.
    per_mille: Chars,
    /// The zero digit (its next nine characters are the other digits).
    zero: Chars,
    /// Optional digit.
    digit: Chars,
    /// Separates the positive and negative sub-pictures.
    pattern: Chars,
}

/// `haystack.indexOf(needle, from)`.
fn index_of(haystack: &[char], needle: &[char], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return Some(from.min(haystack.len()));
    }
    (from..haystack.len()).find(|&i| haystack.get(i..i + needle.len()) == Some(needle))
}

/// `haystack.lastIndexOf(needle)`.
fn last_index_of(haystack: &[char], needle: &[char]) -> Option<usize> {
    if needle.is_empty() {
        return Some(haystack.len());
    }
    (0..haystack.len())
        .rev()
        .find(|&i| haystack.get(i..i + needle.len()) == Some(needle))
}

/// `s.substring(a, b)` with JavaScript's clamping and swapping.
fn substring(s: &[char], a: usize, b: usize) -> Chars {
    let (a, b) = (a.min(s.len()), b.min(s.len()));
    let (a, b) = if a > b { (b, a) } else { (a, b) };
    s.get(a..b).unwrap_or(&[]).to_vec()
}

/// Whether the one character `c` equals the property `p`.
fn is(c: char, p: &[char]) -> bool {
    p.len() == 1 && p.first() == Some(&c)
}

impl Properties {
    /// The defaults, with `options` applied.
    fn new(options: Value<'_>) -> Properties {
        let get = |key: &str, default: &str| -> Chars {
            match options.field(key) {
                Some(Value::String(s)) => s.chars().collect(),
                _ => default.chars().collect(),
            }
        };
        Properties {
            decimal: get("decimal-separator", "."),
            grouping: get("grouping-separator", ","),
            exponent: get("exponent-separator", "e"),
            minus: get("minus-sign", "-"),
            percent: get("percent", "%"),
            per_mille: get("per-mille", "\u{2030}"),
            zero: get("zero-digit", "0"),
            digit: get("digit", "#"),
            pattern: get("pattern-separator", ";"),
        }
    }

    /// Whether `c` is one of the ten decimal digits.
    fn is_decimal_digit(&self, c: char) -> bool {
        let zero = self.zero.first().map_or(0x30, |z| u32::from(*z));
        (zero..zero + 10).contains(&u32::from(c))
    }

    /// The decimal digit for `d` (0–9).
    fn digit_char(&self, d: u32) -> char {
        let zero = self.zero.first().map_or(0x30, |z| u32::from(*z));
        char::from_u32(zero + d).unwrap_or('0')
    }

    /// Whether `c` is an active character of the picture.
    fn is_active(&self, c: char) -> bool {
        self.is_decimal_digit(c)
            || is(c, &self.decimal)
            || is(c, &self.exponent)
            || is(c, &self.grouping)
            || is(c, &self.digit)
            || is(c, &self.pattern)
    }

    /// Whether `c` is a decimal digit or the optional digit.
    fn is_digit_or_optional(&self, c: char) -> bool {
        self.is_decimal_digit(c) || is(c, &self.digit)
    }
}

/// `|value|.toFixed(dp)` with the picture's digits.
fn make_string(p: &Properties, value: f64, dp: usize) -> Chars {
    to_fixed(value.abs(), dp)
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => p.digit_char(d),
            None => c,
        })
        .collect()
}

/// Inserts `what` into `s` at `at` (clamped).
fn insert(s: &mut Chars, at: usize, what: &[char]) {
    let at = at.min(s.len());
    s.splice(at..at, what.iter().copied());
}

/// `$formatNumber(number, picture, options)`.
pub(crate) fn format_number<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    let Value::Number(value) = arg(args, 0) else {
        return Ok(Value::Undefined);
    };
    let picture: Chars = arg(args, 1).as_str().unwrap_or("").chars().collect();
    let p = Properties::new(arg(args, 2));
    let sub_pictures: Vec<Chars> = split_on(&picture, &p.pattern);
    if sub_pictures.len() > 2 {
        return Err(Fault::new("D3080"));
    }
    let parts: Vec<Parts> = sub_pictures.iter().map(|s| split_parts(&p, s)).collect();
    for part in &parts {
        validate(&p, part)?;
    }
    let mut analyses: Vec<Analysis> = parts.iter().map(|part| analyse(&p, part)).collect();
    if analyses.len() == 1 {
        if let Some(mut negative) = analyses.first().cloned() {
            let mut prefix = p.minus.clone();
            prefix.extend(negative.prefix);
            negative.prefix = prefix;
            analyses.push(negative);
        }
    }
    // the negative sub-picture for anything not at least zero (NaN included)
    let negative = value.partial_cmp(&0.0).is_none_or(Ordering::is_lt);
    let Some(pic) = analyses.get(usize::from(negative)).cloned() else {
        return Ok(Value::Undefined);
    };
    let adjusted = if index_of(&pic.picture, &p.percent, 0).is_some() {
        value * 100.0
    } else if index_of(&pic.picture, &p.per_mille, 0).is_some() {
        value * 1000.0
    } else {
        value
    };
    let mut mantissa = adjusted;
    let mut exponent: Option<i32> = None;
    if pic.min_exponent > 0 {
        let max_mantissa = 10f64.powi(pic.scaling);
        let min_mantissa = 10f64.powi(pic.scaling - 1);
        let mut e = 0i32;
        if mantissa.is_finite() && mantissa != 0.0 {
            let sign = mantissa.signum();
            let mut m = mantissa.abs();
            while m < min_mantissa && e > -400 {
                m *= 10.0;
                e -= 1;
            }
            while m > max_mantissa && e < 400 {
                m /= 10.0;
                e += 1;
            }
            mantissa = m * sign;
        }
        exponent = Some(e);
    }
    #[allow(clippy::cast_precision_loss)]
    let rounded = round_half_even(mantissa, pic.max_fraction as f64);
    ctx.step()?;
    let mut s = make_string(&p, rounded, pic.max_fraction);
    match s.iter().position(|&c| c == '.') {
        None => s.extend(p.decimal.iter().copied()),
        Some(dot) => {
            s.splice(dot..=dot, p.decimal.iter().copied());
        }
    }
    let zero = p.zero.first().copied().unwrap_or('0');
    while s.first() == Some(&zero) {
        s.remove(0);
    }
    while s.last() == Some(&zero) {
        s.pop();
    }
    let decimal_pos = index_of(&s, &p.decimal, 0).unwrap_or(s.len());
    let pad_left = pic.min_integer.saturating_sub(decimal_pos);
    let pad_right = pic
        .min_fraction
        .saturating_sub(s.len().saturating_sub(decimal_pos + 1));
    for _ in 0..pad_left {
        s.insert(0, zero);
    }
    s.extend(std::iter::repeat_n(zero, pad_right));
    let mut decimal_pos = index_of(&s, &p.decimal, 0).unwrap_or(s.len());
    if let Some(groups) = decimal_pos.saturating_sub(1).checked_div(pic.regular) {
        for group in 1..=groups {
            insert(
                &mut s,
                decimal_pos.saturating_sub(group * pic.regular),
                &p.grouping,
            );
        }
    } else {
        for pos in &pic.integer_groups {
            insert(&mut s, decimal_pos.saturating_sub(*pos), &p.grouping);
            decimal_pos += 1;
        }
    }
    let decimal_pos = index_of(&s, &p.decimal, 0).unwrap_or(s.len());
    for pos in &pic.fraction_groups {
        insert(&mut s, pos + decimal_pos + 1, &p.grouping);
    }
    let decimal_pos = index_of(&s, &p.decimal, 0);
    if index_of(&pic.picture, &p.decimal, 0).is_none()
        || decimal_pos == Some(s.len().saturating_sub(1))
    {
        s.pop();
    }
    if let Some(e) = exponent {
        let mut digits = make_string(&p, f64::from(e), 0);
        while digits.len() < pic.min_exponent {
            digits.insert(0, zero);
        }
        s.extend(p.exponent.iter().copied());
        if e < 0 {
            s.extend(p.minus.iter().copied());
        }
        s.extend(digits);
    }
    let out: String = pic
        .prefix
        .iter()
        .chain(s.iter())
        .chain(pic.suffix.iter())
        .collect();
    Ok(Value::String(ctx.alloc_str(&out)))
}

/// `s.split(separator)` on characters.
fn split_on(s: &[char], separator: &[char]) -> Vec<Chars> {
    if separator.is_empty() {
        return s.iter().map(|&c| vec![c]).collect();
    }
    let mut parts = Vec::new();
    let mut start = 0;
    while let Some(at) = index_of(s, separator, start) {
        parts.push(substring(s, start, at));
        start = at + separator.len();
    }
    parts.push(substring(s, start, s.len()));
    parts
}
