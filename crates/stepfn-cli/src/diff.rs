//! `stepfn diff`: what changed between two definitions, field by field.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::source::{read_machine, Source};
use super::Outcome;

#[derive(Args)]
pub(crate) struct DiffArgs {
    /// The old definition (`-` for standard input).
    old: PathBuf,
    /// The new definition (`-` for standard input). Each side is an ASL
    /// file (JSON or YAML) or a CloudFormation, SAM or CDK template.
    new: PathBuf,
    /// The logical id of the state machine to compare, in templates that
    /// hold several (the same id on both sides).
    #[arg(long, value_name = "ID")]
    machine: Option<String>,
    /// `text`: one change per line; `json`: one object,
    /// `{"equal", "changes": [{"kind", "path", "pointer", "old", "new"}]}`.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

pub(crate) fn run(args: &DiffArgs) -> Outcome {
    if args.old.as_os_str() == "-" && args.new.as_os_str() == "-" {
        return Outcome::Failed(
            "only one of the two definitions can be standard input (`-`)".to_owned(),
        );
    }
    let mut machines = Vec::with_capacity(2);
    for file in [&args.old, &args.new] {
        match read_machine(file, args.machine.as_deref()) {
            Source::Machine(machine) => machines.push(machine),
            Source::Problems(lines) => {
                return Outcome::Failed(format!(
                    "{} is not a definition stepfn can read:\n{}",
                    super::source::display_name(file),
                    lines.join("\n")
                ))
            }
            Source::Unreadable(message) => return Outcome::Failed(message),
        }
    }
    let [old, new] = [&machines[0], &machines[1]];
    let diff = stepfn::diff::diff(old, new);
    let text = match args.format {
        Format::Text => diff.to_string(),
        Format::Json => diff.to_json() + "\n",
    };
    let done = if diff.is_empty() {
        Outcome::Ok
    } else {
        Outcome::Problems
    };
    let result = std::io::stdout().lock().write_all(text.as_bytes());
    super::output::written(result, done)
}
