//! The 18 intrinsic functions of JSONPath states, evaluated as AWS does.
//! Nested calls recurse as deep as the text nests them, which the parser
//! bounds (at most 10 calls in one field).

use md5::{Digest, Md5};
use sha1::Sha1;
use sha2::{Sha256, Sha384, Sha512};
use stepfn::model::{Json, Number};
use stepfn::syntax::intrinsic::{ArgValue, Call, Function};

use super::compare::same;
use super::{evaluate_path, JsonPathScope};
use crate::functions::encoding;
use crate::functions::random::{uuid_v4, Rng};
use crate::{to_json_text, Error};

/// Longest text `States.Base64Encode`, `States.Base64Decode` and
/// `States.Hash` take, in characters.
const MAX_TEXT: usize = 10_000;
/// Most elements `States.ArrayRange` makes.
const MAX_RANGE: usize = 1000;

/// An evaluated argument and where it was written.
struct Arg {
    /// The value.
    value: Json,
    /// Byte offset in the field's text.
    at: usize,
}

/// A `States.IntrinsicFailure` at byte `at`.
fn failure(at: usize, function: Function, message: impl Into<String>) -> Error {
    Error {
        code: "States.IntrinsicFailure",
        position: at,
        message: format!("{function}: {}", message.into()),
    }
}

/// Evaluates `call`: its arguments left to right, then the function.
pub(super) fn call(call: &Call, scope: &JsonPathScope<'_>, rng: &mut Rng) -> Result<Json, Error> {
    let mut args = Vec::with_capacity(call.args.len());
    let mut template = None;
    for (i, arg) in call.args.iter().enumerate() {
        let value = match &arg.value {
            ArgValue::Template(pieces) if i == 0 => {
                template = Some(pieces.clone());
                Json::Null
            }
            ArgValue::String(s) => Json::String(s.clone()),
            ArgValue::Template(pieces) => Json::String(pieces.join("{}")),
            ArgValue::Number(n) => Json::Number(n.clone()),
            ArgValue::Bool(b) => Json::Bool(*b),
            ArgValue::Null => Json::Null,
            ArgValue::Path(path) => evaluate_path(path, arg.offset, scope)?,
            ArgValue::Call(inner) => self::call(inner, scope, rng)?,
        };
        args.push(Arg {
            value,
            at: arg.offset,
        });
    }
    let f = call.function;
    let at = call.offset;
    match f {
        Function::Format => format(f, at, template, &args),
        Function::StringToJson => {
            let text = string(f, &args, 0, at)?;
            if text.trim().is_empty() {
                return Ok(Json::Null);
            }
            let json: Json = serde_json::from_str(text)
                .map_err(|e| failure(at, f, format!("the text is not JSON: {e}")))?;
            Ok(match json {
                Json::Number(n) => Json::Number(n.whole_as_integer()),
                other => other,
            })
        }
        Function::JsonToString => Ok(Json::String(to_json_text(value(&args, 0), 0))),
        Function::Array => Ok(Json::Array(args.into_iter().map(|a| a.value).collect())),
        Function::ArrayPartition => {
            let items = array(f, &args, 0, at)?;
            let size = integer(f, &args, 1, at)?;
            let size = usize::try_from(size)
                .ok()
                .filter(|&s| s > 0)
                .ok_or_else(|| failure(at, f, "the chunk size must be a positive integer"))?;
            Ok(Json::Array(
                items
                    .chunks(size)
                    .map(|chunk| Json::Array(chunk.to_vec()))
                    .collect(),
            ))
        }
        Function::ArrayContains => {
            let items = array(f, &args, 0, at)?;
            let wanted = value(&args, 1);
            Ok(Json::Bool(items.iter().any(|item| same(item, wanted))))
        }
        Function::ArrayRange => range(f, at, &args),
        Function::ArrayGetItem => {
            let items = array(f, &args, 0, at)?;
            let index = integer(f, &args, 1, at)?;
            usize::try_from(index)
                .ok()
                .and_then(|i| items.get(i))
                .cloned()
                .ok_or_else(|| {
                    failure(
                        at,
                        f,
                        format!(
                            "index {index} is outside the array of {} elements (indexes start at 0)",
                            items.len()
                        ),
                    )
                })
        }
        Function::ArrayLength => Ok(Json::Number(Number::from(
            u64::try_from(array(f, &args, 0, at)?.len()).unwrap_or(u64::MAX),
        ))),
        Function::ArrayUnique => {
            let mut kept: Vec<Json> = Vec::new();
            for item in array(f, &args, 0, at)? {
                if !kept.iter().any(|k| same(k, item)) {
                    kept.push(item.clone());
                }
            }
            Ok(Json::Array(kept))
        }
        Function::Base64Encode => {
            let text = short_string(f, &args, at)?;
            Ok(Json::String(encoding::encode(text.as_bytes())))
        }
        Function::Base64Decode => {
            let text = short_string(f, &args, at)?;
            let well_formed = text.len() % 4 == 0
                && text
                    .trim_end_matches('=')
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/')
                && text.len() - text.trim_end_matches('=').len() <= 2;
            if !well_formed {
                return Err(failure(at, f, "the text is not Base64"));
            }
            String::from_utf8(encoding::decode(text))
                .map(Json::String)
                .map_err(|_| failure(at, f, "the decoded bytes are not UTF-8 text"))
        }
        Function::Hash => hash(f, at, &args),
        Function::JsonMerge => {
            let (Json::Object(a), Json::Object(b)) = (value(&args, 0), value(&args, 1)) else {
                return Err(failure(at, f, "both values to merge must be JSON objects"));
            };
            if value(&args, 2) != &Json::Bool(false) {
                return Err(failure(
                    at,
                    f,
                    "deep merging is not supported: pass false as the third argument",
                ));
            }
            let mut merged = a.clone();
            for (key, v) in b {
                merged.insert(key.clone(), v.clone());
            }
            Ok(Json::Object(merged))
        }
        Function::MathRandom => {
            let start = integer(f, &args, 0, at)?;
            let end = integer(f, &args, 1, at)?;
            if end < start {
                return Err(failure(at, f, "the end must not be below the start"));
            }
            let mut seeded;
            let source = match args.get(2) {
                Some(_) => {
                    let seed = integer(f, &args, 2, at)?;
                    seeded = Rng::seeded(u64::from_ne_bytes(seed.to_ne_bytes()));
                    &mut seeded
                }
                None => rng,
            };
            let span = u64::try_from(i128::from(end) - i128::from(start) + 1).unwrap_or(u64::MAX);
            let offset = source.next_u64() % span.max(1);
            let drawn = i128::from(start) + i128::from(offset);
            Ok(Json::Number(Number::from(
                i64::try_from(drawn).unwrap_or(end),
            )))
        }
        Function::MathAdd => {
            let a = integer(f, &args, 0, at)?;
            let b = integer(f, &args, 1, at)?;
            a.checked_add(b)
                .map(|sum| Json::Number(Number::from(sum)))
                .ok_or_else(|| failure(at, f, "the sum is too large"))
        }
        Function::StringSplit => {
            let text = string(f, &args, 0, at)?;
            let delimiters = string(f, &args, 1, at)?;
            Ok(Json::Array(
                text.split(|c| delimiters.contains(c))
                    .filter(|piece| !piece.is_empty())
                    .map(Json::from)
                    .collect(),
            ))
        }
        Function::Uuid => Ok(Json::String(uuid_v4(rng.next_u64(), rng.next_u64()))),
    }
}

