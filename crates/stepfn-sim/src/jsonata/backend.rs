//! The JSONata evaluator behind [`super::Expr`]. This build has none:
//! compiling an expression fails with a message that says so, so a
//! definition with JSONata states is refused before it runs.

use stepfn::model::Json;

use super::Scope;

/// Whether this build evaluates JSONata.
pub(crate) fn available() -> bool {
    false
}

/// A compiled expression.
#[derive(Debug)]
pub(crate) struct Compiled;

/// Compiles an expression.
pub(crate) fn compile(_text: &str) -> Result<Compiled, String> {
    Err(
        "JSONata expressions need the stepfn-jsonata evaluator, which this build of \
         stepfn-sim does not include yet; run JSONPath states only"
            .to_owned(),
    )
}

/// Evaluates an expression.
pub(crate) fn evaluate(_compiled: &Compiled, _scope: &Scope<'_>) -> Result<Option<Json>, String> {
    Err("JSONata is not available in this build".to_owned())
}
