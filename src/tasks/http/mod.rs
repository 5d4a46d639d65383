//! HTTPS APIs through an EventBridge connection: [`HttpInvoke`].

mod invoke;

pub use invoke::{EventBridgeConnection, HttpInvoke, HttpInvokeProps, UrlEncodingFormat};
