//! The pattern of a regular-expression literal, read as JavaScript reads it.
//!
//! JSONata hands the text between the slashes to JavaScript's `RegExp`
//! without the `u` flag, so the pattern follows ECMAScript syntax with the
//! web-compatibility rules of its Annex B: a `{` that does not start a
//! quantifier, a lone `]` or `}`, an unknown escape such as `\q`, `\c`
//! without a letter, `\8` and octal escapes all stand for plain characters.
//! What JavaScript rejects is rejected here: nothing to repeat, unbalanced
//! parentheses, an unterminated class, a range out of order, quantifier
//! bounds out of order, an unknown group kind, a bad or duplicate group name,
//! a named back-reference to no group, and a `\` at the end.
//!
//! [`parse_pattern`] returns the pattern as a flat list of [`RegexItem`]s,
//! with escapes decoded and groups as open/close markers, so a consumer can
//! translate it without recursion.

mod escapes_and_sets;

/// One element of a parsed pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegexItem {
    /// A character to match (escapes decoded; case folding is the flag's job).
    Char(char),
    /// A UTF-16 code unit that is half of a surrogate pair and was not
    /// joined with its other half (`\uD83D` alone); no string matches it.
    LoneSurrogate(u16),
    /// `.`: any character but a line terminator.
    Any,
    /// `^`
    Start,
    /// `$`
    End,
    /// `\b`
    WordBoundary,
    /// `\B`
    NotWordBoundary,
    /// `\d`, `\D`, `\w`, `\W`, `\s` or `\S` outside brackets.
    Escape(ClassEscape),
    /// `[…]` or `[^…]`.
    Set {
        /// `[^…]`
        negated: bool,
        /// The members, in order.
        members: Vec<SetMember>,
    },
    /// The start of a group.
    Open(GroupKind),
    /// The end of the innermost open group.
    Close,
    /// `|`
    Alternation,
    /// A quantifier applying to the item (or group) before it.
    Repeat {
        /// Fewest repetitions.
        min: u32,
        /// Most repetitions; `None` for no limit.
        max: Option<u32>,
        /// A trailing `?`: as few as possible.
        lazy: bool,
    },
    /// `\1`…: a back-reference to a numbered group.
    Backreference(u32),
    /// `\k<name>`: a back-reference to a named group.
    NamedBackreference(String),
}

/// The class escapes `\d`, `\w`, `\s` and their complements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClassEscape {
    /// `\d`: `0`–`9`.
    Digit,
    /// `\D`
    NotDigit,
    /// `\w`: ASCII letters, digits and `_`.
    Word,
    /// `\W`
    NotWord,
    /// `\s`: JavaScript white space and line terminators.
    Space,
    /// `\S`
    NotSpace,
}

/// One member of a bracketed set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetMember {
    /// A single character.
    Char(char),
    /// `a-z`, both ends included.
    Range(char, char),
    /// `\d` and friends inside brackets.
    Escape(ClassEscape),
    /// A lone surrogate code unit (matches nothing).
    LoneSurrogate(u16),
}

/// What kind of group an [`RegexItem::Open`] starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GroupKind {
    /// `(…)` or `(?<name>…)`.
    Capture(Option<String>),
    /// `(?:…)`
    NonCapture,
    /// `(?=…)`, or `(?!…)` when `negative`.
    Lookahead {
        /// `(?!…)`
        negative: bool,
    },
    /// `(?<=…)`, or `(?<!…)` when `negative`.
    Lookbehind {
        /// `(?<!…)`
        negative: bool,
    },
}

/// A pattern JavaScript rejects: byte offset in the pattern and the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternError {
    /// Byte offset within the pattern.
    pub offset: usize,
    /// What is wrong, in JavaScript's words.
    pub message: String,
}

/// Parses an ECMAScript regular-expression pattern (no `u` flag).
///
/// ```
/// use stepfn::syntax::jsonata::{parse_pattern, RegexItem};
/// assert_eq!(parse_pattern("a+")?, vec![
///     RegexItem::Char('a'),
///     RegexItem::Repeat { min: 1, max: None, lazy: false },
/// ]);
/// assert_eq!(parse_pattern("a**").unwrap_err().message, "Nothing to repeat");
/// # Ok::<(), stepfn::syntax::jsonata::PatternError>(())
/// ```
pub fn parse_pattern(pattern: &str) -> Result<Vec<RegexItem>, PatternError> {
    let (captures, names) = count_groups(pattern);
    let mut reader = Reader {
        chars: pattern.char_indices().collect(),
        len: pattern.len(),
        i: 0,
        captures,
        names,
        seen_names: Vec::new(),
    };
    reader.items()
}

