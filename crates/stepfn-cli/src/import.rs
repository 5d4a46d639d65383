//! `stepfn import`: a definition as Rust code that builds it with the
//! stepfn builder.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use stepfn::import::Import;
use stepfn::validate::Validator;

use super::source::{read_valid_machine, Refused};
use super::Outcome;

#[derive(Args)]
pub(crate) struct ImportArgs {
    /// The definition to import: an ASL file (JSON or YAML), a
    /// CloudFormation, SAM or CDK template, or `-` for standard input.
    file: PathBuf,
    /// The logical id of the state machine to import, when a template holds
    /// several.
    #[arg(long, value_name = "ID")]
    machine: Option<String>,
    /// Also write `fn main`, printing the ASL, so the output is a program.
    #[arg(long)]
    main: bool,
    /// Accept deploy-time placeholders as a Task `Resource` in ASL files
    /// (`${LambdaArn}`); always on for the state machines of templates.
    #[arg(long)]
    allow_resource_placeholders: bool,
    /// Write the code to this file instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
}

pub(crate) fn run(args: &ImportArgs) -> Outcome {
    let validator = Validator::new().allow_resource_placeholders(args.allow_resource_placeholders);
    let (machine, from_template) =
        match read_valid_machine(&args.file, args.machine.as_deref(), &validator) {
            Ok(read) => read,
            Err(Refused::Problems(lines)) => {
                for line in &lines {
                    super::output::warn(line);
                }
                super::output::warn(&format!(
                    "stepfn: {} does not validate ({} error{}): fix it first, import takes \
                     definitions AWS accepts",
                    super::source::display_name(&args.file),
                    lines.len(),
                    if lines.len() == 1 { "" } else { "s" }
                ));
                return Outcome::Problems;
            }
            Err(Refused::Unreadable(message)) => return Outcome::Failed(message),
        };
    let rust = Import::new()
        .main(args.main)
        .allow_resource_placeholders(args.allow_resource_placeholders || from_template)
        .to_rust(&machine);
    let name = super::source::display_name(&args.file);
    for note in rust.notes() {
        super::output::warn(&format!("{name}: note: {note}"));
    }
    match &args.output {
        Some(path) => match std::fs::write(path, rust.code()) {
            Ok(()) => Outcome::Ok,
            Err(e) => Outcome::Failed(format!("cannot write {}: {e}", path.display())),
        },
        None => {
            let result = std::io::stdout().lock().write_all(rust.code().as_bytes());
            super::output::written(result, Outcome::Ok)
        }
    }
}
