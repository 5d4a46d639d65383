//! The CodeBuild integrations against the CDK.

use stepfn::builder::*;
use stepfn::tasks::*;

use super::Case;

pub(super) const CASES: &[Case] = &[
    ("codebuild-start-build", build),
    ("codebuild-start-build-batch", batch),
    ("codebuild-jsonata", jsonata),
];

fn site() -> CodeBuildProject {
    CodeBuildProject::from_name("site")
}

fn build() -> StateMachine {
    let full = CodeBuildStartBuild::new("Build", site())
        .run_job()
        .environment_variable(
            "COMMIT",
            BuildEnvironmentVariableType::Plaintext,
            JsonPath::new("$.commit"),
        )
        .environment_variable(
            "STAGE",
            BuildEnvironmentVariableType::ParameterStore,
            "/site/stage",
        )
        .environment_variable(
            "TOKEN",
            BuildEnvironmentVariableType::SecretsManager,
            "deploy-token",
        );
    StateMachine::new(full.next(CodeBuildStartBuild::new("Quick build", site())))
}

fn batch() -> StateMachine {
    let first = CodeBuildStartBuildBatch::new("Build all", site()).environment_variable(
        "STAGE",
        BuildEnvironmentVariableType::Plaintext,
        "prod",
    );
    let second = CodeBuildStartBuildBatch::new(
        "Build all and wait",
        CodeBuildProject::from_arn("arn:aws:codebuild:us-east-1:123456789012:project/site"),
    )
    .run_job();
    StateMachine::new(first.next(second))
}

fn jsonata() -> StateMachine {
    let jsonata = QueryLanguage::Jsonata;
    let build = CodeBuildStartBuild::new("Build", site())
        .query_language(jsonata)
        .run_job()
        .environment_variable(
            "COMMIT",
            BuildEnvironmentVariableType::Plaintext,
            Jsonata::new("$states.input.commit"),
        )
        .environment_variable(
            "STAGE",
            BuildEnvironmentVariableType::ParameterStore,
            "/site/stage",
        );
    let batch = CodeBuildStartBuildBatch::new("Build all", site())
        .query_language(jsonata)
        .environment_variable(
            "STAGE",
            BuildEnvironmentVariableType::Plaintext,
            Jsonata::new("$states.input.stage"),
        );
    StateMachine::new(build.next(batch))
}

#[test]
fn codebuild_matches_the_cdk() {
    super::check(CASES);
}
