//! [`EmrContainersStartJobRun`]: `emr-containers:startJobRun`.

use crate::model::{Json, JsonObject};
use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};
use crate::Code;

/// Runs a Spark job on an EMR on EKS virtual cluster
/// (`arn:aws:states:::emr-containers:startJobRun`); the CDK's
/// `EmrContainersStartJobRun`. It waits for the job by default (`.sync`);
/// [`request_response`](EmrContainersStartJobRun::request_response) only
/// starts it. The execution role is required (the CDK would create one,
/// with custom resources to update its trust policy).
///
/// ```
/// use stepfn::builder::JsonPath;
/// use stepfn::tasks::*;
/// let state = EmrContainersStartJobRun::new(
///     "Spark",
///     JsonPath::new("$.cluster.Id"),
///     "emr-6.3.0-latest",
///     "arn:aws:iam::123456789012:role/SparkJob",
///     "s3://jobs/job.py",
/// )
/// .entry_point_arguments(["--day", "2026-01-01"])
/// .spark_submit_parameters("--conf spark.executor.instances=2")
/// .job_name("daily")
/// .application_config(EmrContainersApplicationConfiguration::new("spark-defaults").property("spark.dynamicAllocation.enabled", "false"))
/// .monitoring(EmrContainersMonitoring::new().log_group("/emr/jobs").log_stream_name_prefix("daily").log_bucket("emr-logs").persistent_app_ui(false))
/// .tag("team", "data");
/// assert_eq!(state.to_json(), concat!(
///     r#"{"Type":"Task","Resource":"arn:aws:states:::emr-containers:startJobRun.sync","Parameters":{"#,
///     r#""VirtualClusterId.$":"$.cluster.Id","Name":"daily","ExecutionRoleArn":"arn:aws:iam::123456789012:role/SparkJob","#,
///     r#""ReleaseLabel":"emr-6.3.0-latest","JobDriver":{"SparkSubmitJobDriver":{"EntryPoint":"s3://jobs/job.py","#,
///     r#""EntryPointArguments":["--day","2026-01-01"],"SparkSubmitParameters":"--conf spark.executor.instances=2"}},"#,
///     r#""ConfigurationOverrides":{"ApplicationConfiguration":[{"Classification":"spark-defaults","#,
///     r#""Properties":{"spark.dynamicAllocation.enabled":"false"}}],"MonitoringConfiguration":{"#,
///     r#""CloudWatchMonitoringConfiguration":{"LogGroupName":"/emr/jobs","LogStreamNamePrefix":"daily"},"#,
///     r#""PersistentAppUI":"DISABLED","S3MonitoringConfiguration":{"LogUri":"s3://emr-logs"}}},"#,
///     r#""Tags":{"team":"data"}},"End":true}"#,
/// ));
/// ```
pub type EmrContainersStartJobRun = Integration<EmrContainersStartJobRunProps>;

/// What an [`EmrContainersStartJobRun`] sends (see there).
#[derive(Debug, Clone)]
pub struct EmrContainersStartJobRunProps {
    virtual_cluster_id: Input<String>,
    release_label: String,
    execution_role_arn: Input<String>,
    entry_point: Input<String>,
    entry_point_arguments: Option<Input<Vec<String>>>,
    spark_submit_parameters: Option<String>,
    job_name: Option<Input<String>>,
    application_config: Vec<EmrContainersApplicationConfiguration>,
    monitoring: EmrContainersMonitoring,
    tags: Vec<(String, String)>,
}

/// One application configuration (`ApplicationConfiguration` entry): a
/// classification such as `spark-defaults`, its properties and nested
/// configurations.
///
/// ```
/// use stepfn::tasks::EmrContainersApplicationConfiguration as Config;
/// let config = Config::new("spark-env").nested(Config::new("export").property("JAVA_HOME", "/usr/lib/jvm"));
/// # let _ = config;
/// ```
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub struct EmrContainersApplicationConfiguration {
    inner: crate::tasks::EmrConfiguration,
    properties: usize,
    nested: usize,
}

impl EmrContainersApplicationConfiguration {
    /// The classification (`spark`, `spark-defaults`, `spark-env`,
    /// `spark-hive-site`, `spark-log4j`, `spark-metrics`, ...). (Example on
    /// [`EmrContainersApplicationConfiguration`].)
    pub fn new(classification: impl Into<String>) -> EmrContainersApplicationConfiguration {
        EmrContainersApplicationConfiguration {
            inner: crate::tasks::EmrConfiguration::new(classification),
            properties: 0,
            nested: 0,
        }
    }

    /// Adds a property (at most 100). (Example on [`EmrContainersStartJobRun`].)
    pub fn property(
        mut self,
        key: impl Into<String>,
        value: impl Into<String>,
    ) -> EmrContainersApplicationConfiguration {
        self.inner = self.inner.property(key, value);
        self.properties += 1;
        self
    }

