//! Evaluation of the trees `stepfn::syntax` parses: JSONPath Paths
//! (`jsonpath`, with `filter` for `[?(…)]` and `[(…)]`), Reference Paths for
//! `ResultPath` (`reference`), payload templates (`template`), the 18
//! intrinsic functions (`intrinsic`) and Choice rules (`choice`, with
//! `glob` for `StringMatches`).
//!
//! Every evaluator works on a compiled form made once per definition and
//! reads its roots (`$`, `$$`, `$name`) through [`Env`].

pub(crate) mod choice;
mod filter;
pub(crate) mod glob;
pub(crate) mod intrinsic;
pub(crate) mod jsonpath;
#[cfg(test)]
mod proptests;
pub(crate) mod reference;
pub(crate) mod template;

use std::fmt;

use stepfn::builder::errors;
use stepfn::model::Json;

/// Where the roots of a Path lead: the Context Object (`$$`) and the
/// variables (`$name`). The input (`$`) is passed on its own, since it
/// changes from field to field.
pub(crate) trait Roots {
    /// The Context Object, built when a Path first reads it.
    fn context(&self) -> &Json;
    /// The value of variable `name`, if it is set in a scope this state
    /// can read.
    fn variable(&self, name: &str) -> Option<&Json>;
    /// The next 64 bits of the run's seeded generator.
    fn random(&self) -> u64;
}

/// What a Path is evaluated against.
#[derive(Clone, Copy)]
pub(crate) struct Env<'a> {
    /// `$`.
    pub(crate) input: &'a Json,
    /// `$$` and `$name`.
    pub(crate) roots: &'a dyn Roots,
}

impl<'a> Env<'a> {
    /// The same roots with another value as `$`.
    pub(crate) fn with_input(self, input: &'a Json) -> Env<'a> {
        Env { input, ..self }
    }
}

/// An error raised while evaluating a field: one of AWS's `States.*`
/// names and the detail AWS gives as the cause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EvalError {
    /// The error name, e.g. `States.Runtime`.
    pub(crate) error: &'static str,
    /// What went wrong.
    pub(crate) cause: String,
    /// The byte offset of the part of the value that failed (an intrinsic
    /// call's argument), when it is known.
    pub(crate) offset: Option<usize>,
}

impl EvalError {
    /// A `States.Runtime` error: never retried nor caught.
    pub(crate) fn runtime(cause: impl Into<String>) -> EvalError {
        EvalError {
            error: errors::RUNTIME,
            cause: cause.into(),
            offset: None,
        }
    }

    /// A `States.IntrinsicFailure`.
    pub(crate) fn intrinsic(cause: impl Into<String>) -> EvalError {
        EvalError {
            error: errors::INTRINSIC_FAILURE,
            cause: cause.into(),
            offset: None,
        }
    }

    /// A `States.ResultPathMatchFailure`.
    pub(crate) fn result_path(cause: impl Into<String>) -> EvalError {
        EvalError {
            error: errors::RESULT_PATH_MATCH_FAILURE,
            cause: cause.into(),
            offset: None,
        }
    }
}

impl EvalError {
    /// The same error, located at byte `offset` of the value's text.
    pub(crate) fn at(mut self, offset: usize) -> EvalError {
        self.offset = Some(offset);
        self
    }
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.error, self.cause)
    }
}

/// Roots with an empty Context Object and no variables, for tests.
#[cfg(test)]
pub(crate) struct NoRoots(
    pub(crate) Json,
    pub(crate) stepfn::model::JsonObject,
    pub(crate) std::cell::RefCell<stepfn_jsonata::random::Rng>,
);

#[cfg(test)]
impl NoRoots {
    pub(crate) fn new() -> NoRoots {
        NoRoots(
            Json::Object(Default::default()),
            Default::default(),
            std::cell::RefCell::new(stepfn_jsonata::random::Rng::seeded(0)),
        )
    }
}

#[cfg(test)]
impl Roots for NoRoots {
    fn context(&self) -> &Json {
        &self.0
    }
    fn variable(&self, name: &str) -> Option<&Json> {
        self.1.get(name)
    }
    fn random(&self) -> u64 {
        self.2.borrow_mut().next_u64()
    }
}
