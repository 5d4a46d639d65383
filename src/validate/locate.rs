//! Where a problem's path is in the source text.
//!
//! Paths are resolved against the parsed text. An object with many members
//! is indexed by key the first time a path goes through it, so locating any
//! number of problems costs one pass over each object they touch, never a
//! scan per problem.

use std::collections::HashMap;

use crate::problem::{Path, Segment};
use crate::read::parse::{Member, Node, Value};

/// Objects with at most this many members are searched, not indexed.
const SCAN_LIMIT: usize = 16;

/// Resolves paths to byte offsets in one parsed document.
pub(crate) struct Locator<'t, 's> {
    root: &'t Node<'s>,
    /// Key indexes of large objects, by the address of their member list.
    indexes: HashMap<usize, HashMap<&'t str, usize>>,
}

impl<'t, 's> Locator<'t, 's> {
    pub(crate) fn new(root: &'t Node<'s>) -> Locator<'t, 's> {
        Locator {
            root,
            indexes: HashMap::new(),
        }
    }

    /// The byte offset of the deepest value along `path` that exists in the
    /// text (the whole path's value when it exists).
    pub(crate) fn offset(&mut self, path: &Path) -> u32 {
        let mut node = self.root;
        for segment in path.segments() {
            let next = match (segment, &node.value) {
                (Segment::Key(key), Value::Object(members)) => self
                    .member(members, key)
                    .and_then(|i| members.get(i))
                    .map(|m| &m.value),
                (Segment::Index(i), Value::Array(items)) => items.get(*i),
                _ => None,
            };
            match next {
                Some(n) => node = n,
                None => break,
            }
        }
        node.at
    }

    /// The position of the first member named `key`.
    fn member(&mut self, members: &'t [Member<'s>], key: &str) -> Option<usize> {
        if members.len() <= SCAN_LIMIT {
            return members.iter().position(|m| m.key == key);
        }
        let index = self
            .indexes
            .entry(members.as_ptr() as usize)
            .or_insert_with(|| {
                let mut index = HashMap::with_capacity(members.len());
                for (i, member) in members.iter().enumerate() {
                    index.entry(&*member.key).or_insert(i);
                }
                index
            });
        index.get(key).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::Locator;
    use crate::problem::Path;
    use crate::read::parse::parse;

    #[test]
    fn finds_the_deepest_existing_value() {
        let text = r#"{"States": {"A": {"Next": "B"}}}"#;
        let root = parse(text).unwrap();
        let mut locator = Locator::new(&root);
        let next = Path::root().key("States").key("A").key("Next");
        assert_eq!(locator.offset(&next), 26);
        let missing = Path::root().key("States").key("A").key("Default");
        assert_eq!(locator.offset(&missing), 17);
    }

    #[test]
    fn large_objects_are_indexed_and_the_first_duplicate_wins() {
        let members: Vec<String> = (0..100).map(|i| format!("\"k{i}\": {i}")).collect();
        let text = format!("{{{}, \"k5\": true}}", members.join(", "));
        let root = parse(&text).unwrap();
        let mut locator = Locator::new(&root);
        let at = locator.offset(&Path::root().key("k5")) as usize;
        assert_eq!(&text[at..at + 1], "5");
        let at = locator.offset(&Path::root().key("k99")) as usize;
        assert_eq!(&text[at..at + 2], "99");
    }
}