    /// Adds a nested configuration. (Example on
    /// [`EmrContainersApplicationConfiguration`].)
    pub fn nested(
        mut self,
        nested: EmrContainersApplicationConfiguration,
    ) -> EmrContainersApplicationConfiguration {
        self.inner = self.inner.configuration(nested.inner);
        self.nested += 1;
        self
    }
}

/// Where the job's logs go (`MonitoringConfiguration`; the CDK's
/// `Monitoring` with existing log group and bucket). (Example on
/// [`EmrContainersStartJobRun`].)
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub struct EmrContainersMonitoring {
    log_group: Option<String>,
    log_stream_name_prefix: Option<String>,
    log_bucket: Option<String>,
    persistent_app_ui: bool,
}

impl Default for EmrContainersMonitoring {
    fn default() -> EmrContainersMonitoring {
        EmrContainersMonitoring {
            log_group: None,
            log_stream_name_prefix: None,
            log_bucket: None,
            persistent_app_ui: true,
        }
    }
}

impl EmrContainersMonitoring {
    /// No logging; the persistent application UI on. (Example on [`EmrContainersStartJobRun`].)
    pub fn new() -> EmrContainersMonitoring {
        EmrContainersMonitoring::default()
    }

    /// Sends logs to the CloudWatch log group `name` (CDK `logGroup`).
    /// (Example on [`EmrContainersStartJobRun`].)
    pub fn log_group(mut self, name: impl Into<String>) -> EmrContainersMonitoring {
        self.log_group = Some(name.into());
        self
    }

    /// Sets `LogStreamNamePrefix` (CDK `logStreamNamePrefix`). (Example on [`EmrContainersStartJobRun`].)
    pub fn log_stream_name_prefix(mut self, prefix: impl Into<String>) -> EmrContainersMonitoring {
        self.log_stream_name_prefix = Some(prefix.into());
        self
    }

    /// Sends logs to the S3 bucket `name` (CDK `logBucket`). (Example on [`EmrContainersStartJobRun`].)
    pub fn log_bucket(mut self, name: impl Into<String>) -> EmrContainersMonitoring {
        self.log_bucket = Some(name.into());
        self
    }

    /// Whether the persistent application UI is on (CDK `persistentAppUI`,
    /// on by default). (Example on [`EmrContainersStartJobRun`].)
    pub fn persistent_app_ui(mut self, enabled: bool) -> EmrContainersMonitoring {
        self.persistent_app_ui = enabled;
        self
    }
}

impl EmrContainersStartJobRun {
    /// Runs `entry_point` on the virtual cluster `virtual_cluster_id` with
    /// the release `release_label` (such as `emr-6.3.0-latest`), as the role
    /// `execution_role_arn` (CDK `virtualCluster`, `releaseLabel`,
    /// `executionRole`, `jobDriver.sparkSubmitJobDriver.entryPoint`).
    /// (Example on [`EmrContainersStartJobRun`].)
    pub fn new(
        name: impl Into<String>,
        virtual_cluster_id: impl Into<Input<String>>,
        release_label: impl Into<String>,
        execution_role_arn: impl Into<Input<String>>,
        entry_point: impl Into<Input<String>>,
    ) -> EmrContainersStartJobRun {
        Integration::with(
            name,
            EmrContainersStartJobRunProps {
                virtual_cluster_id: virtual_cluster_id.into(),
                release_label: release_label.into(),
                execution_role_arn: execution_role_arn.into(),
                entry_point: entry_point.into(),
                entry_point_arguments: None,
                spark_submit_parameters: None,
                job_name: None,
                application_config: Vec::new(),
                monitoring: EmrContainersMonitoring::default(),
                tags: Vec::new(),
            },
        )
        .pattern(IntegrationPattern::RunJob)
    }

    /// Sets `EntryPointArguments` (CDK `entryPointArguments`). (Example on [`EmrContainersStartJobRun`].)
    pub fn entry_point_arguments(
        mut self,
        arguments: impl Into<Input<Vec<String>>>,
    ) -> EmrContainersStartJobRun {
        self.props.entry_point_arguments = Some(arguments.into());
        self
    }

    /// Sets `SparkSubmitParameters` (CDK `sparkSubmitParameters`). (Example on [`EmrContainersStartJobRun`].)
    pub fn spark_submit_parameters(
        mut self,
        parameters: impl Into<String>,
    ) -> EmrContainersStartJobRun {
        self.props.spark_submit_parameters = Some(parameters.into());
        self
    }

    /// Sets `Name` (CDK `jobName`). (Example on [`EmrContainersStartJobRun`].)
    pub fn job_name(mut self, job_name: impl Into<Input<String>>) -> EmrContainersStartJobRun {
        self.props.job_name = Some(job_name.into());
        self
    }

