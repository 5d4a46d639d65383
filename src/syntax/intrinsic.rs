//! Intrinsic function calls (`States.Format('{}', $.x)` …): the parser and
//! the catalogue of the 18 built-in functions (digest §4).
//!
//! ```text
//! call := name '(' blank* (arg (blank* ',' blank* arg)*)? blank* ')'
//! name := [A-Za-z0-9._]+                    (must be a catalogue name)
//! arg  := 'string' | number | true | false | null | Path | call
//! ```
//!
//! The whole field value is one call; blanks may follow the final `)` but
//! may not precede the name (DECISIONS.md D4). String literals allow only the
//! escapes `\'`, `\{`, `\}` and `\\` (judged on the JSON-decoded string).
//! Paths are checked with the full Path grammar. At most [`MAX_CALLS`] calls
//! are allowed per field, nested ones included, which also bounds recursion.
//!
//! Literal arguments are type-checked against the catalogue (D20); Paths and
//! nested calls are not, because their types are only known at run time.

use super::path::parse_path_argument;
use super::SyntaxError;

/// Most intrinsic calls allowed in one field, nested ones included.
const MAX_CALLS: usize = 10;

/// Algorithms `States.Hash` accepts (case-sensitive).
const HASH_ALGORITHMS: [&str; 5] = ["MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512"];

/// A successfully checked intrinsic call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Intrinsic {
    /// Canonical name of the outermost function, e.g. `"States.Format"`.
    pub(crate) name: &'static str,
    /// Whether the outermost function returns a string, which makes the call
    /// usable in a Fail state's `ErrorPath`/`CausePath` (`States.Format`,
    /// `JsonToString`, `ArrayGetItem`, `Base64Encode`, `Base64Decode`,
    /// `Hash`, `UUID`).
    pub(crate) returns_string: bool,
    /// Every Path argument at any nesting depth, with its byte offset in the
    /// checked string, in source order.
    pub(crate) paths: Vec<(String, usize)>,
}

/// Argument kinds of the catalogue, used to type-check literals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Any value.
    Any,
    /// A string.
    Str,
    /// An integer.
    Int,
    /// Any number (non-integers are rounded at run time).
    Number,
    /// A JSON array (never a literal).
    Array,
    /// A JSON object (never a literal).
    Object,
    /// A boolean.
    Bool,
}

impl Kind {
    /// How the kind is described in messages ("must be …").
    fn describe(self) -> &'static str {
        match self {
            Kind::Any => "a value",
            Kind::Str => "a string",
            Kind::Int => "an integer",
            Kind::Number => "a number",
            Kind::Array => "an array (a Path or an intrinsic call such as `States.Array(…)`)",
            Kind::Object => {
                "a JSON object (a Path or an intrinsic call such as `States.StringToJson(…)`)"
            }
            Kind::Bool => "a boolean",
        }
    }
}

/// One catalogue entry.
#[derive(Debug)]
struct Function {
    /// Canonical name.
    name: &'static str,
    /// Kinds of the positional parameters; extra (variadic) ones are `Any`.
    params: &'static [Kind],
    /// Fewest arguments.
    min: usize,
    /// Most arguments, `None` for unbounded.
    max: Option<usize>,
    /// Whether the result is a string.
    returns_string: bool,
}

/// Shorthand constructor for the catalogue table.
const fn function(
    name: &'static str,
    params: &'static [Kind],
    min: usize,
    max: Option<usize>,
    returns_string: bool,
) -> Function {
    Function {
        name,
        params,
        min,
        max,
        returns_string,
    }
}

/// The 18 intrinsic functions of digest §4.2.
const CATALOGUE: [Function; 18] = {
    use Kind::*;
    [
        function("States.Format", &[Str], 1, None, true),
        function("States.StringToJson", &[Str], 1, Some(1), false),
        function("States.JsonToString", &[Any], 1, Some(1), true),
        function("States.Array", &[], 0, None, false),
        function("States.ArrayPartition", &[Array, Int], 2, Some(2), false),
        function("States.ArrayContains", &[Array, Any], 2, Some(2), false),
        function("States.ArrayRange", &[Int, Int, Int], 3, Some(3), false),
        function("States.ArrayGetItem", &[Array, Int], 2, Some(2), true),
        function("States.ArrayLength", &[Array], 1, Some(1), false),
        function("States.ArrayUnique", &[Array], 1, Some(1), false),
        function("States.Base64Encode", &[Str], 1, Some(1), true),
        function("States.Base64Decode", &[Str], 1, Some(1), true),
        function("States.Hash", &[Any, Str], 2, Some(2), true),
        function(
            "States.JsonMerge",
            &[Object, Object, Bool],
            3,
            Some(3),
            false,
        ),
        function(
            "States.MathRandom",
            &[Number, Number, Number],
            2,
            Some(3),
            false,
        ),
        function("States.MathAdd", &[Number, Number], 2, Some(2), false),
        function("States.StringSplit", &[Str, Str], 2, Some(2), false),
        function("States.UUID", &[], 0, Some(0), true),
    ]
};

