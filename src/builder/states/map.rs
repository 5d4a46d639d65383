//! `Map` in `INLINE` mode: runs its item processor for each item of an array.

use crate::model::{self, ProcessorMode};

use crate::builder::fields::state_fields;
use crate::builder::graph::{Pending, Piece};
use crate::builder::IntoChain;

use super::map_shared::{map_fields, new_map};

/// A `Map` state in `INLINE` mode: runs its item processor, a chain, for each
/// item of an array, and outputs the array of results.
///
/// ```
/// use stepfn::builder::{Map, Pass};
/// let state = Map::new("Each order", Pass::new("Handle")).items_path("$.orders");
/// assert_eq!(state.to_json(), r#"{"Type":"Map","ItemsPath":"$.orders","ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Handle","States":{"Handle":{"Type":"Pass","End":true}}},"End":true}"#);
/// ```
///
/// Distributed-only fields belong to [`DistributedMap`](crate::builder::DistributedMap):
///
/// ```compile_fail
/// use stepfn::builder::{Map, Pass};
/// let state = Map::new("M", Pass::new("P")).tolerated_failure_count(3);
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct Map {
    pub(crate) name: String,
    pub(crate) inner: model::Map,
    pub(crate) problems: Vec<Pending>,
    pub(crate) brings: Vec<Piece>,
}

impl Map {
    /// A Map state named `name` running `item_processor` for each item; its
    /// states are in a scope of their own.
    ///
    /// ```
    /// use stepfn::builder::{Map, Pass};
    /// let state = Map::new("M", Pass::new("A").next(Pass::new("B")));
    /// assert_eq!(state.to_json(), r#"{"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","End":true}}},"End":true}"#);
    /// ```
    pub fn new<C: IntoChain>(name: impl Into<String>, item_processor: C) -> Map {
        let name = name.into();
        let (inner, problems) = new_map(&name, item_processor, ProcessorMode::Inline, None);
        Map {
            name,
            inner,
            problems,
            brings: Vec::new(),
        }
    }
}

state_builder!(Map, open);
retry_and_catch!(Map, "Map::new(\"S\", Pass::new(\"P\"))");
map_fields!(Map, "Map::new(\"S\", Pass::new(\"P\"))");
state_fields!(Map, "Map::new(\"S\", Pass::new(\"P\"))"; comment, query_language, input_path,
    result_selector, result_path, output_path, output, assign);
