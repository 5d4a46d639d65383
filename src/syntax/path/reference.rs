//! The rules that make a Path a Reference Path: one node only, so no
//! wildcard, deep scan, filter, slice, union or script, no negative index,
//! and no JSONPath operator character left unescaped in a dot-name.

use super::parse::Parser;
use crate::syntax::SyntaxError;

/// Which path grammar is being parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// A full Path.
    Full,
    /// A Reference Path (single node, restricted steps).
    Reference,
}

/// Characters that must be escaped (or put in `['…']`) in the dot-names of a
/// Reference Path, because they are JSONPath operators.
const REFERENCE_FORBIDDEN: [char; 8] = ['@', ',', ':', '?', '*', '(', ')', ']'];

impl Parser<'_> {
    /// Fails with a Reference-Path message if `what` is used in one.
    pub(super) fn forbid_in_reference(&self, at: usize, what: &str) -> Result<(), SyntaxError> {
        if self.mode == Mode::Reference {
            Err(SyntaxError::new(
                at,
                format!(
                    "a Reference Path cannot use {what}: it must name a single node with \
                     `.field`, `['field']` or `[index]` steps"
                ),
            ))
        } else {
            Ok(())
        }
    }

    /// Fails if `c` may not appear unescaped in a Reference Path dot-name.
    pub(super) fn check_reference_name_char(&self, c: char) -> Result<(), SyntaxError> {
        if self.mode == Mode::Reference && REFERENCE_FORBIDDEN.contains(&c) {
            return Err(SyntaxError::new(
                self.pos,
                format!(
                    "`{c}` is not allowed in a Reference Path: escape it as `\\{c}` or write \
                     the field as `['…']`"
                ),
            ));
        }
        Ok(())
    }

    /// Fails if a Reference Path index is negative.
    pub(super) fn check_reference_index(
        &self,
        at: usize,
        negative: bool,
    ) -> Result<(), SyntaxError> {
        if self.mode == Mode::Reference && negative {
            return Err(SyntaxError::new(
                at,
                "a Reference Path index must be a non-negative integer such as `[0]`",
            ));
        }
        Ok(())
    }
}
