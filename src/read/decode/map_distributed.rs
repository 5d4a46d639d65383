//! Reading a Distributed Map's `ItemReader`, `ItemBatcher` and `ResultWriter`.

use super::super::decoder::Decoder;
use super::super::fields::{Fields, Shape};
use super::super::location::Loc;
use super::super::parse::Node;
use super::language::check_language;
use super::resource::resource;
use crate::model::{
    CsvDelimiter, CsvHeaderLocation, InputType, ItemBatcher, ItemReader, ManifestType,
    MaxInputBytesPerBatch, MaxItems, MaxItemsPerBatch, OutputType, QueryLanguage, ReaderConfig,
    ReaderTransformation, ResultWriter, WriterConfig, WriterTransformation,
};

const JSONPATH: QueryLanguage = QueryLanguage::JsonPath;
const JSONATA: QueryLanguage = QueryLanguage::Jsonata;

const ITEM_READER: Shape = Shape {
    what: "an ItemReader",
    names: &["Resource", "ReaderConfig", "Parameters", "Arguments"],
    elsewhere: &[],
};

pub(crate) fn item_reader(
    decoder: &mut Decoder,
    node: Node<'_>,
    loc: &Loc<'_>,
    language: QueryLanguage,
) -> Option<ItemReader> {
    let mut f = Fields::read(decoder, node, loc, ITEM_READER)?;
    check_language(decoder, &mut f, "Parameters", JSONPATH, language);
    check_language(decoder, &mut f, "Arguments", JSONATA, language);
    let resource = f.required(decoder, "Resource", resource);
    let reader = ItemReader {
        reader_config: f.get(decoder, "ReaderConfig", |decoder, n, l| {
            reader_config(decoder, n, l, language)
        }),
        parameters: f.get(decoder, "Parameters", Decoder::json),
        arguments: f.get(decoder, "Arguments", Decoder::json),
        resource: resource?,
    };
    f.finish(decoder, ITEM_READER.what);
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

/// A decoder for the words of the value enum `$ty`.
macro_rules! word {
    ($ty:ident) => {
        |decoder: &mut Decoder, node, loc: &Loc<'_>| {
            decoder.word(node, loc, $ty::WHAT, $ty::ALL, $ty::as_str)
        }
    };
}

fn reader_config(
    decoder: &mut Decoder,
    node: Node<'_>,
    loc: &Loc<'_>,
    language: QueryLanguage,
) -> Option<ReaderConfig> {
    let mut f = Fields::read(decoder, node, loc, READER_CONFIG)?;
    check_language(decoder, &mut f, "MaxItemsPath", JSONPATH, language);
    let config = ReaderConfig {
        input_type: f.get(decoder, "InputType", word!(InputType)),
        transformation: f.get(decoder, "Transformation", word!(ReaderTransformation)),
        manifest_type: f.get(decoder, "ManifestType", word!(ManifestType)),
        csv_header_location: f.get(decoder, "CSVHeaderLocation", word!(CsvHeaderLocation)),
        csv_headers: f.get(decoder, "CSVHeaders", Decoder::string_array),
        csv_delimiter: f.get(decoder, "CSVDelimiter", word!(CsvDelimiter)),
        items_pointer: f.get(decoder, "ItemsPointer", Decoder::string),
        max_items: f.either(
            decoder,
            ("MaxItems", |decoder: &mut Decoder, n, l: &_| {
                decoder
                    .or_jsonata(n, l, language, Decoder::u64)
                    .map(MaxItems::Value)
            }),
            ("MaxItemsPath", |decoder: &mut Decoder, n, l: &_| {
                decoder.string(n, l).map(MaxItems::Path)
            }),
        ),
    };
    f.finish(decoder, READER_CONFIG.what);
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
    decoder: &mut Decoder,
    node: Node<'_>,
    loc: &Loc<'_>,
    language: QueryLanguage,
) -> Option<ItemBatcher> {
    let mut f = Fields::read(decoder, node, loc, ITEM_BATCHER)?;
    check_language(decoder, &mut f, "MaxItemsPerBatchPath", JSONPATH, language);
    check_language(
        decoder,
        &mut f,
        "MaxInputBytesPerBatchPath",
        JSONPATH,
        language,
    );
    let batcher = ItemBatcher {
        max_items_per_batch: f.either(
            decoder,
            ("MaxItemsPerBatch", |decoder: &mut Decoder, n, l: &_| {
                decoder
                    .or_jsonata(n, l, language, Decoder::u64)
                    .map(MaxItemsPerBatch::Value)
            }),
            ("MaxItemsPerBatchPath", |decoder: &mut Decoder, n, l: &_| {
                decoder.string(n, l).map(MaxItemsPerBatch::Path)
            }),
        ),
        max_input_bytes_per_batch: f.either(
            decoder,
            (
                "MaxInputBytesPerBatch",
                |decoder: &mut Decoder, n, l: &_| {
                    decoder
                        .or_jsonata(n, l, language, Decoder::u64)
                        .map(MaxInputBytesPerBatch::Value)
                },
            ),
            (
                "MaxInputBytesPerBatchPath",
                |decoder: &mut Decoder, n, l: &_| {
                    decoder.string(n, l).map(MaxInputBytesPerBatch::Path)
                },
            ),
        ),
        batch_input: f.get(decoder, "BatchInput", Decoder::json),
    };
    f.finish(decoder, ITEM_BATCHER.what);
    Some(batcher)
}

const RESULT_WRITER: Shape = Shape {
    what: "a ResultWriter",
    names: &["Resource", "Parameters", "Arguments", "WriterConfig"],
    elsewhere: &[],
};

pub(crate) fn result_writer(
    decoder: &mut Decoder,
    node: Node<'_>,
    loc: &Loc<'_>,
    language: QueryLanguage,
) -> Option<ResultWriter> {
    let mut f = Fields::read(decoder, node, loc, RESULT_WRITER)?;
    check_language(decoder, &mut f, "Parameters", JSONPATH, language);
    check_language(decoder, &mut f, "Arguments", JSONATA, language);
    let writer = ResultWriter {
        resource: f.get(decoder, "Resource", resource),
        parameters: f.get(decoder, "Parameters", Decoder::json),
        arguments: f.get(decoder, "Arguments", Decoder::json),
        writer_config: f.get(decoder, "WriterConfig", writer_config),
    };
    f.finish(decoder, RESULT_WRITER.what);
    Some(writer)
}

const WRITER_CONFIG: Shape = Shape {
    what: "a WriterConfig",
    names: &["Transformation", "OutputType"],
    elsewhere: &[],
};

fn writer_config(decoder: &mut Decoder, node: Node<'_>, loc: &Loc<'_>) -> Option<WriterConfig> {
    let mut f = Fields::read(decoder, node, loc, WRITER_CONFIG)?;
    let config = WriterConfig {
        transformation: f.get(decoder, "Transformation", word!(WriterTransformation)),
        output_type: f.get(decoder, "OutputType", word!(OutputType)),
    };
    f.finish(decoder, WRITER_CONFIG.what);
    Some(config)
}
