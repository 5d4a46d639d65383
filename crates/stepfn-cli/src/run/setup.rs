//! The simulator `stepfn run` runs: the definition with the Context Object
//! fields, mock test case and Task programs the options give.

use stepfn::model::{Json, JsonObject, StateMachine};
use stepfn_sim::{MockConfig, Simulator};

use super::RunArgs;
use crate::json_argument::JsonArgument;
use crate::task_program::{self, TaskProgram};

/// The simulator of the definition read, set up as the options say.
pub(super) fn simulator(args: &RunArgs, mut sim: Simulator) -> Result<Simulator, String> {
    if let Some(value) = &args.context {
        sim = sim.context_fields(context_fields(args, value)?);
    }
    if let (Some(mocks), Some(case)) = (&args.mocks, &args.test_case) {
        let test_case = MockConfig::from_file(mocks)
            .and_then(|config| config.test_case(case))
            .map_err(|e| format!("{}: {e}", mocks.display()))?;
        sim = sim.mocks(test_case).unanswered_hint(format!(
            "give it a response in test case `{case}` of {}, or answer it with a program, \
             `--override-task 'STATE:PROGRAM'`",
            mocks.display()
        ));
    } else {
        sim = sim.unanswered_hint(
            "answer it with a program, `--override-task 'STATE:PROGRAM'`, or give it a \
             response in a Step Functions Local mock file and run with \
             `--mocks MockConfigFile.json --test-case NAME`",
        );
    }
    for TaskProgram { state, program } in task_programs(&args.override_task, sim.machine())? {
        sim = sim.handler(state, move |call| task_program::answer(&program, call));
    }
    Ok(sim
        .express(args.express)
        .history(args.history)
        .inspection(false)
        .auto_timeouts(true)
        .seed(args.seed)
        .max_transitions(args.max_transitions))
}

/// `--context`: an object of Context Object fields.
fn context_fields(args: &RunArgs, value: &str) -> Result<JsonObject, String> {
    let stdin_holds = if args.definition.as_os_str() == "-" {
        Some("the definition")
    } else if args.jsonl {
        Some("the --jsonl inputs")
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
