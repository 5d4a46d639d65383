//! How `stepfn serve` is set up: address, mocks, time.

use std::path::PathBuf;

use stepfn_sim::MockConfig;

/// How time passes for executions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Time {
    /// Waits and retry back-offs take no real time; callback and activity
    /// timeouts still count real seconds from when the task started waiting.
    #[default]
    Fast,
    /// A Wait of 10 s takes 10 s, as on AWS.
    Real,
}

/// The endpoint's settings.
///
/// ```
/// use stepfn_serve::{Settings, Time};
/// let settings = Settings::new().host("0.0.0.0").port(9000).time(Time::Real);
/// assert_eq!((settings.host.as_str(), settings.port, settings.time), ("0.0.0.0", 9000, Time::Real));
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct Settings {
    /// The address to bind (default `127.0.0.1`).
    pub host: String,
    /// The port (default 8083, as Step Functions Local; 0 picks a free one).
    pub port: u16,
    /// The mock file whose test cases answer Tasks.
    pub mocks: Option<MockConfig>,
    /// How time passes.
    pub time: Time,
    /// The region in ARNs (default `us-east-1`).
    pub region: String,
    /// The account in ARNs (default `123456789012`).
    pub account: String,
    /// A file that keeps state machines and activities across restarts
    /// (executions are kept in memory only).
    pub state_file: Option<PathBuf>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            host: "127.0.0.1".to_owned(),
            port: 8083,
            mocks: None,
            time: Time::Fast,
            region: "us-east-1".to_owned(),
            account: "123456789012".to_owned(),
            state_file: None,
        }
    }
}

impl Settings {
    /// The defaults: `127.0.0.1:8083`, fast time, no mocks.
    ///
    /// ```
    /// assert_eq!(stepfn_serve::Settings::new().port, 8083);
    /// ```
    pub fn new() -> Settings {
        Settings::default()
    }

    /// The address to bind.
    ///
    /// ```
    /// assert_eq!(stepfn_serve::Settings::new().host("::1").host, "::1");
    /// ```
    pub fn host(mut self, host: impl Into<String>) -> Settings {
        self.host = host.into();
        self
    }

    /// The port.
    ///
    /// ```
    /// assert_eq!(stepfn_serve::Settings::new().port(0).port, 0);
    /// ```
    pub fn port(mut self, port: u16) -> Settings {
        self.port = port;
        self
    }

    /// The mock file.
    ///
    /// ```
    /// let mocks = stepfn_sim::MockConfig::from_json(r#"{"StateMachines": {}, "MockedResponses": {}}"#)?;
    /// assert!(stepfn_serve::Settings::new().mocks(mocks).mocks.is_some());
    /// # Ok::<(), stepfn_sim::MockError>(())
    /// ```
    pub fn mocks(mut self, mocks: MockConfig) -> Settings {
        self.mocks = Some(mocks);
        self
    }

    /// How time passes.
    ///
    /// ```
    /// use stepfn_serve::{Settings, Time};
    /// assert_eq!(Settings::new().time(Time::Real).time, Time::Real);
    /// ```
    pub fn time(mut self, time: Time) -> Settings {
        self.time = time;
        self
    }

    /// Keeps state machines and activities in `path` across restarts.
    ///
    /// ```
    /// let settings = stepfn_serve::Settings::new().state_file("stepfn-state.json");
    /// assert_eq!(settings.state_file.unwrap().to_str(), Some("stepfn-state.json"));
    /// ```
    pub fn state_file(mut self, path: impl Into<PathBuf>) -> Settings {
        self.state_file = Some(path.into());
        self
    }

    /// The region and account in ARNs.
    ///
    /// ```
    /// let settings = stepfn_serve::Settings::new().account("eu-west-1", "111122223333");
    /// assert_eq!((settings.region.as_str(), settings.account.as_str()), ("eu-west-1", "111122223333"));
    /// ```
    pub fn account(mut self, region: impl Into<String>, account: impl Into<String>) -> Settings {
        self.region = region.into();
        self.account = account.into();
        self
    }
}
