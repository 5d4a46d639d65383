//! The fields of one JSON object, sorted into the names its ASL type knows.

use super::decoder::Decoder;
use super::location::Loc;
use std::borrow::Cow;

use super::parse::{Member, Node, Value};
pub(crate) use crate::model::fields::same_name;
use crate::problem::suggest::closest;
use crate::problem::Code;

/// A field's value with the offset of its key.
pub(crate) struct Slot<'s> {
    pub(crate) key_at: u32,
    pub(crate) node: Node<'s>,
}

/// What kind of object is being read, for messages: `a retrier`, `a Task state`.
#[derive(Clone, Copy)]
pub(crate) struct Shape {
    pub(crate) what: &'static str,
    /// The fields this object takes.
    pub(crate) names: &'static [&'static str],
    /// ASL fields that exist elsewhere but not here, with a hint.
    pub(crate) elsewhere: &'static [(&'static str, &'static str)],
}

/// The known fields of an object, taken one by one by the decoder.
pub(crate) struct Fields<'s, 'l> {
    pub(crate) at: u32,
    pub(crate) loc: &'l Loc<'l>,
    /// The fields given, each key a name of the object's shape, in the order
    /// written; a field taken is left with an empty key (no field has one).
    members: Vec<Member<'s>>,
    /// How many of `members` are not taken yet.
    left: usize,
    /// One bit per key length among `members` (lengths of 63 and more share
    /// the last bit; every bit for a few members): a field whose name's
    /// length has no bit is not there, found without looking at the members.
    lengths: u64,
}

/// The bit of [`Fields::lengths`] for a key of `len` bytes.
fn length_bit(len: usize) -> u64 {
    1 << len.min(63)
}

impl<'s, 'l> Fields<'s, 'l> {
    /// Reads an object of `shape`, reporting unknown and misplaced fields.
    pub(crate) fn read(
        decoder: &mut Decoder,
        node: Node<'s>,
        loc: &'l Loc<'l>,
        shape: Shape,
    ) -> Option<Fields<'s, 'l>> {
        let at = node.at;
        let mut members = decoder.object(node, loc)?;
        members.retain_mut(|Member { key_at, key, .. }| {
            if let Some(name) = shape.names.iter().find(|name| same_name(name, key)) {
                // The shape's own name, which the decoders' names mostly are.
                *key = Cow::Borrowed(name);
                return true;
            }
            if let Some((_, hint)) = shape.elsewhere.iter().find(|(n, _)| n == key) {
                let message = format!("`{key}` is not allowed in {}: {hint}", shape.what);
                decoder.report(*key_at, &loc.key(key), Code::FieldNotAllowed, message);
            } else {
                decoder.report(
                    *key_at,
                    &loc.key(key),
                    Code::UnknownField,
                    unknown(key, shape),
                );
            }
            false
        });
        Some(Fields::from_members(at, loc, members))
    }

    /// Builds the set from members already sorted out (the state reader does
    /// its own): each key must be a field name, each given once.
    pub(crate) fn from_members(
        at: u32,
        loc: &'l Loc<'l>,
        members: Vec<Member<'s>>,
    ) -> Fields<'s, 'l> {
        let left = members.len();
        // A single field is looked at as fast as the filter would be.
        let lengths = if members.len() <= 1 {
            u64::MAX
        } else {
            members
                .iter()
                .fold(0, |lengths, m| lengths | length_bit(m.key.len()))
        };
        Fields {
            at,
            loc,
            members,
            left,
            lengths,
        }
    }

    /// Whether a field of `name`'s length may be among those not taken.
    #[inline]
    fn may_have(&self, name: &str) -> bool {
        self.left > 0 && self.lengths & length_bit(name.len()) != 0
    }

    #[inline]
    pub(crate) fn has(&self, name: &str) -> bool {
        self.may_have(name) && self.members.iter().any(|m| same_name(&m.key, name))
    }

