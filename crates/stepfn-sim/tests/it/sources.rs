//! Definitions read from files and templates: placeholder `Resource`s run
//! when something answers them, and problems keep their place in the file.

use stepfn::source::{read_str, Syntax};
use stepfn::validate::Validator;
use stepfn_sim::{SimError, Simulator, Status};

const TEMPLATE: &str = r#"{"Resources": {
  "Orders": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {"Definition": {
    "StartAt": "Charge", "States": {"Charge": {"Type": "Task",
      "Resource": {"Fn::GetAtt": ["ChargeFunction", "Arn"]}, "End": true}}}}},
  "Broken": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {"Definition": {
    "StartAt": "Missing", "States": {"Done": {"Type": "Succeed"}}}}}}}"#;

#[test]
fn a_template_machine_runs_with_its_placeholder_answered_by_a_handler() {
    let source = read_str(TEMPLATE, Syntax::Json);
    let orders = source
        .definitions()
        .iter()
        .find(|d| d.machine() == Some("Orders"))
        .expect("the Orders machine");
    let sim = Simulator::from_definition(orders)
        .expect("placeholders are allowed in a template")
        .handler("Charge", |call| {
            Ok(serde_json::json!({"resource": call.resource()}))
        });
    let run = sim.run("{}").expect("runs");
    assert_eq!(run.status(), Status::Succeeded);
    // the handler sees the `Fn::GetAtt` as the placeholder it stands for
    assert_eq!(
        run.output_text().as_deref(),
        Some(r#"{"resource":"${ChargeFunction.Arn}"}"#)
    );
}

#[test]
fn a_template_machine_with_an_error_gives_it_located_in_the_template() {
    let source = read_str(TEMPLATE, Syntax::Json);
    let broken = source
        .definitions()
        .iter()
        .find(|d| d.machine() == Some("Broken"))
        .expect("the Broken machine");
    let Err(SimError::Invalid(problems)) = Simulator::from_definition(broken) else {
        panic!("a dangling StartAt does not run");
    };
    let first = problems.iter().next().expect("one problem").to_string();
    assert!(
        first.starts_with("6:16: ") && first.contains("DANGLING_START_AT"),
        "{first}"
    );
}

#[test]
fn placeholders_in_an_asl_file_run_only_when_the_validator_allows_them() {
    let machine = stepfn::read::read_str(
        r#"{"StartAt": "Charge", "States": {"Charge": {"Type": "Task",
            "Resource": "${ChargeFunctionArn}", "End": true}}}"#,
    )
    .expect("reads");
    assert!(matches!(
        Simulator::new(machine.clone()),
        Err(SimError::Invalid(_))
    ));
    let allowing = Validator::new().allow_resource_placeholders(true);
    let run = Simulator::with_validator(machine, &allowing)
        .expect("allowed")
        .handler("Charge", |_| Ok(serde_json::json!(1)))
        .run("{}")
        .expect("runs");
    assert_eq!(run.output_text().as_deref(), Some("1"));
}
