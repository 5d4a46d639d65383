//! `$toMillis`: ISO 8601 timestamps, or any timestamp a picture describes.

use regex::RegexBuilder;

use super::calendar::{component, make_time, utc, Moment};
use super::format::{analyse_picture, Marker, Part, DAYS, MONTHS};
use crate::error::{Fault, FaultExt, Result};
use crate::eval::Ctx;
use crate::functions::format_integer::{parse_with, Case, IntegerFormat, Primary};

/// Reads an ISO 8601 timestamp as jsonata-js accepts it (the shape it
/// checks, then JavaScript's `Date.parse`); D3110 if the shape is wrong,
/// NaN if the date is not one.
pub(crate) fn parse_iso(ctx: &Ctx<'_>, text: &str) -> Result<f64> {
    let shape = regex::Regex::new(
        r"^\d{4}(-[01]\d)*(-[0-3]\d)*(T[0-2]\d:[0-5]\d:[0-5]\d)*(\.\d+)?([+-][0-2]\d:?[0-5]\d|Z)?$",
    )
    .map_err(|_| Fault::new("D3110"))?;
    if !shape.is_match(text) {
        return Err(Fault::new("D3110").value(ctx.describe(crate::value::Value::String(text))));
    }
    Ok(date_parse(text).unwrap_or(f64::NAN))
}

/// The ISO forms `Date.parse` reads: `YYYY[-MM[-DD]][THH:mm[:ss[.sss]]][Z|±HH[:]mm]`.
fn date_parse(text: &str) -> Option<f64> {
    let b = text.as_bytes();
    let num = |from: usize, len: usize| -> Option<f64> {
        let s = text.get(from..from + len)?;
        s.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse::<f64>().ok())?
    };
    let year = num(0, 4)?;
    let mut i = 4;
    let (mut month, mut day) = (1.0, 1.0);
    if b.get(i) == Some(&b'-') {
        month = num(i + 1, 2)?;
        i += 3;
        if b.get(i) == Some(&b'-') {
            day = num(i + 1, 2)?;
            i += 3;
        }
    }
    let (mut hour, mut minute, mut second, mut ms) = (0.0, 0.0, 0.0, 0.0);
    if b.get(i) == Some(&b'T') {
        hour = num(i + 1, 2)?;
        if b.get(i + 3) != Some(&b':') {
            return None;
        }
        minute = num(i + 4, 2)?;
        i += 6;
        if b.get(i) == Some(&b':') {
            second = num(i + 1, 2)?;
            i += 3;
        }
        if b.get(i) == Some(&b'.') {
            let digits: String = text
                .get(i + 1..)?
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            if digits.is_empty() {
                return None;
            }
            let first3: String = digits.chars().chain("00".chars()).take(3).collect();
            ms = first3.parse().ok()?;
            i += 1 + digits.len();
        }
    }
    let mut offset = 0.0;
    match b.get(i) {
        None => {}
        Some(b'Z') if i + 1 == b.len() => {}
        Some(&sign @ (b'+' | b'-')) => {
            let hh = num(i + 1, 2)?;
            let mut j = i + 3;
            if b.get(j) == Some(&b':') {
                j += 1;
            }
            let mm = num(j, 2)?;
            if j + 2 != b.len() {
                return None;
            }
            offset = (hh * 60.0 + mm) * 60_000.0 * if sign == b'+' { 1.0 } else { -1.0 };
        }
        Some(_) => return None,
    }
    let valid = (1.0..=12.0).contains(&month)
        && (1.0..=31.0).contains(&day)
        && (hour <= 23.0 || (hour == 24.0 && minute == 0.0 && second == 0.0 && ms == 0.0))
        && minute <= 59.0
        && second <= 59.0;
    if !valid {
        return None;
    }
    Some(make_time(year, month - 1.0, day, hour, minute, second, ms) - offset)
}

/// How one part of a picture is read back.
struct Reader {
    /// The regular expression for the part.
    regex: String,
    /// The component it gives, if any.
    component: Option<char>,
    /// How to turn the matched text into the component's value.
    parse: Parse,
}

/// How a matched text becomes a value.
enum Parse {
    /// Text that gives nothing.
    Nothing,
    /// An integer in this format.
    Integer(IntegerFormat),
    /// A timezone offset, in minutes.
    Offset {
        /// `z`: after `GMT`.
        gmt: bool,
        /// The separator between hours and minutes.
        separator: Option<char>,
    },
    /// A name: months, days or am/pm.
    Name(Vec<(String, f64)>),
}

