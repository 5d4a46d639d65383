//! Text-delimited files as a Distributed Map's `ItemReader` reads them
//! (`InputType: CSV`):
//!
//! - the field separator is `CSVDelimiter` (`,` unless set); a newline
//!   (`\n`, `\r\n` or `\r`) ends a record, and an empty line is no record;
//! - every value is a string;
//! - a field that starts with `"` is quoted: it runs to the next lone `"`
//!   and may hold separators and newlines; `""` is one `"` (in any field);
//! - a backslash escapes a backslash, a `"` or the separator; before any
//!   other character it is dropped;
//! - each record is an object keyed by the headers (the first record with
//!   `CSVHeaderLocation: FIRST_ROW`, or `CSVHeaders`); a record with fewer
//!   fields gets `""` for the missing ones, extra fields are skipped;
//! - headers must not repeat, and a quoted field must be closed.

use stepfn::model::{Json, JsonObject};

/// Where a CSV object's column names come from.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Headers {
    /// The object's first record (`FIRST_ROW`, the default).
    FirstRow,
    /// `CSVHeaders`, given in the definition (`GIVEN`).
    Given(Vec<String>),
}

/// Reads a CSV object's text into at most `limit` items, one object per
/// record keyed by the headers. The error is the cause of
/// `States.ItemReaderFailed`.
pub(crate) fn items(
    text: &str,
    delimiter: char,
    headers: &Headers,
    limit: usize,
) -> Result<Vec<Json>, String> {
    let header_records = usize::from(*headers == Headers::FirstRow);
    let mut records = records(text, delimiter, limit.saturating_add(header_records))?.into_iter();
    let headers = match headers {
        Headers::Given(given) => given.clone(),
        Headers::FirstRow => match records.next() {
            Some(first) => first,
            None => return Ok(Vec::new()),
        },
    };
    let mut seen = std::collections::HashSet::with_capacity(headers.len());
    if !headers.iter().all(|h| seen.insert(h.as_str())) {
        return Err("CSV headers cannot contain duplicates.".to_owned());
    }
    Ok(records
        .map(|record| {
            let mut fields = record.into_iter();
            let item: JsonObject = headers
                .iter()
                .map(|h| (h.clone(), Json::String(fields.next().unwrap_or_default())))
                .collect();
            Json::Object(item)
        })
        .collect())
}

/// Splits CSV text into at most `limit` records of fields.
pub(crate) fn records(
    text: &str,
    delimiter: char,
    limit: usize,
) -> Result<Vec<Vec<String>>, String> {
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut record: Vec<String> = Vec::new();
    let mut field = String::new();
    // The field began with a quote (so an empty line is not a record).
    let mut quoted = false;
    let mut in_quotes = false;
    let mut at_field_start = true;
    let mut line = 1usize;
    let mut quote_line = 1usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if out.len() >= limit {
            return Ok(out);
        }
        if c == '\\' {
            match chars.next() {
                Some(next) if next == '\\' || next == '"' || next == delimiter => field.push(next),
                Some('\n') => {
                    line += 1;
                    field.push('\n');
                }
                Some(next) => field.push(next),
                None => {}
            }
            at_field_start = false;
            continue;
        }
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push(c);
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                in_quotes = true;
                quoted = true;
                quote_line = line;
                at_field_start = false;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                line += 1;
                record.push(std::mem::take(&mut field));
                end_record(&mut out, &mut record, quoted);
                quoted = false;
                at_field_start = true;
            }
            '"' => {
                // `""` is one quote in an unquoted field too.
                if chars.peek() == Some(&'"') {
                    chars.next();
                }
                field.push('"');
            }
            c if c == delimiter => {
                record.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            _ => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    if in_quotes {
        return Err(format!(
            "The quoted field that starts on line {quote_line} of the CSV object is never closed: \
             end it with '\"' (write a '\"' inside it as '\"\"')"
        ));
    }
    if out.len() < limit && !(record.is_empty() && field.is_empty() && !quoted) {
        record.push(field);
        end_record(&mut out, &mut record, quoted);
    }
    Ok(out)
}

/// Keeps a finished record unless it is an empty line.
fn end_record(out: &mut Vec<Vec<String>>, record: &mut Vec<String>, quoted: bool) {
    let empty_line = !quoted && record.len() == 1 && record.first().is_some_and(String::is_empty);
    let record = std::mem::take(record);
    if !empty_line {
        out.push(record);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<Vec<String>> {
        records(text, ',', usize::MAX).unwrap()
    }

    #[test]
    fn quotes_hold_separators_newlines_and_doubled_quotes() {
        assert_eq!(
            rows("abc,123,\"a, \"\"b\"\"\nc\",{\"\"k\"\":1}\r\nx\n\n"),
            vec![vec!["abc", "123", "a, \"b\"\nc", "{\"k\":1}"], vec!["x"]]
        );
    }

    #[test]
    fn backslashes_escape_themselves_quotes_and_the_separator() {
        assert_eq!(
            records(r"C:\\Program Files\\x|a\|b|\q", '|', usize::MAX).unwrap(),
            vec![vec![r"C:\Program Files\x", "a|b", "q"]]
        );
    }

    #[test]
    fn short_rows_get_empty_strings_and_long_rows_are_cut() {
        let got = items("a,b\n1\n1,2,3\n", ',', &Headers::FirstRow, usize::MAX).unwrap();
        assert_eq!(
            crate::json::text(&Json::Array(got)),
            r#"[{"a":"1","b":""},{"a":"1","b":"2"}]"#
        );
    }

    #[test]
    fn errors_name_the_problem() {
        let e = records("a,\"b\n", ',', usize::MAX).unwrap_err();
        assert!(e.contains("line 1") && e.contains("never closed"), "{e}");
        let e = items("a,a\n1,2", ',', &Headers::FirstRow, usize::MAX).unwrap_err();
        assert_eq!(e, "CSV headers cannot contain duplicates.");
    }

    #[test]
    fn the_limit_counts_records_after_the_header() {
        let got = items("h\n1\n2\n3", ',', &Headers::FirstRow, 2).unwrap();
        assert_eq!(got.len(), 2);
    }
}
