//! `stepfn`: validate, format and describe Amazon States Language definitions.
//!
//! Exit codes: 0 ok; 1 a definition has errors (or warnings, with
//! `--deny-warnings`), or with `fmt --check` a file is not canonical, or with
//! `diff` the definitions differ, or with `run` the execution did not succeed,
//! or with `import` the definition does not validate;
//! 2 bad usage, a file or folder that cannot be read, nothing to check, or a
//! definition `run` cannot run because it does not validate.

mod diff;
mod eval;
mod fmt;
mod graph;
mod iam;
mod import;
mod inputs;
mod json_argument;
mod output;
mod report;
mod run;
mod serve;
mod source;
mod style;
mod task_program;
mod test_state;
mod validate;

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "stepfn",
    version,
    about = "Check, format, run, draw and compare AWS Step Functions definitions, and serve them on a local Step Functions endpoint"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// The subcommands. Each one's arguments are built only when it is the one
/// run (or its help is asked for), so a run does not build all eleven.
#[derive(Subcommand)]
#[command(defer = true)]
enum Command {
    /// Print a definition in canonical form (problems go to stderr as
    /// `file:line:col: path: code: message`).
    Fmt(fmt::FmtArgs),
    /// Check definitions against every rule AWS applies (exit 1 if any is invalid).
    Validate(validate::ValidateArgs),
    /// Print the JSON Schema of ASL definitions as stepfn reads them.
    Schema,
    /// Print the IAM policy the state machine's role needs for the tasks of a
    /// definition (problems go to stderr; exit 1 if it does not read).
    Iam(iam::IamArgs),
    /// Evaluate a JSONata expression on a document, as AWS Step Functions does (exit 1 on an error).
    Eval(eval::EvalArgs),
    /// Draw a definition as a Mermaid, DOT or SVG diagram.
    Graph(graph::GraphArgs),
    /// Show what changed between two definitions: states added, removed or
    /// renamed, fields and transitions (exit 0 equal, 1 different, 2 error).
    Diff(diff::DiffArgs),
    /// Run a definition in-process (exit 0 succeeded, 1 failed, 2 invalid or usage).
    Run(run::RunArgs),
    /// Run one state alone with a mocked Task result or error, as AWS's
    /// TestState does, and print its verdict and the value after each step
    /// (exit 0 succeeded or caught, 1 failed or retriable, 2 invalid or usage).
    TestState(test_state::TestStateArgs),
    /// Write Rust code that builds a definition with the stepfn builder
    /// (exit 1 if the definition does not validate).
    Import(import::ImportArgs),
    /// Serve the Step Functions API on a local port, running executions in-process (no credentials checked).
    Serve(serve::ServeArgs),
}

/// What a command ended with.
pub(crate) enum Outcome {
    Ok,
    /// The document has problems or is not canonical.
    Problems,
    /// Bad usage or an I/O error, with its message.
    Failed(String),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Fmt(args) => fmt::run(&args),
        Command::Validate(args) => validate::run(&args),
        Command::Schema => schema(),
        Command::Iam(args) => iam::run(&args),
        Command::Eval(args) => eval::run(&args),
        Command::Graph(args) => graph::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::Run(args) => run::run(&args),
        Command::TestState(args) => test_state::run(&args),
        Command::Import(args) => import::run(&args),
        Command::Serve(args) => serve::run(&args),
    };
    match outcome {
        Outcome::Ok => ExitCode::SUCCESS,
        Outcome::Problems => ExitCode::from(1),
        Outcome::Failed(message) => {
            output::warn(&format!("stepfn: {message}"));
            ExitCode::from(2)
        }
    }
}

fn schema() -> Outcome {
    match serde_json::to_string_pretty(&stepfn::json_schema()) {
        Ok(text) => {
            let result = writeln!(std::io::stdout().lock(), "{text}");
            output::written(result, Outcome::Ok)
        }
        Err(e) => Outcome::Failed(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    /// Builds every subcommand, deferred ones included, and checks clap's
    /// rules on them (conflicts naming real arguments, no clashing flags).
    #[test]
    fn every_subcommand_is_defined_consistently() {
        super::Cli::command().debug_assert();
    }
}
