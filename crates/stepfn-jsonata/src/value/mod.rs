//! Values during evaluation.
//!
//! Everything an evaluation builds lives in one arena ([`bumpalo::Bump`]),
//! so a [`Value`] is a small `Copy` handle and nothing is freed (or dropped
//! recursively) until the evaluation ends. The input document and the
//! bindings are not copied: [`Value::JArray`] and [`Value::JObject`] point
//! into them.
//!
//! JSONata distinguishes arrays by how they were made: a *sequence* is the
//! result of a path or a function and collapses to its only item when it
//! has one; an array built with `[…]` does not. These distinctions are
//! [`Array::flags`].

mod array;
mod json;
pub(crate) mod number;
mod object;
pub(crate) mod order;
pub(crate) mod text;

use stepfn::model::{Json, JsonObject};

pub(crate) use array::array_of;
pub(crate) use array::{Array, ArrayBuilder};
pub(crate) use json::{from_json, to_json, write_json_text};
pub(crate) use object::{Object, ObjectBuilder};

use crate::eval::call::Function;

/// A value during evaluation; `Undefined` is JSONata's "no value".
#[derive(Clone, Copy, Debug)]
pub(crate) enum Value<'a> {
    /// No value (a missing field, an empty sequence).
    Undefined,
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number (an IEEE double, as in JavaScript).
    Number(f64),
    /// A string.
    String(&'a str),
    /// An array built during evaluation, with its JSONata flags.
    Array(&'a Array<'a>),
    /// An object built during evaluation.
    Object(&'a Object<'a>),
    /// An array of the input document or a binding.
    JArray(&'a [Json]),
    /// An object of the input document or a binding.
    JObject(&'a JsonObject),
    /// A function: a lambda, a built-in, a regex, a transform, ….
    Function(&'a Function<'a>),
    /// One tuple of a tuple stream (the context `@` and variable bindings).
    Tuple(&'a Tuple<'a>),
}

/// Array flags, as jsonata-js keeps them as properties on its arrays.
pub(crate) mod flags {
    /// The result of a path or function: collapses when it has one item.
    pub(crate) const SEQUENCE: u8 = 1;
    /// A sequence that stays an array when it has one item (`[]`).
    pub(crate) const KEEP_SINGLETON: u8 = 2;
    /// Built by an array constructor `[…]`; not flattened by path steps.
    pub(crate) const CONS: u8 = 4;
    /// The input document was an array and was wrapped in a sequence.
    pub(crate) const OUTER_WRAPPER: u8 = 8;
    /// A stream of tuples (paths with `@`, `#` or `%`).
    pub(crate) const TUPLE_STREAM: u8 = 16;
}

/// One tuple of a tuple stream: the context value (`@`) and the bindings made
/// along the path (focus and index variables, parent labels).
#[derive(Debug)]
pub(crate) struct Tuple<'a> {
    /// The context value.
    pub(crate) focus: Value<'a>,
    /// Bindings, later ones overriding earlier ones of the same name.
    pub(crate) vars: &'a [(&'a str, Value<'a>)],
}

impl<'a> Tuple<'a> {
    /// The binding of `name` in this tuple.
    pub(crate) fn get(&self, name: &str) -> Option<Value<'a>> {
        self.vars
            .iter()
            .rev()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| *v)
    }
}

