//! Where a problem is: a path from the document's root, as segments.

use std::fmt;

/// One step of a [`Path`]: an object member or an array element.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Segment {
    /// An object member, by key.
    Key(Box<str>),
    /// An array element, by index.
    Index(usize),
}

/// A path from the root of a definition to a value in it, as segments.
///
/// Displayed the way the ASL documentation writes fields,
/// `States.Fetch.Retry[1].BackoffRate` (keys that are not plain words are
/// quoted: `States["Say hi"].Next`; the document itself is `(root)`), and
/// available as a JSON Pointer (`/States/Fetch/Retry/1/BackoffRate`).
///
/// ```
/// use stepfn::problem::Path;
/// let path = Path::root().key("States").key("Say hi").key("Retry").index(1);
/// assert_eq!(path.to_string(), r#"States["Say hi"].Retry[1]"#);
/// assert_eq!(path.to_json_pointer(), "/States/Say hi/Retry/1");
/// assert_eq!(path, "States[\"Say hi\"].Retry[1]");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Path(Vec<Segment>);

impl Path {
    /// The document itself.
    ///
    /// ```
    /// assert_eq!(stepfn::problem::Path::root().to_string(), "(root)");
    /// ```
    #[must_use]
    pub fn root() -> Path {
        Path(Vec::new())
    }

    /// This path followed by the member `key`.
    ///
    /// ```
    /// let path = stepfn::problem::Path::root().key("States").key("Fetch");
    /// assert_eq!(path.to_string(), "States.Fetch");
    /// ```
    #[must_use]
    pub fn key(mut self, key: impl AsRef<str>) -> Path {
        self.0.push(Segment::Key(key.as_ref().into()));
        self
    }

    /// This path followed by the array element `index`.
    ///
    /// ```
    /// let path = stepfn::problem::Path::root().key("Retry").index(0);
    /// assert_eq!(path.to_string(), "Retry[0]");
    /// ```
    #[must_use]
    pub fn index(mut self, index: usize) -> Path {
        self.0.push(Segment::Index(index));
        self
    }

    /// This path followed by `segment`.
    ///
    /// ```
    /// use stepfn::problem::{Path, Segment};
    /// let path = Path::root().key("States").push(Segment::Index(0));
    /// assert_eq!(path.to_string(), "States[0]");
    /// ```
    #[must_use]
    pub fn push(mut self, segment: Segment) -> Path {
        self.0.push(segment);
        self
    }

    /// The segments, first to last.
    ///
    /// ```
    /// use stepfn::problem::{Path, Segment};
    /// let path = Path::root().key("States").index(2);
    /// assert_eq!(path.segments(), [Segment::Key("States".into()), Segment::Index(2)]);
    /// ```
    #[must_use]
    pub fn segments(&self) -> &[Segment] {
        &self.0
    }

    /// Whether this path is `prefix` or lies below it.
    ///
    /// ```
    /// use stepfn::problem::Path;
    /// let state = Path::root().key("States").key("A");
    /// assert!(state.clone().key("Next").starts_with(&state));
    /// assert!(!Path::root().key("States").starts_with(&state));
    /// ```
    #[must_use]
    pub fn starts_with(&self, prefix: &Path) -> bool {
        self.0.starts_with(&prefix.0)
    }

    /// The path as a JSON Pointer (RFC 6901): `/States/Fetch/Retry/1`, with
    /// `~` written `~0` and `/` written `~1`; the root is the empty string.
    ///
    /// ```
    /// let path = stepfn::problem::Path::root().key("States").key("a/b~c");
    /// assert_eq!(path.to_json_pointer(), "/States/a~1b~0c");
    /// ```
    #[must_use]
    pub fn to_json_pointer(&self) -> String {
        let mut out = String::new();
        for segment in &self.0 {
            out.push('/');
            match segment {
                Segment::Key(key) => {
                    for c in key.chars() {
                        match c {
                            '~' => out.push_str("~0"),
                            '/' => out.push_str("~1"),
                            c => out.push(c),
                        }
                    }
                }
                Segment::Index(i) => out.push_str(&i.to_string()),
            }
        }
        out
    }
}

impl From<Vec<Segment>> for Path {
    fn from(segments: Vec<Segment>) -> Path {
        Path(segments)
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("(root)");
        }
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Key(key) if is_plain(key) => {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(key)?;
                }
                Segment::Key(key) => write!(f, "[{}]", quoted(key))?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

impl PartialEq<str> for Path {
    /// Compares with the displayed form, `States.Fetch.Retry[1]`.
    fn eq(&self, other: &str) -> bool {
        let mut rendered = Comparer {
            rest: other,
            equal: true,
        };
        fmt::write(&mut rendered, format_args!("{self}")).is_ok()
            && rendered.equal
            && rendered.rest.is_empty()
    }
}

impl PartialEq<&str> for Path {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

/// Compares written text with a string as it is written, without allocating.
struct Comparer<'a> {
    rest: &'a str,
    equal: bool,
}

impl fmt::Write for Comparer<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        match self.rest.strip_prefix(s) {
            Some(rest) if self.equal => self.rest = rest,
            _ => self.equal = false,
        }
        Ok(())
    }
}

impl PartialEq<Path> for str {
    fn eq(&self, other: &Path) -> bool {
        other == self
    }
}

impl PartialEq<Path> for &str {
    fn eq(&self, other: &Path) -> bool {
        other == *self
    }
}

/// Keys written without brackets: letters, digits, `_` and `-`.
fn is_plain(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

/// A key as a JSON string literal, for the bracketed form.
fn quoted(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 2);
    out.push('"');
    for c in key.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::Path;

    #[test]
    fn renders_dotted_paths_with_indexes_and_quoted_keys() {
        let retry = Path::root()
            .key("States")
            .key("Fetch")
            .key("Retry")
            .index(1);
        assert_eq!(
            retry.clone().key("BackoffRate").to_string(),
            "States.Fetch.Retry[1].BackoffRate"
        );
        let odd = Path::root().key("States").key("say \"hi\"\n").key("Next");
        assert_eq!(odd.to_string(), r#"States["say \"hi\"\n"].Next"#);
        assert_eq!(Path::root().to_string(), "(root)");
        assert_eq!(Path::root().index(0).to_string(), "[0]");
    }

    #[test]
    fn json_pointers_escape_tilde_and_slash() {
        assert_eq!(Path::root().to_json_pointer(), "");
        let path = Path::root().key("a~/b").index(3).key("");
        assert_eq!(path.to_json_pointer(), "/a~0~1b/3/");
    }
}