/// Counts the capturing groups and collects group names, the way the
/// parser needs them before it starts (for `\N` and `\k<name>`).
fn count_groups(pattern: &str) -> (u32, Vec<String>) {
    let chars: Vec<char> = pattern.chars().collect();
    let mut count = 0u32;
    let mut names = Vec::new();
    let mut i = 0;
    let mut in_class = false;
    while let Some(&c) = chars.get(i) {
        match c {
            '\\' => i += 1,
            '[' => in_class = true,
            ']' => in_class = false,
            '(' if !in_class => {
                if chars.get(i + 1) != Some(&'?') {
                    count = count.saturating_add(1);
                } else if chars.get(i + 2) == Some(&'<')
                    && !matches!(chars.get(i + 3), Some('=' | '!'))
                {
                    count = count.saturating_add(1);
                    let name: String = chars
                        .iter()
                        .skip(i + 3)
                        .take_while(|&&c| c != '>')
                        .collect();
                    names.push(name);
                }
            }
            _ => {}
        }
        i += 1;
    }
    (count, names)
}

/// The parser's state.
struct Reader {
    /// The pattern's characters with their byte offsets.
    chars: Vec<(usize, char)>,
    /// Byte length of the pattern.
    len: usize,
    /// Index of the next character.
    i: usize,
    /// Number of capturing groups in the whole pattern.
    captures: u32,
    /// Names of the named groups in the whole pattern.
    names: Vec<String>,
    /// Names defined so far (for duplicates).
    seen_names: Vec<String>,
}

