//! JSONPath **Paths** and **Reference Paths** as AWS Step Functions accepts
//! them (Jayway dialect plus the ASL backslash escapes in dot-names).
//!
//! Grammar accepted by [`check_path`] (blanks are allowed inside brackets and
//! filters, nowhere else):
//!
//! ```text
//! path     := root step*
//! root     := '$$' | '$' ident | '$'            (context | variable | input)
//! step     := '.' name | '.*' | '.' bracket | '..' (name | '*' | bracket)
//!           | bracket
//! name     := (char | '\' any-char)+            stops at '.', '[' and blanks
//! bracket  := '[' ( quoted (',' quoted)*        ['a'] ["a"] ['a','b']
//!                 | int (',' int)*              [0] [-1] [0,1]
//!                 | int? ':' int? (':' int?)?   [1:2:3] [-3:] [:]
//!                 | '*'
//!                 | '?' '(' or-expr ')'         filter
//!                 | '(' arith ')'               script index, e.g. (@.length-1)
//!                 ) ']'
//! or-expr  := and-expr ('||' and-expr)*
//! and-expr := unary ('&&' unary)*
//! unary    := '!'* ( '(' or-expr ')' | value (cmp value)? )
//! cmp      := '==' | '!=' | '===' | '!==' | '<' | '<=' | '>' | '>='
//! value    := '@' step* | number | 'str' | "str" | true | false | null | word
//! ```
//!
//! A comparison-less condition must be an `@` path (existence test). Not
//! accepted, following the digest (§3.1): functions (`length()`), regular
//! expressions (`=~`, `/…/`), word operators (`in`, `subsetof`, …) and `$`
//! references inside filters.
//!
//! [`check_reference_path`] accepts only `.name`, `['name']` and `[index]`
//! steps (non-negative index), and rejects unescaped `@ , : ? * ( ) ]` in
//! dot-names.
//!
//! Filters and script expressions may nest at most [`MAX_NESTING`] levels,
//! which bounds the recursion; parsing is a single left-to-right pass.

use super::{PathRoot, SyntaxError};

/// Deepest nesting of filters, script expressions and parentheses accepted
/// inside one path; deeper input is rejected instead of recursing further.
const MAX_NESTING: usize = 32;

/// Characters that must be escaped (or put in `['…']`) in the dot-names of a
/// Reference Path, because they are JSONPath operators.
const REFERENCE_FORBIDDEN: [char; 8] = ['@', ',', ':', '?', '*', '(', ')', ']'];

/// Word operators of Jayway filters that AWS does not support.
const WORD_OPERATORS: [&str; 9] = [
    "in", "nin", "subsetof", "anyof", "noneof", "size", "empty", "contains", "matches",
];

/// Checks a full Path (`InputPath`, `OutputPath`, `.$` values, Choice
/// `Variable` and `…Path` operands, intrinsic arguments) and says what it is
/// rooted at.
///
/// Accepts the `$`, `$$` and `$name` roots followed by `.name`, `['name']`,
/// `[0]`, `[*]`, `.*`, `..name`, slices `[1:2:3]` (negative and empty parts
/// allowed), unions `[0,1]` / `['a','b']`, filters
/// `[?(@.a >= 5 && @.b == 'x')]` (comparison and logical operators, literals
/// including unquoted words, `@` paths, nested parentheses), the script index
/// `[(@.length-1)]`, and backslash escapes in dot-names. No blanks are allowed
/// outside brackets, so leading or trailing blanks are errors.
pub(crate) fn check_path(s: &str) -> Result<PathRoot, SyntaxError> {
    let mut p = Parser::new(s, 0, Mode::Full);
    let root = p.root()?;
    p.steps(Ctx::Standalone, 0)?;
    p.finish()?;
    Ok(root)
}

/// Checks a Reference Path (`ResultPath`, `ItemsPath`, every other `…Path`
/// field): a Path that identifies a single node, so only `.name`,
/// `['name']` and `[index]` steps are allowed — no `*`, `..`, filters,
/// slices, unions or `@`.
///
/// The root is returned so that callers can apply field rules such as
/// "`ResultPath` must not start with `$$` nor name a variable".
pub(crate) fn check_reference_path(s: &str) -> Result<PathRoot, SyntaxError> {
    let mut p = Parser::new(s, 0, Mode::Reference);
    let root = p.root()?;
    p.steps(Ctx::Standalone, 0)?;
    p.finish()?;
    Ok(root)
}

/// Parses the full Path that starts at byte `start` of `s` and is an argument
/// of an intrinsic call; returns the byte offset just past it.
///
/// The path ends before a blank, `,` or `)` that is not inside brackets; the
/// caller checks what follows. Error offsets are relative to `s`.
pub(super) fn parse_path_argument(s: &str, start: usize) -> Result<usize, SyntaxError> {
    let mut p = Parser::new(s, start, Mode::Full);
    p.root()?;
    p.steps(Ctx::Argument, 0)?;
    Ok(p.pos)
}

