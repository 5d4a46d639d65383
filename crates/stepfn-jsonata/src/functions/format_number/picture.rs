//! The picture of `$formatNumber`: split into its parts, checked (errors
//! D3080-D3093), and analysed into what the formatting needs (grouping
//! positions, digit counts, exponent, prefix and suffix).

use super::{index_of, is, last_index_of, substring, Chars, Properties};
use crate::error::{Fault, Result};

/// The parts of one sub-picture.
pub(super) struct Parts {
    /// Passive characters before the number.
    pub(super) prefix: Chars,
    /// Passive characters after it.
    pub(super) suffix: Chars,
    /// The active part.
    pub(super) active: Chars,
    /// The mantissa.
    pub(super) mantissa: Chars,
    /// The exponent, when there is one.
    pub(super) exponent: Option<Chars>,
    /// The integer part.
    pub(super) integer: Chars,
    /// The fractional part.
    pub(super) fraction: Chars,
    /// The whole sub-picture.
    pub(super) picture: Chars,
}

/// Splits a sub-picture into its parts.
pub(super) fn split_parts(p: &Properties, sub: &[char]) -> Parts {
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
pub(super) fn validate(p: &Properties, parts: &Parts) -> Result<()> {
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
pub(super) struct Analysis {
    /// Grouping positions in the integer part (from the right).
    pub(super) integer_groups: Vec<usize>,
    /// The regular grouping interval, or 0.
    pub(super) regular: usize,
    /// Fewest integer digits.
    pub(super) min_integer: usize,
    /// Digits before the decimal point in exponent notation.
    pub(super) scaling: i32,
    /// Passive prefix.
    pub(super) prefix: Chars,
    /// Grouping positions in the fractional part.
    pub(super) fraction_groups: Vec<usize>,
    /// Fewest fraction digits.
    pub(super) min_fraction: usize,
    /// Most fraction digits.
    pub(super) max_fraction: usize,
    /// Fewest exponent digits (0: no exponent).
    pub(super) min_exponent: usize,
    /// Passive suffix.
    pub(super) suffix: Chars,
    /// The sub-picture.
    pub(super) picture: Chars,
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
pub(super) fn analyse(p: &Properties, parts: &Parts) -> Analysis {
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
