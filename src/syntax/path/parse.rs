//! The Path parser: the root, then `.name`, `..`, and bracket steps. Filters
//! and script indexes are read in `filter.rs` and `script.rs`; the
//! Reference Path restrictions are in `reference.rs`.
//!
//! One left-to-right pass; recursion happens only for nested filters,
//! scripts and parentheses, at most [`MAX_NESTING`] levels deep.

use std::ops::{Deref, DerefMut};

use super::ast::{PathRoot, Selector, Slice, Step};
use super::plain::name_length;
use super::reference::Mode;
use crate::syntax::cursor::Cursor;
use crate::syntax::SyntaxError;

/// Deepest nesting of filters, script expressions and parentheses accepted
/// inside one path; deeper input is rejected instead of recursing further.
pub(super) const MAX_NESTING: usize = 32;

/// Where a path is being read; decides which characters end a dot-name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ctx {
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
    /// Its value.
    value: i32,
    /// The literal starts with `-` and is not zero.
    negative: bool,
}

/// Recursive-descent parser over a path string.
#[derive(Debug)]
pub(super) struct Parser<'a> {
    /// Where the parser is.
    cursor: Cursor<'a>,
    /// Full Path or Reference Path rules.
    pub(super) mode: Mode,
    /// Whether to keep names and steps; a check only for the verdict and
    /// the root skips them (same grammar, same errors, no allocation).
    build: bool,
}

impl<'a> Deref for Parser<'a> {
    type Target = Cursor<'a>;

    fn deref(&self) -> &Cursor<'a> {
        &self.cursor
    }
}

impl DerefMut for Parser<'_> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.cursor
    }
}

impl<'a> Parser<'a> {
    /// A parser positioned at byte `pos` of `s`.
    pub(super) fn new(s: &'a str, pos: usize, mode: Mode, build: bool) -> Self {
        Parser {
            cursor: Cursor::new(s, pos),
            mode,
            build,
        }
    }

