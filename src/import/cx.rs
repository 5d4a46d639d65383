//! What generating the code of one function needs and gathers: its names,
//! the statements written so far, and (for the whole file) the `use` lines
//! and the notes about what could not be written exactly.

use std::collections::BTreeSet;

use super::code::Expr;
use super::names::Names;

/// One statement of a generated function.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Statement {
    /// `let name = value;`
    Let(String, Expr),
    /// An empty line, before the statements that put the states together.
    Blank,
    /// The value the function returns.
    Tail(Expr),
}

/// What the whole generated file gathers while its functions are written.
#[derive(Debug, Default)]
pub(crate) struct FileCx {
    /// The items to `use` besides `stepfn::prelude::*`, as paths.
    pub(crate) uses: BTreeSet<&'static str>,
    /// Where the code may build different JSON than the definition, and why.
    pub(crate) notes: Vec<String>,
}

impl FileCx {
    /// Records that the code names `path` (`stepfn::tasks::LambdaInvoke`).
    pub(crate) fn uses(&mut self, path: &'static str) {
        self.uses.insert(path);
    }

    /// Records a note about state `state`.
    pub(crate) fn note(&mut self, state: &str, message: impl std::fmt::Display) {
        self.notes.push(format!(
            "state {}: {message}",
            super::literal::string(state)
        ));
    }
}

/// The function being written.
#[derive(Debug)]
pub(crate) struct FnCx<'f> {
    pub(crate) file: &'f mut FileCx,
    /// The names declared in the function.
    pub(crate) names: Names,
    pub(crate) statements: Vec<Statement>,
    /// The variable of the state being written, for naming values moved out
    /// of its expression.
    pub(crate) owner: String,
    /// The state being written, for notes.
    pub(crate) state: String,
}

impl FnCx<'_> {
    /// A new variable holding `value` (named after the state and `what`),
    /// declared before the statement being written: a value too deeply
    /// nested to stay in the expression that uses it.
    pub(crate) fn hoist(&mut self, value: Expr, what: &str) -> Expr {
        let name = self.names.unique(&format!("{}_{what}", self.owner));
        self.statements.push(Statement::Let(name.clone(), value));
        Expr::path(name)
    }

    /// Records a note about the state being written.
    pub(crate) fn note(&mut self, message: impl std::fmt::Display) {
        let state = self.state.clone();
        self.file.note(&state, message);
    }
}
