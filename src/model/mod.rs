//! The ASL document model: plain data that is ASL JSON.
//!
//! Every type serializes (with serde) to exactly the JSON AWS reads, fields in
//! the canonical order. Reading goes through [`crate::read`], which reports every
//! problem of a document at once; the `Deserialize` impl of [`StateMachine`] uses
//! the same reader.
//!
//! Shapes ASL forbids are unrepresentable where that stays practical: a state has
//! [`Transition::Next`] or [`Transition::End`], a Wait one [`WaitFor`], a Choice
//! rule one [`ChoiceCondition`], and each `X`/`XPath` pair is one enum.

mod catch;
mod choice;
mod comparison;
mod fail;
pub mod fields;
pub mod graph;
mod json;
mod json_object;
mod machine;
mod map;
mod map_distributed;
mod name_hasher;
mod number;
mod or_jsonata;
mod parallel;
mod pass;
mod query_language;
mod resource;
mod retry;
mod state;
mod succeed;
mod task;
mod transition;
pub(crate) mod value_enum;
mod value_or_path;
mod wait;

pub use catch::Catcher;
pub use choice::{Choice, ChoiceCondition, ChoiceRule, DataTest, NestedRule};
pub use comparison::Comparison;
pub(crate) use comparison::{Operand, OperandKind};
pub use fail::Fail;
pub use json::Json;
pub use json_object::JsonObject;
pub use machine::{StateMachine, States};
pub use map::{
    ExecutionType, ItemProcessor, Map, MapItemSelector, MapItems, MapProcessor, ProcessorConfig,
    ProcessorMode,
};
pub use map_distributed::{
    CsvDelimiter, CsvHeaderLocation, InputType, ItemBatcher, ItemReader, ManifestType, OutputType,
    ReaderConfig, ReaderTransformation, ResultWriter, WriterConfig, WriterTransformation,
};
pub use name_hasher::{NameHash, NameHasher};
pub use number::Number;
pub use or_jsonata::OrJsonata;
pub use parallel::{Branch, Parallel};
pub use pass::Pass;
pub use query_language::QueryLanguage;
pub use resource::Resource;
pub use retry::{JitterStrategy, Retrier};
pub use state::State;
pub use succeed::Succeed;
pub use task::Task;
pub use transition::Transition;
pub use value_or_path::{
    FailCause, FailError, HeartbeatSeconds, MaxConcurrency, MaxInputBytesPerBatch, MaxItems,
    MaxItemsPerBatch, TimeoutSeconds, ToleratedFailureCount, ToleratedFailurePercentage,
};
pub use wait::{Wait, WaitFor};