/// Which path grammar is being checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// A full Path.
    Full,
    /// A Reference Path (single node, restricted steps).
    Reference,
}

/// Where a path is being read; decides which characters end a dot-name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ctx {
    /// The whole string is the path.
    Standalone,
    /// An argument of an intrinsic call: `,` and `)` also end a name.
    Argument,
    /// An `@` path inside a filter: operators and `)` end a name.
    Filter,
    /// An `@` path inside a script index: arithmetic and `)` end a name.
    Script,
}

/// A signed integer literal seen in brackets.
#[derive(Debug, Clone, Copy)]
struct IntLit {
    /// The literal starts with `-` (and is not zero).
    negative: bool,
    /// The literal's value is zero.
    zero: bool,
}

/// Single-pass recursive-descent parser over a path string.
struct Parser<'a> {
    /// The whole string being checked (offsets are relative to it).
    s: &'a str,
    /// Current byte offset; always on a char boundary.
    pos: usize,
    /// Full Path or Reference Path rules.
    mode: Mode,
}

impl<'a> Parser<'a> {
    /// Creates a parser positioned at byte `pos` of `s`.
    fn new(s: &'a str, pos: usize, mode: Mode) -> Self {
        Parser { s, pos, mode }
    }

    /// The unread rest of the input.
    fn rest(&self) -> &'a str {
        self.s.get(self.pos..).unwrap_or("")
    }

    /// The next character, if any.
    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    /// The character after the next one, if any.
    fn peek2(&self) -> Option<char> {
        let mut it = self.rest().chars();
        it.next();
        it.next()
    }

    /// Consumes and returns the next character.
    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    /// Consumes `c` if it is next; reports whether it did.
    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
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

    /// Fails if `depth` exceeds [`MAX_NESTING`].
    fn check_depth(&self, depth: usize) -> Result<(), SyntaxError> {
        if depth > MAX_NESTING {
            Err(SyntaxError::new(
                self.pos,
                format!(
                    "the path nests filters, script expressions or parentheses more than \
                     {MAX_NESTING} levels deep; simplify it"
                ),
            ))
        } else {
            Ok(())
        }
    }

    /// Fails with a Reference-Path message if a construct is used there.
    fn forbid_in_reference(&self, at: usize, what: &str) -> Result<(), SyntaxError> {
        if self.mode == Mode::Reference {
            Err(SyntaxError::new(
                at,
                format!(
                    "a Reference Path cannot use {what}: it must name a single node with \
                     `.field`, `['field']` or `[index]` steps"
                ),
            ))
        } else {
            Ok(())
        }
    }

    /// Reads the root: `$$`, `$name` or `$`.
    fn root(&mut self) -> Result<PathRoot, SyntaxError> {
        let start = self.pos;
        if !self.eat('$') {
            return Err(SyntaxError::new(
                start,
                "a Path must start with `$` (the input), `$$` (the context object) or `$name` \
                 (a variable)",
            ));
        }
        match self.peek() {
            Some('$') => {
                self.bump();
                Ok(PathRoot::Context)
            }
            Some(c) if is_ident_start(c) => {
                let name_start = self.pos;
                while matches!(self.peek(), Some(c) if is_ident_continue(c)) {
                    self.bump();
                }
                Ok(PathRoot::Variable(
                    self.slice(name_start, self.pos).to_string(),
                ))
            }
            _ => Ok(PathRoot::Input),
        }
    }

    /// Reads steps until something that cannot start a step.
    fn steps(&mut self, ctx: Ctx, depth: usize) -> Result<(), SyntaxError> {
        loop {
            match self.peek() {
                Some('.') => self.dot_step(ctx, depth)?,
                Some('[') => self.bracket_step(depth)?,
                _ => return Ok(()),
            }
        }
    }

    /// Requires the end of a standalone path.
    fn finish(&self) -> Result<(), SyntaxError> {
        match self.peek() {
            None => Ok(()),
            Some(c) if c.is_whitespace() => Err(SyntaxError::new(
                self.pos,
                "unexpected blank in the path: remove it, or use bracket notation such as \
                 `['my key']` for a field name that contains blanks",
            )),
            Some(c) => Err(SyntaxError::new(
                self.pos,
                format!(
                    "unexpected `{c}`: expected `.field`, `['field']`, `[…]` or the end of \
                     the path"
                ),
            )),
        }
    }

    /// Reads a step starting with `.`: `.name`, `.*`, `.[…]` or `..…`.
    fn dot_step(&mut self, ctx: Ctx, depth: usize) -> Result<(), SyntaxError> {
        let dot = self.pos;
        self.bump();
        if self.peek() == Some('.') {
            self.forbid_in_reference(dot, "the deep scan `..`")?;
            self.bump();
            return match self.peek() {
                Some('*') => {
                    self.bump();
                    Ok(())
                }
                Some('[') => self.bracket_step(depth),
                Some('.') => Err(SyntaxError::new(
                    dot,
                    "`...` is not valid: use `.` for a child or `..` for a deep scan",
                )),
                Some(c) if !is_name_stop(c, ctx) => self.dot_name(ctx),
                _ => Err(SyntaxError::new(
                    dot,
                    "`..` must be followed by a field name, `*` or `[…]`",
                )),
            };
        }
        match self.peek() {
            None => Err(SyntaxError::new(
                dot,
                "a Path must not end with `.`: add a field name after it or remove it",
            )),
            Some('*') => {
                self.forbid_in_reference(dot, "the wildcard `.*`")?;
                self.bump();
                Ok(())
            }
            Some('[') if self.mode == Mode::Full => self.bracket_step(depth),
            Some(c) if c == '[' || is_name_stop(c, ctx) => Err(SyntaxError::new(
                self.pos,
                format!("expected a field name after `.`, found `{c}`"),
            )),
            Some(_) => self.dot_name(ctx),
        }
    }

    /// Reads a dot-notation field name (backslash escapes the next char).
    fn dot_name(&mut self, ctx: Ctx) -> Result<(), SyntaxError> {
        let start = self.pos;
        while let Some(c) = self.peek() {
            if c == '\\' {
                let at = self.pos;
                self.bump();
                if self.bump().is_none() {
                    return Err(SyntaxError::new(
                        at,
                        "dangling `\\` at the end of the path: a backslash escapes the \
                         character after it",
                    ));
                }
                continue;
            }
            if c == '.' || c == '[' || is_name_stop(c, ctx) {
                break;
            }
            if c == '(' {
                return Err(SyntaxError::new(
                    self.pos,
                    "functions such as `length()` are not supported in Paths",
                ));
            }
            if self.mode == Mode::Reference && REFERENCE_FORBIDDEN.contains(&c) {
                return Err(SyntaxError::new(
                    self.pos,
                    format!(
                        "`{c}` is not allowed in a Reference Path: escape it as `\\{c}` or \
                         write the field as `['…']`"
                    ),
                ));
            }
            self.bump();
        }
        if self.pos == start {
            Err(SyntaxError::new(start, "expected a field name"))
        } else {
            Ok(())
        }
    }

    /// Reads a `[…]` step.
    fn bracket_step(&mut self, depth: usize) -> Result<(), SyntaxError> {
        let open = self.pos;
        self.bump();
        self.skip_blanks();
        match self.peek() {
            None => return Err(unclosed_bracket(open)),
            Some('\'') | Some('"') => self.quoted_names(open)?,
            Some('*') => {
                self.forbid_in_reference(open, "the wildcard `[*]`")?;
                self.bump();
            }
            Some('?') => {
                self.forbid_in_reference(open, "a filter `[?(…)]`")?;
                self.filter(depth + 1)?;
            }
            Some('(') => {
                self.forbid_in_reference(open, "a script expression `[(…)]`")?;
                self.script(depth + 1)?;
            }
            Some(c) if c == '-' || c == ':' || c.is_ascii_digit() => self.indexes()?,
            Some(']') => {
                return Err(SyntaxError::new(
                    open,
                    "empty brackets `[]`: put a quoted field name, an index, `*`, a slice \
                     or a filter inside",
                ))
            }
            Some(c) => {
                return Err(SyntaxError::new(
                    self.pos,
                    format!(
                        "unexpected `{c}` after `[`: expected a quoted field name such as \
                         `['name']`, an index, `*`, a slice `[start:end]` or a filter `[?(…)]`"
                    ),
                ))
            }
        }
        self.skip_blanks();
        match self.peek() {
            Some(']') => {
                self.bump();
                Ok(())
            }
            None => Err(unclosed_bracket(open)),
            Some(c) => Err(SyntaxError::new(
                self.pos,
                format!("expected `]` to close the `[` at byte {open}, found `{c}`"),
            )),
        }
    }

    /// Reads `'a'` or a union `'a', 'b'` inside brackets.
    fn quoted_names(&mut self, open: usize) -> Result<(), SyntaxError> {
        self.quoted_string()?;
        loop {
            self.skip_blanks();
            if self.peek() != Some(',') {
                return Ok(());
            }
            self.forbid_in_reference(open, "a union such as `['a','b']`")?;
            self.bump();
            self.skip_blanks();
            match self.peek() {
                Some('\'') | Some('"') => self.quoted_string()?,
                _ => {
                    return Err(SyntaxError::new(
                        self.pos,
                        "expected another quoted field name after `,`",
                    ))
                }
            }
        }
    }

    /// Reads a `'…'` or `"…"` string (backslash escapes the next char).
    fn quoted_string(&mut self) -> Result<(), SyntaxError> {
        let open = self.pos;
        let Some(quote) = self.bump() else {
            return Err(SyntaxError::new(open, "expected a quoted string"));
        };
        loop {
            match self.bump() {
                None => {
                    return Err(SyntaxError::new(
                        open,
                        format!("unterminated quoted string: add the closing `{quote}`"),
                    ))
                }
                Some('\\') => {
                    if self.bump().is_none() {
                        return Err(SyntaxError::new(
                            open,
                            format!(
                                "unterminated quoted string (it ends with a dangling `\\`): \
                                 add the closing `{quote}`"
                            ),
                        ));
                    }
                }
                Some(c) if c == quote => return Ok(()),
                Some(_) => {}
            }
        }
    }

    /// Reads an index, a union of indexes or a slice inside brackets.
    fn indexes(&mut self) -> Result<(), SyntaxError> {
        let start = self.pos;
        let first = self.opt_int()?;
        self.skip_blanks();
        if self.peek() == Some(':') {
            self.forbid_in_reference(start, "a slice such as `[1:3]`")?;
            self.bump();
            self.skip_blanks();
            self.opt_int()?;
            self.skip_blanks();
            if self.eat(':') {
                self.skip_blanks();
                let step_at = self.pos;
                if let Some(IntLit { zero: true, .. }) = self.opt_int()? {
                    return Err(SyntaxError::new(step_at, "a slice step must not be 0"));
                }
                self.skip_blanks();
            }
            return Ok(());
        }
        let Some(first) = first else {
            return Err(SyntaxError::new(start, "expected an index"));
        };
        if self.mode == Mode::Reference && first.negative {
            return Err(SyntaxError::new(
                start,
                "a Reference Path index must be a non-negative integer such as `[0]`",
            ));
        }
        while self.peek() == Some(',') {
            self.forbid_in_reference(start, "a union such as `[0,1]`")?;
            self.bump();
            self.skip_blanks();
            let at = self.pos;
            if self.opt_int()?.is_none() {
                return Err(SyntaxError::new(at, "expected an index after `,`"));
            }
            self.skip_blanks();
        }
        Ok(())
    }

    /// Reads an optional `-?[0-9]+` that must fit a 32-bit signed integer.
    fn opt_int(&mut self) -> Result<Option<IntLit>, SyntaxError> {
        let start = self.pos;
        let negative = self.eat('-');
        let digits_start = self.pos;
        while matches!(self.peek(), Some(c) if c.is_ascii_digit()) {
            self.bump();
        }
        let digits = self.slice(digits_start, self.pos);
        if digits.is_empty() {
            if negative {
                return Err(SyntaxError::new(start, "expected digits after `-`"));
            }
            return Ok(None);
        }
        let text = self.slice(start, self.pos);
        if text.parse::<i32>().is_err() {
            return Err(SyntaxError::new(
                start,
                format!("the index `{text}` is out of range"),
            ));
        }
        let zero = digits.bytes().all(|b| b == b'0');
        Ok(Some(IntLit {
            negative: negative && !zero,
            zero,
        }))
    }

    /// Reads `?(…)` of a filter; the `?` is next.
    fn filter(&mut self, depth: usize) -> Result<(), SyntaxError> {
        self.check_depth(depth)?;
        let question = self.pos;
        self.bump();
        self.skip_blanks();
        if self.peek() != Some('(') {
            return Err(SyntaxError::new(
                question,
                "a filter must be written `[?(<condition>)]`, e.g. `[?(@.price < 10)]`",
            ));
        }
        let open = self.pos;
        self.bump();
        self.or_expr(depth)?;
        self.close_paren(open, "the filter")
    }

    /// Requires the `)` matching the `(` at `open`.
    fn close_paren(&mut self, open: usize, what: &str) -> Result<(), SyntaxError> {
        self.skip_blanks();
        match self.peek() {
            Some(')') => {
                self.bump();
                Ok(())
            }
            None => Err(SyntaxError::new(
                open,
                format!("unclosed `(` in {what}: add the matching `)`"),
            )),
            Some(c) => Err(SyntaxError::new(
                self.pos,
                format!(
                    "unexpected `{c}` in {what}: expected a comparison (==, !=, <, <=, >, >=), \
                     `&&`, `||` or `)`"
                ),
            )),
        }
    }

    /// Reads `and-expr ('||' and-expr)*`.
    fn or_expr(&mut self, depth: usize) -> Result<(), SyntaxError> {
        self.and_expr(depth)?;
        loop {
            self.skip_blanks();
            if self.rest().starts_with("||") {
                self.pos += 2;
                self.and_expr(depth)?;
            } else {
                return Ok(());
            }
        }
    }

    /// Reads `unary ('&&' unary)*`.
    fn and_expr(&mut self, depth: usize) -> Result<(), SyntaxError> {
        self.unary(depth)?;
        loop {
            self.skip_blanks();
            if self.rest().starts_with("&&") {
                self.pos += 2;
                self.unary(depth)?;
            } else {
                return Ok(());
            }
        }
    }

    /// Reads `'!'* ( '(' or-expr ')' | relation )`.
    fn unary(&mut self, depth: usize) -> Result<(), SyntaxError> {
        self.skip_blanks();
        while self.peek() == Some('!') && self.peek2() != Some('=') {
            self.bump();
            self.skip_blanks();
        }
        if self.peek() == Some('(') {
            self.check_depth(depth + 1)?;
            let open = self.pos;
            self.bump();
            self.or_expr(depth + 1)?;
            return self.close_paren(open, "the filter");
        }
        self.relation(depth)
    }

    /// Reads `value (cmp value)?`; a lone value must be an `@` path.
    fn relation(&mut self, depth: usize) -> Result<(), SyntaxError> {
        let start = self.pos;
        let left_is_path = self.filter_value(depth)?;
        self.skip_blanks();
        if self.comparison_operator()? {
            self.skip_blanks();
            self.filter_value(depth)?;
            Ok(())
        } else if left_is_path {
            Ok(())
        } else {
            Err(SyntaxError::new(
                start,
                "a filter condition must compare two values (==, !=, <, <=, >, >=) or test \
                 an `@` path for existence",
            ))
        }
    }

    /// Consumes a comparison operator if one is next; rejects unsupported ones.
    fn comparison_operator(&mut self) -> Result<bool, SyntaxError> {
        for op in ["===", "!==", "==", "!=", "<=", ">=", "<", ">"] {
            if self.rest().starts_with(op) {
                self.pos += op.len();
                return Ok(true);
            }
        }
        let at = self.pos;
        if self.rest().starts_with("=~") {
            return Err(SyntaxError::new(
                at,
                "regular-expression filters (`=~`) are not supported by AWS Step Functions",
            ));
        }
        if self.rest().starts_with('=') {
            return Err(SyntaxError::new(at, "use `==` to compare values, not `=`"));
        }
        if matches!(self.peek(), Some(c) if c.is_alphabetic()) {
            while matches!(self.peek(), Some(c) if c.is_alphanumeric()) {
                self.bump();
            }
            let word = self.slice(at, self.pos);
            let message = if WORD_OPERATORS.contains(&word) {
                format!(
                    "the `{word}` filter operator is not supported by AWS Step Functions; use \
                     ==, !=, <, <=, >, >="
                )
            } else {
                format!(
                    "unexpected `{word}` in the filter: expected a comparison operator, `&&`, \
                     `||` or `)`"
                )
            };
            return Err(SyntaxError::new(at, message));
        }
        Ok(false)
    }

    /// Reads one filter operand; reports whether it was an `@` path.
    fn filter_value(&mut self, depth: usize) -> Result<bool, SyntaxError> {
        let at = self.pos;
        match self.peek() {
            Some('@') => {
                self.bump();
                self.steps(Ctx::Filter, depth)?;
                Ok(true)
            }
            Some('$') => Err(SyntaxError::new(
                at,
                "filters cannot refer to other nodes with `$`: compare `@` paths with \
                 literal values",
            )),
            Some('\'') | Some('"') => {
                self.quoted_string()?;
                Ok(false)
            }
            Some(c) if c == '-' || c.is_ascii_digit() => {
                self.number()?;
                Ok(false)
            }
            Some('/') => Err(SyntaxError::new(
                at,
                "regular-expression filters are not supported by AWS Step Functions",
            )),
            Some('[') | Some('{') => Err(SyntaxError::new(
                at,
                "array and object literals are not supported in filters",
            )),
            Some(c) if c.is_alphabetic() || c == '_' => {
                while matches!(self.peek(), Some(c) if is_word_char(c)) {
                    self.bump();
                }
                Ok(false)
            }
            Some(c) => Err(SyntaxError::new(
                at,
                format!("unexpected `{c}` in the filter: expected an `@` path or a literal value"),
            )),
            None => Err(SyntaxError::new(
                at,
                "the filter ends too early: expected an `@` path or a literal value, then `)]`",
            )),
        }
    }

    /// Reads `-?digits(.digits)?([eE][+-]?digits)?`.
    fn number(&mut self) -> Result<(), SyntaxError> {
        let start = self.pos;
        self.eat('-');
        if !self.digits() {
            return Err(SyntaxError::new(start, "expected digits after `-`"));
        }
        if self.eat('.') && !self.digits() {
            return Err(SyntaxError::new(
                start,
                "expected digits after the decimal point",
            ));
        }
        if self.eat('e') || self.eat('E') {
            if !self.eat('+') {
                self.eat('-');
            }
            if !self.digits() {
                return Err(SyntaxError::new(start, "expected digits in the exponent"));
            }
        }
        Ok(())
    }

    /// Consumes ASCII digits; reports whether there was at least one.
    fn digits(&mut self) -> bool {
        let start = self.pos;
        while matches!(self.peek(), Some(c) if c.is_ascii_digit()) {
            self.bump();
        }
        self.pos > start
    }

    /// Reads a script index `(…)`; the `(` is next.
    fn script(&mut self, depth: usize) -> Result<(), SyntaxError> {
        self.check_depth(depth)?;
        let open = self.pos;
        self.bump();
        self.arith(depth)?;
        self.close_script(open)
    }

    /// Requires the `)` of a script expression.
    fn close_script(&mut self, open: usize) -> Result<(), SyntaxError> {
        self.skip_blanks();
        match self.peek() {
            Some(')') => {
                self.bump();
                Ok(())
            }
            None => Err(SyntaxError::new(
                open,
                "unclosed `(` in the script expression: add the matching `)`",
            )),
            Some(c) => Err(SyntaxError::new(
                self.pos,
                format!(
                    "unexpected `{c}` in the script expression: expected `+`, `-`, `*`, `/`, \
                     `%` or `)`"
                ),
            )),
        }
    }

    /// Reads an arithmetic expression over `@` paths and numbers.
    fn arith(&mut self, depth: usize) -> Result<(), SyntaxError> {
        loop {
            self.skip_blanks();
            match self.peek() {
                Some('-') | Some('+') => {
                    self.bump();
                    continue;
                }
                Some('(') => {
                    self.check_depth(depth + 1)?;
                    let open = self.pos;
                    self.bump();
                    self.arith(depth + 1)?;
                    self.close_script(open)?;
                }
                Some('@') => {
                    self.bump();
                    self.steps(Ctx::Script, depth)?;
                }
                Some(c) if c.is_ascii_digit() => self.number()?,
                _ => {
                    return Err(SyntaxError::new(
                        self.pos,
                        "expected `@`, a number or `(` in the script expression, e.g. \
                         `[(@.length-1)]`",
                    ))
                }
            }
            self.skip_blanks();
            match self.peek() {
                Some('+') | Some('-') | Some('*') | Some('/') | Some('%') => {
                    self.bump();
                }
                _ => return Ok(()),
            }
        }
    }
}

