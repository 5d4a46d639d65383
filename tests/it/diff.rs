//! The semantic diff: what it reports for each kind of change, and
//! properties over generated machines.

use proptest::prelude::*;
use stepfn::diff::{diff, Change};
use stepfn::model::StateMachine;
use stepfn_testkit::for_any_machine;

fn read(text: &str) -> StateMachine {
    stepfn::read::read_str(text).unwrap()
}

fn lines(old: &str, new: &str) -> Vec<String> {
    diff(&read(old), &read(new))
        .changes()
        .iter()
        .map(ToString::to_string)
        .collect()
}

const ORDER: &str = r#"{"StartAt": "Charge", "States": {
    "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "Ship",
               "Retry": [{"ErrorEquals": ["States.Timeout"], "MaxAttempts": 3}],
               "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Refund"}]},
    "Ship": {"Type": "Pass", "Next": "Done"},
    "Refund": {"Type": "Fail", "Error": "Refunded"},
    "Done": {"Type": "Succeed"}}}"#;

#[test]
fn key_order_and_formatting_are_not_changes() {
    let reordered = r#"{"States": {"Done": {"Type": "Succeed"},
        "Refund": {"Error": "Refunded", "Type": "Fail"},
        "Ship": {"Next": "Done", "Type": "Pass"},
        "Charge": {"Catch": [{"Next": "Refund", "ErrorEquals": ["States.ALL"]}],
                   "Retry": [{"MaxAttempts": 3, "ErrorEquals": ["States.Timeout"]}],
                   "Next": "Ship", "Resource": "arn:aws:states:::lambda:invoke", "Type": "Task"}},
        "StartAt": "Charge"}"#;
    assert!(lines(ORDER, reordered).is_empty());
}

#[test]
fn a_changed_field_is_reported_with_its_path_and_both_values() {
    let changed = ORDER.replace(r#""MaxAttempts": 3"#, r#""MaxAttempts": 5"#);
    assert_eq!(
        lines(ORDER, &changed),
        ["changed States.Charge.Retry[0].MaxAttempts: 3 -> 5"]
    );
}

#[test]
fn added_removed_and_retargeted_states_and_transitions() {
    let changed = ORDER
        .replace(
            r#""Ship": {"Type": "Pass", "Next": "Done"}"#,
            r#""Pack": {"Type": "Wait", "Seconds": 5, "Next": "Done"}"#,
        )
        .replace(r#""Next": "Ship""#, r#""Next": "Pack""#);
    assert_eq!(
        lines(ORDER, &changed),
        [
            "transition States.Charge.Next: Ship -> Pack",
            "added States.Pack (Wait)",
            "removed States.Ship (Pass)",
        ]
    );
}

#[test]
fn a_renamed_state_is_matched_by_content_and_references_follow_it() {
    let renamed = ORDER.replace("\"Refund\"", "\"Give money back\"");
    assert_eq!(
        lines(ORDER, &renamed),
        [r#"renamed States.Refund -> States["Give money back"]"#]
    );
}

#[test]
fn a_renamed_and_changed_state_is_matched_by_the_transition_that_leads_to_it() {
    let changed = ORDER
        .replace(
            r#""Refund": {"Type": "Fail", "Error": "Refunded"}"#,
            r#""Refunded": {"Type": "Fail", "Error": "Charged back"}"#,
        )
        .replace(r#""Next": "Refund""#, r#""Next": "Refunded""#);
    assert_eq!(
        lines(ORDER, &changed),
        [
            r#"renamed States.Refund -> States.Refunded"#,
            r#"changed States.Refunded.Error: "Refunded" -> "Charged back""#
        ]
    );
}

#[test]
fn an_end_becoming_a_next_is_a_transition_change() {
    let old = r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}"#;
    let new = r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Succeed"}}}"#;
    assert_eq!(
        lines(old, new),
        [
            "transition States.A.Next: (none) -> B",
            "added States.B (Succeed)"
        ]
    );
}

#[test]
fn nested_states_are_compared_one_by_one_with_their_paths() {
    let old = r#"{"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
        {"StartAt": "A", "States": {"A": {"Type": "Wait", "Seconds": 1, "End": true}}}]}}}"#;
    let new = old.replace(r#""Seconds": 1"#, r#""Seconds": 2"#);
    assert_eq!(
        lines(old, &new),
        ["changed States.P.Branches[0].States.A.Seconds: 1 -> 2"]
    );
}

#[test]
fn json_output_names_kind_path_pointer_and_values() {
    let changed = ORDER.replace(r#""MaxAttempts": 3"#, r#""MaxAttempts": 5"#);
    let json: serde_json::Value =
        serde_json::from_str(&diff(&read(ORDER), &read(&changed)).to_json()).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"equal": false, "changes": [{
            "kind": "changed", "path": "States.Charge.Retry[0].MaxAttempts",
            "pointer": "/States/Charge/Retry/0/MaxAttempts", "old": 3, "new": 5}]})
    );
}

#[test]
fn a_machine_diffs_empty_against_itself() {
    for_any_machine(128, |machine| {
        let d = diff(&machine, &machine);
        prop_assert!(d.is_empty(), "{}", d);
        Ok(())
    });
}

#[test]
fn a_machine_diffs_empty_against_its_own_text_read_back() {
    for_any_machine(128, |machine| {
        let text = machine.to_json_pretty().unwrap();
        let back = stepfn::read::read_str(&text).unwrap();
        prop_assert!(diff(&machine, &back).is_empty());
        Ok(())
    });
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// One field of one state changed: the diff is that path, nothing else.
    #[test]
    fn a_random_field_change_is_reported_at_exactly_its_path(
        state in 0usize..8,
        field in 0usize..4,
        value in 1u64..1000,
    ) {
        let names = ["Charge", "Ship", "Refund", "Done"];
        let name = names[state % 4];
        let mut json: serde_json::Value = serde_json::from_str(ORDER).unwrap();
        let target = &mut json["States"][name];
        let key = ["Comment", "Extra", "TimeoutSeconds", "MaxAttempts"][field];
        let path = match (name, key) {
            ("Charge", "MaxAttempts") => {
                json["States"]["Charge"]["Retry"][0]["MaxAttempts"] = value.into();
                "States.Charge.Retry[0].MaxAttempts".to_owned()
            }
            ("Charge", "TimeoutSeconds") => {
                target["TimeoutSeconds"] = value.into();
                "States.Charge.TimeoutSeconds".to_owned()
            }
            _ => {
                target["Comment"] = format!("note {value}").into();
                format!("States.{name}.Comment")
            }
        };
        let changed = read(&json.to_string());
        let d = diff(&read(ORDER), &changed);
        prop_assert_eq!(d.changes().len(), 1, "{}", d);
        match &d.changes()[0] {
            Change::Field { path: p, .. } => prop_assert_eq!(p.to_string(), path),
            other => prop_assert!(false, "{}", other),
        }
    }
}

#[test]
fn the_readme_example_prints_what_the_readme_shows() {
    let after = ORDER
        .replace("\"Refund\"", "\"Give money back\"")
        .replace(r#""MaxAttempts": 3"#, r#""MaxAttempts": 5"#)
        .replace(
            r#""Ship": {"Type": "Pass", "Next": "Done"}"#,
            r#""Pack": {"Type": "Wait", "Seconds": 5, "Next": "Done"}"#,
        )
        .replace(r#""Next": "Ship""#, r#""Next": "Pack""#);
    let printed = diff(&read(ORDER), &read(&after)).to_string();
    let readme = include_str!("../../README.md");
    assert!(readme.contains(&printed), "README should show:\n{printed}");
}
