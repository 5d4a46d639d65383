//! The JSONata evaluator behind [`super::Expr`]: `stepfn-jsonata`, with
//! `$states` and the variables bound, the clock at the virtual time and
//! `$random()`, `$shuffle` and `$uuid()` drawing from the execution's seed.

use stepfn::model::Json;
use stepfn_jsonata::{Bindings, Environment, Expression};

use super::Scope;

/// A compiled expression.
#[derive(Debug)]
pub(crate) struct Compiled(Expression);

/// Compiles an expression; the message names the JSONata error code.
pub(crate) fn compile(text: &str) -> Result<Compiled, String> {
    Expression::compile(text)
        .map(Compiled)
        .map_err(|e| e.to_string())
}

/// Evaluates an expression; `None` is JSONata's undefined. Expressions
/// have no input of their own: a state's input is `$states.input`.
pub(crate) fn evaluate(compiled: &Compiled, scope: &Scope<'_>) -> Result<Option<Json>, String> {
    let mut bindings = Bindings::new().bind("states", scope.states);
    for &(name, value) in &scope.variables {
        bindings = bindings.bind(name, value);
    }
    let env = Environment::new()
        .at_millis(scope.millis)
        .with_seed(scope.seed);
    compiled
        .0
        .evaluate_with(None, &bindings, &env)
        .map_err(|e| e.message)
}
