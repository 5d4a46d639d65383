//! The tree of a parsed Path: its root and its steps, with the filter and
//! script expressions steps may hold. Plain owned data, no lifetimes, so
//! an evaluator can keep it and walk it with `match`.

use crate::model::Number;

/// A parsed Path: what it starts from, then the steps that select nodes.
///
/// [`Display`](std::fmt::Display) writes canonical text that parses back
/// to the same tree: plain names as `.name`, other names as `['name']`.
///
/// ```
/// use stepfn::syntax::path::{parse_path, PathRoot, Selector, Step};
/// let path = parse_path("$.order['line items'][0]")?;
/// assert_eq!(path.root, PathRoot::Input);
/// assert_eq!(path.steps, [
///     Step::Child(Selector::Name("order".into())),
///     Step::Child(Selector::Name("line items".into())),
///     Step::Child(Selector::Index(0)),
/// ]);
/// assert_eq!(path.to_string(), "$.order['line items'][0]");
/// # Ok::<(), stepfn::syntax::SyntaxError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    /// What the Path is evaluated against.
    pub root: PathRoot,
    /// The steps, applied left to right.
    pub steps: Vec<Step>,
}

impl Path {
    /// Whether the Path selects at most one node: only names, indexes and
    /// no descendant step (the steps a Reference Path allows, negative
    /// indexes aside).
    ///
    /// ```
    /// use stepfn::syntax::path::parse_path;
    /// assert!(parse_path("$.a[0]['b']")?.is_single_node());
    /// assert!(!parse_path("$.a[*]")?.is_single_node());
    /// assert!(!parse_path("$..a")?.is_single_node());
    /// # Ok::<(), stepfn::syntax::SyntaxError>(())
    /// ```
    #[must_use]
    pub fn is_single_node(&self) -> bool {
        self.steps.iter().all(|step| {
            matches!(
                step,
                Step::Child(Selector::Name(_)) | Step::Child(Selector::Index(_))
            )
        })
    }
}

/// What a Path is evaluated against, decided by how it starts.
///
/// ```
/// use stepfn::syntax::path::{parse_path, PathRoot};
/// assert_eq!(parse_path("$.a")?.root, PathRoot::Input);
/// assert_eq!(parse_path("$$.Execution.Id")?.root, PathRoot::Context);
/// assert_eq!(parse_path("$total.amount")?.root, PathRoot::Variable("total".into()));
/// # Ok::<(), stepfn::syntax::SyntaxError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PathRoot {
    /// `$…`: the state's input (or whatever the field applies to).
    Input,
    /// `$$…`: the Context Object.
    Context,
    /// `$name…`: the workflow variable `name` (the name, without `$`).
    Variable(String),
}

/// One step of a Path.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// `.name`, `['name']`, `[0]`, `[*]`, `.*`, `[1:3]`, `[?(…)]`, …: the
    /// selector applies to the children of each current node.
    Child(Selector),
    /// `..name`, `..*`, `..[…]`: the selector applies to the children of
    /// each current node and of every node below it (a deep scan).
    Descendant(Selector),
}

/// What a step selects.
#[derive(Debug, Clone, PartialEq)]
pub enum Selector {
    /// The object member with this name (`.name`, `['name']`), escapes
    /// already decoded: a backslash keeps the character after it.
    Name(String),
    /// Several object members, in order (`['a','b']`): two or more names.
    Names(Vec<String>),
    /// The array element at this index (`[0]`); a negative index counts
    /// from the end (`[-1]` is the last element).
    Index(i32),
    /// Several array elements, in order (`[0,1]`): two or more indexes.
    Indexes(Vec<i32>),
    /// Every member or element (`*`).
    Wildcard,
    /// A slice of an array (`[start:end:step]`).
    Slice(Slice),
    /// The members or elements for which the condition holds
    /// (`[?(@.price < 10)]`).
    Filter(Filter),
    /// The member or element whose index or name the expression computes
    /// (`[(@.length-1)]`).
    Script(Arithmetic),
}

/// `[start:end:step]`: each part may be left out (`[1:]`, `[:2]`, `[::2]`);
/// the step is never 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Slice {
    /// First index (negative counts from the end); `None` for the start.
    pub start: Option<i32>,
    /// Index to stop before (negative counts from the end); `None` for the
    /// end.
    pub end: Option<i32>,
    /// Distance between indexes; `None` for 1.
    pub step: Option<i32>,
}

/// The condition of a filter `[?(…)]`.
///
/// The parser keeps the tree flat: `&&` and `||` chains are lists, a
/// repeated `!` is kept once or dropped (an even number cancels out), and
/// parentheses leave no node of their own.
///
/// ```
/// use stepfn::syntax::path::{parse_path, Comparison, Filter, Operand, Selector, Step};
/// let path = parse_path("$.items[?(@.price < 10 && !@.sold)]")?;
/// let Some(Step::Child(Selector::Filter(Filter::And(both)))) = path.steps.get(1) else {
///     panic!("expected a filter");
/// };
/// assert!(matches!(&both[0], Filter::Compare { op: Comparison::Less, right: Operand::Number(_), .. }));
/// assert!(matches!(&both[1], Filter::Not(inner) if matches!(**inner, Filter::Exists(_))));
/// # Ok::<(), stepfn::syntax::SyntaxError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Filter {
    /// `a || b || …`: two or more conditions, one of which holds.
    Or(Vec<Filter>),
    /// `a && b && …`: two or more conditions that all hold.
    And(Vec<Filter>),
    /// `!a`: the condition does not hold.
    Not(Box<Filter>),
    /// `left op right`.
    Compare {
        /// The left operand.
        left: Operand,
        /// The comparison.
        op: Comparison,
        /// The right operand.
        right: Operand,
    },
    /// `@.a`: the current item has something at these steps.
    Exists(Vec<Step>),
}

