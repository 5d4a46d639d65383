//! `stepfn run --jsonl`: one execution per line of standard input (blank
//! lines skipped), one JSON line out per execution, in order.
//!
//! Results are written in blocks while whole lines of input are at hand,
//! and flushed whenever reading the next line may wait, so a batch costs
//! few writes and a program feeding lines one at a time sees each result at
//! once.

use std::io::{self, BufRead, BufReader, BufWriter, Write};

use stepfn::model::Json;
use stepfn_sim::{Simulator, Status};

use super::write::write_json;
use crate::{output, Outcome};

pub(super) fn each_line(sim: &Simulator, history: bool) -> Outcome {
    let mut input = BufReader::with_capacity(1 << 16, io::stdin().lock());
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let mut all_succeeded = true;
    let mut line = String::new();
    let mut number = 0usize;
    loop {
        if !input.buffer().contains(&b'\n') {
            // No whole line is at hand, so reading may wait: what is done
            // goes out first.
            if let Some(ended) = stop_on_write_error(out.flush(), all_succeeded) {
                return ended;
            }
        }
        line.clear();
        match input.read_line(&mut line) {
            Ok(0) => break,
            Ok(_) => number += 1,
            Err(e) => {
                return Outcome::Failed(format!(
                    "cannot read line {} of standard input: {e}",
                    number + 1
                ))
            }
        }
        if line.trim().is_empty() {
            continue;
        }
        let given: Json = match serde_json::from_str(&line) {
            Ok(given) => given,
            Err(e) => {
                let _ = out.flush();
                return Outcome::Failed(format!(
                    "line {number} of standard input is not JSON ({e}): --jsonl takes one JSON \
                     input per line"
                ));
            }
        };
        let execution = match sim.run(given) {
            Ok(execution) => execution,
            Err(e) => {
                let _ = out.flush();
                return Outcome::Failed(format!("line {number}: {e}"));
            }
        };
        all_succeeded &= execution.status() == Status::Succeeded;
        let written = write_json(&mut out, &execution, history);
        if let Some(ended) = stop_on_write_error(written, all_succeeded) {
            return ended;
        }
    }
    stop_on_write_error(out.flush(), all_succeeded).unwrap_or(ran(all_succeeded))
}

/// Exit 0 when every execution succeeded, 1 otherwise.
fn ran(all_succeeded: bool) -> Outcome {
    if all_succeeded {
        Outcome::Ok
    } else {
        Outcome::Problems
    }
}

/// What to end with when writing failed: the outcome so far if the reader
/// closed the pipe, a failure otherwise; `None` to go on.
fn stop_on_write_error(result: io::Result<()>, all_succeeded: bool) -> Option<Outcome> {
    match result {
        Ok(()) => None,
        Err(_) if output::closed(&result) => Some(ran(all_succeeded)),
        Err(e) => Some(Outcome::Failed(format!(
            "cannot write to standard output: {e}"
        ))),
    }
}
