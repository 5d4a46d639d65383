//! The input fields of a Task, taken one by one as a typed integration's
//! arguments, each both as code and as the value that code makes.

use std::collections::HashSet;

use crate::builder::{JsonPath, Jsonata};
use crate::model::{Json, JsonObject, QueryLanguage};
use crate::tasks::Input;

use super::super::code::Expr;
use super::super::cx::FnCx;
use super::super::json::{value, Place};
use super::super::jsonata::inner_expression;

/// A value given twice: the code that writes it, and what that code makes.
pub(super) struct Arg<T> {
    pub(super) code: Expr,
    pub(super) value: T,
}

impl<V> Arg<V> {
    /// `.method(arg)`, called on the value and written in the code.
    pub(super) fn set<T>(self, method: &str, arg: Arg<T>, set: impl FnOnce(V, T) -> V) -> Arg<V> {
        Arg {
            code: self.code.method(method, vec![arg.code]),
            value: set(self.value, arg.value),
        }
    }

    /// `.method(text)` when the input has the field `key` (unchanged when it
    /// has not); `None` when the field is not text, a path or an expression.
    pub(super) fn set_text<T>(
        self,
        given: &mut Given<'_>,
        key: &str,
        method: &str,
        set: impl FnOnce(V, T) -> V,
    ) -> Option<Arg<V>>
    where
        T: From<JsonPath> + From<Jsonata> + for<'a> From<&'a str>,
    {
        match given.take(key) {
            None => Some(self),
            Some(field) => Some(self.set(method, text::<T>(field)?, set)),
        }
    }

    /// `.method()` with no argument, called on the value and written in the code.
    pub(super) fn call(self, method: &str, call: impl FnOnce(V) -> V) -> Arg<V> {
        Arg {
            code: self.code.method(method, Vec::new()),
            value: call(self.value),
        }
    }
}

/// How a field of the input is given.
#[derive(Debug, Clone, Copy)]
pub(super) enum Field<'j> {
    /// A literal value.
    Literal(&'j Json),
    /// A JSONPath path or intrinsic (`key.$`).
    Path(&'j str),
    /// A JSONata expression (`{% ... %}`, in a JSONata state).
    Jsonata(&'j str),
}

/// The input object of a Task, its fields taken one at a time.
pub(super) struct Given<'j> {
    object: &'j JsonObject,
    language: QueryLanguage,
    taken: HashSet<&'j str>,
}

impl<'j> Given<'j> {
    pub(super) fn new(object: &'j JsonObject, language: QueryLanguage) -> Given<'j> {
        Given {
            object,
            language,
            taken: HashSet::new(),
        }
    }

    /// The field `key` (or `key.$`), taken.
    pub(super) fn take(&mut self, key: &str) -> Option<Field<'j>> {
        if self.language == QueryLanguage::JsonPath {
            if let Some((k, Json::String(path))) = self.object.get_key_value(&format!("{key}.$")) {
                self.taken.insert(k);
                return Some(Field::Path(path));
            }
        }
        let (k, value) = self.object.get_key_value(key)?;
        self.taken.insert(k);
        match value {
            Json::String(text)
                if self.language == QueryLanguage::Jsonata && text.starts_with("{%") =>
            {
                Some(Field::Jsonata(text))
            }
            _ => Some(Field::Literal(value)),
        }
    }

    /// The field `key` taken, when it is exactly `value` (a default).
    pub(super) fn take_if(&mut self, key: &str, value: &Json) -> bool {
        match self.object.get_key_value(key) {
            Some((k, v)) if v == value => {
                self.taken.insert(k);
                true
            }
            _ => false,
        }
    }

    /// Whether every field has been taken.
    pub(super) fn all_taken(&self) -> bool {
        self.taken.len() == self.object.len()
    }

    pub(super) fn language(&self) -> QueryLanguage {
        self.language
    }
}

/// `Jsonata::new(...)` for `text`, and the expression it makes.
fn jsonata(text: &str) -> Option<(Expr, Jsonata)> {
    let arg = inner_expression(text).unwrap_or(text);
    let made = Jsonata::new(arg);
    (made.as_str() == text).then(|| (Expr::call("Jsonata::new", vec![Expr::str(arg)]), made))
}

/// A path or expression as any `From<JsonPath> + From<Jsonata>` argument.
pub(super) fn dynamic<T: From<JsonPath> + From<Jsonata>>(field: Field<'_>) -> Option<Arg<T>> {
    match field {
        Field::Path(path) => Some(Arg {
            code: Expr::call("JsonPath::new", vec![Expr::str(path)]),
            value: T::from(JsonPath::new(path)),
        }),
        Field::Jsonata(text) => {
            let (code, made) = jsonata(text)?;
            Some(Arg {
                code,
                value: T::from(made),
            })
        }
        Field::Literal(_) => None,
    }
}

/// A text argument: a literal string, a path or an expression.
pub(super) fn text<T>(field: Field<'_>) -> Option<Arg<T>>
where
    T: From<JsonPath> + From<Jsonata> + for<'a> From<&'a str>,
{
    match field {
        Field::Literal(Json::String(s)) => Some(Arg {
            code: Expr::str(s),
            value: T::from(s.as_str()),
        }),
        Field::Literal(_) => None,
        other => dynamic(other),
    }
}

/// A JSON argument: an object (a `Payload`), a string, a path or an
/// expression.
pub(super) fn json(cx: &mut FnCx<'_>, field: Field<'_>) -> Option<Arg<Input<Json>>> {
    match field {
        Field::Literal(object @ Json::Object(_)) => Some(Arg {
            code: value(cx, object, Place::Json),
            value: Input::from(object.clone()),
        }),
        Field::Literal(Json::String(s)) => Some(Arg {
            code: Expr::str(s),
            value: Input::from(s.as_str()),
        }),
        Field::Literal(_) => None,
        other => dynamic(other),
    }
}

/// A boolean argument: `true`/`false`, a path or an expression.
pub(super) fn boolean(field: Field<'_>) -> Option<Arg<Input<bool>>> {
    match field {
        Field::Literal(Json::Bool(b)) => Some(Arg {
            code: Expr::Lit(b.to_string()),
            value: Input::from(*b),
        }),
        Field::Literal(_) => None,
        other => dynamic(other),
    }
}
