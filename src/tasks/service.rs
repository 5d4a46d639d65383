//! What one typed integration implements ([`Service`]) and what it renders
//! into ([`Rendering`]): the Task's `Resource`, its input (`Parameters` in
//! JSONPath, `Arguments` in JSONata) and the problems found rendering it.

use crate::model::{self, Json, QueryLanguage};
use crate::Code;

use super::pattern::IntegrationPattern;
use super::render::{Fields, Problem};

mod sealed {
    /// Renders one integration's `Resource` and input.
    pub trait Render: Clone + std::fmt::Debug {
        /// Writes `Resource` and `Parameters`/`Arguments` (and whatever else the
        /// integration adds, e.g. a retrier) into `cx.task`.
        fn render(&self, cx: &mut super::Rendering<'_>);

        /// What the task's IAM policy needs that its ASL does not say.
        fn facts(&self) -> Vec<crate::iam::Fact> {
            Vec::new()
        }
    }
}

pub(crate) use sealed::Render;

/// The props of one integration type (implemented inside this crate only).
pub trait Service: sealed::Render {}

impl<S: Render> Service for S {}

/// What an integration renders into (used inside this crate only).
#[doc(hidden)]
#[derive(Debug)]
pub struct Rendering<'a> {
    /// The pattern chosen for the task.
    pub(crate) pattern: IntegrationPattern,
    /// The language the input is written in.
    pub(crate) language: QueryLanguage,
    /// The Task state being written.
    pub(crate) task: &'a mut model::Task,
    /// Problems in the input, by field.
    pub(crate) problems: Vec<Problem>,
}

impl Rendering<'_> {
    /// An empty object in the task's language.
    pub(crate) fn fields(&self) -> Fields {
        Fields::new(self.language)
    }

    /// Sets `Resource` and the input: `Parameters` in JSONPath, `Arguments`
    /// in JSONata.
    pub(crate) fn write(&mut self, resource: impl Into<String>, fields: Option<Fields>) {
        self.task.resource = model::Resource::Uri(resource.into());
        let Some(fields) = fields else { return };
        let (json, problems) = fields.finish();
        self.input(json, problems);
    }

    /// Sets the input to `json`, with the problems found rendering it.
    pub(crate) fn input(&mut self, json: Json, problems: Vec<Problem>) {
        let key = match self.language {
            QueryLanguage::JsonPath => "Parameters",
            QueryLanguage::Jsonata => "Arguments",
        };
        for mut p in problems {
            p.field = super::render::under(key, &p.field);
            self.problems.push(p);
        }
        match self.language {
            QueryLanguage::JsonPath => self.task.parameters = Some(json),
            QueryLanguage::Jsonata => self.task.arguments = Some(json),
        }
    }

    /// Takes the state's `TimeoutSeconds` (or `TimeoutSecondsPath`) away,
    /// for integrations that send the timeout to AWS as part of the job
    /// instead (Batch, Glue), as the CDK does.
    #[cfg(any(feature = "tasks-compute", feature = "tasks-analytics"))]
    pub(crate) fn take_timeout(&mut self) -> Option<super::Input<i64>> {
        use super::input::Repr;
        use crate::model::{OrJsonata, TimeoutSeconds};
        Some(super::Input(match self.task.timeout.take()? {
            TimeoutSeconds::Value(OrJsonata::Value(seconds)) => {
                Repr::Literal(i64::try_from(seconds).unwrap_or(i64::MAX))
            }
            TimeoutSeconds::Value(OrJsonata::Jsonata(expression)) => Repr::Jsonata(expression),
            TimeoutSeconds::Path(path) => Repr::Path(path),
        }))
    }

    /// Records a problem with the task itself.
    pub(crate) fn problem(&mut self, code: Code, message: impl Into<String>) {
        self.problems.push(Problem {
            field: crate::problem::Path::root(),
            code,
            message: message.into(),
        });
    }
}
