//! `States.ArrayPartition`, `States.ArrayContains`, `States.ArrayRange`,
//! `States.ArrayGetItem`, `States.ArrayLength`, `States.ArrayUnique` and
//! `States.JsonMerge`.

use stepfn::model::Json;

use super::Args;
use crate::eval::EvalError;
use crate::json::{equal, int};

/// The most elements `States.ArrayRange` may produce.
const MAX_RANGE: usize = 1000;

/// `States.ArrayPartition(array, size)`: chunks of `size`, the last one
/// possibly shorter.
pub(super) fn partition(args: &Args) -> Result<Json, EvalError> {
    let items = args.array(0)?;
    let size = args.integer(1)?;
    let size = usize::try_from(size)
        .ok()
        .filter(|&s| s > 0)
        .ok_or_else(|| args.error(&format!("the chunk size {size} must be greater than 0")))?;
    Ok(Json::Array(
        items
            .as_ref()
            .chunks(size)
            .map(|chunk| Json::Array(chunk.to_vec()))
            .collect(),
    ))
}

/// `States.ArrayContains(array, value)`: membership by JSON equality.
pub(super) fn contains(args: &Args) -> Result<Json, EvalError> {
    let items = args.array(0)?;
    let value = args.json(1)?;
    Ok(Json::Bool(items.iter().any(|item| equal(item, &value))))
}

/// `States.ArrayRange(start, end, step)`: from `start` while not past
/// `end`, by `step` (negative steps count down); at most 1000 elements.
pub(super) fn range(args: &Args) -> Result<Json, EvalError> {
    let start = args.integer(0)?;
    let end = args.integer(1)?;
    let step = args.integer(2)?;
    if step == 0 {
        return Err(args.error("the step must not be 0"));
    }
    let count = if (step > 0 && start > end) || (step < 0 && start < end) {
        0
    } else {
        end.abs_diff(start) / step.unsigned_abs() + 1
    };
    if count > MAX_RANGE as u64 {
        return Err(args.error(&format!(
            "the range would have {count} elements; at most {MAX_RANGE} are allowed"
        )));
    }
    let mut out = Vec::new();
    let mut value = start;
    for _ in 0..count {
        out.push(int(value));
        value = value.saturating_add(step);
    }
    Ok(Json::Array(out))
}

/// `States.ArrayGetItem(array, index)`: the element at a zero-based index.
pub(super) fn get_item(args: &Args) -> Result<Json, EvalError> {
    let items = args.array(0)?;
    let index = args.integer(1)?;
    usize::try_from(index)
        .ok()
        .and_then(|i| items.get(i))
        .cloned()
        .ok_or_else(|| {
            args.error(&format!(
                "the index {index} is out of range for an array of {} element(s)",
                items.len()
            ))
        })
}

/// `States.ArrayLength(array)`.
pub(super) fn length(args: &Args) -> Result<Json, EvalError> {
    let items = args.array(0)?;
    Ok(int(i64::try_from(items.len()).unwrap_or(i64::MAX)))
}

/// `States.ArrayUnique(array)`: duplicates removed, first occurrences kept
/// in order.
pub(super) fn unique(args: &Args) -> Result<Json, EvalError> {
    let items = args.array(0)?;
    let mut out: Vec<Json> = Vec::new();
    for item in items.iter() {
        if !out.iter().any(|kept| equal(kept, item)) {
            out.push(item.clone());
        }
    }
    Ok(Json::Array(out))
}

/// `States.JsonMerge(a, b, false)`: `a`'s members with `b`'s added or
/// replacing them; deep merging is not supported.
pub(super) fn json_merge(args: &Args) -> Result<Json, EvalError> {
    let first = args.json(0)?;
    let Json::Object(a) = &*first else {
        return Err(args.wrong(0, "a JSON object", &first));
    };
    let second = args.json(1)?;
    let Json::Object(b) = &*second else {
        return Err(args.wrong(1, "a JSON object", &second));
    };
    match &*args.json(2)? {
        Json::Bool(false) => {}
        Json::Bool(true) => {
            return Err(
                args.error("deep merging is not supported: pass false as the third argument")
            )
        }
        other => return Err(args.wrong(2, "a boolean", other)),
    }
    let mut merged = a.clone();
    for (key, value) in b {
        merged.insert(key.clone(), value.clone());
    }
    Ok(Json::Object(merged))
}