/// The error for a `[` without its `]`.
fn unclosed_bracket(open: usize) -> SyntaxError {
    SyntaxError::new(open, "unclosed `[`: add the matching `]`")
}

/// Whether `c` ends a dot-name in context `ctx` (besides `.` and `[`).
fn is_name_stop(c: char, ctx: Ctx) -> bool {
    if c.is_whitespace() {
        return true;
    }
    match ctx {
        Ctx::Standalone => false,
        Ctx::Argument => matches!(c, ',' | ')'),
        Ctx::Filter => matches!(c, ')' | '<' | '>' | '=' | '!' | '~' | '&' | '|'),
        Ctx::Script => matches!(c, ')' | '+' | '-' | '*' | '/' | '%'),
    }
}

/// First character of a variable name (approximates Unicode `ID_Start`).
fn is_ident_start(c: char) -> bool {
    c.is_alphabetic() || c == '_'
}

/// Later character of a variable name (approximates `ID_Continue`).
fn is_ident_continue(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Character of an unquoted word literal in a filter (e.g. `FooBar`).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '.')
}

/// Unit tests.
#[cfg(test)]
mod tests {
    use super::*;

    /// Unwraps a successful check, panicking with the error otherwise.
    fn ok(s: &str) -> PathRoot {
        match check_path(s) {
            Ok(r) => r,
            Err(e) => panic!("{s:?} should be a valid Path: {e}"),
        }
    }

