//! `States.MathAdd`, `States.MathRandom` and `States.UUID`.

use stepfn::model::Json;

use super::Args;
use crate::eval::{Env, EvalError};
use crate::json::int;
use stepfn_jsonata::random as rng;

/// Java's `Math.round`: the nearest integer, halves rounded up
/// (`-1.5` → `-1`, `2.5` → `3`).
pub(crate) fn java_round(value: f64) -> Option<i64> {
    let rounded = (value + 0.5).floor();
    // Whole doubles within ±2^63 convert exactly.
    #[allow(clippy::cast_possible_truncation)]
    (rounded.is_finite() && rounded.abs() < 9.2e18).then_some(rounded as i64)
}

/// An argument rounded to an integer the way AWS rounds.
fn rounded(args: &Args, i: usize) -> Result<i64, EvalError> {
    let value = match &*args.json(i)? {
        Json::Number(n) => match n.as_i64() {
            Some(exact) => return Ok(exact),
            None => n.as_f64(),
        },
        other => return Err(args.wrong(i, "a number", other)),
    };
    java_round(value).ok_or_else(|| args.error(&format!("argument {} is out of range", i + 1)))
}

/// `States.MathAdd(a, b)`: the integer sum, non-integers rounded first.
pub(super) fn add(args: &Args) -> Result<Json, EvalError> {
    let a = rounded(args, 0)?;
    let b = rounded(args, 1)?;
    a.checked_add(b)
        .map(int)
        .ok_or_else(|| args.error("the sum is out of range"))
}

/// `States.MathRandom(start, end[, seed])`: an integer in `[start, end]`;
/// the same seed gives the same number, no seed draws from the run's
/// seeded generator.
pub(super) fn random(args: &Args, env: Env<'_>) -> Result<Json, EvalError> {
    let start = rounded(args, 0)?;
    let end = rounded(args, 1)?;
    if start > end {
        return Err(args.error(&format!(
            "the start {start} must not be greater than the end {end}"
        )));
    }
    let bits = if args.len() > 2 {
        rng::mix(u64::from_ne_bytes(rounded(args, 2)?.to_ne_bytes()))
    } else {
        env.roots.random()
    };
    Ok(int(rng::in_range(bits, start, end)))
}

/// `States.UUID()`: a version-4 UUID from the run's seeded generator.
pub(super) fn uuid(env: Env<'_>) -> Json {
    let high = env.roots.random();
    let low = env.roots.random();
    Json::String(rng::uuid_v4(high, low))
}
