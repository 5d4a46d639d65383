//! `$formatInteger` and `$parseInteger`: XPath's `format-integer` pictures
//! (decimal digit patterns with grouping, `a`/`A` letters, `i`/`I` roman
//! numerals, `w`/`W`/`Ww` words, `;o` ordinals), as jsonata-js reads them.
//! The date/time functions format their components with the same pictures.

use super::arg;
use super::number_words::{number_to_words, words_to_number};
use crate::error::{Fault, FaultExt, Result};
use crate::eval::Ctx;
use crate::value::Value;

/// The primary format of an integer picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Primary {
    /// Digits.
    Decimal,
    /// Spreadsheet-style letters.
    Letters,
    /// Roman numerals.
    Roman,
    /// English words.
    Words,
    /// A numbering sequence this implementation does not support.
    Sequence,
}

/// Letter case of a format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    /// `ABC`
    Upper,
    /// `abc`
    Lower,
    /// `Abc`
    Title,
}

/// A grouping separator and how many digits are to its right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Separator {
    /// Digits to the right.
    pub(crate) position: usize,
    /// The separator.
    pub(crate) character: char,
}

/// An analysed integer picture.
#[derive(Debug, Clone)]
pub(crate) struct IntegerFormat {
    /// Digits, letters, roman, words or sequence.
    pub(crate) primary: Primary,
    /// Letter case.
    pub(crate) case: Case,
    /// `;o`: ordinal.
    pub(crate) ordinal: bool,
    /// First code point of the decimal digit family.
    pub(crate) zero: u32,
    /// Fewest digits.
    pub(crate) mandatory: usize,
    /// Optional digits (`#`).
    pub(crate) optional: usize,
    /// Separators are regular (one character, evenly spaced).
    pub(crate) regular: bool,
    /// The separators (for regular grouping: one, with the interval).
    pub(crate) separators: Vec<Separator>,
    /// The picture of an unsupported sequence.
    pub(crate) token: String,
}

/// The first code points of Unicode's decimal digit groups jsonata-js knows.
const DECIMAL_GROUPS: [u32; 37] = [
    0x30, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
    0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80,
    0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    0xFF10,
];

/// Reads an integer picture (`"#,##0"`, `"A"`, `"i"`, `"w;o"`, …).
pub(crate) fn analyse(picture: &str) -> Result<IntegerFormat> {
    let mut format = IntegerFormat {
        primary: Primary::Decimal,
        case: Case::Lower,
        ordinal: false,
        zero: 0x30,
        mandatory: 0,
        optional: 0,
        regular: false,
        separators: Vec::new(),
        token: String::new(),
    };
    let primary = match picture.rfind(';') {
        Some(semicolon) => {
            if picture
                .get(semicolon + 1..)
                .is_some_and(|m| m.starts_with('o'))
            {
                format.ordinal = true;
            }
            picture.get(..semicolon).unwrap_or("")
        }
        None => picture,
    };
    match primary {
        "A" | "a" => {
            format.case = if primary == "A" {
                Case::Upper
            } else {
                Case::Lower
            };
            format.primary = Primary::Letters;
        }
        "I" | "i" => {
            format.case = if primary == "I" {
                Case::Upper
            } else {
                Case::Lower
            };
            format.primary = Primary::Roman;
        }
        "W" => {
            format.case = Case::Upper;
            format.primary = Primary::Words;
        }
        "Ww" => {
            format.case = Case::Title;
            format.primary = Primary::Words;
        }
        "w" => format.primary = Primary::Words,
        _ => decimal_pattern(primary, &mut format)?,
    }
    Ok(format)
}

/// Reads a decimal digit pattern (or marks an unsupported sequence).
fn decimal_pattern(primary: &str, format: &mut IntegerFormat) -> Result<()> {
    let mut zero: Option<u32> = None;
    let mut separators = Vec::new();
    let mut position = 0usize;
    for c in primary.chars().rev() {
        let code = u32::from(c);
        match DECIMAL_GROUPS
            .iter()
            .find(|&&g| (g..=g + 9).contains(&code))
        {
            Some(&group) => {
                format.mandatory += 1;
                position += 1;
                match zero {
                    None => zero = Some(group),
                    Some(z) if z != group => return Err(Fault::new("D3131")),
                    Some(_) => {}
                }
            }
            None if c == '#' => {
                position += 1;
                format.optional += 1;
            }
            None => separators.push(Separator {
                position,
                character: c,
            }),
        }
    }
    if format.mandatory == 0 {
        format.primary = Primary::Sequence;
        format.token = primary.to_string();
        return Ok(());
    }
    format.zero = zero.unwrap_or(0x30);
    let regular = regular_interval(&separators);
    if regular > 0 {
        format.regular = true;
        format.separators = vec![Separator {
            position: regular,
            character: separators.first().map_or(',', |s| s.character),
        }];
    } else {
        format.separators = separators;
    }
    Ok(())
}

