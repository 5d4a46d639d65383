//! The Rust expressions generated code is made of: literals and paths,
//! calls, method calls and arrays. Nothing else is ever written, so the
//! layout (see `layout`) only has to know how rustfmt lays out these.

/// One expression of generated code.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Expr {
    /// A literal (`"text"`, `42`, `-1.5`, `true`), written as is.
    Lit(String),
    /// A path (`Discard`, `QueryLanguage::Jsonata`, a variable).
    Path(String),
    /// `callee(args)`, where `callee` is a path such as `Task::new`.
    Call(String, Vec<Expr>),
    /// `root.method(args).method(args)...`: a method chain, kept flat so that
    /// a chain of any length nests no deeper than its root.
    Chain(Box<Expr>, Vec<Link>),
    /// `[items]`.
    Array(Vec<Expr>),
}

impl Expr {
    /// A path expression.
    pub(crate) fn path(path: impl Into<String>) -> Expr {
        Expr::Path(path.into())
    }

    /// A call of `callee` with `args`.
    pub(crate) fn call(callee: impl Into<String>, args: Vec<Expr>) -> Expr {
        Expr::Call(callee.into(), args)
    }

    /// This expression with `.method(args)` after it.
    pub(crate) fn method(self, method: impl Into<String>, args: Vec<Expr>) -> Expr {
        let link = Link {
            method: method.into(),
            args,
        };
        match self {
            Expr::Chain(root, mut links) => {
                links.push(link);
                Expr::Chain(root, links)
            }
            root => Expr::Chain(Box::new(root), vec![link]),
        }
    }

    /// A string literal.
    pub(crate) fn str(text: &str) -> Expr {
        Expr::Lit(super::literal::string(text))
    }
}

/// One `.method(args)` of a chain.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Link {
    pub(crate) method: String,
    pub(crate) args: Vec<Expr>,
}
