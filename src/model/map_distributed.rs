//! The Distributed Map's S3 reading, batching and result writing.

use serde::Serialize;

use super::value_enum::value_enum;
use super::{Json, MaxInputBytesPerBatch, MaxItems, MaxItemsPerBatch, Resource};

value_enum! {
    /// `ReaderConfig.InputType`: what kind of data the ItemReader reads.
    InputType, "an input type" {
        /// A text file of comma-separated (or otherwise delimited) values.
        Csv = "CSV",
        /// A JSON file holding an array (or an array at `ItemsPointer`).
        Json = "JSON",
        /// A JSON Lines file: one JSON value per line.
        Jsonl = "JSONL",
        /// An S3 inventory or Athena manifest listing the files to read.
        Manifest = "MANIFEST",
        /// An Apache Parquet file.
        Parquet = "PARQUET",
    }
}

value_enum! {
    /// `ReaderConfig.Transformation`: what the reader does with each listed object.
    ReaderTransformation, "a reader transformation" {
        /// The listed objects' metadata are the items.
        None = "NONE",
        /// Each listed object is read and its contents are the items.
        LoadAndFlatten = "LOAD_AND_FLATTEN",
    }
}

value_enum! {
    /// `ReaderConfig.ManifestType`: the kind of manifest an ItemReader reads.
    ManifestType, "a manifest type" {
        /// An S3 Inventory report's `manifest.json`.
        S3Inventory = "S3_INVENTORY",
        /// An Athena query's data manifest.
        AthenaData = "ATHENA_DATA",
    }
}

value_enum! {
    /// `ReaderConfig.CSVHeaderLocation`: where a CSV file's column names are.
    CsvHeaderLocation, "a CSV header location" {
        /// The file's first row.
        FirstRow = "FIRST_ROW",
        /// `CSVHeaders`, given in the definition.
        Given = "GIVEN",
    }
}

value_enum! {
    /// `ReaderConfig.CSVDelimiter`: what separates a CSV file's values.
    CsvDelimiter, "a CSV delimiter" {
        /// `,`
        Comma = "COMMA",
        /// `|`
        Pipe = "PIPE",
        /// `;`
        Semicolon = "SEMICOLON",
        /// ` `
        Space = "SPACE",
        /// A tab.
        Tab = "TAB",
    }
}

value_enum! {
    /// `WriterConfig.Transformation`: what a ResultWriter writes of each child's result.
    WriterTransformation, "a writer transformation" {
        /// Everything: input, output and execution details.
        None = "NONE",
        /// The outputs, with their status.
        Compact = "COMPACT",
        /// The outputs alone, flattened into one array.
        Flatten = "FLATTEN",
    }
}

value_enum! {
    /// `WriterConfig.OutputType`: the format of the written results.
    OutputType, "an output type" {
        /// One JSON array.
        Json = "JSON",
        /// JSON Lines: one result per line.
        Jsonl = "JSONL",
    }
}

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
    pub input_type: Option<InputType>,
    /// `Transformation`: `NONE` or `LOAD_AND_FLATTEN`.
    #[serde(rename = "Transformation", skip_serializing_if = "Option::is_none")]
    pub transformation: Option<ReaderTransformation>,
    /// `ManifestType`: `S3_INVENTORY` or `ATHENA_DATA`.
    #[serde(rename = "ManifestType", skip_serializing_if = "Option::is_none")]
    pub manifest_type: Option<ManifestType>,
    /// `CSVHeaderLocation`: `FIRST_ROW` or `GIVEN`.
    #[serde(rename = "CSVHeaderLocation", skip_serializing_if = "Option::is_none")]
    pub csv_header_location: Option<CsvHeaderLocation>,
    /// `CSVHeaders`: the column names when the location is `GIVEN`.
    #[serde(rename = "CSVHeaders", skip_serializing_if = "Option::is_none")]
    pub csv_headers: Option<Vec<String>>,
    /// `CSVDelimiter`: `COMMA`, `PIPE`, `SEMICOLON`, `SPACE` or `TAB`.
    #[serde(rename = "CSVDelimiter", skip_serializing_if = "Option::is_none")]
    pub csv_delimiter: Option<CsvDelimiter>,
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
    pub transformation: Option<WriterTransformation>,
    /// `OutputType`: `JSON` or `JSONL`.
    #[serde(rename = "OutputType", skip_serializing_if = "Option::is_none")]
    pub output_type: Option<OutputType>,
}
