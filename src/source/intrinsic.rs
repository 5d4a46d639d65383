//! CloudFormation's intrinsic functions, in the JSON form (`{"Fn::Join":
//! [...]}`, `{"Ref": "X"}`) and YAML's short form (`!Join`, `!Ref`), turned
//! into the text they stand for where that text is known before deployment.

use std::collections::HashMap;

use super::mapped::Mapped;
use super::substitute::substitute;
use super::tree::{Node, Value};

/// A call of an intrinsic function: its name in the JSON form (`Fn::Join`,
/// `Ref`) and its argument.
pub(crate) struct Call<'n> {
    pub(crate) name: String,
    pub(crate) argument: &'n Node,
    /// Whether the call is written as a YAML tag on the argument itself.
    pub(crate) tagged: bool,
}

/// The function `node` calls, if it is a call.
pub(crate) fn call(node: &Node) -> Option<Call<'_>> {
    if let Some(tag) = &node.tag {
        let name = match tag.as_str() {
            "Ref" | "Condition" => tag.clone(),
            other => format!("Fn::{other}"),
        };
        return Some(Call {
            name,
            argument: node,
            tagged: true,
        });
    }
    match &node.value {
        Value::Map(entries) if entries.len() == 1 => {
            let entry = entries.first()?;
            let is_call = entry.key == "Ref" || entry.key.starts_with("Fn::");
            is_call.then(|| Call {
                name: entry.key.clone(),
                argument: &entry.value,
                tagged: false,
            })
        }
        _ => None,
    }
}

/// Values known before deployment: pseudo parameters (written as for an
/// account in `us-east-1`, so ARNs built from them can be checked) and the
/// defaults of the template's parameters.
#[derive(Debug, Default)]
pub(crate) struct Known<'n> {
    pub(crate) parameters: HashMap<String, &'n Node>,
}

/// The value of a pseudo parameter, as written for checking.
fn pseudo(name: &str) -> Option<&'static str> {
    Some(match name {
        "AWS::Partition" => "aws",
        "AWS::Region" => "us-east-1",
        "AWS::AccountId" => "123456789012",
        "AWS::URLSuffix" => "amazonaws.com",
        _ => return None,
    })
}

impl<'n> Known<'n> {
    /// What `Ref` to `name` is: a pseudo parameter's value or a parameter's
    /// default, as a value of the template.
    pub(crate) fn reference(&self, name: &str) -> Option<Resolved<'n>> {
        if let Some(value) = pseudo(name) {
            return Some(Resolved::Text(value.to_owned()));
        }
        let default = self.parameters.get(name)?;
        match &default.value {
            Value::String(_) | Value::Number(_) | Value::Bool(_) => Some(Resolved::Node(default)),
            _ => None,
        }
    }
}

/// What a reference resolves to.
pub(crate) enum Resolved<'n> {
    Text(String),
    Node(&'n Node),
}

/// A function stepfn cannot evaluate, and where it is called.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unsupported {
    pub(crate) name: String,
    pub(crate) at: u32,
}

/// Appends the text `node` stands for to `out`: a string (its characters
/// mapped to the file), a number or boolean, or a call of `Ref`, `Fn::GetAtt`,
/// `Fn::Join` or `Fn::Sub`. A reference to something created at deployment is
/// written as the placeholder `${Name}` (`${Resource.Attribute}`), as `Fn::Sub`
/// would write it. Nesting is bounded by the document's (at most
/// [`MAX_NESTING_DEPTH`](crate::read::MAX_NESTING_DEPTH)).
pub(crate) fn text(
    node: &Node,
    known: &Known<'_>,
    source: &str,
    out: &mut Mapped,
) -> Result<(), Unsupported> {
    match call(node) {
        Some(c) => call_text(&c, node.at, known, source, out),
        None => plain_text(node, source, out),
    }
}

