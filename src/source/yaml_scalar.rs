//! What a plain YAML scalar is under YAML 1.2's core schema (`null`, `true`,
//! `30`, `0x1F`, `1.5e3`), written as JSON writes it.

/// A plain scalar's value when it is not a string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Plain {
    Null,
    Bool(bool),
    /// A number, as JSON text.
    Number(String),
}

/// The value of the plain scalar `text`; `None` for a string.
pub(crate) fn plain(text: &str) -> Option<Plain> {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Some(Plain::Null),
        "true" | "True" | "TRUE" => return Some(Plain::Bool(true)),
        "false" | "False" | "FALSE" => return Some(Plain::Bool(false)),
        _ => {}
    }
    number(text).map(Plain::Number)
}

/// A core-schema integer or float as JSON number text; `None` for anything
/// else, and for `.inf` and `.nan`, which JSON cannot write.
pub(crate) fn number(text: &str) -> Option<String> {
    if let Some(hex) = text.strip_prefix("0x") {
        return u64::from_str_radix(hex, 16).ok().map(|n| n.to_string());
    }
    if let Some(octal) = text.strip_prefix("0o") {
        return u64::from_str_radix(octal, 8).ok().map(|n| n.to_string());
    }
    let (negative, unsigned) = match text.as_bytes().first() {
        Some(b'-') => (true, text.get(1..)?),
        Some(b'+') => (false, text.get(1..)?),
        _ => (false, text),
    };
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(i) => (unsigned.get(..i)?, Some(unsigned.get(i + 1..)?)),
        None => (unsigned, None),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (mantissa, None),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole)
        || !fraction.is_none_or(digits)
        || (whole.is_empty() && fraction.is_none_or(str::is_empty))
    {
        return None;
    }
    let exponent = match exponent {
        None => None,
        Some(e) => {
            let e_digits = e.strip_prefix(['-', '+']).unwrap_or(e);
            if e_digits.is_empty() || !digits(e_digits) {
                return None;
            }
            Some(e.strip_prefix('+').unwrap_or(e))
        }
    };
    let whole = whole.trim_start_matches('0');
    let mut json = String::with_capacity(text.len() + 2);
    if negative {
        json.push('-');
    }
    json.push_str(if whole.is_empty() { "0" } else { whole });
    if let Some(fraction) = fraction.filter(|f| !f.is_empty()) {
        json.push('.');
        json.push_str(fraction);
    }
    if let Some(e) = exponent {
        json.push('e');
        json.push_str(e);
    }
    Some(json)
}

#[cfg(test)]
mod tests {
    use super::{number, plain, Plain};

    #[test]
    fn reads_the_core_schema() {
        assert_eq!(plain(""), Some(Plain::Null));
        assert_eq!(plain("~"), Some(Plain::Null));
        assert_eq!(plain("True"), Some(Plain::Bool(true)));
        assert_eq!(plain("yes"), None);
        assert_eq!(plain("30"), Some(Plain::Number("30".into())));
        assert_eq!(plain("Fetch"), None);
    }

    #[test]
    fn writes_numbers_as_json_does() {
        for (yaml, json) in [
            ("30", "30"),
            ("+12", "12"),
            ("-007", "-7"),
            ("0x1F", "31"),
            ("0o17", "15"),
            ("1.", "1"),
            (".5", "0.5"),
            ("1.50", "1.50"),
            ("2e+3", "2e3"),
            ("-1.5E-3", "-1.5e-3"),
        ] {
            assert_eq!(number(yaml).as_deref(), Some(json), "{yaml}");
        }
        for text in [
            ".", "1.2.3", "1e", "0xZZ", ".inf", ".nan", "12abc", "-", "e5",
        ] {
            assert_eq!(number(text), None, "{text}");
        }
    }
}
