//! The parent operator `%` at the top of an expression (JSONata error S0217).
//!
//! JSONata resolves each `%` against an earlier path step when it parses the
//! expression. A `%` with no earlier step to resolve against propagates up
//! through operators, blocks, constructors, conditions and function
//! arguments, and if it reaches the root the expression is rejected:
//! `%`, `%.a`, `1 + %.a`, `[%]`, `$f(%)`. It stops propagating at lambda
//! bodies, transforms, `~>`, predicates, group-bys, sort terms and at path
//! steps other than a bare leading `%`.
//!
//! This is a conservative subset of JSONata's ancestry resolution: whenever the
//! full algorithm might resolve the `%`, the answer here is "resolved", so a
//! valid expression is never rejected; rarer unresolvable shapes (such as
//! `a.%.%`) are accepted.

use super::ast::{Arg, BinaryOp, Item, Kind, Node, Op, OpKind};

/// The offset of a `%` that `node` leaves unresolved at its top, if any.
pub(crate) fn unresolved(node: &Node) -> Option<usize> {
    match &node.kind {
        Kind::Parent => Some(node.offset),
        Kind::Negate(inner) => unresolved(inner),
        Kind::Block(items) => items.iter().find_map(unresolved),
        Kind::Array(items) => items.iter().find_map(|item| match item {
            Item::Single(n) => unresolved(n),
            Item::Range { low, high, .. } => unresolved(low).or_else(|| unresolved(high)),
        }),
        Kind::Object(pairs) => pairs
            .iter()
            .find_map(|(k, v)| unresolved(k).or_else(|| unresolved(v))),
        Kind::Chain { head, ops } => chain_unresolved(head, ops),
        Kind::Name(_)
        | Kind::Variable(_)
        | Kind::Str(_)
        | Kind::Number(_)
        | Kind::Bool(_)
        | Kind::Null
        | Kind::Regex(_)
        | Kind::Wildcard
        | Kind::Descendant
        | Kind::Lambda { .. }
        | Kind::Transform { .. } => None,
    }
}

/// What the value built so far in a chain looks like to JSONata's post-parser.
#[derive(Clone, Copy, PartialEq)]
enum Shape {
    /// A `%` node (possibly with predicates, group-by or focus attached).
    Parent,
    /// A location path.
    Path,
    /// Anything else.
    Other,
}

/// [`unresolved`] for a chain: follows the operations left to right.
fn chain_unresolved(head: &Node, ops: &[Op]) -> Option<usize> {
    let mut open = unresolved(head);
    let mut shape = match head.kind {
        Kind::Parent => Shape::Parent,
        Kind::Name(_) => Shape::Path,
        _ => Shape::Other,
    };
    for op in ops {
        match &op.kind {
            OpKind::Filter(_) | OpKind::KeepArray | OpKind::Group(_) | OpKind::Focus(_) => {}
            OpKind::Index(_) | OpKind::Sort(_) => {
                if shape != Shape::Path {
                    open = None;
                }
                shape = Shape::Path;
            }
            OpKind::Step(_) => {
                if shape == Shape::Other {
                    open = None;
                }
                shape = Shape::Path;
            }
            OpKind::Call(args) => {
                open = args.iter().find_map(|arg| match arg {
                    Arg::Expr(n) => unresolved(n),
                    Arg::Placeholder(_) => None,
                });
                shape = Shape::Other;
            }
            OpKind::Binary(BinaryOp::Apply, _) => {
                open = None;
                shape = Shape::Other;
            }
            OpKind::Binary(_, rhs) => {
                open = open.or_else(|| unresolved(rhs));
                shape = Shape::Other;
            }
            OpKind::Bind(rhs) => {
                open = unresolved(rhs);
                shape = Shape::Other;
            }
            OpKind::Condition(then, otherwise) => {
                open = open
                    .or_else(|| unresolved(then))
                    .or_else(|| otherwise.as_deref().and_then(unresolved));
                shape = Shape::Other;
            }
        }
    }
    open
}

#[cfg(test)]
mod tests {
    use super::super::parser::parse_tree;
    use super::*;

    fn open(src: &str) -> bool {
        unresolved(&parse_tree(src).expect(src)).is_some()
    }

    #[test]
    fn unresolved_at_the_top() {
        for src in [
            "%",
            "%.a",
            "%.a.b",
            "%[0]",
            "%[0].a",
            "1 + %.a",
            "-%",
            "(%)",
            "(1; %.a)",
            "[%]",
            "[1..%]",
            "{'a': %}",
            "{%: 1}",
            "$f(%)",
            "$x := %",
            "a ? % : 1",
            "a ? 1 : %",
            "%{'a': 1}",
            "%@$x.a",
            "%.a#$i.b",
        ] {
            assert!(open(src), "{src}");
        }
    }

    #[test]
    fn resolved_or_not_propagated() {
        for src in [
            "a.%",
            "a.b.%.c",
            "a[%.x = 1]",
            "a.(%)",
            "a.(%.b)",
            "a{'k': %.b}",
            "a^(%.b)",
            "function($x){ % }",
            "| a | {'x': %} |",
            "% ~> $f",
            "$x ~> %",
            "(%).a",
            "[%].a",
            "%#$i",
            "%^(a)",
            "1 + 2",
            "a.b",
            "$f(%)(1)",
        ] {
            assert!(!open(src), "{src}");
        }
    }
}
