//! A Distributed Map's `ItemReader` over S3 data that a handler or mock
//! stands in for. What the handler returns is read as AWS reads the S3
//! object, by `ReaderConfig`:
//!
//! - `arn:aws:states:::s3:listObjectsV2`: the ListObjectsV2 response
//!   (`{"Contents": […]}`), one item per listed object, or with
//!   `Transformation: LOAD_AND_FLATTEN` the items of every listed object;
//! - otherwise (`s3:getObject`) the object's text, as a string or as the
//!   GetObject response's `Body`, read by `InputType`: `CSV` (with
//!   `CSVHeaderLocation`, `CSVHeaders` and `CSVDelimiter`), `JSON` (with
//!   `ItemsPointer`) or `JSONL`;
//! - an array is taken as the items already read.
//!
//! `MaxItems` keeps the first items (0 keeps them all). A problem is
//! `States.ItemReaderFailed` with a cause that says what to fix.
//!
//! Files: `csv`, `json_document`, `json_lines`, `object_listing`, one per
//! way of reading.

mod csv;
#[cfg(test)]
mod csv_props;
mod json_document;
mod json_lines;
mod object_listing;

use stepfn::model::{
    CsvDelimiter, CsvHeaderLocation, InputType, Json, ReaderConfig, ReaderTransformation,
};

pub(crate) use csv::Headers;

/// How a Map's `ItemReader` reads what its handler returns, from its
/// `Resource` and `ReaderConfig`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ReaderFormat {
    /// `Resource` is `s3:listObjectsV2`.
    pub(crate) listing: bool,
    /// A listing with `Transformation: LOAD_AND_FLATTEN`: every listed
    /// object is read (`s3:getObject`) and its items are the Map's.
    pub(crate) load_and_flatten: bool,
    /// `InputType`.
    pub(crate) input_type: Option<InputType>,
    /// `CSVHeaderLocation` and `CSVHeaders`.
    pub(crate) headers: Headers,
    /// `CSVDelimiter` as a character.
    pub(crate) delimiter: char,
    /// `ItemsPointer`.
    pub(crate) items_pointer: Option<String>,
}

impl ReaderFormat {
    /// The format of an `ItemReader` with this `Resource` and `ReaderConfig`.
    pub(crate) fn new(resource: &str, config: Option<&ReaderConfig>) -> ReaderFormat {
        let headers = match config.and_then(|c| c.csv_header_location) {
            Some(CsvHeaderLocation::Given) => Headers::Given(
                config
                    .and_then(|c| c.csv_headers.clone())
                    .unwrap_or_default(),
            ),
            _ => Headers::FirstRow,
        };
        let listing = resource.ends_with(":s3:listObjectsV2");
        ReaderFormat {
            listing,
            load_and_flatten: listing
                && config.and_then(|c| c.transformation)
                    == Some(ReaderTransformation::LoadAndFlatten),
            input_type: config.and_then(|c| c.input_type),
            headers,
            delimiter: match config.and_then(|c| c.csv_delimiter) {
                None | Some(CsvDelimiter::Comma) => ',',
                Some(CsvDelimiter::Pipe) => '|',
                Some(CsvDelimiter::Semicolon) => ';',
                Some(CsvDelimiter::Space) => ' ',
                Some(CsvDelimiter::Tab) => '\t',
            },
            items_pointer: config.and_then(|c| c.items_pointer.clone()),
        }
    }

    /// The first `limit` items of what the reader's handler for `state`
    /// returned (a listing's objects, when the `Resource` lists). The
    /// error is the cause of `States.ItemReaderFailed`.
    pub(crate) fn items(
        &self,
        state: &str,
        answer: Json,
        limit: usize,
    ) -> Result<Vec<Json>, String> {
        let mut items = if self.listing {
            object_listing::items(state, answer)?
        } else {
            self.object_items(state, answer, limit)?
        };
        items.truncate(limit);
        Ok(items)
    }

