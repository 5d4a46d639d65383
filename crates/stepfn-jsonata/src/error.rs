//! [`Error`]: why an expression failed, with jsonata-js's error code.

use std::fmt;

/// A JSONata error: the expression does not parse, or its evaluation failed.
///
/// `code` is the code jsonata-js 2.0.6 gives the same failure (`S0201`,
/// `T2001`, `D3030`, …), `position` the byte offset in the expression of
/// the part that failed, `message` what went wrong.
///
/// Besides jsonata-js's codes: `S0303` (a regular expression JavaScript
/// cannot compile), `S0304` (a regular expression that uses look-around or
/// back-references, which a linear-time engine cannot run), `U1001` (the
/// evaluation ran away: it nested deeper, took more steps or more memory,
/// or built a value nested deeper than the limits allow; jsonata's test
/// suite uses this code for runaway evaluations), `D1011` (where jsonata-js
/// 2.0.6 fails with a JavaScript `TypeError` instead of a JSONata error: a
/// transform updating a string, number, boolean or null; a group-by over a
/// path with bindings that selected nothing), and `D3210`–`D3240` for
/// AWS's functions (`$range`, `$hash`, `$random`, `$parse`).
///
/// ```
/// use stepfn_jsonata::Expression;
/// let e = Expression::compile("1 + 'a'").unwrap()
///     .evaluate(&stepfn::model::Json::Null).unwrap_err();
/// assert_eq!((e.code, e.position), ("T2002", 2));
/// assert_eq!(e.message, "The right side of the `+` operator must evaluate to a number");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// The jsonata-js error code.
    pub code: &'static str,
    /// Byte offset in the expression.
    pub position: usize,
    /// What went wrong.
    pub message: String,
}

impl fmt::Display for Error {
    /// Formats as `<code> at byte <position>: <message>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at byte {}: {}",
            self.code, self.position, self.message
        )
    }
}

impl std::error::Error for Error {}

impl From<stepfn::syntax::jsonata::ParseError> for Error {
    fn from(e: stepfn::syntax::jsonata::ParseError) -> Error {
        Error {
            code: e.code,
            position: e.offset,
            message: e.message,
        }
    }
}

/// A failure during compilation or evaluation, before its message is written.
#[derive(Debug, Clone, Default)]
pub(crate) struct Fault {
    /// The error code.
    pub(crate) code: &'static str,
    /// Byte offset, once known.
    pub(crate) position: Option<usize>,
    /// The operator or function involved.
    pub(crate) token: Option<String>,
    /// The offending value, as JSON text.
    pub(crate) value: Option<String>,
    /// A second offending value.
    pub(crate) value2: Option<String>,
    /// The argument number involved (1-based).
    pub(crate) index: Option<usize>,
    /// A code-specific detail (an expected type, a message, …).
    pub(crate) detail: Option<String>,
}

/// The result type of compilation and evaluation internals.
pub(crate) type Result<T> = std::result::Result<T, Box<Fault>>;

impl Fault {
    /// A fault with `code`.
    pub(crate) fn new(code: &'static str) -> Box<Fault> {
        Box::new(Fault {
            code,
            ..Fault::default()
        })
    }
}

/// Builder methods on boxed faults.
pub(crate) trait FaultExt {
    /// Sets the position.
    fn at(self, position: usize) -> Self;
    /// Sets the position if none is set yet.
    fn at_if_unset(self, position: usize) -> Self;
    /// Sets the token.
    fn token(self, token: impl Into<String>) -> Self;
    /// Sets the token if none is set yet.
    fn token_if_unset(self, token: &str) -> Self;
    /// Sets the offending value's text.
    fn value(self, text: String) -> Self;
    /// Sets the second offending value's text.
    fn value2(self, text: String) -> Self;
    /// Sets the argument number.
    fn index(self, index: usize) -> Self;
    /// Sets the detail.
    fn detail(self, detail: impl Into<String>) -> Self;
}

impl FaultExt for Box<Fault> {
    fn at(mut self, position: usize) -> Self {
        self.position = Some(position);
        self
    }