/// Checks that `s` is exactly one intrinsic function call (trailing blanks
/// after the final `)` allowed, leading blanks not) and returns what it
/// calls and which Paths it reads.
///
/// Checks the name against the catalogue (suggesting the closest known name),
/// the arity, string-literal escapes, Path arguments, the total number of
/// calls (≤ 10) and the types of literal arguments (e.g.
/// `States.MathAdd(1,'-1')` is rejected).
pub(crate) fn check_intrinsic(s: &str) -> Result<Intrinsic, SyntaxError> {
    if s.starts_with(char::is_whitespace) {
        return Err(SyntaxError::new(
            0,
            "remove the blank(s) before the intrinsic function name: the call must be the \
             whole value",
        ));
    }
    let mut p = Parser {
        s,
        pos: 0,
        calls: 0,
        paths: Vec::new(),
    };
    let f = p.call()?;
    p.skip_blanks();
    if let Some(c) = p.peek() {
        return Err(SyntaxError::new(
            p.pos,
            format!(
                "unexpected `{c}` after the closing `)` of `{}`: the intrinsic call must be the \
                 whole value",
                f.name
            ),
        ));
    }
    Ok(Intrinsic {
        name: f.name,
        returns_string: f.returns_string,
        paths: p.paths,
    })
}

/// A literal argument, kept for type checks.
#[derive(Debug, Clone, Copy)]
struct Literal<'a> {
    /// Byte offset of the literal.
    at: usize,
    /// Source text of the literal (quotes included for strings).
    src: &'a str,
    /// What kind of literal it is.
    kind: LiteralKind,
}

/// The kinds of literal argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LiteralKind {
    /// `'…'`.
    Str,
    /// A number without fraction or exponent.
    Int,
    /// A number with a fraction or exponent.
    Float,
    /// `true` / `false`.
    Bool(bool),
    /// `null`.
    Null,
}

impl Literal<'_> {
    /// Text between the quotes of a string literal (raw, escapes undecoded).
    fn string_body(&self) -> &str {
        self.src
            .strip_prefix('\'')
            .and_then(|b| b.strip_suffix('\''))
            .unwrap_or("")
    }

    /// Whether this numeric literal is zero (`0`, `-0`, `0.0`).
    fn is_zero(&self) -> bool {
        let mantissa = self.src.split(['e', 'E']).next().unwrap_or("");
        mantissa.bytes().all(|b| matches!(b, b'0' | b'-' | b'.'))
    }

    /// Whether this numeric literal is negative (and not zero).
    fn is_negative(&self) -> bool {
        self.src.starts_with('-') && !self.is_zero()
    }

    /// Noun phrase for messages, e.g. "a string literal `'x'`".
    fn describe(&self) -> String {
        let what = match self.kind {
            LiteralKind::Str => "a string literal",
            LiteralKind::Int => "an integer literal",
            LiteralKind::Float => "a non-integer number literal",
            LiteralKind::Bool(_) => "a boolean literal",
            LiteralKind::Null => "the literal",
        };
        format!("{what} `{}`", self.src)
    }
}

/// One parsed argument.
#[derive(Debug, Clone, Copy)]
enum Arg<'a> {
    /// A literal value.
    Literal(Literal<'a>),
    /// A Path (type known only at run time).
    Path,
    /// A nested call (type not checked).
    Call,
}

/// Recursive-descent parser; recursion depth is bounded by [`MAX_CALLS`].
struct Parser<'a> {
    /// The whole checked string.
    s: &'a str,
    /// Current byte offset; always on a char boundary.
    pos: usize,
    /// Calls seen so far (nested ones included).
    calls: usize,
    /// Path arguments found so far, with offsets.
    paths: Vec<(String, usize)>,
}