    /// Adds an application configuration, at most 100 (CDK
    /// `applicationConfig`). (Example on [`EmrContainersStartJobRun`].)
    pub fn application_config(
        mut self,
        config: EmrContainersApplicationConfiguration,
    ) -> EmrContainersStartJobRun {
        self.props.application_config.push(config);
        self
    }

    /// Sets where logs go (CDK `monitoring`). (Example on [`EmrContainersStartJobRun`].)
    pub fn monitoring(mut self, monitoring: EmrContainersMonitoring) -> EmrContainersStartJobRun {
        self.props.monitoring = monitoring;
        self
    }

    /// Adds a tag (CDK `tags`). (Example on [`EmrContainersStartJobRun`].)
    pub fn tag(
        mut self,
        key: impl Into<String>,
        value: impl Into<String>,
    ) -> EmrContainersStartJobRun {
        self.props.tags.push((key.into(), value.into()));
        self
    }

    /// Only starts the job (no suffix).
    ///
    /// ```
    /// use stepfn::tasks::EmrContainersStartJobRun;
    /// let state = EmrContainersStartJobRun::new("Spark", "vc-1", "emr-6.3.0-latest", "arn:aws:iam::1:role/R", "s3://j.py")
    ///     .request_response();
    /// assert!(state.to_json().contains(r#""Resource":"arn:aws:states:::emr-containers:startJobRun","#));
    /// ```
    pub fn request_response(self) -> EmrContainersStartJobRun {
        self.pattern(IntegrationPattern::RequestResponse)
    }

    /// Waits for the job (`.sync`, the default). (Example on [`EmrContainersStartJobRun`].)
    pub fn run_job(self) -> EmrContainersStartJobRun {
        self.pattern(IntegrationPattern::RunJob)
    }
}

impl Render for EmrContainersStartJobRunProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        let mut f = cx.fields();
        let mut driver = f.child();
        driver
            .input("EntryPoint", &self.entry_point)
            .opt("EntryPointArguments", self.entry_point_arguments.as_ref());
        if let Some(parameters) = &self.spark_submit_parameters {
            driver.literal("SparkSubmitParameters", parameters.clone());
        }
        let mut job_driver = f.child();
        job_driver.object("SparkSubmitJobDriver", driver);
        f.input("VirtualClusterId", &self.virtual_cluster_id)
            .opt("Name", self.job_name.as_ref())
            .input("ExecutionRoleArn", &self.execution_role_arn)
            .literal("ReleaseLabel", self.release_label.clone())
            .object("JobDriver", job_driver);
        let mut overrides = f.child();
        if !self.application_config.is_empty() {
            if self.application_config.len() > 100 {
                overrides.problem(
                    "ApplicationConfiguration",
                    Code::ValueOutOfRange,
                    "at most 100 application configurations",
                );
            }
            for config in &self.application_config {
                if config.properties == 0 && config.nested == 0 {
                    overrides.problem(
                        "ApplicationConfiguration",
                        Code::MissingField,
                        "an application configuration needs properties or nested configurations",
                    );
                }
            }
            let items = self
                .application_config
                .iter()
                .map(|c| c.inner.to_json())
                .collect();
            overrides.literal("ApplicationConfiguration", Json::Array(items));
        }
        overrides.literal("MonitoringConfiguration", self.monitoring_json());
        f.object("ConfigurationOverrides", overrides);
        if !self.tags.is_empty() {
            f.literal("Tags", crate::tasks::emr::string_map(&self.tags));
        }
        cx.write(
            integration_arn("emr-containers", "startJobRun", cx.pattern),
            Some(f),
        );
    }
}

impl EmrContainersStartJobRunProps {
    fn monitoring_json(&self) -> Json {
        let m = &self.monitoring;
        let mut object = JsonObject::new();
        if let Some(group) = &m.log_group {
            let mut cloudwatch = JsonObject::new();
            cloudwatch.insert("LogGroupName".to_owned(), Json::String(group.clone()));
            if let Some(prefix) = &m.log_stream_name_prefix {
                cloudwatch.insert(
                    "LogStreamNamePrefix".to_owned(),
                    Json::String(prefix.clone()),
                );
            }
            object.insert(
                "CloudWatchMonitoringConfiguration".to_owned(),
                Json::Object(cloudwatch),
            );
        }
        let ui = if m.persistent_app_ui {
            "ENABLED"
        } else {
            "DISABLED"
        };
        object.insert("PersistentAppUI".to_owned(), Json::from(ui));
        if let Some(bucket) = &m.log_bucket {
            let mut s3 = JsonObject::new();
            s3.insert("LogUri".to_owned(), Json::String(format!("s3://{bucket}")));
            object.insert("S3MonitoringConfiguration".to_owned(), Json::Object(s3));
        }
        Json::Object(object)
    }
}