/// An operand of a filter comparison.
#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    /// `@…`: the steps from the item being filtered (`@` alone is the
    /// item itself).
    Current(Vec<Step>),
    /// A number literal.
    Number(Number),
    /// A quoted string (`'…'` or `"…"`), escapes decoded: a backslash
    /// keeps the character after it.
    String(String),
    /// `true` or `false`.
    Bool(bool),
    /// `null`.
    Null,
    /// Any other unquoted word, such as `FooBar` in `@.key == FooBar`.
    Word(String),
}

/// A comparison operator of a filter.
///
/// ```
/// use stepfn::syntax::path::Comparison;
/// assert_eq!(Comparison::LessOrEqual.as_str(), "<=");
/// assert_eq!(Comparison::StrictNotEqual.to_string(), "!==");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Comparison {
    /// `==`
    Equal,
    /// `!=`
    NotEqual,
    /// `===`
    StrictEqual,
    /// `!==`
    StrictNotEqual,
    /// `<`
    Less,
    /// `<=`
    LessOrEqual,
    /// `>`
    Greater,
    /// `>=`
    GreaterOrEqual,
}

impl Comparison {
    /// Every operator, longest spellings first (the order to match them in).
    pub(super) const ALL: [Comparison; 8] = [
        Comparison::StrictEqual,
        Comparison::StrictNotEqual,
        Comparison::Equal,
        Comparison::NotEqual,
        Comparison::LessOrEqual,
        Comparison::GreaterOrEqual,
        Comparison::Less,
        Comparison::Greater,
    ];

    /// The operator as written (example on [`Comparison`]).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Comparison::Equal => "==",
            Comparison::NotEqual => "!=",
            Comparison::StrictEqual => "===",
            Comparison::StrictNotEqual => "!==",
            Comparison::Less => "<",
            Comparison::LessOrEqual => "<=",
            Comparison::Greater => ">",
            Comparison::GreaterOrEqual => ">=",
        }
    }
}

/// The expression of a script index `[(…)]`: arithmetic over numbers and
/// `@` paths.
///
/// Operators of one precedence level form one [`Operation`](Arithmetic::Operation)
/// list, applied left to right; `*`, `/` and `%` are grouped before `+`
/// and `-`. A repeated unary `-` is kept once or dropped, a unary `+` is
/// dropped, and parentheses leave no node of their own.
///
/// ```
/// use stepfn::syntax::path::{parse_path, ArithOp, Arithmetic, Selector, Step};
/// let path = parse_path("$[(@.length-1)]")?;
/// let Some(Step::Child(Selector::Script(Arithmetic::Operation { first, rest }))) = path.steps.first() else {
///     panic!("expected a script");
/// };
/// assert!(matches!(**first, Arithmetic::Current(_)));
/// assert!(matches!(rest.as_slice(), [(ArithOp::Subtract, Arithmetic::Number(_))]));
/// # Ok::<(), stepfn::syntax::SyntaxError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Arithmetic {
    /// A number literal.
    Number(Number),
    /// `@…`: the steps from the node the script applies to (`@.length`
    /// is the length of an array).
    Current(Vec<Step>),
    /// `-x`.
    Negate(Box<Arithmetic>),
    /// `first op x op y …`, applied left to right; all operators of one
    /// list have the same precedence.
    Operation {
        /// The first operand.
        first: Box<Arithmetic>,
        /// Each further operand with the operator before it.
        rest: Vec<(ArithOp, Arithmetic)>,
    },
}

/// An arithmetic operator of a script index.
///
/// ```
/// use stepfn::syntax::path::ArithOp;
/// assert_eq!(ArithOp::Remainder.as_str(), "%");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ArithOp {
    /// `+`
    Add,
    /// `-`
    Subtract,
    /// `*`
    Multiply,
    /// `/`
    Divide,
    /// `%`
    Remainder,
}

impl ArithOp {
    /// The operator as written (example on [`ArithOp`]).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            ArithOp::Add => "+",
            ArithOp::Subtract => "-",
            ArithOp::Multiply => "*",
            ArithOp::Divide => "/",
            ArithOp::Remainder => "%",
        }
    }

    /// The operator written as `c`, if any.
    pub(super) fn from_char(c: char) -> Option<ArithOp> {
        match c {
            '+' => Some(ArithOp::Add),
            '-' => Some(ArithOp::Subtract),
            '*' => Some(ArithOp::Multiply),
            '/' => Some(ArithOp::Divide),
            '%' => Some(ArithOp::Remainder),
            _ => None,
        }
    }

    /// Whether the operator is `+` or `-` (the lower precedence level).
    pub(super) fn is_additive(self) -> bool {
        matches!(self, ArithOp::Add | ArithOp::Subtract)
    }
}
