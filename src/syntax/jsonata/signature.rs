//! Lambda type signatures such as `<n-n:n>` or `<a<s>f?:a>`.
//!
//! A signature lists one type symbol per parameter: `s` string, `n` number,
//! `b` boolean, `l` null, `o` object, `a` array, `f` function, `j` any JSON
//! value, `x` anything, `(sn)` a choice. A symbol may be followed by `<…>`
//! (the item type of an array or the signature of a function, only after `a`
//! or `f`), `-` (use the context value when the argument is left out), `?`
//! (optional) or `+` (one or more). Everything after `:` (the return type)
//! is not checked, and characters JSONata does not know are skipped.
//!
//! JSONata rejects two shapes when it parses a signature: a type parameter
//! after anything but `a` or `f` (S0401), and a choice containing a type
//! parameter (S0402).

/// A parsed signature.
///
/// ```
/// use stepfn::syntax::jsonata::{parse, Kind};
/// let tree = parse("function($s, $n)<s-n?:s>{ $s }")?;
/// let Kind::Lambda { signature: Some(signature), .. } = tree.kind else { unreachable!() };
/// assert_eq!(signature.text, "<s-n?:s>");
/// assert_eq!(signature.params.len(), 2);
/// assert!(signature.params[0].use_context && signature.params[1].optional);
/// # Ok::<(), stepfn::syntax::jsonata::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    /// The signature as written, with its angle brackets.
    pub text: String,
    /// One entry per parameter, in order.
    pub params: Vec<SignatureParam>,
}

/// One parameter of a [`Signature`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureParam {
    /// The type symbol as written (`s`, `n`, `b`, `l`, `o`, `a`, `f`, `j`,
    /// `x`), or `(` for a choice.
    pub symbol: char,
    /// The symbols of a choice `(sn)`, without the parentheses; empty otherwise.
    pub choice: String,
    /// The text inside `<…>` after `a` or `f`.
    pub subtype: Option<String>,
    /// `-`: the context value stands in when the argument is missing.
    pub use_context: bool,
    /// `?` (or `-`): the argument may be left out.
    pub optional: bool,
    /// `+`: one or more arguments.
    pub variadic: bool,
}

impl SignatureParam {
    /// Whether a value of type `symbol` (`s`, `n`, `b`, `l`, `o`, `a`, `f`,
    /// or `m` for a missing value) fits this parameter. Every type fits
    /// `x`, every type but functions fits `j`, and every value fits `a`
    /// (a single value is taken as an array of one); a missing value fits
    /// everything but `f`.
    ///
    /// ```
    /// use stepfn::syntax::jsonata::{parse, Kind};
    /// let Kind::Lambda { signature: Some(sig), .. } = parse("λ($a)<(sn)>{ $a }")?.kind else { unreachable!() };
    /// assert!(sig.params[0].accepts('n') && !sig.params[0].accepts('b'));
    /// # Ok::<(), stepfn::syntax::jsonata::ParseError>(())
    /// ```
    #[must_use]
    pub fn accepts(&self, symbol: char) -> bool {
        match self.symbol {
            'a' | 'x' => "asnblfom".contains(symbol),
            'j' => "asnblom".contains(symbol),
            'f' => symbol == 'f',
            '(' => symbol == 'm' || self.choice.contains(symbol),
            own => symbol == own || symbol == 'm',
        }
    }
}

impl Signature {
    /// Parses a signature such as `<s-n?:s>` (angle brackets included), as
    /// JSONata does for a lambda's signature or a built-in function's.
    ///
    /// ```
    /// use stepfn::syntax::jsonata::Signature;
    /// let sig = Signature::parse("<a<n>:n>")?;
    /// assert_eq!(sig.params[0].subtype.as_deref(), Some("n"));
    /// assert_eq!(Signature::parse("<n<s>>").unwrap_err().code, "S0401");
    /// # Ok::<(), stepfn::syntax::jsonata::ParseError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// `S0401` for a type parameter after anything but `a` or `f`, `S0402`
    /// for a choice containing a type parameter.
    pub fn parse(text: &str) -> Result<Signature, super::ParseError> {
        parse(text).map_err(|(offset, code, message)| super::ParseError::new(code, offset, message))
    }
}

