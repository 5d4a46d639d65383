//! # stepfn
//!
//! Define, check and test AWS Step Functions workflows in Rust.
//!
//! The hub is [`model`]: plain data that *is* Amazon States Language JSON.
//! [`read`] turns JSON text into it, reporting every problem at once with its
//! location; [`validate`] gives AWS's verdict on it, every problem at once;
//! [`StateMachine::to_json_pretty`](model::StateMachine::to_json_pretty)
//! writes it back in one canonical order; [`json_schema`] describes it.
//!
//! ```
//! let text = r#"{"StartAt": "Hello", "States": {"Hello": {"Type": "Pass", "End": true}}}"#;
//! let machine = stepfn::read::read_str(text)?;
//! assert_eq!(machine.start_at, "Hello");
//! println!("{}", machine.to_json_pretty()?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod code;
pub mod model;
pub mod read;
mod schema;
pub mod validate;
mod write;

pub use code::Code;
pub use schema::json_schema;

/// The names most programs need.
pub mod prelude {
    pub use crate::model::{Json, State, StateMachine};
    pub use crate::read::{read_str, ReadError, ReadErrors};
    pub use crate::validate::{Report, ValidationError, ValidationErrors, Validator};
    pub use crate::Code;
}

/// The README's examples, compiled and run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
