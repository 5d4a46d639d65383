//! From values back to JSON.

use stepfn::model::{Json, JsonObject, Number};

use super::Value;
use crate::error::{Fault, FaultExt, Result};
use crate::eval::Ctx;

/// The JSON for a number: integers as integers, other finite numbers as
/// floats, and (as AWS writes them) infinities and NaN as strings.
pub(crate) fn number_json(x: f64) -> Json {
    if x.is_nan() {
        return Json::String("NaN".to_string());
    }
    if x.is_infinite() {
        return Json::String(if x > 0.0 { "Infinity" } else { "-Infinity" }.to_string());
    }
    if x.fract() == 0.0 && x.abs() < 9.007_199_254_740_992e15 {
        #[allow(clippy::cast_possible_truncation)]
        return Json::Number(Number::from(x as i64));
    }
    Number::from_f64(x).map_or(Json::Null, Json::Number)
}

/// The JSON for a value; `None` for undefined. Inside arrays undefined
/// becomes `null` and inside objects the field is left out, as
/// `JSON.stringify` does; functions become `""`, as in `$string`.
pub(crate) fn to_json(ctx: &Ctx<'_>, value: Value<'_>) -> Result<Option<Json>> {
    convert(ctx, value, 0)
}

/// [`to_json`] at nesting `depth`.
fn convert(ctx: &Ctx<'_>, value: Value<'_>, depth: usize) -> Result<Option<Json>> {
    // a scalar nests nothing: one step, no depth or stack check
    let scalar = match value {
        Value::Undefined => return Ok(None),
        Value::Null => Some(Json::Null),
        Value::Bool(b) => Some(Json::Bool(b)),
        Value::Number(n) => Some(number_json(n)),
        Value::String(s) => Some(Json::String(s.to_string())),
        Value::Function(_) => Some(Json::String(String::new())),
        _ => None,
    };
    if let Some(json) = scalar {
        ctx.step()?;
        return Ok(Some(json));
    }
    if depth > ctx.limits.value_depth {
        return Err(Fault::new("U1001").detail("value depth"));
    }
    ctx.check_stack(0).map_err(|f| f.detail("value depth"))?;
    ctx.step()?;
    if let Value::JObject(_) | Value::JArray(_) = value {
        if let Some(json) = copy_input(ctx, value, depth)? {
            return Ok(Some(json));
        }
    }
    Ok(Some(match value {
        Value::Undefined => return Ok(None),
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(b),
        Value::Number(n) => number_json(n),
        Value::String(s) => Json::String(s.to_string()),
        Value::Function(_) => Json::String(String::new()),
        Value::Array(_) | Value::JArray(_) => {
            let mut items = Vec::with_capacity(value.len());
            for item in value.items() {
                items.push(convert(ctx, item, depth + 1)?.unwrap_or(Json::Null));
            }
            Json::Array(items)
        }
        Value::Object(object) => {
            let mut map = JsonObject::with_capacity(object.len());
            for (key, item) in object.entries {
                if let Some(json) = convert(ctx, *item, depth + 1)? {
                    map.insert((*key).to_string(), json);
                }
            }
            Json::Object(map)
        }
        Value::JObject(object) => {
            // numbers are read again as doubles, as JavaScript reads them
            let mut map = JsonObject::with_capacity(object.len());
            for (key, item) in object {
                if let Some(json) = convert(ctx, Value::of_json(item), depth + 1)? {
                    map.insert(key.clone(), json);
                }
            }
            Json::Object(map)
        }
        Value::Tuple(tuple) => return convert(ctx, tuple.focus, depth),
    }))
}

/// Parts of the input no deeper than this are copied as they are.
const COPY_HEIGHT: usize = 64;

