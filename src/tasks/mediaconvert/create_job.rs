//! [`MediaConvertCreateJob`]: `mediaconvert:createJob`.

use crate::model::Json;
use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::service::{Render, Rendering};
use crate::tasks::Integration;
use crate::Code;

/// Creates a MediaConvert job (`arn:aws:states:::mediaconvert:createJob`);
/// the CDK's `MediaConvertCreateJob`. The request is MediaConvert's
/// `CreateJob` request as is, and must have `Role` and `Settings`.
/// Patterns: request-response, [`run_job`](MediaConvertCreateJob::run_job).
///
/// ```
/// use stepfn::tasks::MediaConvertCreateJob;
/// let request = serde_json::json!({
///     "Role": "arn:aws:iam::123456789012:role/MediaConvert",
///     "Settings": {"OutputGroups": [], "Inputs": [{"FileInput": "s3://in/video.mp4"}]}
/// });
/// let state = MediaConvertCreateJob::new("Transcode", request).run_job();
/// assert_eq!(state.to_json(), concat!(
///     r#"{"Type":"Task","Resource":"arn:aws:states:::mediaconvert:createJob.sync","Parameters":{"#,
///     r#""Role":"arn:aws:iam::123456789012:role/MediaConvert","#,
///     r#""Settings":{"Inputs":[{"FileInput":"s3://in/video.mp4"}],"OutputGroups":[]}},"End":true}"#,
/// ));
/// ```
pub type MediaConvertCreateJob = Integration<MediaConvertCreateJobProps>;

/// What a [`MediaConvertCreateJob`] sends (see there).
#[derive(Debug, Clone)]
pub struct MediaConvertCreateJobProps {
    request: Json,
}

impl MediaConvertCreateJob {
    /// Creates the job `create_job_request` describes (CDK
    /// `createJobRequest`). (Example on [`MediaConvertCreateJob`].)
    pub fn new(
        name: impl Into<String>,
        create_job_request: impl Into<Json>,
    ) -> MediaConvertCreateJob {
        let request = create_job_request.into();
        Integration::with(name, MediaConvertCreateJobProps { request })
    }

    /// Waits for the job (`.sync`). (Example on [`MediaConvertCreateJob`].)
    pub fn run_job(self) -> MediaConvertCreateJob {
        self.pattern(IntegrationPattern::RunJob)
    }
}

impl Render for MediaConvertCreateJobProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        let Json::Object(object) = &self.request else {
            cx.problem(Code::WrongType, "the `CreateJob` request must be an object");
            cx.write(
                integration_arn("mediaconvert", "createJob", cx.pattern),
                None,
            );
            return;
        };
        for field in ["Role", "Settings"] {
            let present = object.contains_key(field) || object.contains_key(&format!("{field}.$"));
            if !present {
                cx.problem(
                    Code::MissingField,
                    format!("the `CreateJob` request needs `{field}`"),
                );
            }
        }
        cx.write(
            integration_arn("mediaconvert", "createJob", cx.pattern),
            None,
        );
        cx.input(self.request.clone(), Vec::new());
    }
}
