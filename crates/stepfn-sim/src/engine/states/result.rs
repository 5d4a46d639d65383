//! The end of a Task, Parallel or Map state: the result through
//! `ResultSelector`, `Assign`, `ResultPath` and `OutputPath`, or through
//! JSONata's `Output` and `Assign` with `$states.result`.

use stepfn::model::{Json, JsonObject, QueryLanguage};

use super::super::{io, StateRoots};
use super::JsonataEnv;
use crate::eval::{Env, EvalError};
use crate::program::Node;
use crate::record::Inspection;

/// The result pipeline; on failure, the raw input back with the error.
// The error hands the raw input back so the failure path need not clone it
// on the way in; it is taken once per failed state, so its size costs nothing.
#[allow(clippy::result_large_err)]
pub(crate) fn finish(
    node: &Node,
    raw: Json,
    result: Json,
    roots: &StateRoots<'_>,
    now: i64,
    mut trace: Option<&mut Inspection>,
) -> Result<(Json, JsonObject), (Json, EvalError)> {
    if let Some(t) = trace.as_deref_mut() {
        t.result = Some(result.clone());
    }
    if node.language == QueryLanguage::Jsonata {
        let jenv = JsonataEnv::new(roots, &raw, Some(&result));
        let scope = jenv.scope(roots, now);
        let output = match &node.io.output {
            Some(output) => output.evaluate(&scope),
            None => Ok(result.clone()),
        };
        let assigned = match &node.io.assign {
            Some(assign) => io::assign(assign, Env { input: &raw, roots }, Some(&scope)),
            None => Ok(JsonObject::new()),
        };
        drop(scope);
        drop(jenv);
        return match (output, assigned) {
            (Ok(output), Ok(assigned)) => Ok((output, assigned)),
            (Err(e), _) | (_, Err(e)) => Err((raw, e)),
        };
    }
    let env = Env {
        input: &result,
        roots,
    };
    let assigned = match &node.io.assign {
        Some(assign) => match io::assign(assign, env, None) {
            Ok(assigned) => assigned,
            Err(e) => return Err((raw, e)),
        },
        None => JsonObject::new(),
    };
    let selected = match &node.io.result_selector {
        Some(selector) => match selector.evaluate(env) {
            Ok(value) => value,
            Err(e) => return Err((raw, e)),
        },
        None => result,
    };
    if let Some(t) = trace.as_deref_mut() {
        t.after_result_selector = Some(selected.clone());
    }
    let combined = match &node.io.result_path {
        crate::program::Place::Path(_) => {
            match io::place(&node.io.result_path, raw.clone(), selected) {
                Ok(combined) => combined,
                Err(e) => return Err((raw, e)),
            }
        }
        place => match io::place(place, raw, selected) {
            Ok(combined) => combined,
            Err(e) => return Err((Json::Null, e)),
        },
    };
    if let Some(t) = trace {
        t.after_result_path = Some(combined.clone());
    }
    match io::select_owned(&node.io.output_path, combined, roots) {
        Ok(output) => Ok((output, assigned)),
        Err(e) => Err((Json::Null, e)),
    }
}