impl<'a> Parser<'a> {
    /// The unread rest of the input.
    fn rest(&self) -> &'a str {
        self.s.get(self.pos..).unwrap_or("")
    }

    /// The next character, if any.
    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    /// Consumes and returns the next character.
    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    /// Skips blanks (any Unicode whitespace).
    fn skip_blanks(&mut self) {
        while matches!(self.peek(), Some(c) if c.is_whitespace()) {
            self.bump();
        }
    }

    /// The input between two byte offsets (empty if they are not valid).
    fn slice(&self, from: usize, to: usize) -> &'a str {
        self.s.get(from..to).unwrap_or("")
    }

    /// Offset just past the run of name characters starting at `from`.
    fn name_end(&self, from: usize) -> usize {
        let tail = self.s.get(from..).unwrap_or("");
        from + tail.find(|c: char| !is_name_char(c)).unwrap_or(tail.len())
    }

    /// Parses one call starting at the current position.
    fn call(&mut self) -> Result<&'static Function, SyntaxError> {
        let start = self.pos;
        self.calls += 1;
        if self.calls > MAX_CALLS {
            return Err(SyntaxError::new(
                start,
                format!(
                    "too many intrinsic functions in one field: at most {MAX_CALLS} calls, \
                     nested ones included, are allowed"
                ),
            ));
        }
        let end = self.name_end(start);
        let name = self.slice(start, end);
        self.pos = end;
        if name.is_empty() || self.peek() != Some('(') {
            return Err(self.not_a_call(start, name));
        }
        let Some(f) = CATALOGUE.iter().find(|f| f.name == name) else {
            return Err(SyntaxError::new(
                start,
                format!(
                    "unknown intrinsic function `{name}`; did you mean `{}`?",
                    closest_name(name)
                ),
            ));
        };
        let open = self.pos;
        self.bump();
        let mut args = Vec::new();
        self.skip_blanks();
        if self.peek() == Some(')') {
            self.bump();
        } else {
            loop {
                self.skip_blanks();
                args.push(self.arg()?);
                self.skip_blanks();
                match self.peek() {
                    Some(',') => {
                        self.bump();
                    }
                    Some(')') => {
                        self.bump();
                        break;
                    }
                    None => {
                        return Err(SyntaxError::new(
                            open,
                            format!("unclosed `(` of `{}`: add the closing `)`", f.name),
                        ))
                    }
                    Some(c) => {
                        return Err(SyntaxError::new(
                            self.pos,
                            format!(
                                "expected `,` or `)` after argument {} of `{}`, found `{c}`",
                                args.len(),
                                f.name
                            ),
                        ))
                    }
                }
            }
        }
        check_arity(f, args.len(), start)?;
        check_literals(f, &args)?;
        Ok(f)
    }

    /// The error for a name (possibly empty) that is not followed by `(`.
    fn not_a_call(&self, start: usize, name: &str) -> SyntaxError {
        if name.is_empty() {
            return SyntaxError::new(
                start,
                match self.peek() {
                    Some(c) => format!(
                        "unexpected `{c}`: expected an intrinsic function call such as \
                         `States.Format('…', $.x)`"
                    ),
                    None => "expected an intrinsic function call such as \
                             `States.Format('…', $.x)`"
                        .to_string(),
                },
            );
        }
        let after_blanks = self.rest().trim_start();
        if after_blanks.starts_with('(') && after_blanks.len() < self.rest().len() {
            return SyntaxError::new(
                self.pos,
                format!("remove the blank(s) between `{name}` and `(`"),
            );
        }
        if name.starts_with("States.") {
            return SyntaxError::new(
                self.pos,
                format!("expected `(` after `{name}`: an intrinsic call looks like `{name}(…)`"),
            );
        }
        SyntaxError::new(
            start,
            format!(
                "`{}` is neither a Path (which starts with `$`) nor an intrinsic function call \
                 such as `States.Format('…', $.x)`",
                snippet(self.s.get(start..).unwrap_or(""))
            ),
        )
    }

    /// Parses one argument.
    fn arg(&mut self) -> Result<Arg<'a>, SyntaxError> {
        let at = self.pos;
        match self.peek() {
            Some('\'') => self.string_literal(),
            Some('"') => Err(SyntaxError::new(
                at,
                "string literals in intrinsic functions use single quotes: write 'text', not \
                 \"text\"",
            )),
            Some('$') => {
                let end = parse_path_argument(self.s, at)?;
                self.paths.push((self.slice(at, end).to_string(), at));
                self.pos = end;
                Ok(Arg::Path)
            }
            Some(c) if c == '-' || c.is_ascii_digit() => self.number(),
            Some(c) if is_name_char(c) => {
                let end = self.name_end(at);
                let word = self.slice(at, end);
                if self.s.get(end..).is_some_and(|t| t.starts_with('(')) {
                    self.call()?;
                    return Ok(Arg::Call);
                }
                let kind = match word {
                    "true" => LiteralKind::Bool(true),
                    "false" => LiteralKind::Bool(false),
                    "null" => LiteralKind::Null,
                    _ => {
                        return Err(SyntaxError::new(
                            at,
                            format!(
                                "`{word}` is not a valid argument: put text in single quotes \
                                 ('{word}'), start a Path with `$`, or call a function with \
                                 `(…)`"
                            ),
                        ))
                    }
                };
                self.pos = end;
                Ok(Arg::Literal(Literal {
                    at,
                    src: word,
                    kind,
                }))
            }
            Some(',') | Some(')') => Err(SyntaxError::new(
                at,
                "missing argument: expected a value before this delimiter",
            )),
            Some(c) => Err(SyntaxError::new(
                at,
                format!(
                    "unexpected `{c}`: an argument must be a 'quoted string', a number, true, \
                     false, null, a Path starting with `$`, or an intrinsic call"
                ),
            )),
            None => Err(SyntaxError::new(
                at,
                "the call ends too early: expected an argument and a closing `)`",
            )),
        }
    }

    /// Parses `'…'` with the intrinsic escapes `\'`, `\{`, `\}`, `\\`.
    fn string_literal(&mut self) -> Result<Arg<'a>, SyntaxError> {
        let open = self.pos;
        self.bump();
        loop {
            match self.peek() {
                None => {
                    return Err(SyntaxError::new(
                        open,
                        "unterminated string literal: add the closing `'`",
                    ))
                }
                Some('\\') => {
                    let backslash = self.pos;
                    self.bump();
                    match self.bump() {
                        Some('\'' | '{' | '}' | '\\') => {}
                        Some(c) => {
                            return Err(SyntaxError::new(
                                backslash,
                                format!(
                                    "invalid escape `\\{c}` in a string literal: only \\', \\{{, \
                                     \\}} and \\\\ are allowed (written \\\\', \\\\{{, \\\\}} and \
                                     \\\\\\\\ in the JSON source); remove the backslash"
                                ),
                            ))
                        }
                        None => {
                            return Err(SyntaxError::new(
                                backslash,
                                "dangling `\\` at the end of the value: write a literal \
                                 backslash as \\\\ (\\\\\\\\ in the JSON source)",
                            ))
                        }
                    }
                }
                Some('\'') => {
                    self.bump();
                    return Ok(Arg::Literal(Literal {
                        at: open,
                        src: self.slice(open, self.pos),
                        kind: LiteralKind::Str,
                    }));
                }
                Some(_) => {
                    self.bump();
                }
            }
        }
    }

    /// Parses `-?digits(.digits)?([eE][+-]?digits)?`.
    fn number(&mut self) -> Result<Arg<'a>, SyntaxError> {
        let start = self.pos;
        let mut integer = true;
        if self.peek() == Some('-') {
            self.bump();
        }
        if !self.digits() {
            return Err(SyntaxError::new(start, "expected digits after `-`"));
        }
        if self.peek() == Some('.') {
            self.bump();
            integer = false;
            if !self.digits() {
                return Err(SyntaxError::new(
                    start,
                    "expected digits after the decimal point",
                ));
            }
        }
        if matches!(self.peek(), Some('e' | 'E')) {
            self.bump();
            integer = false;
            if matches!(self.peek(), Some('+' | '-')) {
                self.bump();
            }
            if !self.digits() {
                return Err(SyntaxError::new(start, "expected digits in the exponent"));
            }
        }
        Ok(Arg::Literal(Literal {
            at: start,
            src: self.slice(start, self.pos),
            kind: if integer {
                LiteralKind::Int
            } else {
                LiteralKind::Float
            },
        }))
    }

    /// Consumes ASCII digits; reports whether there was at least one.
    fn digits(&mut self) -> bool {
        let start = self.pos;
        while matches!(self.peek(), Some(c) if c.is_ascii_digit()) {
            self.bump();
        }
        self.pos > start
    }
}

