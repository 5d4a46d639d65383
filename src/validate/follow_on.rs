//! Warnings that a state lacks a field, left out when reading reported a
//! problem with that very field: the field is there, only written wrong, and
//! the reading problem already says so. (`"TimeoutSeconds": "30"` is a
//! wrong type, not a Task without a timeout.)

use crate::fast_hash::FastSet;
use crate::problem::{Problem, Segment};
use crate::Code;

/// The fields whose absence each warning is about.
const ABOUT_ABSENT: &[(Code, &[&str])] = &[
    (
        Code::TaskWithoutTimeout,
        &["TimeoutSeconds", "TimeoutSecondsPath"],
    ),
    (
        Code::TaskWithoutHeartbeat,
        &["HeartbeatSeconds", "HeartbeatSecondsPath"],
    ),
    (Code::LambdaWithoutRetry, &["Retry"]),
];

/// Drops from `found` each warning about an absent field that reading
/// reported a problem in (`read`): linear in both lists.
pub(crate) fn drop_follow_ons<'r>(
    found: &mut Vec<Problem>,
    read: impl Iterator<Item = &'r Problem>,
) {
    // Each object and field name that reading found a problem in or below.
    let mut broken: FastSet<(&[Segment], &str)> = FastSet::default();
    for problem in read {
        let segments = problem.path().segments();
        for (i, segment) in segments.iter().enumerate() {
            if let Segment::Key(key) = segment {
                if ABOUT_ABSENT
                    .iter()
                    .any(|(_, fields)| fields.contains(&&**key))
                {
                    broken.insert((&segments[..i], &**key));
                }
            }
        }
    }
    if broken.is_empty() {
        return;
    }
    found.retain(|problem| {
        let Some((_, fields)) = ABOUT_ABSENT
            .iter()
            .find(|(code, _)| *code == problem.code())
        else {
            return true;
        };
        let at = problem.path().segments();
        !fields.iter().any(|field| broken.contains(&(at, *field)))
    });
}

#[cfg(test)]
mod tests {
    use crate::problem::{Path, Problem, Severity};
    use crate::validate::Validator;
    use crate::Code;

    fn codes(text: &str) -> Vec<Code> {
        let report = Validator::new().check_str(text);
        report
            .errors()
            .iter()
            .chain(report.warnings())
            .map(|problem| problem.code())
            .collect()
    }

    #[test]
    fn a_field_written_wrong_is_not_reported_missing_as_well() {
        let task = |fields: &str| {
            format!(
                r#"{{"StartAt": "T", "States": {{"T": {{"Type": "Task",
                    "Resource": "arn:aws:states:::lambda:invoke", {fields} "End": true}}}}}}"#
            )
        };
        let written_wrong =
            task(r#""TimeoutSeconds": "30", "Retry": {"ErrorEquals": ["States.ALL"]},"#);
        assert_eq!(codes(&written_wrong), [Code::WrongType, Code::WrongType]);
        // Absent, they are still reported.
        assert_eq!(
            codes(&task("")),
            [Code::TaskWithoutTimeout, Code::LambdaWithoutRetry]
        );
        // A problem elsewhere in the state leaves the warnings in place.
        let elsewhere = task(r#""Comment": 1,"#);
        assert_eq!(
            codes(&elsewhere),
            [
                Code::WrongType,
                Code::TaskWithoutTimeout,
                Code::LambdaWithoutRetry
            ]
        );
    }

    #[test]
    fn a_problem_below_the_field_counts_as_one_in_it() {
        let state = Path::root().key("States").key("T");
        let below = state.clone().key("Retry").index(0).key("MaxAttempts");
        let warning = Problem::new(
            Code::LambdaWithoutRetry,
            Severity::Warning,
            state,
            "no retrier",
        );
        let read = Problem::new(Code::WrongType, Severity::Error, below, "a number");
        let mut found = vec![warning];
        super::drop_follow_ons(&mut found, [&read].into_iter());
        assert!(found.is_empty());
    }
}
