//! What inline and Distributed Map states share: their item source, item
//! selector, concurrency and processor.

use crate::model::{self, ItemProcessor, MapProcessor, ProcessorConfig, ProcessorMode, Transition};

use crate::builder::graph::Pending;
use crate::builder::scope::nested_scope;
use crate::builder::IntoChain;
use crate::problem::Path;

/// A model Map running `processor` in `mode`, and the processor's problems.
pub(crate) fn new_map<C: IntoChain>(
    name: &str,
    processor: C,
    mode: ProcessorMode,
    execution_type: Option<model::ExecutionType>,
) -> (model::Map, Vec<Pending>) {
    let field = Path::root().key("ItemProcessor");
    let (start_at, states, problems) = nested_scope(processor, name, field);
    let map = model::Map {
        comment: None,
        query_language: None,
        input_path: None,
        items: None,
        item_reader: None,
        item_selector: None,
        item_batcher: None,
        processor: MapProcessor::ItemProcessor(ItemProcessor {
            comment: None,
            processor_config: Some(ProcessorConfig {
                mode: Some(mode),
                execution_type,
            }),
            start_at,
            states,
        }),
        max_concurrency: None,
        tolerated_failure_percentage: None,
        tolerated_failure_count: None,
        label: None,
        result_writer: None,
        result_selector: None,
        result_path: None,
        output_path: None,
        output: None,
        assign: None,
        retry: None,
        catch: None,
        transition: Transition::End,
    };
    (map, problems)
}

/// The item and concurrency setters both Map builders have.
macro_rules! map_fields {
    ($ty:ident, $new:literal) => {
        impl $ty {
            /// Sets `ItemsPath` (JSONPath): where the array to iterate over is in
            /// the input (default `$`).
            #[doc = crate::builder::fields::state_fields!(@doc $ty, $new, "items_path(\"$.orders\")", "\"ItemsPath\":\"$.orders\"")]
            pub fn items_path(mut self, path: impl Into<String>) -> Self {
                self.inner.items = Some(crate::model::MapItems::ItemsPath(path.into()));
                self
            }

            /// Sets `Items` (JSONata): the array to iterate over, a JSON array or a
            /// `{% ... %}` expression.
            #[doc = crate::builder::fields::state_fields!(@doc $ty, $new, "items(Jsonata::new(\"$states.input.orders\"))", "\"Items\":\"{% $states.input.orders %}\"")]
            pub fn items(mut self, items: impl Into<crate::model::Json>) -> Self {
                self.inner.items = Some(crate::model::MapItems::Items(items.into()));
                self
            }

            /// Sets `ItemSelector`: the input each iteration gets, a payload
            /// template that can read `$$.Map.Item.Value` and `$$.Map.Item.Index`.
            #[doc = crate::builder::fields::state_fields!(@doc $ty, $new, "item_selector(Payload::new().field(\"item\", Context::map_item_value()))", "\"ItemSelector\":{\"item.$\":\"$$.Map.Item.Value\"}")]
            pub fn item_selector(mut self, selector: impl Into<crate::model::Json>) -> Self {
                self.inner.item_selector =
                    Some(crate::model::MapItemSelector::ItemSelector(selector.into()));
                self
            }

            /// Sets `MaxConcurrency`: how many iterations run at once (0 = as
            /// many as possible).
            #[doc = crate::builder::fields::state_fields!(@doc $ty, $new, "max_concurrency(2)", "\"MaxConcurrency\":2")]
            pub fn max_concurrency(mut self, limit: u64) -> Self {
                self.inner.max_concurrency = Some(crate::model::MaxConcurrency::Value(
                    crate::model::OrJsonata::Value(limit),
                ));
                self
            }

            /// Sets `MaxConcurrency` to a JSONata expression (JSONata states).
            #[doc = crate::builder::fields::state_fields!(@doc $ty, $new, "max_concurrency_jsonata(Jsonata::new(\"$limit\"))", "\"MaxConcurrency\":\"{% $limit %}\"")]
            pub fn max_concurrency_jsonata(mut self, expression: crate::builder::Jsonata) -> Self {
                self.inner.max_concurrency = Some(crate::model::MaxConcurrency::Value(
                    crate::model::OrJsonata::Jsonata(String::from(expression)),
                ));
                self
            }

            /// Sets `MaxConcurrencyPath` (JSONPath): the limit is read from the input.
            #[doc = crate::builder::fields::state_fields!(@doc $ty, $new, "max_concurrency_path(\"$.limit\")", "\"MaxConcurrencyPath\":\"$.limit\"")]
            pub fn max_concurrency_path(mut self, path: impl Into<String>) -> Self {
                self.inner.max_concurrency = Some(crate::model::MaxConcurrency::Path(path.into()));
                self
            }

            /// Sets `Parameters`, the name `ItemSelector` had before AWS renamed
            /// it, for definitions that still use it (replacing any
            /// `ItemSelector`). Prefer [`item_selector`](Self::item_selector).
            #[doc = crate::builder::fields::state_fields!(@doc $ty, $new, "parameters(Payload::new().field(\"item\", Context::map_item_value()))", "\"Parameters\":{\"item.$\":\"$$.Map.Item.Value\"}")]
            pub fn parameters(mut self, selector: impl Into<crate::model::Json>) -> Self {
                self.inner.item_selector =
                    Some(crate::model::MapItemSelector::Parameters(selector.into()));
                self
            }

            /// Writes the item processor as `Iterator`, the name `ItemProcessor`
            /// had before AWS renamed it, for definitions that still use it.
            #[doc = crate::builder::fields::state_fields!(@doc $ty, $new, "legacy_iterator().without_processor_config()", "\"Iterator\":{\"StartAt\":\"P\"")]
            pub fn legacy_iterator(mut self) -> Self {
                self.inner.processor = match self.inner.processor {
                    crate::model::MapProcessor::ItemProcessor(p)
                    | crate::model::MapProcessor::Iterator(p) => {
                        crate::model::MapProcessor::Iterator(p)
                    }
                };
                self
            }

            /// Leaves out the item processor's `ProcessorConfig`, as
            /// definitions written before Distributed Maps do: AWS then runs
            /// the processor inline.
            #[doc = crate::builder::fields::state_fields!(@doc $ty, $new, "without_processor_config()", "\"ItemProcessor\":{\"StartAt\":\"P\"")]
            pub fn without_processor_config(mut self) -> Self {
                let (crate::model::MapProcessor::ItemProcessor(p)
                | crate::model::MapProcessor::Iterator(p)) = &mut self.inner.processor;
                p.processor_config = None;
                self
            }

            /// Sets the item processor's `Comment`.
            #[doc = crate::builder::fields::state_fields!(@doc $ty, $new, "item_processor_comment(\"one order\")", "\"ItemProcessor\":{\"Comment\":\"one order\"")]
            pub fn item_processor_comment(mut self, comment: impl Into<String>) -> Self {
                let (crate::model::MapProcessor::ItemProcessor(p)
                | crate::model::MapProcessor::Iterator(p)) = &mut self.inner.processor;
                p.comment = Some(comment.into());
                self
            }
        }
    };
}

pub(crate) use map_fields;