/// A part of the input, copied (which skips hashing every key again) and
/// then with each number rewritten as JavaScript reads it; `None` when it
/// nests too deep to copy that way (it is then converted value by value).
fn copy_input(ctx: &Ctx<'_>, value: Value<'_>, depth: usize) -> Result<Option<Json>> {
    let (top, items): (&[Json], Option<&JsonObject>) = match value {
        Value::JObject(map) => (&[], Some(map)),
        Value::JArray(items) => (items, None),
        _ => return Ok(None),
    };
    // look first: how deep, how many values, whether a number changes
    let mut pending: Vec<(&Json, usize)> = Vec::new();
    pending.extend(top.iter().map(|v| (v, 1)));
    if let Some(map) = items {
        pending.extend(map.values().map(|v| (v, 1)));
    }
    let (mut count, mut numbers) = (0u64, false);
    while let Some((json, height)) = pending.pop() {
        count += 1;
        if height > COPY_HEIGHT {
            return Ok(None);
        }
        if depth + height > ctx.limits.value_depth {
            return Err(Fault::new("U1001").detail("value depth"));
        }
        match json {
            Json::Number(n) => numbers |= !keeps(n),
            Json::Array(items) => pending.extend(items.iter().map(|v| (v, height + 1))),
            Json::Object(map) => pending.extend(map.values().map(|v| (v, height + 1))),
            Json::Null | Json::Bool(_) | Json::String(_) => {}
        }
    }
    ctx.steps_n(count)?;
    let mut json = match items {
        Some(map) => Json::Object(map.clone()),
        None => Json::Array(top.to_vec()),
    };
    if numbers {
        let mut pending: Vec<&mut Json> = vec![&mut json];
        while let Some(json) = pending.pop() {
            match json {
                Json::Number(n) if !keeps(n) => *json = number_json(n.as_f64()),
                Json::Array(items) => pending.extend(items.iter_mut()),
                Json::Object(map) => pending.extend(map.values_mut()),
                _ => {}
            }
        }
    }
    Ok(Some(json))
}

/// Whether the number stays as it is when read as JavaScript reads it.
fn keeps(n: &Number) -> bool {
    matches!(number_json(n.as_f64()), Json::Number(m) if m == *n)
}

/// Writes `json` as `JSON.stringify(json, null, indent)` would (numbers as
/// JavaScript prints doubles), without recursion.
pub(crate) fn write_json_text(json: &Json, indent: usize, level: usize, out: &mut String) {
    /// What is left to write.
    enum Task<'j> {
        /// A value at a nesting level.
        Value(&'j Json, usize),
        /// Literal text.
        Text(&'static str),
        /// A line break indented to a level.
        Break(usize),
        /// An object key and its separator.
        Key(&'j str),
    }
    let newline = |out: &mut String, level: usize| {
        if indent > 0 {
            out.push('\n');
            out.extend(std::iter::repeat_n(' ', indent * level));
        }
    };
    let mut tasks = vec![Task::Value(json, level)];
    while let Some(task) = tasks.pop() {
        match task {
            Task::Text(t) => out.push_str(t),
            Task::Break(level) => newline(out, level),
            Task::Key(k) => {
                super::text::write_quoted(out, k);
                out.push(':');
                if indent > 0 {
                    out.push(' ');
                }
            }
            Task::Value(value, level) => match value {
                Json::Null => out.push_str("null"),
                Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
                Json::Number(n) => super::number::write_number(out, n.as_f64()),
                Json::String(s) => super::text::write_quoted(out, s),
                Json::Array(items) if items.is_empty() => out.push_str("[]"),
                Json::Object(map) if map.is_empty() => out.push_str("{}"),
                Json::Array(items) => {
                    out.push('[');
                    tasks.push(Task::Text("]"));
                    tasks.push(Task::Break(level));
                    for (i, item) in items.iter().enumerate().rev() {
                        tasks.push(Task::Value(item, level + 1));
                        tasks.push(Task::Break(level + 1));
                        if i > 0 {
                            tasks.push(Task::Text(","));
                        }
                    }
                }
                Json::Object(map) => {
                    out.push('{');
                    tasks.push(Task::Text("}"));
                    tasks.push(Task::Break(level));
                    for (i, (key, item)) in map.iter().enumerate().rev() {
                        tasks.push(Task::Value(item, level + 1));
                        tasks.push(Task::Key(key));
                        tasks.push(Task::Break(level + 1));
                        if i > 0 {
                            tasks.push(Task::Text(","));
                        }
                    }
                }
            },
        }
    }
}

/// The value for a piece of JSON the caller gives (input, bindings).
pub(crate) fn from_json(json: &Json) -> Value<'_> {
    Value::of_json(json)
}
