//! `stepfn fmt`: definitions in canonical form: printed (one file), checked
//! (`--check`) or rewritten (`--write`, several files and folders).
//!
//! In a folder, the JSON definitions are formatted (a file named `*.asl.json`,
//! or a JSON object with `StartAt` or `States`); templates, YAML and other
//! JSON files are left alone. A YAML definition named on its own is printed
//! as canonical JSON; `--check` and `--write` refuse it, since its canonical
//! form is JSON.

use std::io::{Read, Write};
use std::path::PathBuf;

use clap::Args;
use stepfn::source::{read_file, Kind, Syntax};

use super::inputs::{expand, Input};
use super::Outcome;

#[derive(Args)]
pub(crate) struct FmtArgs {
    /// Definitions and folders to format (`-` for standard input).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Print on one line, without spaces.
    #[arg(long)]
    compact: bool,
    /// Print nothing; exit 1 if a file is not already canonical.
    #[arg(long, conflicts_with = "write")]
    check: bool,
    /// Rewrite the files in canonical form instead of printing them.
    #[arg(long)]
    write: bool,
}

/// What one file came to.
enum Done {
    Ok,
    Problems,
    Failed(String),
}

pub(crate) fn run(args: &FmtArgs) -> Outcome {
    let inputs = match expand(&args.files) {
        Ok(inputs) => inputs,
        Err(message) => return Outcome::Failed(message),
    };
    let printing = !args.check && !args.write;
    if printing && (inputs.len() != 1 || inputs.iter().any(|i| !i.named)) {
        return Outcome::Failed(
            "give `--check` or `--write` to format several files or a folder (one file is printed)"
                .into(),
        );
    }
    let mut problems = false;
    let mut failures = Vec::new();
    for input in &inputs {
        match one(args, input) {
            Done::Ok => {}
            Done::Problems => problems = true,
            Done::Failed(message) => failures.push(message),
        }
    }
    if !failures.is_empty() {
        return Outcome::Failed(failures.join("\nstepfn: "));
    }
    if problems {
        Outcome::Problems
    } else {
        Outcome::Ok
    }
}

fn one(args: &FmtArgs, input: &Input) -> Done {
    let name = input.name();
    let bytes = match read(input) {
        Ok(bytes) => bytes,
        Err(e) => return Done::Failed(format!("cannot read {name}: {e}")),
    };
    let syntax = if input.is_stdin() {
        Syntax::of_text(&String::from_utf8_lossy(&bytes[..bytes.len().min(64)]))
    } else {
        Syntax::of_path(&input.path)
    };
    let machine = if syntax == Syntax::Json {
        let named_asl = is_asl_name(input);
        if !input.named && !named_asl && !looks_like_asl(&bytes) {
            return Done::Ok; // not a definition: left alone
        }
        match stepfn::read::read_slice(&bytes) {
            Ok(machine) => machine,
            Err(errors) => return report(&name, errors.iter().cloned()),
        }
    } else {
        if !input.named {
            return Done::Ok;
        }
        if args.check || args.write {
            return Done::Failed(format!(
                "{name} is YAML: its canonical form is JSON, so `--check` and `--write` leave it alone (run `stepfn fmt {name}` to print it)"
            ));
        }
        match yaml_machine(input) {
            Ok(machine) => machine,
            Err(done) => return done,
        }
    };
    // The pretty form ends with a newline already; the compact one is a line.
    let written = if args.compact {
        machine.to_json_compact().map(|line| line + "\n")
    } else {
        machine.to_json_pretty()
    };
    let canonical = match written {
        Ok(text) => text,
        Err(e) => return Done::Failed(format!("cannot write {name}: {e}")),
    };
    if args.check {
        if bytes == canonical.as_bytes() {
            return Done::Ok;
        }
        super::output::warn(&format!(
            "{name}: not in canonical form (run `stepfn fmt --write {name}`)"
        ));
        return Done::Problems;
    }
    if args.write && !input.is_stdin() {
        if bytes == canonical.as_bytes() {
            return Done::Ok;
        }
        return match std::fs::write(&input.path, canonical) {
            Ok(()) => Done::Ok,
            Err(e) => Done::Failed(format!("cannot write {name}: {e}")),
        };
    }
    let result = std::io::stdout().lock().write_all(canonical.as_bytes());
    match super::output::written(result, Outcome::Ok) {
        Outcome::Failed(message) => Done::Failed(message),
        _ => Done::Ok,
    }
}

/// The machine of a YAML definition, or what stops it.
fn yaml_machine(input: &Input) -> Result<stepfn::model::StateMachine, Done> {
    let name = input.name();
    let source =
        read_file(&input.path).map_err(|e| Done::Failed(format!("cannot read {name}: {e}")))?;
    if source.kind() == Kind::Template {
        return Err(Done::Failed(format!(
            "{name} is a template: `fmt` formats ASL definitions (run `stepfn validate {name}` to check its state machines)"
        )));
    }
    let Some(definition) = source.definitions().first() else {
        return Err(Done::Failed(format!("{name}: no definition")));
    };
    if !definition.problems().is_empty() {
        return Err(report(&name, definition.problems().iter().cloned()));
    }
    let text = definition.text().unwrap_or_default();
    stepfn::read::read_str(text)
        .map_err(|errors| report(&name, errors.iter().map(|e| definition.locate(e.clone()))))
}

/// Prints reading problems to standard error.
fn report(name: &str, problems: impl Iterator<Item = stepfn::problem::Problem>) -> Done {
    let mut stderr = std::io::stderr().lock();
    for e in problems {
        // A closed stderr leaves nothing better to do than exit 1 anyway.
        let _ = writeln!(stderr, "{name}:{e}");
    }
    Done::Problems
}

fn is_asl_name(input: &Input) -> bool {
    input
        .path
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.to_ascii_lowercase().ends_with(".asl.json"))
}

/// Whether a JSON file found in a folder is a definition: an object with
/// `StartAt` or `States`.
fn looks_like_asl(bytes: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return false;
    };
    stepfn::source::read_str(text, Syntax::Json).kind() == Kind::Definition
}

fn read(input: &Input) -> std::io::Result<Vec<u8>> {
    if input.is_stdin() {
        let mut bytes = Vec::new();
        std::io::stdin().lock().read_to_end(&mut bytes)?;
        Ok(bytes)
    } else {
        std::fs::read(&input.path)
    }
}
