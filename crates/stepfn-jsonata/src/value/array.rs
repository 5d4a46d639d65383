//! Arrays built during evaluation.

use std::cell::Cell;

use bumpalo::collections::Vec as BumpVec;
use bumpalo::Bump;

use super::Value;

/// An array built during evaluation: its items and its JSONata flags
/// ([`super::flags`]).
#[derive(Debug)]
pub(crate) struct Array<'a> {
    /// The items.
    pub(crate) items: &'a [Value<'a>],
    /// Sequence, keep-singleton, constructor, outer-wrapper, tuple-stream.
    pub(crate) flags: Cell<u8>,
}

/// Collects items, then becomes an [`Array`] in the arena.
pub(crate) struct ArrayBuilder<'a> {
    /// The arena.
    bump: &'a Bump,
    /// Items so far.
    items: BumpVec<'a, Value<'a>>,
}

impl<'a> ArrayBuilder<'a> {
    /// An empty builder.
    pub(crate) fn new(bump: &'a Bump) -> Self {
        ArrayBuilder {
            bump,
            items: BumpVec::new_in(bump),
        }
    }

    /// An empty builder with room for `capacity` items.
    pub(crate) fn with_capacity(bump: &'a Bump, capacity: usize) -> Self {
        ArrayBuilder {
            bump,
            items: BumpVec::with_capacity_in(capacity, bump),
        }
    }

    /// Adds one item.
    pub(crate) fn push(&mut self, value: Value<'a>) {
        self.items.push(value);
    }

    /// Adds every item of `values`.
    pub(crate) fn extend(&mut self, values: impl IntoIterator<Item = Value<'a>>) {
        self.items.extend(values);
    }

    /// The number of items so far.
    pub(crate) fn len(&self) -> usize {
        self.items.len()
    }

    /// The items so far.
    pub(crate) fn as_slice(&self) -> &[Value<'a>] {
        &self.items
    }

    /// The finished array with `flags`.
    pub(crate) fn finish(self, flags: u8) -> Value<'a> {
        let bump = self.bump;
        Value::Array(bump.alloc(Array {
            items: self.items.into_bump_slice(),
            flags: Cell::new(flags),
        }))
    }
}

/// A new array of `items` (copied into the arena) with `flags`.
pub(crate) fn array_of<'a>(bump: &'a Bump, items: &[Value<'a>], flags: u8) -> Value<'a> {
    Value::Array(bump.alloc(Array {
        items: bump.alloc_slice_copy(items),
        flags: Cell::new(flags),
    }))
}
