//! Finding where paths are in a JSON text without building its tree: one
//! pass over the text for any number of paths, so that locating problems
//! costs neither a second tree in memory nor a scan per problem.

use super::lexer::Parser;
use crate::fast_hash::FastMap;
use crate::problem::{Path, Segment};

/// One step of the paths being looked for.
#[derive(Debug, Default)]
struct TrieNode {
    keys: FastMap<Box<str>, usize>,
    indexes: FastMap<usize, usize>,
    /// The node one segment up (the root is its own parent).
    parent: usize,
    /// Where the value at this node starts, once the scan has met it.
    at: Option<u32>,
}

/// A container being read: the trie node of its value, and for arrays the
/// index of the next item.
struct Frame {
    node: Option<usize>,
    next_index: Option<usize>,
}

/// For each of `paths`, the byte offset of the deepest value along it that
/// exists in `text` (the whole path's value when it exists; the first of
/// repeated keys). Text that is not JSON gives what was found before the
/// error, or 0.
pub(crate) fn offsets(text: &str, paths: &[&Path]) -> Vec<u32> {
    let mut trie = vec![TrieNode::default()];
    let mut ends = Vec::with_capacity(paths.len());
    for path in paths {
        let mut node = 0;
        for segment in path.segments() {
            node = child_or_insert(&mut trie, node, segment);
        }
        ends.push(node);
    }
    scan(text, &mut trie);
    // The scan meets a value only after the values that hold it, so the
    // deepest value found along a path is the first found on the way up.
    ends.into_iter()
        .map(|mut node| loop {
            match trie.get(node) {
                Some(TrieNode { at: Some(at), .. }) => break *at,
                Some(found) if node != 0 => node = found.parent,
                _ => break 0,
            }
        })
        .collect()
}

fn child(trie: &[TrieNode], node: usize, segment: &Segment) -> Option<usize> {
    let node = trie.get(node)?;
    match segment {
        Segment::Key(key) => node.keys.get(key).copied(),
        Segment::Index(index) => node.indexes.get(index).copied(),
    }
}

fn child_or_insert(trie: &mut Vec<TrieNode>, node: usize, segment: &Segment) -> usize {
    if let Some(existing) = child(trie, node, segment) {
        return existing;
    }
    let new = trie.len();
    trie.push(TrieNode {
        parent: node,
        ..TrieNode::default()
    });
    match segment {
        Segment::Key(key) => trie[node].keys.insert(key.clone(), new),
        Segment::Index(index) => trie[node].indexes.insert(*index, new),
    };
    new
}

/// Reads `text` once, recording where each trie node's value starts.
fn scan(text: &str, trie: &mut [TrieNode]) {
    let mut p = Parser::new(text);
    let mut stack: Vec<Frame> = Vec::new();
    // The trie node of the value about to be read.
    let mut current = Some(0);
    loop {
        let Some(byte) = p.peek() else { return };
        let at = p.offset();
        if let Some(node) = current.and_then(|n| trie.get_mut(n)) {
            if node.at.is_some() {
                // A repeated key: the first occurrence is the one that counts.
                current = None;
            } else {
                node.at = Some(at);
            }
        }
        match byte {
            b'{' | b'[' => {
                p.pos += 1;
                let closing = if byte == b'{' { b'}' } else { b']' };
                if p.peek() == Some(closing) {
                    p.pos += 1;
                } else if byte == b'{' {
                    let Ok((_, key)) = p.key() else { return };
                    let owner = current;
                    current = owner.and_then(|n| trie.get(n)?.keys.get(&*key).copied());
                    stack.push(Frame {
                        node: owner,
                        next_index: None,
                    });
                    continue;
                } else {
                    let owner = current;
                    current = owner.and_then(|n| trie.get(n)?.indexes.get(&0).copied());
                    stack.push(Frame {
                        node: owner,
                        next_index: Some(1),
                    });
                    continue;
                }
            }
            _ => {
                if p.scalar(at).is_err() {
                    return;
                }
            }
        }
        // A value ended: move to the next member or item, closing containers.
        loop {
            let Some(frame) = stack.last_mut() else {
                return;
            };
            match (p.peek(), frame.next_index) {
                (Some(b','), Some(index)) => {
                    p.pos += 1;
                    frame.next_index = Some(index + 1);
                    current = frame
                        .node
                        .and_then(|n| trie.get(n)?.indexes.get(&index).copied());
                    break;
                }
                (Some(b','), None) => {
                    p.pos += 1;
                    let Ok((_, key)) = p.key() else { return };
                    current = frame
                        .node
                        .and_then(|n| trie.get(n)?.keys.get(&*key).copied());
                    break;
                }
                (Some(b']' | b'}'), _) => {
                    p.pos += 1;
                    stack.pop();
                }
                _ => return,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::offsets;
    use crate::problem::Path;

    #[test]
    fn finds_each_path_or_its_deepest_existing_part() {
        let text = r#"{"States": {"A": {"Next": "B", "L": [1, {"x": 2}]}, "A": {"Next": "C"}}}"#;
        let paths = [
            Path::root().key("States").key("A").key("Next"),
            Path::root().key("States").key("A").key("Default"),
            Path::root()
                .key("States")
                .key("A")
                .key("L")
                .index(1)
                .key("x"),
            Path::root().key("States").key("A").key("L").index(7),
            Path::root(),
        ];
        let refs: Vec<&Path> = paths.iter().collect();
        let found = offsets(text, &refs);
        let at = |i: usize| &text[found[i] as usize..];
        assert!(
            at(0).starts_with(r#""B""#),
            "the first of repeated keys counts"
        );
        assert!(at(1).starts_with(r#"{"Next": "B""#));
        assert!(at(2).starts_with("2}"));
        assert!(at(3).starts_with("[1,"));
        assert_eq!(found[4], 0);
    }

    #[test]
    fn keys_with_escapes_match_their_decoded_form() {
        let text = r#"{"a\"b": {"\u00e9": true}}"#;
        let path = Path::root().key("a\"b").key("é");
        let found = offsets(text, &[&path]);
        assert!(text[found[0] as usize..].starts_with("true"));
    }
}
