//! A Distributed Map's `ItemReader`, `ItemBatcher` and `ResultWriter`: the
//! builder's presets where they give the definition's fields
//! (`ItemReader::csv(bucket, key)`, `ResultWriter::s3(bucket, prefix)`),
//! else the general form (`ItemReader::new(resource)` with each setting).

use crate::model::{
    CsvHeaderLocation, InputType, ItemBatcher, ItemReader, Json, MaxInputBytesPerBatch, MaxItems,
    MaxItemsPerBatch, OrJsonata, ReaderConfig, Resource, ResultWriter,
};

use super::code::Expr;
use super::cx::FnCx;
use super::fields::{count, resource, set};
use super::json::{value, Place};
use super::jsonata::jsonata;

const GET_OBJECT: &str = "arn:aws:states:::s3:getObject";
const LIST_OBJECTS: &str = "arn:aws:states:::s3:listObjectsV2";
const PUT_OBJECT: &str = "arn:aws:states:::s3:putObject";

/// `{"Bucket": b, name: v}` (either key with or without `.$`) as the two
/// values a preset takes: a literal, or `JsonPath::new(...)` for `.$`.
fn bucket_and<'j>(parameters: Option<&'j Json>, name: &str) -> Option<[(&'j str, &'j Json); 2]> {
    let Some(Json::Object(object)) = parameters else {
        return None;
    };
    if object.len() != 2 {
        return None;
    }
    let find = |key: &str| {
        object
            .get_key_value(key)
            .or_else(|| object.get_key_value(&format!("{key}.$")))
            .map(|(k, v)| (k.as_str(), v))
    };
    Some([find("Bucket")?, find(name)?])
}

/// A preset's argument: the literal, or a path for a `.$` key.
fn preset_arg(cx: &mut FnCx<'_>, (key, v): (&str, &Json)) -> Expr {
    match v {
        Json::String(path) if key.ends_with(".$") => {
            Expr::call("JsonPath::new", vec![Expr::str(path)])
        }
        _ => value(cx, v, Place::Value),
    }
}

/// The `ItemReader` expression.
pub(crate) fn item_reader(cx: &mut FnCx<'_>, reader: &ItemReader) -> Expr {
    let default = ReaderConfig::default();
    let config = reader.reader_config.as_ref().unwrap_or(&default);
    let uri = match &reader.resource {
        Resource::Uri(uri) if reader.arguments.is_none() => Some(uri.as_str()),
        _ => None,
    };
    let mut done = ReaderConfig::default();
    let mut input_written = true;
    let listing = bucket_and(reader.parameters.as_ref(), "Prefix");
    let object = bucket_and(reader.parameters.as_ref(), "Key");
    let mut e = match (uri, config.input_type, listing, object) {
        (Some(LIST_OBJECTS), None, Some([b, p]), _) => {
            let args = vec![preset_arg(cx, b), preset_arg(cx, p)];
            Expr::call("ItemReader::list_objects", args)
        }
        (Some(GET_OBJECT), Some(input_type), _, Some([b, k])) => {
            let mut args = vec![preset_arg(cx, b), preset_arg(cx, k)];
            done.input_type = Some(input_type);
            let csv_first_row = config.csv_header_location == Some(CsvHeaderLocation::FirstRow);
            let constructor = match input_type {
                InputType::Csv if csv_first_row => {
                    done.csv_header_location = Some(CsvHeaderLocation::FirstRow);
                    "ItemReader::csv"
                }
                InputType::Json => "ItemReader::json",
                InputType::Jsonl => "ItemReader::jsonl",
                InputType::Parquet => "ItemReader::parquet",
                InputType::Manifest if config.manifest_type.is_some() => {
                    done.manifest_type = config.manifest_type;
                    let manifest = config.manifest_type.map(|m| format!("ManifestType::{m:?}"));
                    cx.file.uses("stepfn::model::ManifestType");
                    args.insert(0, Expr::path(manifest.unwrap_or_default()));
                    "ItemReader::manifest"
                }
                other => {
                    cx.file.uses("stepfn::model::InputType");
                    args.insert(0, Expr::path(format!("InputType::{other:?}")));
                    "ItemReader::object"
                }
            };
            Expr::call(constructor, args)
        }
        _ => {
            input_written = false;
            let resource = resource(cx, &reader.resource);
            Expr::call("ItemReader::new", vec![resource])
        }
    };
    if reader.reader_config.as_ref().is_some_and(|c| *c == default) {
        cx.note("an empty `ReaderConfig` cannot be written: it is left out");
    }
    e = reader_config(cx, e, config, &done);
    if !input_written {
        if let Some(parameters) = &reader.parameters {
            let arg = value(cx, parameters, Place::Json);
            e = set(e, "parameters", arg);
        }
    }
    if let Some(arguments) = &reader.arguments {
        let arg = value(cx, arguments, Place::Json);
        e = set(e, "arguments", arg);
    }
    e
}