    /// Fails if `depth` exceeds [`MAX_NESTING`].
    pub(super) fn check_depth(&self, depth: usize) -> Result<(), SyntaxError> {
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

    /// Reads the root: `$$`, `$name` or `$`.
    pub(super) fn root(&mut self) -> Result<PathRoot, SyntaxError> {
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
                self.skip_while(is_ident_continue);
                Ok(PathRoot::Variable(
                    self.slice(name_start, self.pos).to_string(),
                ))
            }
            _ => Ok(PathRoot::Input),
        }
    }

    /// Reads steps until something that cannot start a step.
    pub(super) fn steps(&mut self, ctx: Ctx, depth: usize) -> Result<Vec<Step>, SyntaxError> {
        let mut steps = Vec::new();
        loop {
            let step = match self.peek() {
                Some('.') => self.dot_step(ctx, depth)?,
                Some('[') => Step::Child(self.bracket_step(depth)?),
                _ => return Ok(steps),
            };
            if self.build {
                steps.push(step);
            }
        }
    }

    /// Requires the end of a standalone path.
    pub(super) fn finish(&self) -> Result<(), SyntaxError> {
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
    fn dot_step(&mut self, ctx: Ctx, depth: usize) -> Result<Step, SyntaxError> {
        let dot = self.pos;
        self.bump();
        if self.peek() == Some('.') {
            self.forbid_in_reference(dot, "the deep scan `..`")?;
            self.bump();
            return match self.peek() {
                Some('*') => {
                    self.bump();
                    Ok(Step::Descendant(Selector::Wildcard))
                }
                Some('[') => Ok(Step::Descendant(self.bracket_step(depth)?)),
                Some('.') => Err(SyntaxError::new(
                    dot,
                    "`...` is not valid: use `.` for a child or `..` for a deep scan",
                )),
                Some(c) if !is_name_stop(c, ctx) => {
                    Ok(Step::Descendant(Selector::Name(self.dot_name(ctx)?)))
                }
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
                Ok(Step::Child(Selector::Wildcard))
            }
            Some('[') if self.mode == Mode::Full => Ok(Step::Child(self.bracket_step(depth)?)),
            Some(c) if c == '[' || is_name_stop(c, ctx) => Err(SyntaxError::new(
                self.pos,
                format!("expected a field name after `.`, found `{c}`"),
            )),
            Some(_) => Ok(Step::Child(Selector::Name(self.dot_name(ctx)?))),
        }
    }

    /// Reads a dot-notation field name; a backslash keeps the character
    /// after it (so `\.` is a dot inside the name).
    fn dot_name(&mut self, ctx: Ctx) -> Result<String, SyntaxError> {
        let start = self.pos;
        // ASCII letters, digits and `_` are name characters in every context
        // and need no check: step over a run of them at once.
        self.pos += name_length(self.rest().as_bytes());
        // Built only once a backslash shows the name differs from its text.
        let mut unescaped: Option<String> = None;
        let mut chars = self.rest().chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                let at = self.pos;
                let Some(escaped) = chars.next() else {
                    return Err(SyntaxError::new(
                        at,
                        "dangling `\\` at the end of the path: a backslash escapes the \
                         character after it",
                    ));
                };
                if self.build {
                    unescaped
                        .get_or_insert_with(|| self.slice(start, at).to_owned())
                        .push(escaped);
                }
                self.pos += 1 + escaped.len_utf8();
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
            self.check_reference_name_char(c)?;
            self.pos += c.len_utf8();
            if let Some(name) = unescaped.as_mut() {
                name.push(c);
            }
        }
        if self.pos == start {
            return Err(SyntaxError::new(start, "expected a field name"));
        }
        if !self.build {
            return Ok(String::new());
        }
        Ok(unescaped.unwrap_or_else(|| self.slice(start, self.pos).to_owned()))
    }

    /// Reads a `[…]` step.
    fn bracket_step(&mut self, depth: usize) -> Result<Selector, SyntaxError> {
        let open = self.pos;
        self.bump();
        self.skip_blanks();
        let selector = match self.peek() {
            None => return Err(unclosed_bracket(open)),
            Some('\'') | Some('"') => self.quoted_names(open)?,
            Some('*') => {
                self.forbid_in_reference(open, "the wildcard `[*]`")?;
                self.bump();
                Selector::Wildcard
            }
            Some('?') => {
                self.forbid_in_reference(open, "a filter `[?(…)]`")?;
                Selector::Filter(self.filter(depth + 1)?)
            }
            Some('(') => {
                self.forbid_in_reference(open, "a script expression `[(…)]`")?;
                Selector::Script(self.script(depth + 1)?)
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
        };
        self.skip_blanks();
        match self.peek() {
            Some(']') => {
                self.bump();
                Ok(selector)
            }
            None => Err(unclosed_bracket(open)),
            Some(c) => Err(SyntaxError::new(
                self.pos,
                format!("expected `]` to close the `[` at byte {open}, found `{c}`"),
            )),
        }
    }

    /// Reads `'a'` or a union `'a', 'b'` inside brackets.
    fn quoted_names(&mut self, open: usize) -> Result<Selector, SyntaxError> {
        let first = self.quoted_string()?;
        let mut names = Vec::new();
        loop {
            self.skip_blanks();
            if self.peek() != Some(',') {
                break;
            }
            self.forbid_in_reference(open, "a union such as `['a','b']`")?;
            self.bump();
            self.skip_blanks();
            match self.peek() {
                Some('\'') | Some('"') => names.push(self.quoted_string()?),
                _ => {
                    return Err(SyntaxError::new(
                        self.pos,
                        "expected another quoted field name after `,`",
                    ))
                }
            }
        }
        if names.is_empty() {
            return Ok(Selector::Name(first));
        }
        names.insert(0, first);
        Ok(Selector::Names(names))
    }

    /// Reads a `'…'` or `"…"` string; a backslash keeps the character after
    /// it (so `\'` is a quote inside the string).
    pub(super) fn quoted_string(&mut self) -> Result<String, SyntaxError> {
        let open = self.pos;
        let Some(quote) = self.bump() else {
            return Err(SyntaxError::new(open, "expected a quoted string"));
        };
        let mut text = String::new();
        loop {
            match self.bump() {
                None => {
                    return Err(SyntaxError::new(
                        open,
                        format!("unterminated quoted string: add the closing `{quote}`"),
                    ))
                }
                Some('\\') => {
                    let Some(escaped) = self.bump() else {
                        return Err(SyntaxError::new(
                            open,
                            format!(
                                "unterminated quoted string (it ends with a dangling `\\`): \
                                 add the closing `{quote}`"
                            ),
                        ));
                    };
                    if self.build {
                        text.push(escaped);
                    }
                }
                Some(c) if c == quote => return Ok(text),
                Some(c) if self.build => text.push(c),
                Some(_) => {}
            }
        }
    }

    /// Reads an index, a union of indexes or a slice inside brackets.
    fn indexes(&mut self) -> Result<Selector, SyntaxError> {
        let start = self.pos;
        let first = self.opt_int()?;
        self.skip_blanks();
        if self.peek() == Some(':') {
            self.forbid_in_reference(start, "a slice such as `[1:3]`")?;
            self.bump();
            self.skip_blanks();
            let end = self.opt_int()?;
            self.skip_blanks();
            let mut step = None;
            if self.eat(':') {
                self.skip_blanks();
                let step_at = self.pos;
                step = self.opt_int()?;
                if let Some(IntLit { value: 0, .. }) = step {
                    return Err(SyntaxError::new(step_at, "a slice step must not be 0"));
                }
                self.skip_blanks();
            }
            return Ok(Selector::Slice(Slice {
                start: first.map(|i| i.value),
                end: end.map(|i| i.value),
                step: step.map(|i| i.value),
            }));
        }
        let Some(first) = first else {
            return Err(SyntaxError::new(start, "expected an index"));
        };
        self.check_reference_index(start, first.negative)?;
        let mut indexes = Vec::new();
        while self.peek() == Some(',') {
            self.forbid_in_reference(start, "a union such as `[0,1]`")?;
            self.bump();
            self.skip_blanks();
            let at = self.pos;
            let Some(next) = self.opt_int()? else {
                return Err(SyntaxError::new(at, "expected an index after `,`"));
            };
            indexes.push(next.value);
            self.skip_blanks();
        }
        if indexes.is_empty() {
            return Ok(Selector::Index(first.value));
        }
        indexes.insert(0, first.value);
        Ok(Selector::Indexes(indexes))
    }

    /// Reads an optional `-?[0-9]+` that must fit a 32-bit signed integer.
    fn opt_int(&mut self) -> Result<Option<IntLit>, SyntaxError> {
        let start = self.pos;
        let negative = self.eat('-');
        if !self.digits() {
            if negative {
                return Err(SyntaxError::new(start, "expected digits after `-`"));
            }
            return Ok(None);
        }
        let text = self.slice(start, self.pos);
        let Ok(value) = text.parse::<i32>() else {
            return Err(SyntaxError::new(
                start,
                format!("the index `{text}` is out of range"),
            ));
        };
        Ok(Some(IntLit {
            value,
            negative: value < 0,
        }))
    }
}

/// The error for a `[` without its `]`.
fn unclosed_bracket(open: usize) -> SyntaxError {
    SyntaxError::new(open, "unclosed `[`: add the matching `]`")
}

/// Whether `c` ends a dot-name in context `ctx` (besides `.` and `[`).
#[inline]
pub(super) fn is_name_stop(c: char, ctx: Ctx) -> bool {
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
pub(super) fn is_ident_start(c: char) -> bool {
    c.is_alphabetic() || c == '_'
}

/// Later character of a variable name (approximates `ID_Continue`).
pub(super) fn is_ident_continue(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}
