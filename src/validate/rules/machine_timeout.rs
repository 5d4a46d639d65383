//! The machine's `TimeoutSeconds` is 1 to 99,999,998: the ASL specification's "less than 99,999,999".

use crate::problem::Path;
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::Code;

const LIMIT: u64 = 99_999_999;

pub(crate) fn check(found: &mut Findings<'_>, machine: &Definition<'_>) {
    if let Some(v) = machine.model().timeout_seconds {
        if v == 0 || v >= LIMIT {
            found.error(
                Path::root().key("TimeoutSeconds"),
                Code::ValueOutOfRange,
                format!("`TimeoutSeconds` is {v}; it must be 1 to {}", LIMIT - 1),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::paths;
    use crate::Code;

    #[test]
    fn flags_zero_and_the_upper_bound() {
        for (v, bad) in [
            (0, true),
            (1, false),
            (99_999_998, false),
            (99_999_999, true),
        ] {
            let text = format!(
                r#"{{"StartAt": "S", "TimeoutSeconds": {v}, "States": {{"S": {{"Type": "Succeed"}}}}}}"#
            );
            let expected: &[&str] = if bad { &["TimeoutSeconds"] } else { &[] };
            assert_eq!(paths(&text, Code::ValueOutOfRange), expected, "{v}");
        }
    }
}
