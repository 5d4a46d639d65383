//! [`BatchSubmitJob`]: `batch:submitJob`.

use crate::model::Json;
use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::render::Fields;
use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};
use crate::Code;

/// Submits an AWS Batch job (`arn:aws:states:::batch:submitJob`); the CDK's
/// `BatchSubmitJob`. It waits for the job by default (`.sync`);
/// [`request_response`](BatchSubmitJob::request_response) only submits it.
/// The task's timeout becomes the job's attempt timeout
/// (`Timeout.AttemptDurationSeconds`, at least 60 s), not the state's, as
/// the CDK writes it.
///
/// ```
/// use stepfn::builder::{JsonPath, Payload};
/// use stepfn::tasks::*;
/// let state = BatchSubmitJob::new(
///     "Submit",
///     "arn:aws:batch:us-east-1:123456789012:job-definition/render:1",
///     "render",
///     "arn:aws:batch:us-east-1:123456789012:job-queue/jobs",
/// )
/// .payload(Payload::new().field("frame", JsonPath::new("$.frame")))
/// .array_size(10)
/// .attempts(3)
/// .depends_on(BatchJobDependency::new().job_id("job-1").dependency_type("N_TO_N"))
/// .container_overrides(BatchContainerOverrides::new().command(["render"]).environment("MODE", "fast").gpu_count(1).memory_mib(2048).vcpus(4).instance_type("p3.2xlarge"))
/// .tag("team", "video")
/// .timeout_seconds(600);
/// assert_eq!(state.to_json(), concat!(
///     r#"{"Type":"Task","Resource":"arn:aws:states:::batch:submitJob.sync","Parameters":{"#,
///     r#""JobDefinition":"arn:aws:batch:us-east-1:123456789012:job-definition/render:1","JobName":"render","#,
///     r#""JobQueue":"arn:aws:batch:us-east-1:123456789012:job-queue/jobs","Parameters":{"frame.$":"$.frame"},"#,
///     r#""ArrayProperties":{"Size":10},"ContainerOverrides":{"Command":["render"],"#,
///     r#""Environment":[{"Name":"MODE","Value":"fast"}],"InstanceType":"p3.2xlarge","ResourceRequirements":["#,
///     r#"{"Type":"GPU","Value":"1"},{"Type":"MEMORY","Value":"2048"},{"Type":"VCPU","Value":"4"}]},"#,
///     r#""DependsOn":[{"JobId":"job-1","Type":"N_TO_N"}],"RetryStrategy":{"Attempts":3},"#,
///     r#""Tags":{"team":"video"},"Timeout":{"AttemptDurationSeconds":600}},"End":true}"#,
/// ));
/// ```
pub type BatchSubmitJob = Integration<BatchSubmitJobProps>;

/// What a [`BatchSubmitJob`] sends (see there).
#[derive(Debug, Clone)]
pub struct BatchSubmitJobProps {
    job_definition: Input<String>,
    job_name: Input<String>,
    job_queue: Input<String>,
    array_size: Option<Input<i64>>,
    overrides: Option<BatchContainerOverrides>,
    depends_on: Vec<BatchJobDependency>,
    payload: Option<Input<Json>>,
    attempts: Option<Input<i64>>,
    tags: Vec<(String, String)>,
}

/// What to change in the job's container (CDK `BatchContainerOverrides`).
/// (Example on [`BatchSubmitJob`].)
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct BatchContainerOverrides {
    command: Option<Input<Vec<String>>>,
    environment: Vec<(String, Input<String>)>,
    instance_type: Option<String>,
    gpu_count: Option<u32>,
    memory_mib: Option<u64>,
    vcpus: Option<u32>,
}

impl BatchContainerOverrides {
    /// No overrides. (Example on [`BatchSubmitJob`].)
    pub fn new() -> BatchContainerOverrides {
        BatchContainerOverrides::default()
    }

    /// Sets `Command` (CDK `command`). (Example on [`BatchSubmitJob`].)
    pub fn command(mut self, command: impl Into<Input<Vec<String>>>) -> BatchContainerOverrides {
        self.command = Some(command.into());
        self
    }

    /// Adds an environment variable; names starting `AWS_BATCH` are AWS's
    /// (CDK `environment`). (Example on [`BatchSubmitJob`].)
    pub fn environment(
        mut self,
        name: impl Into<String>,
        value: impl Into<Input<String>>,
    ) -> BatchContainerOverrides {
        self.environment.push((name.into(), value.into()));
        self
    }

    /// Sets `InstanceType` (CDK `instanceType`). (Example on [`BatchSubmitJob`].)
    pub fn instance_type(mut self, instance_type: impl Into<String>) -> BatchContainerOverrides {
        self.instance_type = Some(instance_type.into());
        self
    }

    /// Reserves GPUs (CDK `gpuCount`). (Example on [`BatchSubmitJob`].)
    pub fn gpu_count(mut self, count: u32) -> BatchContainerOverrides {
        self.gpu_count = Some(count);
        self
    }

