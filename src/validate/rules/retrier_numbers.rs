//! A retrier's numbers in AWS's ranges: `IntervalSeconds` 1..=99,999,999,
//! `MaxAttempts` 0..=99,999,999, `BackoffRate` ≥ 1, `MaxDelaySeconds` 1..=31,622,400.

use crate::model::graph::{StateId, StateNode};
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::Code;

const MAX_SECONDS: u64 = 99_999_999;
const MAX_DELAY_SECONDS: u64 = 31_622_400;

pub(crate) fn check(
    found: &mut Findings<'_>,
    machine: &Definition<'_>,
    id: StateId,
    node: &StateNode<'_>,
) {
    let retry = node.state.retriers();
    for (i, r) in retry.iter().enumerate() {
        let at = |field: &str| machine.state_path(id).key("Retry").index(i).key(field);
        if let Some(v) = r
            .interval_seconds
            .filter(|v| !(1..=MAX_SECONDS).contains(v))
        {
            found.error(
                at("IntervalSeconds"),
                Code::ValueOutOfRange,
                format!("`IntervalSeconds` is {v}; it must be 1 to {MAX_SECONDS}"),
            );
        }
        if let Some(v) = r.max_attempts.filter(|v| *v > MAX_SECONDS) {
            found.error(
                at("MaxAttempts"),
                Code::ValueOutOfRange,
                format!("`MaxAttempts` is {v}; it must be 0 to {MAX_SECONDS}"),
            );
        }
        if let Some(rate) = &r.backoff_rate {
            let v = rate.as_f64();
            if !(v >= 1.0 && v.is_finite()) {
                found.error(
                    at("BackoffRate"),
                    Code::ValueOutOfRange,
                    format!("`BackoffRate` is {rate}; it must be at least 1.0"),
                );
            }
        }
        if let Some(v) = r
            .max_delay_seconds
            .filter(|v| !(1..=MAX_DELAY_SECONDS).contains(v))
        {
            found.error(
                at("MaxDelaySeconds"),
                Code::ValueOutOfRange,
                format!("`MaxDelaySeconds` is {v}; it must be 1 to {MAX_DELAY_SECONDS}"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::{one_state, paths};
    use crate::Code;

    fn retrier(fields: &str) -> String {
        one_state(&format!(
            r#"{{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
                "Retry": [{{"ErrorEquals": ["X"], {fields}}}]}}"#
        ))
    }

    #[test]
    fn flags_each_number_out_of_range() {
        let text = retrier(
            r#""IntervalSeconds": 0, "MaxAttempts": 100000000, "BackoffRate": 0.5,
               "MaxDelaySeconds": 31622401"#,
        );
        assert_eq!(
            paths(&text, Code::ValueOutOfRange),
            [
                "States.S.Retry[0].IntervalSeconds",
                "States.S.Retry[0].MaxAttempts",
                "States.S.Retry[0].BackoffRate",
                "States.S.Retry[0].MaxDelaySeconds"
            ]
        );
    }

    #[test]
    fn accepts_the_bounds() {
        let text = retrier(
            r#""IntervalSeconds": 99999999, "MaxAttempts": 0, "BackoffRate": 1,
               "MaxDelaySeconds": 31622400"#,
        );
        assert!(paths(&text, Code::ValueOutOfRange).is_empty());
    }
}