/// The `ReaderConfig` settings not already written by the preset (`done`).
fn reader_config(
    cx: &mut FnCx<'_>,
    mut e: Expr,
    config: &ReaderConfig,
    done: &ReaderConfig,
) -> Expr {
    if let (Some(t), None) = (config.input_type, done.input_type) {
        cx.file.uses("stepfn::model::InputType");
        e = set(e, "input_type", Expr::path(format!("InputType::{t:?}")));
    }
    if let Some(t) = config.transformation {
        cx.file.uses("stepfn::model::ReaderTransformation");
        e = set(
            e,
            "transformation",
            Expr::path(format!("ReaderTransformation::{t:?}")),
        );
    }
    if let (Some(m), None) = (config.manifest_type, done.manifest_type) {
        cx.file.uses("stepfn::model::ManifestType");
        e = set(
            e,
            "manifest_type",
            Expr::path(format!("ManifestType::{m:?}")),
        );
    }
    if let Some(headers) = &config.csv_headers {
        let headers = Expr::Array(headers.iter().map(|h| Expr::str(h)).collect());
        e = set(e, "csv_headers", headers);
        match config.csv_header_location {
            Some(CsvHeaderLocation::Given) => {}
            Some(other) => {
                cx.file.uses("stepfn::model::CsvHeaderLocation");
                e = set(e, "csv_header_location", Expr::path(format!("CsvHeaderLocation::{other:?}")));
            }
            None => cx.note("`CSVHeaders` without `CSVHeaderLocation` cannot be written: `csv_headers` sets it to `GIVEN`"),
        }
    } else if let (Some(location), None) = (config.csv_header_location, done.csv_header_location) {
        cx.file.uses("stepfn::model::CsvHeaderLocation");
        e = set(
            e,
            "csv_header_location",
            Expr::path(format!("CsvHeaderLocation::{location:?}")),
        );
    }
    if let Some(d) = config.csv_delimiter {
        cx.file.uses("stepfn::model::CsvDelimiter");
        e = set(
            e,
            "csv_delimiter",
            Expr::path(format!("CsvDelimiter::{d:?}")),
        );
    }
    if let Some(pointer) = &config.items_pointer {
        e = set(e, "items_pointer", Expr::str(pointer));
    }
    match &config.max_items {
        Some(MaxItems::Value(OrJsonata::Value(n))) => set(e, "max_items", count(*n)),
        Some(MaxItems::Value(OrJsonata::Jsonata(text))) => {
            let expression = jsonata(cx, text);
            set(e, "max_items_jsonata", expression)
        }
        Some(MaxItems::Path(p)) => set(e, "max_items_path", Expr::str(p)),
        None => e,
    }
}

/// The `ItemBatcher` expression.
pub(crate) fn item_batcher(cx: &mut FnCx<'_>, batcher: &ItemBatcher) -> Expr {
    let mut items = batcher.max_items_per_batch.as_ref();
    let mut bytes = batcher.max_input_bytes_per_batch.as_ref();
    let mut e = match (items, bytes) {
        (Some(MaxItemsPerBatch::Value(OrJsonata::Value(n))), _) => {
            items = None;
            Expr::call("ItemBatcher::max_items", vec![count(*n)])
        }
        (_, Some(MaxInputBytesPerBatch::Value(OrJsonata::Value(n)))) => {
            bytes = None;
            Expr::call("ItemBatcher::max_input_bytes", vec![count(*n)])
        }
        _ => Expr::call("ItemBatcher::default", Vec::new()),
    };
    e = match items {
        Some(MaxItemsPerBatch::Value(OrJsonata::Value(n))) => set(e, "and_max_items", count(*n)),
        Some(MaxItemsPerBatch::Value(OrJsonata::Jsonata(text))) => {
            let expression = jsonata(cx, text);
            set(e, "max_items_jsonata", expression)
        }
        Some(MaxItemsPerBatch::Path(p)) => set(e, "max_items_path", Expr::str(p)),
        None => e,
    };
    e = match bytes {
        Some(MaxInputBytesPerBatch::Value(OrJsonata::Value(n))) => set(e, "max_bytes", count(*n)),
        Some(MaxInputBytesPerBatch::Value(OrJsonata::Jsonata(text))) => {
            let expression = jsonata(cx, text);
            set(e, "max_bytes_jsonata", expression)
        }
        Some(MaxInputBytesPerBatch::Path(p)) => set(e, "max_bytes_path", Expr::str(p)),
        None => e,
    };
    match &batcher.batch_input {
        Some(input) => {
            let arg = value(cx, input, Place::Json);
            set(e, "batch_input", arg)
        }
        None => e,
    }
}

/// The `ResultWriter` expression.
pub(crate) fn result_writer(cx: &mut FnCx<'_>, writer: &ResultWriter) -> Expr {
    let s3 = match (&writer.resource, &writer.arguments) {
        (Some(Resource::Uri(uri)), None) if uri == PUT_OBJECT => {
            bucket_and(writer.parameters.as_ref(), "Prefix")
        }
        _ => None,
    };
    let mut e = match s3 {
        Some([b, p]) => {
            let args = vec![preset_arg(cx, b), preset_arg(cx, p)];
            Expr::call("ResultWriter::s3", args)
        }
        None => {
            let mut e = Expr::call("ResultWriter::default", Vec::new());
            if let Some(r) = &writer.resource {
                let arg = resource(cx, r);
                e = set(e, "resource", arg);
            }
            if let Some(parameters) = &writer.parameters {
                let arg = value(cx, parameters, Place::Json);
                e = set(e, "parameters", arg);
            }
            e
        }
    };
    if let Some(arguments) = &writer.arguments {
        let arg = value(cx, arguments, Place::Json);
        e = set(e, "arguments", arg);
    }
    if let Some(config) = &writer.writer_config {
        if let Some(t) = config.transformation {
            cx.file.uses("stepfn::model::WriterTransformation");
            e = set(
                e,
                "transformation",
                Expr::path(format!("WriterTransformation::{t:?}")),
            );
        }
        if let Some(t) = config.output_type {
            cx.file.uses("stepfn::model::OutputType");
            e = set(e, "output_type", Expr::path(format!("OutputType::{t:?}")));
        }
        if config.transformation.is_none() && config.output_type.is_none() {
            cx.note("an empty `WriterConfig` cannot be written: it is left out");
        }
    }
    e
}
