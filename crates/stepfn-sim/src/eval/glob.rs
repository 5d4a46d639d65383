//! `StringMatches` patterns: `*` matches any run of characters (none
//! included); `\*` is a literal star and `\\` a literal backslash. A
//! pattern ending in a lone `\` cannot match and is an error.

/// A compiled pattern: literal pieces that `*`s separate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Glob {
    pieces: Vec<Vec<char>>,
}

impl Glob {
    /// Compiles a pattern; `None` when it ends in a lone backslash.
    pub(crate) fn new(pattern: &str) -> Option<Glob> {
        let mut pieces = vec![Vec::new()];
        let mut chars = pattern.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => pieces.last_mut()?.push(chars.next()?),
                '*' => pieces.push(Vec::new()),
                c => pieces.last_mut()?.push(c),
            }
        }
        Some(Glob { pieces })
    }

    /// Whether `text` matches the whole pattern. The first piece anchors
    /// the start, the last the end, and the ones between are found left to
    /// right, which is enough for `*`-only patterns (linear time).
    pub(crate) fn matches(&self, text: &str) -> bool {
        let text: Vec<char> = text.chars().collect();
        let Some((first, rest)) = self.pieces.split_first() else {
            return text.is_empty();
        };
        if !text.starts_with(first) {
            return false;
        }
        let Some((last, middle)) = rest.split_last() else {
            return text.len() == first.len();
        };
        let mut at = first.len();
        for piece in middle {
            match find(&text[at..], piece) {
                Some(found) => at += found + piece.len(),
                None => return false,
            }
        }
        text.len() >= at + last.len() && text.ends_with(last)
    }
}

/// Where `needle` first occurs in `haystack`.
fn find(haystack: &[char], needle: &[char]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(pattern: &str, text: &str) -> bool {
        Glob::new(pattern).unwrap().matches(text)
    }

    #[test]
    fn stars_match_any_run() {
        assert!(m("log-*.txt", "log-.txt"));
        assert!(m("log-*.txt", "log-2024.txt"));
        assert!(!m("log-*.txt", "log-2024.txt.bak"));
        assert!(m("*", ""));
        assert!(m("a*b*c", "abc"));
        assert!(m("a*b*c", "aXbYbZc"));
        assert!(!m("a*b*c", "acb"));
        assert!(m("", ""));
        assert!(!m("", "x"));
        assert!(m("*ab", "aab"));
        assert!(!m("ab*ba", "aba"));
    }

    #[test]
    fn backslash_escapes() {
        assert!(m("a\\*b", "a*b"));
        assert!(!m("a\\*b", "aXb"));
        assert!(m("a\\\\b", "a\\b"));
        assert!(Glob::new("a\\").is_none());
    }
}