    /// Unwraps a rejection, panicking if the input was accepted.
    fn bad(s: &str) -> SyntaxError {
        match check_path(s) {
            Ok(_) => panic!("{s:?} should be rejected as a Path"),
            Err(e) => e,
        }
    }

    /// Unwraps a successful Reference Path check.
    fn ref_ok(s: &str) -> PathRoot {
        match check_reference_path(s) {
            Ok(r) => r,
            Err(e) => panic!("{s:?} should be a valid Reference Path: {e}"),
        }
    }

    /// Unwraps a Reference Path rejection.
    fn ref_bad(s: &str) -> SyntaxError {
        match check_reference_path(s) {
            Ok(_) => panic!("{s:?} should be rejected as a Reference Path"),
            Err(e) => e,
        }
    }

    /// The reference-path examples of the ASL spec (digest §3.1).
    const SPEC_REFERENCE_EXAMPLES: [&str; 9] = [
        "$.store.book",
        "$.store\\.book",
        "$.\\stor\\e.boo\\k",
        "$.foo.\\.bar",
        "$.foo\\@bar.baz\\[\\[.\\?pretty",
        "$.&Ж中.\\uD800\\uDF46",
        "$.ledgers[0][22][315].foo",
        "$['store']['book']",
        "$['store'][0]['book']",
    ];

