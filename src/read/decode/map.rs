//! Reading a Map state.

use super::super::cx::Cx;
use super::super::fields::Fields;
use super::common::{catch, retry, transition};
use super::machine::item_processor;
use super::map_distributed::{item_batcher, item_reader, result_writer};
use super::state::StateCx;
use crate::model::{
    Map, MapItemSelector, MapItems, MapProcessor, MaxConcurrency, ToleratedFailureCount,
    ToleratedFailurePercentage,
};
use crate::problem::Code;

pub(crate) fn map(cx: &mut Cx, f: &mut Fields<'_, '_>, s: &StateCx) -> Option<Map> {
    let language = s.language;
    let processor = processor(cx, f);
    let transition = transition(cx, f);
    Some(Map {
        comment: f.get(cx, "Comment", Cx::string),
        query_language: s.own_language,
        input_path: f.get(cx, "InputPath", Cx::nullable_string),
        items: f.either(
            cx,
            ("ItemsPath", |cx: &mut Cx, n, l: &_| {
                cx.string(n, l).map(MapItems::ItemsPath)
            }),
            ("Items", |cx: &mut Cx, n, l: &_| {
                cx.json(n, l).map(MapItems::Items)
            }),
        ),
        item_reader: f.get(cx, "ItemReader", |cx, n, l| item_reader(cx, n, l, language)),
        item_selector: f.either(
            cx,
            ("ItemSelector", |cx: &mut Cx, n, l: &_| {
                cx.json(n, l).map(MapItemSelector::ItemSelector)
            }),
            ("Parameters", |cx: &mut Cx, n, l: &_| {
                cx.json(n, l).map(MapItemSelector::Parameters)
            }),
        ),
        item_batcher: f.get(cx, "ItemBatcher", |cx, n, l| {
            item_batcher(cx, n, l, language)
        }),
        max_concurrency: f.either(
            cx,
            ("MaxConcurrency", |cx: &mut Cx, n, l: &_| {
                cx.or_jsonata(n, l, language, Cx::u64)
                    .map(MaxConcurrency::Value)
            }),
            ("MaxConcurrencyPath", |cx: &mut Cx, n, l: &_| {
                cx.string(n, l).map(MaxConcurrency::Path)
            }),
        ),
        tolerated_failure_percentage: f.either(
            cx,
            ("ToleratedFailurePercentage", |cx: &mut Cx, n, l: &_| {
                cx.or_jsonata(n, l, language, Cx::number)
                    .map(ToleratedFailurePercentage::Value)
            }),
            ("ToleratedFailurePercentagePath", |cx: &mut Cx, n, l: &_| {
                cx.string(n, l).map(ToleratedFailurePercentage::Path)
            }),
        ),
        tolerated_failure_count: f.either(
            cx,
            ("ToleratedFailureCount", |cx: &mut Cx, n, l: &_| {
                cx.or_jsonata(n, l, language, Cx::u64)
                    .map(ToleratedFailureCount::Value)
            }),
            ("ToleratedFailureCountPath", |cx: &mut Cx, n, l: &_| {
                cx.string(n, l).map(ToleratedFailureCount::Path)
            }),
        ),
        label: f.get(cx, "Label", Cx::string),
        result_writer: f.get(cx, "ResultWriter", |cx, n, l| {
            result_writer(cx, n, l, language)
        }),
        result_selector: f.get(cx, "ResultSelector", Cx::json_object),
        result_path: f.get(cx, "ResultPath", Cx::nullable_string),
        output_path: f.get(cx, "OutputPath", Cx::nullable_string),
        output: f.get(cx, "Output", Cx::json),
        assign: f.get(cx, "Assign", Cx::json_object),
        retry: f.get(cx, "Retry", retry),
        catch: f.get(cx, "Catch", |cx, n, l| catch(cx, n, l, language)),
        processor: processor?,
        transition: transition?,
    })
}

/// Exactly one of `ItemProcessor` and the legacy `Iterator`.
fn processor(cx: &mut Cx, f: &mut Fields<'_, '_>) -> Option<MapProcessor> {
    match (f.has("ItemProcessor"), f.has("Iterator")) {
        (true, false) => f
            .get(cx, "ItemProcessor", item_processor)
            .map(MapProcessor::ItemProcessor),
        (false, true) => f
            .get(cx, "Iterator", item_processor)
            .map(MapProcessor::Iterator),
        (both, _) => {
            let message = if both {
                f.take("ItemProcessor");
                f.take("Iterator");
                "a Map takes `ItemProcessor` or the older `Iterator`, not both: keep `ItemProcessor`"
            } else {
                "a Map needs an `ItemProcessor` (the states each item runs through)"
            };
            cx.report(f.at, f.loc, Code::MapNeedsOneProcessor, message);
            None
        }
    }
}
