//! The API Gateway integrations against the CDK.

use stepfn::builder::*;
use stepfn::tasks::*;

use super::Case;

pub(super) const CASES: &[Case] = &[
    ("apigateway-rest-api", rest),
    ("apigateway-rest-api-options", rest_options),
    ("apigateway-rest-api-wait-for-task-token", rest_callback),
    ("apigateway-http-api", http),
    ("apigateway-http-api-jsonata", http_jsonata),
    ("apigateway-rest-api-jsonata", rest_jsonata),
];

fn api() -> ApiGatewayRestApi {
    ApiGatewayRestApi::new("a1b2c3", "us-east-1")
}

fn http_api() -> ApiGatewayHttpApi {
    ApiGatewayHttpApi::new("h1", "us-east-1")
}

fn rest() -> StateMachine {
    StateMachine::new(CallApiGatewayRestApiEndpoint::new(
        "Call",
        api(),
        "prod",
        HttpMethod::Get,
    ))
}

fn rest_options() -> StateMachine {
    StateMachine::new(
        CallApiGatewayRestApiEndpoint::new("Call", api(), "prod", HttpMethod::Post)
            .region("eu-west-1")
            .api_path("/orders")
            .headers(serde_json::json!({"Content-Type": ["application/json"]}))
            .query_parameters(serde_json::json!({"dry": ["true"]}))
            .request_body(JsonPath::new("$.order"))
            .auth_type(AuthType::IamRole),
    )
}

fn rest_callback() -> StateMachine {
    StateMachine::new(
        CallApiGatewayRestApiEndpoint::new("Call", api(), "prod", HttpMethod::Put)
            .wait_for_task_token()
            .headers(Payload::new().field("TaskToken", Intrinsic::array([Context::task_token()])))
            .auth_type(AuthType::ResourcePolicy),
    )
}

fn http() -> StateMachine {
    StateMachine::new(
        CallApiGatewayHttpApiEndpoint::new("Call", http_api(), HttpMethod::Delete)
            .stage_name("live")
            .api_path("/items")
            .headers(serde_json::json!({"Accept": ["application/json"]}))
            .query_parameters(JsonPath::new("$.query"))
            .auth_type(AuthType::IamRole),
    )
}

fn http_jsonata() -> StateMachine {
    let jsonata = QueryLanguage::Jsonata;
    StateMachine::new(
        CallApiGatewayHttpApiEndpoint::new("Call", http_api(), HttpMethod::Patch)
            .query_language(jsonata)
            .api_path(Jsonata::new("$states.input.path"))
            .request_body(Jsonata::new("$states.input.body"))
            .next(
                CallApiGatewayHttpApiEndpoint::new("Head", http_api(), HttpMethod::Head)
                    .query_language(jsonata),
            )
            .next(
                CallApiGatewayHttpApiEndpoint::new("Options", http_api(), HttpMethod::Options)
                    .query_language(jsonata)
                    .auth_type(AuthType::NoAuth),
            ),
    )
}

fn rest_jsonata() -> StateMachine {
    StateMachine::new(
        CallApiGatewayRestApiEndpoint::new("Call", api(), "prod", HttpMethod::Post)
            .query_language(QueryLanguage::Jsonata)
            .api_path(Jsonata::new("$states.input.path"))
            .headers(serde_json::json!({"Content-Type": ["application/json"]}))
            .request_body(Jsonata::new("$states.input.order"))
            .auth_type(AuthType::IamRole),
    )
}

#[test]
fn api_gateway_matches_the_cdk() {
    super::check(CASES);
}
