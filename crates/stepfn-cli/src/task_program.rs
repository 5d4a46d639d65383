//! `stepfn run --override-task STATE:PROGRAM`: a Task state (or a Map
//! state's `ItemReader`) answered by a program on this machine instead of
//! its `Resource`, as `local-sfn -t` of aws-local-stepfunctions does.
//!
//! The program gets the task's input (after `InputPath` and `Parameters`, or
//! `Arguments`) as its first argument, as `local-sfn` passes it, and on
//! standard input; `STEPFN_STATE`, `STEPFN_RESOURCE`, `STEPFN_RETRY_COUNT`
//! and, for a `.waitForTaskToken` task, `STEPFN_TASK_TOKEN` in its
//! environment. What it prints on standard output, as JSON, is the task's
//! result, and what it logs on standard error passes through to stepfn's.
//! Exiting with another code than 0 fails the task, so the state's `Retry`
//! and `Catch` apply: with the error and cause it prints as
//! `{"Error": "...", "Cause": "..."}`, or else `States.TaskFailed` with its
//! standard error as the cause.

use std::io::Write;
use std::process::{Command, Stdio};

use stepfn::model::graph::Graph;
use stepfn::model::{Json, State, StateMachine};
use stepfn_sim::{Failure, TaskCall};

/// The longest input also passed as the program's first argument: Linux
/// takes at most 128 KiB in one argument, so a larger input is on standard
/// input only.
const LONGEST_ARGUMENT: usize = 128 * 1024 - 1;

/// One `--override-task`: the state and the program that answers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TaskProgram {
    pub(crate) state: String,
    pub(crate) program: String,
}

/// The states a program can answer: Task states, and Map states that read
/// their items with an `ItemReader`.
pub(crate) fn answerable_states(machine: &StateMachine) -> Vec<&str> {
    Graph::new(machine)
        .states()
        .iter()
        .filter(|node| match node.state {
            State::Task(_) => true,
            State::Map(map) => map.item_reader.is_some(),
            _ => false,
        })
        .map(|node| node.name)
        .collect()
}

/// Reads `STATE:PROGRAM`: the state is the longest part before a colon that
/// names one of `answerable` (state names and paths may hold colons).
pub(crate) fn parse(value: &str, answerable: &[&str]) -> Result<TaskProgram, String> {
    let split = value
        .rmatch_indices(':')
        .map(|(at, _)| at)
        .find(|&at| answerable.contains(&&value[..at]));
    let Some(at) = split else {
        let named = value.split(':').next().unwrap_or(value);
        let states = if answerable.is_empty() {
            "the definition has none".to_owned()
        } else {
            let names: Vec<String> = answerable.iter().map(|n| format!("`{n}`")).collect();
            format!("the definition's are {}", names.join(", "))
        };
        return Err(if value.contains(':') {
            format!(
                "--override-task {value}: no Task state (or Map state with an ItemReader) is \
                 named `{named}`: {states}"
            )
        } else {
            format!(
                "--override-task {value}: write STATE:PROGRAM, the name of a Task state and \
                 the program that answers it, separated by a colon ({states})"
            )
        });
    };
    let program = &value[at + 1..];
    if program.is_empty() {
        return Err(format!(
            "--override-task {value}: name the program after the colon"
        ));
    }
    Ok(TaskProgram {
        state: value[..at].to_owned(),
        program: program.to_owned(),
    })
}