    /// Sets the memory in MiB (CDK `memory`). (Example on [`BatchSubmitJob`].)
    pub fn memory_mib(mut self, mib: u64) -> BatchContainerOverrides {
        self.memory_mib = Some(mib);
        self
    }

    /// Sets the vCPUs (CDK `vcpus`). (Example on [`BatchSubmitJob`].)
    pub fn vcpus(mut self, vcpus: u32) -> BatchContainerOverrides {
        self.vcpus = Some(vcpus);
        self
    }

    fn render(&self, mut f: Fields) -> Fields {
        f.opt("Command", self.command.as_ref());
        if !self.environment.is_empty() {
            let items = self
                .environment
                .iter()
                .map(|(name, value)| {
                    let mut item = f.child();
                    item.literal("Name", name.clone()).input("Value", value);
                    if name.starts_with("AWS_BATCH") {
                        item.problem(
                            "Name",
                            Code::InvalidValue,
                            format!("`{name}`: environment variable names starting `AWS_BATCH` are AWS's"),
                        );
                    }
                    item
                })
                .collect();
            f.array("Environment", items);
        }
        if let Some(instance_type) = &self.instance_type {
            f.literal("InstanceType", instance_type.clone());
        }
        let mut resources = Vec::new();
        for (kind, value) in [
            ("GPU", self.gpu_count.map(u64::from)),
            ("MEMORY", self.memory_mib),
            ("VCPU", self.vcpus.map(u64::from)),
        ] {
            if let Some(value) = value.filter(|v| *v != 0) {
                let mut item = f.child();
                item.literal("Type", kind)
                    .literal("Value", value.to_string());
                resources.push(item);
            }
        }
        if !resources.is_empty() {
            f.array("ResourceRequirements", resources);
        }
        f
    }
}

/// A job this one depends on (CDK `BatchJobDependency`). (Example on
/// [`BatchSubmitJob`].)
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct BatchJobDependency {
    job_id: Option<Input<String>>,
    kind: Option<Input<String>>,
}

impl BatchJobDependency {
    /// A dependency; set its job ID and type. (Example on [`BatchSubmitJob`].)
    pub fn new() -> BatchJobDependency {
        BatchJobDependency::default()
    }

    /// Sets `JobId` (CDK `jobId`). (Example on [`BatchSubmitJob`].)
    pub fn job_id(mut self, id: impl Into<Input<String>>) -> BatchJobDependency {
        self.job_id = Some(id.into());
        self
    }

    /// Sets `Type`: `N_TO_N` or `SEQUENTIAL` (CDK `type`). (Example on [`BatchSubmitJob`].)
    pub fn dependency_type(mut self, kind: impl Into<Input<String>>) -> BatchJobDependency {
        self.kind = Some(kind.into());
        self
    }
}

impl BatchSubmitJob {
    /// Submits a job named `job_name` of the job definition with ARN
    /// `job_definition_arn` to the queue with ARN `job_queue_arn` (CDK
    /// `jobDefinitionArn`, `jobName`, `jobQueueArn`). (Example on [`BatchSubmitJob`].)
    pub fn new(
        name: impl Into<String>,
        job_definition_arn: impl Into<Input<String>>,
        job_name: impl Into<Input<String>>,
        job_queue_arn: impl Into<Input<String>>,
    ) -> BatchSubmitJob {
        Integration::with(
            name,
            BatchSubmitJobProps {
                job_definition: job_definition_arn.into(),
                job_name: job_name.into(),
                job_queue: job_queue_arn.into(),
                array_size: None,
                overrides: None,
                depends_on: Vec::new(),
                payload: None,
                attempts: None,
                tags: Vec::new(),
            },
        )
        .pattern(IntegrationPattern::RunJob)
    }

    /// Runs an array job of `size` children, 2 to 10,000 (CDK `arraySize`).
    /// (Example on [`BatchSubmitJob`].)
    pub fn array_size(mut self, size: impl Into<Input<i64>>) -> BatchSubmitJob {
        self.props.array_size = Some(size.into());
        self
    }

    /// Sets `ContainerOverrides` (CDK `containerOverrides`). (Example on [`BatchSubmitJob`].)
    pub fn container_overrides(mut self, overrides: BatchContainerOverrides) -> BatchSubmitJob {
        self.props.overrides = Some(overrides);
        self
    }

    /// Adds a dependency, at most 20 (CDK `dependsOn`). (Example on [`BatchSubmitJob`].)
    pub fn depends_on(mut self, dependency: BatchJobDependency) -> BatchSubmitJob {
        self.props.depends_on.push(dependency);
        self
    }

    /// Sets `Parameters`, the job's parameter substitutions (CDK `payload`).
    /// (Example on [`BatchSubmitJob`].)
    pub fn payload(mut self, payload: impl Into<Input<Json>>) -> BatchSubmitJob {
        self.props.payload = Some(payload.into());
        self
    }

