//! The typed service integrations against the CDK's own renders: each case
//! rebuilds, with `stepfn::tasks`, a workflow that `scripts/cdk-goldens`
//! rendered with aws-cdk-lib, and must give a definition equal (as JSON) to
//! the CDK's.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use stepfn::builder::StateMachine;

mod apigateway;
#[cfg(feature = "tasks-analytics")]
mod athena;
mod aws_sdk;
#[cfg(feature = "tasks-compute")]
mod batch;
#[cfg(feature = "tasks-compute")]
mod codebuild;
mod dynamodb;
#[cfg(feature = "tasks-compute")]
mod ecs;
#[cfg(feature = "tasks-analytics")]
mod emr;
#[cfg(feature = "tasks-analytics")]
mod emr_containers;
mod eventbridge;
#[cfg(feature = "tasks-analytics")]
mod glue;
mod http;
mod lambda;
#[cfg(all(feature = "tasks-ml", feature = "tasks-media"))]
mod media_bedrock;
#[cfg(feature = "tasks-ml")]
mod sagemaker;
mod sns;
mod sqs;
mod stepfunctions;

/// A golden's name and the machine that rebuilds it.
pub(crate) type Case = (&'static str, fn() -> StateMachine);

/// Every case of every service.
fn all_cases() -> Vec<Case> {
    let mut cases: Vec<Case> = [
        apigateway::CASES,
        aws_sdk::CASES,
        dynamodb::CASES,
        eventbridge::CASES,
        http::CASES,
        lambda::CASES,
        sns::CASES,
        sqs::CASES,
        stepfunctions::CASES,
    ]
    .concat();
    #[cfg(feature = "tasks-analytics")]
    cases.extend(
        [
            athena::CASES,
            emr::CASES,
            emr_containers::CASES,
            glue::CASES,
        ]
        .concat(),
    );
    #[cfg(feature = "tasks-compute")]
    cases.extend([batch::CASES, codebuild::CASES, ecs::CASES].concat());
    #[cfg(feature = "tasks-ml")]
    cases.extend(sagemaker::CASES);
    #[cfg(all(feature = "tasks-ml", feature = "tasks-media"))]
    cases.extend(media_bedrock::CASES);
    cases
}

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cdk-tasks")
}

