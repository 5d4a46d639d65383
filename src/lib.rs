//! # stepfn
//!
//! Define, check and test AWS Step Functions workflows in Rust.
//!
//! The hub is [`model`]: plain data that *is* Amazon States Language JSON.
//! [`builder`] writes it from typed Rust, with the checks below built in;
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

pub mod builder;
mod code;
pub mod emit;
pub mod iam;
pub mod model;
pub mod read;
#[cfg(feature = "schema")]
mod schema;
pub mod syntax;
pub mod tasks;
pub mod validate;
mod write;

pub use code::Code;
#[cfg(feature = "schema")]
pub use schema::json_schema;

/// The names most programs need: the builder's states and helpers, reading
/// and validating. `StateMachine` here is the builder; the ASL document type
/// is [`model::StateMachine`].
///
/// ```
/// use stepfn::prelude::*;
/// let json = StateMachine::new(Pass::new("Hello").next(Succeed::new("Done"))).to_json()?;
/// assert_eq!(json, r#"{"StartAt":"Hello","States":{"Hello":{"Type":"Pass","Next":"Done"},"Done":{"Type":"Succeed"}}}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub mod prelude {
    pub use crate::builder::{
        errors, Catch, Chain, Choice, ClosedChain, Condition, Context, CustomState, Discard,
        DistributedMap, Fail, Goto, IntoChain, Intrinsic, JsonPath, Jsonata, Map, Parallel, Pass,
        Payload, QueryLanguage, Retry, StateMachine, Succeed, Task, Wait, When,
    };
    pub use crate::model::Json;
    pub use crate::read::{read_str, ReadError, ReadErrors};
    pub use crate::validate::{Report, ValidationError, ValidationErrors, Validator};
    pub use crate::Code;
}

/// The README's examples, compiled and run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
