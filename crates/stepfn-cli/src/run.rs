//! `stepfn run`: run a definition in-process with the simulator and print
//! how it ended.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use stepfn::model::{Json, JsonObject, StateMachine};
use stepfn::validate::Validator;
use stepfn_sim::{Execution, MockConfig, Simulator, Status, DEFAULT_MAX_TRANSITIONS};

use super::json_argument::JsonArgument;
use super::task_program::{self, TaskProgram};
use super::{output, Outcome};

#[derive(Args)]
pub(crate) struct RunArgs {
    /// The definition to run (`-` for standard input).
    definition: PathBuf,
    /// The execution input: a file, `-` for standard input (when the
    /// definition is not read from it), or the JSON text itself.
    #[arg(long, value_name = "FILE|JSON", default_value = "{}")]
    input: String,
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
    /// and on standard input, and prints the result as JSON; exiting with
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
    let name = args.definition.display().to_string();
    let text = match read(&args.definition) {
        Ok(text) => text,
        Err(e) => return Outcome::Failed(format!("cannot read {name}: {e}")),
    };
    let report = Validator::new().express(args.express).check_str(&text);
    if !report.is_valid() {
        for e in report.errors() {
            output::warn(&format!("{name}:{e}"));
        }
        return Outcome::Failed(format!("{name} does not validate"));
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
    let mut sim = match Simulator::from_json(&text) {
        Ok(sim) => sim,
        Err(e) => return Outcome::Failed(format!("{name}: {e}")),
    };
    if let Some(value) = &args.context {
        match context_fields(args, value) {
            Ok(fields) => sim = sim.context_fields(fields),
            Err(message) => return Outcome::Failed(message),
        }
    }
    if let (Some(mocks), Some(case)) = (&args.mocks, &args.test_case) {
        let test_case = MockConfig::from_file(mocks).and_then(|config| config.test_case(case));
        match test_case {
            Ok(test_case) => {
                sim = sim.mocks(test_case).unanswered_hint(format!(
                    "give it a response in test case `{case}` of {}, or answer it with a \
                     program, `--override-task 'STATE:PROGRAM'`",
                    mocks.display()
                ));
            }
            Err(e) => return Outcome::Failed(format!("{}: {e}", mocks.display())),
        }
    } else {
        sim = sim.unanswered_hint(
            "answer it with a program, `--override-task 'STATE:PROGRAM'`, or give it a \
             response in a Step Functions Local mock file and run with \
             `--mocks MockConfigFile.json --test-case NAME`",
        );
    }
    match task_programs(&args.override_task, sim.machine()) {
        Ok(programs) => {
            for TaskProgram { state, program } in programs {
                sim = sim.handler(state, move |call| task_program::answer(&program, call));
            }
        }
        Err(message) => return Outcome::Failed(message),
    }
    let sim = sim
        .express(args.express)
        .history(args.history)
        .inspection(false)
        .auto_timeouts(true)
        .seed(args.seed)
        .max_transitions(args.max_transitions);
    let execution = match sim.run(input) {
        Ok(execution) => execution,
        Err(e) => return Outcome::Failed(e.to_string()),
    };
    let mut out = std::io::stdout().lock();
    let written = match args.format {
        Format::Text => write_text(&mut out, &execution, args.history),
        Format::Json => write_json(&mut out, &execution, args.history),
    };
    let done = if execution.status() == Status::Succeeded {
        Outcome::Ok
    } else {
        Outcome::Problems
    };
    output::written(written, done)
}

/// `--context`: an object of Context Object fields.
fn context_fields(args: &RunArgs, value: &str) -> Result<JsonObject, String> {
    let stdin_holds = if args.definition.as_os_str() == "-" {
        Some("the definition")
    } else if args.input == "-" {
        Some("the --input document")
    } else {
        None
    };
    let argument = JsonArgument {
        option: "--context",
        stdin_holds,
        blank: None,
    };
    match argument.read(value)? {
        Json::Object(fields) => Ok(fields),
        _ => Err(format!(
            "--context {value}: give an object of Context Object fields, such as \
             '{{\"Execution\": {{\"Name\": \"order-7\"}}}}'"
        )),
    }
}

/// The `--override-task` options, each naming a different state.
fn task_programs(values: &[String], machine: &StateMachine) -> Result<Vec<TaskProgram>, String> {
    let answerable = task_program::answerable_states(machine);
    let mut programs: Vec<TaskProgram> = Vec::with_capacity(values.len());
    for value in values {
        let program = task_program::parse(value, &answerable)?;
        if programs.iter().any(|p| p.state == program.state) {
            return Err(format!(
                "--override-task names the state `{}` twice: give each state one program",
                program.state
            ));
        }
        programs.push(program);
    }
    Ok(programs)
}

/// The definition's text, from a file or standard input.
fn read(path: &Path) -> std::io::Result<String> {
    if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin().lock(), &mut text)?;
        Ok(text)
    } else {
        std::fs::read_to_string(path)
    }
}

fn write_text(out: &mut impl Write, run: &Execution, history: bool) -> std::io::Result<()> {
    if history {
        for event in run.history() {
            let details = event
                .details
                .as_ref()
                .map(stepfn_sim::json_text)
                .unwrap_or_default();
            writeln!(
                out,
                "{:>5} {:>5}  {}  {}  {details}",
                event.id,
                event.previous_event_id,
                event.timestamp(),
                event.event_type.as_str()
            )?;
        }
    }
    writeln!(out, "status: {}", run.status())?;
    if let Some(output) = run.output_text() {
        writeln!(out, "output: {output}")?;
    }
    if let Some(error) = run.error() {
        writeln!(out, "error: {error}")?;
    }
    if let Some(cause) = run.cause() {
        writeln!(out, "cause: {cause}")?;
    }
    if run.status() == Status::Running {
        for task in run.pending_tasks() {
            writeln!(
                out,
                "waiting: state {:?} ({}) waits for a callback that nothing sends",
                task.state, task.resource
            )?;
        }
    }
    Ok(())
}

fn write_json(out: &mut impl Write, run: &Execution, history: bool) -> std::io::Result<()> {
    let text = |s: Option<&str>| s.map_or(Json::Null, Json::from);
    let mut line = JsonObject::new();
    line.insert("status".into(), Json::from(run.status().as_str()));
    line.insert("output".into(), run.output().cloned().unwrap_or(Json::Null));
    line.insert("error".into(), text(run.error()));
    line.insert("cause".into(), text(run.cause()));
    if history {
        line.insert(
            "history".into(),
            Json::Array(run.history().iter().map(|e| e.to_json()).collect()),
        );
    }
    writeln!(out, "{}", stepfn_sim::json_text(&Json::Object(line)))
}
