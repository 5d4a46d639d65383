//! Property: CSV text written with AWS's quoting and escaping rules reads
//! back as the records that were written, for every `CSVDelimiter`.

use proptest::prelude::*;

use super::csv::{items, records, Headers};
use stepfn::model::Json;

/// Writes records as CSV: a field with a separator, quote, backslash or
/// newline (or an empty field) is quoted, with `""` for `"` and `\\` for `\`.
fn write(rows: &[Vec<String>], delimiter: char) -> String {
    let field = |f: &String| {
        let special = f.is_empty()
            || f.chars()
                .any(|c| c == delimiter || matches!(c, '"' | '\\' | '\n' | '\r'));
        if special {
            format!("\"{}\"", f.replace('\\', "\\\\").replace('"', "\"\""))
        } else {
            f.clone()
        }
    };
    rows.iter()
        .map(|row| {
            row.iter()
                .map(field)
                .collect::<Vec<_>>()
                .join(&delimiter.to_string())
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Field values full of separators, quotes, backslashes and newlines.
fn text() -> &'static str {
    "[a-z0-9 ,|;\t\"\\\\\n\r\u{e9}]{0,8}"
}

proptest! {
    #[test]
    fn written_records_read_back(
        rows in prop::collection::vec(prop::collection::vec(text(), 1..5), 0..6),
        d in prop::sample::select(vec![',', '|', ';', ' ', '\t']),
    ) {
        let written = write(&rows, d);
        prop_assert_eq!(records(&written, d, usize::MAX), Ok(rows));
    }

    #[test]
    fn first_row_headers_key_every_record(
        values in prop::collection::vec(prop::collection::vec(text(), 3), 0..5),
        d in prop::sample::select(vec![',', '|', ';', ' ', '\t']),
    ) {
        let headers = vec!["a".to_owned(), "b b".to_owned(), "c\"".to_owned()];
        let mut rows = vec![headers.clone()];
        rows.extend(values.iter().cloned());
        let read = items(&write(&rows, d), d, &Headers::FirstRow, usize::MAX);
        let expected: Vec<Json> = values
            .iter()
            .map(|row| Json::Object(headers.iter().cloned().zip(row.iter().cloned().map(Json::String)).collect()))
            .collect();
        prop_assert_eq!(read, Ok(expected));
    }
}
