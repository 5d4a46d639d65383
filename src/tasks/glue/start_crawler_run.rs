//! [`GlueStartCrawlerRun`]: `aws-sdk:glue:startCrawler`.

use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};

/// Starts a Glue crawler (`arn:aws:states:::aws-sdk:glue:startCrawler`);
/// the CDK's `GlueStartCrawlerRun`. Request-response only.
///
/// ```
/// use stepfn::tasks::GlueStartCrawlerRun;
/// let state = GlueStartCrawlerRun::new("Crawl", "raw-data");
/// assert_eq!(state.to_json(), r#"{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:glue:startCrawler","Parameters":{"Name":"raw-data"},"End":true}"#);
/// ```
pub type GlueStartCrawlerRun = Integration<GlueStartCrawlerRunProps>;

/// What a [`GlueStartCrawlerRun`] sends (see there).
#[derive(Debug, Clone)]
pub struct GlueStartCrawlerRunProps {
    crawler_name: Input<String>,
}

impl GlueStartCrawlerRun {
    /// Starts the crawler `crawler_name` (CDK `crawlerName`). (Example on
    /// [`GlueStartCrawlerRun`].)
    pub fn new(
        name: impl Into<String>,
        crawler_name: impl Into<Input<String>>,
    ) -> GlueStartCrawlerRun {
        let crawler_name = crawler_name.into();
        Integration::with(name, GlueStartCrawlerRunProps { crawler_name })
    }
}

impl Render for GlueStartCrawlerRunProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        let mut f = cx.fields();
        f.input("Name", &self.crawler_name);
        let arn = integration_arn(
            "aws-sdk:glue",
            "startCrawler",
            IntegrationPattern::RequestResponse,
        );
        cx.write(arn, Some(f));
    }
}
