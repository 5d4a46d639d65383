//! From the syntax tree to the compiled tree ([`crate::ir`]), following the
//! rules jsonata-js applies after parsing: paths flattened into steps,
//! predicates as stages, string steps as names, `[]` marking, order-by as a
//! step, `@`/`#` bindings on steps, parent (`%`) resolution
//! ([`ancestry`]), and tail calls in lambda bodies wrapped in thunks.
//!
//! A chain of operations (`a.b[0].c`) is compiled in a loop ([`chain`]), so
//! long paths cost no stack; the recursion follows the syntax tree's nesting,
//! which the parser limits.

mod ancestry;
mod chain;

use stepfn::syntax::jsonata::{self as syntax, Item};

use crate::error::{Fault, FaultExt, Result};
use crate::ir::{Group, Kind, Lambda, Node};
use crate::regex::CompiledRegex;

/// A compiled expression: the tree and the binding names of parent slots.
#[derive(Debug)]
pub(crate) struct Program {
    /// The compiled tree.
    pub(crate) root: Node,
    /// For each parent slot, the name its context is bound to in tuples.
    pub(crate) labels: Vec<String>,
}

/// A parent slot while compiling: its label and how many steps up it still
/// has to go.
#[derive(Debug, Clone, Copy)]
struct Slot {
    /// Label number (slots sharing a step share a label).
    label: usize,
    /// Steps still to go up; 0 once resolved.
    level: i64,
}

/// The compiler's state: the parent slots made so far.
#[derive(Default)]
pub(crate) struct Compiler {
    /// Every `%` gets a slot.
    slots: Vec<Slot>,
}

/// Compiles a parsed expression.
pub(crate) fn compile(tree: &syntax::Node) -> Result<Program> {
    let mut compiler = Compiler::default();
    let root = compiler.node(tree)?;
    if matches!(root.kind, Kind::Parent(_)) || !root.seeking.is_empty() {
        return Err(Fault::new("S0217").at(root.position).detail(
            "The object representing the parent (%) cannot be derived from this expression",
        ));
    }
    let labels = compiler
        .slots
        .iter()
        .map(|slot| format!("!{}", slot.label))
        .collect();
    Ok(Program { root, labels })
}

impl Compiler {
    /// Compiles one syntax node.
    fn node(&mut self, n: &syntax::Node) -> Result<Node> {
        let at = n.offset;
        let kind = match &n.kind {
            syntax::Kind::Name(name) => {
                let step = Node::new(Kind::Name(name.clone()), at);
                Kind::Path {
                    steps: vec![step],
                    keep_singleton: false,
                    tuple: false,
                }
            }
            syntax::Kind::Variable(name) => {
                let mut node = Node::new(Kind::Variable(name.clone()), at);
                node.builtin = crate::functions::builtin(name);
                return Ok(node);
            }
            syntax::Kind::Str(s) => Kind::String(s.clone()),
            syntax::Kind::Number(x) => Kind::Number(*x),
            syntax::Kind::Bool(b) => Kind::Bool(*b),
            syntax::Kind::Null => Kind::Null,
            syntax::Kind::Regex(literal) => {
                Kind::Regex(Box::new(CompiledRegex::new(literal).map_err(|f| f.at(at))?))
            }
            syntax::Kind::Wildcard => Kind::Wildcard,
            syntax::Kind::Descendant => Kind::Descendant,
            syntax::Kind::Parent => {
                let label = self.slots.len();
                self.slots.push(Slot { label, level: 1 });
                Kind::Parent(label)
            }
            syntax::Kind::Negate(inner) => {
                let mut inner = self.node(inner)?;
                if let Kind::Number(x) = inner.kind {
                    // a negated number literal is a number literal
                    inner.kind = Kind::Number(-x);
                    return Ok(inner);
                }
                let mut node = Node::new(Kind::Negate(Box::new(Node::new(Kind::Null, at))), at);
                push_ancestry(&mut node, &inner);
                node.kind = Kind::Negate(Box::new(inner));
                return Ok(node);
            }
            syntax::Kind::Block(items) => return self.block(items, at),
            syntax::Kind::Array(items) => return self.array(items, at),
            syntax::Kind::Object(pairs) => {
                let mut node = Node::new(Kind::Null, at);
                let mut compiled = Vec::with_capacity(pairs.len());
                for (key, value) in pairs {
                    let key = self.node(key)?;
                    push_ancestry(&mut node, &key);
                    let value = self.node(value)?;
                    push_ancestry(&mut node, &value);
                    compiled.push((key, value));
                }
                node.kind = Kind::ObjectConstructor(Box::new(Group::new(compiled, at)));
                return Ok(node);
            }
            syntax::Kind::Lambda {
                params,
                signature,
                body,
            } => {
                let body = tail_call(self.node(body)?);
                Kind::Lambda(Box::new(Lambda {
                    params: params.clone(),
                    signature: signature.as_deref().cloned(),
                    body,
                    thunk: false,
                }))
            }
            syntax::Kind::Transform {
                pattern,
                update,
                delete,
            } => Kind::Transform {
                pattern: Box::new(self.node(pattern)?),
                update: Box::new(self.node(update)?),
                delete: match delete {
                    Some(d) => Some(Box::new(self.node(d)?)),
                    None => None,
                },
            },
            syntax::Kind::Chain { head, ops } => return self.chain(head, ops),
        };
        Ok(Node::new(kind, at))
    }

