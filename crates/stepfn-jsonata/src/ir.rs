//! The compiled form of an expression: the syntax tree reshaped the way
//! jsonata-js reshapes its parse tree before evaluating it.
//!
//! Location paths become a [`Kind::Path`] with a flat list of steps; each
//! step carries its predicates ("stages"), focus and index bindings and
//! parent-resolution data; other nodes carry their predicates and group-by
//! directly. Tail calls in lambda bodies are wrapped in thunks.

use stepfn::syntax::jsonata::{BinaryOp, Signature};

use crate::functions::Builtin;
use crate::regex::CompiledRegex;

/// One compiled node.
#[derive(Debug)]
pub(crate) struct Node {
    /// What the node is.
    pub(crate) kind: Kind,
    /// Byte offset in the expression (of the operator for operations).
    pub(crate) position: usize,
    /// `[]` applied: a sequence result keeps a single item as an array.
    pub(crate) keep_array: bool,
    /// Predicates applied to the result of a node that is not a path step
    /// (`$x[0]`, `(a)[b]`).
    pub(crate) predicate: Vec<Node>,
    /// A group-by applied to this node's result.
    pub(crate) group: Option<Box<Group>>,
    /// Data used when the node is a step of a path.
    pub(crate) step: Step,
    /// Parent slots not yet resolved (compile time only).
    pub(crate) seeking: Vec<usize>,
    /// For a variable named like a built-in: the built-in (used when no
    /// scope binds the name).
    pub(crate) builtin: Option<&'static Builtin>,
}

/// What a node needs when it is a step of a path.
#[derive(Debug, Default)]
pub(crate) struct Step {
    /// Predicates and index bindings applied to the step's result.
    pub(crate) stages: Vec<Stage>,
    /// `@$name`: the step's value is bound to `name`, the context stays.
    pub(crate) focus: Option<String>,
    /// `#$name`: the position is bound to `name`.
    pub(crate) index: Option<String>,
    /// The path must carry tuples (bindings) from this step on.
    pub(crate) tuple: bool,
    /// A `%` further on refers to this step's context: the slot whose label
    /// binds it.
    pub(crate) ancestor: Option<usize>,
    /// An array constructor as the first or last step: not flattened.
    pub(crate) consarray: bool,
}

/// One stage applied to a step's result.
#[derive(Debug)]
pub(crate) enum Stage {
    /// `[predicate]`.
    Filter(Node),
    /// `#$name` after a predicate.
    Index(String),
}

/// A group-by or object constructor.
#[derive(Debug)]
pub(crate) struct Group {
    /// Key and value expressions.
    pub(crate) pairs: Vec<(Node, Node)>,
    /// Byte offset of the `{`.
    pub(crate) position: usize,
    /// Every key is a plain string literal and no two are the same (the
    /// usual `{"id": id, "name": name}`): the keys need no evaluation and
    /// no check at run time.
    pub(crate) literal_keys: bool,
}

impl Group {
    /// The group of `pairs`, the `{` at `position`.
    pub(crate) fn new(pairs: Vec<(Node, Node)>, position: usize) -> Group {
        fn literal(node: &Node) -> Option<&str> {
            match &node.kind {
                Kind::String(key)
                    if node.predicate.is_empty() && node.group.is_none() && !node.keep_array =>
                {
                    Some(key.as_str())
                }
                _ => None,
            }
        }
        let keys: Option<Vec<&str>> = pairs.iter().map(|(key, _)| literal(key)).collect();
        let literal_keys = keys.is_some_and(|keys| {
            let mut sorted = keys.clone();
            sorted.sort_unstable();
            sorted.windows(2).all(|w| w.first() != w.last())
        });
        Group {
            pairs,
            position,
            literal_keys,
        }
    }
}

