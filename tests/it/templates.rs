//! Definitions inside templates and YAML files (`stepfn::source`): every
//! problem is found and placed on its line and column in the file it was
//! written in, with the state machine's logical id.

use std::path::Path;

use stepfn::source::{read_file, read_str, Kind, Syntax};
use stepfn::validate::Validator;

fn fixture(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/templates")
        .join(path)
}

/// Each problem of each definition as `machine: line:col: path: CODE: message`.
fn problems(path: &Path) -> Vec<String> {
    let source = read_file(path).expect("the fixture reads");
    let mut lines = Vec::new();
    for definition in source.definitions() {
        let report = definition.check(&Validator::new());
        for problem in report.problems() {
            lines.push(format!(
                "{}: {problem}",
                definition.machine().unwrap_or("-")
            ));
        }
    }
    lines
}

#[test]
fn a_sam_template_has_every_problem_of_every_state_machine_in_place() {
    let path = fixture("sam/template.yaml");
    let source = read_file(&path).unwrap();
    assert_eq!(source.kind(), Kind::Template);
    let machines: Vec<_> = source.definitions().iter().map(|d| d.machine()).collect();
    assert_eq!(
        machines,
        [
            Some("OrderMachine"),
            Some("RefundMachine"),
            Some("AuditMachine"),
            Some("ArchiveMachine")
        ]
    );
    // the DefinitionUri's problems are placed in the YAML file it names
    let order = &source.definitions()[0];
    assert_eq!(
        order.file(),
        Some(fixture("sam/statemachine/order.asl.yaml").as_path())
    );
    assert_eq!(
        problems(&path),
        [
            "OrderMachine: 14:22: States.Charge.Retry[0].ErrorEquals: STATES_ALL_NOT_ALONE_OR_LAST: the retrier with `States.ALL` must be the last one: move it after the others, which it would otherwise hide",
            "OrderMachine: 24:21: States.Ship.TimeoutSeconds: WRONG_TYPE: found the string \"60\": write the value without quotes (a string here is a {% ... %} expression, which only JSONata states take)",
            "RefundMachine: 43:19: States.Refund.Next: DANGLING_NEXT: there is no state named `Notify`",
            "RefundMachine: 45:13: States.Notified: UNREACHABLE_STATE: no transition leads to this state from `StartAt`: add a `Next`, `Default` or `Catch` that points here, or remove it",
            "AuditMachine: 58:27: States.Record.Resource: UNSUPPORTED_INTEGRATION_PATTERN: `dynamodb:putItem` cannot run as a job (`.sync`): dynamodb supports request-response only (no suffix)",
            "ArchiveMachine: 70:22: Resources.ArchiveMachine.Properties.DefinitionUri: DEFINITION_NOT_CHECKED: not checked: the definition is in S3 (`s3://orders-artifacts/archive.asl.json`); check the file it was uploaded from",
        ]
    );
}

