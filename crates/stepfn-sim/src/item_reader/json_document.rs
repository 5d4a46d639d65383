//! JSON objects as a Distributed Map's `ItemReader` reads them
//! (`InputType: JSON`): the document, or the value `ItemsPointer` points
//! at (a JSON Pointer such as `/data/items`; `""` is the whole document),
//! must be an array, whose elements are the items.

use stepfn::model::Json;

/// AWS's cause when the items are not an array.
pub(crate) const NOT_AN_ARRAY: &str = "Attempting to map over non-iterable node.";

/// Parses a JSON object's text.
pub(crate) fn parse(text: &str) -> Result<Json, String> {
    serde_json::from_str(text).map_err(|e| {
        format!("The JSON object is not valid JSON ({e}): store one JSON array, or set ReaderConfig.InputType to JSONL for one value per line")
    })
}

/// The items of a parsed JSON document.
pub(crate) fn items(document: Json, pointer: Option<&str>) -> Result<Vec<Json>, String> {
    let found = match pointer {
        None | Some("") => document,
        Some(pointer) => at_pointer(document, pointer)?,
    };
    match found {
        Json::Array(items) => Ok(items),
        _ => Err(NOT_AN_ARRAY.to_owned()),
    }
}

/// The value at a JSON Pointer (`/a/0/b`, with `~1` for `/` and `~0` for `~`).
fn at_pointer(document: Json, pointer: &str) -> Result<Json, String> {
    let Some(path) = pointer.strip_prefix('/') else {
        return Err(format!(
            "ItemsPointer {pointer:?} is not a JSON Pointer: start it with '/', as in \"/items\""
        ));
    };
    let mut current = document;
    for token in path.split('/') {
        let key = token.replace("~1", "/").replace("~0", "~");
        let next = match current {
            Json::Object(mut members) => members.swap_remove(&key),
            Json::Array(mut elements) => match key.parse::<usize>() {
                Ok(i) if i < elements.len() => Some(elements.swap_remove(i)),
                _ => None,
            },
            _ => None,
        };
        current = next.ok_or_else(|| {
            format!("ItemsPointer {pointer:?} points at nothing in the JSON object (no {key:?})")
        })?;
    }
    Ok(current)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pointer_finds_the_array() {
        let doc = parse(r#"{"a": {"x/y": [[1], [2, 3]]}}"#).unwrap();
        let got = items(doc, Some("/a/x~1y/1")).unwrap();
        assert_eq!(crate::json::text(&Json::Array(got)), "[2,3]");
        let doc = parse(r#"{"a": 1}"#).unwrap();
        assert_eq!(items(doc.clone(), None).unwrap_err(), NOT_AN_ARRAY);
        assert_eq!(items(doc.clone(), Some("/a")).unwrap_err(), NOT_AN_ARRAY);
        assert!(items(doc, Some("/b")).unwrap_err().contains("no \"b\""));
    }
}
