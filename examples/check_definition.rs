//! Read an ASL definition, then print it in canonical form or list its problems.
//!
//! `cargo run --example check_definition -- examples/definitions/broken.asl.json`
//! (without an argument it reads the bundled order pipeline).

use std::process::ExitCode;

fn main() -> ExitCode {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "examples/definitions/order-pipeline.asl.json".to_owned());
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            return ExitCode::from(2);
        }
    };
    match stepfn::read::read_str(&text) {
        Ok(machine) => {
            println!(
                "{path}: {} states, starting at {:?}",
                machine.states.len(),
                machine.start_at
            );
            for (name, state) in &machine.states {
                println!("  {name}: {}", state.type_name());
            }
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for e in &errors {
                eprintln!("{path}:{e}");
            }
            ExitCode::from(1)
        }
    }
}
