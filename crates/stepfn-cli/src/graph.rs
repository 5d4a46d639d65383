//! `stepfn graph`: a definition as a Mermaid, DOT or SVG diagram.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use stepfn::diagram::Diagram;

use super::source::{read_machine, Source};
use super::Outcome;

#[derive(Args)]
pub(crate) struct GraphArgs {
    /// The definition to draw: an ASL file (JSON or YAML), a CloudFormation,
    /// SAM or CDK template, or `-` for standard input.
    file: PathBuf,
    /// The logical id of the state machine to draw, when a template holds
    /// several.
    #[arg(long, value_name = "ID")]
    machine: Option<String>,
    /// `mermaid` (for Markdown), `dot` (for Graphviz) or `svg` (an image,
    /// laid out without Graphviz).
    #[arg(long, value_enum, default_value_t = Format::Mermaid)]
    format: Format,
    /// Write the diagram to this file instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Mermaid,
    Dot,
    Svg,
}

pub(crate) fn run(args: &GraphArgs) -> Outcome {
    let machine = match read_machine(&args.file, args.machine.as_deref()) {
        Source::Machine(machine) => machine,
        Source::Problems(lines) => {
            for line in lines {
                super::output::warn(&line);
            }
            return Outcome::Problems;
        }
        Source::Unreadable(message) => return Outcome::Failed(message),
    };
    let diagram = Diagram::new(&machine);
    let text = match args.format {
        Format::Mermaid => diagram.to_mermaid(),
        Format::Dot => diagram.to_dot(),
        Format::Svg => match diagram.to_svg() {
            Ok(svg) => svg,
            Err(e) => return Outcome::Failed(e.to_string()),
        },
    };
    match &args.output {
        Some(path) => match std::fs::write(path, text) {
            Ok(()) => Outcome::Ok,
            Err(e) => Outcome::Failed(format!("cannot write {}: {e}", path.display())),
        },
        None => {
            let result = std::io::stdout().lock().write_all(text.as_bytes());
            super::output::written(result, Outcome::Ok)
        }
    }
}
