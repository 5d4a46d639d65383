//! [`GlueDataBrewStartJobRun`]: `databrew:startJobRun`.

use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};

/// Starts a Glue DataBrew job run (`arn:aws:states:::databrew:startJobRun`);
/// the CDK's `GlueDataBrewStartJobRun`. Patterns: request-response,
/// [`run_job`](GlueDataBrewStartJobRun::run_job).
///
/// ```
/// use stepfn::tasks::GlueDataBrewStartJobRun;
/// let state = GlueDataBrewStartJobRun::new("Clean", "clean-orders").run_job();
/// assert_eq!(state.to_json(), r#"{"Type":"Task","Resource":"arn:aws:states:::databrew:startJobRun.sync","Parameters":{"Name":"clean-orders"},"End":true}"#);
/// ```
pub type GlueDataBrewStartJobRun = Integration<GlueDataBrewStartJobRunProps>;

/// What a [`GlueDataBrewStartJobRun`] sends (see there).
#[derive(Debug, Clone)]
pub struct GlueDataBrewStartJobRunProps {
    job_name: Input<String>,
}

impl GlueDataBrewStartJobRun {
    /// Starts a run of the DataBrew job `job_name` (CDK `name`). (Example on
    /// [`GlueDataBrewStartJobRun`].)
    pub fn new(
        name: impl Into<String>,
        job_name: impl Into<Input<String>>,
    ) -> GlueDataBrewStartJobRun {
        let job_name = job_name.into();
        Integration::with(name, GlueDataBrewStartJobRunProps { job_name })
    }

    /// Waits for the job run (`databrew:startJobRun.sync`). (Example on
    /// [`GlueDataBrewStartJobRun`].)
    pub fn run_job(self) -> GlueDataBrewStartJobRun {
        self.pattern(IntegrationPattern::RunJob)
    }
}

impl Render for GlueDataBrewStartJobRunProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        let mut f = cx.fields();
        f.input("Name", &self.job_name);
        cx.write(
            integration_arn("databrew", "startJobRun", cx.pattern),
            Some(f),
        );
    }
}