/// A signature problem: the byte offset within the signature, the JSONata
/// code and the message.
pub(crate) type SignatureError = (usize, &'static str, String);

/// Parses the signature text `sig`, which includes the surrounding `<` `>`.
pub(crate) fn parse(sig: &str) -> Result<Signature, SignatureError> {
    let chars: Vec<(usize, char)> = sig.char_indices().collect();
    let mut params: Vec<SignatureParam> = Vec::new();
    let mut i = 1;
    while let Some(&(offset, c)) = chars.get(i) {
        match c {
            ':' => break,
            's' | 'n' | 'b' | 'l' | 'o' | 'a' | 'f' | 'j' | 'x' => params.push(param(c, "")),
            '(' => {
                let close = closing(&chars, i, '(', ')');
                let choice: String = chars
                    .get(i + 1..close)
                    .unwrap_or(&[])
                    .iter()
                    .map(|&(_, c)| c)
                    .collect();
                if choice.contains('<') {
                    return Err((
                        offset,
                        "S0402",
                        format!(
                            "invalid function signature `{sig}`: a choice of types `(…)` cannot contain a type parameter `<…>`"
                        ),
                    ));
                }
                params.push(param('(', &choice));
                i = close;
            }
            '<' => {
                let close = closing(&chars, i, '<', '>');
                match params.last_mut() {
                    Some(last) if matches!(last.symbol, 'a' | 'f') => {
                        let end = chars.get(close).map_or(sig.len(), |&(o, _)| o);
                        last.subtype = Some(sig.get(offset + 1..end).unwrap_or("").to_string());
                    }
                    _ => {
                        return Err((
                            offset,
                            "S0401",
                            format!(
                                "invalid function signature `{sig}`: a type parameter `<…>` can only follow `a` or `f`"
                            ),
                        ))
                    }
                }
                i = close;
            }
            '-' | '?' | '+' => {
                if let Some(last) = params.last_mut() {
                    match c {
                        '-' => {
                            last.use_context = true;
                            last.optional = true;
                        }
                        '?' => last.optional = true,
                        _ => last.variadic = true,
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    Ok(Signature {
        text: sig.to_string(),
        params,
    })
}

/// A parameter of type `symbol` without modifiers.
fn param(symbol: char, choice: &str) -> SignatureParam {
    SignatureParam {
        symbol,
        choice: choice.to_string(),
        subtype: None,
        use_context: false,
        optional: false,
        variadic: false,
    }
}

/// Index of the bracket closing the one opened at `start`, or `chars.len()`.
fn closing(chars: &[(usize, char)], start: usize, open: char, close: char) -> usize {
    let mut depth = 1usize;
    let mut i = start;
    while i < chars.len() {
        i += 1;
        match chars.get(i) {
            Some(&(_, c)) if c == close => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            Some(&(_, c)) if c == open => depth += 1,
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
            assert!(parse(sig).is_ok(), "{sig}");
        }
    }

    #[test]
    fn parameters_and_modifiers() {
        let sig = parse("<s-a<n>f?(sn)+:x>").unwrap();
        let symbols: Vec<char> = sig.params.iter().map(|p| p.symbol).collect();
        assert_eq!(symbols, vec!['s', 'a', 'f', '(']);
        assert!(sig.params[0].use_context && sig.params[0].optional);
        assert_eq!(sig.params[1].subtype.as_deref(), Some("n"));
        assert!(sig.params[2].optional && !sig.params[2].use_context);
        assert_eq!(sig.params[3].choice, "sn");
        assert!(sig.params[3].variadic);
        assert!(sig.params[3].accepts('s') && sig.params[3].accepts('m'));
        assert!(!sig.params[2].accepts('m'));
        assert!(sig.params[1].accepts('n'));
    }

    #[test]
    fn rejects_misplaced_type_parameters() {
        let e = parse("<n<s>>").expect_err("n<s>");
        assert_eq!((e.0, e.1), (2, "S0401"));
        assert!(e.2.contains("can only follow `a` or `f`"), "{}", e.2);
        assert!(parse("<<n>>").is_err());
        let e = parse("<(a<n>)>").expect_err("choice");
        assert_eq!(e.1, "S0402");
        assert!(e.2.contains("choice of types"), "{}", e.2);
    }

    #[test]
    fn unbalanced_is_not_a_panic() {
        assert!(parse("<(sn").is_ok());
        assert!(parse("<a<n").is_ok());
        assert!(parse("<").is_ok());
        assert!(parse("").is_ok());
        assert!(parse("<é<").is_err());
    }
}
