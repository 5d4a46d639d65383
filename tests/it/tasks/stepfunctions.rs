//! The Step Functions integrations against the CDK.

use stepfn::builder::*;
use stepfn::tasks::*;

use super::Case;

pub(super) const CASES: &[Case] = &[
    ("stepfunctions-start-execution", start),
    ("stepfunctions-start-execution-run-job", run_job),
    ("stepfunctions-start-execution-associate", associate),
    (
        "stepfunctions-start-execution-wait-for-task-token",
        wait_for_task_token,
    ),
    ("stepfunctions-start-execution-jsonata", jsonata),
    ("stepfunctions-invoke-activity", activity),
    ("stepfunctions-invoke-activity-jsonata", activity_jsonata),
];

const CHILD: &str = "arn:aws:states:us-east-1:123456789012:stateMachine:child";
const REVIEW: &str = "arn:aws:states:us-east-1:123456789012:activity:review";

fn start() -> StateMachine {
    StateMachine::new(StepFunctionsStartExecution::new("Child", CHILD))
}

fn run_job() -> StateMachine {
    StateMachine::new(
        StepFunctionsStartExecution::new("Child", CHILD)
            .run_job()
            .input(Payload::new().field("order", JsonPath::new("$.order")))
            .execution_name(JsonPath::new("$.id"))
            .associate_with_parent(true),
    )
}

fn associate() -> StateMachine {
    StateMachine::new(StepFunctionsStartExecution::new("Child", CHILD).associate_with_parent(true))
}

fn wait_for_task_token() -> StateMachine {
    StateMachine::new(
        StepFunctionsStartExecution::new("Child", CHILD)
            .wait_for_task_token()
            .input(Payload::new().field("token", Context::task_token()))
            .execution_name("fixed-name"),
    )
}

fn jsonata() -> StateMachine {
    let language = QueryLanguage::Jsonata;
    StateMachine::new(
        StepFunctionsStartExecution::new("Child", CHILD)
            .query_language(language)
            .associate_with_parent(true)
            .input(serde_json::json!({"order": "{% $states.input.order %}"}))
            .run_job()
            .next(StepFunctionsStartExecution::new("Plain", CHILD).query_language(language)),
    )
}

fn activity() -> StateMachine {
    StateMachine::new(
        StepFunctionsInvokeActivity::new("Review", REVIEW)
            .heartbeat_seconds(60)
            .next(
                StepFunctionsInvokeActivity::new("With parameters", REVIEW).input(
                    Payload::new()
                        .field("doc", JsonPath::new("$.doc"))
                        .field("kind", "review"),
                ),
            ),
    )
}

fn activity_jsonata() -> StateMachine {
    StateMachine::new(
        StepFunctionsInvokeActivity::new("Review", REVIEW)
            .query_language(QueryLanguage::Jsonata)
            .input(serde_json::json!({"doc": "{% $states.input.doc %}"})),
    )
}

#[test]
fn step_functions_matches_the_cdk() {
    super::check(CASES);
}

#[test]
fn associate_with_parent_needs_an_object_input() {
    let machine = StateMachine::new(
        StepFunctionsStartExecution::new("Child", CHILD)
            .input(JsonPath::new("$.child"))
            .associate_with_parent(true),
    );
    let text = machine.build().expect_err("path input").to_string();
    assert!(
        text.contains("States.Child.Parameters.Input: WRONG_TYPE"),
        "{text}"
    );
}
