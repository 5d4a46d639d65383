//! `stepfn fmt`: read a definition, report its problems or print it canonically.

use std::io::{Read, Write};
use std::path::PathBuf;

use clap::Args;

use super::Outcome;

#[derive(Args)]
pub(crate) struct FmtArgs {
    /// The definition to read (`-` for standard input).
    file: PathBuf,
    /// Print on one line, without spaces.
    #[arg(long)]
    compact: bool,
    /// Print nothing; exit 1 if the file is not already canonical.
    #[arg(long, conflicts_with = "write")]
    check: bool,
    /// Rewrite the file in canonical form instead of printing it.
    #[arg(long)]
    write: bool,
}

pub(crate) fn run(args: &FmtArgs) -> Outcome {
    let stdin = args.file.as_os_str() == "-";
    let name = if stdin {
        "<stdin>".to_owned()
    } else {
        args.file.display().to_string()
    };
    let bytes = match read(args, stdin) {
        Ok(bytes) => bytes,
        Err(e) => return Outcome::Failed(format!("cannot read {name}: {e}")),
    };
    let machine = match stepfn::read::read_slice(&bytes) {
        Ok(machine) => machine,
        Err(errors) => {
            let mut stderr = std::io::stderr().lock();
            for e in &errors {
                // A closed stderr leaves nothing better to do than exit 1 anyway.
                let _ = writeln!(stderr, "{name}:{e}");
            }
            return Outcome::Problems;
        }
    };
    // The pretty form ends with a newline already; the compact one is a line.
    let written = if args.compact {
        machine.to_json_compact().map(|line| line + "\n")
    } else {
        machine.to_json_pretty()
    };
    let canonical = match written {
        Ok(text) => text,
        Err(e) => return Outcome::Failed(format!("cannot write {name}: {e}")),
    };
    if args.check {
        if bytes == canonical.as_bytes() {
            return Outcome::Ok;
        }
        super::output::warn(&format!(
            "{name}: not in canonical form (run `stepfn fmt --write {name}`)"
        ));
        return Outcome::Problems;
    }
    if args.write && !stdin {
        if bytes == canonical.as_bytes() {
            return Outcome::Ok;
        }
        return match std::fs::write(&args.file, canonical) {
            Ok(()) => Outcome::Ok,
            Err(e) => Outcome::Failed(format!("cannot write {name}: {e}")),
        };
    }
    let result = std::io::stdout().lock().write_all(canonical.as_bytes());
    super::output::written(result, Outcome::Ok)
}

fn read(args: &FmtArgs, stdin: bool) -> std::io::Result<Vec<u8>> {
    if stdin {
        let mut bytes = Vec::new();
        std::io::stdin().lock().read_to_end(&mut bytes)?;
        Ok(bytes)
    } else {
        std::fs::read(&args.file)
    }
}
