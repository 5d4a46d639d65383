//! Reading a Distributed Map's `ItemReader`, `ItemBatcher` and `ResultWriter`.

use super::super::cx::Cx;
use super::super::fields::{Fields, Shape};
use super::super::location::Loc;
use super::super::parse::Node;
use super::common::{check_language, resource};
use crate::model::{
    ItemBatcher, ItemReader, MaxInputBytesPerBatch, MaxItems, MaxItemsPerBatch, QueryLanguage,
    ReaderConfig, ResultWriter, WriterConfig,
};

const JSONPATH: QueryLanguage = QueryLanguage::JsonPath;
const JSONATA: QueryLanguage = QueryLanguage::Jsonata;

const ITEM_READER: Shape = Shape {
    what: "an ItemReader",
    names: &["Resource", "ReaderConfig", "Parameters", "Arguments"],
    elsewhere: &[],
};

pub(crate) fn item_reader(
    cx: &mut Cx,
    node: Node<'_>,
    loc: &Loc<'_>,
    language: QueryLanguage,
) -> Option<ItemReader> {
    let mut f = Fields::read(cx, node, loc, ITEM_READER)?;
    check_language(cx, &mut f, "Parameters", JSONPATH, language);
    check_language(cx, &mut f, "Arguments", JSONATA, language);
    let resource = f.required(cx, "Resource", resource);
    let reader = ItemReader {
        reader_config: f.get(cx, "ReaderConfig", |cx, n, l| {
            reader_config(cx, n, l, language)
        }),
        parameters: f.get(cx, "Parameters", Cx::json),
        arguments: f.get(cx, "Arguments", Cx::json),
        resource: resource?,
    };
    f.finish(cx, ITEM_READER.what);
    Some(reader)
}

const READER_CONFIG: Shape = Shape {
    what: "a ReaderConfig",
    names: &[
        "InputType",
        "Transformation",
        "ManifestType",
        "CSVHeaderLocation",
        "CSVHeaders",
        "CSVDelimiter",
        "ItemsPointer",
        "MaxItems",
        "MaxItemsPath",
    ],
    elsewhere: &[],
};

fn reader_config(
    cx: &mut Cx,
    node: Node<'_>,
    loc: &Loc<'_>,
    language: QueryLanguage,
) -> Option<ReaderConfig> {
    let mut f = Fields::read(cx, node, loc, READER_CONFIG)?;
    check_language(cx, &mut f, "MaxItemsPath", JSONPATH, language);
    let config = ReaderConfig {
        input_type: f.get(cx, "InputType", Cx::string),
        transformation: f.get(cx, "Transformation", Cx::string),
        manifest_type: f.get(cx, "ManifestType", Cx::string),
        csv_header_location: f.get(cx, "CSVHeaderLocation", Cx::string),
        csv_headers: f.get(cx, "CSVHeaders", Cx::string_array),
        csv_delimiter: f.get(cx, "CSVDelimiter", Cx::string),
        items_pointer: f.get(cx, "ItemsPointer", Cx::string),
        max_items: f.either(
            cx,
            ("MaxItems", |cx: &mut Cx, n, l: &_| {
                cx.or_jsonata(n, l, language, Cx::u64).map(MaxItems::Value)
            }),
            ("MaxItemsPath", |cx: &mut Cx, n, l: &_| {
                cx.string(n, l).map(MaxItems::Path)
            }),
        ),
    };
    f.finish(cx, READER_CONFIG.what);
    Some(config)
}

const ITEM_BATCHER: Shape = Shape {
    what: "an ItemBatcher",
    names: &[
        "MaxItemsPerBatch",
        "MaxItemsPerBatchPath",
        "MaxInputBytesPerBatch",
        "MaxInputBytesPerBatchPath",
        "BatchInput",
    ],
    elsewhere: &[],
};

pub(crate) fn item_batcher(
    cx: &mut Cx,
    node: Node<'_>,
    loc: &Loc<'_>,
    language: QueryLanguage,
) -> Option<ItemBatcher> {
    let mut f = Fields::read(cx, node, loc, ITEM_BATCHER)?;
    check_language(cx, &mut f, "MaxItemsPerBatchPath", JSONPATH, language);
    check_language(cx, &mut f, "MaxInputBytesPerBatchPath", JSONPATH, language);
    let batcher = ItemBatcher {
        max_items_per_batch: f.either(
            cx,
            ("MaxItemsPerBatch", |cx: &mut Cx, n, l: &_| {
                cx.or_jsonata(n, l, language, Cx::u64)
                    .map(MaxItemsPerBatch::Value)
            }),
            ("MaxItemsPerBatchPath", |cx: &mut Cx, n, l: &_| {
                cx.string(n, l).map(MaxItemsPerBatch::Path)
            }),
        ),
        max_input_bytes_per_batch: f.either(
            cx,
            ("MaxInputBytesPerBatch", |cx: &mut Cx, n, l: &_| {
                cx.or_jsonata(n, l, language, Cx::u64)
                    .map(MaxInputBytesPerBatch::Value)
            }),
            ("MaxInputBytesPerBatchPath", |cx: &mut Cx, n, l: &_| {
                cx.string(n, l).map(MaxInputBytesPerBatch::Path)
            }),
        ),
        batch_input: f.get(cx, "BatchInput", Cx::json),
    };
    f.finish(cx, ITEM_BATCHER.what);
    Some(batcher)
}

const RESULT_WRITER: Shape = Shape {
    what: "a ResultWriter",
    names: &["Resource", "Parameters", "Arguments", "WriterConfig"],
    elsewhere: &[],
};

pub(crate) fn result_writer(
    cx: &mut Cx,
    node: Node<'_>,
    loc: &Loc<'_>,
    language: QueryLanguage,
) -> Option<ResultWriter> {
    let mut f = Fields::read(cx, node, loc, RESULT_WRITER)?;
    check_language(cx, &mut f, "Parameters", JSONPATH, language);
    check_language(cx, &mut f, "Arguments", JSONATA, language);
    let writer = ResultWriter {
        resource: f.get(cx, "Resource", resource),
        parameters: f.get(cx, "Parameters", Cx::json),
        arguments: f.get(cx, "Arguments", Cx::json),
        writer_config: f.get(cx, "WriterConfig", writer_config),
    };
    f.finish(cx, RESULT_WRITER.what);
    Some(writer)
}

const WRITER_CONFIG: Shape = Shape {
    what: "a WriterConfig",
    names: &["Transformation", "OutputType"],
    elsewhere: &[],
};

fn writer_config(cx: &mut Cx, node: Node<'_>, loc: &Loc<'_>) -> Option<WriterConfig> {
    let mut f = Fields::read(cx, node, loc, WRITER_CONFIG)?;
    let config = WriterConfig {
        transformation: f.get(cx, "Transformation", Cx::string),
        output_type: f.get(cx, "OutputType", Cx::string),
    };
    f.finish(cx, WRITER_CONFIG.what);
    Some(config)
}