/// The interval of evenly spaced identical separators, or 0.
fn regular_interval(separators: &[Separator]) -> usize {
    fn gcd(a: usize, b: usize) -> usize {
        if b == 0 {
            a
        } else {
            gcd(b, a % b)
        }
    }
    let Some(first) = separators.first() else {
        return 0;
    };
    if separators.iter().any(|s| s.character != first.character) {
        return 0;
    }
    let factor = separators
        .iter()
        .skip(1)
        .fold(first.position, |a, s| gcd(a, s.position));
    for index in 1..=separators.len() {
        if !separators.iter().any(|s| s.position == index * factor) {
            return 0;
        }
    }
    factor
}

/// Formats `value` (an integer) with an analysed picture.
pub(crate) fn format_with(value: f64, format: &IntegerFormat) -> Result<String> {
    let negative = value < 0.0;
    let value = value.abs();
    let mut out = match format.primary {
        Primary::Letters => letters(value, if format.case == Case::Upper { 'A' } else { 'a' }),
        Primary::Roman => {
            let roman = roman(value);
            if format.case == Case::Upper {
                roman.to_uppercase()
            } else {
                roman
            }
        }
        Primary::Words => {
            let words = number_to_words(value, format.ordinal);
            match format.case {
                Case::Upper => words.to_uppercase(),
                Case::Lower => words.to_lowercase(),
                Case::Title => words,
            }
        }
        Primary::Decimal => decimal(value, format),
        Primary::Sequence => {
            return Err(Fault::new("D3130").value(format!("{:?}", format.token)));
        }
    };
    if negative {
        out.insert(0, '-');
    }
    Ok(out)
}

/// Digits with padding, digit family, grouping and ordinal suffix.
fn decimal(value: f64, format: &IntegerFormat) -> String {
    let mut digits: Vec<char> = crate::value::number::number_to_string(value)
        .chars()
        .collect();
    while digits.len() < format.mandatory {
        digits.insert(0, '0');
    }
    if format.zero != 0x30 {
        for d in &mut digits {
            if let Some(v) = d.to_digit(10) {
                *d = char::from_u32(format.zero + v).unwrap_or(*d);
            }
        }
    }
    if format.regular {
        if let Some(sep) = format.separators.first() {
            if let Some(n) = digits.len().saturating_sub(1).checked_div(sep.position) {
                for i in (1..=n).rev() {
                    let at = digits.len().saturating_sub(i * sep.position);
                    digits.insert(at, sep.character);
                }
            }
        }
    } else {
        for sep in format.separators.iter().rev() {
            let at = digits.len().saturating_sub(sep.position);
            digits.insert(at, sep.character);
        }
    }
    let mut out: String = digits.into_iter().collect();
    if format.ordinal {
        let last = out.chars().last();
        let tens = out.chars().rev().nth(1);
        let suffix = match (last, tens) {
            (_, Some('1')) => "th",
            (Some('1'), _) => "st",
            (Some('2'), _) => "nd",
            (Some('3'), _) => "rd",
            _ => "th",
        };
        out.push_str(suffix);
    }
    out
}

