//! The Glue and DataBrew integrations against the CDK.

use std::time::Duration;

use stepfn::builder::*;
use stepfn::tasks::*;

use super::Case;

pub(super) const CASES: &[Case] = &[
    ("glue-start-job-run", start),
    ("glue-start-job-run-options", options),
    ("glue-start-job-run-jsonata", jsonata),
    ("glue-start-job-run-jsonata-options", jsonata_options),
    ("glue-start-crawler-run", crawler),
    ("glue-databrew-start-job-run", databrew),
    (
        "glue-crawler-and-databrew-jsonata",
        crawler_and_databrew_jsonata,
    ),
];

fn start() -> StateMachine {
    StateMachine::new(GlueStartJobRun::new("ETL", "nightly-etl"))
}

fn options() -> StateMachine {
    let full = GlueStartJobRun::new("ETL", "nightly-etl")
        .run_job()
        .arguments(Payload::new().field("--day", JsonPath::new("$.day")))
        .security_configuration("encrypted")
        .notify_delay_after(Duration::from_secs(300))
        .worker_configuration(WorkerType::G1X, 10)
        .execution_class(ExecutionClass::Flex)
        .timeout_seconds(3600);
    let v2 = GlueStartJobRun::new("ETL v2", "nightly-etl")
        .worker_configuration(WorkerType::G2X, 2)
        .execution_class(ExecutionClass::Standard)
        .timeout_seconds_path("$.timeout");
    StateMachine::new(full.next(v2))
}

fn jsonata() -> StateMachine {
    StateMachine::new(
        GlueStartJobRun::new("ETL", Jsonata::new("$states.input.job"))
            .query_language(QueryLanguage::Jsonata)
            .arguments(serde_json::json!({"--day": "{% $states.input.day %}"})),
    )
}

fn jsonata_options() -> StateMachine {
    StateMachine::new(
        GlueStartJobRun::new("ETL", "nightly-etl")
            .query_language(QueryLanguage::Jsonata)
            .run_job()
            .security_configuration(Jsonata::new("$states.input.security"))
            .notify_delay_after(Duration::from_secs(300))
            .worker_configuration(WorkerType::G2X, 2)
            .execution_class(ExecutionClass::Flex)
            .timeout_seconds(3600),
    )
}

fn crawler() -> StateMachine {
    StateMachine::new(GlueStartCrawlerRun::new("Crawl", "raw-data"))
}

fn databrew() -> StateMachine {
    StateMachine::new(
        GlueDataBrewStartJobRun::new("Clean", "clean-orders")
            .next(GlueDataBrewStartJobRun::new("Clean and wait", "clean-orders").run_job()),
    )
}

fn crawler_and_databrew_jsonata() -> StateMachine {
    let jsonata = QueryLanguage::Jsonata;
    StateMachine::new(
        GlueStartCrawlerRun::new("Crawl", "raw-data")
            .query_language(jsonata)
            .next(
                GlueDataBrewStartJobRun::new("Clean", Jsonata::new("$states.input.job"))
                    .query_language(jsonata)
                    .run_job(),
            ),
    )
}

#[test]
fn glue_matches_the_cdk() {
    super::check(CASES);
}

#[test]
fn a_glue_timeout_is_whole_minutes() {
    let task = GlueStartJobRun::new("ETL", "j").timeout_seconds(90);
    let text = StateMachine::new(task)
        .build()
        .expect_err("90 s")
        .to_string();
    assert!(
        text.contains("States.ETL.Parameters.Timeout: VALUE_OUT_OF_RANGE: 90s is not a whole number of minutes"),
        "{text}"
    );
}