/// Argument `i` (`null` when missing).
fn value(args: &[Arg], i: usize) -> &Json {
    args.get(i).map_or(&Json::Null, |a| &a.value)
}

/// Where argument `i` was written (the call's position when missing).
fn where_is(args: &[Arg], i: usize, at: usize) -> usize {
    args.get(i).map_or(at, |a| a.at)
}

/// Argument `i` as a string.
fn string(f: Function, args: &[Arg], i: usize, at: usize) -> Result<&str, Error> {
    match value(args, i) {
        Json::String(s) => Ok(s),
        other => Err(failure(
            where_is(args, i, at),
            f,
            format!(
                "argument {} must be a string, not {}",
                i + 1,
                other.type_name()
            ),
        )),
    }
}

/// The first argument as a string of at most [`MAX_TEXT`] characters.
fn short_string(f: Function, args: &[Arg], at: usize) -> Result<&str, Error> {
    let text = string(f, args, 0, at)?;
    if text.chars().count() > MAX_TEXT {
        return Err(failure(
            at,
            f,
            format!("the text is longer than {MAX_TEXT} characters"),
        ));
    }
    Ok(text)
}

/// Argument `i` as an array.
fn array(f: Function, args: &[Arg], i: usize, at: usize) -> Result<&[Json], Error> {
    match value(args, i) {
        Json::Array(items) => Ok(items),
        other => Err(failure(
            where_is(args, i, at),
            f,
            format!(
                "argument {} must be an array, not {}",
                i + 1,
                other.type_name()
            ),
        )),
    }
}

/// Argument `i` as an integer; a fraction is rounded as Java's
/// `Math.round` rounds it (halves up: `2.5` is 3, `-2.5` is -2).
fn integer(f: Function, args: &[Arg], i: usize, at: usize) -> Result<i64, Error> {
    let wrong = || {
        failure(
            where_is(args, i, at),
            f,
            format!("argument {} must be an integer", i + 1),
        )
    };
    let Json::Number(n) = value(args, i) else {
        return Err(wrong());
    };
    if let Some(whole) = n.as_i64() {
        return Ok(whole);
    }
    let rounded = (n.as_f64() + 0.5).floor();
    if rounded.is_finite() && rounded.abs() < 9.0e18 {
        // checked to be inside the range of i64
        #[allow(clippy::cast_possible_truncation)]
        return Ok(rounded as i64);
    }
    Err(wrong())
}