impl Reader {
    /// The character at index `i`.
    fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).map(|&(_, c)| c)
    }

    /// Byte offset of character index `i` (the pattern length past the end).
    fn offset(&self, i: usize) -> usize {
        self.chars.get(i).map_or(self.len, |&(o, _)| o)
    }

    /// An error at character index `i`.
    fn error(&self, i: usize, message: &str) -> PatternError {
        PatternError {
            offset: self.offset(i),
            message: message.to_string(),
        }
    }

    /// Reads the whole pattern.
    fn items(&mut self) -> Result<Vec<RegexItem>, PatternError> {
        let mut items = Vec::new();
        // open groups: where each starts and whether it is a lookbehind
        let mut open: Vec<(usize, bool)> = Vec::new();
        // whether the last item can take a quantifier
        let mut quantifiable = false;
        while let Some(c) = self.at(self.i) {
            let start = self.i;
            self.i += 1;
            let mut next_quantifiable = true;
            let item = match c {
                '^' => {
                    next_quantifiable = false;
                    RegexItem::Start
                }
                '$' => {
                    next_quantifiable = false;
                    RegexItem::End
                }
                '.' => RegexItem::Any,
                '|' => {
                    next_quantifiable = false;
                    RegexItem::Alternation
                }
                '(' => {
                    let kind = self.group_kind(start)?;
                    open.push((start, matches!(kind, GroupKind::Lookbehind { .. })));
                    next_quantifiable = false;
                    RegexItem::Open(kind)
                }
                ')' => {
                    let Some((_, lookbehind)) = open.pop() else {
                        return Err(self.error(start, "Unmatched ')'"));
                    };
                    // a lookbehind cannot be repeated
                    next_quantifiable = !lookbehind;
                    RegexItem::Close
                }
                '*' | '+' | '?' => {
                    if !quantifiable {
                        return Err(self.error(start, "Nothing to repeat"));
                    }
                    let (min, max) = match c {
                        '*' => (0, None),
                        '+' => (1, None),
                        _ => (0, Some(1)),
                    };
                    next_quantifiable = false;
                    RegexItem::Repeat {
                        min,
                        max,
                        lazy: self.lazy(),
                    }
                }
                '{' => match self.braces()? {
                    Some((min, max)) => {
                        if !quantifiable {
                            return Err(self.error(start, "Nothing to repeat"));
                        }
                        next_quantifiable = false;
                        RegexItem::Repeat {
                            min,
                            max,
                            lazy: self.lazy(),
                        }
                    }
                    None => RegexItem::Char('{'),
                },
                '[' => self.set(start)?,
                '\\' => {
                    let (item, repeatable) = self.escape(start)?;
                    next_quantifiable = repeatable;
                    item
                }
                other => RegexItem::Char(other),
            };
            quantifiable = next_quantifiable;
            items.push(item);
        }
        if let Some(&(start, _)) = open.last() {
            return Err(self.error(start, "Unterminated group"));
        }
        Ok(join_surrogates(items))
    }

    /// After `(` at `start`: the group kind, consuming `?:`, `?=`, `?<name>`, ….
    fn group_kind(&mut self, start: usize) -> Result<GroupKind, PatternError> {
        if self.at(self.i) != Some('?') {
            return Ok(GroupKind::Capture(None));
        }
        let kind = match (self.at(self.i + 1), self.at(self.i + 2)) {
            (Some(':'), _) => GroupKind::NonCapture,
            (Some('='), _) => GroupKind::Lookahead { negative: false },
            (Some('!'), _) => GroupKind::Lookahead { negative: true },
            (Some('<'), Some('=')) => GroupKind::Lookbehind { negative: false },
            (Some('<'), Some('!')) => GroupKind::Lookbehind { negative: true },
            (Some('<'), _) => {
                self.i += 2;
                let name = self.group_name(start)?;
                if self.seen_names.contains(&name) {
                    return Err(self.error(start, "Duplicate capture group name"));
                }
                self.seen_names.push(name.clone());
                return Ok(GroupKind::Capture(Some(name)));
            }
            _ => return Err(self.error(start, "Invalid group")),
        };
        self.i += match kind {
            GroupKind::Lookbehind { .. } => 3,
            _ => 2,
        };
        Ok(kind)
    }

    /// A group name and its closing `>`, after `<`.
    fn group_name(&mut self, start: usize) -> Result<String, PatternError> {
        let mut name = String::new();
        loop {
            match self.at(self.i) {
                Some('>') if !name.is_empty() => {
                    self.i += 1;
                    return Ok(name);
                }
                Some(c) if is_name_char(c, name.is_empty()) => {
                    name.push(c);
                    self.i += 1;
                }
                _ => return Err(self.error(start, "Invalid capture group name")),
            }
        }
    }

    /// Consumes a `?` after a quantifier.
    fn lazy(&mut self) -> bool {
        let lazy = self.at(self.i) == Some('?');
        if lazy {
            self.i += 1;
        }
        lazy
    }

    /// After `{`: a quantifier `{n}`, `{n,}` or `{n,m}` if one is there
    /// (consumed), or `None` (nothing consumed) for a literal `{`.
    fn braces(&mut self) -> Result<Option<(u32, Option<u32>)>, PatternError> {
        let start = self.i;
        let mut j = self.i;
        let min = self.digits(&mut j);
        let Some(min) = min else {
            return Ok(None);
        };
        let max = if self.at(j) == Some(',') {
            j += 1;
            self.digits(&mut j)
        } else {
            Some(min)
        };
        if self.at(j) != Some('}') {
            return Ok(None);
        }
        if max.is_some_and(|max| max < min) {
            return Err(self.error(start, "numbers out of order in {} quantifier"));
        }
        self.i = j + 1;
        Ok(Some((min, max)))
    }

    /// Reads decimal digits at `*j` (saturating), advancing `*j`.
    fn digits(&self, j: &mut usize) -> Option<u32> {
        let mut value: Option<u32> = None;
        while let Some(d) = self.at(*j).and_then(|c| c.to_digit(10)) {
            value = Some(value.unwrap_or(0).saturating_mul(10).saturating_add(d));
            *j += 1;
        }
        value
    }
}

/// Whether `c` may appear in a group name (`first`: as its first character).
fn is_name_char(c: char, first: bool) -> bool {
    c == '$' || c == '_' || c.is_alphabetic() || (!first && c.is_alphanumeric())
}

/// Joins `\uD83D\uDE00`-style escaped surrogate pairs into one character.
fn join_surrogates(items: Vec<RegexItem>) -> Vec<RegexItem> {
    let mut out: Vec<RegexItem> = Vec::with_capacity(items.len());
    for item in items {
        if let (RegexItem::LoneSurrogate(low), Some(RegexItem::LoneSurrogate(high))) =
            (&item, out.last())
        {
            if (0xD800..0xDC00).contains(high) && (0xDC00..0xE000).contains(low) {
                let code =
                    0x10000 + ((u32::from(*high) - 0xD800) << 10) + (u32::from(*low) - 0xDC00);
                if let Some(ch) = char::from_u32(code) {
                    out.pop();
                    out.push(RegexItem::Char(ch));
                    continue;
                }
            }
        }
        out.push(item);
    }
    out
}

#[cfg(test)]
mod tests;
