//! The functions AWS Step Functions adds to JSONata: `$partition`,
//! `$range`, `$hash`, `$random` (with an optional seed), `$uuid`, `$parse`.
//! Non-integer numbers are truncated toward zero; what AWS answers with
//! nothing (a size of 0, an empty array, a missing step or algorithm, a
//! step going the wrong way) is undefined here too.

use md5::Md5;
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha384, Sha512};
use stepfn::model::Json;

use super::arg;
use crate::error::{Fault, FaultExt, Result};
use crate::eval::Ctx;
use crate::random::{uuid_v4, Rng};
use crate::value::{flags, ArrayBuilder, ObjectBuilder, Value};

/// Most items `$range` produces (AWS's measured bound).
const MAX_RANGE: f64 = 360_145.0;

/// An integer argument, truncated toward zero.
fn integer(value: Value<'_>) -> Option<f64> {
    value.as_number().filter(|n| n.is_finite()).map(f64::trunc)
}

/// `$partition(array, size)`: the array in chunks of `size`.
pub(crate) fn partition<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    let array = arg(args, 0);
    let Some(size) = integer(arg(args, 1)) else {
        return Ok(Value::Undefined);
    };
    if size < 1.0 || array.len() == 0 {
        return Ok(Value::Undefined);
    }
    ctx.steps_n(array.len() as u64)?;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let size = size.min(1e9) as usize;
    let items: Vec<Value<'a>> = array.items().collect();
    let mut out = ArrayBuilder::with_capacity(ctx.bump, items.len().div_ceil(size));
    for chunk in items.chunks(size) {
        let mut part = ArrayBuilder::with_capacity(ctx.bump, chunk.len());
        part.extend(chunk.iter().copied());
        out.push(part.finish(0));
    }
    Ok(out.finish(0))
}

/// `$range(start, end, step)`: from `start` by `step` while not past `end`.
pub(crate) fn range<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    let (Some(start), Some(end), Some(step)) = (
        integer(arg(args, 0)),
        integer(arg(args, 1)),
        integer(arg(args, 2)),
    ) else {
        return Ok(Value::Undefined);
    };
    if step == 0.0 || (step > 0.0 && start > end) || (step < 0.0 && start < end) {
        return Ok(Value::Undefined);
    }
    let count = ((end - start) / step).floor() + 1.0;
    if count > MAX_RANGE {
        return Err(Fault::new("D3210").detail(format!(
            "$range may produce at most 360,145 numbers; this one would produce {count}"
        )));
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let count = count as usize;
    ctx.steps_n(count as u64)?;
    let mut out = ArrayBuilder::with_capacity(ctx.bump, count);
    #[allow(clippy::cast_precision_loss)]
    for i in 0..count {
        out.push(Value::Number(start + step * i as f64));
    }
    Ok(out.finish(flags::SEQUENCE))
}

/// `$hash(string, algorithm)`: the lowercase hex digest with `MD5`,
/// `SHA-1`, `SHA-256`, `SHA-384` or `SHA-512`.
pub(crate) fn hash<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    let (Value::String(text), Value::String(algorithm)) = (arg(args, 0), arg(args, 1)) else {
        return Ok(Value::Undefined);
    };
    ctx.steps_n((text.len() / 64) as u64)?;
    let bytes = text.as_bytes();
    let digest: Vec<u8> = match algorithm {
        "MD5" => Md5::digest(bytes).to_vec(),
        "SHA-1" => Sha1::digest(bytes).to_vec(),
        "SHA-256" => Sha256::digest(bytes).to_vec(),
        "SHA-384" => Sha384::digest(bytes).to_vec(),
        "SHA-512" => Sha512::digest(bytes).to_vec(),
        other => {
            return Err(Fault::new("D3220").index(2).detail(format!(
                "$hash does not know the algorithm {other:?}; use \"MD5\", \"SHA-1\", \"SHA-256\", \"SHA-384\" or \"SHA-512\""
            )))
        }
    };
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    Ok(Value::String(ctx.alloc_str(&hex)))
}

/// `$random(seed)`: a number in `[0, 1)`; the same seed gives the same number.
pub(crate) fn random<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    match arg(args, 0) {
        Value::Number(seed) => {
            let Some(seed) = Some(seed.trunc()).filter(|s| s.is_finite()) else {
                return Err(Fault::new("D3230")
                    .index(1)
                    .detail("The seed of $random must be a finite number"));
            };
            #[allow(clippy::cast_possible_truncation)]
            let bits = u64::from_ne_bytes((seed as i64).to_ne_bytes());
            Ok(Value::Number(Rng::seeded(bits).next_f64()))
        }
        _ => Ok(Value::Number(ctx.random())),
    }
}

/// `$uuid()`: a random version 4 UUID.
pub(crate) fn uuid<'a>(ctx: &Ctx<'a>, _: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    let text = uuid_v4(ctx.random_bits(), ctx.random_bits());
    Ok(Value::String(ctx.alloc_str(&text)))
}

/// `$parse(text)`: the JSON value `text` holds.
pub(crate) fn parse<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    let Value::String(text) = arg(args, 0) else {
        return Ok(Value::Undefined);
    };
    ctx.steps_n((text.len() / 16) as u64)?;
    let json: Json = serde_json::from_str(text).map_err(|e| {
        Fault::new("D3240")
            .index(1)
            .detail(format!("$parse was given text that is not JSON: {e}"))
    })?;
    Ok(owned(ctx, &json))
}

/// A copy of `json` in the arena (JSON text nests at most 128 levels deep).
fn owned<'a>(ctx: &Ctx<'a>, json: &Json) -> Value<'a> {
    match json {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => Value::Number(n.as_f64()),
        Json::String(s) => Value::String(ctx.alloc_str(s)),
        Json::Array(items) => {
            let mut out = ArrayBuilder::with_capacity(ctx.bump, items.len());
            for item in items {
                out.push(owned(ctx, item));
            }
            out.finish(0)
        }
        Json::Object(map) => {
            let mut out = ObjectBuilder::new(ctx.bump);
            for (k, v) in map {
                out.insert(ctx.alloc_str(k), owned(ctx, v));
            }
            out.finish()
        }
    }
}
