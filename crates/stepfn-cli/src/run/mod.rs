//! `stepfn run`: run a definition in-process with the simulator and print
//! how it ended.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use stepfn::model::{Json, JsonObject};
use stepfn::validate::Validator;
use stepfn_sim::{Status, DEFAULT_MAX_TRANSITIONS};

use super::json_argument::JsonArgument;
use super::source::read_simulator;
use super::{output, Outcome};

mod each_line;
mod setup;
mod write;

#[derive(Args)]
pub(crate) struct RunArgs {
    /// The definition to run: an ASL file (JSON or YAML), a CloudFormation,
    /// SAM or CDK template, or `-` for standard input.
    definition: PathBuf,
    /// The logical id of the state machine to run, when a template holds
    /// several.
    #[arg(long, value_name = "ID")]
    machine: Option<String>,
    /// Accept deploy-time placeholders as a Task `Resource` in ASL files
    /// (`${ChargeFunctionArn}`, `{"Ref": ...}`); always on for the state
    /// machines of templates. Handlers, mocks or `--override-task` answer
    /// those Tasks.
    #[arg(long)]
    allow_resource_placeholders: bool,
    /// The execution input: a file, `-` for standard input (when the
    /// definition is not read from it), or the JSON text itself.
    #[arg(long, value_name = "FILE|JSON", default_value = "{}")]
    input: String,
    /// Run one execution per line of standard input, each line a JSON input,
    /// and print one JSON line per execution, in order (as `--format json`
    /// prints one); exit 1 if any did not succeed.
    #[arg(long, conflicts_with_all = ["input", "format"])]
    jsonl: bool,
    /// A Step Functions Local mock file (`MockConfigFile.json`) answering the Tasks.
    #[arg(long, requires = "test_case")]
    mocks: Option<PathBuf>,
    /// The mock file's test case to use.
    #[arg(long, requires = "mocks")]
    test_case: Option<String>,
    /// Context Object fields the run reads in place of its own: a file, `-`
    /// or the JSON text, as `{"Execution": {"Name": "order-7"}}` (each
    /// top-level object merged field by field).
    #[arg(long, value_name = "FILE|JSON")]
    context: Option<String>,
    /// Answer a Task state (or a Map state's `ItemReader`) with a program on
    /// this machine instead of its `Resource`, as many times as needed. The
    /// program gets the task's input as its first argument (up to 128 KiB)
    /// and on standard input, and prints the result as JSON (its standard
    /// error passes through); exiting with
    /// another code than 0 fails the task: with the error it prints as
    /// `{"Error": "...", "Cause": "..."}`, else `States.TaskFailed` and its
    /// standard error.
    #[arg(short = 't', long, value_name = "STATE:PROGRAM")]
    override_task: Vec<String>,
    /// Run as an Express workflow (and check the Express rules).
    #[arg(long)]
    express: bool,
    /// Also print the execution history.
    #[arg(long)]
    history: bool,
    /// `text`: readable lines; `json`: one JSON object
    /// `{"status", "output", "error", "cause"}` (with `"history"` when asked).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Seed for everything random (UUIDs, jitter, tokens).
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// The most states the run may enter; past it the run stops as
    /// `ABORTED` with `stepfn.TransitionBudgetExceeded` (a loop that never
    /// ends is caught instead of running on).
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_TRANSITIONS)]
    max_transitions: u64,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

pub(crate) fn run(args: &RunArgs) -> Outcome {
    let validator = Validator::new()
        .express(args.express)
        .allow_resource_placeholders(args.allow_resource_placeholders);
    let sim = match read_simulator(&args.definition, args.machine.as_deref(), validator) {
        Ok(sim) => sim,
        Err(outcome) => return outcome,
    };
    if args.jsonl {
        if args.definition.as_os_str() == "-" {
            return Outcome::Failed(
                "--jsonl reads the inputs from standard input, which already holds the \
                 definition: name the definition's file"
                    .into(),
            );
        }
        let sim = match setup::simulator(args, sim) {
            Ok(sim) => sim,
            Err(message) => return Outcome::Failed(message),
        };
        return each_line::each_line(&sim, args.history);
    }
    let input_argument = JsonArgument {
        option: "--input",
        stdin_holds: (args.definition.as_os_str() == "-").then_some("the definition"),
        blank: Some(|| Json::Object(JsonObject::new())),
    };
    let input = match input_argument.read(&args.input) {
        Ok(input) => input,
        Err(message) => return Outcome::Failed(message),
    };
    let sim = match setup::simulator(args, sim) {
        Ok(sim) => sim,
        Err(message) => return Outcome::Failed(message),
    };
    let execution = match sim.run(input) {
        Ok(execution) => execution,
        Err(e) => return Outcome::Failed(e.to_string()),
    };
    let mut out = std::io::stdout().lock();
    let written = match args.format {
        Format::Text => write::write_text(&mut out, &execution, args.history),
        Format::Json => write::write_json(&mut out, &execution, args.history),
    };
    let done = if execution.status() == Status::Succeeded {
        Outcome::Ok
    } else {
        Outcome::Problems
    };
    output::written(written, done)
}