/// The golden `name`: `{"definition": ..., "policy": ...}`.
pub(crate) fn golden(name: &str) -> serde_json::Value {
    let path = golden_dir().join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// Builds each case and compares its definition with the CDK's.
pub(crate) fn check(cases: &[Case]) {
    let mut failures = Vec::new();
    for (name, machine) in cases {
        let expected = &golden(name)["definition"];
        let built = match machine().build() {
            Ok(built) => built,
            Err(errors) => {
                failures.push(format!("{name}: does not build:\n{errors}"));
                continue;
            }
        };
        let ours: serde_json::Value =
            serde_json::from_str(&built.to_json_compact().unwrap_or_default()).unwrap_or_default();
        if &ours != expected {
            failures.push(format!(
                "{name}: differs from the CDK's render\nours: {}\ncdk:  {}",
                serde_json::to_string(&ours).unwrap_or_default(),
                serde_json::to_string(expected).unwrap_or_default()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Cases whose policy differs from the CDK's, and why: where the CDK grants
/// what the task does not need, or not what it does.
const POLICY_DIFFERENCES: &[(&str, &str)] = &[
    (
        "apigateway-rest-api",
        "the call is not authenticated (NO_AUTH); the CDK still grants execute-api:Invoke",
    ),
    (
        "apigateway-rest-api-options",
        "the API is called in eu-west-1; the CDK grants execute-api in the stack's region",
    ),
    (
        "apigateway-http-api-jsonata",
        "the CDK grants `h1/undefined/PATCH{% ... %}` for calls that are not authenticated",
    ),
    (
        "glue-start-job-run-jsonata",
        "the job name is an expression; the CDK writes it into the job ARN",
    ),
    (
        "eventbridge-scheduler-create-schedule-jsonata",
        "the schedule name is an expression; the CDK writes it into the schedule ARN",
    ),
    (
        "sagemaker-jobs-jsonata",
        "the training job name is an expression; the CDK writes it into the job ARN it tags",
    ),
    (
        "bedrock-invoke-model",
        "an S3 URI given as text: the CDK allows every object, stepfn that object",
    ),
];

/// The policy each case's machine needs, against the CDK's role policy.
/// Statements are compared as a set: their order does not matter to IAM.
#[test]
fn iam_policies_match_the_cdk() {
    use stepfn::iam::Environment;
    let env = Environment::new("us-east-1", "123456789012");
    let mut failures = Vec::new();
    for (name, machine) in all_cases() {
        if POLICY_DIFFERENCES.iter().any(|(case, _)| *case == name) {
            continue;
        }
        let expected = &golden(name)["policy"];
        let ours = match machine().iam_policy(&env) {
            Ok(policy) => policy,
            Err(errors) => {
                failures.push(format!("{name}: does not build:\n{errors}"));
                continue;
            }
        };
        let ours: serde_json::Value = serde_json::from_str(&ours.to_json()).unwrap_or_default();
        let statements = |policy: &serde_json::Value| {
            let mut list: Vec<String> = policy["Statement"]
                .as_array()
                .map(|a| a.iter().map(|s| s.to_string()).collect())
                .unwrap_or_default();
            list.sort();
            list
        };
        if statements(&ours) != statements(expected) {
            failures.push(format!(
                "{name}: our policy differs from the CDK's\nours: {ours}\ncdk:  {expected}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Cases whose typed integrations know more than their ASL says (SDK
/// resources, ECS task roles, a transform job's role, a connection's secret).
const NEEDS_THE_BUILDER: &[&str] = &[
    "aws-sdk-call",
    "aws-sdk-call-options",
    "aws-sdk-call-jsonata",
    "ecs-run-task-fargate",
    "ecs-run-task-fargate-capacity-providers",
    "ecs-run-task-ec2",
    "ecs-run-task-ec2-capacity-providers",
    "http-invoke-options",
    "sagemaker-transform-job",
    "sagemaker-training-job-jsonata-options",
];

/// From the ASL alone (what `stepfn iam FILE` does), the policy is the
/// CDK's wherever the ASL says everything.
#[test]
fn iam_policies_from_asl_alone_match_the_cdk() {
    use stepfn::iam::{policy, Environment};
    let env = Environment::new("us-east-1", "123456789012");
    let mut failures = Vec::new();
    for (name, _) in all_cases() {
        let skip = NEEDS_THE_BUILDER.contains(&name)
            || POLICY_DIFFERENCES.iter().any(|(case, _)| *case == name);
        if skip {
            continue;
        }
        let golden = golden(name);
        let text = serde_json::to_string(&golden["definition"]).unwrap_or_default();
        let machine = match stepfn::read::read_str(&text) {
            Ok(machine) => machine,
            Err(errors) => {
                failures.push(format!("{name}: does not read: {errors}"));
                continue;
            }
        };
        let ours: serde_json::Value =
            serde_json::from_str(&policy(&machine, &env).to_json()).unwrap_or_default();
        let sorted = |policy: &serde_json::Value| {
            let mut list: Vec<String> = policy["Statement"]
                .as_array()
                .map(|a| a.iter().map(|s| s.to_string()).collect())
                .unwrap_or_default();
            list.sort();
            list
        };
        if sorted(&ours) != sorted(&golden["policy"]) {
            failures.push(format!("{name}\nours: {ours}\ncdk:  {}", golden["policy"]));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[cfg(all(
    feature = "tasks-compute",
    feature = "tasks-analytics",
    feature = "tasks-ml",
    feature = "tasks-media"
))]
#[test]
fn every_golden_has_a_case_and_every_case_a_golden() {
    let goldens: BTreeSet<String> = std::fs::read_dir(golden_dir())
        .expect("the goldens are in the repository")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|f| f.strip_suffix(".json").map(str::to_owned))
        .collect();
    let cases: BTreeSet<String> = all_cases().iter().map(|(n, _)| (*n).to_owned()).collect();
    let no_case: Vec<_> = goldens.difference(&cases).collect();
    let no_golden: Vec<_> = cases.difference(&goldens).collect();
    assert!(no_case.is_empty(), "goldens no case rebuilds: {no_case:?}");
    assert!(
        no_golden.is_empty(),
        "cases without a golden: {no_golden:?}"
    );
}
