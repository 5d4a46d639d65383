//! The names of AWS SDK integrations: service names, action names,
//! parameter names, and the IAM prefix of each service.

/// The IAM action prefix of an SDK service, where it differs from the
/// service name, as the CDK maps them (`sfn` → `states`, ...).
///
/// ```
/// use stepfn::tasks::iam_prefix;
/// assert_eq!(iam_prefix("sfn"), "states");
/// assert_eq!(iam_prefix("cloudwatchlogs"), "logs");
/// assert_eq!(iam_prefix("s3"), "s3");
/// ```
#[must_use]
pub fn iam_prefix(service: &str) -> &str {
    match service {
        "bedrockagent" => "bedrock",
        "cloudwatchlogs" => "logs",
        "efs" => "elasticfilesystem",
        "elasticloadbalancingv2" => "elasticloadbalancing",
        "mediapackagevod" => "mediapackage-vod",
        "mwaa" => "airflow",
        "sfn" => "states",
        other => other,
    }
}

/// Whether AWS's API models know `service`: `None` without the
/// `aws-sdk-models` feature.
pub(crate) fn known_service(service: &str) -> Option<bool> {
    #[cfg(feature = "aws-sdk-models")]
    return Some(super::models::has_service(service));
    #[cfg(not(feature = "aws-sdk-models"))]
    {
        let _ = service;
        None
    }
}

/// Why an action name is not one: it must be camelCase, as in
/// `getObject`. `None` when it is fine.
pub(crate) fn action_problem(action: &str) -> Option<String> {
    match action.chars().next() {
        None => Some("the action name is empty".to_owned()),
        Some(c) if !c.is_ascii_lowercase() => Some(format!(
            "the action must be camelCase, as the SDK names it: `{}`, not `{action}`",
            camel_case(action)
        )),
        Some(_) if !action.chars().all(|c| c.is_ascii_alphanumeric()) => Some(format!(
            "`{action}` is not an action name: letters and digits only"
        )),
        _ => None,
    }
}

/// Why a top-level parameter key is not one: it must be PascalCase, as in
/// `Bucket`. `None` when it is fine.
pub(crate) fn parameter_problem(key: &str) -> Option<String> {
    let base = key.strip_suffix(".$").unwrap_or(key);
    match base.chars().next() {
        Some(c) if c.is_ascii_lowercase() => Some(format!(
            "parameter names are PascalCase, as the SDK names them: `{}`, not `{base}`",
            pascal_case(base)
        )),
        None => Some("a parameter name is empty".to_owned()),
        _ => None,
    }
}

/// Why a service name is not one: lowercase letters, digits and `-`.
pub(crate) fn service_problem(service: &str) -> Option<String> {
    if service.is_empty() {
        return Some("the service name is empty".to_owned());
    }
    if !service
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        return Some(format!(
            "`{service}` is not an SDK service name: letters, digits and `-` only, as in `s3` or `sfn`"
        ));
    }
    None
}

fn camel_case(name: &str) -> String {
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| c.to_ascii_lowercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

fn pascal_case(name: &str) -> String {
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// Unit tests.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_sdk_case() {
        assert_eq!(action_problem("getObject"), None);
        assert!(
            action_problem("GetObject").is_some_and(|m| m.contains("`getObject`, not `GetObject`"))
        );
        assert!(action_problem("get-object").is_some());
        assert!(action_problem("").is_some());
        assert_eq!(parameter_problem("Bucket"), None);
        assert_eq!(parameter_problem("Key.$"), None);
        assert!(parameter_problem("bucket.$").is_some_and(|m| m.contains("`Bucket`, not `bucket`")));
        assert_eq!(service_problem("s3"), None);
        assert_eq!(service_problem("emr-containers"), None);
        assert!(service_problem("s3:x").is_some());
    }
}
