//! Date/time pictures (`[Y0001]-[M01]-[D01]`, `[FNn], [D1o] [MNn]`, …):
//! reading them and formatting a time with them.

use super::calendar::{component, Moment};
use crate::error::{Fault, FaultExt, Result};
use crate::functions::format_integer::{self, analyse, format_with, Case, IntegerFormat};

/// Day names, Monday first (index 0 unused).
pub(crate) const DAYS: [&str; 8] = [
    "",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Month names.
pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The picture used when none is given: ISO 8601 with milliseconds.
const ISO_PICTURE: &str = "[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f001][Z01:01t]";

/// Width bounds of a marker (`,2-4`).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Width {
    /// Fewest characters.
    pub(crate) min: Option<usize>,
    /// Most characters.
    pub(crate) max: Option<usize>,
}

/// One variable marker of a picture.
#[derive(Debug, Clone)]
pub(crate) struct Marker {
    /// The component letter (`Y`, `M`, `D`, …).
    pub(crate) component: char,
    /// The width modifier.
    pub(crate) width: Option<Width>,
    /// The first presentation modifier.
    pub(crate) presentation1: String,
    /// The second presentation modifier (`a`, `t`, `c`, `o`).
    pub(crate) presentation2: Option<char>,
    /// Written as a name, in this case.
    pub(crate) names: Option<Case>,
    /// Written as an integer, in this format.
    pub(crate) integer: Option<IntegerFormat>,
    /// For `Y`, `M`, `D`: the number of digits shown (-1: all).
    pub(crate) n: i64,
}

/// A part of a picture.
#[derive(Debug, Clone)]
pub(crate) enum Part {
    /// Text written as it is.
    Literal(String),
    /// A component.
    Marker(Marker),
}

/// The presentation modifier a component has when none is written.
fn default_presentation(component: char) -> Option<&'static str> {
    Some(match component {
        'Y' | 'M' | 'D' | 'd' | 'W' | 'w' | 'X' | 'x' | 'H' | 'h' | 'f' => "1",
        'F' | 'P' | 'C' | 'E' => "n",
        'm' | 's' => "01",
        'Z' | 'z' => "01:01",
        _ => return None,
    })
}

/// JavaScript's `parseInt` of a width, `None` for `*` or nothing.
fn parse_width(text: Option<&str>) -> Option<usize> {
    let text = text?;
    if text == "*" {
        return None;
    }
    let value = format_integer::parse_int_prefix(text);
    (value.is_finite() && value >= 0.0).then(|| {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let v = value as usize;
        v
    })
}

/// Reads a date/time picture.
pub(crate) fn analyse_picture(picture: &str) -> Result<Vec<Part>> {
    let mut parts = Vec::new();
    let chars: Vec<(usize, char)> = picture.char_indices().collect();
    let byte = |i: usize| chars.get(i).map_or(picture.len(), |&(b, _)| b);
    let literal = |parts: &mut Vec<Part>, from: usize, to: usize| {
        if to > from {
            let text = picture.get(byte(from)..byte(to)).unwrap_or("");
            parts.push(Part::Literal(text.replace("]]", "]")));
        }
    };
    let mut start = 0;
    let mut pos = 0;
    while let Some(&(_, c)) = chars.get(pos) {
        if c == '[' {
            if chars.get(pos + 1).map(|&(_, c)| c) == Some('[') {
                literal(&mut parts, start, pos);
                parts.push(Part::Literal("[".to_string()));
                pos += 2;
                start = pos;
                continue;
            }
            literal(&mut parts, start, pos);
            start = pos;
            let Some(close) =
                (pos..chars.len()).find(|&i| chars.get(i).map(|&(_, c)| c) == Some(']'))
            else {
                return Err(Fault::new("D3135"));
            };
            let marker: String = picture
                .get(byte(start + 1)..byte(close))
                .unwrap_or("")
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            parts.push(Part::Marker(marker_of(&marker)?));
            pos = close;
            start = pos + 1;
        }
        pos += 1;
    }
    literal(&mut parts, start, pos);
    Ok(parts)
}

