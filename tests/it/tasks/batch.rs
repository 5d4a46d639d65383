//! `BatchSubmitJob` against the CDK.

use stepfn::builder::*;
use stepfn::tasks::*;

use super::Case;

pub(super) const CASES: &[Case] = &[
    ("batch-submit-job", submit),
    ("batch-submit-job-options", options),
    ("batch-submit-job-timeout-path", timeout_path),
    ("batch-submit-job-jsonata", jsonata),
];

const DEFINITION: &str = "arn:aws:batch:us-east-1:123456789012:job-definition/render:1";
const QUEUE: &str = "arn:aws:batch:us-east-1:123456789012:job-queue/jobs";

fn submit() -> StateMachine {
    StateMachine::new(BatchSubmitJob::new("Submit", DEFINITION, "render", QUEUE))
}

fn options() -> StateMachine {
    StateMachine::new(
        BatchSubmitJob::new("Submit", DEFINITION, JsonPath::new("$.name"), QUEUE)
            .request_response()
            .array_size(10)
            .attempts(3)
            .payload(Payload::new().field("frame", JsonPath::new("$.frame")))
            .depends_on(
                BatchJobDependency::new()
                    .job_id("job-1")
                    .dependency_type("N_TO_N"),
            )
            .depends_on(BatchJobDependency::new().job_id(JsonPath::new("$.previous")))
            .container_overrides(
                BatchContainerOverrides::new()
                    .command(["render", "--fast"])
                    .environment("MODE", "fast")
                    .instance_type("p3.2xlarge")
                    .memory_mib(2048)
                    .gpu_count(1)
                    .vcpus(4),
            )
            .tag("team", "video")
            .timeout_seconds(600),
    )
}

fn timeout_path() -> StateMachine {
    StateMachine::new(
        BatchSubmitJob::new("Submit", DEFINITION, "render", JsonPath::new("$.queue"))
            .timeout_seconds_path("$.timeout"),
    )
}

fn jsonata() -> StateMachine {
    StateMachine::new(
        BatchSubmitJob::new(
            "Submit",
            DEFINITION,
            Jsonata::new("$states.input.name"),
            QUEUE,
        )
        .query_language(QueryLanguage::Jsonata)
        .payload(serde_json::json!({"frame": "{% $states.input.frame %}"}))
        .depends_on(BatchJobDependency::new().job_id(Jsonata::new("$states.input.previous")))
        .container_overrides(
            BatchContainerOverrides::new()
                .command(["render"])
                .environment("MODE", Jsonata::new("$states.input.mode")),
        )
        .attempts(2)
        .timeout_seconds(600),
    )
}

#[test]
fn batch_matches_the_cdk() {
    super::check(CASES);
}

#[test]
fn batch_checks_what_the_cdk_checks() {
    let task = BatchSubmitJob::new("Submit", DEFINITION, "render", QUEUE)
        .array_size(1)
        .attempts(11)
        .container_overrides(BatchContainerOverrides::new().environment("AWS_BATCH_X", "1"))
        .timeout_seconds(30);
    let text = StateMachine::new(task)
        .build()
        .expect_err("limits")
        .to_string();
    for field in [
        "ArrayProperties.Size: VALUE_OUT_OF_RANGE",
        "RetryStrategy.Attempts: VALUE_OUT_OF_RANGE",
        "ContainerOverrides.Environment[0].Name: INVALID_VALUE",
        "Timeout.AttemptDurationSeconds: VALUE_OUT_OF_RANGE",
    ] {
        assert!(
            text.contains(&format!("States.Submit.Parameters.{field}")),
            "{field}: {text}"
        );
    }
}
