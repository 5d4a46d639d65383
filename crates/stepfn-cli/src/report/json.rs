//! `--format json`: one JSON object per file and line, `{"file", "valid",
//! "errors", "warnings"}`; a problem has `path`, `pointer`, `code`,
//! `message`, `line` and `column`, and `machine` (a template's state machine)
//! and `file` (when its position is in another file, a SAM `DefinitionUri`)
//! where they apply.

use std::io::{self, Write};

use serde::Serialize;

use super::{Checked, Finding};

/// One line, fields in this order.
#[derive(Serialize)]
struct FileLine<'a> {
    file: &'a str,
    valid: bool,
    errors: Vec<JsonProblem<'a>>,
    warnings: Vec<JsonProblem<'a>>,
}

/// A problem.
#[derive(Serialize)]
struct JsonProblem<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    machine: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    path: String,
    pointer: String,
    code: &'static str,
    message: &'a str,
    line: Option<usize>,
    column: Option<usize>,
}

fn problem<'a>(checked: &Checked, f: &'a Finding) -> JsonProblem<'a> {
    let p = &f.problem;
    JsonProblem {
        machine: f.machine.as_deref(),
        file: (f.file != checked.name).then_some(f.file.as_str()),
        path: p.path().to_string(),
        pointer: p.path().to_json_pointer(),
        code: p.code().as_str(),
        message: p.message(),
        line: p.line(),
        column: p.column(),
    }
}

/// Writes the line of one file.
pub(crate) fn write(out: &mut impl Write, checked: &Checked) -> io::Result<()> {
    let line = FileLine {
        file: &checked.name,
        valid: checked.invalid == 0,
        errors: checked
            .findings
            .iter()
            .filter(|f| f.is_error())
            .map(|f| problem(checked, f))
            .collect(),
        warnings: checked
            .findings
            .iter()
            .filter(|f| !f.is_error())
            .map(|f| problem(checked, f))
            .collect(),
    };
    serde_json::to_writer(&mut *out, &line)?;
    writeln!(out)
}
