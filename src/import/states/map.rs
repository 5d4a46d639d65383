//! Map: `Map::new(name, processor())` inline, `DistributedMap::new(...)`
//! for child executions, the processor a function of its own; legacy
//! `Iterator`, `Parameters` and a missing `ProcessorConfig` as written.

use crate::model::{
    ExecutionType, Json, Map, MapItemSelector, MapItems, MapProcessor, MaxConcurrency, OrJsonata,
    ProcessorConfig, ProcessorMode, State, ToleratedFailureCount, ToleratedFailurePercentage,
};

use super::super::code::Expr;
use super::super::cx::FnCx;
use super::super::distributed::{item_batcher, item_reader, result_writer};
use super::super::fields::{
    catchers, comment, count, json, object, path, query_language, retries, set,
};
use super::super::json::{value, Place};
use super::super::jsonata::jsonata;
use super::super::literal::{self, NumberLiteral};
use super::StateCx;

/// Which builder writes a Map state, and how its `ProcessorConfig` is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MapBuilder {
    /// `Map::new`: `{"Mode": "INLINE"}`.
    Inline,
    /// `DistributedMap::new`: `{"Mode": "DISTRIBUTED", "ExecutionType": ...}`.
    Distributed(ExecutionType),
    /// No `ProcessorConfig`: `Map` (or `DistributedMap` when it has
    /// Distributed fields) `.without_processor_config()`.
    Unconfigured { distributed_fields: bool },
}

/// The builder that writes `map` exactly, if one does (a `ProcessorConfig`
/// that is not one of the three shapes above is written as a custom state).
pub(crate) fn map_builder(map: &Map) -> Option<MapBuilder> {
    let distributed_fields = map.item_reader.is_some()
        || map.item_batcher.is_some()
        || map.result_writer.is_some()
        || map.tolerated_failure_count.is_some()
        || map.tolerated_failure_percentage.is_some()
        || map.label.is_some();
    match &map.processor.processor().processor_config {
        None => Some(MapBuilder::Unconfigured { distributed_fields }),
        Some(ProcessorConfig {
            mode: Some(ProcessorMode::Inline),
            execution_type: None,
        }) if !distributed_fields => Some(MapBuilder::Inline),
        Some(ProcessorConfig {
            mode: Some(ProcessorMode::Distributed),
            execution_type: Some(t),
        }) => Some(MapBuilder::Distributed(*t)),
        Some(_) => None,
    }
}

/// The Map state's expression.
pub(super) fn map(cx: &mut FnCx<'_>, at: &StateCx<'_>, map: &Map, state: &State) -> Expr {
    let (Some(builder), Some(processor)) = (map_builder(map), at.scopes.first()) else {
        return custom(cx, at, state);
    };
    let distributed = matches!(
        builder,
        MapBuilder::Distributed(_)
            | MapBuilder::Unconfigured {
                distributed_fields: true
            }
    );
    let constructor = if distributed {
        "DistributedMap::new"
    } else {
        "Map::new"
    };
    let processor_call = Expr::call(processor.clone(), Vec::new());
    let mut e = Expr::call(constructor, vec![Expr::str(at.name), processor_call]);
    if builder == MapBuilder::Distributed(ExecutionType::Express) {
        cx.file.uses("stepfn::builder::ExecutionType");
        e = set(e, "execution_type", Expr::path("ExecutionType::Express"));
    }
    e = comment(e, map.comment.as_deref());
    e = query_language(e, map.query_language);
    e = path(e, "input_path", map.input_path.as_ref());
    e = match &map.items {
        Some(MapItems::ItemsPath(p)) => set(e, "items_path", Expr::str(p)),
        Some(MapItems::Items(items)) => {
            let arg = value(cx, items, Place::Json);
            set(e, "items", arg)
        }
        None => e,
    };
    if let Some(reader) = &map.item_reader {
        let arg = item_reader(cx, reader);
        e = set(e, "item_reader", arg);
    }
    e = match &map.item_selector {
        Some(MapItemSelector::ItemSelector(s)) => json(cx, e, "item_selector", Some(s)),
        Some(MapItemSelector::Parameters(s)) => json(cx, e, "parameters", Some(s)),
        None => e,
    };
    if let Some(batcher) = &map.item_batcher {
        let arg = item_batcher(cx, batcher);
        e = set(e, "item_batcher", arg);
    }
    e = match &map.max_concurrency {
        Some(MaxConcurrency::Value(OrJsonata::Value(n))) => set(e, "max_concurrency", count(*n)),
        Some(MaxConcurrency::Value(OrJsonata::Jsonata(text))) => {
            let expression = jsonata(cx, text);
            set(e, "max_concurrency_jsonata", expression)
        }
        Some(MaxConcurrency::Path(p)) => set(e, "max_concurrency_path", Expr::str(p)),
        None => e,
    };
    e = tolerated(cx, e, map);
    if let Some(label) = &map.label {
        e = set(e, "label", Expr::str(label));
    }
    if let Some(writer) = &map.result_writer {
        let arg = result_writer(cx, writer);
        e = set(e, "result_writer", arg);
    }
    e = object(cx, e, "result_selector", map.result_selector.as_ref());
    e = path(e, "result_path", map.result_path.as_ref());
    e = path(e, "output_path", map.output_path.as_ref());
    e = json(cx, e, "output", map.output.as_ref());
    e = object(cx, e, "assign", map.assign.as_ref());
    e = retries(cx, e, map.retry.as_deref());
    e = catchers(cx, e, map.catch.as_deref());
    let processor = map.processor.processor();
    e = comment_processor(e, processor.comment.as_deref());
    if matches!(map.processor, MapProcessor::Iterator(_)) {
        e = e.method("legacy_iterator", Vec::new());
    }
    if matches!(builder, MapBuilder::Unconfigured { .. }) {
        e = e.method("without_processor_config", Vec::new());
    }
    e
}

