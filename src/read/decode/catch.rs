//! Reading `Catch`: the catchers of a Task, Parallel or Map state.

use super::super::decoder::Decoder;
use super::super::fields::{Fields, Shape};
use super::super::location::Loc;
use super::super::parse::Node;
use super::language::check_language;
use crate::model::{Catcher, QueryLanguage};

const CATCHER: Shape = Shape {
    what: "a catcher",
    names: &[
        "ErrorEquals",
        "Next",
        "ResultPath",
        "Output",
        "Assign",
        "Comment",
    ],
    elsewhere: &[
        ("End", "a catcher must name a `Next` state"),
        ("MaxAttempts", "it belongs on retriers (`Retry`)"),
        ("IntervalSeconds", "it belongs on retriers (`Retry`)"),
        ("BackoffRate", "it belongs on retriers (`Retry`)"),
    ],
};

/// Reads `Catch` for a state in `language`.
pub(crate) fn catch(
    decoder: &mut Decoder,
    node: Node<'_>,
    loc: &Loc<'_>,
    language: QueryLanguage,
) -> Option<Vec<Catcher>> {
    decoder.array_of(node, loc, |decoder, node, loc| {
        catcher(decoder, node, loc, language)
    })
}

fn catcher(
    decoder: &mut Decoder,
    node: Node<'_>,
    loc: &Loc<'_>,
    language: QueryLanguage,
) -> Option<Catcher> {
    let mut f = Fields::read(decoder, node, loc, CATCHER)?;
    check_language(
        decoder,
        &mut f,
        "ResultPath",
        QueryLanguage::JsonPath,
        language,
    );
    check_language(decoder, &mut f, "Output", QueryLanguage::Jsonata, language);
    let error_equals = f.required(decoder, "ErrorEquals", Decoder::string_array);
    let next = f.required(decoder, "Next", Decoder::string);
    let catcher = Catcher {
        comment: f.get(decoder, "Comment", Decoder::string),
        result_path: f.get(decoder, "ResultPath", Decoder::nullable_string),
        output: f.get(decoder, "Output", Decoder::json),
        assign: f.get(decoder, "Assign", Decoder::json_object),
        error_equals: error_equals?,
        next: next?,
    };
    f.finish(decoder, CATCHER.what);
    Some(catcher)
}
