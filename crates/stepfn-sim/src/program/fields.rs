//! One field of a state at a time: a retrier with AWS's defaults, the
//! selecting and placing paths (`InputPath`, `ResultPath`, ...), and the
//! texts that are a path or an intrinsic call.

use stepfn::model::{JitterStrategy, Json, Resource, Retrier as ModelRetrier};
use stepfn::syntax::{parse_path_or_intrinsic, PathOrIntrinsic};

use super::{Place, Retrier, Select, Text};
use crate::eval::intrinsic::Intrinsic;
use crate::eval::jsonpath::JsonPath;

/// A field that could not be compiled, named in the error.
pub(super) type R<T> = Result<T, String>;

/// A retrier with AWS's defaults filled in.
pub(super) fn retrier(r: &ModelRetrier) -> Retrier {
    #[allow(clippy::cast_precision_loss)]
    Retrier {
        error_equals: r.error_equals.clone(),
        interval_seconds: r.interval_seconds.unwrap_or(1) as f64,
        max_attempts: r.max_attempts.unwrap_or(3),
        backoff_rate: r
            .backoff_rate
            .as_ref()
            .map_or(2.0, stepfn::model::Number::as_f64),
        max_delay_seconds: r.max_delay_seconds.map(|s| s as f64),
        jitter: r.jitter_strategy.unwrap_or(JitterStrategy::None),
    }
}

pub(super) fn select(value: &Option<Option<String>>, field: &str) -> R<Select> {
    Ok(match value {
        None => Select::Whole,
        Some(None) => Select::Nothing,
        Some(Some(p)) => {
            let path = JsonPath::parse(p).map_err(|e| format!("{field}: {e}"))?;
            if path.is_identity() {
                Select::Whole
            } else {
                Select::Path(path)
            }
        }
    })
}

pub(super) fn place(value: &Option<Option<String>>, field: &str) -> R<Place> {
    Ok(match value {
        None => Place::Whole,
        Some(None) => Place::Discard,
        Some(Some(p)) => {
            let path = reference(p, field)?;
            if path.is_identity() {
                Place::Whole
            } else {
                Place::Path(path)
            }
        }
    })
}

pub(super) fn reference(text: &str, field: &str) -> R<JsonPath> {
    JsonPath::reference(text).map_err(|e| format!("{field}: {e}"))
}

pub(super) fn path_or_call(text: &str, field: &str) -> R<Text> {
    match parse_path_or_intrinsic(text).map_err(|e| format!("{field}: {e}"))? {
        PathOrIntrinsic::Path(path) => Ok(Text::Path(JsonPath::from_tree(text, path))),
        PathOrIntrinsic::Intrinsic(call) => Ok(Text::Intrinsic(Intrinsic::from_call(&call))),
    }
}

pub(super) fn resource_text(resource: &Resource) -> String {
    match resource {
        Resource::Uri(uri) => uri.clone(),
        Resource::Template(object) => stepfn_text(&Json::Object(object.clone())),
    }
}

pub(super) fn stepfn_text(value: &Json) -> String {
    crate::json::text(value)
}
