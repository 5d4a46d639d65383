//! Reading a Map state.

use super::super::decoder::Decoder;
use super::super::fields::Fields;
use super::catch::catch;
use super::machine::item_processor;
use super::map_distributed::{item_batcher, item_reader, result_writer};
use super::retry::retry;
use super::state::StateContext;
use super::transition::transition;
use crate::model::{
    Map, MapItemSelector, MapItems, MapProcessor, MaxConcurrency, ToleratedFailureCount,
    ToleratedFailurePercentage,
};
use crate::problem::Code;

pub(crate) fn map(
    decoder: &mut Decoder,
    f: &mut Fields<'_, '_>,
    s: &StateContext,
) -> Option<Box<Map>> {
    let language = s.language;
    let processor = processor(decoder, f);
    let transition = transition(decoder, f);
    Some(Box::new(Map {
        comment: f.get(decoder, "Comment", Decoder::string),
        query_language: s.own_language,
        input_path: f.get(decoder, "InputPath", Decoder::nullable_string),
        items: f.either(
            decoder,
            ("ItemsPath", |decoder: &mut Decoder, n, l: &_| {
                decoder.string(n, l).map(MapItems::ItemsPath)
            }),
            ("Items", |decoder: &mut Decoder, n, l: &_| {
                decoder.json(n, l).map(MapItems::Items)
            }),
        ),
        item_reader: f.get(decoder, "ItemReader", |decoder, n, l| {
            item_reader(decoder, n, l, language)
        }),
        item_selector: f.either(
            decoder,
            ("ItemSelector", |decoder: &mut Decoder, n, l: &_| {
                decoder.json(n, l).map(MapItemSelector::ItemSelector)
            }),
            ("Parameters", |decoder: &mut Decoder, n, l: &_| {
                decoder.json(n, l).map(MapItemSelector::Parameters)
            }),
        ),
        item_batcher: f.get(decoder, "ItemBatcher", |decoder, n, l| {
            item_batcher(decoder, n, l, language)
        }),
        max_concurrency: f.either(
            decoder,
            ("MaxConcurrency", |decoder: &mut Decoder, n, l: &_| {
                decoder
                    .or_jsonata(n, l, language, Decoder::u64)
                    .map(MaxConcurrency::Value)
            }),
            ("MaxConcurrencyPath", |decoder: &mut Decoder, n, l: &_| {
                decoder.string(n, l).map(MaxConcurrency::Path)
            }),
        ),
        tolerated_failure_percentage: f.either(
            decoder,
            (
                "ToleratedFailurePercentage",
                |decoder: &mut Decoder, n, l: &_| {
                    decoder
                        .or_jsonata(n, l, language, Decoder::number)
                        .map(ToleratedFailurePercentage::Value)
                },
            ),
            (
                "ToleratedFailurePercentagePath",
                |decoder: &mut Decoder, n, l: &_| {
                    decoder.string(n, l).map(ToleratedFailurePercentage::Path)
                },
            ),
        ),
        tolerated_failure_count: f.either(
            decoder,
            (
                "ToleratedFailureCount",
                |decoder: &mut Decoder, n, l: &_| {
                    decoder
                        .or_jsonata(n, l, language, Decoder::u64)
                        .map(ToleratedFailureCount::Value)
                },
            ),
            (
                "ToleratedFailureCountPath",
                |decoder: &mut Decoder, n, l: &_| {
                    decoder.string(n, l).map(ToleratedFailureCount::Path)
                },
            ),
        ),
        label: f.get(decoder, "Label", Decoder::string),
        result_writer: f.get(decoder, "ResultWriter", |decoder, n, l| {
            result_writer(decoder, n, l, language)
        }),
        result_selector: f.get(decoder, "ResultSelector", Decoder::json_object),
        result_path: f.get(decoder, "ResultPath", Decoder::nullable_string),
        output_path: f.get(decoder, "OutputPath", Decoder::nullable_string),
        output: f.get(decoder, "Output", Decoder::json),
        assign: f.get(decoder, "Assign", Decoder::json_object),
        retry: f.get(decoder, "Retry", retry),
        catch: f.get(decoder, "Catch", |decoder, n, l| {
            catch(decoder, n, l, language)
        }),
        processor: processor?,
        transition: transition?,
    }))
}

/// Exactly one of `ItemProcessor` and the legacy `Iterator`.
fn processor(decoder: &mut Decoder, f: &mut Fields<'_, '_>) -> Option<MapProcessor> {
    match (f.has("ItemProcessor"), f.has("Iterator")) {
        (true, false) => f
            .get(decoder, "ItemProcessor", item_processor)
            .map(MapProcessor::ItemProcessor),
        (false, true) => f
            .get(decoder, "Iterator", item_processor)
            .map(MapProcessor::Iterator),
        (both, _) => {
            let message = if both {
                f.take("ItemProcessor");
                f.take("Iterator");
                "a Map takes `ItemProcessor` or the older `Iterator`, not both: keep `ItemProcessor`"
            } else {
                "a Map needs an `ItemProcessor` (the states each item runs through)"
            };
            decoder.report(f.at, f.loc, Code::MapNeedsOneProcessor, message);
            None
        }
    }
}
