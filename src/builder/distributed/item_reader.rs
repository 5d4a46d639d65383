//! [`ItemReader`]: where a Distributed Map's items come from.

use crate::builder::PayloadValue;
use crate::model::{
    self, CsvDelimiter, CsvHeaderLocation, InputType, Json, ManifestType, MaxItems, OrJsonata,
    ReaderConfig, ReaderTransformation, Resource,
};

use super::bucket_and;

/// A Distributed Map's `ItemReader`: the S3 objects under a prefix, or one
/// S3 object read as CSV, JSON, JSON Lines, Parquet or a manifest.
///
/// ```
/// use stepfn::builder::{ItemReader, JsonPath};
/// let reader = ItemReader::csv("orders", JsonPath::new("$.key")).max_items(1000);
/// assert_eq!(serde_json::to_string(&stepfn::model::ItemReader::from(reader))?,
///     r#"{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"FIRST_ROW","MaxItems":1000},"Parameters":{"Bucket":"orders","Key.$":"$.key"}}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub struct ItemReader(model::ItemReader);

impl ItemReader {
    /// A reader calling `resource`, with no `ReaderConfig` and no input yet:
    /// for readers the presets below do not describe. Set the input with
    /// [`parameters`](ItemReader::parameters) or
    /// [`arguments`](ItemReader::arguments).
    ///
    /// ```
    /// use stepfn::builder::{ItemReader, Payload};
    /// use stepfn::model::InputType;
    /// let reader = ItemReader::new("arn:aws:states:::s3:getObject")
    ///     .input_type(InputType::Json)
    ///     .parameters(Payload::new().field("Bucket", "b").field("Key", "k").field("VersionId", "3"));
    /// assert_eq!(serde_json::to_string(&stepfn::model::ItemReader::from(reader))?,
    ///     r#"{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON"},"Parameters":{"Bucket":"b","Key":"k","VersionId":"3"}}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn new(resource: impl Into<Resource>) -> ItemReader {
        ItemReader(model::ItemReader {
            resource: resource.into(),
            reader_config: None,
            parameters: None,
            arguments: None,
        })
    }

    /// The objects under `prefix` in `bucket` (`s3:listObjectsV2`): each
    /// item is an object's key, size, date and tag.
    ///
    /// ```
    /// use stepfn::builder::ItemReader;
    /// let reader = stepfn::model::ItemReader::from(ItemReader::list_objects("photos", "2024/"));
    /// assert_eq!(serde_json::to_string(&reader)?,
    ///     r#"{"Resource":"arn:aws:states:::s3:listObjectsV2","Parameters":{"Bucket":"photos","Prefix":"2024/"}}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn list_objects(
        bucket: impl Into<PayloadValue>,
        prefix: impl Into<PayloadValue>,
    ) -> ItemReader {
        let parameters = bucket_and(bucket.into(), "Prefix", prefix.into());
        ItemReader::preset("s3:listObjectsV2", None, parameters)
    }

    /// One object, `key` in `bucket`, read as `input_type` (`s3:getObject`).
    ///
    /// ```
    /// use stepfn::builder::ItemReader;
    /// use stepfn::model::InputType;
    /// let reader = stepfn::model::ItemReader::from(ItemReader::object(InputType::Jsonl, "b", "k.jsonl"));
    /// assert_eq!(serde_json::to_string(&reader)?,
    ///     r#"{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSONL"},"Parameters":{"Bucket":"b","Key":"k.jsonl"}}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn object(
        input_type: InputType,
        bucket: impl Into<PayloadValue>,
        key: impl Into<PayloadValue>,
    ) -> ItemReader {
        let config = ReaderConfig {
            input_type: Some(input_type),
            ..ReaderConfig::default()
        };
        let parameters = bucket_and(bucket.into(), "Key", key.into());
        ItemReader::preset("s3:getObject", Some(config), parameters)
    }

    /// A CSV object whose first row names the columns; each item is a row,
    /// as an object keyed by column name.
    ///
    /// ```
    /// use stepfn::builder::ItemReader;
    /// let reader = stepfn::model::ItemReader::from(ItemReader::csv("b", "k.csv"));
    /// assert_eq!(serde_json::to_string(&reader.reader_config)?,
    ///     r#"{"InputType":"CSV","CSVHeaderLocation":"FIRST_ROW"}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn csv(bucket: impl Into<PayloadValue>, key: impl Into<PayloadValue>) -> ItemReader {
        let mut reader = ItemReader::object(InputType::Csv, bucket, key);
        reader.config().csv_header_location = Some(CsvHeaderLocation::FirstRow);
        reader
    }

    /// A JSON object holding an array; each item is an element.
    ///
    /// ```
    /// use stepfn::builder::ItemReader;
    /// let reader = stepfn::model::ItemReader::from(ItemReader::json("b", "k.json"));
    /// assert_eq!(serde_json::to_string(&reader.reader_config)?, r#"{"InputType":"JSON"}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn json(bucket: impl Into<PayloadValue>, key: impl Into<PayloadValue>) -> ItemReader {
        ItemReader::object(InputType::Json, bucket, key)
    }

    /// A JSON Lines object; each item is a line.
    ///
    /// ```
    /// use stepfn::builder::ItemReader;
    /// let reader = stepfn::model::ItemReader::from(ItemReader::jsonl("b", "k.jsonl"));
    /// assert_eq!(serde_json::to_string(&reader.reader_config)?, r#"{"InputType":"JSONL"}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn jsonl(bucket: impl Into<PayloadValue>, key: impl Into<PayloadValue>) -> ItemReader {
        ItemReader::object(InputType::Jsonl, bucket, key)
    }

    /// A Parquet object; each item is a row.
    ///
    /// ```
    /// use stepfn::builder::ItemReader;
    /// let reader = stepfn::model::ItemReader::from(ItemReader::parquet("b", "k.parquet"));
    /// assert_eq!(serde_json::to_string(&reader.reader_config)?, r#"{"InputType":"PARQUET"}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn parquet(bucket: impl Into<PayloadValue>, key: impl Into<PayloadValue>) -> ItemReader {
        ItemReader::object(InputType::Parquet, bucket, key)
    }

    /// A manifest (an S3 Inventory report's `manifest.json` or an Athena
    /// data manifest) listing the files whose contents are the items.
    ///
    /// ```
    /// use stepfn::builder::ItemReader;
    /// use stepfn::model::ManifestType;
    /// let reader = ItemReader::manifest(ManifestType::S3Inventory, "b", "inventory/manifest.json");
    /// let reader = stepfn::model::ItemReader::from(reader);
    /// assert_eq!(serde_json::to_string(&reader.reader_config)?,
    ///     r#"{"InputType":"MANIFEST","ManifestType":"S3_INVENTORY"}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn manifest(
        manifest_type: ManifestType,
        bucket: impl Into<PayloadValue>,
        key: impl Into<PayloadValue>,
    ) -> ItemReader {
        let mut reader = ItemReader::object(InputType::Manifest, bucket, key);
        reader.config().manifest_type = Some(manifest_type);
        reader
    }

    /// A CSV file's column names given here (`"CSVHeaderLocation": "GIVEN"`),
    /// for a file without a header row.
    ///
    /// ```
    /// use stepfn::builder::ItemReader;
    /// let reader = stepfn::model::ItemReader::from(ItemReader::csv("b", "k.csv").csv_headers(["id", "qty"]));
    /// assert_eq!(serde_json::to_string(&reader.reader_config)?,
    ///     r#"{"InputType":"CSV","CSVHeaderLocation":"GIVEN","CSVHeaders":["id","qty"]}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn csv_headers<S: Into<String>>(
        mut self,
        headers: impl IntoIterator<Item = S>,
    ) -> ItemReader {
        let config = self.config();
        config.csv_header_location = Some(CsvHeaderLocation::Given);
        config.csv_headers = Some(headers.into_iter().map(Into::into).collect());
        self
    }

    /// What separates a CSV file's values (`CSVDelimiter`; a comma unless set).
    ///
    /// ```
    /// use stepfn::builder::ItemReader;
    /// use stepfn::model::CsvDelimiter;
    /// let reader = stepfn::model::ItemReader::from(ItemReader::csv("b", "k.tsv").csv_delimiter(CsvDelimiter::Tab));
    /// assert_eq!(reader.reader_config.and_then(|c| c.csv_delimiter), Some(CsvDelimiter::Tab));
    /// ```
    pub fn csv_delimiter(mut self, delimiter: CsvDelimiter) -> ItemReader {
        self.config().csv_delimiter = Some(delimiter);
        self
    }

    /// Where in a JSON file the array of items is (`ItemsPointer`, a JSON
    /// Pointer such as `/data/orders`).
    ///
    /// ```
    /// use stepfn::builder::ItemReader;
    /// let reader = stepfn::model::ItemReader::from(ItemReader::json("b", "k.json").items_pointer("/data"));
    /// assert_eq!(reader.reader_config.and_then(|c| c.items_pointer).as_deref(), Some("/data"));
    /// ```
    pub fn items_pointer(mut self, pointer: impl Into<String>) -> ItemReader {
        self.config().items_pointer = Some(pointer.into());
        self
    }

    /// Reads at most `limit` items (`MaxItems`; 0 reads them all).
    ///
    /// ```
    /// use stepfn::builder::ItemReader;
    /// let reader = stepfn::model::ItemReader::from(ItemReader::jsonl("b", "k").max_items(10));
    /// assert_eq!(serde_json::to_string(&reader.reader_config)?, r#"{"InputType":"JSONL","MaxItems":10}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn max_items(mut self, limit: u64) -> ItemReader {
        self.config().max_items = Some(MaxItems::Value(OrJsonata::Value(limit)));
        self
    }

    /// Reads at most the number at `path` in the state's input (`MaxItemsPath`, JSONPath).
    ///
    /// ```
    /// use stepfn::builder::ItemReader;
    /// let reader = stepfn::model::ItemReader::from(ItemReader::jsonl("b", "k").max_items_path("$.limit"));
    /// assert_eq!(serde_json::to_string(&reader.reader_config)?, r#"{"InputType":"JSONL","MaxItemsPath":"$.limit"}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn max_items_path(mut self, path: impl Into<String>) -> ItemReader {
        self.config().max_items = Some(MaxItems::Path(path.into()));
        self
    }

    /// What the reader does with each listed object (`Transformation`):
    /// [`ReaderTransformation::LoadAndFlatten`] reads the objects a listing
    /// finds and makes their contents the items.
    ///
    /// ```
    /// use stepfn::builder::ItemReader;
    /// use stepfn::model::{InputType, ReaderTransformation};
    /// let reader = ItemReader::list_objects("b", "logs/").transformation(ReaderTransformation::LoadAndFlatten);
    /// let reader = stepfn::model::ItemReader::from(reader);
    /// assert_eq!(serde_json::to_string(&reader.reader_config)?, r#"{"Transformation":"LOAD_AND_FLATTEN"}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn transformation(mut self, transformation: ReaderTransformation) -> ItemReader {
        self.config().transformation = Some(transformation);
        self
    }

    /// Sets `ReaderConfig.InputType`: what kind of data is read.
    ///
    /// ```
    /// use stepfn::builder::ItemReader;
    /// use stepfn::model::InputType;
    /// let reader = ItemReader::new("arn:aws:states:::s3:getObject").input_type(InputType::Jsonl);
    /// assert!(serde_json::to_string(&stepfn::model::ItemReader::from(reader))?.contains(r#""ReaderConfig":{"InputType":"JSONL"}"#));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn input_type(mut self, input_type: InputType) -> ItemReader {
        self.config().input_type = Some(input_type);
        self
    }

    /// Sets `ReaderConfig.ManifestType`: the kind of manifest read.
    ///
    /// ```
    /// use stepfn::builder::ItemReader;
    /// use stepfn::model::{InputType, ManifestType};
    /// let reader = ItemReader::new("arn:aws:states:::s3:getObject")
    ///     .input_type(InputType::Csv)
    ///     .manifest_type(ManifestType::AthenaData);
    /// assert!(serde_json::to_string(&stepfn::model::ItemReader::from(reader))?.contains(r#""ManifestType":"ATHENA_DATA""#));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn manifest_type(mut self, manifest_type: ManifestType) -> ItemReader {
        self.config().manifest_type = Some(manifest_type);
        self
    }

    /// Sets `ReaderConfig.CSVHeaderLocation` alone (use
    /// [`csv_headers`](ItemReader::csv_headers) to give the headers).
    ///
    /// ```
    /// use stepfn::builder::ItemReader;
    /// use stepfn::model::CsvHeaderLocation;
    /// let reader = ItemReader::csv("b", "k").csv_header_location(CsvHeaderLocation::Given);
    /// assert!(serde_json::to_string(&stepfn::model::ItemReader::from(reader))?.contains(r#""CSVHeaderLocation":"GIVEN""#));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn csv_header_location(mut self, location: CsvHeaderLocation) -> ItemReader {
        self.config().csv_header_location = Some(location);
        self
    }

    /// Sets `ReaderConfig.MaxItems` to a JSONata expression (JSONata states).
    ///
    /// ```
    /// use stepfn::builder::{ItemReader, Jsonata};
    /// let reader = ItemReader::json("b", "k").max_items_jsonata(Jsonata::new("$limit"));
    /// assert!(serde_json::to_string(&stepfn::model::ItemReader::from(reader))?.contains(r#""MaxItems":"{% $limit %}""#));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn max_items_jsonata(mut self, expression: crate::builder::Jsonata) -> ItemReader {
        self.config().max_items = Some(MaxItems::Value(OrJsonata::Jsonata(expression.into())));
        self
    }

    /// Sets the reader's `Parameters` (JSONPath): a payload template, e.g.
    /// with a `VersionId` besides `Bucket` and `Key` (replacing any
    /// `Arguments`).
    ///
    /// ```
    /// use stepfn::builder::{ItemReader, JsonPath, Payload};
    /// let reader = ItemReader::new("arn:aws:states:::s3:listObjectsV2")
    ///     .parameters(Payload::new().field("Bucket", JsonPath::new("$.bucket")));
    /// assert_eq!(serde_json::to_string(&stepfn::model::ItemReader::from(reader))?,
    ///     r#"{"Resource":"arn:aws:states:::s3:listObjectsV2","Parameters":{"Bucket.$":"$.bucket"}}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn parameters(mut self, parameters: impl Into<Json>) -> ItemReader {
        self.0.arguments = None;
        self.0.parameters = Some(parameters.into());
        self
    }

    /// For a JSONata state: the bucket and key as `Arguments` (literal JSON
    /// with `{% ... %}` expressions) instead of JSONPath `Parameters`.
    ///
    /// ```
    /// use stepfn::builder::{ItemReader, Jsonata};
    /// let reader = ItemReader::jsonl("b", "k").arguments(serde_json::json!({
    ///     "Bucket": "b", "Key": Jsonata::new("$states.input.key").to_string()}));
    /// let reader = stepfn::model::ItemReader::from(reader);
    /// assert!(reader.parameters.is_none());
    /// assert_eq!(serde_json::to_string(&reader.arguments)?, r#"{"Bucket":"b","Key":"{% $states.input.key %}"}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn arguments(mut self, arguments: impl Into<Json>) -> ItemReader {
        self.0.parameters = None;
        self.0.arguments = Some(arguments.into());
        self
    }

    fn preset(action: &str, config: Option<ReaderConfig>, parameters: Json) -> ItemReader {
        ItemReader(model::ItemReader {
            resource: Resource::Uri(format!("arn:aws:states:::{action}")),
            reader_config: config,
            parameters: Some(parameters),
            arguments: None,
        })
    }

    fn config(&mut self) -> &mut ReaderConfig {
        self.0
            .reader_config
            .get_or_insert_with(ReaderConfig::default)
    }
}

impl From<ItemReader> for model::ItemReader {
    fn from(reader: ItemReader) -> model::ItemReader {
        reader.0
    }
}
