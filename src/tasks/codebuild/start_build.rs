//! [`CodeBuildStartBuild`] (`codebuild:startBuild`) and
//! [`CodeBuildStartBuildBatch`] (`codebuild:startBuildBatch`).

use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};

use super::project::render_variables;
use super::{BuildEnvironmentVariableType, CodeBuildProject};

/// Starts a CodeBuild build (`arn:aws:states:::codebuild:startBuild`); the
/// CDK's `CodeBuildStartBuild`. Patterns: request-response,
/// [`run_job`](CodeBuildStartBuild::run_job).
///
/// ```
/// use stepfn::builder::JsonPath;
/// use stepfn::tasks::*;
/// let state = CodeBuildStartBuild::new("Build", CodeBuildProject::from_name("site"))
///     .environment_variable("COMMIT", BuildEnvironmentVariableType::Plaintext, JsonPath::new("$.commit"))
///     .environment_variable("TOKEN", BuildEnvironmentVariableType::SecretsManager, "deploy-token")
///     .run_job();
/// assert_eq!(state.to_json(), concat!(
///     r#"{"Type":"Task","Resource":"arn:aws:states:::codebuild:startBuild.sync","Parameters":{"ProjectName":"site","#,
///     r#""EnvironmentVariablesOverride":[{"Name":"COMMIT","Type":"PLAINTEXT","Value.$":"$.commit"},"#,
///     r#"{"Name":"TOKEN","Type":"SECRETS_MANAGER","Value":"deploy-token"}]},"End":true}"#,
/// ));
/// ```
pub type CodeBuildStartBuild = Integration<CodeBuildStartBuildProps>;

/// Starts a CodeBuild batch build
/// (`arn:aws:states:::codebuild:startBuildBatch`); the CDK's
/// `CodeBuildStartBuildBatch`. Patterns: request-response,
/// [`run_job`](CodeBuildStartBuildBatch::run_job).
///
/// ```
/// use stepfn::tasks::*;
/// let state = CodeBuildStartBuildBatch::new("Build all", CodeBuildProject::from_name("site"))
///     .environment_variable("STAGE", BuildEnvironmentVariableType::ParameterStore, "/site/stage");
/// assert_eq!(state.to_json(), concat!(
///     r#"{"Type":"Task","Resource":"arn:aws:states:::codebuild:startBuildBatch","Parameters":{"ProjectName":"site","#,
///     r#""EnvironmentVariablesOverride":[{"Name":"STAGE","Type":"PARAMETER_STORE","Value":"/site/stage"}]},"End":true}"#,
/// ));
/// ```
pub type CodeBuildStartBuildBatch = Integration<CodeBuildStartBuildBatchProps>;

/// A build's props: the project and its variables.
macro_rules! start_build {
    ($ty:ident, $props:ident, $action:literal) => {
        #[doc = concat!("What a [`", stringify!($ty), "`] sends (see there).")]
        #[derive(Debug, Clone)]
        pub struct $props {
            project: CodeBuildProject,
            variables: Vec<(String, BuildEnvironmentVariableType, Input<String>)>,
        }

        impl $ty {
            #[doc = concat!("Starts a build of `project` (CDK `project`). (Example on [`", stringify!($ty), "`].)")]
            pub fn new(name: impl Into<String>, project: impl Into<CodeBuildProject>) -> $ty {
                let project = project.into();
                Integration::with(name, $props { project, variables: Vec::new() })
            }

            #[doc = concat!("Adds an entry to `EnvironmentVariablesOverride` (CDK `environmentVariablesOverride`). (Example on [`", stringify!($ty), "`].)")]
            pub fn environment_variable(
                mut self,
                name: impl Into<String>,
                kind: BuildEnvironmentVariableType,
                value: impl Into<Input<String>>,
            ) -> $ty {
                self.props.variables.push((name.into(), kind, value.into()));
                self
            }

            #[doc = concat!("Waits for the build (`codebuild:", $action, ".sync`). (Example on [`", stringify!($ty), "`].)")]
            pub fn run_job(self) -> $ty {
                self.pattern(IntegrationPattern::RunJob)
            }
        }

        impl Render for $props {
            fn render(&self, cx: &mut Rendering<'_>) {
                let mut f = cx.fields();
                f.input("ProjectName", &self.project.name);
                if !self.variables.is_empty() {
                    let items = render_variables(&f, &self.variables);
                    f.array("EnvironmentVariablesOverride", items);
                }
                cx.write(integration_arn("codebuild", $action, cx.pattern), Some(f));
            }
        }
    };
}

start_build!(CodeBuildStartBuild, CodeBuildStartBuildProps, "startBuild");
start_build!(
    CodeBuildStartBuildBatch,
    CodeBuildStartBuildBatchProps,
    "startBuildBatch"
);
