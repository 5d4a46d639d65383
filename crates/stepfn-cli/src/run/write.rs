//! How `stepfn run` prints an execution: readable lines, or one JSON line
//! `{"status", "output", "error", "cause"}` (with `"history"` when asked).

use std::io::Write;

use stepfn::model::{Json, JsonObject};
use stepfn_sim::{Execution, Status};

/// Readable lines: the history when asked, then status, output, error and
/// cause, and what a run still waiting waits for.
pub(super) fn write_text(
    out: &mut impl Write,
    run: &Execution,
    history: bool,
) -> std::io::Result<()> {
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

/// One JSON line `{"status", "output", "error", "cause"}`, with `"history"`
/// when asked.
pub(super) fn write_json(
    out: &mut impl Write,
    run: &Execution,
    history: bool,
) -> std::io::Result<()> {
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