impl<'a> Value<'a> {
    /// The value of an input (or binding) node, without copying it.
    pub(crate) fn of_json(json: &'a Json) -> Value<'a> {
        match json {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(*b),
            Json::Number(n) => Value::Number(n.as_f64()),
            Json::String(s) => Value::String(s),
            Json::Array(items) => Value::JArray(items),
            Json::Object(map) => Value::JObject(map),
        }
    }

    /// Whether this is `Undefined`.
    pub(crate) fn is_undefined(self) -> bool {
        matches!(self, Value::Undefined)
    }

    /// Whether this is an array of any kind (JavaScript `Array.isArray`).
    pub(crate) fn is_array(self) -> bool {
        matches!(self, Value::Array(_) | Value::JArray(_))
    }

    /// Whether this is an object (not an array, function or tuple).
    pub(crate) fn is_object(self) -> bool {
        matches!(self, Value::Object(_) | Value::JObject(_))
    }

    /// Whether this is a function.
    pub(crate) fn is_function(self) -> bool {
        matches!(self, Value::Function(_))
    }

    /// The array flags (0 for arrays of the input and for non-arrays).
    pub(crate) fn flags(self) -> u8 {
        match self {
            Value::Array(a) => a.flags.get(),
            _ => 0,
        }
    }

    /// Whether this is an array with the flag `flag`.
    pub(crate) fn has_flag(self, flag: u8) -> bool {
        self.flags() & flag != 0
    }

    /// Whether this is a sequence (an array with the sequence flag).
    pub(crate) fn is_sequence(self) -> bool {
        self.has_flag(flags::SEQUENCE)
    }

    /// Whether this is a tuple stream.
    pub(crate) fn is_tuple_stream(self) -> bool {
        self.has_flag(flags::TUPLE_STREAM)
    }

    /// Sets `flag` on an array built during evaluation (shared, like the
    /// property jsonata-js sets on its array object); no effect otherwise.
    pub(crate) fn set_flag(self, flag: u8) {
        if let Value::Array(a) = self {
            a.flags.set(a.flags.get() | flag);
        }
    }

    /// The number of items of an array (0 for anything else).
    pub(crate) fn len(self) -> usize {
        match self {
            Value::Array(a) => a.items.len(),
            Value::JArray(items) => items.len(),
            _ => 0,
        }
    }

    /// Item `index` of an array.
    pub(crate) fn get(self, index: usize) -> Option<Value<'a>> {
        match self {
            Value::Array(a) => a.items.get(index).copied(),
            Value::JArray(items) => items.get(index).map(Value::of_json),
            _ => None,
        }
    }

    /// The items of an array (nothing for anything else).
    pub(crate) fn items(self) -> Items<'a> {
        match self {
            Value::Array(a) => Items::Values(a.items.iter()),
            Value::JArray(items) => Items::Json(items.iter()),
            _ => Items::Values([].iter()),
        }
    }

    /// The string, if this is one.
    pub(crate) fn as_str(self) -> Option<&'a str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number, if this is one.
    pub(crate) fn as_number(self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(n),
            _ => None,
        }
    }

    /// The field `key` of an object.
    pub(crate) fn field(self, key: &str) -> Option<Value<'a>> {
        match self {
            Value::Object(o) => o.get(key),
            // a short scan beats hashing the key for the small objects most payloads hold
            Value::JObject(map) if map.len() <= 8 => map
                .iter()
                .find(|(k, _)| k.as_str() == key)
                .map(|(_, v)| Value::of_json(v)),
            Value::JObject(map) => map.get(key).map(Value::of_json),
            _ => None,
        }
    }

    /// The tuple, if this is one.
    pub(crate) fn as_tuple(self) -> Option<&'a Tuple<'a>> {
        match self {
            Value::Tuple(t) => Some(t),
            _ => None,
        }
    }

    /// The type symbol used by function signatures: `s`, `n`, `b`, `l`, `a`,
    /// `o`, `f`, or `m` for a missing value.
    pub(crate) fn signature_symbol(self) -> char {
        match self {
            Value::Undefined => 'm',
            Value::Null => 'l',
            Value::Bool(_) => 'b',
            Value::Number(_) => 'n',
            Value::String(_) => 's',
            Value::Array(_) | Value::JArray(_) => 'a',
            Value::Object(_) | Value::JObject(_) | Value::Tuple(_) => 'o',
            Value::Function(_) => 'f',
        }
    }

    /// The JSONata type name (`$type`).
    pub(crate) fn type_name(self) -> Option<&'static str> {
        Some(match self {
            Value::Undefined => return None,
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) | Value::JArray(_) => "array",
            Value::Function(_) => "function",
            Value::Object(_) | Value::JObject(_) | Value::Tuple(_) => "object",
        })
    }
}

/// Iterator over the items of an array value.
pub(crate) enum Items<'a> {
    /// Items of an array built during evaluation.
    Values(std::slice::Iter<'a, Value<'a>>),
    /// Items of an input array.
    Json(std::slice::Iter<'a, Json>),
}

impl<'a> Iterator for Items<'a> {
    type Item = Value<'a>;

    fn next(&mut self) -> Option<Value<'a>> {
        match self {
            Items::Values(it) => it.next().copied(),
            Items::Json(it) => it.next().map(Value::of_json),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            Items::Values(it) => it.size_hint(),
            Items::Json(it) => it.size_hint(),
        }
    }
}

impl DoubleEndedIterator for Items<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        match self {
            Items::Values(it) => it.next_back().copied(),
            Items::Json(it) => it.next_back().map(Value::of_json),
        }
    }
}

impl ExactSizeIterator for Items<'_> {}
