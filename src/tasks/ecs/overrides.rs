//! [`EcsContainerOverride`]: what to change in one container of the task.

use crate::tasks::render::Fields;
use crate::tasks::Input;

/// Overrides for one container of the task definition (`ContainerOverrides`
/// entry); the CDK's `ContainerOverride`.
///
/// ```
/// use stepfn::builder::{Context, JsonPath};
/// use stepfn::tasks::*;
/// let web = EcsContainerOverride::new("web")
///     .command(["serve", "--port", "80"])
///     .cpu(256)
///     .memory_limit(512)
///     .memory_reservation(256)
///     .environment("MODE", "batch")
///     .environment("TOKEN", Context::task_token());
/// let state = EcsRunTask::new("Run", "arn:aws:ecs:us-east-1:123456789012:cluster/c",
///         EcsTaskDefinition::from_family("app"), EcsFargateLaunchTarget::new(FargatePlatformVersion::Latest))
///     .container_override(web);
/// assert!(state.to_json().contains(concat!(
///     r#""Overrides":{"ContainerOverrides":[{"Name":"web","Command":["serve","--port","80"],"Cpu":256,"#,
///     r#""Memory":512,"MemoryReservation":256,"Environment":[{"Name":"MODE","Value":"batch"},"#,
///     r#"{"Name":"TOKEN","Value.$":"$$.Task.Token"}]}]}"#)));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct EcsContainerOverride {
    name: String,
    command: Option<Input<Vec<String>>>,
    cpu: Option<Input<i64>>,
    memory_limit: Option<Input<i64>>,
    memory_reservation: Option<Input<i64>>,
    environment: Vec<(Input<String>, Input<String>)>,
}

impl EcsContainerOverride {
    /// Overrides the container named `name` (CDK `containerDefinition`).
    /// (Example on [`EcsContainerOverride`].)
    pub fn new(name: impl Into<String>) -> EcsContainerOverride {
        EcsContainerOverride {
            name: name.into(),
            command: None,
            cpu: None,
            memory_limit: None,
            memory_reservation: None,
            environment: Vec::new(),
        }
    }

    /// Sets `Command` (CDK `command`). (Example on [`EcsContainerOverride`].)
    #[must_use]
    pub fn command(mut self, command: impl Into<Input<Vec<String>>>) -> EcsContainerOverride {
        self.command = Some(command.into());
        self
    }

    /// Sets `Cpu`, in CPU units (CDK `cpu`). (Example on [`EcsContainerOverride`].)
    #[must_use]
    pub fn cpu(mut self, units: impl Into<Input<i64>>) -> EcsContainerOverride {
        self.cpu = Some(units.into());
        self
    }

    /// Sets `Memory`, the hard limit in MiB (CDK `memoryLimit`). (Example on
    /// [`EcsContainerOverride`].)
    #[must_use]
    pub fn memory_limit(mut self, mib: impl Into<Input<i64>>) -> EcsContainerOverride {
        self.memory_limit = Some(mib.into());
        self
    }

    /// Sets `MemoryReservation`, the soft limit in MiB (CDK
    /// `memoryReservation`). (Example on [`EcsContainerOverride`].)
    #[must_use]
    pub fn memory_reservation(mut self, mib: impl Into<Input<i64>>) -> EcsContainerOverride {
        self.memory_reservation = Some(mib.into());
        self
    }

    /// Adds an environment variable (CDK `environment`). (Example on
    /// [`EcsContainerOverride`].)
    #[must_use]
    pub fn environment(
        mut self,
        name: impl Into<Input<String>>,
        value: impl Into<Input<String>>,
    ) -> EcsContainerOverride {
        self.environment.push((name.into(), value.into()));
        self
    }

    pub(crate) fn render(&self, mut f: Fields) -> Fields {
        f.literal("Name", self.name.clone())
            .opt("Command", self.command.as_ref())
            .opt("Cpu", self.cpu.as_ref())
            .opt("Memory", self.memory_limit.as_ref())
            .opt("MemoryReservation", self.memory_reservation.as_ref());
        if !self.environment.is_empty() {
            let items = self
                .environment
                .iter()
                .map(|(name, value)| {
                    let mut item = f.child();
                    item.input("Name", name).input("Value", value);
                    item
                })
                .collect();
            f.array("Environment", items);
        }
        f
    }
}
