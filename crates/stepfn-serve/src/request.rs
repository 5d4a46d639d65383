//! The fields of a request body, read with AWS's errors for what is
//! missing or of the wrong type.

use serde_json::{Map, Value};

use crate::error::ApiError;

/// A request's JSON object.
pub(crate) struct Request(Map<String, Value>);

impl Request {
    /// Parses a body; an empty body is `{}`.
    pub(crate) fn parse(body: &[u8]) -> Result<Request, ApiError> {
        if body.iter().all(u8::is_ascii_whitespace) {
            return Ok(Request(Map::new()));
        }
        match serde_json::from_slice(body) {
            Ok(Value::Object(map)) => Ok(Request(map)),
            Ok(_) => Err(ApiError::new(
                "SerializationException",
                "the request body must be a JSON object",
            )),
            Err(e) => Err(ApiError::new(
                "SerializationException",
                format!("the request body is not JSON: {e}"),
            )),
        }
    }

    /// An optional string field.
    pub(crate) fn string(&self, field: &str) -> Result<Option<&str>, ApiError> {
        match self.0.get(field) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(ApiError::new(
                "SerializationException",
                format!("'{field}' must be a string"),
            )),
        }
    }

    /// A required string field.
    pub(crate) fn required(&self, field: &str) -> Result<&str, ApiError> {
        self.string(field)?.ok_or_else(|| {
            ApiError::validation(format!(
                "1 validation error detected: Value null at '{field}' failed to satisfy constraint: Member must not be null"
            ))
        })
    }

    /// An optional boolean field.
    pub(crate) fn boolean(&self, field: &str) -> Result<Option<bool>, ApiError> {
        match self.0.get(field) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(_) => Err(ApiError::new(
                "SerializationException",
                format!("'{field}' must be a boolean"),
            )),
        }
    }

    /// An optional integer field.
    pub(crate) fn integer(&self, field: &str) -> Result<Option<u64>, ApiError> {
        match self.0.get(field) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Number(n)) => n.as_u64().map(Some).ok_or_else(|| {
                ApiError::validation(format!("'{field}' must be a whole number of at least 0"))
            }),
            Some(_) => Err(ApiError::new(
                "SerializationException",
                format!("'{field}' must be a number"),
            )),
        }
    }

    /// An optional object field, as it is.
    pub(crate) fn value(&self, field: &str) -> Option<&Value> {
        self.0.get(field).filter(|v| !v.is_null())
    }

    /// `maxResults` within 1 to 1000 (0 or absent: `default`).
    pub(crate) fn page_size(&self, default: usize) -> Result<usize, ApiError> {
        match self.integer("maxResults")? {
            None | Some(0) => Ok(default),
            Some(n) if n <= 1000 => Ok(usize::try_from(n).unwrap_or(default)),
            Some(n) => Err(ApiError::validation(format!(
                "1 validation error detected: Value '{n}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000"
            ))),
        }
    }

    /// Where a page starts: `nextToken` from an earlier answer, or 0.
    pub(crate) fn page_start(&self) -> Result<usize, ApiError> {
        match self.string("nextToken")? {
            None => Ok(0),
            Some(token) => token
                .strip_prefix("page-")
                .and_then(|n| n.parse().ok())
                .ok_or_else(|| {
                    ApiError::new(
                        "InvalidToken",
                        format!("Invalid Token: '{token}' is not a nextToken this endpoint gave"),
                    )
                }),
        }
    }
}

/// One page of `items` from `start`, with the `nextToken` of the next.
pub(crate) fn page<T>(items: Vec<T>, start: usize, size: usize) -> (Vec<T>, Option<String>) {
    let total = items.len();
    let end = start.saturating_add(size).min(total);
    let page: Vec<T> = items
        .into_iter()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect();
    let next = (end < total).then(|| format!("page-{end}"));
    (page, next)
}

/// Milliseconds since the epoch as AWS's JSON protocol writes a
/// timestamp: seconds, with a fraction.
pub(crate) fn timestamp(millis: i64) -> Value {
    #[allow(clippy::cast_precision_loss)] // milliseconds of any real date fit an f64 exactly
    let seconds = millis as f64 / 1000.0;
    serde_json::Number::from_f64(seconds).map_or(Value::Null, Value::Number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_carry_a_token_to_the_next() {
        let (first, next) = page((0..5).collect(), 0, 2);
        assert_eq!(first, [0, 1]);
        assert_eq!(next.as_deref(), Some("page-2"));
        let (last, next) = page((0..5).collect(), 4, 2);
        assert_eq!(last, [4]);
        assert_eq!(next, None);
    }

    #[test]
    fn missing_fields_are_validation_errors() {
        let request = Request::parse(br#"{"name": 3}"#).unwrap();
        assert_eq!(
            request.required("definition").unwrap_err().name(),
            "ValidationException"
        );
        assert_eq!(
            request.string("name").unwrap_err().name(),
            "SerializationException"
        );
        assert_eq!(Request::parse(b"").unwrap().page_start().unwrap(), 0);
        let bad = Request::parse(br#"{"nextToken": "x"}"#).unwrap();
        assert_eq!(bad.page_start().unwrap_err().name(), "InvalidToken");
    }

    #[test]
    fn timestamps_are_epoch_seconds() {
        assert_eq!(timestamp(1_500).to_string(), "1.5");
    }
}
