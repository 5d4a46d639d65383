//! The Job Poller from the AWS CDK's Step Functions guide: submit a job, wait,
//! poll its status, and loop back to the wait until it is done.
//!
//! Run with `cargo run --example job_poller`; it prints the ASL.

use stepfn::builder::{Choice, Condition, Fail, StateMachine, Wait};
use stepfn::tasks::{LambdaFunction, LambdaInvoke};

/// A Lambda invocation, as the CDK's `LambdaInvoke` renders it: the whole
/// input as payload, and the retrier for Lambda's transient service errors.
fn lambda_invoke(name: &str, function: &str) -> LambdaInvoke {
    let arn = format!("arn:aws:lambda:us-east-1:123456789012:function:{function}");
    LambdaInvoke::new(name, LambdaFunction::from_arn(arn))
}

/// The Job Poller definition.
pub(crate) fn definition() -> StateMachine {
    let wait_x = Wait::seconds_path("Wait X Seconds", "$.waitSeconds");
    let submit_job = lambda_invoke("Submit Job", "SubmitJob").output_path("$.guid");
    let get_status = lambda_invoke("Get Job Status", "GetJobStatus")
        .input_path("$.guid")
        .output_path("$.status");
    let job_failed = Fail::new("Job Failed")
        .cause("AWS Batch Job Failed")
        .error("DescribeJob returned FAILED");
    let final_status = lambda_invoke("Get Final Job Status", "GetJobStatus")
        .input_path("$.guid")
        .output_path("$.Payload");

    let definition = submit_job.next(wait_x.clone()).next(get_status).next(
        Choice::new("Job Complete?")
            .when(Condition::string_equals("$.status", "FAILED"), job_failed)
            .when(
                Condition::string_equals("$.status", "SUCCEEDED"),
                final_status,
            )
            // The same Wait state again: the poller loops back to it.
            .otherwise(wait_x),
    );
    StateMachine::new(definition)
        .timeout_seconds(300)
        .comment("a super cool state machine")
}

fn main() {
    match definition().to_json_pretty() {
        Ok(json) => println!("{json}"),
        Err(errors) => {
            eprintln!("{errors}");
            std::process::exit(1);
        }
    }
}
