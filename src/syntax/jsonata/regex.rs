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

    /// After `\` at `start` outside brackets: the item and whether it can
    /// be repeated.
    fn escape(&mut self, start: usize) -> Result<(RegexItem, bool), PatternError> {
        let Some(c) = self.at(self.i) else {
            return Err(self.error(start, "\\ at end of pattern"));
        };
        self.i += 1;
        let item = match c {
            'b' => return Ok((RegexItem::WordBoundary, false)),
            'B' => return Ok((RegexItem::NotWordBoundary, false)),
            'd' => RegexItem::Escape(ClassEscape::Digit),
            'D' => RegexItem::Escape(ClassEscape::NotDigit),
            'w' => RegexItem::Escape(ClassEscape::Word),
            'W' => RegexItem::Escape(ClassEscape::NotWord),
            's' => RegexItem::Escape(ClassEscape::Space),
            'S' => RegexItem::Escape(ClassEscape::NotSpace),
            'k' if !self.names.is_empty() => {
                if self.at(self.i) != Some('<') {
                    return Err(self.error(start, "Invalid named reference"));
                }
                self.i += 1;
                let name = self.group_name(start)?;
                if !self.names.contains(&name) {
                    return Err(self.error(start, "Invalid named capture referenced"));
                }
                RegexItem::NamedBackreference(name)
            }
            '1'..='9' => {
                let mut j = self.i - 1;
                let number = self.digits(&mut j).unwrap_or(0);
                if number <= self.captures {
                    self.i = j;
                    RegexItem::Backreference(number)
                } else {
                    self.i -= 1;
                    self.character_escape(false)
                }
            }
            _ => {
                self.i -= 1;
                self.character_escape(false)
            }
        };
        Ok((item, true))
    }

    /// A character escape at the current character (the one after `\`),
    /// consuming it: controls, `\cX`, `\xHH`, `\uHHHH`, octal, identity.
    fn character_escape(&mut self, in_set: bool) -> RegexItem {
        let Some(c) = self.at(self.i) else {
            return RegexItem::Char('\\');
        };
        self.i += 1;
        let decoded = match c {
            'f' => '\u{c}',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'v' => '\u{b}',
            'c' => {
                let letter = self.at(self.i).filter(|l| {
                    l.is_ascii_alphabetic() || (in_set && (l.is_ascii_digit() || *l == '_'))
                });
                match letter {
                    Some(l) => {
                        self.i += 1;
                        char::from(u8::try_from(u32::from(l) % 32).unwrap_or(0))
                    }
                    None => {
                        // `\c` without a letter: a backslash, then `c` as written
                        self.i -= 1;
                        '\\'
                    }
                }
            }
            'x' => match self.hex(2) {
                Some(code) => char::from_u32(code).unwrap_or('x'),
                None => 'x',
            },
            'u' => match self.hex(4) {
                Some(code) => match char::from_u32(code) {
                    Some(ch) => ch,
                    None => return RegexItem::LoneSurrogate(u16::try_from(code).unwrap_or(0)),
                },
                None => 'u',
            },
            '0'..='7' => {
                // legacy octal: up to three digits, at most \377
                let mut value = c.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match self.at(self.i).and_then(|d| d.to_digit(8)) {
                        Some(d) if value * 8 + d <= 0o377 => {
                            value = value * 8 + d;
                            self.i += 1;
                        }
                        _ => break,
                    }
                }
                char::from_u32(value).unwrap_or('\0')
            }
            other => other,
        };
        RegexItem::Char(decoded)
    }

    /// Reads exactly `n` hex digits if they are there (consumed).
    fn hex(&mut self, n: usize) -> Option<u32> {
        let mut value = 0u32;
        for k in 0..n {
            let d = self.at(self.i + k)?.to_digit(16)?;
            value = value * 16 + d;
        }
        self.i += n;
        Some(value)
    }

    /// After `[` at `start`: the set through its closing `]`.
    fn set(&mut self, start: usize) -> Result<RegexItem, PatternError> {
        let negated = self.at(self.i) == Some('^');
        if negated {
            self.i += 1;
        }
        let mut members = Vec::new();
        loop {
            let Some(c) = self.at(self.i) else {
                return Err(self.error(start, "Unterminated character class"));
            };
            if c == ']' {
                self.i += 1;
                return Ok(RegexItem::Set { negated, members });
            }
            let first = self.set_atom()?;
            if self.at(self.i) == Some('-') && !matches!(self.at(self.i + 1), Some(']') | None) {
                let dash = self.i;
                self.i += 1;
                let second = self.set_atom()?;
                match (&first, &second) {
                    (SetMember::Char(a), SetMember::Char(b)) => {
                        if a > b {
                            return Err(self.error(dash, "Range out of order in character class"));
                        }
                        members.push(SetMember::Range(*a, *b));
                    }
                    _ => {
                        // a class escape at either end: three members
                        members.push(first);
                        members.push(SetMember::Char('-'));
                        members.push(second);
                    }
                }
            } else {
                members.push(first);
            }
        }
    }

    /// One character or class escape inside brackets.
    fn set_atom(&mut self) -> Result<SetMember, PatternError> {
        let Some(c) = self.at(self.i) else {
            return Err(self.error(self.i, "Unterminated character class"));
        };
        self.i += 1;
        if c != '\\' {
            return Ok(SetMember::Char(c));
        }
        let Some(e) = self.at(self.i) else {
            return Err(self.error(self.i, "\\ at end of pattern"));
        };
        let escape = match e {
            'd' => Some(ClassEscape::Digit),
            'D' => Some(ClassEscape::NotDigit),
            'w' => Some(ClassEscape::Word),
            'W' => Some(ClassEscape::NotWord),
            's' => Some(ClassEscape::Space),
            'S' => Some(ClassEscape::NotSpace),
            _ => None,
        };
        if let Some(escape) = escape {
            self.i += 1;
            return Ok(SetMember::Escape(escape));
        }
        if e == 'b' {
            self.i += 1;
            return Ok(SetMember::Char('\u{8}'));
        }
        Ok(match self.character_escape(true) {
            RegexItem::LoneSurrogate(unit) => SetMember::LoneSurrogate(unit),
            RegexItem::Char(ch) => SetMember::Char(ch),
            _ => SetMember::Char(e),
        })
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
mod tests {
    use super::*;

    fn ok(pattern: &str) -> Vec<RegexItem> {
        parse_pattern(pattern).unwrap_or_else(|e| panic!("{pattern:?}: {e:?}"))
    }

    fn err(pattern: &str) -> String {
        match parse_pattern(pattern) {
            Ok(items) => panic!("{pattern:?} accepted: {items:?}"),
            Err(e) => e.message,
        }
    }

    #[test]
    fn accepts_what_javascript_accepts() {
        for pattern in [
            "a",
            "ab+c",
            "^a.b$",
            "a{2}",
            "a{2,}",
            "a{2,3}?",
            "a{",
            "a{x}",
            "{",
            "}",
            "]",
            "a{,3}",
            "[a-z]",
            "[^a-z0-9_]",
            "[]",
            "[^]",
            "[\\d-z]",
            "[-a]",
            "[a-]",
            "\\d\\w\\s\\D\\W\\S",
            "(a)(?:b)(?=c)(?!d)(?<=e)(?<!f)",
            "(?<year>\\d{4})\\k<year>",
            "\\1(a)",
            "\\8",
            "\\k",
            "\\c",
            "\\cA",
            "\\x4",
            "\\x41",
            "\\u00e9",
            "\\u12",
            "\\/",
            "\\q",
            "a|b|",
            "(?=a)*",
            "\\0",
            "\\012",
            "[\\b]",
            "[\\B]",
            "[\\c1]",
            "(|)",
            "\\uD83D\\uDE00",
        ] {
            ok(pattern);
        }
    }

    #[test]
    fn rejects_what_javascript_rejects() {
        assert_eq!(err("*"), "Nothing to repeat");
        assert_eq!(err("a**"), "Nothing to repeat");
        assert_eq!(err("a+*"), "Nothing to repeat");
        assert_eq!(err("(*)"), "Nothing to repeat");
        assert_eq!(err("a|*"), "Nothing to repeat");
        assert_eq!(err("^*"), "Nothing to repeat");
        assert_eq!(err("\\b+"), "Nothing to repeat");
        assert_eq!(err("{1}"), "Nothing to repeat");
        assert_eq!(err("(?<=a)+"), "Nothing to repeat");
        assert_eq!(err("a{2,1}"), "numbers out of order in {} quantifier");
        assert_eq!(err("(a"), "Unterminated group");
        assert_eq!(err("a)"), "Unmatched ')'");
        assert_eq!(err("[a"), "Unterminated character class");
        assert_eq!(err("[b-a]"), "Range out of order in character class");
        assert_eq!(err("(?x)"), "Invalid group");
        assert_eq!(err("(?<1>a)"), "Invalid capture group name");
        assert_eq!(err("(?<a>x)(?<a>y)"), "Duplicate capture group name");
        assert_eq!(err("(?<a>x)\\k<b>"), "Invalid named capture referenced");
        assert_eq!(err("(?<a>x)\\k"), "Invalid named reference");
        assert_eq!(err("a\\"), "\\ at end of pattern");
    }

    #[test]
    fn decodes_escapes() {
        assert_eq!(
            ok("\\x41\\u00e9\\n\\cJ\\101\\8\\q"),
            "Aé\n\nA8q".chars().map(RegexItem::Char).collect::<Vec<_>>()
        );
        assert_eq!(ok("\\c"), vec![RegexItem::Char('\\'), RegexItem::Char('c')]);
        assert_eq!(ok("\\uD83D\\uDE00"), vec![RegexItem::Char('😀')]);
        assert_eq!(ok("\\uD83D"), vec![RegexItem::LoneSurrogate(0xD83D)]);
        assert_eq!(
            ok("(a)\\1\\2"),
            vec![
                RegexItem::Open(GroupKind::Capture(None)),
                RegexItem::Char('a'),
                RegexItem::Close,
                RegexItem::Backreference(1),
                RegexItem::Char('\u{2}'),
            ]
        );
        assert_eq!(
            ok("[\\d-z]"),
            vec![RegexItem::Set {
                negated: false,
                members: vec![
                    SetMember::Escape(ClassEscape::Digit),
                    SetMember::Char('-'),
                    SetMember::Char('z')
                ]
            }]
        );
        assert_eq!(
            ok("a{2,}?"),
            vec![
                RegexItem::Char('a'),
                RegexItem::Repeat {
                    min: 2,
                    max: None,
                    lazy: true
                }
            ]
        );
    }

    #[test]
    fn error_offsets_are_bytes() {
        let e = parse_pattern("é(").unwrap_err();
        assert_eq!(e.offset, 2);
    }

    #[test]
    fn long_patterns_are_flat() {
        let deep = "(".repeat(100_000) + &")".repeat(100_000);
        assert_eq!(ok(&deep).len(), 200_000);
        assert!(parse_pattern(&"a*".repeat(50_000)).is_ok());
    }
}