fn plain_text(node: &Node, source: &str, out: &mut Mapped) -> Result<(), Unsupported> {
    match &node.value {
        Value::String(s) => {
            let raw = source
                .get(s.raw_at as usize..(s.raw_end as usize).max(s.raw_at as usize))
                .unwrap_or_default();
            out.push_aligned(&s.text, raw, s.raw_at, s.escapes);
        }
        Value::Number(n) => out.push_at(n, node.at),
        Value::Bool(b) => out.push_at(if *b { "true" } else { "false" }, node.at),
        Value::Null => {}
        Value::Seq(_) | Value::Map(_) => {
            return Err(Unsupported {
                name: node.kind().to_owned(),
                at: node.at,
            })
        }
    }
    Ok(())
}

fn call_text(
    c: &Call<'_>,
    at: u32,
    known: &Known<'_>,
    source: &str,
    out: &mut Mapped,
) -> Result<(), Unsupported> {
    let unsupported = || Unsupported {
        name: c.name.clone(),
        at,
    };
    let argument = c.argument;
    match c.name.as_str() {
        "Ref" => {
            let name = argument.as_str().ok_or_else(unsupported)?;
            match known.reference(name) {
                Some(Resolved::Text(t)) => out.push_at(&t, at),
                Some(Resolved::Node(n)) => {
                    let mut value = Mapped::default();
                    plain_text(n, source, &mut value)?;
                    out.push_at(value.text(), at);
                }
                None => out.push_at(&format!("${{{name}}}"), at),
            }
        }
        "Fn::GetAtt" => {
            let target = match &argument.value {
                Value::String(s) => s.text.clone(),
                Value::Seq(items) => {
                    let parts: Option<Vec<&str>> = items.iter().map(Node::as_str).collect();
                    parts.ok_or_else(unsupported)?.join(".")
                }
                _ => return Err(unsupported()),
            };
            out.push_at(&format!("${{{target}}}"), at);
        }
        "Fn::Join" => {
            let Value::Seq(items) = &argument.value else {
                return Err(unsupported());
            };
            let [delimiter, list] = items.as_slice() else {
                return Err(unsupported());
            };
            let Value::Seq(parts) = &list.value else {
                return Err(unsupported());
            };
            let mut glue = Mapped::default();
            plain_text(delimiter, source, &mut glue)?;
            for (i, part) in parts.iter().enumerate() {
                if i > 0 {
                    out.push_from(&glue, 0..glue.text().len());
                }
                // A part that cannot be evaluated is a placeholder, as a
                // deploy-time value would be, so the rest is still checked.
                if let Err(e) = text(part, known, source, out) {
                    out.push_at(&format!("${{{}}}", e.name), part.at);
                }
            }
        }
        "Fn::Sub" => {
            let (template, variables) = match &argument.value {
                Value::String(_) => (argument, None),
                Value::Seq(items) => match items.as_slice() {
                    [template, variables] => (template, Some(variables)),
                    _ => return Err(unsupported()),
                },
                _ => return Err(unsupported()),
            };
            let mut written = Mapped::default();
            plain_text(template, source, &mut written)?;
            let substituted =
                substitute(&written, |name| sub_value(name, variables, known, source));
            out.push_from(&substituted, 0..substituted.text().len());
        }
        _ => return Err(unsupported()),
    }
    Ok(())
}

/// What `${name}` in an `Fn::Sub` template stands for, when it is known:
/// `${!Name}` is the literal `${Name}`; a variable of the call, a pseudo
/// parameter or a parameter's default its value. Other names are kept.
fn sub_value(
    name: &str,
    variables: Option<&Node>,
    known: &Known<'_>,
    source: &str,
) -> Option<String> {
    if let Some(literal) = name.strip_prefix('!') {
        return Some(format!("${{{literal}}}"));
    }
    if let Some(value) = variables.and_then(|v| v.get(name)) {
        let mut text_of = Mapped::default();
        return text(value, known, source, &mut text_of)
            .ok()
            .map(|()| text_of.into_text());
    }
    match known.reference(name)? {
        Resolved::Text(t) => Some(t),
        Resolved::Node(n) => {
            let mut text_of = Mapped::default();
            plain_text(n, source, &mut text_of).ok()?;
            Some(text_of.into_text())
        }
    }
}