    fn at_if_unset(mut self, position: usize) -> Self {
        if self.position.is_none() {
            self.position = Some(position);
        }
        self
    }

    fn token(mut self, token: impl Into<String>) -> Self {
        self.token = Some(token.into());
        self
    }

    fn token_if_unset(mut self, token: &str) -> Self {
        if self.token.is_none() {
            self.token = Some(token.to_string());
        }
        self
    }

    fn value(mut self, text: String) -> Self {
        self.value = Some(text);
        self
    }

    fn value2(mut self, text: String) -> Self {
        self.value2 = Some(text);
        self
    }

    fn index(mut self, index: usize) -> Self {
        self.index = Some(index);
        self
    }

    fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }
}

impl Fault {
    /// The public error, with its message written out.
    pub(crate) fn into_error(self) -> Error {
        let message = self.message();
        Error {
            code: self.code,
            position: self.position.unwrap_or(0),
            message,
        }
    }

    /// The message for this fault's code.
    fn message(&self) -> String {
        let token = self.token.as_deref().unwrap_or("");
        let value = self.value.as_deref().unwrap_or("undefined");
        let value2 = self.value2.as_deref().unwrap_or("undefined");
        let index = self.index.unwrap_or(0);
        let detail = self.detail.as_deref().unwrap_or("");
        match self.code {
            "S0202" | "S0203" | "S0500" => detail.to_string(),
            "T0410" => format!("Argument {index} of function `{token}` does not match its signature"),
            "T0411" => format!(
                "The context value is not a compatible type with argument {index} of function `{token}`"
            ),
            "T0412" => format!("Argument {index} of function `{token}` must be an array of {detail}"),
            "D1001" => format!("Number out of range: {value}"),
            "D1002" => format!("Cannot negate a non-numeric value: {value}"),
            "T1003" => format!("A key in an object constructor must evaluate to a string; got: {value}"),
            "D1004" => "The regular expression matches a zero-length string".to_string(),
            "T1005" => format!(
                "Attempted to invoke a non-function. Did you mean `${token}`?"
            ),
            "T1006" => "Attempted to invoke a non-function".to_string(),
            "T1007" => format!(
                "Attempted to partially apply a non-function. Did you mean `${token}`?"
            ),
            "T1008" => "Attempted to partially apply a non-function".to_string(),
            "D1009" => format!("Several key expressions evaluate to the same key: {value}"),
            "T1010" => format!(
                "The matcher function passed to `{token}` does not return the structure a match needs"
            ),
            "T2001" => format!("The left side of the `{token}` operator must evaluate to a number"),
            "T2002" => format!("The right side of the `{token}` operator must evaluate to a number"),
            "T2003" => "The left side of the range operator (..) must evaluate to an integer".to_string(),
            "T2004" => "The right side of the range operator (..) must evaluate to an integer".to_string(),
            "T2006" => "The right side of the function application operator ~> must be a function".to_string(),
            "T2007" => format!(
                "Type mismatch when comparing values {value} and {value2} in an order-by clause"
            ),
            "T2008" => "The expressions of an order-by clause must evaluate to numbers or strings".to_string(),
            "T2009" => format!(
                "The values {value} and {value2} either side of the `{token}` operator must be of the same type"
            ),
            "T2010" => format!(
                "The expressions either side of the `{token}` operator must evaluate to numbers or strings"
            ),
            "T2011" => format!(
                "The update clause of a transform expression must evaluate to an object: {value}"
            ),
            "T2012" => format!(
                "The delete clause of a transform expression must evaluate to a string or an array of strings: {value}"
            ),
            "T2013" => "The transform expression clones its input with $clone(), which is not a function in this scope".to_string(),
            "D2014" => format!(
                "The range operator (..) may produce at most 10,000,000 items; this one would produce {value}"
            ),
            "D3001" => "A string function cannot be applied to Infinity or NaN".to_string(),
            "D3010" => "The second argument of $replace cannot be an empty string".to_string(),
            "D3011" => "The fourth argument of $replace must be a positive number".to_string(),
            "D3012" => "A matched string can only be replaced by a string".to_string(),
            "D3020" => "The third argument of $split must be a positive number".to_string(),
            "D3030" => format!("Unable to cast value to a number: {value}"),
            "D3040" => "The third argument of $match must be a positive number".to_string(),
            "D3050" => "The second argument of $reduce must be a function of at least two arguments".to_string(),
            "D3060" => format!("$sqrt cannot be applied to a negative number: {value}"),
            "D3061" => format!(
                "$power({value}, {detail}) cannot be represented as a JSON number"
            ),
            "D3070" => "$sort without a comparison function can only sort an array of strings or an array of numbers".to_string(),
            "D3080" => "The picture string may contain at most two sub-pictures".to_string(),
            "D3081" => "A sub-picture may contain at most one decimal separator".to_string(),
            "D3082" => "A sub-picture may contain at most one percent sign".to_string(),
            "D3083" => "A sub-picture may contain at most one per-mille sign".to_string(),
            "D3084" => "A sub-picture cannot contain both a percent and a per-mille sign".to_string(),
            "D3085" => "The mantissa of a sub-picture needs at least one optional digit (#) or decimal digit".to_string(),
            "D3086" => "A sub-picture cannot contain a passive character between two active characters".to_string(),
            "D3087" => "A grouping separator cannot be next to the decimal separator".to_string(),
            "D3088" => "A grouping separator cannot end the integer part".to_string(),
            "D3089" => "A sub-picture cannot contain two grouping separators in a row".to_string(),
            "D3090" => "In the integer part, a decimal digit cannot be followed by an optional digit (#)".to_string(),
            "D3091" => "In the fractional part, an optional digit (#) cannot be followed by a decimal digit".to_string(),
            "D3092" => "A sub-picture with a percent or per-mille sign cannot have an exponent".to_string(),
            "D3093" => "The exponent of a sub-picture must be one or more decimal digits".to_string(),
            "D3100" => format!("The radix of $formatBase must be between 2 and 36; it was {value}"),
            "D3110" => format!(
                "The argument of $toMillis must be an ISO 8601 timestamp; given {value}"
            ),
            "D3130" => format!(
                "Formatting or parsing an integer as a sequence starting with {value} is not supported"
            ),
            "D3131" => "In a decimal digit pattern, all digits must come from the same decimal group".to_string(),
            "D3132" => format!("Unknown component specifier {value} in a date/time picture"),
            "D3133" => format!(
                "The name modifier applies only to months and days in a date/time picture, not to {value}"
            ),
            "D3134" => "A timezone integer format can have at most four digits".to_string(),
            "D3135" => "A date/time picture has a `[` without a matching `]`".to_string(),
            "D3136" => "The date/time picture lacks components needed to read the timestamp".to_string(),
            "D3137" | "D3141" => detail.to_string(),
            "D3138" => "$single() expected exactly one matching item, and more matched".to_string(),
            "D3139" => "$single() expected exactly one matching item, and none matched".to_string(),
            "D3140" => format!("Malformed URL passed to ${token}(): {value}"),
            "U1001" => match detail {
                "steps" => "The evaluation took more steps than the limit; it may loop forever".to_string(),
                "memory" => "The evaluation used more memory than the limit".to_string(),
                "value depth" => "A value nests deeper than the limit (or contains itself)".to_string(),
                _ => "The evaluation nests deeper than the limit; a recursive function may never end (write it tail-recursive)".to_string(),
            },
            "S0304" | "D3200" | "D3210" | "D3220" | "D3230" | "D3240" => detail.to_string(),
            _ => detail.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_fill_in_token_value_and_index() {
        let e = Fault::new("T0410").token("substring").index(2).at(7);
        let e = e.into_error();
        assert_eq!(e.position, 7);
        assert_eq!(
            e.message,
            "Argument 2 of function `substring` does not match its signature"
        );
        let e = Fault::new("D3030").value("\"abc\"".into()).into_error();
        assert_eq!(e.message, "Unable to cast value to a number: \"abc\"");
        assert_eq!(
            e.to_string(),
            "D3030 at byte 0: Unable to cast value to a number: \"abc\""
        );
    }
}
