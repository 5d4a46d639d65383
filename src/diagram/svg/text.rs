//! Text sizes without a font file: widths estimated per character class of
//! a sans-serif font, close enough to size boxes that fit their labels.

/// Font size of a state's name, in pixels.
pub(super) const NAME_SIZE: f64 = 12.0;
/// Font size of the other lines and of edge labels, in pixels.
pub(super) const SMALL_SIZE: f64 = 10.5;
/// Height of one line of text, in pixels.
pub(super) const LINE_HEIGHT: f64 = 15.0;

/// The width of `text` at `size` pixels, estimated.
pub(super) fn width(text: &str, size: f64) -> f64 {
    let ems: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'I' => 0.28,
            'f' | 't' | 'r' | ' ' | '(' | ')' | '[' | ']' | '-' => 0.36,
            'm' | 'w' | 'M' | 'W' | '@' | '%' => 0.86,
            c if c.is_ascii_uppercase() => 0.68,
            c if c.is_ascii_digit() => 0.56,
            c if c.is_ascii() => 0.54,
            _ => 0.9,
        })
        .sum();
    ems * size
}

/// `text` with the characters XML gives a meaning escaped.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{escape, width};

    #[test]
    fn wide_letters_measure_wider_than_narrow_ones() {
        assert!(width("WWW", 12.0) > width("iii", 12.0) * 2.5);
    }

    #[test]
    fn markup_in_names_is_escaped() {
        assert_eq!(escape(r#"<a & "b">"#), "&lt;a &amp; &quot;b&quot;&gt;");
    }
}
