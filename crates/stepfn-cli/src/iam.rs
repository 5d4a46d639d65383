//! `stepfn iam`: the IAM policy a definition's role needs.

use std::io::{Read, Write};
use std::path::PathBuf;

use clap::Args;
use stepfn::iam::{policy, Environment};

use super::Outcome;

#[derive(Args)]
pub(crate) struct IamArgs {
    /// The definition to read (`-` for standard input).
    file: PathBuf,
    /// The region ARNs are written for.
    #[arg(long, default_value = "*")]
    region: String,
    /// The account ARNs are written for.
    #[arg(long, default_value = "*")]
    account: String,
    /// The partition ARNs are written for (`aws`, `aws-cn`, `aws-us-gov`).
    #[arg(long, default_value = "aws")]
    partition: String,
    /// Print on one line, without spaces.
    #[arg(long)]
    compact: bool,
}

pub(crate) fn run(args: &IamArgs) -> Outcome {
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
    let env = Environment::new(&args.region, &args.account).partition(&args.partition);
    let document = policy(&machine, &env);
    let text = if args.compact {
        document.to_json()
    } else {
        document.to_json_pretty()
    };
    let result = writeln!(std::io::stdout().lock(), "{text}");
    super::output::written(result, Outcome::Ok)
}

fn read(args: &IamArgs, stdin: bool) -> std::io::Result<Vec<u8>> {
    if stdin {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes)?;
        Ok(bytes)
    } else {
        std::fs::read(&args.file)
    }
}
