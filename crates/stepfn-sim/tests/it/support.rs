//! Running a definition and reading its outcome in one line.

use stepfn_sim::{Execution, Simulator};

/// A simulator of `definition`, which must validate.
pub(crate) fn sim(definition: &str) -> Simulator {
    Simulator::from_json(definition).unwrap_or_else(|e| panic!("{e}\n{definition}"))
}

/// Runs `definition` on `input`.
pub(crate) fn run(definition: &str, input: &str) -> Execution {
    sim(definition).run(input).expect("input is JSON")
}

/// A machine of one state named `S` (its JSON object) that ends.
pub(crate) fn one(state: &str) -> String {
    format!(r#"{{"StartAt": "S", "States": {{"S": {state}}}}}"#)
}

/// The output as text, or `error: cause`.
pub(crate) fn outcome(run: &Execution) -> String {
    match run.output_text() {
        Some(text) => text,
        None => format!(
            "{}: {}",
            run.error().unwrap_or("-"),
            run.cause().unwrap_or("-")
        ),
    }
}
