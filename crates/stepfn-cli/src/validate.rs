//! `stepfn validate`: AWS's verdict on each definition, every problem at once.
//!
//! Files named on the command line are always checked: an ASL definition in
//! JSON or YAML, or each state machine of a CloudFormation or SAM template.
//! In a folder, a file is checked when it is a definition (named `*.asl.json`,
//! `*.asl.yaml` or `*.asl.yml`, or an object with `StartAt` or `States`) or a
//! template with at least one state machine; other JSON and YAML files
//! (`package.json`, `cdk.out/manifest.json`, a workflow of CI) are skipped,
//! as is a definition that a template found in the same run names as its
//! `DefinitionUri` (it is checked through the template, with its
//! substitutions).

use std::collections::HashSet;
use std::io::{Read, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use stepfn::model::StateMachine;
use stepfn::problem::Severity;
use stepfn::source::{read_file, read_slice, Kind, Source, Syntax};
use stepfn::validate::Validator;

use super::inputs::{expand, Input};
use super::report::summary::Totals;
use super::report::{github, json, sarif, text, Checked, Finding};
use super::style::{ColorChoice, Style};
use super::Outcome;

#[derive(Args)]
pub(crate) struct ValidateArgs {
    /// Definitions, templates and folders to check (`-` for standard input).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// `text`: one line per problem; `json`: one JSON object per file;
    /// `sarif`: a SARIF 2.1.0 log; `github`: GitHub Actions annotations.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    deny_warnings: bool,
    /// Accept deploy-time placeholders as a Task `Resource` in ASL files:
    /// any string (`${LambdaArn}`) or a `{"Ref": ...}` / `{"Fn::...": ...}`
    /// object. Always on for the state machines of templates.
    #[arg(long)]
    allow_resource_placeholders: bool,
    /// Also apply the rules of Express state machines.
    #[arg(long)]
    express: bool,
    /// Colour the output: `auto` on a terminal unless `NO_COLOR` is set.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    color: ColorChoice,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
    Sarif,
    Github,
}

/// A file read, or why it could not be.
struct Loaded {
    input: Input,
    source: Result<Source, String>,
}

pub(crate) fn run(args: &ValidateArgs) -> Outcome {
    let inputs = match expand(&args.files) {
        Ok(inputs) => inputs,
        Err(message) => return Outcome::Failed(message),
    };
    let loaded: Vec<Loaded> = inputs.into_iter().map(load).collect();
    let referenced = referenced(&loaded);
    let validator = Validator::new()
        .allow_resource_placeholders(args.allow_resource_placeholders)
        .express(args.express);
    let style = Style::stdout(args.color);
    let mut out = std::io::stdout().lock();
    let mut totals = Totals::default();
    let mut sarif_log = sarif::Log::default();
    let mut unreadable = Vec::new();
    // The machine of the last definition checked, which the process's exit
    // reclaims (see the end of the loop).
    let mut last_machine = None;
    for Loaded { input, source } in loaded {
        let name = input.name();
        let source = match source {
            Ok(source) => source,
            Err(e) => {
                unreadable.push(format!("cannot read {name}: {e}"));
                continue;
            }
        };
        if !input.named && skipped(&input, &source, &referenced) {
            continue;
        }
        if input.named && source.kind() == Kind::Template && source.definitions().is_empty() {
            super::output::warn(&format!(
                "{name}: a template without state machines: nothing to check"
            ));
        }
        let (checked, machine) = check(&name, &source, &validator, args.deny_warnings);
        last_machine = machine;
        totals.add(&checked);
        let written = match args.format {
            Format::Text => text::write(&mut out, &checked, style),
            Format::Json => json::write(&mut out, &checked),
            Format::Github => github::write(&mut out, &checked),
            Format::Sarif => {
                sarif_log.add(&checked);
                Ok(())
            }
        };
        if super::output::closed(&written) {
            break; // the reader has seen enough
        }
        if let Err(e) = written {
            return Outcome::Failed(format!("cannot write to standard output: {e}"));
        }
    }
    // Left for the exit: freeing a large machine state by state takes
    // longer than the whole exit does (0.4 ms for 10,000 states; see
    // BENCHMARKS.md). Only the last one is kept, so a folder of many files
    // holds no more memory than one.
    std::mem::forget(last_machine);
    if args.format == Format::Sarif {
        let written = sarif_log.write(&mut out);
        let closed = super::output::closed(&written);
        if let Err(Some(e)) = written.map_err(|e| (!closed).then_some(e)) {
            return Outcome::Failed(format!("cannot write to standard output: {e}"));
        }
    }
    let _ = out.flush();
    drop(out);
    if !unreadable.is_empty() {
        return Outcome::Failed(unreadable.join("\nstepfn: "));
    }
    if totals.files == 0 {
        return Outcome::Failed(
            "no ASL definitions or templates with state machines found in the folders given".into(),
        );
    }
    super::output::warn(&totals.line(Style::stderr(args.color)));
    if totals.invalid > 0 {
        Outcome::Problems
    } else {
        Outcome::Ok
    }
}

fn load(input: Input) -> Loaded {
    let source = if input.is_stdin() {
        let mut bytes = Vec::new();
        std::io::stdin().lock().read_to_end(&mut bytes).map(|_| {
            let syntax = Syntax::of_text(&String::from_utf8_lossy(&bytes[..bytes.len().min(64)]));
            read_slice(&bytes, syntax)
        })
    } else {
        read_file(&input.path)
    };
    Loaded {
        input,
        source: source.map_err(|e| e.to_string()),
    }
}

/// The files templates of this run name as a `DefinitionUri`.
fn referenced(loaded: &[Loaded]) -> HashSet<PathBuf> {
    loaded
        .iter()
        .filter_map(|l| l.source.as_ref().ok())
        .flat_map(Source::definitions)
        .filter_map(|d| d.file())
        .filter_map(|f| f.canonicalize().ok())
        .collect()
}

/// Whether a file found in a folder is left out (see the module's notes).
fn skipped(input: &Input, source: &Source, referenced: &HashSet<PathBuf>) -> bool {
    match source.kind() {
        Kind::Unrecognised => true,
        Kind::Template => source.definitions().is_empty(),
        Kind::Definition => input
            .path
            .canonicalize()
            .is_ok_and(|path| referenced.contains(&path)),
    }
}

/// Every problem of every definition of `source`, and the machine of the
/// last definition (the others are dropped as the next is read).
fn check(
    name: &str,
    source: &Source,
    validator: &Validator,
    deny_warnings: bool,
) -> (Checked, Option<StateMachine>) {
    let mut checked = Checked {
        name: name.to_owned(),
        definitions: source.definitions().len(),
        invalid: 0,
        findings: Vec::new(),
    };
    let mut last_machine = None;
    for definition in source.definitions() {
        let read = definition.read_and_check(validator);
        last_machine = read.machine;
        let report = read.report;
        let failed = !report.is_valid() || (deny_warnings && !report.warnings().is_empty());
        checked.invalid += usize::from(failed);
        let file = definition
            .file()
            .map_or_else(|| name.to_owned(), |f| f.display().to_string());
        let mut problems: Vec<_> = report.problems().cloned().collect();
        // Errors first, then warnings, each in the order of the file.
        problems.sort_by_key(|p| {
            (
                p.severity() != Severity::Error,
                p.position().map(|p| p.offset),
            )
        });
        checked
            .findings
            .extend(problems.into_iter().map(|problem| Finding {
                file: file.clone(),
                machine: definition.machine().map(str::to_owned),
                problem,
            }));
    }
    (checked, last_machine)
}
