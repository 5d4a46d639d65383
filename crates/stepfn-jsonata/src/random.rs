//! The seeded generator behind everything random in a workflow: JSONata's
//! `$random`, `$shuffle` and `$uuid`, and the simulator's `States.UUID`,
//! `States.MathRandom`, `FULL` retry jitter and task tokens.
//!
//! SplitMix64: small, fast, and the same numbers on every platform, so the
//! same seed gives the same results.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};

/// A SplitMix64 generator.
///
/// ```
/// use stepfn_jsonata::random::Rng;
/// let mut a = Rng::seeded(7);
/// let mut b = Rng::seeded(7);
/// assert_eq!(a.next_u64(), b.next_u64());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rng {
    /// The SplitMix64 counter.
    state: u64,
}

impl Rng {
    /// A generator that always produces the same numbers for `seed`.
    ///
    /// ```
    /// use stepfn_jsonata::random::Rng;
    /// assert_eq!(Rng::seeded(1).next_u64(), Rng::seeded(1).next_u64());
    /// assert_ne!(Rng::seeded(1).next_u64(), Rng::seeded(2).next_u64());
    /// ```
    #[must_use]
    pub fn seeded(seed: u64) -> Rng {
        Rng { state: seed }
    }

    /// A generator seeded unpredictably, from the process's random hash
    /// keys and the clock.
    ///
    /// ```
    /// let x = stepfn_jsonata::random::Rng::unseeded().next_f64();
    /// assert!((0.0..1.0).contains(&x));
    /// ```
    #[must_use]
    pub fn unseeded() -> Rng {
        let mut hasher = RandomState::new().build_hasher();
        if let Ok(elapsed) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
            hasher.write_u128(elapsed.as_nanos());
        }
        Rng {
            state: hasher.finish(),
        }
    }

    /// The next 64 random bits.
    ///
    /// ```
    /// let mut rng = stepfn_jsonata::random::Rng::seeded(0);
    /// assert_eq!(rng.next_u64(), 0xE220_A839_7B1D_CDAF);
    /// ```
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix(self.state)
    }

    /// A double in `[0, 1)`, from the top 53 of the next 64 bits.
    ///
    /// ```
    /// let x = stepfn_jsonata::random::Rng::seeded(3).next_f64();
    /// assert!((0.0..1.0).contains(&x));
    /// ```
    pub fn next_f64(&mut self) -> f64 {
        #[allow(clippy::cast_precision_loss)]
        let x = (self.next_u64() >> 11) as f64;
        x / (1u64 << 53) as f64
    }
}

/// SplitMix64's output function: a bijective scramble of 64 bits (what
/// `States.MathRandom` with a seed draws from).
///
/// ```
/// use stepfn_jsonata::random::mix;
/// assert_eq!(mix(0), 0);
/// assert_ne!(mix(1), mix(2));
/// ```
#[must_use]
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// An integer in `[low, high]` from 64 random bits; `low` when
/// `high < low`.
///
/// ```
/// use stepfn_jsonata::random::in_range;
/// assert_eq!(in_range(0, 5, 9), 5);
/// assert_eq!(in_range(u64::MAX, 5, 9), 9);
/// assert_eq!(in_range(u64::MAX, i64::MIN, i64::MAX), i64::MAX);
/// ```
#[must_use]
pub fn in_range(bits: u64, low: i64, high: i64) -> i64 {
    if high < low {
        return low;
    }
    let span = u128::from(high.abs_diff(low)) + 1;
    let offset = (u128::from(bits) * span) >> 64;
    // `offset < span <= 2^64`, and low + offset <= high.
    #[allow(clippy::cast_possible_truncation)]
    let offset = offset as u64;
    low.wrapping_add_unsigned(offset)
}

/// A version-4 UUID, lowercase and hyphenated, from two random words.
///
/// ```
/// use stepfn_jsonata::random::uuid_v4;
/// assert_eq!(uuid_v4(0, 0), "00000000-0000-4000-8000-000000000000");
/// assert_eq!(uuid_v4(u64::MAX, u64::MAX), "ffffffff-ffff-4fff-bfff-ffffffffffff");
/// ```
#[must_use]
pub fn uuid_v4(high: u64, low: u64) -> String {
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
    fn ranges_are_inclusive_and_bounded() {
        let mut rng = Rng::seeded(3);
        let mut seen = [false; 3];
        for _ in 0..1000 {
            let v = in_range(rng.next_u64(), -1, 1);
            assert!((-1..=1).contains(&v));
            seen[usize::try_from(v + 1).unwrap()] = true;
        }
        assert_eq!(seen, [true; 3]);
        assert_eq!(in_range(7, 4, 2), 4);
    }

    #[test]
    fn uuids_have_version_and_variant() {
        let id = uuid_v4(0x1234_5678_9abc_def0, 0x0fed_cba9_8765_4321);
        assert_eq!(id.len(), 36);
        assert_eq!(&id[14..15], "4");
        assert!(matches!(&id[19..20], "8" | "9" | "a" | "b"));
    }
}
