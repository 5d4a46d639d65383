//! A fast hasher for the maps the reader and the validator keep while they
//! work on one document: state names, payload keys, problem paths.
//!
//! It is the multiply-and-rotate hash of rustc's `FxHasher`, with a fixed
//! seed, so someone who writes a definition could choose names that collide.
//! That costs time only on that document, which its own author submits to
//! their own validator; the keys are never attacker-chosen at the scale where
//! SipHash's resistance would matter (a server holding many clients' keys in
//! one map), so these maps trade it for speed.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` with [`FastHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// A `HashSet` with [`FastHasher`].
pub(crate) type FastSet<T> = HashSet<T, BuildHasherDefault<FastHasher>>;

/// Eight bytes at a time: rotate, mix in, multiply.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FastHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, mut bytes: &[u8]) {
        while let [a, b, c, d, e, f, g, h, rest @ ..] = bytes {
            self.add(u64::from_le_bytes([*a, *b, *c, *d, *e, *f, *g, *h]));
            bytes = rest;
        }
        if let [a, b, c, d, rest @ ..] = bytes {
            self.add(u64::from(u32::from_le_bytes([*a, *b, *c, *d])));
            bytes = rest;
        }
        if let [a, b, rest @ ..] = bytes {
            self.add(u64::from(u16::from_le_bytes([*a, *b])));
            bytes = rest;
        }
        if let [a] = bytes {
            self.add(u64::from(*a));
        }
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // The multiplications mix input into the high bits; hash tables take
        // their bucket from the low bits, so bring the high ones down.
        self.hash.rotate_left(26)
    }
}

#[cfg(test)]
mod tests {
    use super::{FastMap, FastSet};

    #[test]
    fn tells_names_apart_and_finds_them_again() {
        let names: Vec<String> = (0..10_000).map(|i| format!("State{i}")).collect();
        let mut map = FastMap::default();
        for (i, name) in names.iter().enumerate() {
            assert_eq!(map.insert(name.as_str(), i), None);
        }
        for (i, name) in names.iter().enumerate() {
            assert_eq!(map.get(name.as_str()), Some(&i));
        }
        let set: FastSet<&str> = ["a", "a\0", "", "\0", "abcdefgh", "abcdefgh\0"]
            .into_iter()
            .collect();
        assert_eq!(set.len(), 6);
    }
}
