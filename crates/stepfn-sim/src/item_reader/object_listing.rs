//! `arn:aws:states:::s3:listObjectsV2` as a Distributed Map's
//! `ItemReader`: each listed object (an entry of the response's
//! `Contents`, as S3 gives it: `Key`, `Size`, `ETag`, …) is one item. S3
//! leaves `Contents` out when nothing is listed.

use stepfn::model::Json;

/// The items of what the listing's handler returned: the response
/// (`{"Contents": […], …}`) or the entries themselves.
pub(crate) fn items(state: &str, answer: Json) -> Result<Vec<Json>, String> {
    match answer {
        Json::Array(items) => Ok(items),
        Json::Object(mut response) => match response.swap_remove("Contents") {
            Some(Json::Array(items)) => Ok(items),
            None | Some(Json::Null) => Ok(Vec::new()),
            Some(other) => Err(format!(
                "The ListObjectsV2 response for the ItemReader of state '{state}' has Contents {} where an array of objects is expected",
                other.type_name()
            )),
        },
        other => Err(format!(
            "The ItemReader handler of state '{state}' returned {} where a ListObjectsV2 response ({{\"Contents\": […]}}) or an array of objects is expected",
            other.type_name()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contents_are_the_items() {
        let response: Json =
            serde_json::from_str(r#"{"Contents": [{"Key": "a"}, {"Key": "b"}], "KeyCount": 2}"#)
                .unwrap();
        assert_eq!(items("M", response).unwrap().len(), 2);
        let empty: Json = serde_json::from_str(r#"{"KeyCount": 0}"#).unwrap();
        assert!(items("M", empty).unwrap().is_empty());
        assert!(items("M", Json::from("x"))
            .unwrap_err()
            .contains("state 'M'"));
    }
}