/// Spreadsheet-style letters: 1 → a, 26 → z, 27 → aa.
fn letters(value: f64, a: char) -> String {
    let mut out = Vec::new();
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let mut n = value.min(1e15) as u64;
    while n > 0 {
        let offset = u32::try_from((n - 1) % 26).unwrap_or(0);
        out.push(char::from_u32(u32::from(a) + offset).unwrap_or(a));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// Roman numerals (lowercase).
fn roman(value: f64) -> String {
    const NUMERALS: [(u64, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let mut n = value.min(1e7) as u64;
    let mut out = String::new();
    for (amount, numeral) in NUMERALS {
        while n >= amount {
            out.push_str(numeral);
            n -= amount;
        }
    }
    out
}

/// Roman numerals back to a number.
pub(crate) fn roman_to_number(text: &str) -> f64 {
    let mut decimal = 0i64;
    let mut max = 1i64;
    for c in text.chars().rev() {
        let value = match c.to_ascii_uppercase() {
            'M' => 1000,
            'D' => 500,
            'C' => 100,
            'L' => 50,
            'X' => 10,
            'V' => 5,
            'I' => 1,
            // not a numeral: jsonata-js ends up with NaN
            _ => return f64::NAN,
        };
        if value < max {
            decimal -= value;
        } else {
            max = value;
            decimal += value;
        }
    }
    #[allow(clippy::cast_precision_loss)]
    let decimal = decimal as f64;
    decimal
}

/// Spreadsheet letters back to a number.
pub(crate) fn letters_to_number(text: &str, a: char) -> f64 {
    let mut decimal = 0.0;
    for (i, c) in text.chars().rev().enumerate() {
        let digit = f64::from(u32::from(c)) - f64::from(u32::from(a)) + 1.0;
        decimal += digit * 26f64.powi(i32::try_from(i).unwrap_or(0));
    }
    decimal
}

/// Reads a formatted integer back (the inverse of [`format_with`]).
pub(crate) fn parse_with(text: &str, format: &IntegerFormat) -> Result<f64> {
    Ok(match format.primary {
        Primary::Letters => {
            letters_to_number(text, if format.case == Case::Upper { 'A' } else { 'a' })
        }
        Primary::Roman => roman_to_number(text),
        Primary::Words => words_to_number(&text.to_lowercase()),
        Primary::Decimal => {
            let mut digits: String = if format.ordinal {
                text.chars()
                    .take(text.chars().count().saturating_sub(2))
                    .collect()
            } else {
                text.to_string()
            };
            if format.regular {
                digits = digits.replace(',', "");
            } else {
                for sep in &format.separators {
                    digits = digits.replace(sep.character, "");
                }
            }
            if format.zero != 0x30 {
                digits = digits
                    .chars()
                    .map(|c| {
                        char::from_u32(u32::from(c).wrapping_sub(format.zero) + 0x30).unwrap_or(c)
                    })
                    .collect();
            }
            parse_int_prefix(&digits)
        }
        Primary::Sequence => {
            return Err(Fault::new("D3130").value(format!("{:?}", format.token)));
        }
    })
}

/// JavaScript's `parseInt(text)`: leading digits (after a sign), else NaN.
pub(crate) fn parse_int_prefix(text: &str) -> f64 {
    let t = text.trim_start();
    let (sign, rest) = match t.as_bytes().first() {
        Some(b'-') => (-1.0, t.get(1..).unwrap_or("")),
        Some(b'+') => (1.0, t.get(1..).unwrap_or("")),
        _ => (1.0, t),
    };
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return f64::NAN;
    }
    sign * digits.parse::<f64>().unwrap_or(f64::NAN)
}

/// `$formatInteger(number, picture)`.
pub(crate) fn format_integer<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    let Value::Number(value) = arg(args, 0) else {
        return Ok(Value::Undefined);
    };
    let format = analyse(arg(args, 1).as_str().unwrap_or(""))?;
    let text = format_with(value.floor(), &format)?;
    Ok(Value::String(ctx.alloc_str(&text)))
}

/// `$parseInteger(string, picture)`.
pub(crate) fn parse_integer<'a>(_: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    let Value::String(text) = arg(args, 0) else {
        return Ok(Value::Undefined);
    };
    let format = analyse(arg(args, 1).as_str().unwrap_or("")).map_err(|f| f.index(2))?;
    Ok(Value::Number(parse_with(text, &format)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(value: f64, picture: &str) -> String {
        format_with(value, &analyse(picture).expect(picture)).expect(picture)
    }

    #[test]
    fn formats() {
        assert_eq!(fmt(1234.0, "#,##0"), "1,234");
        assert_eq!(fmt(12.0, "000"), "012");
        assert_eq!(fmt(1234567.0, "#,###,##0"), "1,234,567");
        assert_eq!(fmt(28.0, "a"), "ab");
        assert_eq!(fmt(1999.0, "I"), "MCMXCIX");
        assert_eq!(fmt(21.0, "w"), "twenty-one");
        assert_eq!(fmt(101.0, "Ww"), "One Hundred and One");
        assert_eq!(fmt(3.0, "0;o"), "3rd");
        assert_eq!(fmt(13.0, "0;o"), "13th");
        assert_eq!(fmt(12.0, "w;o"), "twelfth");
        assert_eq!(fmt(-5.0, "0"), "-5");
    }

    #[test]
    fn parses_back() {
        let back = |text: &str, picture: &str| {
            parse_with(text, &analyse(picture).expect(picture)).expect(picture)
        };
        assert_eq!(back("1,234", "#,##0"), 1234.0);
        assert_eq!(back("MCMXCIX", "I"), 1999.0);
        assert_eq!(back("ab", "a"), 28.0);
        assert_eq!(back("one hundred and one", "w"), 101.0);
        assert_eq!(back("twelfth", "w;o"), 12.0);
        assert_eq!(back("3rd", "0;o"), 3.0);
    }
}
