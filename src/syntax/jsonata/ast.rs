//! The syntax tree produced by [`parse`](super::parse).
//!
//! The tree keeps everything the source says: literal values (numbers as
//! JavaScript reads them, decoded strings, regular-expression patterns and
//! flags), lambda parameters and signatures, order-by directions, and the
//! byte offset of every operand and operation.
//!
//! Left-associative operator sequences (`a.b.c`, `a + b + c`, `f(1)(2)`,
//! `x[0][1]`) are stored flat as a [`Kind::Chain`]: a head plus the
//! operations applied to it in order. Every other child is the result of a
//! nested parse, so the depth of the tree is bounded by the parser's nesting
//! limit ([`MAX_NESTING`](super::MAX_NESTING)) and walking or dropping it
//! cannot overflow the stack.

use super::signature::Signature;

/// One node with the byte offset of its first token.
///
/// ```
/// use stepfn::syntax::jsonata::{parse, Kind};
/// let tree = parse("42")?;
/// assert_eq!((tree.offset, tree.kind), (0, Kind::Number(42.0)));
/// # Ok::<(), stepfn::syntax::jsonata::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Byte offset of the node's first token within the expression.
    pub offset: usize,
    /// What the node is.
    pub kind: Kind,
}

/// The kinds of node.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// A field name: `phone`, `` `a b` ``, or `and`/`or`/`in` used as a name.
    Name(String),
    /// A variable without its `$`: `""` for `$` (the context), `"$"` for `$$`
    /// (the input).
    Variable(String),
    /// A string literal, escapes decoded; an escaped lone surrogate
    /// (`\uD800` without its pair) is [`LONE_SURROGATE`](super::LONE_SURROGATE).
    Str(String),
    /// A number literal, read as JavaScript reads it (an IEEE double).
    Number(f64),
    /// `true` or `false`.
    Bool(bool),
    /// `null`.
    Null,
    /// A regular-expression literal `/pattern/flags`.
    Regex(Box<RegexLiteral>),
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
        /// The type signature, if one is written.
        signature: Option<Box<Signature>>,
        /// The body.
        body: Box<Node>,
    },
    /// `| pattern | update, delete |`.
    Transform {
        /// Which values to change.
        pattern: Box<Node>,
        /// Object merged into each matched value.
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

/// A regular-expression literal. The pattern is ECMAScript syntax that
/// JavaScript compiles (the parser checks it); the flags are `i` and `m`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegexLiteral {
    /// The text between the slashes, as written.
    pub pattern: String,
    /// The `i` flag: letters match regardless of case.
    pub case_insensitive: bool,
    /// The `m` flag: `^` and `$` match at line boundaries.
    pub multiline: bool,
}

/// One entry of an array constructor.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A plain expression.
    Single(Node),
    /// `low..high`.
    Range {
        /// The first number.
        low: Node,
        /// The last number.
        high: Node,
        /// Byte offset of the `..` operator.
        offset: usize,
    },
}

/// One argument of a function call.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// An ordinary argument.
    Expr(Node),
    /// A `?` placeholder (partial application), with its byte offset.
    Placeholder(usize),
}

/// One term of an order-by `^(…)`.
#[derive(Debug, Clone, PartialEq)]
pub struct SortTerm {
    /// `>` was written: largest first.
    pub descending: bool,
    /// The sort key, evaluated against each item.
    pub expr: Node,
}

/// An operation applied to the value built so far in a [`Kind::Chain`].
#[derive(Debug, Clone, PartialEq)]
pub struct Op {
    /// Byte offset of the operator token (`.`, `[`, `(`, `+`, `?`, …).
    pub offset: usize,
    /// What the operation is.
    pub kind: OpKind,
}

/// The operations of a [`Kind::Chain`].
#[derive(Debug, Clone, PartialEq)]
pub enum OpKind {
    /// `.step`: a path step after the first.
    Step(Node),
    /// `[predicate]` or `[index]`.
    Filter(Node),
    /// `[]`: keep singleton arrays.
    KeepArray,
    /// `{k: v, …}` applied to the left: group-by.
    Group(Vec<(Node, Node)>),
    /// `^(term, …)`: order-by.
    Sort(Vec<SortTerm>),
    /// `(args)`: function call or partial application.
    Call(Vec<Arg>),
    /// `@$name`: focus variable binding.
    Focus(String),
    /// `#$name`: index variable binding.
    Index(String),
    /// An infix operator and its right operand.
    Binary(BinaryOp, Node),
    /// `:= value`; the head of the chain is the bound variable.
    Bind(Node),
    /// `? then : else`.
    Condition(Box<Node>, Option<Box<Node>>),
}

impl OpKind {
    /// Whether the operation keeps what it applies to a single path step:
    /// a predicate, `[]`, group-by, order-by or an `@`/`#` binding.
    pub(crate) fn keeps_step(&self) -> bool {
        matches!(
            self,
            OpKind::Filter(_)
                | OpKind::KeepArray
                | OpKind::Group(_)
                | OpKind::Sort(_)
                | OpKind::Focus(_)
                | OpKind::Index(_)
        )
    }
}

/// The infix operators whose operands are plain expressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOp {
    /// `+`
    Add,
    /// `-`
    Subtract,
    /// `*`
    Multiply,
    /// `/`
    Divide,
    /// `%`
    Modulo,
    /// `=`
    Equal,
    /// `!=`
    NotEqual,
    /// `<`
    Less,
    /// `<=`
    LessEqual,
    /// `>`
    Greater,
    /// `>=`
    GreaterEqual,
    /// `&`
    Concat,
    /// `and`
    And,
    /// `or`
    Or,
    /// `in`
    In,
    /// `~>` (function application)
    Apply,
}

