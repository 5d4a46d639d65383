//! Escapes and character classes of a regular-expression pattern: what
//! follows a `\` outside brackets, a `[...]` set and its members, and the
//! character escapes both share (`\n`, `\cJ`, `\xHH`, `\uHHHH`, octal
//! digits, and any other character standing for itself).

use super::{ClassEscape, PatternError, Reader, RegexItem, SetMember};

impl Reader {
    /// After `\` at `start` outside brackets: the item and whether it can
    /// be repeated.
    pub(super) fn escape(&mut self, start: usize) -> Result<(RegexItem, bool), PatternError> {
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
    pub(super) fn set(&mut self, start: usize) -> Result<RegexItem, PatternError> {
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
