//! HTTP: one connection task per client; each POST's `X-Amz-Target`
//! names the operation, the body is its JSON input; answers are JSON with
//! `Content-Type: application/x-amz-json-1.0`, errors HTTP 400 in AWS's
//! shape.
//!
//! A client that goes away during a long poll drops its request: nothing
//! was taken from the queue yet, so the task goes to the next poller.

use std::convert::Infallible;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;

use crate::error::ApiError;
use crate::{ops, Shared};

/// The largest request body taken: a 256 KiB payload JSON-escaped, with
/// room for the rest of the request.
const MAX_BODY: usize = 2 * 1024 * 1024;

const CONTENT_TYPE: &str = "application/x-amz-json-1.0";

/// Accepts connections until accepting fails.
pub(crate) async fn accept(listener: TcpListener, shared: Arc<Shared>) -> std::io::Result<()> {
    loop {
        let (stream, _) = match listener.accept().await {
            Ok(accepted) => accepted,
            // a connection that failed before it was accepted is the client's problem
            Err(e) if is_per_connection(&e) => continue,
            Err(e) => return Err(e),
        };
        let _ = stream.set_nodelay(true);
        let shared = Arc::clone(&shared);
        tokio::spawn(async move {
            let service = service_fn(move |request| answer(Arc::clone(&shared), request));
            // a connection that breaks only ends itself
            let _ = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

fn is_per_connection(error: &std::io::Error) -> bool {
    use std::io::ErrorKind;
    matches!(
        error.kind(),
        ErrorKind::ConnectionAborted | ErrorKind::ConnectionReset | ErrorKind::Interrupted
    )
}

async fn answer(
    shared: Arc<Shared>,
    request: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let target = request
        .headers()
        .get("x-amz-target")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let result = match target
        .as_deref()
        .and_then(|t| t.strip_prefix("AWSStepFunctions."))
    {
        None => Err(ApiError::new(
            "UnknownOperationException",
            "the request has no X-Amz-Target header of the form AWSStepFunctions.<Operation>",
        )),
        Some(operation) => match Limited::new(request.into_body(), MAX_BODY).collect().await {
            Ok(body) => ops::call(&shared, operation, &body.to_bytes()).await,
            Err(_) => Err(ApiError::validation(format!(
                "the request body is larger than {MAX_BODY} bytes"
            ))),
        },
    };
    Ok(match result {
        Ok(body) => respond(StatusCode::OK, body.to_string(), None),
        Err(error) => respond(StatusCode::BAD_REQUEST, error.body(), Some(error.name())),
    })
}

fn respond(status: StatusCode, body: String, error: Option<&str>) -> Response<Full<Bytes>> {
    static REQUESTS: AtomicU64 = AtomicU64::new(0);
    let id = REQUESTS.fetch_add(1, Ordering::Relaxed);
    let mut response = Response::new(Full::new(Bytes::from(body)));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(
        hyper::header::CONTENT_TYPE,
        hyper::header::HeaderValue::from_static(CONTENT_TYPE),
    );
    if let Ok(value) =
        hyper::header::HeaderValue::from_str(&format!("00000000-0000-4000-8000-{id:012x}"))
    {
        headers.insert("x-amzn-requestid", value);
    }
    if let Some(name) = error.and_then(|n| hyper::header::HeaderValue::from_str(n).ok()) {
        headers.insert("x-amzn-errortype", name);
    }
    response
}
