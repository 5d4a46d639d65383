//! The seeded generator behind everything random in a run: `States.UUID`,
//! `States.MathRandom` without a seed, `FULL` retry jitter and task tokens.
//! SplitMix64: small, fast, and the same numbers on every platform, so
//! the same seed gives the same run.

/// A SplitMix64 generator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Rng {
    state: u64,
}

impl Rng {
    /// A generator seeded with `seed`.
    pub(crate) fn new(seed: u64) -> Rng {
        Rng { state: seed }
    }

    /// The next 64 random bits.
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix(self.state)
    }

    /// A double in `[0, 1)`.
    #[allow(clippy::cast_precision_loss)]
    pub(crate) fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// SplitMix64's output function: a bijective scramble of 64 bits.
pub(crate) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// An integer in `[low, high]` from 64 random bits (`low <= high`).
pub(crate) fn in_range(bits: u64, low: i64, high: i64) -> i64 {
    let span = u128::from(high.abs_diff(low)) + 1;
    let offset = (u128::from(bits) * span) >> 64;
    // `offset < span <= 2^64`, and low + offset <= high.
    #[allow(clippy::cast_possible_truncation)]
    let offset = offset as u64;
    low.wrapping_add_unsigned(offset)
}

/// A version-4 UUID, lowercase and hyphenated, from 128 random bits.
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
    fn the_same_seed_gives_the_same_numbers() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        for _ in 0..100 {
            assert_eq!(a.next_u64(), b.next_u64());
        }
        assert_ne!(Rng::new(1).next_u64(), Rng::new(2).next_u64());
    }

    #[test]
    fn ranges_are_inclusive_and_bounded() {
        let mut rng = Rng::new(3);
        let mut seen = [false; 3];
        for _ in 0..1000 {
            let v = in_range(rng.next_u64(), -1, 1);
            assert!((-1..=1).contains(&v));
            seen[usize::try_from(v + 1).unwrap()] = true;
        }
        assert_eq!(seen, [true; 3]);
        assert_eq!(in_range(u64::MAX, i64::MIN, i64::MAX), i64::MAX);
        assert_eq!(in_range(0, 5, 5), 5);
        let f = rng.next_f64();
        assert!((0.0..1.0).contains(&f));
    }

    #[test]
    fn uuids_are_version_4() {
        let id = uuid_v4(u64::MAX, 0);
        assert_eq!(id.len(), 36);
        assert_eq!(&id[14..15], "4");
        assert!(matches!(&id[19..20], "8" | "9" | "a" | "b"));
    }
}