    /// Every reference-path example of the spec parses, as Path and Reference Path.
    #[test]
    fn spec_reference_path_examples_parse() {
        for s in SPEC_REFERENCE_EXAMPLES {
            assert_eq!(ref_ok(s), PathRoot::Input, "{s}");
            assert_eq!(ok(s), PathRoot::Input, "{s}");
        }
        // The `\uD800\uDF46` example after JSON decoding.
        assert_eq!(ref_ok("$.&Ж中.\u{10346}"), PathRoot::Input);
    }

    /// The `$`, `$$` and `$name` roots are recognised.
    #[test]
    fn roots() {
        assert_eq!(ok("$"), PathRoot::Input);
        assert_eq!(ok("$$"), PathRoot::Context);
        assert_eq!(ok("$$.Execution.Input.x"), PathRoot::Context);
        assert_eq!(ok("$myVar"), PathRoot::Variable("myVar".into()));
        assert_eq!(
            ok("$inputPayload.data.firstname"),
            PathRoot::Variable("inputPayload".into())
        );
        assert_eq!(ok("$_x1[0]"), PathRoot::Variable("_x1".into()));
        assert_eq!(ok("$vär.a"), PathRoot::Variable("vär".into()));
    }

    /// Full-Path features (wildcards, slices, unions, filters, scripts) are accepted.
    #[test]
    fn full_path_features() {
        for s in [
            "$.a.b.c",
            "$[0].c",
            "$.books[-2]",
            "$.input-foo-bar",
            "$.delivery-partner",
            "$.a[*]",
            "$.a.*",
            "$.*",
            "$..name",
            "$..*",
            "$..[0]",
            "$..['a']",
            "$.a[1:2:3]",
            "$.vals[-3:]",
            "$.fooList[1:]",
            "$.a[:2]",
            "$.a[::2]",
            "$.a[:]",
            "$.a[-3:-1:-1]",
            "$.a[0,1]",
            "$.a[ 0 , 1 ]",
            "$['a','b']",
            "$[\"a\"]",
            "$['a b']",
            "$['it\\'s']",
            "$.a[?(@.a >= 5 && @.b == 'x')]",
            "$.a[?(@.a)]",
            "$.a[?(!@.a)]",
            "$.a[?(@.a != null || @.b === true)]",
            "$.a[?((@.a < 1 || @.a > 9) && !(@.b <= 2))]",
            "$.a[?(@.price<10)]",
            "$.a[?(@['x y'] == \"q\")]",
            "$.a[?(@.x[?(@.y == 1)])]",
            "$.a[?(5 < @.n)]",
            "$.a[?(@.n == -1.5e3)]",
            "$.DescribeRecord.RecordOutputs[?(@.OutputKey == FooBar)].OutputValue",
            "$[(@.length-1)]",
            "$[(@.length-1)].bar",
            "$.a[( @.length - (2 * 1) )]",
            "$.[0]",
            "$.a\\ b",
        ] {
            ok(s);
        }
    }

