//! Coverage across runs: states, Choice rules, catchers, retriers and
//! transitions, reported and asserted.

use stepfn_sim::{CoverageKind, Failure, SimError, Simulator};

use crate::support::sim;

const ORDER: &str = r#"{"StartAt": "Charge", "States": {
    "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
        "Retry": [{"ErrorEquals": ["Busy"], "MaxAttempts": 1, "IntervalSeconds": 1}],
        "Catch": [{"ErrorEquals": ["Declined"], "Next": "Refuse"}],
        "Next": "Size"},
    "Size": {"Type": "Choice", "Choices": [
        {"Variable": "$.total", "NumericGreaterThan": 100, "Next": "Review"},
        {"Variable": "$.total", "NumericLessThan": 0, "Next": "Refuse"}],
        "Default": "Ship"},
    "Review": {"Type": "Pass", "Next": "Ship"},
    "Ship": {"Type": "Succeed"},
    "Refuse": {"Type": "Fail", "Error": "Refused"}}}"#;

/// The order machine whose charge answers with its input, or fails with
/// `error` (`Busy` on its first attempt only).
fn order(error: Option<&'static str>) -> Simulator {
    with_charge(&sim(ORDER), error)
}

/// `base` with the charge handler of [`order`].
fn with_charge(base: &Simulator, error: Option<&'static str>) -> Simulator {
    let attempts = std::sync::atomic::AtomicU32::new(0);
    base.clone().handler("Charge", move |call| {
        let first = attempts.fetch_add(1, std::sync::atomic::Ordering::SeqCst) == 0;
        match error {
            Some(error) if first || error == "Declined" => Err(Failure::new(error, "")),
            _ => Ok(call.input().clone()),
        }
    })
}

#[test]
fn one_happy_run_leaves_the_rest_missing_by_name() {
    let sim = order(None);
    let mut coverage = sim.coverage();
    coverage.add(&sim.run(r#"{"total": 5}"#).unwrap()).unwrap();
    assert_eq!(coverage.missing(CoverageKind::States), ["Review", "Refuse"]);
    assert_eq!(
        coverage.missing(CoverageKind::ChoiceRules),
        ["Size.Choices[0]", "Size.Choices[1]"]
    );
    assert_eq!(
        coverage.missing(CoverageKind::Catchers),
        ["Charge.Catch[0]"]
    );
    assert_eq!(
        coverage.missing(CoverageKind::Retriers),
        ["Charge.Retry[0]"]
    );
    assert_eq!(
        coverage.missing(CoverageKind::Transitions),
        [
            "Charge -> Refuse (Catch[0])",
            "Size -> Review",
            "Size -> Refuse",
            "Review -> Ship"
        ]
    );
    assert_eq!(coverage.percent(CoverageKind::States), 60.0);
}

#[test]
fn runs_together_cover_everything() {
    // Simulators made from one by changing handlers share its
    // definition: one coverage takes the runs of all of them.
    let base = sim(ORDER);
    let happy = with_charge(&base, None);
    let busy = with_charge(&base, Some("Busy"));
    let declined = with_charge(&base, Some("Declined"));
    let mut coverage = happy.coverage();
    for total in ["5", "500", "-1"] {
        coverage
            .add(
                &happy
                    .run(format!(r#"{{"total": {total}}}"#).as_str())
                    .unwrap(),
            )
            .unwrap();
    }
    coverage.add(&busy.run(r#"{"total": 1}"#).unwrap()).unwrap();
    coverage
        .add(&declined.run(r#"{"total": 1}"#).unwrap())
        .unwrap();
    assert_eq!(coverage.runs(), 5);
    for kind in CoverageKind::ALL {
        assert_eq!(
            coverage.missing(kind),
            Vec::<String>::new(),
            "{}",
            kind.name()
        );
    }
    coverage.assert_at_least(100.0);
}

#[test]
fn the_text_report_has_a_line_per_kind() {
    let sim = order(None);
    let mut coverage = sim.coverage();
    coverage
        .add(&sim.run(r#"{"total": 500}"#).unwrap())
        .unwrap();
    assert_eq!(
        coverage.to_string(),
        "coverage over 1 run(s)\n\
         states           4/5      80.0%  missing: Refuse\n\
         choice_rules     1/3      33.3%  missing: Size.Choices[1], Size.Default\n\
         catchers         0/1       0.0%  missing: Charge.Catch[0]\n\
         retriers         0/1       0.0%  missing: Charge.Retry[0]\n\
         transitions      3/6      50.0%  missing: Charge -> Refuse (Catch[0]), Size -> Refuse, Size -> Ship\n"
    );
}

#[test]
#[should_panic(
    expected = "coverage below 90% for states, choice_rules, catchers, retriers, transitions"
)]
fn asserting_a_level_fails_with_the_report() {
    let sim = order(None);
    let mut coverage = sim.coverage();
    coverage.add(&sim.run(r#"{"total": 5}"#).unwrap()).unwrap();
    coverage.assert_at_least(90.0);
}

#[test]
fn a_run_of_another_definition_is_refused() {
    let other = sim(r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#);
    let mut coverage = order(None).coverage();
    let error = coverage.add(&other.run("{}").unwrap()).unwrap_err();
    assert!(matches!(error, SimError::OtherDefinition));
}
