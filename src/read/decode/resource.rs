//! Reading a Task's `Resource`.

use super::super::decoder::Decoder;
use super::super::location::Loc;
use super::super::parse::{Node, Value};
use crate::model::Resource;

/// Reads a `Resource`: an ARN string, or a `Ref` / `Fn::...` template object.
pub(crate) fn resource(decoder: &mut Decoder, node: Node<'_>, loc: &Loc<'_>) -> Option<Resource> {
    match &node.value {
        Value::String(_) => decoder.string(node, loc).map(Resource::Uri),
        Value::Object(members)
            if members.len() == 1
                && (members[0].key == "Ref" || members[0].key.starts_with("Fn::")) =>
        {
            decoder.json_object(node, loc).map(Resource::Template)
        }
        _ => {
            decoder.wrong_type(&node, loc, "an ARN string");
            None
        }
    }
}
