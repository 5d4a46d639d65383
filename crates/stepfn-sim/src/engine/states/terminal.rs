//! Succeed ends its scope with its input (through `InputPath` and
//! `OutputPath`, or `Output`); Fail ends it with `Error` and `Cause`
//! (literal, from a Path or intrinsic, or JSONata), either of which may be
//! absent.

use stepfn::model::{Json, JsonObject, QueryLanguage};

use super::super::{io, Engine, FiberId, Flow};
use super::JsonataEnv;
use crate::eval::{Env, EvalError};
use crate::failure::{Failure, Raised};
use crate::program::{Node, Text};

impl<'a> Engine<'a> {
    pub(crate) fn succeed(&mut self, f: FiberId, node: &'a Node) -> Flow {
        let raw = match self.st.fibers.get_mut(f) {
            Some(fiber) => std::mem::take(&mut fiber.input),
            None => return Flow::Park,
        };
        let roots = self.roots(f, node);
        let outcome = if node.language == QueryLanguage::Jsonata {
            let env = JsonataEnv::new(&roots, &raw, None);
            let scope = env.scope(&roots, self.st.now);
            match &node.io.output {
                Some(output) => output.evaluate(&scope),
                None => Ok(raw.clone()),
            }
        } else {
            io::select(
                &node.io.input_path,
                Env {
                    input: &raw,
                    roots: &roots,
                },
            )
            .map(std::borrow::Cow::into_owned)
            .and_then(|effective| io::select_owned(&node.io.output_path, effective, &roots))
        };
        drop(roots);
        match outcome {
            Ok(output) => {
                let at = self.st.fibers.get(f).map_or(0, |fiber| fiber.at) as usize;
                if let Some(hits) = self.st.log.hits.get_mut(at) {
                    hits.next += 1;
                }
                self.leave(f, node, output, None, JsonObject::new())
            }
            Err(e) => {
                let raised = self.interpreter_error(f, node, Raised::from(e));
                self.state_failed(f, raised)
            }
        }
    }

    pub(crate) fn fail(
        &mut self,
        f: FiberId,
        node: &'a Node,
        error: Option<&'a Text>,
        cause: Option<&'a Text>,
    ) -> Flow {
        let raw = match self.st.fibers.get(f) {
            Some(fiber) => &fiber.input,
            None => return Flow::Park,
        };
        let roots = self.roots(f, node);
        let jsonata =
            (node.language == QueryLanguage::Jsonata).then(|| JsonataEnv::new(&roots, raw, None));
        let outcome = (|| -> Result<Failure, EvalError> {
            let scope = jsonata.as_ref().map(|env| env.scope(&roots, self.st.now));
            let text = |field: &str, text: Option<&Text>| -> Result<Option<String>, EvalError> {
                let Some(text) = text else { return Ok(None) };
                let value = match text {
                    Text::Literal(s) => return Ok(Some(s.clone())),
                    Text::Path(path) => path
                        .select(Env { input: raw, roots: &roots })
                        .map(crate::eval::jsonpath::Found::into_owned)
                        .map_err(|_| {
                            EvalError::runtime(format!(
                                "The JSONPath '{}' specified for the field '{field}' could not be found in the input '{}'",
                                path.text(),
                                crate::json::text(raw)
                            ))
                        })?,
                    Text::Intrinsic(call) => call.evaluate(Env { input: raw, roots: &roots })?,
                    Text::Jsonata(expr) => match scope.as_ref() {
                        Some(scope) => {
                            let value = expr.value(scope)?;
                            if !matches!(value, Json::String(_)) {
                                return Err(expr.wrong_type("a string", &value));
                            }
                            value
                        }
                        None => Json::Null,
                    },
                };
                Ok(Some(match value {
                    Json::String(s) => s,
                    other => crate::json::text(&other),
                }))
            };
            let error = text("ErrorPath", error)?;
            let cause = text("CausePath", cause)?;
            Ok(Failure::from_parts(error, cause))
        })();
        drop(roots);
        drop(jsonata);
        match outcome {
            Ok(failure) => {
                self.record_failure(f, &failure);
                Flow::Finished(Box::new(Err(Raised::new(failure))))
            }
            Err(e) => {
                let raised = self.interpreter_error(f, node, Raised::from(e));
                self.state_failed(f, raised)
            }
        }
    }
}