    /// Malformed paths are rejected at the right offset with a helpful message.
    #[test]
    fn rejects_malformed_paths() {
        let cases: &[(&str, usize, &str)] = &[
            ("", 0, "must start with `$`"),
            ("bug$.library.movies", 0, "must start with `$`"),
            (".guid", 0, "must start with `$`"),
            ("..guid", 0, "must start with `$`"),
            ("()", 0, "must start with `$`"),
            ("$...", 1, "`...`"),
            ("$.", 1, "must not end with `.`"),
            ("$.a.", 3, "must not end with `.`"),
            ("$..", 1, "`..` must be followed"),
            ("$$23", 2, "unexpected `2`"),
            ("$23", 1, "unexpected `2`"),
            ("$.a b", 3, "blank"),
            ("$.a ", 3, "blank"),
            ("$.a[", 3, "unclosed `[`"),
            ("$.a[]", 3, "empty brackets"),
            ("$.a[0", 3, "unclosed `[`"),
            ("$.a[0}", 5, "expected `]`"),
            ("$.a['x]", 4, "unterminated"),
            ("$.a[x]", 4, "unexpected `x`"),
            ("$.a[-]", 4, "digits after `-`"),
            ("$.a[1::0]", 7, "step must not be 0"),
            ("$.a[99999999999]", 4, "out of range"),
            ("$.a[0,]", 6, "expected an index"),
            ("$['a',]", 6, "another quoted"),
            ("$.length()", 8, "functions"),
            ("$.a\\", 3, "dangling"),
            ("$.a[?(@.a)", 3, "unclosed `[`"),
            ("$.a[?@.a]", 4, "must be written"),
            ("$.a[?(@.a == )]", 13, "expected an `@` path or a literal"),
            ("$.a[?(@.a = 1)]", 10, "use `==`"),
            ("$.a[?(@.a =~ /x/)]", 10, "regular-expression"),
            ("$.a[?(@.a in ['x'])]", 10, "`in` filter operator"),
            ("$.a[?(@.a subsetof ['x'])]", 10, "not supported"),
            ("$.a[?(@.a == $.b)]", 13, "other nodes"),
            ("$.a[?(1)]", 6, "must compare"),
            ("$.a[?((@.a)]", 11, "unexpected `]`"),
            ("$.a[?(@.a == [1])]", 13, "array and object"),
            ("$[(@.length-)]", 12, "expected `@`, a number"),
            ("$[(@.length-1]", 13, "unexpected `]`"),
        ];
        for (s, offset, needle) in cases {
            let e = bad(s);
            assert!(
                e.message.contains(needle),
                "{s:?}: message {:?} should contain {needle:?}",
                e.message
            );
            assert_eq!(e.offset, *offset, "{s:?}: {}", e.message);
        }
    }

