//! Read an ASL definition, list its states, and report what AWS would say of it.
//!
//! `cargo run --example check_definition -- examples/definitions/mistakes.asl.json`
//! (without an argument it checks the bundled order pipeline).

use std::process::ExitCode;

use stepfn::validate::Validator;

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
    if let Ok(machine) = stepfn::read::read_str(&text) {
        println!(
            "{path}: {} states, starting at {:?}",
            machine.states.len(),
            machine.start_at
        );
        for (name, state) in &machine.states {
            println!("  {name}: {}", state.type_name());
        }
    }
    let report = Validator::new().check_str(&text);
    for w in report.warnings() {
        eprintln!("{path}:{w} (warning)");
    }
    for e in report.errors() {
        eprintln!("{path}:{e}");
    }
    if report.is_valid() {
        println!("valid: AWS would accept this definition");
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
