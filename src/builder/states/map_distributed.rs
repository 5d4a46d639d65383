//! `Map` in `DISTRIBUTED` mode: child workflow executions over large datasets.

use crate::model::{
    self, ExecutionType, MapProcessor, OrJsonata, ProcessorMode, ToleratedFailureCount,
    ToleratedFailurePercentage,
};

use crate::builder::fields::state_fields;
use crate::builder::graph::{Pending, Piece};
use crate::builder::{IntoChain, NumericLiteral};
use crate::Code;

use super::map_shared::{map_fields, new_map};

/// A `Map` state in `DISTRIBUTED` mode: runs its item processor as child
/// workflow executions (`STANDARD` unless [`DistributedMap::execution_type`]
/// says otherwise), reading items from the input or from S3.
///
/// ```
/// use stepfn::builder::{DistributedMap, Pass};
/// let state = DistributedMap::new("Process files", Pass::new("Handle"))
///     .tolerated_failure_percentage(5)
///     .label("files");
/// assert_eq!(state.to_json(), r#"{"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"Handle","States":{"Handle":{"Type":"Pass","End":true}}},"ToleratedFailurePercentage":5,"Label":"files","End":true}"#);
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct DistributedMap {
    pub(crate) name: String,
    pub(crate) inner: model::Map,
    pub(crate) problems: Vec<Pending>,
    pub(crate) brings: Vec<Piece>,
}

impl DistributedMap {
    /// A Distributed Map state named `name` running `item_processor` as
    /// `STANDARD` child executions.
    ///
    /// ```
    /// use stepfn::builder::{DistributedMap, Pass};
    /// let state = DistributedMap::new("M", Pass::new("P"));
    /// assert!(state.to_json().contains(r#""ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"}"#));
    /// ```
    pub fn new<C: IntoChain>(name: impl Into<String>, item_processor: C) -> DistributedMap {
        let name = name.into();
        let (inner, problems) = new_map(
            &name,
            item_processor,
            ProcessorMode::Distributed,
            Some(ExecutionType::Standard),
        );
        DistributedMap {
            name,
            inner,
            problems,
            brings: Vec::new(),
        }
    }

    /// Sets the child executions' type (`ExecutionType`).
    ///
    /// ```
    /// use stepfn::builder::{DistributedMap, ExecutionType, Pass};
    /// let state = DistributedMap::new("M", Pass::new("P")).execution_type(ExecutionType::Express);
    /// assert!(state.to_json().contains(r#""ExecutionType":"EXPRESS""#));
    /// ```
    pub fn execution_type(mut self, execution_type: ExecutionType) -> DistributedMap {
        let (MapProcessor::ItemProcessor(p) | MapProcessor::Iterator(p)) =
            &mut self.inner.processor;
        p.processor_config
            .get_or_insert_with(Default::default)
            .execution_type = Some(execution_type);
        self
    }

    /// Sets `ItemReader`: where the items come from (an S3 listing; a CSV,
    /// JSON, JSON Lines or Parquet object; a manifest).
    ///
    /// ```
    /// use stepfn::builder::{DistributedMap, ItemReader, Pass};
    /// let state = DistributedMap::new("M", Pass::new("P")).item_reader(ItemReader::csv("b", "k.csv"));
    /// assert!(state.to_json().contains(r#""ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"FIRST_ROW"},"Parameters":{"Bucket":"b","Key":"k.csv"}}"#));
    /// ```
    pub fn item_reader(mut self, reader: impl Into<model::ItemReader>) -> DistributedMap {
        self.inner.item_reader = Some(reader.into());
        self
    }

    /// Sets `ItemBatcher`: items are passed to each child in batches.
    ///
    /// ```
    /// use stepfn::builder::{DistributedMap, ItemBatcher, Pass};
    /// let state = DistributedMap::new("M", Pass::new("P")).item_batcher(ItemBatcher::max_items(100));
    /// assert!(state.to_json().contains(r#""ItemBatcher":{"MaxItemsPerBatch":100}"#));
    /// ```
    pub fn item_batcher(mut self, batcher: impl Into<model::ItemBatcher>) -> DistributedMap {
        self.inner.item_batcher = Some(batcher.into());
        self
    }

    /// Sets `ResultWriter`: where the children's results are written (S3).
    ///
    /// ```
    /// use stepfn::builder::{DistributedMap, Pass, ResultWriter};
    /// let state = DistributedMap::new("M", Pass::new("P")).result_writer(ResultWriter::s3("out", "run"));
    /// assert!(state.to_json().contains(r#""ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"out","Prefix":"run"}}"#));
    /// ```
    pub fn result_writer(mut self, writer: impl Into<model::ResultWriter>) -> DistributedMap {
        self.inner.result_writer = Some(writer.into());
        self
    }

