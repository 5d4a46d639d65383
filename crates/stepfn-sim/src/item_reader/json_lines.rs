//! JSON Lines objects as a Distributed Map's `ItemReader` reads them
//! (`InputType: JSONL`): each non-empty line is one JSON value, one item.

use stepfn::model::Json;

/// Reads at most `limit` items, one per non-empty line. The error names
/// the line that is not JSON.
pub(crate) fn items(text: &str, limit: usize) -> Result<Vec<Json>, String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if out.len() >= limit {
            break;
        }
        if line.trim().is_empty() {
            continue;
        }
        let value = serde_json::from_str(line).map_err(|e| {
            format!(
                "Line {} of the JSONL object is not a JSON value ({e}): write one JSON value per line",
                n + 1
            )
        })?;
        out.push(value);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_item_per_line() {
        let got = items("{\"a\":1}\n\n[2]\r\n\"x\"\n", usize::MAX).unwrap();
        assert_eq!(crate::json::text(&Json::Array(got)), r#"[{"a":1},[2],"x"]"#);
        assert_eq!(items_len("1\n2\n3", 2), 2);
        let e = items("1\n{oops\n", usize::MAX).unwrap_err();
        assert!(e.starts_with("Line 2 of the JSONL object"), "{e}");
    }

    fn items_len(text: &str, limit: usize) -> usize {
        items(text, limit).unwrap().len()
    }
}
