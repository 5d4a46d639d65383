//! Same definition, input, handlers and seed: same result and history.

use crate::support::sim;

const MACHINE: &str = r#"{"StartAt": "P", "States": {
    "P": {"Type": "Parallel", "Next": "M", "Branches": [
        {"StartAt": "U", "States": {"U": {"Type": "Pass", "Parameters": {"id.$": "States.UUID()",
            "r.$": "States.MathRandom(1, 1000)"}, "End": true}}},
        {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 3, "End": true}}}]},
    "M": {"Type": "Map", "ItemsPath": "$[0].list", "End": true,
          "ItemProcessor": {"StartAt": "T", "States": {"T": {"Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke",
              "Retry": [{"ErrorEquals": ["States.ALL"], "JitterStrategy": "FULL"}], "End": true}}}}}}"#;

#[test]
fn runs_are_byte_for_byte_the_same() {
    let base = sim(MACHINE).handler("T", |call| {
        if call.invocation() % 2 == 0 {
            Err(stepfn_sim::Failure::new("E", "c"))
        } else {
            Ok(call.input().clone())
        }
    });
    let input = r#"{"list": [1, 2, 3]}"#;
    let history = |seed| {
        let run = base
            .clone()
            .seed(seed)
            .run(r#"[{"list": [1, 2, 3]}]"#)
            .unwrap();
        let _ = input;
        stepfn_sim::json_text(&run.history_json())
    };
    assert_eq!(history(5), history(5));
    assert_ne!(history(5), history(6));
}
