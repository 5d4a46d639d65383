//! `Succeed`: ends the machine (or a branch) successfully.

use crate::model;

use crate::builder::fields::state_fields;
use crate::builder::graph::{Pending, Piece};

/// A `Succeed` state: stops successfully. Nothing can follow it:
///
/// ```compile_fail
/// use stepfn::builder::{Pass, Succeed};
/// let chain = Succeed::new("Done").next(Pass::new("After"));
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct Succeed {
    pub(crate) name: String,
    pub(crate) inner: model::Succeed,
    pub(crate) problems: Vec<Pending>,
    pub(crate) brings: Vec<Piece>,
}

impl Succeed {
    /// A Succeed state named `name`.
    ///
    /// ```
    /// use stepfn::builder::Succeed;
    /// assert_eq!(Succeed::new("Done").to_json(), r#"{"Type":"Succeed"}"#);
    /// ```
    pub fn new(name: impl Into<String>) -> Succeed {
        Succeed {
            name: name.into(),
            inner: model::Succeed::default(),
            problems: Vec::new(),
            brings: Vec::new(),
        }
    }
}

state_builder!(Succeed, terminal);
state_fields!(Succeed, "Succeed::new(\"S\")"; comment, query_language, input_path, output_path, output);