fn comment_processor(e: Expr, comment: Option<&str>) -> Expr {
    match comment {
        Some(c) => set(e, "item_processor_comment", Expr::str(c)),
        None => e,
    }
}

/// `ToleratedFailurePercentage` and `ToleratedFailureCount`, given, computed
/// or at a path.
fn tolerated(cx: &mut FnCx<'_>, mut e: Expr, map: &Map) -> Expr {
    e = match &map.tolerated_failure_percentage {
        Some(ToleratedFailurePercentage::Value(OrJsonata::Value(n))) => {
            let arg = match literal::number(n) {
                NumberLiteral::Exact(text) => text,
                NumberLiteral::Text(text) => {
                    let nearest = literal::nearest_float(n);
                    cx.note(format!(
                        "the tolerated failure percentage {text} has more digits than a double \
                         keeps: written as {nearest}"
                    ));
                    nearest
                }
            };
            set(e, "tolerated_failure_percentage", Expr::Lit(arg))
        }
        Some(ToleratedFailurePercentage::Value(OrJsonata::Jsonata(text))) => {
            let expression = jsonata(cx, text);
            set(e, "tolerated_failure_percentage_jsonata", expression)
        }
        Some(ToleratedFailurePercentage::Path(p)) => {
            set(e, "tolerated_failure_percentage_path", Expr::str(p))
        }
        None => e,
    };
    match &map.tolerated_failure_count {
        Some(ToleratedFailureCount::Value(OrJsonata::Value(n))) => {
            set(e, "tolerated_failure_count", count(*n))
        }
        Some(ToleratedFailureCount::Value(OrJsonata::Jsonata(text))) => {
            let expression = jsonata(cx, text);
            set(e, "tolerated_failure_count_jsonata", expression)
        }
        Some(ToleratedFailureCount::Path(p)) => {
            set(e, "tolerated_failure_count_path", Expr::str(p))
        }
        None => e,
    }
}

/// The state as `CustomState::new(name, json)`, for what no builder writes
/// exactly: its JSON, without `Next` or `End` (the chain sets them).
pub(crate) fn custom(cx: &mut FnCx<'_>, at: &StateCx<'_>, state: &State) -> Expr {
    let mut json = Json::from_serialize(state).unwrap_or_default();
    if let Json::Object(object) = &mut json {
        object.shift_remove("Next");
        object.shift_remove("End");
    }
    let arg = value(cx, &json, Place::Json);
    Expr::call("CustomState::new", vec![Expr::str(at.name), arg])
}
