//! Pass: the `Result` (static), or the effective input shaped by
//! `Parameters`, through `ResultPath` and `OutputPath`; in JSONata, its
//! `Output` or its input.

use stepfn::model::{Json, JsonObject, QueryLanguage};

use super::super::{io, Engine, FiberId, Flow, StateRoots};
use super::JsonataEnv;
use crate::eval::template::Template;
use crate::eval::{Env, EvalError};
use crate::failure::Raised;
use crate::program::{Node, Place, Select};
use crate::record::Inspection;

impl<'a> Engine<'a> {
    pub(crate) fn pass(
        &mut self,
        f: FiberId,
        node: &'a Node,
        result: Option<&'a Json>,
        parameters: Option<&'a Template>,
    ) -> Flow {
        let raw = match self.st.fibers.get_mut(f) {
            Some(fiber) => std::mem::take(&mut fiber.input),
            None => return Flow::Park,
        };
        let mut trace = self.config.inspection.then(Inspection::default);
        let roots = self.roots(f, node);
        let outcome = if node.language == QueryLanguage::Jsonata {
            jsonata(node, raw, &roots, self.st.now)
        } else {
            jsonpath(node, raw, result, parameters, &roots, trace.as_mut())
        };
        drop(roots);
        if let (Some(trace), Some(target)) = (trace, self.trace(f)) {
            merge(target, trace);
        }
        match outcome {
            Ok((output, assigned)) => {
                if let Some(hits) = self
                    .st
                    .log
                    .hits
                    .get_mut(self.st.fibers.get(f).map_or(0, |f| f.at) as usize)
                {
                    hits.next += 1;
                }
                let untouched = result.is_none()
                    && parameters.is_none()
                    && super::choice::passes_through(node)
                    && matches!(node.io.result_path, Place::Whole);
                self.leave_checked(f, node, output, node.next, assigned, !untouched)
            }
            Err(e) => {
                let raised = self.interpreter_error(f, node, Raised::from(e));
                self.state_failed(f, raised)
            }
        }
    }
}

/// Copies what a step traced into the state's record.
pub(crate) fn merge(target: &mut Inspection, trace: Inspection) {
    let input = target.input.take();
    *target = Inspection {
        input: input.or(trace.input),
        ..trace
    };
}

fn jsonpath(
    node: &Node,
    raw: Json,
    result: Option<&Json>,
    parameters: Option<&Template>,
    roots: &StateRoots<'_>,
    mut trace: Option<&mut Inspection>,
) -> Result<(Json, JsonObject), EvalError> {
    if result.is_none()
        && trace.is_none()
        && matches!(node.io.input_path, Select::Whole)
        && matches!(node.io.result_path, Place::Whole)
    {
        // The input is not needed once the result is made: move it into
        // the result (no Parameters) or let Parameters reuse it.
        let result = match parameters {
            Some(parameters) => parameters.evaluate_reusing(raw, roots)?,
            None => raw,
        };
        let assigned = match &node.io.assign {
            Some(assign) => io::assign(
                assign,
                Env {
                    input: &result,
                    roots,
                },
                None,
            )?,
            None => JsonObject::new(),
        };
        return Ok((
            io::select_owned(&node.io.output_path, result, roots)?,
            assigned,
        ));
    }
    let env = Env { input: &raw, roots };
    let effective = io::select(&node.io.input_path, env)?;
    if let Some(t) = trace.as_deref_mut() {
        t.after_input_path = Some(effective.clone().into_owned());
    }
    let result = match (result, parameters) {
        (Some(result), _) => result.clone(),
        (None, Some(parameters)) => {
            let value = parameters.evaluate(env.with_input(&effective))?;
            if let Some(t) = trace.as_deref_mut() {
                t.after_parameters = Some(value.clone());
            }
            value
        }
        (None, None) => effective.into_owned(),
    };
    let assigned = match &node.io.assign {
        Some(assign) => io::assign(assign, env.with_input(&result), None)?,
        None => JsonObject::new(),
    };
    if let Some(t) = trace.as_deref_mut() {
        t.result = Some(result.clone());
    }
    let combined = io::place(&node.io.result_path, raw, result)?;
    if let Some(t) = trace {
        t.after_result_path = Some(combined.clone());
    }
    let output = io::select_owned(&node.io.output_path, combined, roots)?;
    Ok((output, assigned))
}

fn jsonata(
    node: &Node,
    raw: Json,
    roots: &StateRoots<'_>,
    now: i64,
) -> Result<(Json, JsonObject), EvalError> {
    let env = JsonataEnv::new(roots, &raw, None);
    let scope = env.scope(roots, now);
    let output = match &node.io.output {
        Some(output) => output.evaluate(&scope)?,
        None => raw.clone(),
    };
    let assigned = match &node.io.assign {
        Some(assign) => io::assign(assign, Env { input: &raw, roots }, Some(&scope))?,
        None => JsonObject::new(),
    };
    Ok((output, assigned))
}