/// JavaScript's `s.substring(a, b)` on characters: bounds clamped, and
/// swapped when `a > b`.
fn js_substring(s: &str, a: usize, b: usize) -> String {
    let (a, b) = if a > b { (b, a) } else { (a, b) };
    s.chars().skip(a).take(b - a).collect()
}

/// Reads the inside of one `[…]` marker.
fn marker_of(marker: &str) -> Result<Marker> {
    let component = marker.chars().next().unwrap_or('\0');
    let chars: Vec<char> = marker.chars().collect();
    let length = chars.len();
    let (presentation, width) = match chars.iter().rposition(|&c| c == ',') {
        Some(comma) => {
            let modifier = js_substring(marker, comma + 1, length);
            let (min, max) = match modifier.find('-') {
                Some(dash) => (modifier.get(..dash), modifier.get(dash + 1..)),
                None => (Some(modifier.as_str()), None),
            };
            let width = Width {
                min: parse_width(min),
                max: parse_width(max),
            };
            // as JavaScript's substring(1, comma), even for a comma first
            (js_substring(marker, 1, comma), Some(width))
        }
        None => (js_substring(marker, 1, length), None),
    };
    let presentation = presentation.as_str();
    let mut m = Marker {
        component,
        width,
        presentation1: String::new(),
        presentation2: None,
        names: None,
        integer: None,
        n: -1,
    };
    let count = presentation.chars().count();
    if count == 1 {
        m.presentation1 = presentation.to_string();
    } else if count > 1 {
        let last = presentation.chars().last().unwrap_or(' ');
        if "atco".contains(last) {
            m.presentation2 = Some(last);
            m.presentation1 = presentation
                .get(..presentation.len() - last.len_utf8())
                .unwrap_or("")
                .to_string();
        } else {
            m.presentation1 = presentation.to_string();
        }
    } else {
        match default_presentation(component) {
            Some(p) => m.presentation1 = p.to_string(),
            None => {
                return Err(Fault::new("D3132").value(format!("{:?}", component.to_string())));
            }
        }
    }
    let mut p1 = m.presentation1.chars();
    match p1.next() {
        Some('n') => m.names = Some(Case::Lower),
        Some('N') => {
            m.names = Some(if p1.next() == Some('n') {
                Case::Title
            } else {
                Case::Upper
            });
        }
        _ if "YMDdFWwXxHhmsf".contains(component) => {
            let mut pattern = m.presentation1.clone();
            if let Some(p2) = m.presentation2 {
                pattern.push(';');
                pattern.push(p2);
            }
            let mut integer = analyse(&pattern)?;
            if let Some(min) = m.width.and_then(|w| w.min) {
                if integer.mandatory < min {
                    integer.mandatory = min;
                }
            }
            if "YMD".contains(component) {
                m.n = -1;
                if let Some(max) = m.width.and_then(|w| w.max) {
                    m.n = i64::try_from(max).unwrap_or(i64::MAX);
                    integer.mandatory = max;
                } else {
                    let w = integer.mandatory + integer.optional;
                    if w >= 2 {
                        m.n = i64::try_from(w).unwrap_or(i64::MAX);
                    }
                }
            }
            m.integer = Some(integer);
        }
        _ => {}
    }
    if component == 'Z' || component == 'z' {
        m.integer = Some(analyse(&m.presentation1)?);
    }
    Ok(m)
}

/// Formats `millis` with `picture` (ISO 8601 when absent) in `timezone`
/// (`±hhmm`, UTC when absent).
pub(crate) fn format_millis(
    millis: f64,
    picture: Option<&str>,
    timezone: Option<&str>,
) -> Result<String> {
    let (hours, minutes) = match timezone {
        Some(tz) => {
            // not a number: an invalid time, written with NaNs as jsonata-js does
            let offset = format_integer::parse_int_prefix(tz);
            ((offset / 100.0).floor(), offset % 100.0)
        }
        None => (0.0, 0.0),
    };
    let parts = analyse_picture(picture.unwrap_or(ISO_PICTURE))?;
    let moment = Moment::new(millis + (60.0 * hours + minutes) * 60_000.0);
    let mut out = String::new();
    for part in &parts {
        match part {
            Part::Literal(text) => out.push_str(text),
            Part::Marker(marker) => out.push_str(&format_marker(&moment, marker, hours, minutes)?),
        }
    }
    Ok(out)
}

