//! Numbers in English words, both ways, as jsonata-js writes and reads them
//! for `$formatInteger`'s `w`, `W` and `Ww` pictures and `$parseInteger`:
//! "One Hundred and Twenty-Three", ordinals ("Twenty-First") included.

/// Small numbers in words.
const FEW: [&str; 20] = [
    "Zero",
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "Eleven",
    "Twelve",
    "Thirteen",
    "Fourteen",
    "Fifteen",
    "Sixteen",
    "Seventeen",
    "Eighteen",
    "Nineteen",
];
/// Small ordinals in words.
const ORDINALS: [&str; 20] = [
    "Zeroth",
    "First",
    "Second",
    "Third",
    "Fourth",
    "Fifth",
    "Sixth",
    "Seventh",
    "Eighth",
    "Ninth",
    "Tenth",
    "Eleventh",
    "Twelfth",
    "Thirteenth",
    "Fourteenth",
    "Fifteenth",
    "Sixteenth",
    "Seventeenth",
    "Eighteenth",
    "Nineteenth",
];
/// Tens in words.
const DECADES: [&str; 9] = [
    "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety", "Hundred",
];
/// Powers of a thousand in words.
const MAGNITUDES: [&str; 4] = ["Thousand", "Million", "Billion", "Trillion"];

/// A number in English words (title case), computed with doubles as
/// jsonata-js does (so very large numbers read "ten billion trillion …").
pub(crate) fn number_to_words(value: f64, ordinal: bool) -> String {
    words(value, false, ordinal, 0)
}

/// jsonata-js's recursive wording; `prev`: words come before this part.
fn words(num: f64, prev: bool, ordinal: bool, depth: usize) -> String {
    if !num.is_finite() || depth > 64 {
        return String::new();
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let idx = |n: f64| (n.max(0.0) as usize).min(19);
    if num <= 19.0 {
        let word = if ordinal {
            ORDINALS[idx(num)]
        } else {
            FEW[idx(num)]
        };
        return format!("{}{word}", if prev { " and " } else { "" });
    }
    if num < 100.0 {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let tens = ((num / 10.0).floor() as usize).clamp(2, 10);
        let remainder = num % 10.0;
        let mut out = format!("{}{}", if prev { " and " } else { "" }, DECADES[tens - 2]);
        if remainder > 0.0 {
            out.push('-');
            out.push_str(&words(remainder, false, ordinal, depth + 1));
        } else if ordinal {
            out.pop();
            out.push_str("ieth");
        }
        return out;
    }
    if num < 1000.0 {
        let hundreds = idx((num / 100.0).floor());
        let remainder = num % 100.0;
        let mut out = format!("{}{} Hundred", if prev { ", " } else { "" }, FEW[hundreds]);
        if remainder > 0.0 {
            out.push_str(&words(remainder, true, ordinal, depth + 1));
        } else if ordinal {
            out.push_str("th");
        }
        return out;
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let mag = ((num.log10() / 3.0).floor() as usize).clamp(1, MAGNITUDES.len());
    let factor = 10f64.powi(i32::try_from(mag * 3).unwrap_or(12));
    let mantissa = (num / factor).floor();
    let remainder = num - mantissa * factor;
    let mut out = format!(
        "{}{} {}",
        if prev { ", " } else { "" },
        words(mantissa, false, false, depth + 1),
        MAGNITUDES[mag - 1]
    );
    if remainder > 0.0 {
        out.push_str(&words(remainder, true, ordinal, depth + 1));
    } else if ordinal {
        out.push_str("th");
    }
    out
}

/// The value of an English word in numbers.
fn word_value(word: &str) -> Option<u64> {
    let lower = word.to_lowercase();
    for (i, w) in FEW.iter().enumerate() {
        if w.to_lowercase() == lower {
            return u64::try_from(i).ok();
        }
    }
    for (i, w) in ORDINALS.iter().enumerate() {
        if w.to_lowercase() == lower {
            return u64::try_from(i).ok();
        }
    }
    for (i, w) in DECADES.iter().enumerate() {
        let value = u64::try_from((i + 2) * 10).ok()?;
        let w = w.to_lowercase();
        let ieth = format!("{}ieth", w.get(..w.len() - 1).unwrap_or(""));
        if w == lower || ieth == lower {
            return Some(value);
        }
    }
    if lower == "hundredth" {
        return Some(100);
    }
    for (i, w) in MAGNITUDES.iter().enumerate() {
        let value = 10u64.pow(u32::try_from((i + 1) * 3).ok()?);
        let w = w.to_lowercase();
        if w == lower || format!("{w}th") == lower {
            return Some(value);
        }
    }
    None
}

/// Numbers written in English words, back to a number.
pub(crate) fn words_to_number(text: &str) -> f64 {
    let normal = text
        .replace(", ", " ")
        .replace(" and ", " ")
        .replace('-', " ");
    let mut segments: Vec<f64> = vec![0.0];
    for part in normal.split(|c: char| c.is_whitespace() || c == '\\') {
        let value = word_value(part).map_or(f64::NAN, |v| {
            #[allow(clippy::cast_precision_loss)]
            let v = v as f64;
            v
        });
        if value < 100.0 {
            let mut top = segments.pop().unwrap_or(0.0);
            if top >= 1000.0 {
                segments.push(top);
                top = 0.0;
            }
            segments.push(top + value);
        } else if value.is_nan() {
            segments.push(f64::NAN);
        } else {
            let top = segments.pop().unwrap_or(0.0);
            segments.push(top * value);
        }
    }
    segments.iter().sum()
}