    /// Reference Paths accept `.name`, `['name']` and `[index]` steps.
    #[test]
    fn reference_paths_accept_single_node_steps() {
        assert_eq!(ref_ok("$"), PathRoot::Input);
        assert_eq!(ref_ok("$$.x"), PathRoot::Context);
        assert_eq!(ref_ok("$foo.bar"), PathRoot::Variable("foo".into()));
        ref_ok("$.a[0]['b c'].d");
        ref_ok("$[\"x\"]");
        ref_ok("$.input-foo-bar");
        ref_ok("$.a\\*b");
    }

    /// Reference Paths reject every multi-node construct.
    #[test]
    fn reference_paths_reject_multi_node_constructs() {
        let cases: &[(&str, &str)] = &[
            ("$.a[*]", "wildcard"),
            ("$.a.*", "wildcard"),
            ("$..a", "deep scan"),
            ("$.a[?(@.b)]", "filter"),
            ("$.a[1:2]", "slice"),
            ("$.a[0,1]", "union"),
            ("$['a','b']", "union"),
            ("$[(@.length-1)]", "script"),
            ("$.a[-1]", "non-negative"),
            ("$.a@b", "`@` is not allowed"),
            ("$.a,b", "`,` is not allowed"),
            ("$.a:b", "`:` is not allowed"),
            ("$.a?", "`?` is not allowed"),
            ("$.a*", "`*` is not allowed"),
            ("$.[0]", "expected a field name"),
            ("x", "must start with `$`"),
            (".x", "must start with `$`"),
            ("$.x ", "blank"),
        ];
        for (s, needle) in cases {
            let e = ref_bad(s);
            assert!(
                e.message.contains(needle),
                "{s:?}: message {:?} should contain {needle:?}",
                e.message
            );
        }
    }

