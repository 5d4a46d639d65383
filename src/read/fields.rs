//! The fields of one JSON object, sorted into the names its ASL type knows.

use super::decoder::Decoder;
use super::location::Loc;
use super::parse::{Member, Node};
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
    present: Vec<(&'static str, Option<Slot<'s>>)>,
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
        let members = decoder.object(node, loc)?;
        let mut fields = Fields {
            at,
            loc,
            present: Vec::with_capacity(members.len()),
        };
        for Member { key_at, key, value } in members {
            if let Some(name) = shape.names.iter().find(|n| **n == key) {
                fields.present.push((
                    name,
                    Some(Slot {
                        key_at,
                        node: value,
                    }),
                ));
            } else if let Some((_, hint)) = shape.elsewhere.iter().find(|(n, _)| *n == key) {
                let message = format!("`{key}` is not allowed in {}: {hint}", shape.what);
                decoder.report(key_at, &loc.key(&key), Code::FieldNotAllowed, message);
            } else {
                decoder.report(
                    key_at,
                    &loc.key(&key),
                    Code::UnknownField,
                    unknown(&key, shape),
                );
            }
        }
        Some(fields)
    }

    /// Builds the set from already classified slots (the state reader does its own
    /// classification).
    pub(crate) fn from_slots(
        at: u32,
        loc: &'l Loc<'l>,
        present: Vec<(&'static str, Option<Slot<'s>>)>,
    ) -> Fields<'s, 'l> {
        Fields { at, loc, present }
    }

    pub(crate) fn has(&self, name: &str) -> bool {
        self.present
            .iter()
            .any(|(n, slot)| *n == name && slot.is_some())
    }

    pub(crate) fn take(&mut self, name: &str) -> Option<Slot<'s>> {
        self.present
            .iter_mut()
            .find(|(n, _)| *n == name)
            .and_then(|(_, slot)| slot.take())
    }

    /// Decodes an optional field.
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
    pub(crate) fn finish_with(self, decoder: &mut Decoder, what: impl Fn() -> String) {
        for (name, slot) in self.present {
            if let Some(slot) = slot {
                let message = format!("`{name}` is not allowed in {}", what());
                decoder.report(
                    slot.key_at,
                    &self.loc.key(name),
                    Code::FieldNotAllowed,
                    message,
                );
            }
        }
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