/// Checks the number of arguments.
fn check_arity(f: &Function, found: usize, at: usize) -> Result<(), SyntaxError> {
    if found >= f.min && f.max.is_none_or(|max| found <= max) {
        return Ok(());
    }
    let expected = match (f.min, f.max) {
        (0, Some(0)) => "no arguments".to_string(),
        (min, Some(max)) if min == max => plural(min),
        (min, Some(max)) => format!("{min} or {max} arguments"),
        (min, None) => format!("at least {}", plural(min)),
    };
    Err(SyntaxError::new(
        at,
        format!("`{}` takes {expected}, found {found}", f.name),
    ))
}

/// "1 argument" / "3 arguments".
fn plural(n: usize) -> String {
    if n == 1 {
        "1 argument".to_string()
    } else {
        format!("{n} arguments")
    }
}

/// Type-checks literal arguments and the per-function literal rules.
fn check_literals(f: &Function, args: &[Arg<'_>]) -> Result<(), SyntaxError> {
    for (i, arg) in args.iter().enumerate() {
        let Arg::Literal(lit) = arg else { continue };
        let kind = f.params.get(i).copied().unwrap_or(Kind::Any);
        let fits = match kind {
            Kind::Any => true,
            Kind::Str => lit.kind == LiteralKind::Str,
            Kind::Int => lit.kind == LiteralKind::Int,
            Kind::Number => matches!(lit.kind, LiteralKind::Int | LiteralKind::Float),
            Kind::Bool => matches!(lit.kind, LiteralKind::Bool(_)),
            Kind::Array | Kind::Object => false,
        };
        if !fits {
            return Err(SyntaxError::new(
                lit.at,
                format!(
                    "argument {} of `{}` must be {}, found {}",
                    i + 1,
                    f.name,
                    kind.describe(),
                    lit.describe()
                ),
            ));
        }
    }
    let literal = |i: usize| match args.get(i) {
        Some(Arg::Literal(lit)) => Some(*lit),
        _ => None,
    };
    match f.name {
        "States.Format" => {
            if let Some(template) = literal(0) {
                check_format_template(&template, args.len().saturating_sub(1))?;
            }
        }
        "States.ArrayPartition" => {
            if let Some(size) = literal(1) {
                if size.is_zero() || size.is_negative() {
                    return Err(SyntaxError::new(
                        size.at,
                        format!(
                            "the chunk size of `States.ArrayPartition` must be greater than 0, \
                             found `{}`",
                            size.src
                        ),
                    ));
                }
            }
        }
        "States.ArrayRange" => {
            if let Some(step) = literal(2) {
                if step.is_zero() {
                    return Err(SyntaxError::new(
                        step.at,
                        "the step of `States.ArrayRange` (third argument) must not be 0",
                    ));
                }
            }
        }
        "States.Hash" => {
            if let Some(algorithm) = literal(1) {
                if !HASH_ALGORITHMS.contains(&algorithm.string_body()) {
                    return Err(SyntaxError::new(
                        algorithm.at,
                        format!(
                            "the `States.Hash` algorithm must be one of 'MD5', 'SHA-1', \
                             'SHA-256', 'SHA-384', 'SHA-512' (case-sensitive), found {}",
                            algorithm.src
                        ),
                    ));
                }
            }
        }
        "States.JsonMerge" => {
            if let Some(Literal {
                at,
                kind: LiteralKind::Bool(true),
                ..
            }) = literal(2)
            {
                return Err(SyntaxError::new(
                    at,
                    "`States.JsonMerge` does not support deep merging: the third argument must \
                     be `false`",
                ));
            }
        }
        _ => {}
    }
    Ok(())
}

/// Checks a literal `States.Format` template: no unescaped lone braces, and
/// as many `{}` placeholders as value arguments.
fn check_format_template(template: &Literal<'_>, values: usize) -> Result<(), SyntaxError> {
    let body = template.string_body();
    let body_at = template.at + 1;
    let mut placeholders = 0usize;
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '{' if chars.peek().map(|&(_, next)| next) == Some('}') => {
                chars.next();
                placeholders += 1;
            }
            '{' | '}' => {
                return Err(SyntaxError::new(
                    body_at + i,
                    format!(
                        "unescaped `{c}` in the `States.Format` template: `{{}}` is a \
                         placeholder; write a literal brace as \\{c} (\\\\{c} in the JSON source)"
                    ),
                ))
            }
            _ => {}
        }
    }
    if placeholders != values {
        return Err(SyntaxError::new(
            template.at,
            format!(
                "the `States.Format` template has {placeholders} `{{}}` placeholder(s) but \
                 {values} value argument(s) follow it; the numbers must match"
            ),
        ));
    }
    Ok(())
}