    /// Sets `ToleratedFailurePercentage` (0 to 100): the share of failed items
    /// the Map accepts, written as given (`5` stays `5`, `5.0` stays `5.0`).
    /// A number that is not finite is a build error.
    ///
    /// ```
    /// use stepfn::builder::{DistributedMap, Pass};
    /// let state = DistributedMap::new("M", Pass::new("P")).tolerated_failure_percentage(2.5);
    /// assert!(state.to_json().contains(r#""ToleratedFailurePercentage":2.5"#));
    /// let whole = DistributedMap::new("M", Pass::new("P")).tolerated_failure_percentage(5.0);
    /// assert!(whole.to_json().contains(r#""ToleratedFailurePercentage":5.0"#));
    /// ```
    pub fn tolerated_failure_percentage(
        mut self,
        percent: impl Into<NumericLiteral>,
    ) -> DistributedMap {
        let percent = percent.into();
        match percent.clone().into_number() {
            Ok(n) => {
                self.inner.tolerated_failure_percentage =
                    Some(ToleratedFailurePercentage::Value(OrJsonata::Value(n)));
            }
            Err(_) => self.problems.push(Pending::new(
                &self.name,
                crate::problem::Path::root().key("ToleratedFailurePercentage"),
                Code::ValueOutOfRange,
                format!(
                    "`ToleratedFailurePercentage` must be a number from 0 to 100, not {percent}"
                ),
            )),
        }
        self
    }

    /// Sets `ToleratedFailurePercentage` to a JSONata expression.
    ///
    /// ```
    /// use stepfn::builder::{DistributedMap, Jsonata, Pass};
    /// let state = DistributedMap::new("M", Pass::new("P"))
    ///     .tolerated_failure_percentage_jsonata(Jsonata::new("$pct"));
    /// assert!(state.to_json().contains(r#""ToleratedFailurePercentage":"{% $pct %}""#));
    /// ```
    pub fn tolerated_failure_percentage_jsonata(
        mut self,
        expression: crate::builder::Jsonata,
    ) -> DistributedMap {
        self.inner.tolerated_failure_percentage = Some(ToleratedFailurePercentage::Value(
            OrJsonata::Jsonata(String::from(expression)),
        ));
        self
    }

    /// Sets `ToleratedFailurePercentagePath` (JSONPath).
    ///
    /// ```
    /// use stepfn::builder::{DistributedMap, Pass};
    /// let state = DistributedMap::new("M", Pass::new("P")).tolerated_failure_percentage_path("$.pct");
    /// assert!(state.to_json().contains(r#""ToleratedFailurePercentagePath":"$.pct""#));
    /// ```
    pub fn tolerated_failure_percentage_path(mut self, path: impl Into<String>) -> DistributedMap {
        self.inner.tolerated_failure_percentage =
            Some(ToleratedFailurePercentage::Path(path.into()));
        self
    }

    /// Sets `ToleratedFailureCount`: how many failed items the Map accepts.
    ///
    /// ```
    /// use stepfn::builder::{DistributedMap, Pass};
    /// let state = DistributedMap::new("M", Pass::new("P")).tolerated_failure_count(10);
    /// assert!(state.to_json().contains(r#""ToleratedFailureCount":10"#));
    /// ```
    pub fn tolerated_failure_count(mut self, count: u64) -> DistributedMap {
        self.inner.tolerated_failure_count =
            Some(ToleratedFailureCount::Value(OrJsonata::Value(count)));
        self
    }

    /// Sets `ToleratedFailureCount` to a JSONata expression.
    ///
    /// ```
    /// use stepfn::builder::{DistributedMap, Jsonata, Pass};
    /// let state = DistributedMap::new("M", Pass::new("P"))
    ///     .tolerated_failure_count_jsonata(Jsonata::new("$n"));
    /// assert!(state.to_json().contains(r#""ToleratedFailureCount":"{% $n %}""#));
    /// ```
    pub fn tolerated_failure_count_jsonata(
        mut self,
        expression: crate::builder::Jsonata,
    ) -> DistributedMap {
        self.inner.tolerated_failure_count = Some(ToleratedFailureCount::Value(
            OrJsonata::Jsonata(String::from(expression)),
        ));
        self
    }

    /// Sets `ToleratedFailureCountPath` (JSONPath).
    ///
    /// ```
    /// use stepfn::builder::{DistributedMap, Pass};
    /// let state = DistributedMap::new("M", Pass::new("P")).tolerated_failure_count_path("$.n");
    /// assert!(state.to_json().contains(r#""ToleratedFailureCountPath":"$.n""#));
    /// ```
    pub fn tolerated_failure_count_path(mut self, path: impl Into<String>) -> DistributedMap {
        self.inner.tolerated_failure_count = Some(ToleratedFailureCount::Path(path.into()));
        self
    }

    /// Sets `Label`: a name for the child executions (at most 40 characters).
    ///
    /// ```
    /// use stepfn::builder::{DistributedMap, Pass};
    /// let state = DistributedMap::new("M", Pass::new("P")).label("orders");
    /// assert!(state.to_json().contains(r#""Label":"orders""#));
    /// ```
    pub fn label(mut self, label: impl Into<String>) -> DistributedMap {
        self.inner.label = Some(label.into());
        self
    }
}

state_builder!(DistributedMap, open);
retry_and_catch!(
    DistributedMap,
    "DistributedMap::new(\"S\", Pass::new(\"P\"))"
);
map_fields!(
    DistributedMap,
    "DistributedMap::new(\"S\", Pass::new(\"P\"))"
);
state_fields!(DistributedMap, "DistributedMap::new(\"S\", Pass::new(\"P\"))"; comment,
    query_language, input_path, result_selector, result_path, output_path, output, assign);