    /// The first `limit` items of one S3 object, read by `InputType`
    /// from what its GetObject handler returned.
    pub(crate) fn object_items(
        &self,
        state: &str,
        answer: Json,
        limit: usize,
    ) -> Result<Vec<Json>, String> {
        let mut items = self.all_object_items(state, answer, limit)?;
        items.truncate(limit);
        Ok(items)
    }

    fn all_object_items(
        &self,
        state: &str,
        answer: Json,
        limit: usize,
    ) -> Result<Vec<Json>, String> {
        let text = match answer {
            Json::Array(items) => return Ok(items),
            Json::String(text) => text,
            Json::Object(mut response) if matches!(response.get("Body"), Some(Json::String(_))) => {
                match response.swap_remove("Body") {
                    Some(Json::String(text)) => text,
                    _ => String::new(),
                }
            }
            document if self.input_type == Some(InputType::Json) => {
                return json_document::items(document, self.items_pointer.as_deref());
            }
            other => return Err(unexpected(state, &other)),
        };
        match self.input_type {
            Some(InputType::Csv) => csv::items(&text, self.delimiter, &self.headers, limit),
            Some(InputType::Json) => json_document::items(
                json_document::parse(&text)?,
                self.items_pointer.as_deref(),
            ),
            Some(InputType::Jsonl) => json_lines::items(&text, limit),
            Some(other) => Err(format!(
                "The ItemReader of state '{state}' reads {other} objects, whose text the simulator does not \
                 parse: have its handler return the array of items"
            )),
            None => Err(format!(
                "The ItemReader handler of state '{state}' returned the S3 object's text, but \
                 ReaderConfig.InputType is not set: set it to \"CSV\", \"JSON\" or \"JSONL\""
            )),
        }
    }
}

/// The cause when a reader's handler returns neither text nor items.
fn unexpected(state: &str, answer: &Json) -> String {
    format!(
        "The ItemReader handler of state '{state}' returned {} where the S3 object's text \
         (a string, or {{\"Body\": text}}) or an array of items is expected",
        answer.type_name()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn format(config: ReaderConfig) -> ReaderFormat {
        ReaderFormat::new("arn:aws:states:::s3:getObject", Some(&config))
    }

    fn input(input_type: InputType) -> ReaderConfig {
        ReaderConfig {
            input_type: Some(input_type),
            ..ReaderConfig::default()
        }
    }

    #[test]
    fn text_is_read_by_input_type() {
        let csv = format(ReaderConfig {
            csv_header_location: Some(CsvHeaderLocation::Given),
            csv_headers: Some(vec!["x".into(), "y".into()]),
            csv_delimiter: Some(CsvDelimiter::Tab),
            ..input(InputType::Csv)
        });
        let got = csv
            .items("M", Json::from("1\t2\n3\t4"), usize::MAX)
            .unwrap();
        assert_eq!(
            crate::json::text(&Json::Array(got)),
            r#"[{"x":"1","y":"2"},{"x":"3","y":"4"}]"#
        );
        let body: Json =
            serde_json::from_str(r#"{"Body": "[1,2,3]", "ContentType": "application/json"}"#)
                .unwrap();
        assert_eq!(
            format(input(InputType::Json))
                .items("M", body, 2)
                .unwrap()
                .len(),
            2
        );
        let e = format(ReaderConfig::default())
            .items("M", Json::from("a,b"), usize::MAX)
            .unwrap_err();
        assert!(e.contains("InputType is not set"), "{e}");
        let e = format(input(InputType::Parquet))
            .items("M", Json::from("PAR1"), usize::MAX)
            .unwrap_err();
        assert!(e.contains("PARQUET"), "{e}");
        let e = format(input(InputType::Csv))
            .items("M", Json::Bool(true), usize::MAX)
            .unwrap_err();
        assert!(
            e.starts_with("The ItemReader handler of state 'M' returned"),
            "{e}"
        );
    }
}
