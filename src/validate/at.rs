//! Where a problem is: an owned path into the document, built only when a
//! problem is reported.

use crate::read::location::{render, Step};
use crate::read::parse::{Node, Value};

/// One step of a path: an object key or an array index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Seg {
    /// An object member.
    Key(Box<str>),
    /// An array element.
    Index(usize),
}

/// A path from the document root, e.g. `States.Fetch.Retry[1].BackoffRate`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct At(Vec<Seg>);

impl At {
    /// The document itself.
    pub(crate) fn root() -> At {
        At(Vec::new())
    }

    /// This path followed by the member `key`.
    #[must_use]
    pub(crate) fn key(mut self, key: &str) -> At {
        self.0.push(Seg::Key(key.into()));
        self
    }

    /// This path followed by the array element `index`.
    #[must_use]
    pub(crate) fn index(mut self, index: usize) -> At {
        self.0.push(Seg::Index(index));
        self
    }

    /// Renders the path the way the reader does (`States["Say hi"].Next`).
    pub(crate) fn render(&self) -> String {
        render(self.0.iter().map(|seg| match seg {
            Seg::Key(k) => Step::Key(k),
            Seg::Index(i) => Step::Index(*i),
        }))
    }

    /// The byte offset in the source of the deepest node along this path that
    /// exists there (the whole path's node when it exists).
    pub(crate) fn offset_in(&self, root: &Node<'_>) -> u32 {
        let mut node = root;
        for seg in &self.0 {
            let next = match (seg, &node.value) {
                (Seg::Key(k), Value::Object(members)) => {
                    members.iter().find(|m| m.key == **k).map(|m| &m.value)
                }
                (Seg::Index(i), Value::Array(items)) => items.get(*i),
                _ => None,
            };
            match next {
                Some(n) => node = n,
                None => break,
            }
        }
        node.at
    }
}

#[cfg(test)]
mod tests {
    use super::At;
    use crate::read::parse::parse;

    #[test]
    fn renders_like_the_reader() {
        let at = At::root().key("States").key("Say hi").key("Retry").index(1);
        assert_eq!(at.render(), r#"States["Say hi"].Retry[1]"#);
        assert_eq!(At::root().render(), "(root)");
    }

    #[test]
    fn finds_the_deepest_existing_node() {
        let text = r#"{"States": {"A": {"Next": "B"}}}"#;
        let root = parse(text).unwrap();
        let next = At::root().key("States").key("A").key("Next");
        assert_eq!(next.offset_in(&root), 26);
        let missing = At::root().key("States").key("A").key("Default");
        assert_eq!(missing.offset_in(&root), 17);
    }
}
