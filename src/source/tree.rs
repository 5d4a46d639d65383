//! The document a template or a definition file was read into, JSON or YAML
//! alike: every value with the byte offset it starts at, YAML's local tags
//! (`!Sub`, `!Ref`, ...) kept, and for strings where their text is in the file.

/// A value and where it is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    /// The byte offset in the file where the value (or its tag) starts.
    pub(crate) at: u32,
    /// A YAML local tag without its `!` (`Sub` for `!Sub`); `None` in JSON.
    pub(crate) tag: Option<String>,
    pub(crate) value: Value,
}

/// The value of a [`Node`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Bool(bool),
    /// A number as JSON writes it.
    Number(String),
    String(Scalar),
    Seq(Vec<Node>),
    Map(Vec<Entry>),
}

/// A string and the text it was written as.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Scalar {
    /// The string's value.
    pub(crate) text: String,
    /// Where the characters of the value start in the file (after the
    /// opening quote or the block header).
    pub(crate) raw_at: u32,
    /// Where the text written for the value ends in the file.
    pub(crate) raw_end: u32,
    /// Whether `\` starts an escape sequence in the written text (JSON
    /// strings, YAML double-quoted scalars).
    pub(crate) escapes: bool,
}

/// One `key: value` pair of a mapping, in the file's order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    pub(crate) key: String,
    pub(crate) key_at: u32,
    pub(crate) value: Node,
}

impl Node {
    /// The value under `key`, when this is a mapping that has it.
    pub(crate) fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Map(entries) => entries.iter().find(|e| e.key == key).map(|e| &e.value),
            _ => None,
        }
    }

    /// The entries of a mapping; none for any other value.
    pub(crate) fn entries(&self) -> &[Entry] {
        match &self.value {
            Value::Map(entries) => entries,
            _ => &[],
        }
    }

    /// The string, when this is one.
    pub(crate) fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(&s.text),
            _ => None,
        }
    }

    /// What the value is, for messages: `a string`, `a mapping`, ...
    pub(crate) fn kind(&self) -> &'static str {
        match self.value {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
}
