//! The shape most Paths have, read without the general parser: `$`, `$$` or
//! `$name` followed by `.name` steps whose names are ASCII letters, digits
//! and `_` (`$.order.id`, `$$.Map.Item.Value`, `$total.amount`).
//!
//! Such a path means the same in a full Path and in a Reference Path, and
//! the general parser gives it the same tree; anything else (brackets,
//! escapes, other characters, errors) is left to that parser. Definitions
//! are mostly made of these paths, so the check costs one pass over bytes.

use super::ast::{Path, PathRoot, Selector, Step};

/// The tree of `s` when it has the plain shape; `None` when it has not and
/// the general parser must read it. `build` keeps the steps, as the
/// general parser's does.
pub(super) fn plain_path(s: &str, build: bool) -> Option<Path> {
    let bytes = s.as_bytes();
    let (root, mut pos) = match bytes {
        [b'$', b'$', ..] => (PathRoot::Context, 2),
        [b'$', first, ..] if first.is_ascii_alphabetic() || *first == b'_' => {
            let end = 1 + name_length(bytes.get(1..)?);
            (PathRoot::Variable(s.get(1..end)?.to_owned()), end)
        }
        [b'$', ..] => (PathRoot::Input, 1),
        _ => return None,
    };
    let mut steps = Vec::new();
    while pos < bytes.len() {
        if bytes.get(pos) != Some(&b'.') {
            return None;
        }
        let start = pos + 1;
        let length = name_length(bytes.get(start..)?);
        if length == 0 {
            return None;
        }
        pos = start + length;
        if build {
            let name = s.get(start..pos)?.to_owned();
            steps.push(Step::Child(Selector::Name(name)));
        }
    }
    Some(Path { root, steps })
}

/// How many bytes at the start of `bytes` are ASCII letters, digits or `_`:
/// name characters in every context, which need no further check.
pub(super) fn name_length(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
        .count()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::plain_path;
    use crate::syntax::path::parse::{Ctx, Parser};
    use crate::syntax::path::reference::Mode;
    use crate::syntax::path::{Path, PathRoot};

    /// What the general parser makes of `s`.
    fn general(s: &str, mode: Mode, build: bool) -> Option<Path> {
        let mut p = Parser::new(s, 0, mode, build);
        let root = p.root().ok()?;
        let steps = p.steps(Ctx::Standalone, 0).ok()?;
        p.finish().ok()?;
        Some(Path { root, steps })
    }

    #[test]
    fn reads_the_plain_shapes() {
        let path = plain_path("$$.Map.Item.Value", true).map(|p| p.to_string());
        assert_eq!(path.as_deref(), Some("$$.Map.Item.Value"));
        let path = plain_path("$total.amount_2", true);
        assert_eq!(
            path.map(|p| p.root),
            Some(PathRoot::Variable("total".into()))
        );
        assert_eq!(plain_path("$", true).map(|p| p.steps.len()), Some(0));
        assert_eq!(plain_path("$.a.b", false).map(|p| p.steps.len()), Some(0));
    }

    #[test]
    fn leaves_everything_else_to_the_general_parser() {
        for text in [
            "", "x", "$.", "$..a", "$.a[0]", "$.a b", "$.a\\.b", "$.é", "$1", "$.a.", "$ ",
        ] {
            assert_eq!(plain_path(text, true), None, "{text:?}");
        }
    }

    proptest! {
        /// Whatever it reads, the general parser reads the same way, in
        /// both grammars and both modes.
        #[test]
        fn agrees_with_the_general_parser(s in "\\$[$a-z0-9_.\\[\\]' é\\\\]{0,12}") {
            for build in [true, false] {
                if let Some(path) = plain_path(&s, build) {
                    let full = general(&s, Mode::Full, build);
                    let reference = general(&s, Mode::Reference, build);
                    prop_assert_eq!(Some(&path), full.as_ref());
                    prop_assert_eq!(Some(&path), reference.as_ref());
                }
            }
        }
    }
}