/// The regex for an integer format (with `n` digits when known).
fn integer_regex(format: &IntegerFormat, n: i64) -> Result<String> {
    let upper = format.case == Case::Upper;
    Ok(match format.primary {
        Primary::Letters => (if upper { "[A-Z]+" } else { "[a-z]+" }).to_string(),
        Primary::Roman => (if upper { "[MDCLXVI]+" } else { "[mdclxvi]+" }).to_string(),
        Primary::Words => {
            let words = [
                "zero",
                "one",
                "two",
                "three",
                "four",
                "five",
                "six",
                "seven",
                "eight",
                "nine",
                "ten",
                "eleven",
                "twelve",
                "thirteen",
                "fourteen",
                "fifteen",
                "sixteen",
                "seventeen",
                "eighteen",
                "nineteen",
                "zeroth",
                "first",
                "second",
                "third",
                "fourth",
                "fifth",
                "sixth",
                "seventh",
                "eighth",
                "ninth",
                "tenth",
                "eleventh",
                "twelfth",
                "thirteenth",
                "fourteenth",
                "fifteenth",
                "sixteenth",
                "seventeenth",
                "eighteenth",
                "nineteenth",
                "twenty",
                "twentieth",
                "thirty",
                "thirtieth",
                "forty",
                "fortieth",
                "fifty",
                "fiftieth",
                "sixty",
                "sixtieth",
                "seventy",
                "seventieth",
                "eighty",
                "eightieth",
                "ninety",
                "ninetieth",
                "hundred",
                "hundredth",
                "thousand",
                "thousandth",
                "million",
                "millionth",
                "billion",
                "billionth",
                "trillion",
                "trillionth",
                "and",
                r"[\-, ]",
            ];
            format!("(?:{})+", words.join("|"))
        }
        Primary::Decimal => {
            let occurrences = if n > 0 {
                let optional = i64::try_from(format.optional).unwrap_or(0);
                if optional == 0 {
                    format!("{{{n}}}")
                } else {
                    format!("{{{},{n}}}", (n - optional).max(0))
                }
            } else {
                "+".to_string()
            };
            let mut r = format!("[0-9]{occurrences}");
            if format.ordinal {
                r.push_str("(?:th|st|nd|rd)");
            }
            r
        }
        Primary::Sequence => {
            return Err(Fault::new("D3130").value(format!("{:?}", format.token)));
        }
    })
}

/// The reader for one picture part.
fn reader(part: &Part) -> Result<Reader> {
    let marker: &Marker = match part {
        Part::Literal(text) => {
            return Ok(Reader {
                regex: regex::escape(text),
                component: None,
                parse: Parse::Nothing,
            })
        }
        Part::Marker(m) => m,
    };
    let c = marker.component;
    if c == 'Z' || c == 'z' {
        let separator = marker
            .integer
            .as_ref()
            .filter(|f| f.regular)
            .and_then(|f| f.separators.first())
            .map(|s| s.character);
        let mut regex = String::new();
        if c == 'z' {
            regex.push_str("GMT");
        }
        regex.push_str("[-+][0-9]+");
        if let Some(sep) = separator {
            regex.push_str(&regex::escape(&sep.to_string()));
            regex.push_str("[0-9]+");
        }
        return Ok(Reader {
            regex,
            component: Some(c),
            parse: Parse::Offset {
                gmt: c == 'z',
                separator,
            },
        });
    }
    if let Some(format) = &marker.integer {
        return Ok(Reader {
            regex: integer_regex(format, marker.n)?,
            component: Some(c),
            parse: Parse::Integer(format.clone()),
        });
    }
    let max = marker.width.and_then(|w| w.max);
    let shorten = |name: &str| match max {
        Some(max) => name.chars().take(max).collect(),
        None => name.to_string(),
    };
    #[allow(clippy::cast_precision_loss)]
    let names: Vec<(String, f64)> = match c {
        'M' | 'x' => MONTHS
            .iter()
            .enumerate()
            .map(|(i, m)| (shorten(m), (i + 1) as f64))
            .collect(),
        'F' => DAYS
            .iter()
            .enumerate()
            .skip(1)
            .map(|(i, d)| (shorten(d), i as f64))
            .collect(),
        'P' => vec![
            ("am".to_string(), 0.0),
            ("AM".to_string(), 0.0),
            ("pm".to_string(), 1.0),
            ("PM".to_string(), 1.0),
        ],
        _ => return Err(Fault::new("D3133").value(format!("{:?}", c.to_string()))),
    };
    Ok(Reader {
        regex: "[a-zA-Z]+".to_string(),
        component: Some(c),
        parse: Parse::Name(names),
    })
}