/// Runs `program` for one task call and reads its answer.
pub(crate) fn answer(program: &str, call: &TaskCall<'_>) -> Result<Json, Failure> {
    let state = call.state();
    let input = serde_json::to_string(call.input()).map_err(|e| {
        Failure::new(
            "States.Runtime",
            format!("cannot write the input of the Task state '{state}' for {program}: {e}"),
        )
    })?;
    let mut command = Command::new(program);
    if input.len() <= LONGEST_ARGUMENT {
        command.arg(&input);
    }
    command
        .env("STEPFN_STATE", call.state())
        .env("STEPFN_RESOURCE", call.resource())
        .env("STEPFN_RETRY_COUNT", call.retry_count().to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(token) = call.token() {
        command.env("STEPFN_TASK_TOKEN", token);
    }
    let mut child = command.spawn().map_err(|e| {
        Failure::new(
            "States.Runtime",
            format!("cannot run {program} for the Task state '{state}': {e}"),
        )
    })?;
    // Written from another thread, so that a program that prints before it
    // reads (or never reads) cannot leave both sides waiting on full pipes.
    let stdin = child.stdin.take();
    let writer = std::thread::spawn(move || {
        if let Some(mut stdin) = stdin {
            // A program need not read its standard input: a closed pipe is fine.
            let _ = stdin.write_all(input.as_bytes());
        }
    });
    let output = child.wait_with_output();
    let _ = writer.join();
    let output = output.map_err(|e| {
        Failure::new(
            "States.Runtime",
            format!("cannot read what {program} printed for the Task state '{state}': {e}"),
        )
    })?;
    let printed = serde_json::from_slice::<Json>(&output.stdout);
    if output.status.success() {
        // What it logged along the way is the user's to see, as it would be
        // in the function's own logs.
        if !output.stderr.is_empty() {
            let _ = std::io::stderr().lock().write_all(&output.stderr);
        }
        return printed.map_err(|e| {
            Failure::new(
                "States.Runtime",
                format!(
                    "{program} answered the Task state '{state}' with text that is not JSON \
                     ({e}): print the task's result as JSON on standard output"
                ),
            )
        });
    }
    if let Ok(Json::Object(object)) = &printed {
        if let Some(Json::String(error)) = object.get("Error") {
            let cause = match object.get("Cause") {
                Some(Json::String(cause)) => Some(cause.clone()),
                _ => None,
            };
            return Err(Failure::from_parts(Some(error.clone()), cause));
        }
    }
    let ended = match output.status.code() {
        Some(code) => format!("{program} exited with code {code}"),
        None => format!("{program} was stopped ({})", output.status),
    };
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stderr = stderr.trim_end();
    let cause = if stderr.is_empty() {
        ended
    } else {
        format!("{ended}: {stderr}")
    };
    Err(Failure::new("States.TaskFailed", cause))
}

#[cfg(test)]
mod tests {
    use super::{parse, TaskProgram};

    const STATES: [&str; 3] = ["Charge", "Ship: EU", "Ship"];

    #[test]
    fn the_state_is_the_longest_name_before_a_colon() {
        assert_eq!(
            parse("Charge:./charge.sh", &STATES),
            Ok(TaskProgram {
                state: "Charge".into(),
                program: "./charge.sh".into()
            })
        );
        // a state name holding a colon
        assert_eq!(
            parse("Ship: EU:bin/ship", &STATES).map(|p| (p.state, p.program)),
            Ok(("Ship: EU".into(), "bin/ship".into()))
        );
        // a program path holding one
        assert_eq!(
            parse("Ship:C:/ship.exe", &STATES).map(|p| (p.state, p.program)),
            Ok(("Ship".into(), "C:/ship.exe".into()))
        );
    }

    #[test]
    fn an_unknown_state_or_a_missing_part_says_what_to_write() {
        assert_eq!(
            parse("Charj:./charge.sh", &STATES).unwrap_err(),
            "--override-task Charj:./charge.sh: no Task state (or Map state with an ItemReader) \
             is named `Charj`: the definition's are `Charge`, `Ship: EU`, `Ship`"
        );
        assert!(parse("Charge", &STATES)
            .unwrap_err()
            .contains("write STATE:PROGRAM"));
        assert_eq!(
            parse("Charge:", &STATES).unwrap_err(),
            "--override-task Charge:: name the program after the colon"
        );
    }
}
