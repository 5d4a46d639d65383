//! Distributed Map: `ItemReader` over handled or mocked S3 data (CSV,
//! JSON, JSON Lines, ListObjectsV2), `ItemBatcher` and `ResultWriter`.

use std::sync::{Arc, Mutex};

use serde_json::{json, Value};
use stepfn_sim::{Failure, MockConfig, Status};

use crate::support::{outcome, sim};

/// A Distributed Map `M` whose children echo their input, with the given
/// extra fields (`ItemReader`, `ItemBatcher`, `ResultWriter`, …).
fn machine(fields: &str) -> String {
    format!(
        r#"{{"StartAt": "M", "States": {{"M": {{"Type": "Map", {fields}
            "ItemProcessor": {{"ProcessorConfig": {{"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}},
                "StartAt": "Echo", "States": {{"Echo": {{"Type": "Pass", "End": true}}}}}},
            "End": true}}}}}}"#
    )
}

/// An `ItemReader` on `s3:getObject` of `$.key` with this `ReaderConfig`.
fn get_object(reader_config: &str) -> String {
    format!(
        r#""ItemReader": {{"Resource": "arn:aws:states:::s3:getObject",
            "ReaderConfig": {reader_config},
            "Parameters": {{"Bucket": "data", "Key.$": "$.key"}}}},"#
    )
}

/// Runs `definition` with the S3 object's text (or response) answered by
/// a handler for the Map state, returning the run and what the handler
/// was asked for.
fn run_with_object(definition: &str, object: Value) -> (stepfn_sim::Execution, Vec<Value>) {
    let asked = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&asked);
    let run = sim(definition)
        .handler("M", move |call| {
            if let Ok(mut seen) = seen.lock() {
                seen.push(json!({"resource": call.resource(), "input": call.input_value()}));
            }
            Ok(object.clone())
        })
        .run(r#"{"key": "in/file"}"#)
        .expect("input is JSON");
    let asked = asked.lock().map(|a| a.clone()).unwrap_or_default();
    (run, asked)
}

#[test]
fn a_csv_object_is_read_with_its_first_row_as_headers() {
    let definition = machine(&get_object(
        r#"{"InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW"}"#,
    ));
    let (run, asked) = run_with_object(
        &definition,
        json!("id,name,note\n1,Ann,\"likes, commas\"\n2,Bob\n3,Cy,x,extra\n"),
    );
    assert_eq!(
        outcome(&run),
        r#"[{"id":"1","name":"Ann","note":"likes, commas"},{"id":"2","name":"Bob","note":""},{"id":"3","name":"Cy","note":"x"}]"#
    );
    assert_eq!(
        asked,
        vec![
            json!({"resource": "arn:aws:states:::s3:getObject", "input": {"Bucket": "data", "Key": "in/file"}})
        ]
    );
}

#[test]
fn given_csv_headers_and_every_delimiter_are_honoured() {
    for (name, text) in [
        ("COMMA", "a,b"),
        ("PIPE", "a|b"),
        ("SEMICOLON", "a;b"),
        ("SPACE", "a b"),
        ("TAB", "a\tb"),
    ] {
        let definition = machine(&get_object(&format!(
            r#"{{"InputType": "CSV", "CSVHeaderLocation": "GIVEN", "CSVHeaders": ["x", "y"], "CSVDelimiter": "{name}"}}"#
        )));
        let (run, _) = run_with_object(&definition, json!(format!("{text}\n{text}")));
        assert_eq!(
            outcome(&run),
            r#"[{"x":"a","y":"b"},{"x":"a","y":"b"}]"#,
            "{name}"
        );
    }
}