    /// Sets `RetryStrategy.Attempts`, 1 to 10 (CDK `attempts`). (Example on [`BatchSubmitJob`].)
    pub fn attempts(mut self, attempts: impl Into<Input<i64>>) -> BatchSubmitJob {
        self.props.attempts = Some(attempts.into());
        self
    }

    /// Adds a tag; at most 50, keys of 1 to 128 characters, values of at
    /// most 256 (CDK `tags`). (Example on [`BatchSubmitJob`].)
    pub fn tag(mut self, key: impl Into<String>, value: impl Into<String>) -> BatchSubmitJob {
        self.props.tags.push((key.into(), value.into()));
        self
    }

    /// Only submits the job (`batch:submitJob`, no suffix).
    ///
    /// ```
    /// use stepfn::tasks::BatchSubmitJob;
    /// let state = BatchSubmitJob::new("Submit", "arn:aws:batch:us-east-1:1:job-definition/d", "j", "arn:aws:batch:us-east-1:1:job-queue/q")
    ///     .request_response();
    /// assert!(state.to_json().contains(r#""Resource":"arn:aws:states:::batch:submitJob","#));
    /// ```
    pub fn request_response(self) -> BatchSubmitJob {
        self.pattern(IntegrationPattern::RequestResponse)
    }

    /// Waits for the job (`batch:submitJob.sync`, the default). (Example on [`BatchSubmitJob`].)
    pub fn run_job(self) -> BatchSubmitJob {
        self.pattern(IntegrationPattern::RunJob)
    }
}

impl Render for BatchSubmitJobProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        let timeout = cx.take_timeout();
        let mut f = cx.fields();
        f.input("JobDefinition", &self.job_definition)
            .input("JobName", &self.job_name)
            .input("JobQueue", &self.job_queue)
            .opt("Parameters", self.payload.as_ref());
        if let Some(size) = &self.array_size {
            if let Some(n) = size.literal().filter(|n| !(2..=10_000).contains(*n)) {
                f.problem(
                    "ArrayProperties.Size",
                    Code::ValueOutOfRange,
                    format!("an array job has 2 to 10,000 children, not {n}"),
                );
            }
            let mut array = f.child();
            array.input("Size", size);
            f.object("ArrayProperties", array);
        }
        if let Some(overrides) = &self.overrides {
            let rendered = overrides.render(f.child());
            f.object("ContainerOverrides", rendered);
        }
        if !self.depends_on.is_empty() {
            if self.depends_on.len() > 20 {
                f.problem(
                    "DependsOn",
                    Code::ValueOutOfRange,
                    format!(
                        "a job depends on at most 20 jobs, not {}",
                        self.depends_on.len()
                    ),
                );
            }
            let items = self
                .depends_on
                .iter()
                .map(|d| {
                    let mut item = f.child();
                    item.opt("JobId", d.job_id.as_ref())
                        .opt("Type", d.kind.as_ref());
                    item
                })
                .collect();
            f.array("DependsOn", items);
        }
        if let Some(attempts) = &self.attempts {
            if let Some(n) = attempts.literal().filter(|n| !(1..=10).contains(*n)) {
                f.problem(
                    "RetryStrategy.Attempts",
                    Code::ValueOutOfRange,
                    format!("`Attempts` is 1 to 10, not {n}"),
                );
            }
            let mut retry = f.child();
            retry.input("Attempts", attempts);
            f.object("RetryStrategy", retry);
        }
        if !self.tags.is_empty() {
            self.render_tags(&mut f);
        }
        if let Some(timeout) = timeout {
            if let Some(seconds) = timeout.literal().filter(|s| **s < 60) {
                f.problem(
                    "Timeout.AttemptDurationSeconds",
                    Code::ValueOutOfRange,
                    format!("a Batch attempt lasts at least 60 seconds, not {seconds}"),
                );
            }
            let mut object = f.child();
            object.input("AttemptDurationSeconds", &timeout);
            f.object("Timeout", object);
        }
        cx.write(integration_arn("batch", "submitJob", cx.pattern), Some(f));
    }
}

impl BatchSubmitJobProps {
    fn render_tags(&self, f: &mut Fields) {
        if self.tags.len() > 50 {
            f.problem(
                "Tags",
                Code::ValueOutOfRange,
                format!("a job has at most 50 tags, not {}", self.tags.len()),
            );
        }
        let mut tags = f.child();
        for (key, value) in &self.tags {
            let (k, v) = (key.chars().count(), value.chars().count());
            if !(1..=128).contains(&k) || v > 256 {
                tags.problem(
                    key,
                    Code::ValueOutOfRange,
                    format!(
                        "tag keys are 1 to 128 characters and values at most 256, not {k} and {v}"
                    ),
                );
            }
            tags.literal(key, value.clone());
        }
        f.object("Tags", tags);
    }
}
