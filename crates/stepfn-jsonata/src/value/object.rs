//! Objects built during evaluation: keys in insertion order.

use std::collections::hash_map::RandomState;
use std::collections::HashMap;
use std::hash::BuildHasher;
use std::sync::OnceLock;

use bumpalo::collections::Vec as BumpVec;
use bumpalo::Bump;

use super::Value;

/// Objects with more entries than this get a hash index.
const INDEXED: usize = 12;

/// An object built during evaluation. Objects never change once built
/// (a transform builds new ones), so entries are a slice; larger objects
/// carry an open-addressing index for lookups.
#[derive(Debug)]
pub(crate) struct Object<'a> {
    /// Entries in insertion order, keys unique.
    pub(crate) entries: &'a [(&'a str, Value<'a>)],
    /// Slots holding `entry index + 1` (0 = empty); empty for small objects.
    index: &'a [u32],
}

/// The process-wide hasher for object keys.
fn hasher() -> &'static RandomState {
    static STATE: OnceLock<RandomState> = OnceLock::new();
    STATE.get_or_init(RandomState::new)
}

impl<'a> Object<'a> {
    /// The value of `key`.
    pub(crate) fn get(&self, key: &str) -> Option<Value<'a>> {
        if self.index.is_empty() {
            return self
                .entries
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| *v);
        }
        let mask = self.index.len() - 1;
        let mut slot = usize::try_from(hasher().hash_one(key)).unwrap_or(0) & mask;
        loop {
            let at = *self.index.get(slot)?;
            let (k, v) = self
                .entries
                .get(usize::try_from(at).ok()?.checked_sub(1)?)?;
            if *k == key {
                return Some(*v);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// The number of entries.
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub(crate) fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Collects entries (a later value for a key replaces the earlier one, in
/// its place), then becomes an [`Object`] in the arena.
pub(crate) struct ObjectBuilder<'a> {
    /// The arena.
    bump: &'a Bump,
    /// Entries so far.
    entries: BumpVec<'a, (&'a str, Value<'a>)>,
    /// Key positions, once there are many entries.
    positions: Option<HashMap<&'a str, usize>>,
}

impl<'a> ObjectBuilder<'a> {
    /// An empty builder.
    pub(crate) fn new(bump: &'a Bump) -> Self {
        ObjectBuilder {
            bump,
            entries: BumpVec::new_in(bump),
            positions: None,
        }
    }

    /// An empty builder with room for `capacity` entries.
    pub(crate) fn with_capacity(bump: &'a Bump, capacity: usize) -> Self {
        ObjectBuilder {
            bump,
            entries: BumpVec::with_capacity_in(capacity, bump),
            positions: None,
        }
    }

    /// Adds `key`, which the caller knows is not there yet.
    pub(crate) fn push_new(&mut self, key: &'a str, value: Value<'a>) {
        if self.positions.is_some() || self.entries.len() >= INDEXED {
            self.insert(key, value);
        } else {
            self.entries.push((key, value));
        }
    }

    /// Sets `key` to `value`.
    pub(crate) fn insert(&mut self, key: &'a str, value: Value<'a>) {
        if let Some(at) = self.position(key) {
            if let Some(entry) = self.entries.get_mut(at) {
                entry.1 = value;
            }
            return;
        }
        if let Some(positions) = &mut self.positions {
            positions.insert(key, self.entries.len());
        }
        self.entries.push((key, value));
        if self.positions.is_none() && self.entries.len() > INDEXED {
            self.positions = Some(
                self.entries
                    .iter()
                    .enumerate()
                    .map(|(i, (k, _))| (*k, i))
                    .collect(),
            );
        }
    }

    /// Removes `key`.
    pub(crate) fn remove(&mut self, key: &str) {
        if let Some(at) = self.position(key) {
            self.entries.remove(at);
            if let Some(positions) = &mut self.positions {
                positions.clear();
                positions.extend(self.entries.iter().enumerate().map(|(i, (k, _))| (*k, i)));
            }
        }
    }

    /// Where `key` is.
    fn position(&self, key: &str) -> Option<usize> {
        match &self.positions {
            Some(positions) => positions.get(key).copied(),
            None => self.entries.iter().position(|(k, _)| *k == key),
        }
    }

    /// The number of entries so far.
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// The finished object.
    pub(crate) fn finish(self) -> Value<'a> {
        let bump = self.bump;
        let entries = self.entries.into_bump_slice();
        let index: &'a [u32] = if entries.len() > INDEXED {
            let size = (entries.len() * 2).next_power_of_two();
            let slots = bump.alloc_slice_fill_copy(size, 0u32);
            let mask = size - 1;
            for (i, (key, _)) in entries.iter().enumerate() {
                let mut slot = usize::try_from(hasher().hash_one(key)).unwrap_or(0) & mask;
                while slots.get(slot).is_some_and(|s| *s != 0) {
                    slot = (slot + 1) & mask;
                }
                if let Some(s) = slots.get_mut(slot) {
                    *s = u32::try_from(i + 1).unwrap_or(u32::MAX);
                }
            }
            slots
        } else {
            &[]
        };
        Value::Object(bump.alloc(Object { entries, index }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_and_indexed_objects_find_every_key() {
        let bump = Bump::new();
        for n in [0usize, 3, 12, 13, 100] {
            let mut builder = ObjectBuilder::new(&bump);
            let keys: Vec<String> = (0..n).map(|i| format!("k{i}")).collect();
            for (i, key) in keys.iter().enumerate() {
                builder.insert(bump.alloc_str(key), Value::Number(i as f64));
            }
            // replacing keeps the place
            if n > 1 {
                builder.insert(bump.alloc_str("k1"), Value::Bool(true));
            }
            let Value::Object(object) = builder.finish() else {
                panic!("object expected");
            };
            assert_eq!(object.len(), n);
            for (i, key) in keys.iter().enumerate() {
                match object.get(key) {
                    Some(Value::Number(v)) => assert_eq!(v, i as f64),
                    Some(Value::Bool(true)) => assert_eq!(i, 1),
                    other => panic!("{key}: {other:?}"),
                }
            }
            assert!(object.get("missing").is_none());
            if n > 1 {
                assert_eq!(object.entries[1].0, "k1");
            }
        }
    }

    #[test]
    fn removing_keeps_order() {
        let bump = Bump::new();
        let mut builder = ObjectBuilder::new(&bump);
        for key in ["a", "b", "c"] {
            builder.insert(key, Value::Null);
        }
        builder.remove("b");
        builder.remove("zz");
        let Value::Object(object) = builder.finish() else {
            panic!("object expected");
        };
        let keys: Vec<&str> = object.entries.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, vec!["a", "c"]);
    }
}
