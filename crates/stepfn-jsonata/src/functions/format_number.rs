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

/// The parts of one sub-picture.
struct Parts {
    /// Passive characters before the number.
    prefix: Chars,
    /// Passive characters after it.
    suffix: Chars,
    /// The active part.
    active: Chars,
    /// The mantissa.
    mantissa: Chars,
    /// The exponent, when there is one.
    exponent: Option<Chars>,
    /// The integer part.
    integer: Chars,
    /// The fractional part.
    fraction: Chars,
    /// The whole sub-picture.
    picture: Chars,
}

/// Splits a sub-picture into its parts.
fn split_parts(p: &Properties, sub: &[char]) -> Parts {
    let first_active = sub
        .iter()
        .position(|&c| p.is_active(c) && !is(c, &p.exponent));
    let prefix = substring(sub, 0, first_active.unwrap_or(sub.len()));
    let last_active = sub
        .iter()
        .rposition(|&c| p.is_active(c) && !is(c, &p.exponent));
    let suffix = match last_active {
        Some(i) => substring(sub, i + 1, sub.len()),
        None => Vec::new(),
    };
    let active = substring(sub, prefix.len(), sub.len().saturating_sub(suffix.len()));
    let exponent_position = index_of(sub, &p.exponent, prefix.len());
    let (mantissa, exponent) = match exponent_position {
        Some(e) if e <= sub.len().saturating_sub(suffix.len()) => (
            substring(&active, 0, e),
            Some(substring(&active, e + 1, active.len())),
        ),
        _ => (active.clone(), None),
    };
    let (integer, fraction) = match index_of(&mantissa, &p.decimal, 0) {
        None => (mantissa.clone(), suffix.clone()),
        Some(d) => (
            substring(&mantissa, 0, d),
            substring(&mantissa, d + 1, mantissa.len()),
        ),
    };
    Parts {
        prefix,
        suffix,
        active,
        mantissa,
        exponent,
        integer,
        fraction,
        picture: sub.to_vec(),
    }
}

/// Checks a sub-picture; the last rule broken is the error.
fn validate(p: &Properties, parts: &Parts) -> Result<()> {
    let sub = &parts.picture;
    let mut error: Option<&'static str> = None;
    let decimal_pos = index_of(sub, &p.decimal, 0);
    if decimal_pos != last_index_of(sub, &p.decimal) {
        error = Some("D3081");
    }
    if index_of(sub, &p.percent, 0) != last_index_of(sub, &p.percent) {
        error = Some("D3082");
    }
    if index_of(sub, &p.per_mille, 0) != last_index_of(sub, &p.per_mille) {
        error = Some("D3083");
    }
    let has_percent = index_of(sub, &p.percent, 0).is_some();
    let has_per_mille = index_of(sub, &p.per_mille, 0).is_some();
    if has_percent && has_per_mille {
        error = Some("D3084");
    }
    if !parts.mantissa.iter().any(|&c| p.is_digit_or_optional(c)) {
        error = Some("D3085");
    }
    if parts.active.iter().any(|&c| !p.is_active(c)) {
        error = Some("D3086");
    }
    match decimal_pos {
        Some(d) => {
            let before = d.checked_sub(1).and_then(|i| sub.get(i)).copied();
            let after = sub.get(d + 1).copied();
            if before.is_some_and(|c| is(c, &p.grouping))
                || after.is_some_and(|c| is(c, &p.grouping))
            {
                error = Some("D3087");
            }
        }
        None => {
            if parts.integer.last().is_some_and(|&c| is(c, &p.grouping)) {
                error = Some("D3088");
            }
        }
    }
    let double: Chars = p
        .grouping
        .iter()
        .chain(p.grouping.iter())
        .copied()
        .collect();
    if index_of(sub, &double, 0).is_some() {
        error = Some("D3089");
    }
    if let Some(optional) = index_of(&parts.integer, &p.digit, 0) {
        if parts
            .integer
            .get(..optional)
            .unwrap_or(&[])
            .iter()
            .any(|&c| p.is_decimal_digit(c))
        {
            error = Some("D3090");
        }
    }
    if let Some(optional) = last_index_of(&parts.fraction, &p.digit) {
        if parts
            .fraction
            .get(optional..)
            .unwrap_or(&[])
            .iter()
            .any(|&c| p.is_decimal_digit(c))
        {
            error = Some("D3091");
        }
    }
    if let Some(exponent) = &parts.exponent {
        if !exponent.is_empty() && (has_percent || has_per_mille) {
            error = Some("D3092");
        }
        if exponent.is_empty() || exponent.iter().any(|&c| !p.is_decimal_digit(c)) {
            error = Some("D3093");
        }
    }
    match error {
        Some(code) => Err(Fault::new(code)),
        None => Ok(()),
    }
}

