//! The bundled example definitions, run: their paths through the states,
//! the inspection data of their states, and the coverage a handful of
//! scenarios reaches (snapshots in `snapshots/`).

use serde_json::json;
use stepfn_sim::{Action, CoverageKind, Failure, Simulator, Status, Timeline};

fn example(name: &str) -> Simulator {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/definitions")
        .join(name);
    let text = std::fs::read_to_string(path).unwrap();
    Simulator::from_json(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The order pipeline with its Lambda validating `valid` and a charge that
/// succeeds or keeps failing with `charge_error`.
fn order_pipeline(base: &Simulator, valid: bool, charge_error: Option<&'static str>) -> Simulator {
    base.clone()
        .handler("Validate order", move |call| {
            let total = if valid { 30 } else { 0 };
            Ok::<_, Failure>(json!({"Payload": {"valid": valid, "total": total,
                "seen": stepfn_sim::json_text(call.input())}}))
        })
        .handler("Charge card", move |_| match charge_error {
            Some(error) => Err(Failure::new(error, "card declined")),
            None => Ok(json!({"id": "ch_1"})),
        })
        .handler("Notify", |_| Ok::<_, Failure>(json!({"MessageId": "m-1"})))
        .timeline(Timeline::new().at(60.0, Action::success("Ship", json!({"shipped": true}))))
}

#[test]
fn the_order_pipeline_ships_rejects_and_retries_as_written() {
    let base = example("order-pipeline.asl.json");
    let input = r#"{"orderId": "o-1"}"#;
    let shipped = order_pipeline(&base, true, None).run(input).unwrap();
    assert_eq!(shipped.status(), Status::Succeeded);
    assert_eq!(
        shipped.states_entered(),
        [
            "Validate order",
            "Is it valid?",
            "Charge card",
            "Fulfil",
            "Ship",
            "Wait a moment",
            "Notify",
            "Done"
        ]
    );
    assert_eq!(shipped.elapsed_millis(), 60_000);
    let notify = shipped.invocations_of("Notify");
    assert_eq!(
        stepfn_sim::json_text(&notify[0].input),
        r#"{"TopicArn":"arn:aws:sns:us-east-1:123456789012:orders","Message":"Order o-1 is on its way"}"#
    );

    let invalid = order_pipeline(&base, false, None).run(input).unwrap();
    assert_eq!(invalid.error(), Some("OrderRejected"));
    assert_eq!(
        invalid.states_entered(),
        ["Validate order", "Is it valid?", "Reject order"]
    );

    let declined = order_pipeline(&base, true, Some("Stripe.CardDeclined"))
        .run(input)
        .unwrap();
    assert_eq!(declined.error(), Some("OrderRejected"));
    assert_eq!(declined.invocations_of("Charge card").len(), 4);
    let waits: Vec<f64> = declined.delays().iter().map(|d| d.seconds).collect();
    assert_eq!(waits, [1.0, 1.5, 2.25]);
    let rejected_with = declined.input_of("Reject order").unwrap();
    assert!(stepfn_sim::json_text(rejected_with)
        .contains(r#""error":{"Error":"Stripe.CardDeclined","Cause":"card declined"}"#));

    let mut coverage = base.coverage();
    for run in [&shipped, &invalid, &declined] {
        coverage.add(run).unwrap();
    }
    assert_eq!(coverage.percent(CoverageKind::States), 100.0);
    insta::assert_snapshot!("order-pipeline-coverage", coverage.to_string());
}

#[test]
fn the_order_pipeline_validation_shows_every_step_of_its_pipeline() {
    let run = order_pipeline(&example("order-pipeline.asl.json"), true, None)
        .run(r#"{"orderId": "o-1"}"#)
        .unwrap();
    let record = run.record("Validate order").unwrap();
    let text = |v: &Option<stepfn::model::Json>| v.as_ref().map(stepfn_sim::json_text);
    let i = &record.inspection;
    insta::assert_snapshot!(
        "order-pipeline-validate-inspection",
        [
            ("input", text(&i.input)),
            ("afterInputPath", text(&i.after_input_path)),
            ("afterParameters", text(&i.after_parameters)),
            ("result", text(&i.result)),
            ("afterResultSelector", text(&i.after_result_selector)),
            ("afterResultPath", text(&i.after_result_path)),
        ]
        .iter()
        .map(|(k, v)| format!("{k}: {}", v.as_deref().unwrap_or("-")))
        .collect::<Vec<_>>()
        .join("\n")
    );
}

#[test]
fn the_jsonata_greeting_welcomes_known_names_and_greets_the_rest() {
    let base = example("jsonata-greeting.asl.json");
    let greet = |item: Option<serde_json::Value>| {
        let sim = base.clone().handler("Look up", move |_| match &item {
            Some(item) => Ok::<_, Failure>(json!({"Item": item})),
            None => Ok(json!({})),
        });
        sim.run(r#"{"name": "Ann", "timeout": 5}"#).unwrap()
    };
    let known = greet(Some(json!({"name": {"S": "Ann"}})));
    assert_eq!(
        known.output_text().as_deref(),
        Some(r#"{"greeting":"Welcome back, Ann"}"#)
    );
    let arguments = known
        .record("Look up")
        .unwrap()
        .inspection
        .after_arguments
        .clone();
    assert_eq!(
        arguments.as_ref().map(stepfn_sim::json_text).as_deref(),
        Some(r#"{"TableName":"people","Key":{"name":{"S":"Ann"}}}"#)
    );
    let stranger = greet(None);
    assert_eq!(
        stranger.output_text().as_deref(),
        Some(r#"{"greeting":"Hello, Ann"}"#)
    );
    let mut coverage = base.coverage();
    coverage.add(&known).unwrap().add(&stranger).unwrap();
    assert_eq!(
        coverage.missing(CoverageKind::ChoiceRules),
        Vec::<String>::new()
    );
    assert_eq!(
        coverage.missing(CoverageKind::Catchers),
        ["Look up.Catch[0]"]
    );
}

#[test]
fn the_distributed_map_resizes_a_csv_manifest_in_batches() {
    let manifest: String = std::iter::once("key,size".to_owned())
        .chain((0..250).map(|i| format!("img/{i}.png,{i}")))
        .collect::<Vec<_>>()
        .join("\n");
    let run = example("distributed-map.asl.json")
        .handler("Resize all", move |call| match call.resource() {
            "arn:aws:states:::s3:getObject" => Ok::<_, Failure>(json!(manifest.clone())),
            _ => Ok(json!({})),
        })
        .handler("Resize", |call| {
            let batch = call.input_value();
            let items = batch["Items"].as_array().map_or(0, Vec::len);
            Ok::<_, Failure>(
                json!({"Payload": {"resized": items, "first": batch["Items"][0]["key"],
                "by": batch["BatchInput"]["requestedBy"]}}),
            )
        })
        .run(r#"{"manifest": "inbox/manifest.csv", "user": "ana"}"#)
        .unwrap();
    assert_eq!(run.status(), Status::Succeeded, "{:?}", run.failure());
    let batches: Vec<serde_json::Value> = run
        .invocations_of("Resize")
        .iter()
        .map(|i| serde_json::from_str(&stepfn_sim::json_text(&i.input)).unwrap_or_default())
        .map(|input: serde_json::Value| {
            let batch = &input["Payload"];
            json!([
                batch["Items"].as_array().map_or(0, Vec::len),
                batch["Items"][0],
                batch["BatchInput"]
            ])
        })
        .collect();
    assert_eq!(
        batches,
        [
            json!([100, {"key": "img/0.png", "width": 640}, {"requestedBy": "ana"}]),
            json!([100, {"key": "img/100.png", "width": 640}, {"requestedBy": "ana"}]),
            json!([50, {"key": "img/200.png", "width": 640}, {"requestedBy": "ana"}]),
        ]
    );
    let output = run.output_text().unwrap_or_default();
    assert!(
        output.starts_with(r#"{"MapRunArn":"arn:aws:states:us-east-1:123456789012:mapRun:"#)
            && output.contains(r#"/resize:"#)
            && output.contains(r#""ResultWriterDetails":{"Bucket":"media-results","Key":"resize/"#),
        "{output}"
    );
}
