//! [`CodeBuildProject`] and what a build's environment variables are.

use crate::tasks::arn::resource_name;
use crate::tasks::input::{aws_enum, from_dynamic, Repr};
use crate::tasks::render::Fields;
use crate::tasks::Input;

aws_enum! {
    /// Where an environment variable's value comes from (`Type`).
    BuildEnvironmentVariableType {
        /// The value itself.
        Plaintext = "PLAINTEXT",
        /// A Systems Manager parameter name.
        ParameterStore = "PARAMETER_STORE",
        /// A Secrets Manager secret.
        SecretsManager = "SECRETS_MANAGER",
    }
}

/// A CodeBuild project: AWS wants its name; [`CodeBuildProject::from_arn`]
/// takes it from the project's ARN.
///
/// ```
/// use stepfn::tasks::CodeBuildProject;
/// assert_eq!(CodeBuildProject::from_arn("arn:aws:codebuild:us-east-1:123456789012:project/site").name(), Some("site"));
/// assert_eq!(CodeBuildProject::from_name("site").name(), Some("site"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct CodeBuildProject {
    pub(crate) name: Input<String>,
}

impl CodeBuildProject {
    /// The project with this name. (Example on [`CodeBuildProject`].)
    pub fn from_name(name: impl Into<String>) -> CodeBuildProject {
        CodeBuildProject {
            name: Input(Repr::Literal(name.into())),
        }
    }

    /// The project with this ARN (`arn:<partition>:codebuild:<region>:<account>:project/<name>`).
    /// (Example on [`CodeBuildProject`].)
    pub fn from_arn(arn: impl AsRef<str>) -> CodeBuildProject {
        let arn = arn.as_ref();
        CodeBuildProject::from_name(resource_name(arn, "codebuild", "project").unwrap_or(arn))
    }

    /// The project name, unless read at run time. (Example on [`CodeBuildProject`].)
    #[must_use]
    pub fn name(&self) -> Option<&str> {
        self.name.literal().map(String::as_str)
    }
}

/// A project ARN (as [`CodeBuildProject::from_arn`]) or name.
///
/// ```
/// use stepfn::tasks::CodeBuildProject;
/// assert_eq!(CodeBuildProject::from("site").name(), Some("site"));
/// ```
impl From<&str> for CodeBuildProject {
    fn from(text: &str) -> CodeBuildProject {
        CodeBuildProject::from_arn(text)
    }
}

impl From<String> for CodeBuildProject {
    fn from(text: String) -> CodeBuildProject {
        CodeBuildProject::from_arn(text)
    }
}

from_dynamic!(CodeBuildProject, |name| CodeBuildProject { name });

/// `EnvironmentVariablesOverride`: each variable's name, type and value.
pub(crate) fn render_variables(
    f: &Fields,
    variables: &[(String, BuildEnvironmentVariableType, Input<String>)],
) -> Vec<Fields> {
    variables
        .iter()
        .map(|(name, kind, value)| {
            let mut item = f.child();
            item.literal("Name", name.clone())
                .literal("Type", kind.as_str())
                .input("Value", value);
            item
        })
        .collect()
}
