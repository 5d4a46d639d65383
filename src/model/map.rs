//! The Map state.

use serde::Serialize;

use super::{
    Catcher, ItemBatcher, ItemReader, Json, JsonObject, MaxConcurrency, QueryLanguage,
    ResultWriter, Retrier, States, ToleratedFailureCount, ToleratedFailurePercentage, Transition,
};

/// `"Type": "Map"`: runs a sub-workflow for every item of an array, inline or
/// as a Distributed Map of child executions.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Map {
    /// `Comment`
    #[serde(rename = "Comment", skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// `QueryLanguage`: overrides the machine's for this state's own fields.
    #[serde(rename = "QueryLanguage", skip_serializing_if = "Option::is_none")]
    pub query_language: Option<QueryLanguage>,
    /// `InputPath` (JSONPath); `Some(None)` is an explicit `null`.
    #[serde(rename = "InputPath", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::schema::NullableString>")
    )]
    pub input_path: Option<Option<String>>,
    /// `ItemsPath` (JSONPath) or `Items` (JSONata): where the items come from.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub items: Option<MapItems>,
    /// `ItemReader` (Distributed): read the items from S3.
    #[serde(rename = "ItemReader", skip_serializing_if = "Option::is_none")]
    pub item_reader: Option<ItemReader>,
    /// `ItemSelector`, or the legacy `Parameters`: the input of each iteration.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub item_selector: Option<MapItemSelector>,
    /// `ItemBatcher` (Distributed): group items into batches.
    #[serde(rename = "ItemBatcher", skip_serializing_if = "Option::is_none")]
    pub item_batcher: Option<ItemBatcher>,
    /// `ItemProcessor`, or the legacy `Iterator`: the sub-workflow.
    #[serde(flatten)]
    pub processor: MapProcessor,
    /// `MaxConcurrency` or `MaxConcurrencyPath`.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub max_concurrency: Option<MaxConcurrency>,
    /// `ToleratedFailurePercentage` or `ToleratedFailurePercentagePath` (Distributed).
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub tolerated_failure_percentage: Option<ToleratedFailurePercentage>,
    /// `ToleratedFailureCount` or `ToleratedFailureCountPath` (Distributed).
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub tolerated_failure_count: Option<ToleratedFailureCount>,
    /// `Label` (Distributed): names the Map Run.
    #[serde(rename = "Label", skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// `ResultWriter` (Distributed): write the results to S3.
    #[serde(rename = "ResultWriter", skip_serializing_if = "Option::is_none")]
    pub result_writer: Option<ResultWriter>,
    /// `ResultSelector` (JSONPath): a template applied to the array of results.
    #[serde(rename = "ResultSelector", skip_serializing_if = "Option::is_none")]
    pub result_selector: Option<JsonObject>,
    /// `ResultPath` (JSONPath); `Some(None)` is an explicit `null`.
    #[serde(rename = "ResultPath", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::schema::NullableString>")
    )]
    pub result_path: Option<Option<String>>,
    /// `OutputPath` (JSONPath); `Some(None)` is an explicit `null`.
    #[serde(rename = "OutputPath", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::schema::NullableString>")
    )]
    pub output_path: Option<Option<String>>,
    /// `Output` (JSONata): the state output.
    #[serde(rename = "Output", skip_serializing_if = "Option::is_none")]
    pub output: Option<Json>,
    /// `Assign`: variables to set.
    #[serde(rename = "Assign", skip_serializing_if = "Option::is_none")]
    pub assign: Option<JsonObject>,
    /// `Retry`
    #[serde(rename = "Retry", skip_serializing_if = "Option::is_none")]
    pub retry: Option<Vec<Retrier>>,
    /// `Catch`
    #[serde(rename = "Catch", skip_serializing_if = "Option::is_none")]
    pub catch: Option<Vec<Catcher>>,
    /// `Next` or `"End": true`.
    #[serde(flatten)]
    pub transition: Transition,
}

/// Where a Map's items come from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum MapItems {
    /// `ItemsPath` (JSONPath): a reference path to the array (default `$`).
    #[serde(rename = "ItemsPath")]
    ItemsPath(String),
    /// `Items` (JSONata): an array, or a `{% ... %}` expression giving one.
    #[serde(rename = "Items")]
    Items(Json),
}

/// The input of each Map iteration.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum MapItemSelector {
    /// `ItemSelector`
    #[serde(rename = "ItemSelector")]
    ItemSelector(Json),
    /// `Parameters`: the deprecated name of `ItemSelector`.
    #[serde(rename = "Parameters")]
    Parameters(Json),
}

/// A Map's sub-workflow.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum MapProcessor {
    /// `ItemProcessor`
    #[serde(rename = "ItemProcessor")]
    ItemProcessor(ItemProcessor),
    /// `Iterator`: the deprecated name of `ItemProcessor`.
    #[serde(rename = "Iterator")]
    Iterator(ItemProcessor),
}

impl MapProcessor {
    /// The sub-workflow, whichever name it was written under.
    #[must_use]
    pub fn processor(&self) -> &ItemProcessor {
        match self {
            MapProcessor::ItemProcessor(p) | MapProcessor::Iterator(p) => p,
        }
    }
}

/// `ItemProcessor`: the sub-workflow each item runs through.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct ItemProcessor {
    /// `Comment`
    #[serde(rename = "Comment", skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// `ProcessorConfig`: inline or distributed.
    #[serde(rename = "ProcessorConfig", skip_serializing_if = "Option::is_none")]
    pub processor_config: Option<ProcessorConfig>,
    /// `StartAt`: the first state.
    #[serde(rename = "StartAt")]
    pub start_at: String,
    /// `States`: the processor's states, by name.
    #[serde(rename = "States")]
    pub states: States,
}

/// `ProcessorConfig` of an ItemProcessor.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct ProcessorConfig {
    /// `Mode`: `INLINE` (default) or `DISTRIBUTED`.
    #[serde(rename = "Mode", skip_serializing_if = "Option::is_none")]
    pub mode: Option<ProcessorMode>,
    /// `ExecutionType` (Distributed, required there): `STANDARD` or `EXPRESS`.
    #[serde(rename = "ExecutionType", skip_serializing_if = "Option::is_none")]
    pub execution_type: Option<ExecutionType>,
}

/// `ProcessorConfig.Mode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "UPPERCASE")]
pub enum ProcessorMode {
    /// `"INLINE"`: iterations run inside this execution.
    Inline,
    /// `"DISTRIBUTED"`: iterations run as child executions.
    Distributed,
}

/// `ProcessorConfig.ExecutionType` of a Distributed Map's child executions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "UPPERCASE")]
pub enum ExecutionType {
    /// `"STANDARD"`
    Standard,
    /// `"EXPRESS"`
    Express,
}
