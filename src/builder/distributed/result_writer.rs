//! [`ResultWriter`]: where a Distributed Map writes its children's results.

use crate::builder::PayloadValue;
use crate::model::{self, Json, OutputType, Resource, WriterConfig, WriterTransformation};

use super::bucket_and;

/// A Distributed Map's `ResultWriter`: the children's results written to S3
/// under a prefix (the Map's own result is then a small description of what
/// was written), in the shape and format chosen.
///
/// ```
/// use stepfn::builder::ResultWriter;
/// use stepfn::model::{OutputType, WriterTransformation};
/// let writer = ResultWriter::s3("results", "run-1")
///     .transformation(WriterTransformation::Flatten)
///     .output_type(OutputType::Jsonl);
/// assert_eq!(serde_json::to_string(&stepfn::model::ResultWriter::from(writer))?,
///     r#"{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"results","Prefix":"run-1"},"WriterConfig":{"Transformation":"FLATTEN","OutputType":"JSONL"}}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// `ResultWriter::default()` is a writer with nothing set yet, to build one
/// the presets do not describe:
///
/// ```
/// use stepfn::builder::{Payload, ResultWriter};
/// use stepfn::model::OutputType;
/// let writer = ResultWriter::default().output_type(OutputType::Json);
/// assert_eq!(serde_json::to_string(&stepfn::model::ResultWriter::from(writer))?,
///     r#"{"WriterConfig":{"OutputType":"JSON"}}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
#[must_use]
pub struct ResultWriter(model::ResultWriter);

impl ResultWriter {
    /// Writes the results under `prefix` in `bucket` (`s3:putObject`).
    ///
    /// ```
    /// use stepfn::builder::{JsonPath, ResultWriter};
    /// let writer = stepfn::model::ResultWriter::from(ResultWriter::s3("out", JsonPath::new("$.run")));
    /// assert_eq!(serde_json::to_string(&writer.parameters)?, r#"{"Bucket":"out","Prefix.$":"$.run"}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn s3(bucket: impl Into<PayloadValue>, prefix: impl Into<PayloadValue>) -> ResultWriter {
        ResultWriter(model::ResultWriter {
            resource: Some(Resource::Uri("arn:aws:states:::s3:putObject".to_owned())),
            parameters: Some(bucket_and(bucket.into(), "Prefix", prefix.into())),
            arguments: None,
            writer_config: None,
        })
    }

    /// Writes nothing to S3 but shapes the Map's result (`WriterConfig`
    /// alone): [`WriterTransformation::Flatten`] makes it one flat array of
    /// the children's outputs.
    ///
    /// ```
    /// use stepfn::builder::ResultWriter;
    /// use stepfn::model::WriterTransformation;
    /// let writer = stepfn::model::ResultWriter::from(ResultWriter::shape(WriterTransformation::Compact));
    /// assert_eq!(serde_json::to_string(&writer)?, r#"{"WriterConfig":{"Transformation":"COMPACT"}}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn shape(transformation: WriterTransformation) -> ResultWriter {
        ResultWriter(model::ResultWriter::default()).transformation(transformation)
    }

    /// What is written of each child's result (`Transformation`).
    ///
    /// ```
    /// use stepfn::builder::ResultWriter;
    /// use stepfn::model::WriterTransformation;
    /// let writer = ResultWriter::s3("b", "p").transformation(WriterTransformation::None);
    /// let writer = stepfn::model::ResultWriter::from(writer);
    /// assert_eq!(serde_json::to_string(&writer.writer_config)?, r#"{"Transformation":"NONE"}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn transformation(mut self, transformation: WriterTransformation) -> ResultWriter {
        self.config().transformation = Some(transformation);
        self
    }

    /// The format of the written results (`OutputType`).
    ///
    /// ```
    /// use stepfn::builder::ResultWriter;
    /// use stepfn::model::OutputType;
    /// let writer = stepfn::model::ResultWriter::from(ResultWriter::s3("b", "p").output_type(OutputType::Json));
    /// assert_eq!(serde_json::to_string(&writer.writer_config)?, r#"{"OutputType":"JSON"}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn output_type(mut self, output_type: OutputType) -> ResultWriter {
        self.config().output_type = Some(output_type);
        self
    }

    /// For a JSONata state: the bucket and prefix as `Arguments` instead of
    /// JSONPath `Parameters`.
    ///
    /// ```
    /// use stepfn::builder::ResultWriter;
    /// let writer = ResultWriter::s3("b", "p").arguments(serde_json::json!({"Bucket": "b", "Prefix": "{% $run %}"}));
    /// let writer = stepfn::model::ResultWriter::from(writer);
    /// assert!(writer.parameters.is_none());
    /// assert_eq!(serde_json::to_string(&writer.arguments)?, r#"{"Bucket":"b","Prefix":"{% $run %}"}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn arguments(mut self, arguments: impl Into<Json>) -> ResultWriter {
        self.0.parameters = None;
        self.0.arguments = Some(arguments.into());
        self
    }

    /// Sets `Resource`: what writes the results.
    ///
    /// ```
    /// use stepfn::builder::ResultWriter;
    /// let writer = ResultWriter::default().resource("arn:aws:states:::s3:putObject");
    /// assert_eq!(serde_json::to_string(&stepfn::model::ResultWriter::from(writer))?,
    ///     r#"{"Resource":"arn:aws:states:::s3:putObject"}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn resource(mut self, resource: impl Into<Resource>) -> ResultWriter {
        self.0.resource = Some(resource.into());
        self
    }

    /// Sets the writer's `Parameters` (JSONPath): a payload template with the
    /// `Bucket` and `Prefix` (replacing any `Arguments`).
    ///
    /// ```
    /// use stepfn::builder::{JsonPath, Payload, ResultWriter};
    /// let writer = ResultWriter::default()
    ///     .resource("arn:aws:states:::s3:putObject")
    ///     .parameters(Payload::new().field("Bucket", "out").field("Prefix", JsonPath::new("$.run")));
    /// assert_eq!(serde_json::to_string(&stepfn::model::ResultWriter::from(writer).parameters)?,
    ///     r#"{"Bucket":"out","Prefix.$":"$.run"}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn parameters(mut self, parameters: impl Into<Json>) -> ResultWriter {
        self.0.arguments = None;
        self.0.parameters = Some(parameters.into());
        self
    }

    fn config(&mut self) -> &mut WriterConfig {
        self.0
            .writer_config
            .get_or_insert_with(WriterConfig::default)
    }
}

impl From<ResultWriter> for model::ResultWriter {
    fn from(writer: ResultWriter) -> model::ResultWriter {
        writer.0
    }
}
