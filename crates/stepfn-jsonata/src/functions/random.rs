//! A small, fast pseudo-random generator (SplitMix64) for `$random`,
//! `$shuffle` and `$uuid`: seeded by the caller for repeatable results, or
//! from the process's random hash keys and the clock otherwise.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};

/// The generator's state.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rng {
    /// The SplitMix64 counter.
    state: u64,
}

impl Rng {
    /// A generator that always produces the same numbers for `seed`.
    pub(crate) fn seeded(seed: u64) -> Rng {
        Rng { state: seed }
    }

    /// A generator seeded unpredictably.
    pub(crate) fn unseeded() -> Rng {
        let mut hasher = RandomState::new().build_hasher();
        if let Ok(elapsed) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
            hasher.write_u128(elapsed.as_nanos());
        }
        Rng {
            state: hasher.finish(),
        }
    }

    /// The next 64 random bits.
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// The next number in `[0, 1)`.
    pub(crate) fn next_f64(&mut self) -> f64 {
        #[allow(clippy::cast_precision_loss)]
        let x = (self.next_u64() >> 11) as f64;
        x / (1u64 << 53) as f64
    }
}

/// A version 4 UUID from two random words.
pub(crate) fn uuid_v4(high: u64, low: u64) -> String {
    let high = (high & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000;
    let low = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000;
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        high >> 32,
        (high >> 16) & 0xFFFF,
        high & 0xFFFF,
        low >> 48,
        low & 0xFFFF_FFFF_FFFF
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeded_generators_repeat() {
        let mut a = Rng::seeded(7);
        let mut b = Rng::seeded(7);
        for _ in 0..100 {
            let x = a.next_f64();
            assert_eq!(x, b.next_f64());
            assert!((0.0..1.0).contains(&x));
        }
    }

    #[test]
    fn uuids_have_version_and_variant() {
        let u = uuid_v4(u64::MAX, u64::MAX);
        assert_eq!(u, "ffffffff-ffff-4fff-bfff-ffffffffffff");
        let u = uuid_v4(0, 0);
        assert_eq!(u, "00000000-0000-4000-8000-000000000000");
    }
}
