#![doc = include_str!("../README.md")]

pub mod builder;
mod code;
pub mod diagram;
pub mod diff;
pub mod emit;
mod error;
mod fast_hash;
pub mod iam;
pub mod import;
pub mod model;
pub mod problem;
pub mod read;
#[cfg(feature = "schema")]
mod schema;
pub mod source;
pub mod syntax;
pub mod tasks;
pub mod validate;
mod write;

pub use code::Code;
pub use error::Error;
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
        errors, Built, Catch, Chain, Choice, ClosedChain, Condition, Context, CustomState, Discard,
        DistributedMap, Fail, Goto, IntoChain, Intrinsic, ItemBatcher, ItemReader, JsonPath,
        Jsonata, Map, Parallel, Pass, Payload, PayloadItem, QueryLanguage, ResultWriter, Retry,
        StateMachine, Succeed, Task, Wait, When,
    };
    pub use crate::model::Json;
    pub use crate::problem::{Problem, Problems};
    pub use crate::read::read_str;
    pub use crate::validate::{Report, Validator};
    pub use crate::Code;
}
