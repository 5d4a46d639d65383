//! The Athena integrations against the CDK.

use std::time::Duration;

use stepfn::builder::*;
use stepfn::tasks::*;

use super::Case;

pub(super) const CASES: &[Case] = &[
    ("athena-start-query-execution", start),
    ("athena-start-query-execution-options", options),
    ("athena-by-execution-id", by_execution_id),
    ("athena-jsonata", jsonata),
    ("athena-by-execution-id-jsonata", by_execution_id_jsonata),
    ("athena-jsonata-options", jsonata_options),
];

fn start() -> StateMachine {
    StateMachine::new(AthenaStartQueryExecution::new("Query", "SELECT 1"))
}

fn options() -> StateMachine {
    let full = AthenaStartQueryExecution::new("Query", "SELECT * FROM orders WHERE day = ?")
        .run_job()
        .client_request_token("token-1")
        .query_execution_context("AwsDataCatalog", "sales")
        .output_location("results", "orders")
        .encryption(EncryptionOption::S3Managed, "")
        .work_group("analysts")
        .execution_parameters(["'2026-01-01'"])
        .result_reuse_configuration_max_age(Duration::from_secs(3600));
    let database =
        AthenaStartQueryExecution::new("Database only", JsonPath::new("$.query")).database("sales");
    let client_side = AthenaStartQueryExecution::new("Client side", "SELECT 2")
        .encryption(EncryptionOption::ClientSideKms, "");
    StateMachine::new(full.next(database).next(client_side))
}

fn by_execution_id() -> StateMachine {
    StateMachine::new(
        AthenaGetQueryExecution::new("Status", JsonPath::new("$.QueryExecutionId"))
            .next(
                AthenaGetQueryResults::new(
                    "Results",
                    JsonPath::new("$.QueryExecution.QueryExecutionId"),
                )
                .next_token(JsonPath::new("$.NextToken"))
                .max_results(100),
            )
            .next(AthenaStopQueryExecution::new("Stop", "q-1")),
    )
}

fn jsonata() -> StateMachine {
    StateMachine::new(
        AthenaStartQueryExecution::new("Query", Jsonata::new("$states.input.query"))
            .jsonata()
            .work_group("primary")
            .next(
                AthenaGetQueryResults::new(
                    "Results",
                    Jsonata::new("$states.input.QueryExecutionId"),
                )
                .jsonata()
                .max_results(10),
            ),
    )
    .query_language(QueryLanguage::Jsonata)
}

fn by_execution_id_jsonata() -> StateMachine {
    let id = || Jsonata::new("$states.input.QueryExecutionId");
    StateMachine::new(
        AthenaGetQueryExecution::new("Status", id())
            .query_language(QueryLanguage::Jsonata)
            .next(
                AthenaStopQueryExecution::new("Stop", id()).query_language(QueryLanguage::Jsonata),
            ),
    )
}

fn jsonata_options() -> StateMachine {
    StateMachine::new(
        AthenaStartQueryExecution::new("Query", "SELECT * FROM orders WHERE day = ?")
            .query_language(QueryLanguage::Jsonata)
            .run_job()
            .client_request_token(Jsonata::new("$states.context.Execution.Name"))
            .query_execution_context("AwsDataCatalog", "sales")
            .output_location("results", "orders")
            .encryption(EncryptionOption::S3Managed, "")
            .work_group("analysts")
            .execution_parameters(["{% $states.input.day %}"])
            .result_reuse_configuration_max_age(Duration::from_secs(3600)),
    )
}

#[test]
fn athena_matches_the_cdk() {
    super::check(CASES);
}