    /// `( a; b; … )`.
    fn block(&mut self, items: &[syntax::Node], at: usize) -> Result<Node> {
        let mut node = Node::new(Kind::Null, at);
        let mut compiled = Vec::with_capacity(items.len());
        for item in items {
            let part = self.node(item)?;
            push_ancestry(&mut node, &part);
            let first_cons = match &part.kind {
                Kind::Path { steps, .. } => steps.first().is_some_and(|s| s.step.consarray),
                _ => false,
            };
            if part.step.consarray || first_cons {
                node.step.consarray = true;
            }
            compiled.push(part);
        }
        node.kind = Kind::Block(compiled);
        Ok(node)
    }

    /// `[ a, b, 1..5 ]`.
    fn array(&mut self, items: &[Item], at: usize) -> Result<Node> {
        let mut node = Node::new(Kind::Null, at);
        let mut compiled = Vec::with_capacity(items.len());
        for item in items {
            let value = match item {
                Item::Single(n) => self.node(n)?,
                Item::Range { low, high, offset } => {
                    let low = self.node(low)?;
                    let high = self.node(high)?;
                    let mut range = Node::new(Kind::Null, *offset);
                    push_ancestry(&mut range, &low);
                    push_ancestry(&mut range, &high);
                    range.kind = Kind::Range(Box::new(low), Box::new(high));
                    range
                }
            };
            push_ancestry(&mut node, &value);
            compiled.push(value);
        }
        node.kind = Kind::ArrayConstructor(compiled);
        Ok(node)
    }
}

/// Passes the parent slots `value` still seeks on to `result`.
fn push_ancestry(result: &mut Node, value: &Node) {
    result.seeking.extend_from_slice(&value.seeking);
    if let Kind::Parent(slot) = value.kind {
        result.seeking.push(slot);
    }
}

/// Wraps calls in tail position of a lambda body in thunks, so that the
/// caller's trampoline makes them without growing the stack.
fn tail_call(node: Node) -> Node {
    match node.kind {
        Kind::Call { partial: false, .. } if node.predicate.is_empty() => {
            let position = node.position;
            Node::new(
                Kind::Lambda(Box::new(Lambda {
                    params: Vec::new(),
                    signature: None,
                    body: node,
                    thunk: true,
                })),
                position,
            )
        }
        Kind::Condition(cond, then, otherwise) => Node {
            kind: Kind::Condition(
                cond,
                Box::new(tail_call(*then)),
                otherwise.map(|e| Box::new(tail_call(*e))),
            ),
            ..node
        },
        Kind::Block(mut items) => {
            if let Some(last) = items.pop() {
                items.push(tail_call(last));
            }
            Node {
                kind: Kind::Block(items),
                ..node
            }
        }
        _ => node,
    }
}