/// What the formatting needs from a sub-picture.
#[derive(Clone)]
struct Analysis {
    /// Grouping positions in the integer part (from the right).
    integer_groups: Vec<usize>,
    /// The regular grouping interval, or 0.
    regular: usize,
    /// Fewest integer digits.
    min_integer: usize,
    /// Digits before the decimal point in exponent notation.
    scaling: i32,
    /// Passive prefix.
    prefix: Chars,
    /// Grouping positions in the fractional part.
    fraction_groups: Vec<usize>,
    /// Fewest fraction digits.
    min_fraction: usize,
    /// Most fraction digits.
    max_fraction: usize,
    /// Fewest exponent digits (0: no exponent).
    min_exponent: usize,
    /// Passive suffix.
    suffix: Chars,
    /// The sub-picture.
    picture: Chars,
}

/// Where grouping separators sit in `part`, counted in digits.
fn grouping_positions(
    p: &Properties,
    part: &[char],
    integer: &[char],
    to_left: bool,
) -> Vec<usize> {
    let mut positions = Vec::new();
    let mut at = index_of(part, &p.grouping, 0);
    while let Some(g) = at {
        let side = if to_left {
            substring(part, 0, g)
        } else {
            substring(part, g, part.len())
        };
        positions.push(side.iter().filter(|&&c| p.is_digit_or_optional(c)).count());
        // jsonata-js looks for the next separator in the integer part
        at = index_of(integer, &p.grouping, g + 1);
        if positions.len() > integer.len() + part.len() {
            break;
        }
    }
    positions
}

/// The common interval of grouping positions, or 0 if irregular.
fn regular(positions: &[usize]) -> usize {
    fn gcd(a: usize, b: usize) -> usize {
        if b == 0 {
            a
        } else {
            gcd(b, a % b)
        }
    }
    let Some(&first) = positions.first() else {
        return 0;
    };
    let factor = positions.iter().skip(1).fold(first, |a, &b| gcd(a, b));
    for index in 1..=positions.len() {
        if !positions.contains(&(index * factor)) {
            return 0;
        }
    }
    factor
}

/// Analyses a validated sub-picture.
fn analyse(p: &Properties, parts: &Parts) -> Analysis {
    let integer_groups = grouping_positions(p, &parts.integer, &parts.integer, false);
    let regular = regular(&integer_groups);
    let fraction_groups = grouping_positions(p, &parts.fraction, &parts.integer, true);
    let mut min_integer = parts
        .integer
        .iter()
        .filter(|&&c| p.is_decimal_digit(c))
        .count();
    let scaling = i32::try_from(min_integer).unwrap_or(i32::MAX);
    let mut min_fraction = parts
        .fraction
        .iter()
        .filter(|&&c| p.is_decimal_digit(c))
        .count();
    let mut max_fraction = parts
        .fraction
        .iter()
        .filter(|&&c| p.is_digit_or_optional(c))
        .count();
    let exponent_present = parts.exponent.is_some();
    if min_integer == 0 && max_fraction == 0 {
        if exponent_present {
            min_fraction = 1;
            max_fraction = 1;
        } else {
            min_integer = 1;
        }
    }
    if exponent_present && min_integer == 0 && index_of(&parts.integer, &p.digit, 0).is_some() {
        min_integer = 1;
    }
    if min_integer == 0 && min_fraction == 0 {
        min_fraction = 1;
    }
    let min_exponent = parts
        .exponent
        .as_ref()
        .map_or(0, |e| e.iter().filter(|&&c| p.is_decimal_digit(c)).count());
    Analysis {
        integer_groups,
        regular,
        min_integer,
        scaling,
        prefix: parts.prefix.clone(),
        fraction_groups,
        min_fraction,
        max_fraction,
        min_exponent,
        suffix: parts.suffix.clone(),
        picture: parts.picture.clone(),
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
