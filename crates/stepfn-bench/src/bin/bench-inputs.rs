//! Writes the benchmark definitions as pretty-printed files into a folder,
//! for the scripts that time whole processes:
//! `bench-inputs DIR` writes `chain-10000.asl.json` (10,000 Pass states in a
//! chain) and `nested-2002.asl.json` (2,002 states nesting Choice, Parallel
//! and Map states with payload templates, intrinsics, Retry and Catch).

use std::path::PathBuf;
use std::process::ExitCode;

use stepfn_bench::inputs::{chain, nested};

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: bench-inputs DIR");
        return ExitCode::from(2);
    };
    for (name, text) in [
        ("chain-10000.asl.json", chain(10_000)),
        ("nested-2002.asl.json", nested(154)),
    ] {
        let pretty = match stepfn::read::read_str(&text).map(|m| m.to_json_pretty()) {
            Ok(Ok(pretty)) => pretty,
            Ok(Err(e)) | Err(e) => {
                eprintln!("bench-inputs: {name} does not read: {e}");
                return ExitCode::FAILURE;
            }
        };
        if let Err(e) = std::fs::write(dir.join(name), pretty) {
            eprintln!("bench-inputs: cannot write {name}: {e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
