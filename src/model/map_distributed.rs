//! The Distributed Map's S3 reading, batching and result writing.

use serde::Serialize;

use super::{Json, MaxInputBytesPerBatch, MaxItems, MaxItemsPerBatch, Resource};

/// `ItemReader`: reads a Map's items from S3.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct ItemReader {
    /// `Resource`, e.g. `arn:aws:states:::s3:getObject`.
    #[serde(rename = "Resource")]
    pub resource: Resource,
    /// `ReaderConfig`: the file format and limits.
    #[serde(rename = "ReaderConfig", skip_serializing_if = "Option::is_none")]
    pub reader_config: Option<ReaderConfig>,
    /// `Parameters` (JSONPath): bucket and key (or prefix).
    #[serde(rename = "Parameters", skip_serializing_if = "Option::is_none")]
    pub parameters: Option<Json>,
    /// `Arguments` (JSONata): bucket and key (or prefix).
    #[serde(rename = "Arguments", skip_serializing_if = "Option::is_none")]
    pub arguments: Option<Json>,
}

/// `ItemReader.ReaderConfig`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct ReaderConfig {
    /// `InputType`: `CSV`, `JSON`, `JSONL`, `MANIFEST` or `PARQUET`.
    #[serde(rename = "InputType", skip_serializing_if = "Option::is_none")]
    pub input_type: Option<String>,
    /// `Transformation`, e.g. `NONE` or `LOAD_AND_FLATTEN`.
    #[serde(rename = "Transformation", skip_serializing_if = "Option::is_none")]
    pub transformation: Option<String>,
    /// `ManifestType`, e.g. `S3_INVENTORY` or `ATHENA_DATA`.
    #[serde(rename = "ManifestType", skip_serializing_if = "Option::is_none")]
    pub manifest_type: Option<String>,
    /// `CSVHeaderLocation`: `FIRST_ROW` or `GIVEN`.
    #[serde(rename = "CSVHeaderLocation", skip_serializing_if = "Option::is_none")]
    pub csv_header_location: Option<String>,
    /// `CSVHeaders`: the column names when the location is `GIVEN`.
    #[serde(rename = "CSVHeaders", skip_serializing_if = "Option::is_none")]
    pub csv_headers: Option<Vec<String>>,
    /// `CSVDelimiter`: `COMMA`, `PIPE`, `SEMICOLON`, `SPACE` or `TAB`.
    #[serde(rename = "CSVDelimiter", skip_serializing_if = "Option::is_none")]
    pub csv_delimiter: Option<String>,
    /// `ItemsPointer`: a JSON pointer to the array inside a JSON file.
    #[serde(rename = "ItemsPointer", skip_serializing_if = "Option::is_none")]
    pub items_pointer: Option<String>,
    /// `MaxItems` or `MaxItemsPath`.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<MaxItems>,
}

/// `ItemBatcher`: groups a Distributed Map's items into batches.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct ItemBatcher {
    /// `MaxItemsPerBatch` or `MaxItemsPerBatchPath`.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub max_items_per_batch: Option<MaxItemsPerBatch>,
    /// `MaxInputBytesPerBatch` or `MaxInputBytesPerBatchPath`.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub max_input_bytes_per_batch: Option<MaxInputBytesPerBatch>,
    /// `BatchInput`: extra input added to every batch.
    #[serde(rename = "BatchInput", skip_serializing_if = "Option::is_none")]
    pub batch_input: Option<Json>,
}

/// `ResultWriter`: writes a Distributed Map's results to S3.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct ResultWriter {
    /// `Resource`: `arn:aws:states:::s3:putObject`.
    #[serde(rename = "Resource", skip_serializing_if = "Option::is_none")]
    pub resource: Option<Resource>,
    /// `Parameters` (JSONPath): `Bucket` and `Prefix`.
    #[serde(rename = "Parameters", skip_serializing_if = "Option::is_none")]
    pub parameters: Option<Json>,
    /// `Arguments` (JSONata): `Bucket` and `Prefix`.
    #[serde(rename = "Arguments", skip_serializing_if = "Option::is_none")]
    pub arguments: Option<Json>,
    /// `WriterConfig`: the shape of what is written.
    #[serde(rename = "WriterConfig", skip_serializing_if = "Option::is_none")]
    pub writer_config: Option<WriterConfig>,
}

/// `ResultWriter.WriterConfig`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct WriterConfig {
    /// `Transformation`: `NONE`, `COMPACT` or `FLATTEN`.
    #[serde(rename = "Transformation", skip_serializing_if = "Option::is_none")]
    pub transformation: Option<String>,
    /// `OutputType`: `JSON` or `JSONL`.
    #[serde(rename = "OutputType", skip_serializing_if = "Option::is_none")]
    pub output_type: Option<String>,
}