    /// Paths inside intrinsic arguments end at top-level `,`, `)` and blanks.
    #[test]
    fn argument_paths_stop_at_delimiters() {
        let s = "States.Format('{}', $.a[0,1], $.b)";
        let start = s.find('$').unwrap_or(0);
        let end = parse_path_argument(s, start).expect("valid");
        assert_eq!(&s[start..end], "$.a[0,1]");
        let s = "f($.a[?(@.x == ')')] )";
        let end = parse_path_argument(s, 2).expect("valid");
        assert_eq!(&s[2..end], "$.a[?(@.x == ')')]");
        let s = "f($field2)";
        assert_eq!(parse_path_argument(s, 2), Ok(9));
    }

    /// Deeply nested filters and scripts are errors, not stack overflows.
    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let n = 100_000;
        let s = format!("$.a[?({}@.b{})]", "(".repeat(n), ")".repeat(n));
        let e = bad(&s);
        assert!(e.message.contains("levels deep"), "{}", e.message);
        let s = format!("$.a{}", "[?(@.b".repeat(n));
        assert!(bad(&s).message.contains("levels deep"));
        let s = format!("$[({}1{})]", "(".repeat(n), ")".repeat(n));
        assert!(bad(&s).message.contains("levels deep"));
        let s = format!("$.a[?({}@.b)]", "!".repeat(n));
        ok(&s);
        let s = format!("$.a[?(@.b{})]", " && @.c".repeat(n));
        ok(&s);
        // Within the limit is fine.
        let s = format!("$.a[?({}@.b{})]", "(".repeat(20), ")".repeat(20));
        ok(&s);
    }

    /// Truncated and odd inputs never make the path checkers panic.
    #[test]
    fn never_panics_on_awkward_input() {
        let samples = [
            "$",
            "$$$",
            "$[",
            "$['",
            "$[\"\\",
            "$.\u{10346}",
            "$[?(",
            "$[?(@",
            "$[?(@.",
            "$[(",
            "$[(@",
            "$..\\",
            "$.é\\é",
            "$[?(!",
            "$[?(!=",
            "$[?(@ ==",
            "$[?('\\",
            "$[1:",
            "$[1:2:",
            "$[?(@.a -)]",
            "$[?(-)]",
            "$[?(1.)]",
            "$[?(1e)]",
            "$[?(@.a == 'x' &&)]",
        ];
        for s in samples {
            let _ = check_path(s);
            let _ = check_reference_path(s);
            // Every prefix ending on a char boundary.
            for (i, _) in s.char_indices() {
                let _ = check_path(&s[..i]);
                let _ = check_reference_path(&s[..i]);
            }
        }
    }
}
