//! The decoding context: collects problems and turns JSON nodes into values.

use super::fields::same_name;
use super::location::Loc;
use super::parse::{Member, Node, Value};
use super::unreadable::Unreadable;
use crate::fast_hash::FastSet;
use crate::model::value_enum::listed;
use crate::model::{Json, JsonObject, Number, OrJsonata, QueryLanguage};
use crate::problem::suggest::closest;
use crate::problem::{Code, Problem};

/// A problem before its line and column are known: the byte offset of the
/// value it is about.
#[derive(Debug)]
pub(crate) struct Found {
    pub(crate) at: u32,
    pub(crate) problem: Problem,
}

/// Collects problems while a document is decoded.
#[derive(Debug, Default)]
pub(crate) struct Decoder {
    pub(crate) problems: Vec<Found>,
    /// The machine's `QueryLanguage`, inherited by every state without its own.
    pub(crate) machine_language: QueryLanguage,
    /// What was written but could not be decoded.
    pub(crate) unreadable: Unreadable,
}

impl Decoder {
    pub(crate) fn report(
        &mut self,
        at: u32,
        loc: &Loc<'_>,
        code: Code,
        message: impl Into<String>,
    ) {
        self.problems.push(Found {
            at,
            problem: Problem::error(code, loc.path(), message),
        });
    }

    pub(crate) fn wrong_type(&mut self, node: &Node<'_>, loc: &Loc<'_>, expected: &str) {
        let found = node.value.type_name();
        self.report(
            node.at,
            loc,
            Code::WrongType,
            format!("expected {expected}, found {found}"),
        );
    }

    pub(crate) fn string(&mut self, node: Node<'_>, loc: &Loc<'_>) -> Option<String> {
        match node.value {
            Value::String(s) => Some(s.into_owned()),
            _ => {
                self.wrong_type(&node, loc, "a string");
                None
            }
        }
    }

    /// A string or `null` (`Some(None)`), as paths like `InputPath` take.
    pub(crate) fn nullable_string(
        &mut self,
        node: Node<'_>,
        loc: &Loc<'_>,
    ) -> Option<Option<String>> {
        match node.value {
            Value::Null => Some(None),
            Value::String(s) => Some(Some(s.into_owned())),
            _ => {
                self.wrong_type(&node, loc, "a path string or null");
                None
            }
        }
    }

    pub(crate) fn boolean(&mut self, node: Node<'_>, loc: &Loc<'_>) -> Option<bool> {
        match node.value {
            Value::Bool(b) => Some(b),
            _ => {
                self.wrong_type(&node, loc, "true or false");
                None
            }
        }
    }

    pub(crate) fn number(&mut self, node: Node<'_>, loc: &Loc<'_>) -> Option<Number> {
        match &node.value {
            Value::Number(text) => Number::parse(text),
            _ => {
                self.wrong_type(&node, loc, "a number");
                None
            }
        }
    }

    /// A non-negative integer written without fraction or exponent.
    pub(crate) fn u64(&mut self, node: Node<'_>, loc: &Loc<'_>) -> Option<u64> {
        match &node.value {
            Value::Number(text) => {
                let value = text.parse::<u64>().ok();
                if value.is_none() {
                    self.report(
                        node.at,
                        loc,
                        Code::WrongType,
                        format!("expected a non-negative integer, found {text}"),
                    );
                }
                value
            }
            _ => {
                self.wrong_type(&node, loc, "a non-negative integer");
                None
            }
        }
    }

    /// One of the words of a value enum, with "did you mean" for a near miss.
    pub(crate) fn word<T: Copy>(
        &mut self,
        node: Node<'_>,
        loc: &Loc<'_>,
        what: &str,
        all: &[T],
        as_str: fn(T) -> &'static str,
    ) -> Option<T> {
        let at = node.at;
        let text = self.string(node, loc)?;
        if let Some(&value) = all.iter().find(|v| as_str(**v) == text) {
            return Some(value);
        }
        let words: Vec<&str> = all.iter().map(|v| as_str(*v)).collect();
        let message = match closest(&text, words.iter().copied()) {
            Some(best) => format!("`{text}` is not {what}; did you mean \"{best}\"?"),
            None => format!("`{text}` is not {what}: use {}", listed(&words)),
        };
        self.report(at, loc, Code::InvalidValue, message);
        None
    }

    /// A literal, or in a JSONata state a `{% ... %}` string.
    pub(crate) fn or_jsonata<T>(
        &mut self,
        node: Node<'_>,
        loc: &Loc<'_>,
        language: QueryLanguage,
        literal: impl FnOnce(&mut Decoder, Node<'_>, &Loc<'_>) -> Option<T>,
    ) -> Option<OrJsonata<T>> {
        match node.value {
            Value::String(s) if language == QueryLanguage::Jsonata => {
                Some(OrJsonata::Jsonata(s.into_owned()))
            }
            Value::String(s) => {
                self.report(
                    node.at,
                    loc,
                    Code::WrongType,
                    format!(
                        "found the string {s:?}: write the value without quotes (a string here \
                         is a {{% ... %}} expression, which only JSONata states take)"
                    ),
                );
                None
            }
            _ => literal(self, node, loc).map(OrJsonata::Value),
        }
    }