#[test]
fn max_items_keeps_the_first_items_and_zero_keeps_them_all() {
    let csv = json!("n\n1\n2\n3\n4");
    let config = |max: &str| {
        machine(&get_object(&format!(
            r#"{{"InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW", {max}}}"#
        )))
    };
    let (run, _) = run_with_object(&config(r#""MaxItems": 2"#), csv.clone());
    assert_eq!(outcome(&run), r#"[{"n":"1"},{"n":"2"}]"#);
    let (run, _) = run_with_object(&config(r#""MaxItems": 0"#), csv.clone());
    assert_eq!(outcome(&run).matches("\"n\"").count(), 4);
    let (run, _) = run_with_object(&config(r#""MaxItemsPath": "$.missing""#), csv);
    assert_eq!(run.error(), Some("States.Runtime"));
}

#[test]
fn json_and_json_lines_objects_are_read() {
    let definition = machine(&get_object(
        r#"{"InputType": "JSON", "ItemsPointer": "/data/rows"}"#,
    ));
    let (run, _) = run_with_object(
        &definition,
        json!({"Body": r#"{"data": {"rows": [{"a": 1}, [2], "three"]}}"#}),
    );
    assert_eq!(outcome(&run), r#"[{"a":1},[2],"three"]"#);
    let definition = machine(&get_object(r#"{"InputType": "JSONL", "MaxItems": 2}"#));
    let (run, _) = run_with_object(&definition, json!("{\"a\": 1}\n\n{\"a\": 2}\n{\"a\": 3}\n"));
    assert_eq!(outcome(&run), r#"[{"a":1},{"a":2}]"#);
}

#[test]
fn unreadable_objects_fail_with_item_reader_failed() {
    let json = machine(&get_object(r#"{"InputType": "JSON"}"#));
    let (run, _) = run_with_object(&json, json!(r#"{"not": "an array"}"#));
    assert_eq!(run.error(), Some("States.ItemReaderFailed"));
    assert_eq!(
        run.cause(),
        Some("Attempting to map over non-iterable node.")
    );
    let csv = machine(&get_object(
        r#"{"InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW"}"#,
    ));
    let (run, _) = run_with_object(&csv, json!("a,b\n1,\"open\n2,3\n"));
    assert_eq!(run.error(), Some("States.ItemReaderFailed"));
    assert!(
        run.cause()
            .is_some_and(|c| c.contains("line 2") && c.contains("never closed")),
        "{:?}",
        run.cause()
    );
    let (run, _) = run_with_object(&csv, json!("a,a\n1,2\n"));
    assert_eq!(run.cause(), Some("CSV headers cannot contain duplicates."));
    let jsonl = machine(&get_object(r#"{"InputType": "JSONL"}"#));
    let (run, _) = run_with_object(&jsonl, json!("1\n{oops}\n"));
    assert!(
        run.cause()
            .is_some_and(|c| c.starts_with("Line 2 of the JSONL object")),
        "{:?}",
        run.cause()
    );
}

#[test]
fn item_reader_failures_can_be_caught() {
    let definition = r#"{"StartAt": "M", "States": {"M": {"Type": "Map",
        "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "JSON"},
            "Parameters": {"Bucket": "b", "Key": "k"}},
        "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
        "Catch": [{"ErrorEquals": ["States.ItemReaderFailed"], "Next": "Handled"}], "End": true},
        "Handled": {"Type": "Pass", "Parameters": {"caught.$": "$.Error"}, "End": true}}}"#;
    let run = sim(definition)
        .handler("M", |_| Ok(json!("7")))
        .run("{}")
        .unwrap();
    assert_eq!(outcome(&run), r#"{"caught":"States.ItemReaderFailed"}"#);
}

#[test]
fn an_already_parsed_array_and_a_thrown_error_come_from_a_mock_file() {
    let mocks = MockConfig::from_json(
        r#"{"StateMachines": {"Reader": {"TestCases": {
              "Rows": {"M": "Rows"}, "Csv": {"M": "CsvText"}, "Missing": {"M": "NoSuchKey"}}}},
            "MockedResponses": {
              "Rows": {"0": {"Return": [{"id": 1}, {"id": 2}]}},
              "CsvText": {"0": {"Return": {"Body": "id\n1\n2\n"}}},
              "NoSuchKey": {"0": {"Throw": {"Error": "S3.NoSuchKeyException", "Cause": "The specified key does not exist."}}}}}"#,
    )
    .unwrap();
    let definition = machine(&get_object(
        r#"{"InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW"}"#,
    ));
    let run = |case: &str| {
        sim(&definition)
            .mocks(mocks.test_case(case).unwrap())
            .run(r#"{"key": "k"}"#)
            .unwrap()
    };
    assert_eq!(outcome(&run("Rows")), r#"[{"id":1},{"id":2}]"#);
    assert_eq!(outcome(&run("Csv")), r#"[{"id":"1"},{"id":"2"}]"#);
    let missing = run("Missing");
    assert_eq!(missing.error(), Some("S3.NoSuchKeyException"));
    assert_eq!(missing.cause(), Some("The specified key does not exist."));
}

#[test]
fn a_listing_gives_one_item_per_object() {
    let definition = machine(
        r#""ItemReader": {"Resource": "arn:aws:states:::s3:listObjectsV2",
            "Parameters": {"Bucket": "data", "Prefix": "in/"}},
           "ItemSelector": {"key.$": "$$.Map.Item.Value.Key", "index.$": "$$.Map.Item.Index"},"#,
    );
    let listing = sim(&definition).resource_handler("arn:aws:states:::s3:listObjectsV2", |call| {
        assert_eq!(call.input_value(), json!({"Bucket": "data", "Prefix": "in/"}));
        Ok(json!({"Contents": [{"Key": "in/a.json", "Size": 10}, {"Key": "in/b.json", "Size": 20}], "KeyCount": 2}))
    });
    let run = listing.run("{}").unwrap();
    assert_eq!(
        outcome(&run),
        r#"[{"key":"in/a.json","index":0},{"key":"in/b.json","index":1}]"#
    );
    let empty = sim(&definition)
        .handler("M", |_| Ok(json!({"KeyCount": 0})))
        .run("{}")
        .unwrap();
    assert_eq!(outcome(&empty), "[]");
}

#[test]
fn a_reader_without_a_handler_names_the_state() {
    let definition = machine(&get_object(r#"{"InputType": "CSV"}"#));
    let run = sim(&definition).run(r#"{"key": "k"}"#).unwrap();
    assert_eq!(run.status(), Status::Failed);
    assert!(
        run.cause()
            .is_some_and(|c| c.contains("ItemReader of Map state 'M'")),
        "{:?}",
        run.cause()
    );
}

#[test]
fn batches_hold_at_most_max_items_per_batch_with_the_batch_input() {
    let definition = machine(
        r#""ItemsPath": "$.items",
           "ItemBatcher": {"MaxItemsPerBatch": 2, "BatchInput": {"job.$": "$.job", "fixed": 1}},"#,
    );
    let run = sim(&definition)
        .run(r#"{"job": "j-7", "items": [1, 2, 3, 4, 5]}"#)
        .unwrap();
    assert_eq!(
        outcome(&run),
        concat!(
            r#"[{"Items":[1,2],"BatchInput":{"job":"j-7","fixed":1}},"#,
            r#"{"Items":[3,4],"BatchInput":{"job":"j-7","fixed":1}},"#,
            r#"{"Items":[5],"BatchInput":{"job":"j-7","fixed":1}}]"#
        )
    );
}

#[test]
fn batches_stay_under_max_input_bytes_per_batch() {
    // Each item is a 100-character string (102 bytes as JSON).
    let item = "x".repeat(100);
    let input = json!({"items": [item, item, item, item]}).to_string();
    let batch_sizes = |limit: u32| {
        let definition = machine(&format!(
            r#""ItemsPath": "$.items", "ItemBatcher": {{"MaxInputBytesPerBatch": {limit}}},"#
        ));
        let run = sim(&definition).run(&input).unwrap();
        let output: Value = serde_json::from_str(&outcome(&run)).unwrap_or_default();
        output
            .as_array()
            .map(|batches| {
                batches
                    .iter()
                    .map(|b| b["Items"].as_array().map_or(0, Vec::len))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    assert_eq!(batch_sizes(150), vec![1, 1, 1, 1]);
    assert_eq!(batch_sizes(250), vec![2, 2]);
}

#[test]
fn read_items_are_batched() {
    let definition = machine(&format!(
        r#"{} "ItemBatcher": {{"MaxItemsPerBatchPath": "$.size"}},"#,
        get_object(r#"{"InputType": "JSONL"}"#)
    ));
    let run = sim(&definition)
        .handler("M", |_| Ok(json!("1\n2\n3\n")))
        .run(r#"{"key": "k", "size": 2}"#)
        .unwrap();
    assert_eq!(outcome(&run), r#"[{"Items":[1,2]},{"Items":[3]}]"#);
}

const WRITER: &str = r#""ItemsPath": "$.items",
    "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject",
        "Parameters": {"Bucket": "results", "Prefix.$": "$.prefix"}},"#;

#[test]
fn a_result_writer_gets_the_results_and_the_state_returns_the_summary() {
    let written = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&written);
    let run = sim(&machine(WRITER))
        .name("Orders")
        .resource_handler("arn:aws:states:::s3:putObject", move |call| {
            if let Ok(mut sink) = sink.lock() {
                sink.push(call.input_value());
            }
            Ok(json!({}))
        })
        .run(r#"{"prefix": "runs/", "items": ["a", "b"]}"#)
        .unwrap();
    assert_eq!(run.status(), Status::Succeeded);
    let output: Value = serde_json::from_str(&run.output_text().unwrap()).unwrap();
    let arn = output["MapRunArn"].as_str().unwrap();
    let run_id = arn
        .strip_prefix("arn:aws:states:us-east-1:123456789012:mapRun:Orders/M:")
        .unwrap_or_else(|| panic!("{arn}"));
    assert_eq!(run_id.len(), 36, "{arn}");
    assert_eq!(
        output["ResultWriterDetails"],
        json!({"Bucket": "results", "Key": format!("runs/{run_id}/manifest.json")})
    );
    assert_eq!(
        written.lock().unwrap().clone(),
        vec![json!({"Bucket": "results", "Prefix": "runs/", "Results": ["a", "b"]})]
    );
}

#[test]
fn a_failing_result_writer_is_result_writer_failed_and_can_be_caught() {
    let definition = r#"{"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.items",
        "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "results", "Prefix": "p"}},
        "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
            "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
        "Catch": [{"ErrorEquals": ["States.ResultWriterFailed"], "ResultPath": "$.failure", "Next": "Handled"}],
        "End": true},
        "Handled": {"Type": "Pass", "OutputPath": "$.failure", "End": true}}}"#;
    let denied = |_: &stepfn_sim::TaskCall<'_>| {
        Err::<Value, _>(Failure::new("S3.AccessDeniedException", "Access Denied"))
    };
    let run = sim(definition)
        .resource_handler("arn:aws:states:::s3:putObject", denied)
        .run(r#"{"items": [1]}"#)
        .unwrap();
    assert_eq!(
        outcome(&run),
        r#"{"Error":"States.ResultWriterFailed","Cause":"Access Denied"}"#
    );
    let uncaught = sim(&machine(WRITER))
        .resource_handler("arn:aws:states:::s3:putObject", denied)
        .run(r#"{"prefix": "p", "items": [1]}"#)
        .unwrap();
    assert_eq!(uncaught.error(), Some("States.ResultWriterFailed"));
}

#[test]
fn a_jsonata_reader_takes_its_arguments_and_max_items_from_expressions() {
    let definition = r#"{"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map",
        "ItemReader": {"Resource": "arn:aws:states:::s3:getObject",
            "ReaderConfig": {"InputType": "JSONL", "MaxItems": "{% $states.input.max %}"},
            "Arguments": {"Bucket": "data", "Key": "{% $states.input.key %}"}},
        "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
            "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
        "End": true}}}"#;
    let run = sim(definition)
        .handler("M", |call| {
            assert_eq!(
                call.input_value(),
                json!({"Bucket": "data", "Key": "k.jsonl"})
            );
            Ok(json!("1\n2\n3\n"))
        })
        .run(r#"{"key": "k.jsonl", "max": 2}"#)
        .unwrap();
    assert_eq!(outcome(&run), "[1,2]");
}

/// The parent history's event types.
fn event_types(run: &stepfn_sim::Execution) -> Vec<&str> {
    run.history()
        .iter()
        .map(|e| e.event_type.as_str())
        .collect()
}

#[test]
fn the_parent_history_has_the_map_run_and_not_the_child_executions() {
    let run = sim(&machine(&format!(r#"{WRITER} "Label": "resize","#)))
        .name("Orders")
        .run(r#"{"prefix": "p", "items": [1, 2, 3]}"#)
        .unwrap();
    assert_eq!(
        event_types(&run),
        vec![
            "ExecutionStarted",
            "MapStateEntered",
            "MapStateStarted",
            "MapRunStarted",
            "MapRunSucceeded",
            "MapStateSucceeded",
            "MapStateExited",
            "ExecutionSucceeded"
        ]
    );
    let history: Value = serde_json::from_str(&outcome_of_history(&run)).unwrap();
    let events = history.as_array().unwrap();
    for (i, event) in events.iter().enumerate() {
        assert_eq!(event["id"], json!(i + 1));
        // AWS's first state entered follows no event.
        let previous = if i == 1 { 0 } else { i };
        assert_eq!(event["previousEventId"], json!(previous), "{history}");
    }
    let output: Value = serde_json::from_str(&outcome(&run)).unwrap();
    assert_eq!(
        events[3]["mapRunStartedEventDetails"],
        json!({"mapRunArn": output["MapRunArn"]})
    );
    // The `Label` names the run.
    assert!(output["MapRunArn"].as_str().is_some_and(
        |arn| arn.starts_with("arn:aws:states:us-east-1:123456789012:mapRun:Orders/resize:")
    ));
}

/// The history as `GetExecutionHistory`'s `events`, as text.
fn outcome_of_history(run: &stepfn_sim::Execution) -> String {
    let events: Vec<Value> = run
        .history()
        .iter()
        .map(|e| serde_json::from_str(&stepfn_sim_json(&e.to_json())).unwrap())
        .collect();
    Value::Array(events).to_string()
}

fn stepfn_sim_json(value: &stepfn::model::Json) -> String {
    serde_json::to_string(value).unwrap()
}

#[test]
fn a_failed_map_run_carries_the_error_and_cause() {
    let definition = r#"{"StartAt": "M", "States": {"M": {"Type": "Map",
        "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Bad", "Cause": "item"}}},
        "End": true}}}"#;
    let run = sim(definition).run("[1, 2]").unwrap();
    assert_eq!(
        event_types(&run),
        vec![
            "ExecutionStarted",
            "MapStateEntered",
            "MapStateStarted",
            "MapRunStarted",
            "MapRunFailed",
            "MapStateFailed",
            "ExecutionFailed"
        ]
    );
    let failed = run
        .history()
        .iter()
        .find(|e| e.event_type.as_str() == "MapRunFailed")
        .and_then(|e| e.details.as_ref())
        .map(stepfn_sim_json);
    assert_eq!(
        failed.as_deref(),
        Some(
            r#"{"error":"States.ExceedToleratedFailureThreshold","cause":"The specified tolerated failure threshold was exceeded"}"#
        )
    );
}

#[test]
fn child_executions_do_not_count_towards_the_parents_event_limit() {
    // 30,000 children of two states each would pass a Standard execution's
    // 25,000 events if they were the parent's.
    let definition = r#"{"StartAt": "M", "States": {"M": {"Type": "Map", "MaxConcurrency": 1000,
        "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "End": true}}},
        "ResultSelector": {"count.$": "States.ArrayLength($)"}, "End": true}}}"#;
    let items = json!((0..30_000).collect::<Vec<u32>>()).to_string();
    let run = sim(definition).run(&items).unwrap();
    assert_eq!(outcome(&run), r#"{"count":30000}"#);
    assert_eq!(run.history().len(), 8);
}

#[test]
fn load_and_flatten_reads_every_listed_object() {
    let definition = machine(
        r#""ItemReader": {"Resource": "arn:aws:states:::s3:listObjectsV2",
            "ReaderConfig": {"InputType": "JSONL", "Transformation": "LOAD_AND_FLATTEN", "MaxItems": 3},
            "Parameters": {"Bucket": "data", "Prefix": "in/"}},"#,
    );
    let asked = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&asked);
    let run = sim(&definition)
        .handler("M", move |call| {
            if let Ok(mut seen) = seen.lock() {
                seen.push(json!([call.invocation(), call.resource(), call.input_value()]));
            }
            match call.input_value()["Key"].as_str() {
                None => Ok(json!({"Contents": [{"Key": "in/a.jsonl"}, {"Key": "in/b.jsonl"}, {"Key": "in/c.jsonl"}]})),
                Some("in/a.jsonl") => Ok(json!("1\n2\n")),
                Some(_) => Ok(json!("3\n4\n")),
            }
        })
        .run("{}")
        .unwrap();
    assert_eq!(outcome(&run), "[1,2,3]");
    assert_eq!(
        asked.lock().unwrap().clone(),
        vec![
            json!([0, "arn:aws:states:::s3:listObjectsV2", {"Bucket": "data", "Prefix": "in/"}]),
            json!([1, "arn:aws:states:::s3:getObject", {"Bucket": "data", "Key": "in/a.jsonl"}]),
            json!([2, "arn:aws:states:::s3:getObject", {"Bucket": "data", "Key": "in/b.jsonl"}]),
        ]
    );
}
