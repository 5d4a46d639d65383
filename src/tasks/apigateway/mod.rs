//! Amazon API Gateway: [`CallApiGatewayRestApiEndpoint`] and
//! [`CallApiGatewayHttpApiEndpoint`].

mod http_api;
mod rest_api;
mod shared;

pub use http_api::{
    ApiGatewayHttpApi, CallApiGatewayHttpApiEndpoint, CallApiGatewayHttpApiEndpointProps,
};
pub use rest_api::{
    ApiGatewayRestApi, CallApiGatewayRestApiEndpoint, CallApiGatewayRestApiEndpointProps,
};
pub use shared::{AuthType, HttpMethod};
