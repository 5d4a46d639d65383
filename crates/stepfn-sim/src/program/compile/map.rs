//! A Map state: its items (inline, from `ItemReader` or JSONata), item
//! selector, batching, result writer, concurrency and failure tolerance,
//! and its processor's scope.

use stepfn::model::graph::ScopeHolder;
use stepfn::model::{
    MapItemSelector, MapItems, MaxConcurrency, OrJsonata, ProcessorMode, ToleratedFailureCount,
    ToleratedFailurePercentage,
};

use super::Compiler;
use crate::jsonata::{expression, Expr, JValue};
use crate::program::fields::{reference, resource_text, R};
use crate::program::{
    Batcher, Count, Items, MapNode, Payload, Percentage, Reader, ScopeIdx, Writer,
};

impl Compiler<'_, '_> {
    pub(super) fn map(
        &self,
        s: &stepfn::model::Map,
        owned: &[(ScopeHolder, ScopeIdx)],
    ) -> R<MapNode> {
        let processor = owned
            .first()
            .map(|(_, scope)| *scope)
            .ok_or("the Map state has no item processor")?;
        let distributed = s
            .processor
            .processor()
            .processor_config
            .as_ref()
            .and_then(|c| c.mode)
            == Some(ProcessorMode::Distributed);
        let items = match &s.items {
            Some(MapItems::ItemsPath(p)) => Items::Path(reference(p, "ItemsPath")?),
            Some(MapItems::Items(value)) => Items::Jsonata(JValue::compile(value, "Items")?),
            None if self.jsonata() => Items::Input,
            None => Items::Path(reference("$", "ItemsPath")?),
        };
        let item_selector = match &s.item_selector {
            None => None,
            Some(MapItemSelector::ItemSelector(v) | MapItemSelector::Parameters(v)) => {
                if self.jsonata() {
                    Some(Payload::Jsonata(JValue::compile(v, "ItemSelector")?))
                } else {
                    Some(Payload::Template(self.template(v, "ItemSelector")?))
                }
            }
        };
        let max_concurrency = match &s.max_concurrency {
            None => None,
            Some(MaxConcurrency::Value(v)) => Some(self.count(v, "MaxConcurrency")?),
            Some(MaxConcurrency::Path(p)) => Some(Count::Path(reference(p, "MaxConcurrencyPath")?)),
        };
        let tolerated_count = match &s.tolerated_failure_count {
            None => None,
            Some(ToleratedFailureCount::Value(v)) => Some(self.count(v, "ToleratedFailureCount")?),
            Some(ToleratedFailureCount::Path(p)) => {
                Some(Count::Path(reference(p, "ToleratedFailureCountPath")?))
            }
        };
        let tolerated_percentage = match &s.tolerated_failure_percentage {
            None => None,
            Some(ToleratedFailurePercentage::Value(OrJsonata::Value(n))) => {
                Some(Percentage::Literal(n.as_f64()))
            }
            Some(ToleratedFailurePercentage::Value(OrJsonata::Jsonata(text))) => {
                Some(Percentage::Jsonata(Expr::compile(
                    expression(text).unwrap_or(text),
                    "ToleratedFailurePercentage",
                )?))
            }
            Some(ToleratedFailurePercentage::Path(p)) => Some(Percentage::Path(reference(
                p,
                "ToleratedFailurePercentagePath",
            )?)),
        };
        let batcher = match &s.item_batcher {
            None => None,
            Some(b) => Some(Batcher {
                max_items: match &b.max_items_per_batch {
                    None => None,
                    Some(stepfn::model::MaxItemsPerBatch::Value(v)) => {
                        Some(self.count(v, "MaxItemsPerBatch")?)
                    }
                    Some(stepfn::model::MaxItemsPerBatch::Path(p)) => {
                        Some(Count::Path(reference(p, "MaxItemsPerBatchPath")?))
                    }
                },
                max_bytes: match &b.max_input_bytes_per_batch {
                    None => None,
                    Some(stepfn::model::MaxInputBytesPerBatch::Value(v)) => {
                        Some(self.count(v, "MaxInputBytesPerBatch")?)
                    }
                    Some(stepfn::model::MaxInputBytesPerBatch::Path(p)) => {
                        Some(Count::Path(reference(p, "MaxInputBytesPerBatchPath")?))
                    }
                },
                batch_input: match &b.batch_input {
                    None => None,
                    Some(v) if self.jsonata() => {
                        Some(Payload::Jsonata(JValue::compile(v, "BatchInput")?))
                    }
                    Some(v) => Some(Payload::Template(self.template(v, "BatchInput")?)),
                },
            }),
        };
        let reader = match &s.item_reader {
            None => None,
            Some(r) => Some(Reader {
                resource: resource_text(&r.resource),
                format: crate::item_reader::ReaderFormat::new(
                    &resource_text(&r.resource),
                    r.reader_config.as_ref(),
                ),
                parameters: self.payload(
                    r.parameters.as_ref(),
                    r.arguments.as_ref(),
                    "ItemReader.Parameters",
                )?,
                max_items: match r.reader_config.as_ref().and_then(|c| c.max_items.as_ref()) {
                    None => None,
                    Some(stepfn::model::MaxItems::Value(v)) => Some(self.count(v, "MaxItems")?),
                    Some(stepfn::model::MaxItems::Path(p)) => {
                        Some(Count::Path(reference(p, "MaxItemsPath")?))
                    }
                },
            }),
        };
        let writer = match &s.result_writer {
            None => None,
            Some(w) => Some(Writer {
                resource: w.resource.as_ref().map(resource_text).unwrap_or_default(),
                parameters: self.payload(
                    w.parameters.as_ref(),
                    w.arguments.as_ref(),
                    "ResultWriter.Parameters",
                )?,
            }),
        };
        Ok(MapNode {
            items,
            item_selector,
            processor,
            max_concurrency,
            distributed,
            tolerated_count,
            tolerated_percentage,
            batcher,
            reader,
            writer,
            label: s.label.clone(),
        })
    }
}