/// Reads `text` with `picture`; `None` when the picture reads nothing.
pub(crate) fn parse_with_picture(ctx: &Ctx<'_>, text: &str, picture: &str) -> Result<Option<f64>> {
    let parts = analyse_picture(picture)?;
    let readers: Vec<Reader> = parts.iter().map(reader).collect::<Result<_>>()?;
    let full: String = readers.iter().map(|r| format!("({})", r.regex)).collect();
    let regex = RegexBuilder::new(&format!("^{full}$"))
        .case_insensitive(true)
        .size_limit(1 << 22)
        .build()
        .map_err(|e| Fault::new("D3136").detail(e.to_string()))?;
    ctx.step()?;
    let Some(captures) = regex.captures(text) else {
        return Ok(None);
    };
    let mut components: Vec<(char, f64)> = Vec::new();
    for (i, r) in readers.iter().enumerate() {
        let Some(c) = r.component else {
            continue;
        };
        let matched = captures.get(i + 1).map_or("", |m| m.as_str());
        let value = match &r.parse {
            Parse::Nothing => continue,
            Parse::Integer(format) => parse_with(matched, format)?,
            Parse::Offset { gmt, separator } => offset_minutes(matched, *gmt, *separator),
            // a name that is not one counts as not given, as in jsonata-js
            Parse::Name(names) => match names.iter().find(|(n, _)| n == matched) {
                Some((_, v)) => *v,
                None => continue,
            },
        };
        match components.iter_mut().find(|(k, _)| *k == c) {
            Some(slot) => slot.1 = value,
            None => components.push((c, value)),
        }
    }
    if components.is_empty() {
        return Ok(None);
    }
    combine(ctx, components).map(Some)
}

/// A timezone text (`+0530`, `-05:00`, `GMT+1`) in minutes.
fn offset_minutes(text: &str, gmt: bool, separator: Option<char>) -> f64 {
    use crate::functions::format_integer::parse_int_prefix as int;
    let text = if gmt {
        text.get(3..).unwrap_or("")
    } else {
        text
    };
    if let Some(sep) = separator {
        let (h, m) = text.split_once(sep).unwrap_or((text, ""));
        return int(h) * 60.0 + int(m);
    }
    let digits = text.chars().count().saturating_sub(1);
    if digits <= 2 {
        int(text) * 60.0
    } else {
        let hours = text.get(..3).unwrap_or(text);
        int(hours) * 60.0 + int(text.get(3..).unwrap_or(""))
    }
}

/// Builds the time from the components read, defaulting the missing ones
/// (most significant from now, least significant to zero); D3136 when
/// what was read leaves a gap.
fn combine(ctx: &Ctx<'_>, mut components: Vec<(char, f64)>) -> Result<f64> {
    let get = |components: &[(char, f64)], c: char| {
        components.iter().find(|(k, _)| *k == c).map(|(_, v)| *v)
    };
    let mask_of = |components: &[(char, f64)], letters: &str| {
        letters.chars().fold(0u32, |mask, c| {
            let set = get(components, c).is_some_and(|v| v != 0.0 && !v.is_nan());
            (mask << 1) | u32::from(set)
        })
    };
    let is_type = |mask: u32, ty: u32| (!ty & mask) == 0 && (ty & mask) != 0;
    let date_mask = mask_of(&components, "YXMxWwdD");
    let date_a = is_type(date_mask, 161);
    let date_b = !date_a && is_type(date_mask, 130);
    let date_c = is_type(date_mask, 84);
    let date_d = !date_c && is_type(date_mask, 72);
    let time_mask = mask_of(&components, "PHhmsf");
    let time_a = is_type(time_mask, 23);
    let time_b = !time_a && is_type(time_mask, 47);
    let date_comps = if date_b {
        "YD"
    } else if date_c {
        "XxwF"
    } else if date_d {
        "XWF"
    } else {
        "YMD"
    };
    let time_comps = if time_b { "Phmsf" } else { "Hmsf" };
    let now = Moment::new(ctx.now());
    let mut start_specified = false;
    let mut end_specified = false;
    for c in date_comps.chars().chain(time_comps.chars()) {
        if get(&components, c).is_none() {
            let value = if start_specified {
                end_specified = true;
                if "MDd".contains(c) {
                    1.0
                } else {
                    0.0
                }
            } else if c == 'P' {
                // jsonata-js defaults it to the text "am"/"pm", which never adds 12 hours
                0.0
            } else {
                component(&now, c)
            };
            components.push((c, value));
        } else {
            start_specified = true;
            if end_specified {
                return Err(Fault::new("D3136"));
            }
        }
    }
    let value = |c: char| get(&components, c).unwrap_or(0.0);
    let mut month = value('M');
    month = if month > 0.0 { month - 1.0 } else { 0.0 };
    let mut day = value('D');
    if date_b {
        let first = utc(value('Y'), 0.0, 1.0, 0.0, 0.0, 0.0, 0.0);
        let derived = Moment::new(first + (value('d') - 1.0) * 86_400_000.0);
        #[allow(clippy::cast_precision_loss)]
        {
            month = derived.month as f64;
            day = derived.day as f64;
        }
    }
    if date_c || date_d {
        return Err(Fault::new("D3136"));
    }
    let mut hour = value('H');
    if time_b {
        let h = value('h');
        hour = if h == 12.0 { 0.0 } else { h };
        if value('P') == 1.0 {
            hour += 12.0;
        }
    }
    let mut millis = utc(
        value('Y'),
        month,
        day,
        hour,
        value('m'),
        value('s'),
        value('f'),
    );
    let zone = get(&components, 'Z')
        .or_else(|| get(&components, 'z'))
        .unwrap_or(0.0);
    if zone != 0.0 && !zone.is_nan() {
        millis -= zone * 60_000.0;
    }
    Ok(millis)
}
