//! `stepfn validate`: AWS's verdict on each file, every problem at once.

use std::io::{Read, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use serde::Serialize;
use stepfn::problem::Problem;
use stepfn::validate::{Report, Validator};

use super::Outcome;

#[derive(Args)]
pub(crate) struct ValidateArgs {
    /// The definitions to check (`-` for standard input).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// `text`: one line per problem; `json`: one JSON object per file.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Accept deploy-time placeholders as a Task `Resource`: any string
    /// (`${LambdaArn}`) or a `{"Ref": ...}` / `{"Fn::...": ...}` object.
    #[arg(long)]
    allow_resource_placeholders: bool,
    /// Also apply the rules of Express state machines.
    #[arg(long)]
    express: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

pub(crate) fn run(args: &ValidateArgs) -> Outcome {
    let validator = Validator::new()
        .allow_resource_placeholders(args.allow_resource_placeholders)
        .express(args.express);
    let mut out = std::io::stdout().lock();
    let mut any_invalid = false;
    let mut unreadable = Vec::new();
    for file in &args.files {
        let stdin = file.as_os_str() == "-";
        let name = if stdin {
            "<stdin>".to_owned()
        } else {
            file.display().to_string()
        };
        let bytes = match read(file, stdin) {
            Ok(bytes) => bytes,
            Err(e) => {
                unreadable.push(format!("cannot read {name}: {e}"));
                continue;
            }
        };
        let report = validator.check_slice(&bytes);
        any_invalid |= !report.is_valid();
        let written = match args.format {
            Format::Text => write_text(&mut out, &name, &report),
            Format::Json => write_json(&mut out, &name, &report),
        };
        if super::output::closed(&written) {
            break; // the reader has seen enough
        }
        if let Err(e) = written {
            return Outcome::Failed(format!("cannot write to standard output: {e}"));
        }
    }
    if !unreadable.is_empty() {
        return Outcome::Failed(unreadable.join("\nstepfn: "));
    }
    if any_invalid {
        Outcome::Problems
    } else {
        Outcome::Ok
    }
}

fn write_text(out: &mut impl Write, name: &str, report: &Report) -> std::io::Result<()> {
    for e in report.errors() {
        writeln!(out, "{name}:{e}")?;
    }
    for w in report.warnings() {
        let at = match (w.line(), w.column()) {
            (Some(line), Some(column)) => format!("{line}:{column}: "),
            _ => String::new(),
        };
        writeln!(
            out,
            "{name}:{at}{}: {}: warning: {}",
            w.path(),
            w.code(),
            w.message()
        )?;
    }
    Ok(())
}

/// One line of `--format json`, fields in this order.
#[derive(Serialize)]
struct FileLine<'a> {
    file: &'a str,
    valid: bool,
    errors: Vec<JsonProblem<'a>>,
    warnings: Vec<JsonProblem<'a>>,
}

/// A problem in `--format json`.
#[derive(Serialize)]
struct JsonProblem<'a> {
    path: String,
    pointer: String,
    code: &'static str,
    message: &'a str,
    line: Option<usize>,
    column: Option<usize>,
}

impl<'a> From<&'a Problem> for JsonProblem<'a> {
    fn from(e: &'a Problem) -> JsonProblem<'a> {
        JsonProblem {
            path: e.path().to_string(),
            pointer: e.path().to_json_pointer(),
            code: e.code().as_str(),
            message: e.message(),
            line: e.line(),
            column: e.column(),
        }
    }
}

fn write_json(out: &mut impl Write, name: &str, report: &Report) -> std::io::Result<()> {
    let line = FileLine {
        file: name,
        valid: report.is_valid(),
        errors: report.errors().iter().map(JsonProblem::from).collect(),
        warnings: report.warnings().iter().map(JsonProblem::from).collect(),
    };
    serde_json::to_writer(&mut *out, &line)?;
    writeln!(out)
}

fn read(file: &PathBuf, stdin: bool) -> std::io::Result<Vec<u8>> {
    if stdin {
        let mut bytes = Vec::new();
        std::io::stdin().lock().read_to_end(&mut bytes)?;
        Ok(bytes)
    } else {
        std::fs::read(file)
    }
}
