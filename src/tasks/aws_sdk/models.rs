//! The SDK's services, actions and top-level parameters, reduced from
//! AWS's API models (`sdk-models.txt`, made by
//! `scripts/aws-sdk-models/reduce.py`), and the names an SDK integration
//! gets wrong.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::problem::suggest::closest;

/// The table: service, then action, then its parameter names.
type Models = HashMap<&'static str, HashMap<&'static str, Vec<&'static str>>>;

/// The table text.
const TABLE: &str = include_str!("sdk-models.txt");

/// The table, read once.
fn models() -> &'static Models {
    static MODELS: OnceLock<Models> = OnceLock::new();
    MODELS.get_or_init(|| {
        let mut models = Models::new();
        let mut current: Option<&'static str> = None;
        for line in TABLE.lines() {
            if let Some(service) = line.strip_prefix('@') {
                current = Some(service);
                models.entry(service).or_default();
                continue;
            }
            let mut words = line.split(' ');
            let (Some(service), Some(action)) = (current, words.next()) else {
                continue;
            };
            if let Some(actions) = models.get_mut(service) {
                actions.insert(action, words.collect());
            }
        }
        models
    })
}

/// Whether the models know `service`.
pub(crate) fn has_service(service: &str) -> bool {
    models().contains_key(service)
}

/// A name the SDK does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unknown {
    /// `None` for the service or action, the key for a parameter.
    pub(crate) parameter: Option<String>,
    pub(crate) message: String,
    /// Whether a close name exists (a likely typo).
    pub(crate) suggested: bool,
}

/// The names of `service:action` with top-level `parameters` that the SDK
/// does not have, with the closest real name where one is near.
pub(crate) fn unknown_names<'k>(
    service: &str,
    action: &str,
    parameters: impl Iterator<Item = &'k str>,
) -> Vec<Unknown> {
    let models = models();
    let Some(actions) = models.get(service) else {
        let near = closest(service, models.keys().copied());
        return vec![unknown(
            None,
            format!("the AWS SDK has no service `{service}`"),
            near,
        )];
    };
    let Some(names) = actions.get(action) else {
        let near = closest(action, actions.keys().copied());
        return vec![unknown(
            None,
            format!("`{service}` has no action `{action}`"),
            near,
        )];
    };
    let mut out = Vec::new();
    for key in parameters {
        let base = key.strip_suffix(".$").unwrap_or(key);
        if !names.contains(&base) {
            let near = closest(base, names.iter().copied());
            let message = format!("`{service}:{action}` has no parameter `{base}`");
            out.push(unknown(Some(key.to_owned()), message, near));
        }
    }
    out
}

fn unknown(parameter: Option<String>, message: String, near: Option<&str>) -> Unknown {
    match near {
        Some(near) => Unknown {
            parameter,
            message: format!("{message}: did you mean `{near}`?"),
            suggested: true,
        },
        None => Unknown {
            parameter,
            message,
            suggested: false,
        },
    }
}

/// Unit tests.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_services_actions_and_parameters() {
        assert!(unknown_names("s3", "getObject", ["Bucket", "Key.$"].into_iter()).is_empty());
        assert!(unknown_names("sfn", "startExecution", ["StateMachineArn"].into_iter()).is_empty());
        let service = unknown_names("s4", "getObject", [].into_iter());
        assert_eq!(
            service[0].message,
            "the AWS SDK has no service `s4`: did you mean `s3`?"
        );
        let action = unknown_names("s3", "getObjekt", [].into_iter());
        assert_eq!(
            action[0].message,
            "`s3` has no action `getObjekt`: did you mean `getObject`?"
        );
        let parameter = unknown_names("s3", "getObject", ["Bucket", "Kex"].into_iter());
        assert_eq!(parameter.len(), 1);
        assert_eq!(parameter[0].parameter.as_deref(), Some("Kex"));
        assert!(parameter[0].message.ends_with("did you mean `Key`?"));
        let far = unknown_names("s3", "launchRocket", [].into_iter());
        assert!(!far[0].suggested);
    }
}
