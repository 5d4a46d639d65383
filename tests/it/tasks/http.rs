//! `HttpInvoke` against the CDK.

use stepfn::builder::*;
use stepfn::tasks::*;

use super::Case;

pub(super) const CASES: &[Case] = &[
    ("http-invoke", invoke),
    ("http-invoke-options", options),
    ("http-invoke-jsonata", jsonata),
];

const ROOT: &str = "https://api.example.com";

fn connection() -> EventBridgeConnection {
    EventBridgeConnection::from_arn("arn:aws:events:us-east-1:123456789012:connection/api/5f2c")
}

fn invoke() -> StateMachine {
    StateMachine::new(HttpInvoke::new(
        "Call",
        ROOT,
        "orders",
        HttpMethod::Get,
        connection(),
    ))
}

fn options() -> StateMachine {
    let secret =
        "arn:aws:secretsmanager:us-east-1:123456789012:secret:events!connection/api/5f2c-AbCdEf";
    let call = HttpInvoke::new(
        "Call",
        ROOT,
        JsonPath::new("$.path"),
        HttpMethod::Post,
        connection().secret_arn(secret),
    )
    .body(Payload::new().field("ids", JsonPath::new("$.ids")))
    .headers(Payload::new().field("X-Trace", JsonPath::new("$.trace")))
    .query_string_parameters(serde_json::json!({"page": "1"}))
    .url_encoding_format(UrlEncodingFormat::Brackets);
    let default = HttpInvoke::new(
        "Default encoding",
        ROOT,
        "form",
        HttpMethod::Put,
        connection(),
    )
    .url_encoding_format(UrlEncodingFormat::Default);
    let none = HttpInvoke::new(
        "Not encoded",
        ROOT,
        "json",
        HttpMethod::Delete,
        connection(),
    )
    .url_encoding_format(UrlEncodingFormat::None);
    let commas = HttpInvoke::new("Commas", ROOT, "c", HttpMethod::Patch, connection())
        .url_encoding_format(UrlEncodingFormat::Commas);
    StateMachine::new(call.next(default).next(none).next(commas))
}

fn jsonata() -> StateMachine {
    let jsonata = QueryLanguage::Jsonata;
    let call = HttpInvoke::new(
        "Call",
        ROOT,
        Jsonata::new("$states.input.path"),
        HttpMethod::Get,
        connection(),
    )
    .query_language(jsonata)
    .url_encoding_format(UrlEncodingFormat::Repeat);
    let root = HttpInvoke::new(
        "Root from input",
        "{% $states.input.root %}",
        "status",
        HttpMethod::Get,
        connection(),
    )
    .query_language(jsonata)
    .url_encoding_format(UrlEncodingFormat::Indices);
    StateMachine::new(call.next(root))
}

#[test]
fn http_invoke_matches_the_cdk() {
    super::check(CASES);
}
