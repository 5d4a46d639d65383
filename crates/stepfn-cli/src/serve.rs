//! `stepfn serve`: the Step Functions API on a local port.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use stepfn_serve::{Server, Settings, Time};
use stepfn_sim::MockConfig;

use crate::Outcome;

/// How time passes for executions.
#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum TimeArg {
    /// A Wait of 10 s takes 10 s.
    Real,
    /// Waits and retry back-offs take no real time.
    Fast,
}

#[derive(Args)]
pub(crate) struct ServeArgs {
    /// The port to listen on (0 picks a free one, printed at start).
    #[arg(long, default_value_t = 8083)]
    port: u16,
    /// The address to bind. No credentials are checked: keep it on loopback.
    #[arg(long, default_value = "127.0.0.1")]
    host: String,
    /// A Step Functions Local mock file (MockConfigFile.json); an execution
    /// picks a test case with a `#TestCase` suffix on its state machine ARN.
    #[arg(long, value_name = "MockConfigFile.json")]
    mocks: Option<PathBuf>,
    /// How time passes for Waits and retry back-offs.
    #[arg(long, value_enum, default_value = "fast")]
    time: TimeArg,
    /// Keep state machines, activities and executions (with their
    /// histories) in this file across restarts. Executions still running
    /// when the server stops are not resumed: after a restart they are
    /// ABORTED.
    #[arg(long, value_name = "FILE")]
    state: Option<PathBuf>,
}

pub(crate) fn run(args: &ServeArgs) -> Outcome {
    let mut settings = Settings::new()
        .host(args.host.clone())
        .port(args.port)
        .time(match args.time {
            TimeArg::Real => Time::Real,
            TimeArg::Fast => Time::Fast,
        });
    if let Some(path) = &args.state {
        settings = settings.state_file(path.clone());
    }
    if let Some(path) = &args.mocks {
        match MockConfig::from_file(path) {
            Ok(mocks) => settings = settings.mocks(mocks),
            Err(e) => return Outcome::Failed(format!("{}: {e}", path.display())),
        }
    }
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(e) => return Outcome::Failed(format!("cannot start the server's runtime: {e}")),
    };
    runtime.block_on(async {
        let server = match Server::bind(settings).await {
            Ok(server) => server,
            // the error names the address or the state file, and what is wrong
            Err(e) => return Outcome::Failed(format!("stepfn serve cannot start: {e}")),
        };
        crate::output::warn(&format!(
            "stepfn serve: Step Functions API on http://{} (no credentials checked)",
            server.local_addr()
        ));
        match server.run().await {
            Ok(()) => Outcome::Ok,
            Err(e) => Outcome::Failed(format!("the server stopped: {e}")),
        }
    })
}
