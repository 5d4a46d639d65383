//! `stepfn test-state`: one state run alone, as AWS's TestState API runs it,
//! with a mocked Task result or error, and the answer TestState gives:
//! status, output, next state, error and cause, and the value after each
//! step of the state's pipeline (`inspectionData`).

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use stepfn::model::graph::Graph;
use stepfn::model::Json;
use stepfn::validate::Validator;
use stepfn_sim::{Failure, SimError, TestStatus};

use super::json_argument::JsonArgument;
use super::source::read_simulator;
use super::{output, Outcome};

#[derive(Args)]
pub(crate) struct TestStateArgs {
    /// The definition holding the state: an ASL file (JSON or YAML), a
    /// CloudFormation, SAM or CDK template, or `-` for standard input.
    definition: PathBuf,
    /// The state to run.
    #[arg(long, value_name = "NAME")]
    state: String,
    /// The logical id of the state machine, when a template holds several.
    #[arg(long, value_name = "ID")]
    machine: Option<String>,
    /// Accept deploy-time placeholders as a Task `Resource` in ASL files;
    /// always on for the state machines of templates.
    #[arg(long)]
    allow_resource_placeholders: bool,
    /// The state's input: a file, `-` for standard input, or the JSON text.
    #[arg(long, value_name = "FILE|JSON", default_value = "{}")]
    input: String,
    /// The variables the state can read: a JSON object (file, `-` or text).
    #[arg(long, value_name = "FILE|JSON")]
    variables: Option<String>,
    /// The Context Object, whole, as `$$` and `$states.context` read it
    /// (file, `-` or text).
    #[arg(long, value_name = "FILE|JSON")]
    context: Option<String>,
    /// What the Task's call returns, in place of calling it (file, `-` or
    /// text).
    #[arg(long, value_name = "FILE|JSON", conflicts_with = "mock_error")]
    mock_result: Option<String>,
    /// The error the Task's call fails with, in place of calling it.
    #[arg(long, value_name = "ERROR")]
    mock_error: Option<String>,
    /// The cause that goes with `--mock-error`.
    #[arg(long, value_name = "CAUSE", requires = "mock_error")]
    mock_cause: Option<String>,
    /// The attempt being tested (`$$.State.RetryCount`): with a `Retry`
    /// that matches, the verdict is `RETRIABLE` until the attempts run out.
    #[arg(long, value_name = "N", default_value_t = 0)]
    retry_count: u32,
}

/// Exit 0 when the state succeeded or caught its error, 1 when it failed or
/// would be retried, 2 on bad usage or a definition that does not validate.
pub(crate) fn run(args: &TestStateArgs) -> Outcome {
    let validator = Validator::new().allow_resource_placeholders(args.allow_resource_placeholders);
    let sim = match read_simulator(&args.definition, args.machine.as_deref(), validator) {
        Ok(sim) => sim,
        Err(outcome) => return outcome,
    };
    let documents = match Documents::read(args) {
        Ok(documents) => documents,
        Err(message) => return Outcome::Failed(message),
    };
    let mut test = sim
        .test_state(args.state.as_str())
        .input(documents.input)
        .retry_count(args.retry_count);
    if let Some(variables) = documents.variables {
        test = test.variables(variables);
    }
    if let Some(context) = documents.context {
        test = test.context(context);
    }
    if let Some(result) = documents.mock_result {
        test = test.mock_result(result);
    }
    if let Some(error) = &args.mock_error {
        test = test.mock_failure(Failure::from_parts(
            Some(error.clone()),
            args.mock_cause.clone(),
        ));
    }
    let result = match test.run() {
        Ok(result) => result,
        Err(SimError::NoSuchState(_)) => {
            let states: Vec<String> = Graph::new(sim.machine())
                .states()
                .iter()
                .map(|node| format!("`{}`", node.name))
                .collect();
            return Outcome::Failed(format!(
                "--state {}: the definition has no state of that name; its states are {}",
                args.state,
                states.join(", ")
            ));
        }
        Err(e) => return Outcome::Failed(e.to_string()),
    };
    let text = match serde_json::to_string_pretty(&result.to_aws_json()) {
        Ok(text) => text,
        Err(e) => return Outcome::Failed(e.to_string()),
    };
    let done = match result.status {
        TestStatus::Succeeded | TestStatus::CaughtError => Outcome::Ok,
        _ => Outcome::Problems,
    };
    output::written(writeln!(std::io::stdout().lock(), "{text}"), done)
}

/// The JSON documents the options give, standard input read for one of
/// them at most.
struct Documents {
    input: Json,
    variables: Option<Json>,
    context: Option<Json>,
    mock_result: Option<Json>,
}

impl Documents {
    fn read(args: &TestStateArgs) -> Result<Documents, String> {
        let mut stdin_holds =
            (args.definition.as_os_str() == "-").then_some("the definition".to_owned());
        let mut read = |option: &'static str, value: &str| -> Result<Json, String> {
            let held = stdin_holds.clone();
            let json = JsonArgument {
                option,
                stdin_holds: held.as_deref(),
                blank: None,
            }
            .read(value)?;
            if value == "-" {
                stdin_holds = Some(format!("the {option} document"));
            }
            Ok(json)
        };
        let input = read("--input", &args.input)?;
        let variables = match &args.variables {
            Some(value) => match read("--variables", value)? {
                object @ Json::Object(_) => Some(object),
                _ => {
                    return Err(format!(
                        "--variables {value}: give an object of variables, such as '{{\"x\": 1}}'"
                    ))
                }
            },
            None => None,
        };
        let context = args
            .context
            .as_deref()
            .map(|value| read("--context", value))
            .transpose()?;
        let mock_result = args
            .mock_result
            .as_deref()
            .map(|value| read("--mock-result", value))
            .transpose()?;
        Ok(Documents {
            input,
            variables,
            context,
            mock_result,
        })
    }
}
