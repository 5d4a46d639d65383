//! ARNs in AWS's forms: `arn:aws:states:<region>:<account>:<kind>:<name>[:<execution>]`.

use crate::error::ApiError;

/// The kinds of resource this endpoint names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    StateMachine,
    Execution,
    Express,
    Activity,
}

impl Kind {
    fn word(self) -> &'static str {
        match self {
            Kind::StateMachine => "stateMachine",
            Kind::Execution => "execution",
            Kind::Express => "express",
            Kind::Activity => "activity",
        }
    }
}

/// Where ARNs are minted: the region and account they name.
#[derive(Debug, Clone)]
pub(crate) struct Arns {
    pub(crate) region: String,
    pub(crate) account: String,
}

impl Arns {
    fn prefix(&self, kind: Kind) -> String {
        format!(
            "arn:aws:states:{}:{}:{}:",
            self.region,
            self.account,
            kind.word()
        )
    }

    pub(crate) fn state_machine(&self, name: &str) -> String {
        format!("{}{name}", self.prefix(Kind::StateMachine))
    }

    pub(crate) fn activity(&self, name: &str) -> String {
        format!("{}{name}", self.prefix(Kind::Activity))
    }

    pub(crate) fn execution(&self, express: bool, machine: &str, name: &str) -> String {
        let kind = if express {
            Kind::Express
        } else {
            Kind::Execution
        };
        format!("{}{machine}:{name}", self.prefix(kind))
    }

    /// Checks that `arn` is of `kind` (any region or account: the lookup
    /// that follows decides whether it exists).
    pub(crate) fn check(&self, arn: &str, kinds: &[Kind]) -> Result<(), ApiError> {
        let mut parts = arn.splitn(7, ':');
        let well_formed = parts.next() == Some("arn")
            && parts.next().is_some_and(|p| p.starts_with("aws"))
            && parts.next() == Some("states");
        let kind = parts.nth(2);
        if well_formed
            && kinds.iter().any(|k| Some(k.word()) == kind)
            && parts.next().is_some_and(|n| !n.is_empty())
        {
            Ok(())
        } else {
            Err(ApiError::invalid_arn(arn))
        }
    }
}

/// AWS's rule for the names of state machines, executions and
/// activities: 1 to 80 characters, no whitespace, brackets, wildcards,
/// control characters or any of `"#%\^|~`$&,;:/`.
pub(crate) fn check_name(name: &str, what: &str) -> Result<(), ApiError> {
    let bad = name
        .chars()
        .find(|c| c.is_whitespace() || c.is_control() || "<>{}[]?*\"#%\\^|~`$&,;:/".contains(*c));
    let length = name.chars().count();
    if length == 0 || length > 80 {
        return Err(ApiError::new(
            "InvalidName",
            format!("Invalid Name: '{name}' (a {what} name has 1 to 80 characters)"),
        ));
    }
    if let Some(c) = bad {
        return Err(ApiError::new(
            "InvalidName",
            format!("Invalid Name: '{name}' (a {what} name may not contain {c:?}: use letters, digits, '-' or '_')"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arns() -> Arns {
        Arns {
            region: "us-east-1".into(),
            account: "123456789012".into(),
        }
    }

    #[test]
    fn arns_take_aws_forms() {
        assert_eq!(
            arns().state_machine("M"),
            "arn:aws:states:us-east-1:123456789012:stateMachine:M"
        );
        assert_eq!(
            arns().execution(false, "M", "e"),
            "arn:aws:states:us-east-1:123456789012:execution:M:e"
        );
        assert_eq!(
            arns().execution(true, "M", "e"),
            "arn:aws:states:us-east-1:123456789012:express:M:e"
        );
        assert_eq!(
            arns().activity("a"),
            "arn:aws:states:us-east-1:123456789012:activity:a"
        );
    }

    #[test]
    fn a_wrong_kind_of_arn_is_invalid() {
        let a = arns();
        assert!(a
            .check(&a.state_machine("M"), &[Kind::StateMachine])
            .is_ok());
        let err = a
            .check(&a.activity("M"), &[Kind::StateMachine])
            .unwrap_err();
        assert_eq!(err.name(), "InvalidArn");
        assert!(a.check("nope", &[Kind::Activity]).is_err());
        assert!(a
            .check("arn:aws:states:us-east-1:1:activity:", &[Kind::Activity])
            .is_err());
    }

    #[test]
    fn names_follow_aws_rules() {
        assert!(check_name("order-1_a", "state machine").is_ok());
        for bad in ["", "a b", "a:b", "a#b", &"x".repeat(81)] {
            assert_eq!(
                check_name(bad, "execution").unwrap_err().name(),
                "InvalidName",
                "{bad}"
            );
        }
    }
}
