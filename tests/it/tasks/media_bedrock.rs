//! The MediaConvert and Bedrock integrations against the CDK.

use stepfn::builder::*;
use stepfn::tasks::*;

use super::Case;

pub(super) const CASES: &[Case] = &[
    ("mediaconvert-create-job", mediaconvert),
    ("bedrock-invoke-model", invoke_model),
    ("bedrock-model-customization", customization),
    ("mediaconvert-create-job-jsonata", mediaconvert_jsonata),
    ("bedrock-invoke-model-jsonata", invoke_model_jsonata),
];

fn mediaconvert() -> StateMachine {
    let role = "arn:aws:iam::123456789012:role/MediaConvert";
    let first = serde_json::json!({
        "Role": role,
        "Settings": {"OutputGroups": [], "Inputs": [{"FileInput": "s3://in/video.mp4"}]}
    });
    let second = serde_json::json!({
        "Role": role,
        "Settings": {"OutputGroups": [], "Inputs": [{"FileInput.$": "$.input"}]}
    });
    StateMachine::new(
        MediaConvertCreateJob::new("Transcode", first)
            .run_job()
            .next(MediaConvertCreateJob::new("Transcode quickly", second)),
    )
}

fn model() -> String {
    foundation_model_arn("us-east-1", "amazon.titan-text-express-v1")
}

fn invoke_model() -> StateMachine {
    let summarize = BedrockInvokeModel::new("Summarize", model())
        .body(Payload::new().field("inputText", JsonPath::new("$.text")))
        .accept("application/json")
        .content_type("application/json")
        .output_uri("s3://out/summary.json")
        .guardrail("abc123def456", "1")
        .trace_enabled(true);
    let from_s3 = BedrockInvokeModel::new("From S3", model())
        .input_uri(JsonPath::new("$.request"))
        .output_uri("s3://out/result.json")
        .trace_enabled(false);
    let from_location = BedrockInvokeModel::new("From a location", model())
        .input_uri("s3://in/request.json")
        .guardrail(
            "arn:aws:bedrock:us-east-1:123456789012:guardrail/xyz789abc012",
            "DRAFT",
        );
    StateMachine::new(summarize.next(from_s3).next(from_location))
}

fn customization() -> StateMachine {
    let role = "arn:aws:iam::123456789012:role/Bedrock";
    let first = BedrockCreateModelCustomizationJob::new(
        "Customize",
        model(),
        "support-bot",
        "support-bot-job",
        role,
        "s3://train/data.jsonl",
        "s3://out",
    )
    .client_request_token("token-1")
    .customization_type(CustomizationType::FineTuning)
    .custom_model_tag("team", "support")
    .hyperparameters(serde_json::json!({"epochCount": "1"}))
    .job_tag("run", "1")
    .validation_data("s3://validate/data.jsonl")
    .vpc_config(["sg-1"], ["subnet-1"])
    .run_job();
    let second = BedrockCreateModelCustomizationJob::new(
        "Customize again",
        model(),
        "support-bot-2",
        "support-bot-job-2",
        role,
        "s3://train2",
        "s3://out2/models",
    )
    .customization_type(CustomizationType::ContinuedPreTraining)
    .hyperparameters(serde_json::json!({"Evaluation percentage": "20"}));
    StateMachine::new(first.next(second))
}

fn mediaconvert_jsonata() -> StateMachine {
    let request = serde_json::json!({
        "Role": "arn:aws:iam::123456789012:role/MediaConvert",
        "Settings": {"OutputGroups": [], "Inputs": [{"FileInput": "{% $states.input.video %}"}]}
    });
    StateMachine::new(
        MediaConvertCreateJob::new("Transcode", request)
            .query_language(QueryLanguage::Jsonata)
            .run_job(),
    )
}

fn invoke_model_jsonata() -> StateMachine {
    let jsonata = QueryLanguage::Jsonata;
    let summarize = BedrockInvokeModel::new("Summarize", model())
        .query_language(jsonata)
        .body(serde_json::json!({"inputText": "{% $states.input.text %}"}))
        .content_type("application/json");
    let from_s3 = BedrockInvokeModel::new("From S3", model())
        .query_language(jsonata)
        .input_uri("s3://in/request.json")
        .output_uri("s3://out/result.json");
    StateMachine::new(summarize.next(from_s3))
}

#[test]
fn mediaconvert_and_bedrock_match_the_cdk() {
    super::check(CASES);
}

#[test]
fn bedrock_needs_one_request_source() {
    let task = BedrockInvokeModel::new("Ask", model());
    let text = StateMachine::new(task)
        .build()
        .expect_err("no body")
        .to_string();
    assert!(
        text.contains("States.Ask.Parameters.Body: MISSING_FIELD"),
        "{text}"
    );
}

#[test]
fn a_jsonata_customization_job_writes_arguments() {
    let task = BedrockCreateModelCustomizationJob::new(
        "Customize",
        model(),
        "m",
        "j",
        "arn:aws:iam::123456789012:role/Bedrock",
        "s3://t",
        "s3://o",
    )
    .query_language(QueryLanguage::Jsonata)
    .validation_data("s3://v");
    let json = StateMachine::new(task).to_json().expect("valid in JSONata");
    assert!(
        json.contains(r#""Arguments":{"BaseModelIdentifier""#),
        "{json}"
    );
}