/// The kinds of compiled node.
#[derive(Debug)]
pub(crate) enum Kind {
    /// A location path.
    Path {
        /// The steps, at least one.
        steps: Vec<Node>,
        /// Some step has `[]`: the result stays an array.
        keep_singleton: bool,
        /// The path's tuples carry parent data upwards: return the stream.
        tuple: bool,
    },
    /// A field name (a path step).
    Name(String),
    /// A string literal.
    String(String),
    /// A number literal.
    Number(f64),
    /// `true` or `false`.
    Bool(bool),
    /// `null`.
    Null,
    /// A regular-expression literal, compiled.
    Regex(Box<CompiledRegex>),
    /// `$name` (`""` for `$`, `"$"` for `$$`).
    Variable(String),
    /// `*`
    Wildcard,
    /// `**`
    Descendant,
    /// `%`: the value bound to a parent slot's label.
    Parent(usize),
    /// Unary minus.
    Negate(Box<Node>),
    /// `[…]`
    ArrayConstructor(Vec<Node>),
    /// `{…}` as an operand.
    ObjectConstructor(Box<Group>),
    /// `low..high` inside `[…]`.
    Range(Box<Node>, Box<Node>),
    /// A binary operator (not `~>`).
    Binary(BinaryOp, Box<Node>, Box<Node>),
    /// `lhs ~> rhs`
    Apply(Box<Node>, Box<Node>),
    /// `cond ? then : else`
    Condition(Box<Node>, Box<Node>, Option<Box<Node>>),
    /// `( a; b; … )`
    Block(Vec<Node>),
    /// `$name := value`
    Bind(String, Box<Node>),
    /// A function call, or a partial application when some argument is `?`.
    Call {
        /// What is called.
        procedure: Box<Node>,
        /// The arguments.
        args: Vec<Node>,
        /// Some argument is a `?` placeholder.
        partial: bool,
    },
    /// A `?` placeholder argument.
    Placeholder,
    /// A lambda.
    Lambda(Box<Lambda>),
    /// `| pattern | update, delete |`
    Transform {
        /// What to change.
        pattern: Box<Node>,
        /// Merged into each match.
        update: Box<Node>,
        /// Field names removed from each match.
        delete: Option<Box<Node>>,
    },
    /// `^(…)` as a path step.
    Sort(Vec<SortTerm>),
}

/// A lambda definition.
#[derive(Debug)]
pub(crate) struct Lambda {
    /// Parameter names.
    pub(crate) params: Vec<String>,
    /// The signature, if written.
    pub(crate) signature: Option<Signature>,
    /// The body.
    pub(crate) body: Node,
    /// A tail-call thunk: the body is a call to make once the caller returns.
    pub(crate) thunk: bool,
}

/// One order-by term.
#[derive(Debug)]
pub(crate) struct SortTerm {
    /// Largest first.
    pub(crate) descending: bool,
    /// The key.
    pub(crate) expr: Node,
}

impl Node {
    /// A node of `kind` at `position` with nothing attached.
    pub(crate) fn new(kind: Kind, position: usize) -> Node {
        Node {
            kind,
            position,
            keep_array: false,
            predicate: Vec::new(),
            group: None,
            step: Step::default(),
            seeking: Vec::new(),
            builtin: None,
        }
    }

    /// Whether this is a path.
    pub(crate) fn is_path(&self) -> bool {
        matches!(self.kind, Kind::Path { .. })
    }

    /// Whether this is an array constructor.
    pub(crate) fn is_array_constructor(&self) -> bool {
        matches!(self.kind, Kind::ArrayConstructor(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(key: Kind) -> (Node, Node) {
        (Node::new(key, 0), Node::new(Kind::Null, 0))
    }

    #[test]
    fn only_distinct_plain_string_keys_are_literal_keys() {
        let text = |s: &str| Kind::String(s.to_string());
        assert!(Group::new(vec![pair(text("a")), pair(text("b"))], 0).literal_keys);
        assert!(Group::new(Vec::new(), 0).literal_keys);
        // a repeated key is D1009 at run time
        assert!(!Group::new(vec![pair(text("a")), pair(text("a"))], 0).literal_keys);
        // a computed key is evaluated
        assert!(!Group::new(vec![pair(Kind::Name("a".into()))], 0).literal_keys);
        let mut filtered = pair(text("a"));
        filtered.0.keep_array = true;
        assert!(!Group::new(vec![filtered], 0).literal_keys);
    }
}