/// Characters of a function name.
fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '.' || c == '_'
}

/// At most 40 characters of `s`, with `…` if it was cut.
fn snippet(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().nth(40).is_some() {
        out.push('…');
    }
    out
}

/// The catalogue name closest to `name` (case-insensitive edit distance,
/// also trying `name` with a `States.` prefix).
fn closest_name(name: &str) -> &'static str {
    let lower: Vec<char> = name.chars().take(64).flat_map(char::to_lowercase).collect();
    let mut prefixed: Vec<char> = "states.".chars().collect();
    prefixed.extend(lower.iter().copied());
    let mut best = ("States.Format", (usize::MAX, true));
    for f in &CATALOGUE {
        let target: Vec<char> = f.name.chars().flat_map(char::to_lowercase).collect();
        let d = edit_distance(&lower, &target).min(edit_distance(&prefixed, &target));
        // On a tie, prefer a function whose name extends what was typed.
        let score = (
            d,
            !(target.starts_with(&lower) || target.starts_with(&prefixed)),
        );
        if score < best.1 {
            best = (f.name, score);
        }
    }
    best.0
}

/// Levenshtein distance between two char sequences.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut cur = Vec::with_capacity(b.len() + 1);
        cur.push(i + 1);
        for ((&cb, &diagonal), &up) in b.iter().zip(prev.iter()).zip(prev.iter().skip(1)) {
            let left = cur.last().copied().unwrap_or(i + 1);
            cur.push((diagonal + usize::from(ca != cb)).min(up + 1).min(left + 1));
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

/// Unit tests.
#[cfg(test)]
mod tests {
    use super::*;

    /// Unwraps a successful check, panicking with the error otherwise.
    fn ok(s: &str) -> Intrinsic {
        match check_intrinsic(s) {
            Ok(i) => i,
            Err(e) => panic!("{s:?} should be a valid intrinsic call: {e}"),
        }
    }

    /// Unwraps a rejection, panicking if the input was accepted.
    fn bad(s: &str) -> SyntaxError {
        match check_intrinsic(s) {
            Ok(i) => panic!("{s:?} should be rejected, got {i:?}"),
            Err(e) => e,
        }
    }

    /// Asserts a rejection whose message contains `needle`.
    fn assert_bad(s: &str, needle: &str) -> SyntaxError {
        let e = bad(s);
        assert!(
            e.message.contains(needle),
            "{s:?}: message {:?} should contain {needle:?}",
            e.message
        );
        e
    }

    /// Each of the 18 catalogue functions accepts a typical call, with the right name and string flag.
    #[test]
    fn every_catalogue_function_accepts_a_typical_call() {
        let calls = [
            ("States.Format('Hello {}, you are {}', $.name, 42)", true),
            ("States.StringToJson('{\"a\": 1}')", false),
            ("States.JsonToString($.obj)", true),
            (
                "States.Array('Foo', 2020, $.someJson, null, true, -1.5)",
                false,
            ),
            ("States.ArrayPartition($.inputArray, 4)", false),
            ("States.ArrayContains($.inputArray, $.lookingFor)", false),
            ("States.ArrayRange(1, 9, 2)", false),
            ("States.ArrayGetItem($.inputArray, 0)", true),
            ("States.ArrayLength($.inputArray)", false),
            ("States.ArrayUnique($.inputArray)", false),
            ("States.Base64Encode('Data to encode')", true),
            ("States.Base64Decode($.base64)", true),
            ("States.Hash('input data', 'SHA-1')", true),
            ("States.JsonMerge($.json1, $.json2, false)", false),
            ("States.MathRandom(1, 999)", false),
            ("States.MathAdd($.value1, -1)", false),
            ("States.StringSplit('a,b,c', ',')", false),
            ("States.UUID()", true),
        ];
        assert_eq!(calls.len(), CATALOGUE.len());
        for ((call, returns_string), f) in calls.iter().zip(CATALOGUE.iter()) {
            let i = ok(call);
            assert_eq!(i.name, f.name, "{call}");
            assert_eq!(i.returns_string, *returns_string, "{call}");
        }
        ok("States.MathRandom($.start, $.end, 7)");
        ok("States.Array()");
        ok("States.Format('no placeholders')");
        ok("States.Hash($.Data, $.Algorithm)");
        ok("States.Hash(42, 'SHA-512')");
        ok("States.MathAdd(1.5, 0)");
    }

    /// Path arguments are collected with their offsets, nested calls included.
    #[test]
    fn collects_paths_with_offsets_at_any_depth() {
        let s = "States.Format('{} {}', $.a[0,1], States.ArrayGetItem($$.Execution.Input.x, $i))";
        let i = ok(s);
        let expected: Vec<(String, usize)> = ["$.a[0,1]", "$$.Execution.Input.x", "$i"]
            .iter()
            .map(|p| (p.to_string(), s.find(p).unwrap_or(usize::MAX)))
            .collect();
        assert_eq!(i.paths, expected);
        assert_eq!(i.name, "States.Format");
        let i = ok("States.JsonToString($)");
        assert_eq!(i.paths, vec![("$".to_string(), 20)]);
        assert!(ok("States.UUID()").paths.is_empty());
    }

    /// Blanks are allowed around arguments and after the call, not before it (D4).
    #[test]
    fn blanks_around_arguments_and_after_the_call() {
        ok("States.Array( 1 ,2,  3 )");
        ok("States.Array(\n1,\t2)");
        ok("States.JsonToString($)    ");
        ok("States.Format('one {}\ntwo {}', $.firstName, 'literal')");
        let e = assert_bad(" States.Array('Foo', $.xyz, 'Bar', 2.3)", "blank");
        assert_eq!(e.offset, 0);
        let e = assert_bad("States.Array (1)", "remove the blank(s) between");
        assert_eq!(e.offset, 12);
        assert_bad("States.UUID() x", "unexpected `x` after the closing `)`");
    }

    /// The developer-guide nesting example passes and the 10-call limit is enforced.
    #[test]
    fn aws_nesting_example_and_call_limit() {
        // The developer guide's example with nine intrinsic functions, with its
        // template fixed: the guide has three `{}` but only two values, which
        // the placeholder-count rule rejects.
        ok(
            "States.Format('{}.{}', States.ArrayGetItem(States.StringSplit(\
            States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 0), \
            States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit(\
            $.ImageRecipe.Arn, '/'), 2), '.'), 1))",
        );
        assert_bad(
            "States.Format('{}.{}.{}', States.ArrayGetItem(States.StringSplit($.a, '/'), 0), \
             States.ArrayGetItem(States.StringSplit($.a, '/'), 1))",
            "has 3 `{}` placeholder(s) but 2 value argument(s)",
        );
        let nest = |n: usize| format!("{}$.a{}", "States.ArrayUnique(".repeat(n), ")".repeat(n));
        ok(&nest(10));
        let e = assert_bad(&nest(11), "at most 10 calls");
        assert_eq!(e.offset, "States.ArrayUnique(".len() * 10);
        // Ten calls side by side (not nested) are counted as well.
        ok(&format!(
            "States.Array({})",
            ["States.UUID()"; 9].join(", ")
        ));
        assert_bad(
            &format!("States.Array({})", ["States.UUID()"; 10].join(", ")),
            "at most 10 calls",
        );
    }

    /// 100,000-deep nesting is rejected without overflowing a 2 MiB stack.
    #[test]
    fn deep_nesting_on_a_small_stack() {
        let handle = std::thread::Builder::new()
            .stack_size(2 * 1024 * 1024)
            .spawn(|| {
                let n = 100_000;
                let s = format!("{}1{}", "States.Array(".repeat(n), ")".repeat(n));
                let e = check_intrinsic(&s).expect_err("too deep");
                assert!(e.message.contains("at most 10 calls"));
                let s = format!(
                    "States.Array($.a[?({}@.b{})])",
                    "(".repeat(n),
                    ")".repeat(n)
                );
                let e = check_intrinsic(&s).expect_err("too deep");
                assert!(e.message.contains("levels deep"), "{}", e.message);
                let s = format!("States.Format({}", "'x', ".repeat(n));
                assert!(check_intrinsic(&s).is_err());
            })
            .expect("spawn");
        assert!(handle.join().is_ok());
    }

    /// Wrong argument counts produce "`X` takes N arguments, found M" messages.
    #[test]
    fn arity_messages() {
        let cases = [
            (
                "States.MathAdd(1, 2, 3)",
                "`States.MathAdd` takes 2 arguments, found 3",
            ),
            (
                "States.MathRandom(1)",
                "`States.MathRandom` takes 2 or 3 arguments, found 1",
            ),
            (
                "States.MathRandom(1, 2, 3, 4)",
                "takes 2 or 3 arguments, found 4",
            ),
            (
                "States.Format()",
                "`States.Format` takes at least 1 argument, found 0",
            ),
            (
                "States.UUID(1)",
                "`States.UUID` takes no arguments, found 1",
            ),
            (
                "States.ArrayLength($.a, $.b)",
                "`States.ArrayLength` takes 1 argument, found 2",
            ),
            ("States.JsonMerge($.a, $.b)", "takes 3 arguments, found 2"),
            ("States.StringToJson()", "takes 1 argument, found 0"),
        ];
        for (s, message) in cases {
            let e = bad(s);
            assert!(e.message.ends_with(message), "{s}: {}", e.message);
            assert!(e.message.starts_with('`'), "{s}: {}", e.message);
            assert_eq!(e.offset, 0, "{s}");
        }
    }

    /// Literal arguments are type-checked against the catalogue (D20).
    #[test]
    fn literal_argument_types() {
        let e = assert_bad(
            "States.MathAdd(1,'-1')",
            "argument 2 of `States.MathAdd` must be a number, found a string literal `'-1'`",
        );
        assert_eq!(e.offset, 17);
        assert_bad("States.ArrayRange(1.5, 9, 1)", "must be an integer");
        assert_bad("States.ArrayRange(1, 9, 0)", "must not be 0");
        assert_bad("States.ArrayRange(1, 9, -0)", "must not be 0");
        assert_bad("States.ArrayPartition($.a, 0)", "greater than 0");
        assert_bad("States.ArrayPartition($.a, -2)", "greater than 0");
        assert_bad("States.ArrayPartition($.a, 2.5)", "must be an integer");
        assert_bad("States.ArrayLength('abc')", "must be an array");
        assert_bad("States.ArrayContains(null, 1)", "must be an array");
        assert_bad(
            "States.JsonMerge($.a, '{}', false)",
            "must be a JSON object",
        );
        assert_bad("States.JsonMerge($.a, $.b, true)", "must be `false`");
        assert_bad("States.JsonMerge($.a, $.b, 'false')", "must be a boolean");
        assert_bad("States.Hash($.a, 'sha256')", "must be one of");
        assert_bad("States.Hash($.a, 'SHA256')", "must be one of");
        assert_bad("States.Hash($.a, 5)", "must be a string");
        assert_bad("States.Base64Encode(1)", "must be a string");
        assert_bad(
            "States.StringToJson(null)",
            "must be a string, found the literal `null`",
        );
        assert_bad("States.StringSplit('a', true)", "must be a string");
        assert_bad("States.MathRandom(1, 'x')", "must be a number");
        assert_bad("States.ArrayGetItem($.a, '0')", "must be an integer");
        // Paths and nested calls are not type-checked.
        ok("States.MathAdd(States.ArrayLength($$.Execution.Input.machines),-1)");
        ok("States.ArrayPartition(States.Array(1, 2), $.size)");
        ok("States.JsonMerge(States.StringToJson($.a), $.b, $.deep)");
    }

    /// `States.Format` templates: placeholder count and escaped braces.
    #[test]
    fn format_templates() {
        ok("States.Format('Welcome to {} {}\\'s playlist.', $.firstName, $.lastName)");
        ok("States.Format('literal \\{braces\\} and {}', $.x)");
        ok("States.Format($.template, $.firstName, $.lastName)");
        ok("States.Format('{}', States.UUID())");
        let e = assert_bad(
            "States.Format('{} {}', $.a)",
            "has 2 `{}` placeholder(s) but 1 value argument(s)",
        );
        assert_eq!(e.offset, 14);
        assert_bad("States.Format('x', $.a)", "has 0 `{}` placeholder(s)");
        let e = assert_bad("States.Format('a { b {}', $.a)", "unescaped `{`");
        assert_eq!(e.offset, 17);
        assert_bad("States.Format('}{}', $.a)", "unescaped `}`");
        // Other functions accept unescaped braces in literals.
        ok("States.StringToJson('{\"k\": \"v\"}')");
    }

    /// Only the four intrinsic escapes are accepted in string literals.
    #[test]
    fn string_literal_escapes() {
        ok("States.Array('it\\'s', '\\{', '\\}', 'back\\\\slash')");
        let e = assert_bad(
            "States.StringToJson('{\"t\":\"a \\\"q\\\" b\"}')",
            "invalid escape `\\\"`",
        );
        assert_eq!(e.offset, 29);
        assert_bad("States.Array('a\\nb')", "invalid escape `\\n`");
        assert_bad("States.Array('abc\\", "dangling `\\`");
        assert_bad("States.Array('abc)", "unterminated string literal");
        assert_bad("States.Array(\"abc\")", "single quotes");
        assert_bad("States.Array('it\\'s)", "unterminated string literal");
    }

    /// Malformed calls are rejected with specific messages.
    #[test]
    fn malformed_calls() {
        let cases = [
            ("States.JsonToString($", "unclosed `(`"),
            (
                "States.StringToJson $.escaped)",
                "expected `(` after `States.StringToJson`",
            ),
            ("States. ", "expected `(` after `States.`"),
            ("States\nJsonToString($)", "neither a Path"),
            ("something else    ", "neither a Path"),
            ("ipsum", "`ipsum` is neither a Path"),
            (
                "States.Format('{}_{}', $$.Execution.Name, $.e",
                "unclosed `(`",
            ),
            ("States.Array(1,)", "missing argument"),
            ("States.Array(,1)", "missing argument"),
            ("States.Array(1 2)", "expected `,` or `)` after argument 1"),
            ("States.Array(2abc)", "expected `,` or `)`"),
            ("States.Array(abc)", "`abc` is not a valid argument"),
            ("States.Array(True)", "`True` is not a valid argument"),
            ("States.Array(-)", "expected digits after `-`"),
            ("States.Array(1.)", "decimal point"),
            ("States.Array(1e)", "exponent"),
            ("States.Array(#)", "unexpected `#`"),
            ("States.Array($.a b)", "expected `,` or `)`"),
            ("States.Array($.a[)", "unexpected `)` after `[`"),
            ("States.Array($x.)", "expected a field name after `.`"),
            ("(1)", "unexpected `(`"),
            ("", "expected an intrinsic function call"),
        ];
        for (s, needle) in cases {
            assert_bad(s, needle);
        }
    }

    /// Unknown function names are rejected naming the closest known one.
    #[test]
    fn unknown_functions_name_the_closest_one() {
        let cases = [
            ("States.Xyz($.result)", "States."),
            ("States.format('x')", "did you mean `States.Format`?"),
            ("States.MathSub(1, 2)", "did you mean `States.MathAdd`?"),
            ("JsonToString($)", "did you mean `States.JsonToString`?"),
            (
                "States.Base64encode($.x)",
                "did you mean `States.Base64Encode`?",
            ),
            ("States.ArrayLen($.x)", "did you mean `States.ArrayLength`?"),
            ("States.UUIDs()", "did you mean `States.UUID`?"),
        ];
        for (s, needle) in cases {
            let e = assert_bad(s, needle);
            assert!(e.message.starts_with("unknown intrinsic function"), "{s}");
            assert_eq!(e.offset, 0);
        }
        // Unknown nested call: offset points at it.
        let e = assert_bad(
            "States.Array(States.Nope())",
            "unknown intrinsic function `States.Nope`",
        );
        assert_eq!(e.offset, 13);
    }

    /// The edit distance used for suggestions is correct.
    #[test]
    fn edit_distance_basics() {
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(edit_distance(&chars("kitten"), &chars("sitting")), 3);
        assert_eq!(edit_distance(&chars(""), &chars("abc")), 3);
        assert_eq!(edit_distance(&chars("abc"), &chars("")), 3);
        assert_eq!(edit_distance(&chars("same"), &chars("same")), 0);
    }

    /// No prefix or suffix of a valid input makes the checker panic.
    #[test]
    fn never_panics_on_prefixes() {
        let samples = [
            "States.Format('é {} \\{ ✓ {}', $.a[?(@.b == 'x')], States.ArrayGetItem($$.c, 1))",
            "States.Hash(-1.5e+3, 'SHA-256')",
            "States.Array(true, false, null, 'a\\\\b')",
        ];
        for s in samples {
            ok(s);
            for (i, _) in s.char_indices() {
                let _ = check_intrinsic(s.get(..i).unwrap_or(""));
                let _ = check_intrinsic(s.get(i..).unwrap_or(""));
            }
        }
    }
}
