//! `States.Format`, `States.StringToJson`, `States.JsonToString`,
//! `States.StringSplit`, `States.Base64Encode` and `States.Base64Decode`.

use stepfn::model::Json;

use super::{base64, Args};
use crate::eval::EvalError;
use crate::json::{self, java_text};

/// The most characters `States.Base64Encode`, `States.Base64Decode` and
/// `States.Hash` take.
pub(super) const MAX_TEXT_CHARS: usize = 10_000;

/// `States.Format(template, values…)`: each `{}` replaced by the next
/// value; strings as they are, other values as JSON text, objects and
/// arrays as Java prints them (`{a=1, b=[]}`).
pub(super) fn format(args: &Args) -> Result<Json, EvalError> {
    let pieces: Vec<String> = match args.template(0) {
        Some(pieces) => pieces.to_vec(),
        None => args.string(0)?.split("{}").map(str::to_owned).collect(),
    };
    let values = args.len().saturating_sub(1);
    if pieces.len().saturating_sub(1) != values {
        return Err(args.error(&format!(
            "the template has {} placeholder(s) `{{}}` but {values} value(s) follow it",
            pieces.len().saturating_sub(1)
        )));
    }
    let mut out = String::new();
    for (i, piece) in pieces.iter().enumerate() {
        out.push_str(piece);
        if i < values {
            match &*args.json(i + 1)? {
                Json::String(s) => out.push_str(s),
                other => out.push_str(&java_text(other)),
            }
        }
    }
    Ok(Json::String(out))
}

/// `States.StringToJson(text)`: the JSON value of the text; blank text is
/// `null`.
pub(super) fn string_to_json(args: &Args) -> Result<Json, EvalError> {
    let text = args.string(0)?;
    if text.trim().is_empty() {
        return Ok(Json::Null);
    }
    if text.trim() == "-0" {
        return Ok(json::int(0));
    }
    let value = json::parse(&text).ok_or_else(|| {
        args.error(&format!(
            "the string {} is not valid JSON",
            json::text(&Json::String(text.chars().take(100).collect()))
        ))
    })?;
    Ok(value)
}

/// `States.JsonToString(value)`: compact JSON text.
pub(super) fn json_to_string(args: &Args) -> Result<Json, EvalError> {
    Ok(Json::String(json::text(&*args.json(0)?)))
}

/// `States.StringSplit(text, delimiters)`: split on every character of
/// `delimiters`, empty pieces dropped.
pub(super) fn string_split(args: &Args) -> Result<Json, EvalError> {
    let text = args.string(0)?;
    let delimiters = args.string(1)?;
    let pieces = text
        .split(|c| delimiters.contains(c))
        .filter(|piece| !piece.is_empty())
        .map(|piece| Json::String(piece.to_owned()))
        .collect();
    Ok(Json::Array(pieces))
}

/// `States.Base64Encode(text)`: Base64 of the text's UTF-8 bytes.
pub(super) fn base64_encode(args: &Args) -> Result<Json, EvalError> {
    let text = args.string(0)?;
    check_length(args, &text)?;
    Ok(Json::String(base64::encode(text.as_bytes())))
}

/// `States.Base64Decode(text)`: the text Base64 data decodes to.
pub(super) fn base64_decode(args: &Args) -> Result<Json, EvalError> {
    let text = args.string(0)?;
    check_length(args, &text)?;
    let bytes =
        base64::decode(&text).ok_or_else(|| args.error("the string is not valid Base64 data"))?;
    Ok(Json::String(String::from_utf8_lossy(&bytes).into_owned()))
}

/// Fails when `text` is longer than AWS accepts.
pub(super) fn check_length(args: &Args, text: &str) -> Result<(), EvalError> {
    if text.chars().count() > MAX_TEXT_CHARS {
        return Err(args.error(&format!(
            "the input string is longer than {MAX_TEXT_CHARS} characters"
        )));
    }
    Ok(())
}