/// One marker's text.
fn format_marker(m: &Moment, marker: &Marker, hours: f64, minutes: f64) -> Result<String> {
    let c = marker.component;
    let integer = || marker.integer.clone().ok_or_else(|| Fault::new("D3132"));
    if "YMDdFWwXxHhms".contains(c) {
        let mut value = component(m, c);
        if c == 'Y' && marker.n != -1 {
            value %= 10f64.powi(i32::try_from(marker.n).unwrap_or(i32::MAX));
        }
        if let Some(case) = marker.names {
            let name = match c {
                'M' | 'x' => month_name(value),
                'F' => day_name(value),
                _ => return Err(Fault::new("D3133").value(format!("{:?}", c.to_string()))),
            };
            let mut name = match case {
                Case::Upper => name.to_uppercase(),
                Case::Lower => name.to_lowercase(),
                Case::Title => name.to_string(),
            };
            if let Some(max) = marker.width.and_then(|w| w.max) {
                if name.chars().count() > max {
                    name = name.chars().take(max).collect();
                }
            }
            return Ok(name);
        }
        return format_with(value, &integer()?);
    }
    match c {
        'f' => format_with(component(m, 'f'), &integer()?),
        'Z' | 'z' => {
            let offset = hours * 100.0 + minutes;
            let format = integer()?;
            let mut text = if format.regular {
                format_with(offset, &format)?
            } else {
                match format.mandatory {
                    1 | 2 => {
                        let mut t = format_with(hours, &format)?;
                        if minutes != 0.0 {
                            let two = analyse("00")?;
                            t.push(':');
                            t.push_str(&format_with(minutes.floor(), &two)?);
                        }
                        t
                    }
                    3 | 4 => format_with(offset, &format)?,
                    digits => return Err(Fault::new("D3134").value(digits.to_string())),
                }
            };
            if offset >= 0.0 {
                text.insert(0, '+');
            }
            if c == 'z' {
                text.insert_str(0, "GMT");
            }
            if offset == 0.0 && marker.presentation2 == Some('t') {
                text = "Z".to_string();
            }
            Ok(text)
        }
        'P' => {
            let text = if m.hour >= 12 { "pm" } else { "am" };
            Ok(if marker.names == Some(Case::Upper) {
                text.to_uppercase()
            } else {
                text.to_string()
            })
        }
        'C' | 'E' => Ok("ISO".to_string()),
        // a component jsonata-js does not know is written as `undefined`
        _ => Ok("undefined".to_string()),
    }
}

/// The month name for month number `value` (1–12).
fn month_name(value: f64) -> &'static str {
    if value.is_nan() {
        return "undefined";
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let index = (value as usize).saturating_sub(1);
    MONTHS.get(index).copied().unwrap_or("undefined")
}

/// The day name for day number `value` (1–7, Monday first).
fn day_name(value: f64) -> &'static str {
    if value.is_nan() {
        return "undefined";
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let index = value as usize;
    DAYS.get(index).copied().unwrap_or("undefined")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(millis: f64, picture: Option<&str>, tz: Option<&str>) -> String {
        format_millis(millis, picture, tz).expect("formats")
    }

    #[test]
    fn pictures() {
        let t = 1_521_801_216_617.0;
        assert_eq!(fmt(t, None, None), "2018-03-23T10:33:36.617Z");
        assert_eq!(fmt(t, Some("[D1o] [MNn] [Y]"), None), "23rd March 2018");
        assert_eq!(
            fmt(t, Some("[FNn], [D] [MN,*-3] [Y0001]"), None),
            "Friday, 23 MAR 2018"
        );
        assert_eq!(fmt(t, Some("[h]:[m01] [P]"), None), "10:33 am");
        assert_eq!(
            fmt(t, Some("[H01]:[m01] [z]"), Some("-0500")),
            "05:33 GMT-05:00"
        );
        assert_eq!(fmt(t, Some("[Y,2]"), None), "18");
        assert_eq!(fmt(t, Some("[[[Y]]]"), None), "[2018]");
        assert!(format_millis(t, Some("[Y"), None).is_err());
        assert!(format_millis(t, Some("[q]"), None).is_err());
    }
}