    pub(crate) fn array<'s>(&mut self, node: Node<'s>, loc: &Loc<'_>) -> Option<Vec<Node<'s>>> {
        match node.value {
            Value::Array(items) => Some(items),
            _ => {
                self.wrong_type(&node, loc, "an array");
                None
            }
        }
    }

    /// An array whose items all decode; every bad item is reported.
    pub(crate) fn array_of<T>(
        &mut self,
        node: Node<'_>,
        loc: &Loc<'_>,
        mut item: impl FnMut(&mut Decoder, Node<'_>, &Loc<'_>) -> Option<T>,
    ) -> Option<Vec<T>> {
        let items = self.array(node, loc)?;
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, node) in items.into_iter().enumerate() {
            match item(self, node, &loc.index(i)) {
                Some(value) => out.push(value),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    pub(crate) fn string_array(&mut self, node: Node<'_>, loc: &Loc<'_>) -> Option<Vec<String>> {
        self.array_of(node, loc, Decoder::string)
    }

    /// The members of an object; a key given twice is reported, and only its
    /// first occurrence kept.
    pub(crate) fn object<'s>(&mut self, node: Node<'s>, loc: &Loc<'_>) -> Option<Vec<Member<'s>>> {
        match node.value {
            Value::Object(members) => Some(self.without_duplicates(members, loc)),
            _ => {
                self.wrong_type(&node, loc, "an object");
                None
            }
        }
    }

    /// The members of an object, repeated keys included: for callers that
    /// find repeated keys themselves (and report them with
    /// [`Decoder::duplicate_key`]).
    pub(crate) fn members<'s>(&mut self, node: Node<'s>, loc: &Loc<'_>) -> Option<Vec<Member<'s>>> {
        match node.value {
            Value::Object(members) => Some(members),
            _ => {
                self.wrong_type(&node, loc, "an object");
                None
            }
        }
    }

    /// Reports a key given more than once in one object.
    pub(crate) fn duplicate_key(&mut self, key_at: u32, loc: &Loc<'_>, key: &str) {
        self.report(
            key_at,
            loc,
            Code::DuplicateField,
            format!("the key {key:?} appears more than once in this object: keep one"),
        );
    }

    #[inline]
    fn without_duplicates<'s>(
        &mut self,
        members: Vec<Member<'s>>,
        loc: &Loc<'_>,
    ) -> Vec<Member<'s>> {
        let has_duplicates = match members.as_slice() {
            [] | [_] => false,
            [a, b] => same_name(&a.key, &b.key),
            _ if members.len() <= 16 => (1..members.len()).any(|i| {
                members[..i]
                    .iter()
                    .any(|m| same_name(&m.key, &members[i].key))
            }),
            _ => {
                let mut seen = FastSet::with_capacity_and_hasher(members.len(), Default::default());
                !members.iter().all(|m| seen.insert(&*m.key))
            }
        };
        if !has_duplicates {
            return members;
        }
        self.report_duplicates(members, loc)
    }

    /// The members with each repeated key reported and left out (the first
    /// stays).
    #[cold]
    fn report_duplicates<'s>(
        &mut self,
        members: Vec<Member<'s>>,
        loc: &Loc<'_>,
    ) -> Vec<Member<'s>> {
        let mut seen = FastSet::default();
        let mut kept = Vec::with_capacity(members.len());
        for member in members {
            if seen.contains(&member.key) {
                self.duplicate_key(member.key_at, &loc.key(&member.key), &member.key);
            } else {
                seen.insert(member.key.clone());
                kept.push(member);
            }
        }
        kept
    }

    /// Any JSON value (a payload), keys in order.
    pub(crate) fn json(&mut self, node: Node<'_>, loc: &Loc<'_>) -> Option<Json> {
        let before = self.problems.len();
        let json = self.json_unchecked(node, loc);
        (self.problems.len() == before).then_some(json)
    }

    fn json_unchecked(&mut self, node: Node<'_>, loc: &Loc<'_>) -> Json {
        match node.value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(b),
            Value::Number(text) => Json::Number(Number::parse(&text).unwrap_or_else(|| 0u8.into())),
            Value::String(s) => Json::String(s.into_owned()),
            Value::Array(items) => Json::Array(
                items
                    .into_iter()
                    .enumerate()
                    .map(|(i, item)| self.json_unchecked(item, &loc.index(i)))
                    .collect(),
            ),
            Value::Object(members) => {
                let members = self.without_duplicates(members, loc);
                let mut object = JsonObject::with_capacity(members.len());
                for Member { key, value, .. } in members {
                    let value = self.json_unchecked(value, &loc.key(&key));
                    object.insert(key.into_owned(), value);
                }
                Json::Object(object)
            }
        }
    }

    /// A JSON object (a template or `Assign`), keys in order.
    pub(crate) fn json_object(&mut self, node: Node<'_>, loc: &Loc<'_>) -> Option<JsonObject> {
        if !matches!(node.value, Value::Object(_)) {
            self.wrong_type(&node, loc, "an object");
            return None;
        }
        match self.json(node, loc)? {
            Json::Object(object) => Some(object),
            _ => None,
        }
    }
}