impl BinaryOp {
    /// The operator as written.
    ///
    /// ```
    /// use stepfn::syntax::jsonata::BinaryOp;
    /// assert_eq!(BinaryOp::Apply.symbol(), "~>");
    /// ```
    #[must_use]
    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOp::Add => "+",
            BinaryOp::Subtract => "-",
            BinaryOp::Multiply => "*",
            BinaryOp::Divide => "/",
            BinaryOp::Modulo => "%",
            BinaryOp::Equal => "=",
            BinaryOp::NotEqual => "!=",
            BinaryOp::Less => "<",
            BinaryOp::LessEqual => "<=",
            BinaryOp::Greater => ">",
            BinaryOp::GreaterEqual => ">=",
            BinaryOp::Concat => "&",
            BinaryOp::And => "and",
            BinaryOp::Or => "or",
            BinaryOp::In => "in",
            BinaryOp::Apply => "~>",
        }
    }

    /// The operator for `symbol`, if it is one.
    pub(crate) fn from_symbol(symbol: &str) -> Option<BinaryOp> {
        Some(match symbol {
            "+" => BinaryOp::Add,
            "-" => BinaryOp::Subtract,
            "*" => BinaryOp::Multiply,
            "/" => BinaryOp::Divide,
            "%" => BinaryOp::Modulo,
            "=" => BinaryOp::Equal,
            "!=" => BinaryOp::NotEqual,
            "<" => BinaryOp::Less,
            "<=" => BinaryOp::LessEqual,
            ">" => BinaryOp::Greater,
            ">=" => BinaryOp::GreaterEqual,
            "&" => BinaryOp::Concat,
            "and" => BinaryOp::And,
            "or" => BinaryOp::Or,
            "in" => BinaryOp::In,
            "~>" => BinaryOp::Apply,
            _ => return None,
        })
    }
}

impl Node {
    /// The variable name if this node is exactly one variable reference.
    ///
    /// ```
    /// use stepfn::syntax::jsonata::parse;
    /// assert_eq!(parse("$total")?.as_variable(), Some("total"));
    /// assert_eq!(parse("total")?.as_variable(), None);
    /// # Ok::<(), stepfn::syntax::jsonata::ParseError>(())
    /// ```
    #[must_use]
    pub fn as_variable(&self) -> Option<&str> {
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
            Kind::Number(_) | Kind::Bool(_) | Kind::Null => true,
            Kind::Negate(inner) => inner.is_negated_number(),
            Kind::Chain { head, ops } => {
                ops.iter().all(|op| op.kind.keeps_step()) && head.is_literal_step()
            }
            _ => false,
        }
    }

    /// Whether JSONata folds `-` applied to this node into a number literal
    /// (a number, possibly negated, with only predicates, `[]` or `@`
    /// bindings applied).
    fn is_negated_number(&self) -> bool {
        match &self.kind {
            Kind::Number(_) => true,
            Kind::Negate(inner) => inner.is_negated_number(),
            Kind::Chain { head, ops } => {
                ops.iter().all(|op| {
                    matches!(
                        op.kind,
                        OpKind::Filter(_) | OpKind::KeepArray | OpKind::Focus(_)
                    )
                }) && head.is_negated_number()
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

    fn op(kind: OpKind) -> Op {
        Op { offset: 0, kind }
    }

    #[test]
    fn variables() {
        assert_eq!(node(Kind::Variable("x".into())).as_variable(), Some("x"));
        assert_eq!(node(Kind::Name("x".into())).as_variable(), None);
    }

    #[test]
    fn operator_symbols_round_trip() {
        for symbol in [
            "+", "-", "*", "/", "%", "=", "!=", "<", "<=", ">", ">=", "&", "and", "or", "in", "~>",
        ] {
            let op = BinaryOp::from_symbol(symbol).expect(symbol);
            assert_eq!(op.symbol(), symbol);
        }
        assert_eq!(BinaryOp::from_symbol("."), None);
    }

    #[test]
    fn literal_steps() {
        let number = || node(Kind::Number(1.0));
        assert!(number().is_literal_step());
        assert!(node(Kind::Bool(true)).is_literal_step());
        assert!(node(Kind::Null).is_literal_step());
        assert!(node(Kind::Negate(Box::new(number()))).is_literal_step());
        assert!(node(Kind::Negate(Box::new(node(Kind::Negate(Box::new(
            number()
        ))))))
        .is_literal_step());
        // `-true` is a unary expression, not a literal
        assert!(!node(Kind::Negate(Box::new(node(Kind::Bool(true))))).is_literal_step());
        assert!(!node(Kind::Str("a".into())).is_literal_step());
        let filtered = node(Kind::Chain {
            head: Box::new(number()),
            ops: vec![op(OpKind::Filter(number())), op(OpKind::KeepArray)],
        });
        assert!(filtered.is_literal_step());
        let called = node(Kind::Chain {
            head: Box::new(number()),
            ops: vec![op(OpKind::Call(vec![]))],
        });
        assert!(!called.is_literal_step());
        // `-1[]` folds to the number -1
        let negated = node(Kind::Negate(Box::new(node(Kind::Chain {
            head: Box::new(number()),
            ops: vec![op(OpKind::KeepArray), op(OpKind::Focus("v".into()))],
        }))));
        assert!(negated.is_literal_step());
        let indexed = node(Kind::Negate(Box::new(node(Kind::Chain {
            head: Box::new(number()),
            ops: vec![op(OpKind::Index("i".into()))],
        }))));
        assert!(!indexed.is_literal_step());
    }
}
