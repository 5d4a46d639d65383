//! Syntax tree produced by the parser.
//!
//! The tree keeps only what the checks need. Left-associative operator
//! sequences (`a.b.c`, `a + b + c`, `f(1)(2)`, `x[0][1]`) are stored flat as a
//! [`Kind::Chain`]: a head plus the operations applied to it in order. Every
//! other child is the result of a nested parse, so the depth of the tree is
//! bounded by the parser's nesting limit and walking or dropping it cannot
//! overflow the stack.

/// One node with the byte offset of its first token.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    /// Byte offset within the expression.
    pub(crate) offset: usize,
    /// What the node is.
    pub(crate) kind: Kind,
}

/// The kinds of node.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Kind {
    /// A field name, e.g. `phone`, `` `a b` ``, or `and` used as a name.
    Name(String),
    /// A variable without its `$`: `""` for `$`, `"$"` for `$$`.
    Variable(String),
    /// A string literal (value decoded).
    Str(String),
    /// A number literal.
    Number,
    /// `true`, `false` or `null`.
    Value,
    /// A regular-expression literal.
    Regex,
    /// `*`, every field of the context.
    Wildcard,
    /// `**`, every descendant of the context.
    Descendant,
    /// `%`, the parent of the context.
    Parent,
    /// Unary minus.
    Negate(Box<Node>),
    /// `(a; b; c)`.
    Block(Vec<Node>),
    /// `[a, b, 1..5]`.
    Array(Vec<Item>),
    /// `{k: v, …}` used as an operand (not as a group-by).
    Object(Vec<(Node, Node)>),
    /// `function($a, $b)<sig>{ body }` or `λ(…){…}`.
    Lambda {
        /// Parameter names without `$`.
        params: Vec<String>,
        /// The body.
        body: Box<Node>,
    },
    /// `| pattern | update, delete |`.
    Transform {
        /// Which nodes to change.
        pattern: Box<Node>,
        /// Object merged into each matched node.
        update: Box<Node>,
        /// Optional field names to remove.
        delete: Option<Box<Node>>,
    },
    /// A head followed by the postfix/infix operations applied to it, left to right.
    Chain {
        /// The first operand.
        head: Box<Node>,
        /// The operations, in source order; each applies to everything before it.
        ops: Vec<Op>,
    },
}

/// One entry of an array constructor.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Item {
    /// A plain expression.
    Single(Node),
    /// `low..high`.
    Range(Node, Node),
}

/// One argument of a function call.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Arg {
    /// An ordinary argument.
    Expr(Node),
    /// A `?` placeholder (partial application), with its offset.
    Placeholder(usize),
}

/// An operation applied to the value built so far in a [`Kind::Chain`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Op {
    /// `.step`: a path step after the first.
    Step(Node),
    /// `[predicate]` or `[index]`.
    Filter(Node),
    /// `[]`: keep singleton arrays.
    KeepArray,
    /// `{k: v, …}` applied to the left: group-by.
    Group(Vec<(Node, Node)>),
    /// `^(term, …)`: order-by.
    Sort(Vec<Node>),
    /// `(args)`: function call or partial application.
    Call(Vec<Arg>),
    /// `@$name`: focus variable binding.
    Focus(String),
    /// `#$name`: index variable binding.
    Index(String),
    /// An infix operator and its right operand (`+`, `=`, `and`, `~>`, …).
    Binary(&'static str, Node),
    /// `:= value`; the head of the chain is the bound variable.
    Bind(Node),
    /// `? then : else`.
    Condition(Box<Node>, Option<Box<Node>>),
    /// `?: fallback` or `?? fallback`.
    Default(Node),
}

impl Node {
    /// The variable name if this node is exactly one variable reference.
    pub(crate) fn as_variable(&self) -> Option<&str> {
        match &self.kind {
            Kind::Variable(name) => Some(name),
            _ => None,
        }
    }

    /// Whether this node, used as a path step, is a number or `true`/`false`/`null`
    /// (JSONata error S0213). A negated number literal counts as a number;
    /// predicates, `[]`, group-by, order-by and `@`/`#` bindings on such a
    /// literal do not change that. Anything less certain answers `false`.
    pub(crate) fn is_literal_step(&self) -> bool {
        match &self.kind {
            Kind::Number | Kind::Value => true,
            Kind::Negate(inner) => inner.is_negated_number(),
            Kind::Chain { head, ops } => {
                ops.iter().all(|op| {
                    matches!(
                        op,
                        Op::Filter(_)
                            | Op::KeepArray
                            | Op::Group(_)
                            | Op::Sort(_)
                            | Op::Focus(_)
                            | Op::Index(_)
                    )
                }) && head.is_literal_step()
            }
            _ => false,
        }
    }

    /// Whether JSONata folds `-` applied to this node into a number literal
    /// (a number, possibly negated, with only predicates, `[]` or `@`
    /// bindings applied).
    fn is_negated_number(&self) -> bool {
        match &self.kind {
            Kind::Number => true,
            Kind::Negate(inner) => inner.is_negated_number(),
            Kind::Chain { head, ops } => {
                ops.iter()
                    .all(|op| matches!(op, Op::Filter(_) | Op::KeepArray | Op::Focus(_)))
                    && head.is_negated_number()
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(kind: Kind) -> Node {
        Node { offset: 0, kind }
    }

    #[test]
    fn variables() {
        assert_eq!(node(Kind::Variable("x".into())).as_variable(), Some("x"));
        assert_eq!(node(Kind::Name("x".into())).as_variable(), None);
    }

    #[test]
    fn literal_steps() {
        assert!(node(Kind::Number).is_literal_step());
        assert!(node(Kind::Value).is_literal_step());
        assert!(node(Kind::Negate(Box::new(node(Kind::Number)))).is_literal_step());
        assert!(node(Kind::Negate(Box::new(node(Kind::Negate(Box::new(node(
            Kind::Number
        )))))))
        .is_literal_step());
        // `-true` is a unary expression, not a literal
        assert!(!node(Kind::Negate(Box::new(node(Kind::Value)))).is_literal_step());
        assert!(!node(Kind::Str("a".into())).is_literal_step());
        let filtered = node(Kind::Chain {
            head: Box::new(node(Kind::Number)),
            ops: vec![Op::Filter(node(Kind::Number)), Op::KeepArray],
        });
        assert!(filtered.is_literal_step());
        let called = node(Kind::Chain {
            head: Box::new(node(Kind::Number)),
            ops: vec![Op::Call(vec![])],
        });
        assert!(!called.is_literal_step());
        // `-1[]` folds to the number -1
        let negated = node(Kind::Negate(Box::new(node(Kind::Chain {
            head: Box::new(node(Kind::Number)),
            ops: vec![Op::KeepArray, Op::Focus("v".into())],
        }))));
        assert!(negated.is_literal_step());
        let indexed = node(Kind::Negate(Box::new(node(Kind::Chain {
            head: Box::new(node(Kind::Number)),
            ops: vec![Op::Index("i".into())],
        }))));
        assert!(!indexed.is_literal_step());
    }
}