/// `States.Format`: each `{}` of the template replaced by the next value.
fn format(
    f: Function,
    at: usize,
    template: Option<Vec<String>>,
    args: &[Arg],
) -> Result<Json, Error> {
    let pieces = match template {
        Some(pieces) => pieces,
        None => string(f, args, 0, at)?
            .split("{}")
            .map(str::to_owned)
            .collect(),
    };
    let values = args.get(1..).unwrap_or_default();
    if pieces.len() != values.len() + 1 {
        return Err(failure(
            at,
            f,
            format!(
                "the template has {} placeholders `{{}}` for {} values; give one value per placeholder",
                pieces.len() - 1,
                values.len()
            ),
        ));
    }
    let mut out = String::new();
    for (i, piece) in pieces.iter().enumerate() {
        out.push_str(piece);
        if let Some(arg) = values.get(i) {
            java_text(&arg.value, &mut out);
        }
    }
    Ok(Json::String(out))
}

/// A value as `States.Format` writes it: strings as they are, numbers,
/// booleans and `null` as JSON, objects and arrays as Java writes maps and
/// lists (`{a=1, b=[x, y]}`). Walks with a stack, not by recursion.
fn java_text(value: &Json, out: &mut String) {
    enum Item<'j> {
        Value(&'j Json),
        Text(&'static str),
        Key(&'j str),
    }
    let mut stack = vec![Item::Value(value)];
    while let Some(item) = stack.pop() {
        match item {
            Item::Text(text) => out.push_str(text),
            Item::Key(key) => {
                out.push_str(key);
                out.push('=');
            }
            Item::Value(Json::String(s)) => out.push_str(s),
            Item::Value(Json::Array(items)) => {
                out.push('[');
                stack.push(Item::Text("]"));
                for (i, item) in items.iter().enumerate().rev() {
                    stack.push(Item::Value(item));
                    if i > 0 {
                        stack.push(Item::Text(", "));
                    }
                }
            }
            Item::Value(Json::Object(members)) => {
                out.push('{');
                stack.push(Item::Text("}"));
                for (i, (key, item)) in members.iter().enumerate().rev() {
                    stack.push(Item::Value(item));
                    stack.push(Item::Key(key));
                    if i > 0 {
                        stack.push(Item::Text(", "));
                    }
                }
            }
            Item::Value(other) => out.push_str(&to_json_text(other, 0)),
        }
    }
}

/// `States.ArrayRange(start, end, step)`: from `start` while not past
/// `end`, by `step`.
fn range(f: Function, at: usize, args: &[Arg]) -> Result<Json, Error> {
    let start = integer(f, args, 0, at)?;
    let end = integer(f, args, 1, at)?;
    let step = integer(f, args, 2, at)?;
    if step == 0 {
        return Err(failure(at, f, "the step must not be 0"));
    }
    let count = (i128::from(end) - i128::from(start)) / i128::from(step) + 1;
    if count > MAX_RANGE as i128 {
        return Err(failure(
            at,
            f,
            format!("the range would have {count} elements; at most {MAX_RANGE} are allowed"),
        ));
    }
    let count = usize::try_from(count).unwrap_or(0);
    let mut out = Vec::with_capacity(count);
    let mut n = start;
    for _ in 0..count {
        out.push(Json::Number(Number::from(n)));
        n = n.saturating_add(step);
    }
    Ok(Json::Array(out))
}

/// `States.Hash(data, algorithm)`: the lowercase hex digest (data that is
/// not a string is hashed as its JSON text).
fn hash(f: Function, at: usize, args: &[Arg]) -> Result<Json, Error> {
    let data = match value(args, 0) {
        Json::String(s) => s.clone(),
        other => to_json_text(other, 0),
    };
    if data.chars().count() > MAX_TEXT {
        return Err(failure(
            at,
            f,
            format!("the data is longer than {MAX_TEXT} characters"),
        ));
    }
    let algorithm = string(f, args, 1, at)?;
    let bytes = data.as_bytes();
    let digest: Vec<u8> = match algorithm {
        "MD5" => Md5::digest(bytes).to_vec(),
        "SHA-1" => Sha1::digest(bytes).to_vec(),
        "SHA-256" => Sha256::digest(bytes).to_vec(),
        "SHA-384" => Sha384::digest(bytes).to_vec(),
        "SHA-512" => Sha512::digest(bytes).to_vec(),
        other => {
            return Err(failure(
                where_is(args, 1, at),
                f,
                format!("unknown algorithm {other:?}; use MD5, SHA-1, SHA-256, SHA-384 or SHA-512"),
            ))
        }
    };
    Ok(Json::String(
        digest.iter().map(|b| format!("{b:02x}")).collect(),
    ))
}