    #[inline]
    pub(crate) fn take(&mut self, name: &str) -> Option<Slot<'s>> {
        if !self.may_have(name) {
            return None;
        }
        self.take_given(name)
    }

    #[inline(never)]
    fn take_given(&mut self, name: &str) -> Option<Slot<'s>> {
        if name.is_empty() {
            return None;
        }
        let member = self.members.iter_mut().find(|m| same_name(&m.key, name))?;
        self.left -= 1;
        member.key = Cow::Borrowed("");
        let node = std::mem::replace(
            &mut member.value,
            Node {
                at: 0,
                value: Value::Null,
            },
        );
        Some(Slot {
            key_at: member.key_at,
            node,
        })
    }

    /// Decodes an optional field.
    #[inline]
    pub(crate) fn get<T>(
        &mut self,
        decoder: &mut Decoder,
        name: &'static str,
        decode: impl FnOnce(&mut Decoder, Node<'s>, &Loc<'_>) -> Option<T>,
    ) -> Option<T> {
        let slot = self.take(name)?;
        decode(decoder, slot.node, &self.loc.key(name))
    }

    /// Decodes a required field, reporting it when absent.
    pub(crate) fn required<T>(
        &mut self,
        decoder: &mut Decoder,
        name: &'static str,
        decode: impl FnOnce(&mut Decoder, Node<'s>, &Loc<'_>) -> Option<T>,
    ) -> Option<T> {
        if self.has(name) {
            return self.get(decoder, name, decode);
        }
        self.missing(decoder, name, "");
        None
    }

    pub(crate) fn missing(&self, decoder: &mut Decoder, name: &str, hint: &str) {
        let message = format!("the required field `{name}` is missing{hint}");
        decoder.report(self.at, &self.loc.key(name), Code::MissingField, message);
    }

    /// Decodes one of two mutually exclusive fields (`X` or `XPath`).
    pub(crate) fn either<T>(
        &mut self,
        decoder: &mut Decoder,
        (first, decode_first): (
            &'static str,
            impl FnOnce(&mut Decoder, Node<'s>, &Loc<'_>) -> Option<T>,
        ),
        (second, decode_second): (
            &'static str,
            impl FnOnce(&mut Decoder, Node<'s>, &Loc<'_>) -> Option<T>,
        ),
    ) -> Option<T> {
        if self.has(first) && self.has(second) {
            let at = self.take(second).map_or(self.at, |slot| slot.key_at);
            self.take(first);
            let message = format!("`{first}` and `{second}` cannot both be given: keep one");
            decoder.report(at, &self.loc.key(second), Code::MutuallyExclusive, message);
            return None;
        }
        if self.has(first) {
            self.get(decoder, first, decode_first)
        } else {
            self.get(decoder, second, decode_second)
        }
    }

    /// Reports every field no decoder took (a field must never vanish silently).
    pub(crate) fn finish(self, decoder: &mut Decoder, what: &str) {
        self.finish_with(decoder, || what.to_owned());
    }

    /// As [`Fields::finish`], naming the object only if there is a problem.
    /// Gives back the list that held the fields, emptied, for the next object
    /// to be read into.
    pub(crate) fn finish_with(
        mut self,
        decoder: &mut Decoder,
        what: impl Fn() -> String,
    ) -> Vec<Member<'s>> {
        if self.left > 0 {
            for Member { key_at, key, .. } in &self.members {
                if !key.is_empty() {
                    let message = format!("`{key}` is not allowed in {}", what());
                    decoder.report(*key_at, &self.loc.key(key), Code::FieldNotAllowed, message);
                }
            }
        }
        self.members.clear();
        self.members
    }
}

fn unknown(key: &str, shape: Shape) -> String {
    let mut message = format!("`{key}` is not a field of {}", shape.what);
    let candidates = shape
        .names
        .iter()
        .chain(shape.elsewhere.iter().map(|(n, _)| n));
    if let Some(best) = closest(key, candidates.copied()) {
        message.push_str(&format!("; did you mean `{best}`?"));
    }
    message
}

#[cfg(test)]
mod tests {
    use super::super::decoder::Decoder;
    use super::super::location::Loc;
    use super::super::parse::{parse, Value};
    use super::Fields;

    #[test]
    fn finds_each_field_once_among_many_and_none_that_is_absent() {
        let text = r#"{"Resource": "r", "Next": "N", "Comment": "c", "ResultPath": "$.a",
                       "OutputPath": "$.b", "TimeoutSeconds": 3}"#;
        let Ok(node) = parse(text) else {
            panic!("not JSON")
        };
        let Value::Object(members) = node.value else {
            panic!("not an object")
        };
        let loc = Loc::ROOT;
        let mut fields = Fields::from_members(0, &loc, members);
        // Absent, with a length no field has and with one that two have.
        for absent in ["Type", "InputPath", "Parameters", "Default", ""] {
            assert!(!fields.has(absent), "{absent}");
            assert!(fields.take(absent).is_none(), "{absent}");
        }
        for present in ["OutputPath", "ResultPath", "TimeoutSeconds", "Next"] {
            assert!(fields.has(present), "{present}");
            assert!(fields.take(present).is_some(), "{present}");
            assert!(!fields.has(present), "{present} is taken");
            assert!(fields.take(present).is_none(), "{present} is taken");
        }
        let mut decoder = Decoder::default();
        let emptied = fields.finish_with(&mut decoder, || "a test object".to_owned());
        assert!(emptied.is_empty());
        let left: Vec<String> = decoder
            .problems
            .iter()
            .map(|found| found.problem.path().to_string())
            .collect();
        assert_eq!(left, ["Resource", "Comment"]);
    }
}