#[test]
fn substitutions_and_intrinsic_functions_become_the_text_they_stand_for() {
    let source = read_file(&fixture("sam/template.yaml")).unwrap();
    let text = |i: usize| source.definitions()[i].text().unwrap().to_owned();
    // DefinitionSubstitutions filled in from !GetAtt and !Ref: placeholders
    assert!(
        text(0).contains(r#""FunctionName":"${ChargeFunction.Arn}""#),
        "{}",
        text(0)
    );
    assert!(
        text(0).contains(r#""QueueUrl":"${ShippingQueue}""#),
        "{}",
        text(0)
    );
    // !Ref to a parameter with a default is the default, a number
    assert!(text(1).contains(r#""TimeoutSeconds":120"#), "{}", text(1));
    assert!(
        text(1).contains(r#""Resource":"${ChargeFunction.Arn}""#),
        "{}",
        text(1)
    );
    // !Sub fills in pseudo parameters
    assert!(
        text(2).contains("arn:aws:states:::dynamodb:putItem.sync"),
        "{}",
        text(2)
    );
    assert_eq!(source.definitions()[3].text(), None);
}

#[test]
fn a_cdk_template_is_checked_inside_its_fn_join_string_parts() {
    let path = fixture("cdk.out/JobPoller.template.json");
    let source = read_file(&path).unwrap();
    assert_eq!(source.kind(), Kind::Template);
    assert_eq!(source.definitions().len(), 1);
    assert_eq!(
        source.definitions()[0].machine(),
        Some("JobPollerMachine474ACC50")
    );
    // the CDK's definition is valid; AWS's best practices warn about the
    // tasks without a timeout and the unbounded polling loop, each placed on its
    // state in its string part
    assert_eq!(
        problems(&path),
        [
            "JobPollerMachine474ACC50: 224:64: States[\"Submit Job\"]: TASK_WITHOUT_TIMEOUT: this Task has no `TimeoutSeconds`, and AWS sets none: if the call hangs or its worker is lost, the execution waits until it times out as a whole; add `\"TimeoutSeconds\"` a little above the longest the task should take",
            "JobPollerMachine474ACC50: 235:53: States[\"Wait X Seconds\"]: UNBOUNDED_LOOP: this state is in a loop of 3 state(s) with no visible bound: a Standard execution fails after 25,000 history events; count the turns (for example with `States.MathAdd`) and leave the loop from a Choice that compares the count, or run the loop in a child Express workflow",
            "JobPollerMachine474ACC50: 235:154: States[\"Get Job Status\"]: TASK_WITHOUT_TIMEOUT: this Task has no `TimeoutSeconds`, and AWS sets none: if the call hangs or its worker is lost, the execution waits until it times out as a whole; add `\"TimeoutSeconds\"` a little above the longest the task should take",
            "JobPollerMachine474ACC50: 246:429: States[\"Get Final Job Status\"]: TASK_WITHOUT_TIMEOUT: this Task has no `TimeoutSeconds`, and AWS sets none: if the call hangs or its worker is lost, the execution waits until it times out as a whole; add `\"TimeoutSeconds\"` a little above the longest the task should take",
        ]
    );
    // the Fn::Join parts joined, Ref AWS::Partition and Fn::GetAtt resolved
    let text = source.definitions()[0].text().unwrap();
    assert!(text.contains(r#""Resource":"arn:aws:states:::lambda:invoke""#));
    assert!(text.contains(r#""FunctionName":"${SubmitJobFB773A16.Arn}""#));
}

#[test]
fn an_error_in_a_cdk_string_part_is_placed_on_its_escaped_quote() {
    let original = std::fs::read_to_string(fixture("cdk.out/JobPoller.template.json")).unwrap();
    let broken = original.replace(
        r#"\"Default\":\"Wait X Seconds\""#,
        r#"\"Default\":\"Wait X Second\""#,
    );
    assert_ne!(broken, original);
    let source = read_str(&broken, Syntax::Json);
    let report = source.definitions()[0].check(&Validator::new());
    let error = &report.errors()[0];
    assert_eq!(
        error.to_string(),
        "246:272: States[\"Job Complete?\"].Default: DANGLING_NEXT: there is no state named `Wait X Second`; did you mean `Wait X Seconds`?"
    );
}

#[test]
fn a_yaml_definition_reads_with_lines_and_columns() {
    let path = fixture("sam/statemachine/order.asl.yaml");
    let source = read_file(&path).unwrap();
    assert_eq!(source.kind(), Kind::Definition);
    assert_eq!(
        problems(&path),
        [
            "-: 14:22: States.Charge.Retry[0].ErrorEquals: STATES_ALL_NOT_ALONE_OR_LAST: the retrier with `States.ALL` must be the last one: move it after the others, which it would otherwise hide",
            "-: 24:21: States.Ship.TimeoutSeconds: WRONG_TYPE: found the string \"60\": write the value without quotes (a string here is a {% ... %} expression, which only JSONata states take)",
        ]
    );
}

#[test]
fn json_templates_take_the_long_forms_and_report_their_own_mistakes() {
    let template = r#"{
  "Parameters": {"Env": {"Type": "String", "Default": "prod"}},
  "Resources": {
    "Sub": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {
      "DefinitionString": {"Fn::Sub": ["{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Result\": \"${Env}-${Name}\", \"End\": true}}}", {"Name": "orders"}]}}},
    "Both": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {"Definition": {}, "DefinitionString": "{}"}},
    "Neither": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {"RoleArn": "x"}},
    "Cond": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {"DefinitionString": {"Fn::If": ["C", "{}", "{}"]}}},
    "List": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {"DefinitionString": ["{}"]}},
    "Subs": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {
      "Definition": {"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": "${Quote}", "End": true}}},
      "DefinitionSubstitutions": {"Quote": "say \"hi\""}}}
  }
}"#;
    let source = read_str(template, Syntax::Json);
    let d = source.definitions();
    assert_eq!(d.len(), 6);
    assert!(
        d[0].text().unwrap().contains(r#""Result": "prod-orders""#),
        "{:?}",
        d[0].text()
    );
    let first = |i: usize| {
        let report = d[i].check(&Validator::new());
        let first = report.problems().next().map(ToString::to_string);
        first.unwrap_or_default()
    };
    assert_eq!(first(0), "");
    assert_eq!(first(1), "6:91: Resources.Both.Properties.DefinitionString: INVALID_TEMPLATE: `Definition` and `DefinitionString` both give the definition: keep one");
    assert_eq!(first(2), "7:5: Resources.Neither: INVALID_TEMPLATE: the state machine has no definition: give it `Definition`, `DefinitionString` or `DefinitionS3Location`");
    assert!(
        first(3)
            .contains("DEFINITION_NOT_CHECKED: not checked: the definition is built with `Fn::If`"),
        "{}",
        first(3)
    );
    assert!(
        first(4)
            .contains("INVALID_TEMPLATE: `DefinitionString` must be the definition's JSON text"),
        "{}",
        first(4)
    );
    assert_eq!(first(5), "");
    assert!(
        d[5].text().unwrap().contains(r#""Result":"say \"hi\"""#),
        "{:?}",
        d[5].text()
    );
}

#[test]
fn yaml_that_does_not_parse_is_an_invalid_yaml_problem_in_place() {
    let source = read_str("StartAt: A\nStates:\n  A: [1\n", Syntax::Yaml);
    assert_eq!(source.kind(), Kind::Unrecognised);
    let report = source.definitions()[0].check(&Validator::new());
    let error = report.errors()[0].to_string();
    assert!(error.starts_with("4:1: (root): INVALID_YAML: "), "{error}");
}

#[test]
fn files_that_are_neither_are_told_apart() {
    assert_eq!(
        read_str(r#"{"name": "app"}"#, Syntax::Json).kind(),
        Kind::Unrecognised
    );
    assert_eq!(
        read_str("services: {web: {}}\n", Syntax::Yaml).kind(),
        Kind::Unrecognised
    );
    assert_eq!(read_str("{", Syntax::Json).kind(), Kind::Unrecognised);
    assert_eq!(
        read_str("Resources: {}\n", Syntax::Yaml).kind(),
        Kind::Template
    );
    assert_eq!(
        read_str("StartAt: A\n", Syntax::Yaml).kind(),
        Kind::Definition
    );
}

/// JSON is YAML: any definition read through the YAML reader gives the same
/// machine as through the JSON reader.
#[test]
fn any_definition_reads_the_same_as_yaml() {
    stepfn_testkit::for_any_machine(64, |m| {
        let json = m.to_json_pretty().unwrap();
        let source = read_str(&json, Syntax::Yaml);
        let text = source.definitions()[0]
            .text()
            .expect("reads as YAML")
            .to_owned();
        let back = stepfn::read::read_str(&text).unwrap();
        proptest::prop_assert_eq!(back, m);
        Ok(())
    });
}

/// Any definition escaped into a template's `DefinitionString` reads back the
/// same, and each of its places maps to the same character in the template.
#[test]
fn any_definition_string_reads_back_and_maps_to_its_escaped_text() {
    stepfn_testkit::for_any_machine(64, |m| {
        let json = m.to_json_compact().unwrap();
        let escaped = serde_json::to_string(&json).unwrap();
        let template = format!(
            r#"{{"Resources": {{"M": {{"Type": "AWS::StepFunctions::StateMachine",
                "Properties": {{"DefinitionString": {escaped}}}}}}}}}"#
        );
        let source = read_str(&template, Syntax::Json);
        let definition = &source.definitions()[0];
        proptest::prop_assert_eq!(definition.text(), Some(json.as_str()));
        let string_at = template.find(&escaped).unwrap() + 1;
        for (offset, ch) in json
            .char_indices()
            .filter(|(_, c)| c.is_ascii_alphanumeric())
        {
            let position = definition.position(offset).unwrap();
            proptest::prop_assert!(position.offset >= string_at);
            proptest::prop_assert_eq!(template[position.offset..].chars().next(), Some(ch));
        }
        Ok(())
    });
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

    /// Any text, read as YAML or JSON and checked, never panics, and every
    /// problem is placed within the text.
    #[test]
    fn any_text_reads_and_checks_without_panicking(
        text in r#"([ \n\-:{}\[\],"'!&*|>#a-zA-Z0-9${}.]|StartAt|States|Resources|Type|AWS::StepFunctions::StateMachine|DefinitionString|Fn::Join|!Sub|!Ref){0,120}"#
    ) {
        for syntax in [Syntax::Json, Syntax::Yaml] {
            let source = read_str(&text, syntax);
            for definition in source.definitions() {
                let report = definition.check(&Validator::new());
                for problem in report.problems() {
                    if let Some(position) = problem.position() {
                        proptest::prop_assert!(position.offset <= text.len(), "{problem} in {text:?}");
                    }
                }
            }
        }
    }
}
