//! CodeBuild, SageMaker, Bedrock and MediaConvert.

use crate::iam::Statement;

use super::super::params::Value;
use super::Grant;

/// `codebuild:startBuild` and `codebuild:startBuildBatch`.
pub(super) fn codebuild(g: &mut Grant<'_>, action: &str) {
    let project = g.arn(
        "codebuild",
        &format!("project/{}", g.name_or_any("ProjectName")),
    );
    match (action, g.sync) {
        ("startBuild", _) => {
            g.allow(
                [
                    "codebuild:StartBuild",
                    "codebuild:StopBuild",
                    "codebuild:BatchGetBuilds",
                    "codebuild:BatchGetReports",
                ],
                vec![project],
            );
            if g.sync {
                g.events_rule("StepFunctionsGetEventForCodeBuildStartBuildRule");
            }
        }
        ("startBuildBatch", false) => g.allow(["codebuild:StartBuildBatch"], vec![project]),
        ("startBuildBatch", true) => {
            g.allow(
                [
                    "codebuild:StartBuildBatch",
                    "codebuild:StopBuildBatch",
                    "codebuild:BatchGetBuildBatches",
                ],
                vec![project],
            );
            g.events_rule("StepFunctionsGetEventForCodeBuildStartBuildBatchRule");
        }
        _ => {}
    }
}

/// Passing `role` to SageMaker only.
fn pass_to_sagemaker(role: String) -> Statement {
    Statement::allow(["iam:PassRole"], [role]).condition(
        "StringEquals",
        "iam:PassedToService",
        "sagemaker.amazonaws.com",
    )
}

/// `<kind>/<lower-case name><tail>`, or `<kind>/*` for a name read at run time.
fn named(g: &Grant<'_>, key: &str, kind: &str, tail: &str) -> String {
    let name = match g.params.get(key) {
        Value::Text(name) => format!("{}{tail}", name.to_lowercase()),
        _ => "*".to_owned(),
    };
    g.arn("sagemaker", &format!("{kind}/{name}"))
}

/// The `sagemaker:*` integrations.
pub(super) fn sagemaker(g: &mut Grant<'_>, action: &str) {
    let list_tags = |g: &mut Grant<'_>| g.allow(["sagemaker:ListTags"], vec!["*".to_owned()]);
    match action {
        "createTrainingJob" => {
            let job = match g.params.get("TrainingJobName") {
                Value::Text(name) => g.arn("sagemaker", &format!("training-job/{name}*")),
                _ => g.arn("sagemaker", "training-job/*"),
            };
            g.allow(
                [
                    "sagemaker:CreateTrainingJob",
                    "sagemaker:DescribeTrainingJob",
                    "sagemaker:StopTrainingJob",
                ],
                vec![job.clone()],
            );
            list_tags(g);
            g.allow(["sagemaker:AddTags"], vec![job]);
            let role = g.params.get("RoleArn").text().unwrap_or("*").to_owned();
            g.push(pass_to_sagemaker(role));
            if g.sync {
                g.events_rule("StepFunctionsGetEventsForSageMakerTrainingJobsRule");
            }
        }
        "createTransformJob" => {
            let jobs = vec![g.arn("sagemaker", "transform-job/*")];
            g.allow(
                [
                    "sagemaker:CreateTransformJob",
                    "sagemaker:DescribeTransformJob",
                    "sagemaker:StopTransformJob",
                ],
                jobs.clone(),
            );
            list_tags(g);
            // ASL does not name the role the job runs as.
            let roles = g
                .pass_roles()
                .unwrap_or_else(|| vec![g.env.global_arn("iam", "role/*")]);
            for role in roles {
                g.push(pass_to_sagemaker(role));
            }
            if g.sync {
                g.events_rule("StepFunctionsGetEventsForSageMakerTransformJobsRule");
                g.allow(["sagemaker:AddTags"], jobs);
            }
        }
        "createModel" => {
            let model = named(g, "ModelName", "model", "*");
            g.allow(["sagemaker:CreateModel"], vec![model]);
            list_tags(g);
            let role = g
                .params
                .get("ExecutionRoleArn")
                .text()
                .unwrap_or("*")
                .to_owned();
            g.push(pass_to_sagemaker(role));
        }
        "createEndpointConfig" => {
            let config = named(g, "EndpointConfigName", "endpoint-config", "");
            g.allow(["sagemaker:CreateEndpointConfig"], vec![config]);
            list_tags(g);
        }
        "createEndpoint" | "updateEndpoint" => {
            let resources = vec![
                named(g, "EndpointName", "endpoint", ""),
                named(g, "EndpointConfigName", "endpoint-config", ""),
            ];
            let api = if action == "createEndpoint" {
                "sagemaker:createEndpoint"
            } else {
                "sagemaker:updateEndpoint"
            };
            g.allow([api], resources);
            list_tags(g);
        }
        _ => {}
    }
}

/// `bedrock:invokeModel` and `bedrock:createModelCustomizationJob`.
pub(super) fn bedrock(g: &mut Grant<'_>, action: &str) {
    let model = match g
        .params
        .get("ModelId")
        .text()
        .or(g.params.get("BaseModelIdentifier").text())
    {
        Some(arn) if arn.starts_with("arn:") => arn.to_owned(),
        Some(id) => format!(
            "arn:{}:bedrock:{}::foundation-model/{id}",
            g.env.partition, g.env.region
        ),
        None => "*".to_owned(),
    };
    match action {
        "invokeModel" => {
            g.allow(["bedrock:InvokeModel"], vec![model]);
            for (key, api) in [("Input", "s3:GetObject"), ("Output", "s3:PutObject")] {
                let object = match g.params.object(key).get("S3Uri") {
                    Value::Absent => continue,
                    Value::Text(uri) => uri.strip_prefix("s3://").unwrap_or(uri).to_owned(),
                    _ => "*".to_owned(),
                };
                let arn = g.env.bare_arn("s3", &object);
                g.allow([api], vec![arn]);
            }
            if let Some(guardrail) = g.params.get("GuardrailIdentifier").text() {
                let arn = if guardrail.starts_with("arn:") {
                    guardrail.to_owned()
                } else {
                    g.arn("bedrock", &format!("guardrail/{guardrail}"))
                };
                g.allow(["bedrock:ApplyGuardrail"], vec![arn]);
            }
        }
        "createModelCustomizationJob" => {
            let resources = vec![
                model,
                g.arn("bedrock", "custom-model/*"),
                g.arn("bedrock", "model-customization-job/*"),
            ];
            g.allow(
                ["bedrock:CreateModelCustomizationJob", "bedrock:TagResource"],
                resources,
            );
            let role = g.params.get("RoleArn").text().unwrap_or("*").to_owned();
            g.allow(["iam:PassRole"], vec![role]);
        }
        _ => {}
    }
}

/// `mediaconvert:createJob`: passing the job's role, creating the job; with
/// `.sync`, reading and cancelling it and the rule.
pub(super) fn mediaconvert(g: &mut Grant<'_>) {
    let role = g.params.get("Role").text().unwrap_or("*").to_owned();
    g.push(Statement::allow(["iam:PassRole"], [role]).condition(
        "StringLike",
        "iam:PassedToService",
        "mediaconvert.amazonaws.com",
    ));
    g.allow(["mediaconvert:CreateJob"], vec!["*".to_owned()]);
    if g.sync {
        g.allow(
            ["mediaconvert:GetJob", "mediaconvert:CancelJob"],
            vec!["*".to_owned()],
        );
        g.events_rule("StepFunctionsGetEventsForMediaConvertJobRule");
    }
}
