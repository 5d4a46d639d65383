//! HTTP tasks, API Gateway and the SDK integrations.

use crate::iam::{Fact, Statement};

use super::super::params::Value;
use super::Grant;

/// `http:invoke`: the connection's credentials and secret, and calling
/// URLs under the API root.
pub(super) fn http(g: &mut Grant<'_>) {
    let connection = g
        .params
        .object("Authentication")
        .get("ConnectionArn")
        .text()
        .map(str::to_owned);
    let connection_arn = connection
        .clone()
        .unwrap_or_else(|| g.arn("events", "connection/*"));
    g.allow(
        ["events:RetrieveConnectionCredentials"],
        vec![connection_arn],
    );
    let secret = g.facts.iter().find_map(|f| match f {
        Fact::ConnectionSecret(arn) => Some(arn.clone()),
        _ => None,
    });
    let secret = secret.unwrap_or_else(|| {
        // AWS names a connection's secret `events!connection/<name>/<id>`.
        let name = connection
            .as_deref()
            .and_then(|arn| arn.split_once(":connection/"))
            .and_then(|(_, rest)| rest.split('/').next())
            .unwrap_or("*");
        g.arn(
            "secretsmanager",
            &format!("secret:events!connection/{name}/*"),
        )
    });
    g.allow(
        [
            "secretsmanager:GetSecretValue",
            "secretsmanager:DescribeSecret",
        ],
        vec![secret],
    );
    let endpoint = format!("{}*", api_root(g).unwrap_or_default());
    g.push(
        Statement::allow(["states:InvokeHTTPEndpoint"], ["*"]).condition(
            "StringLike",
            "states:HTTPEndpoint",
            endpoint,
        ),
    );
}

/// The URL the endpoint starts with: the first quoted argument of the
/// CDK's `States.Format('{}/{}', 'root', ...)` or `{% 'root' & ... %}`, or
/// a literal URL.
fn api_root(g: &Grant<'_>) -> Option<String> {
    let params = g.params;
    let text = match (params.get("ApiEndpoint"), params_raw(g)) {
        (Value::Text(url), _) => return Some(url.to_owned()),
        (_, Some(raw)) => raw,
        _ => return None,
    };
    let rest = match text.strip_prefix("States.Format('{}/{}', ") {
        Some(rest) => rest,
        None if super::super::params::is_jsonata(&text) => {
            text.trim_start_matches("{%").trim_start()
        }
        None => return None,
    };
    let quoted = rest.strip_prefix('\'')?;
    let mut root = String::new();
    let mut chars = quoted.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => root.extend(chars.next()),
            '\'' => return Some(root),
            c => root.push(c),
        }
    }
    None
}

/// The raw text of `ApiEndpoint.$` or of a `{% %}` `ApiEndpoint`.
fn params_raw(g: &Grant<'_>) -> Option<String> {
    g.params
        .raw("ApiEndpoint.$")
        .or_else(|| g.params.raw("ApiEndpoint"))
        .map(str::to_owned)
}

/// `apigateway:invoke`: `execute-api:Invoke` on the called route, unless
/// the call is not authenticated (`NO_AUTH`).
pub(super) fn api_gateway(g: &mut Grant<'_>) {
    if g.params.get("AuthType").text().unwrap_or("NO_AUTH") == "NO_AUTH" {
        return;
    }
    let endpoint = g.params.get("ApiEndpoint").text().unwrap_or_default();
    let mut host = endpoint.split('.');
    let api = host.next().unwrap_or("*");
    let region = match (host.next(), host.next()) {
        (Some("execute-api"), Some(region)) => region.to_owned(),
        _ => g.env.region.clone(),
    };
    let stage = match g.params.get("Stage") {
        Value::Text(stage) => stage.to_owned(),
        Value::Absent => "$default".to_owned(),
        _ => "*".to_owned(),
    };
    let method = g.params.get("Method").text().unwrap_or("*").to_owned();
    let path = match g.params.get("Path") {
        Value::Text(path) => path.to_owned(),
        _ => "/*".to_owned(),
    };
    let arn = format!(
        "arn:{}:execute-api:{region}:{}:{api}/{stage}/{method}{path}",
        g.env.partition, g.env.account
    );
    g.allow(["execute-api:Invoke"], vec![arn]);
}

/// `aws-sdk:<service>:<action>`: `<prefix>:<action>` on `*` (ASL does not
/// say which resources; a typed `CallAwsService` does), and the SDK calls
/// the CDK has its own classes for.
pub(super) fn aws_sdk(g: &mut Grant<'_>, service_action: &str) {
    let Some((service, action)) = service_action.split_once(':') else {
        return;
    };
    match (service, action) {
        ("glue", "startCrawler") => super::data::glue_crawler(g),
        ("scheduler", "createSchedule") => {
            let group = g
                .params
                .get("GroupName")
                .text()
                .unwrap_or("default")
                .to_owned();
            let schedule = g.arn(
                "scheduler",
                &format!("schedule/{group}/{}", g.name_or_any("Name")),
            );
            g.allow(["scheduler:CreateSchedule"], vec![schedule]);
            let role = g
                .params
                .object("Target")
                .get("RoleArn")
                .text()
                .unwrap_or("*")
                .to_owned();
            g.allow(["iam:PassRole"], vec![role]);
        }
        _ => {
            let prefix = crate::tasks::iam_prefix(service);
            g.push(Statement::allow([format!("{prefix}:{action}")], ["*"]));
        }
    }
}
