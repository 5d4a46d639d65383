//! [`NameHasher`]: how the maps of the model ([`States`](super::States),
//! [`JsonObject`](super::JsonObject)) hash their keys.
//!
//! Keys are state names and payload keys: short strings, read from a
//! definition that may come from anyone. The hash takes eight bytes at a time
//! and mixes each word into the state with one 64 x 64 -> 128-bit
//! multiplication whose two halves are folded together, under a key drawn at
//! random once per process. That costs a few instructions per word where
//! SipHash-1-3 (the standard library's `RandomState`) costs several dozen
//! per key, and, the key being secret, names cannot be chosen in advance to
//! fall into one bucket.

use std::hash::{BuildHasher, Hasher};
use std::sync::OnceLock;

/// Builds the [`NameHash`] of each key of a model map; every map of a process
/// shares one random key.
///
/// ```
/// use std::hash::BuildHasher;
/// use stepfn::model::NameHasher;
/// let (a, b) = (NameHasher::default(), NameHasher::default());
/// assert_eq!(a.hash_one("Fetch"), b.hash_one("Fetch"));
/// assert_ne!(a.hash_one("Fetch"), a.hash_one("Fetch2"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameHasher {
    key: [u64; 2],
}

impl Default for NameHasher {
    fn default() -> NameHasher {
        static KEY: OnceLock<[u64; 2]> = OnceLock::new();
        let key = *KEY.get_or_init(|| {
            // The standard library seeds its own hashers from the operating
            // system's random source; two of its hashes of nothing give two
            // random words.
            let random = std::collections::hash_map::RandomState::new();
            [random.hash_one(0_u8), random.hash_one(1_u8) | 1]
        });
        NameHasher { key }
    }
}

impl BuildHasher for NameHasher {
    type Hasher = NameHash;

    #[inline]
    fn build_hasher(&self) -> NameHash {
        NameHash {
            state: self.key[0],
            multiplier: self.key[1],
        }
    }
}

/// The hasher a [`NameHasher`] builds.
#[derive(Debug, Clone, Copy)]
pub struct NameHash {
    state: u64,
    multiplier: u64,
}

/// The low and high halves of `a * b`, folded together.
#[inline]
fn folded_multiply(a: u64, b: u64) -> u64 {
    let product = u128::from(a) * u128::from(b);
    // Both halves are wanted: `as` keeps the low one.
    #[allow(clippy::cast_possible_truncation)]
    let (low, high) = (product as u64, (product >> 64) as u64);
    low ^ high
}

impl NameHash {
    #[inline]
    fn mix(&mut self, word: u64) {
        self.state = folded_multiply(self.state ^ word, self.multiplier);
    }
}

impl Hasher for NameHash {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        // The length goes in first, so that texts whose last words are read
        // overlapping (below) cannot meet a text of another length.
        self.state = self.state.wrapping_add(bytes.len() as u64);
        let mut rest = bytes;
        while let [a, b, c, d, e, f, g, h, tail @ ..] = rest {
            self.mix(u64::from_le_bytes([*a, *b, *c, *d, *e, *f, *g, *h]));
            rest = tail;
        }
        let word = match rest {
            [] => return,
            // One to three bytes: the first, the middle and the last.
            [first, .., last] if rest.len() < 4 => {
                u64::from(*first) | u64::from(rest[rest.len() / 2]) << 8 | u64::from(*last) << 16
            }
            [only] => u64::from(*only),
            // Four to seven: the first four and the last four, which overlap.
            _ => {
                let first = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]);
                let n = rest.len();
                let last = u32::from_le_bytes([rest[n - 4], rest[n - 3], rest[n - 2], rest[n - 1]]);
                u64::from(first) | u64::from(last) << 32
            }
        };
        self.mix(word);
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.mix(u64::from(n));
    }

    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.mix(u64::from(n));
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.mix(n);
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.mix(n as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        folded_multiply(self.state, 0x9e37_79b9_7f4a_7c15)
    }
}

#[cfg(test)]
mod tests {
    use super::NameHasher;
    use std::collections::HashSet;
    use std::hash::BuildHasher;

    #[test]
    fn tells_apart_names_that_differ_in_one_byte_or_in_length() {
        let hasher = NameHasher::default();
        let mut names: Vec<String> = (0..20_000).map(|i| format!("State{i}")).collect();
        // Every length from 0 to 24, and texts that are one another's
        // prefixes or repeat one byte, where overlapping reads could meet.
        for len in 0..=24 {
            names.push("a".repeat(len));
            names.push("ab".repeat(len));
            names.push(format!("{}\0", "x".repeat(len)));
        }
        names.sort();
        names.dedup();
        let hashes: HashSet<u64> = names.iter().map(|n| hasher.hash_one(n)).collect();
        assert_eq!(hashes.len(), names.len());
    }

    #[test]
    fn spreads_similar_names_over_the_low_bits_tables_index_by() {
        let hasher = NameHasher::default();
        let buckets: HashSet<u64> = (0..4096)
            .map(|i| hasher.hash_one(format!("Step{i}")) & 0xfff)
            .collect();
        // 4,096 keys thrown into 4,096 buckets fill about 63% of them.
        assert!(buckets.len() > 2400, "{} buckets", buckets.len());
    }
}
