//! `Parallel`: runs branches at the same time.

use crate::model::{self, Branch, Transition};

use crate::builder::fields::state_fields;
use crate::builder::graph::{Pending, Piece};
use crate::builder::scope::nested_scope;
use crate::builder::IntoChain;
use crate::problem::Path;

/// A `Parallel` state: runs each branch on the same input and outputs the
/// array of their outputs.
///
/// ```
/// use stepfn::builder::{Parallel, Pass};
/// let state = Parallel::new("Fan out")
///     .branch(Pass::new("Left"))
///     .branch(Pass::new("Right"));
/// assert_eq!(state.to_json(), r#"{"Type":"Parallel","Branches":[{"StartAt":"Left","States":{"Left":{"Type":"Pass","End":true}}},{"StartAt":"Right","States":{"Right":{"Type":"Pass","End":true}}}],"End":true}"#);
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct Parallel {
    pub(crate) name: String,
    pub(crate) inner: model::Parallel,
    pub(crate) problems: Vec<Pending>,
    pub(crate) brings: Vec<Piece>,
}

impl Parallel {
    /// A Parallel state named `name`; add branches with [`Parallel::branch`].
    ///
    /// ```
    /// use stepfn::builder::Parallel;
    /// // No branches yet: building a machine with it reports EMPTY_ARRAY.
    /// assert_eq!(Parallel::new("P").to_json(), r#"{"Type":"Parallel","Branches":[],"End":true}"#);
    /// ```
    pub fn new(name: impl Into<String>) -> Parallel {
        Parallel {
            name: name.into(),
            inner: model::Parallel {
                comment: None,
                query_language: None,
                input_path: None,
                parameters: None,
                arguments: None,
                branches: Vec::new(),
                result_selector: None,
                result_path: None,
                output_path: None,
                output: None,
                assign: None,
                retry: None,
                catch: None,
                transition: Transition::End,
            },
            problems: Vec::new(),
            brings: Vec::new(),
        }
    }

    /// Adds a branch: a chain run on the state's input, in a scope of its own
    /// (its states cannot go to states outside it, nor outside ones into it).
    ///
    /// ```
    /// use stepfn::builder::{Parallel, Pass};
    /// let state = Parallel::new("P").branch(Pass::new("A").next(Pass::new("B")));
    /// assert_eq!(state.to_json(), r#"{"Type":"Parallel","Branches":[{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","End":true}}}],"End":true}"#);
    /// ```
    pub fn branch<C: IntoChain>(mut self, branch: C) -> Parallel {
        let field = Path::root()
            .key("Branches")
            .index(self.inner.branches.len());
        let (start_at, states, problems) = nested_scope(branch, &self.name, field);
        self.problems.extend(problems);
        self.inner.branches.push(Branch {
            comment: None,
            start_at,
            states,
        });
        self
    }

    /// Adds a branch with a `Comment` (see [`Parallel::branch`]).
    ///
    /// ```
    /// use stepfn::builder::{Parallel, Pass};
    /// let state = Parallel::new("P").branch_with_comment(Pass::new("A"), "the fast path");
    /// assert_eq!(state.to_json(), r#"{"Type":"Parallel","Branches":[{"Comment":"the fast path","StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}],"End":true}"#);
    /// ```
    pub fn branch_with_comment<C: IntoChain>(
        self,
        branch: C,
        comment: impl Into<String>,
    ) -> Parallel {
        let mut parallel = self.branch(branch);
        if let Some(added) = parallel.inner.branches.last_mut() {
            added.comment = Some(comment.into());
        }
        parallel
    }
}

state_builder!(Parallel, open);
retry_and_catch!(Parallel, "Parallel::new(\"S\").branch(Pass::new(\"B\"))");
state_fields!(Parallel, "Parallel::new(\"S\").branch(Pass::new(\"B\"))"; comment, query_language,
    input_path, parameters, arguments, result_selector, result_path, output_path, output, assign);
