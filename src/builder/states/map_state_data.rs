//! `Map::over_state_data`: a Map that fans out over the pointer a task's
//! `put_items` returns (stepfn-runtime's `StateData`, or py2sfn-task-tools):
//! `{"table_name", "partition_key", "key", "items": [1, 1, ...]}`, one
//! iteration per `1`, each handed the pointer's fields and its index.

use crate::builder::{Context, IntoChain, JsonPath, Jsonata, Payload};

use super::Map;

/// Where a Map finds a `put_items` pointer: a JSONPath into the Map's
/// input ([`StateDataItems::at`]) or a JSONata expression
/// ([`StateDataItems::jsonata`]); [`StateDataItems::global`] for a pointer
/// from `put_global_items`, which has no `key`.
///
/// ```
/// use stepfn::builder::{Jsonata, StateDataItems};
/// let local = StateDataItems::at("$.orders");
/// let global = StateDataItems::jsonata(Jsonata::new("$orders")).global();
/// # let _ = (local, global);
/// ```
///
/// A JSONata pointer is a [`Jsonata`], not a bare string:
///
/// ```compile_fail
/// use stepfn::builder::StateDataItems;
/// let items = StateDataItems::jsonata("$states.input.orders");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub struct StateDataItems {
    pointer: Pointer,
    global: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Pointer {
    Path(String),
    Jsonata(String),
}

impl StateDataItems {
    /// The pointer at `path` in the Map's input (JSONPath), such as
    /// `$.orders` where the task's result went with `ResultPath`.
    ///
    /// ```
    /// use stepfn::builder::{Map, Pass, StateDataItems};
    /// let state = Map::over_state_data("Each order", StateDataItems::at("$.orders"), Pass::new("Handle"));
    /// assert!(state.to_json().contains(r#""ItemsPath":"$.orders.items""#));
    /// ```
    pub fn at(path: impl Into<String>) -> StateDataItems {
        StateDataItems {
            pointer: Pointer::Path(path.into()),
            global: false,
        }
    }

    /// The pointer a JSONata expression gives, such as
    /// `$states.input.orders` or a variable `$orders` (JSONata states).
    ///
    /// ```
    /// use stepfn::builder::{Jsonata, Map, Pass, StateDataItems};
    /// let state = Map::over_state_data("Each order", StateDataItems::jsonata(Jsonata::new("$orders")), Pass::new("Handle"));
    /// assert!(state.to_json().contains(r#""Items":"{% ($orders).items %}""#));
    /// ```
    pub fn jsonata(pointer: Jsonata) -> StateDataItems {
        StateDataItems {
            pointer: Pointer::Jsonata(pointer.expression().to_owned()),
            global: false,
        }
    }

    /// A pointer from `put_global_items`: it has no `key`, so none is
    /// passed to the iterations (a path to a missing `key` would fail the
    /// Map at run time).
    ///
    /// ```
    /// use stepfn::builder::{Map, Pass, StateDataItems};
    /// let state = Map::over_state_data("Each", StateDataItems::at("$.shared").global(), Pass::new("Handle"));
    /// assert!(!state.to_json().contains("items_result_key"));
    /// ```
    pub fn global(mut self) -> StateDataItems {
        self.global = true;
        self
    }
}

impl Map {
    /// A Map running `item_processor` once per item of a `put_items`
    /// pointer, in one call: its `ItemsPath` (or JSONata `Items`) is the
    /// pointer's `items`, and its `ItemSelector` hands each iteration what
    /// reads its item back (stepfn-runtime's `StateData::get_map_item`,
    /// py2sfn-task-tools' `get_item_for_map_iteration`):
    /// `items_result_table_name`, `items_result_partition_key`,
    /// `items_result_key` (local pointers only) and `context_index`, the
    /// item's index.
    ///
    /// ```
    /// use stepfn::builder::*;
    /// let map = Map::over_state_data(
    ///     "Each order",
    ///     StateDataItems::at("$.orders"),
    ///     Task::new("Ship", "arn:aws:states:us-east-1:123456789012:activity:ship").pass_execution_id()
    ///         .parameters(Payload::new().field("iteration", JsonPath::input())),
    /// );
    /// assert_eq!(map.to_json(), concat!(
    ///     r#"{"Type":"Map","ItemsPath":"$.orders.items","#,
    ///     r#""ItemSelector":{"items_result_table_name.$":"$.orders.table_name","#,
    ///     r#""items_result_partition_key.$":"$.orders.partition_key","#,
    ///     r#""items_result_key.$":"$.orders.key","context_index.$":"$$.Map.Item.Index"},"#,
    ///     r#""ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Ship","States":{"Ship":{"#,
    ///     r#""Type":"Task","Resource":"arn:aws:states:us-east-1:123456789012:activity:ship","#,
    ///     r#""Parameters":{"iteration.$":"$","execution_id.$":"$$.Execution.Id"},"End":true}}},"End":true}"#,
    /// ));
    /// let built = StateMachine::new(map).build()?;
    /// # Ok::<(), stepfn::Error>(())
    /// ```
    ///
    /// In JSONata (the Map or the machine in `QueryLanguage` JSONata):
    ///
    /// ```
    /// use stepfn::builder::*;
    /// let map = Map::over_state_data("Each order", StateDataItems::jsonata(Jsonata::new("$states.input.orders")), Pass::new("Handle"))
    ///     .query_language(QueryLanguage::Jsonata);
    /// assert!(map.to_json().contains(concat!(
    ///     r#""Items":"{% ($states.input.orders).items %}","#,
    ///     r#""ItemSelector":{"items_result_table_name":"{% ($states.input.orders).table_name %}","#,
    ///     r#""items_result_partition_key":"{% ($states.input.orders).partition_key %}","#,
    ///     r#""items_result_key":"{% ($states.input.orders).key %}","#,
    ///     r#""context_index":"{% $states.context.Map.Item.Index %}"}"#,
    /// )), "{}", map.to_json());
    /// let built = StateMachine::new(map).build()?;
    /// # Ok::<(), stepfn::Error>(())
    /// ```
    ///
    /// The pointer is a [`StateDataItems`], not a bare path:
    ///
    /// ```compile_fail
    /// use stepfn::builder::{Map, Pass};
    /// let map = Map::over_state_data("Each", "$.orders", Pass::new("Handle"));
    /// ```
    pub fn over_state_data<C: IntoChain>(
        name: impl Into<String>,
        items: StateDataItems,
        item_processor: C,
    ) -> Map {
        let map = Map::new(name, item_processor);
        let fields = [
            ("items_result_table_name", "table_name"),
            ("items_result_partition_key", "partition_key"),
            ("items_result_key", "key"),
        ];
        let fields = fields
            .into_iter()
            .filter(|(_, field)| !(items.global && *field == "key"));
        let mut selector = Payload::new();
        match items.pointer {
            Pointer::Path(path) => {
                for (name, field) in fields {
                    selector = selector.field(name, JsonPath::new(format!("{path}.{field}")));
                }
                selector = selector.field("context_index", Context::map_item_index());
                map.items_path(format!("{path}.items"))
                    .item_selector(selector)
            }
            Pointer::Jsonata(expression) => {
                for (name, field) in fields {
                    selector =
                        selector.field(name, Jsonata::new(format!("({expression}).{field}")));
                }
                selector = selector.field(
                    "context_index",
                    Jsonata::new("$states.context.Map.Item.Index"),
                );
                map.items(Jsonata::new(format!("({expression}).items")))
                    .item_selector(selector)
            }
        }
    }
}
