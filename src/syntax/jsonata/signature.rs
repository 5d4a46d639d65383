//! Checks of lambda type signatures such as `<n-n:n>` or `<a<s>f?:a>`.
//!
//! JSONata compiles a signature when the expression is parsed and rejects two
//! shapes there: a type parameter `<…>` after anything but `a` (array) or `f`
//! (function) (S0401), and a choice group `(…)` containing a type parameter
//! (S0402). Everything after `:` (the return type) is ignored, as are
//! characters JSONata does not know.

/// Validates the signature text `sig`, which includes the surrounding `<` `>`.
/// On failure returns the message for the whole signature.
pub(crate) fn validate(sig: &str) -> Result<(), String> {
    let chars: Vec<char> = sig.chars().collect();
    let mut previous: Option<char> = None;
    let mut i = 1;
    while let Some(&c) = chars.get(i) {
        match c {
            ':' => break,
            's' | 'n' | 'b' | 'l' | 'o' | 'a' | 'f' | 'j' | 'x' => previous = Some(c),
            '(' => {
                let close = closing(&chars, i, '(', ')');
                if chars.get(i + 1..close).unwrap_or(&[]).contains(&'<') {
                    return Err(format!(
                        "invalid function signature `{sig}`: a choice of types `(…)` cannot contain a type parameter `<…>`"
                    ));
                }
                previous = Some('(');
                i = close;
            }
            '<' => {
                if !matches!(previous, Some('a' | 'f')) {
                    return Err(format!(
                        "invalid function signature `{sig}`: a type parameter `<…>` can only follow `a` or `f`"
                    ));
                }
                i = closing(&chars, i, '<', '>');
            }
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

/// Index of the bracket closing the one opened at `start`, or `chars.len()`.
fn closing(chars: &[char], start: usize, open: char, close: char) -> usize {
    let mut depth = 1usize;
    let mut i = start;
    while i < chars.len() {
        i += 1;
        match chars.get(i) {
            Some(&c) if c == close => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            Some(&c) if c == open => depth += 1,
            _ => {}
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_documented_signatures() {
        for sig in [
            "<n-n:n>",
            "<s-:s>",
            "<a<n>:n>",
            "<f<n:n>a:a>",
            "<x-b?:s>",
            "<(sn)(ab)+>",
            "<o?:o>",
            "<j->",
            "<>",
            "<a<a<n>>>",
            "<n:a<n>>",
            "<s?>",
            "<(sao)>",
        ] {
            assert_eq!(validate(sig), Ok(()), "{sig}");
        }
    }

    #[test]
    fn rejects_misplaced_type_parameters() {
        let e = validate("<n<s>>").expect_err("n<s>");
        assert!(e.contains("can only follow `a` or `f`"), "{e}");
        assert!(validate("<<n>>").is_err());
        let e = validate("<(a<n>)>").expect_err("choice");
        assert!(e.contains("choice of types"), "{e}");
    }

    #[test]
    fn unbalanced_is_not_a_panic() {
        assert!(validate("<(sn").is_ok());
        assert!(validate("<a<n").is_ok());
        assert!(validate("<").is_ok());
        assert!(validate("").is_ok());
    }
}
