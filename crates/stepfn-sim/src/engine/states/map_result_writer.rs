//! A Distributed Map's `ResultWriter`: the iteration results go to the
//! writer (a handler or mock, when one answers; nothing is written
//! otherwise), and the state's result is the summary AWS returns:
//! `{"MapRunArn": …, "ResultWriterDetails": {"Bucket": …, "Key":
//! "<Prefix>/<run id>/manifest.json"}}`. A writer that fails makes the
//! state fail with `States.ResultWriterFailed`, the writer's cause kept.

use stepfn::builder::errors;
use stepfn::model::{Json, JsonObject};

use super::super::{Engine, FiberId};
use super::JsonataEnv;
use crate::eval::Env;
use crate::failure::{Failure, Raised};
use crate::program::{MapNode, Node, Payload};
use crate::task::{Answer, TaskCall};

impl<'a> Engine<'a> {
    /// A Map's result when it has a `ResultWriter`: the results go to the
    /// writer (a handler, when one is registered), and the state's result
    /// is the summary AWS returns.
    pub(crate) fn write_results(
        &mut self,
        f: FiberId,
        node: &'a Node,
        map: &'a MapNode,
        results: Vec<Json>,
        map_run_arn: Option<&str>,
    ) -> Result<Json, Raised> {
        let Some(writer) = &map.writer else {
            return Ok(Json::Array(results));
        };
        let raw = self
            .st
            .fibers
            .get(f)
            .map(|fiber| fiber.input.clone())
            .unwrap_or_default();
        let roots = self.roots(f, node);
        let parameters = match &writer.parameters {
            Some(Payload::Template(t)) => t.evaluate(Env {
                input: &raw,
                roots: &roots,
            }),
            Some(Payload::Jsonata(v)) => {
                let env = JsonataEnv::new(&roots, &raw, None);
                v.evaluate(&env.scope(&roots, self.st.now))
            }
            None => Ok(Json::Object(JsonObject::new())),
        };
        drop(roots);
        let parameters = parameters.map_err(Raised::from)?;
        let mut input = match &parameters {
            Json::Object(o) => o.clone(),
            _ => JsonObject::new(),
        };
        input.insert("Results".into(), Json::Array(results));
        let input = Json::Object(input);
        let call = TaskCall {
            state: &node.name,
            resource: &writer.resource,
            input: &input,
            invocation: 0,
            retry_count: 0,
            token: None,
        };
        if let Answer::Done(Err(failure)) = self.config.handlers.answer(&call) {
            return Err(Raised::new(Failure::from_parts(
                Some(errors::RESULT_WRITER_FAILED.to_owned()),
                failure
                    .cause()
                    .map(str::to_owned)
                    .or_else(|| failure.error().map(str::to_owned)),
            )));
        }
        let arn = map_run_arn.unwrap_or_default();
        let id = arn.rsplit(':').next().unwrap_or_default();
        let text = |key: &str| match &parameters {
            Json::Object(o) => o
                .get(key)
                .and_then(Json::as_str)
                .unwrap_or_default()
                .to_owned(),
            _ => String::new(),
        };
        let prefix = text("Prefix");
        let key = if prefix.is_empty() {
            format!("{id}/manifest.json")
        } else {
            format!("{}/{id}/manifest.json", prefix.trim_end_matches('/'))
        };
        let summary = [
            ("MapRunArn", Json::String(arn.to_owned())),
            (
                "ResultWriterDetails",
                Json::Object(
                    [
                        ("Bucket".to_owned(), Json::String(text("Bucket"))),
                        ("Key".to_owned(), Json::String(key)),
                    ]
                    .into_iter()
                    .collect(),
                ),
            ),
        ];
        Ok(Json::Object(
            summary
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect(),
        ))
    }
}
