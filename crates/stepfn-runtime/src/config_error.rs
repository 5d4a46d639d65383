//! A worker configuration that does not load: where, which key, and what
//! to write instead.

use std::path::PathBuf;

/// Each key a worker configuration takes, with a line to copy.
pub(crate) const KEYS: [(&str, &str); 9] = [
    (
        "activity_arn",
        "activity_arn = \"arn:aws:states:us-east-1:123456789012:activity:resize\"",
    ),
    ("slots", "slots = 8"),
    ("polls", "polls = 8"),
    ("heartbeat_seconds", "heartbeat_seconds = 20"),
    ("healthcheck_port", "healthcheck_port = 8080"),
    ("healthcheck_host", "healthcheck_host = \"127.0.0.1\""),
    ("max_tasks", "max_tasks = 100"),
    ("drain_deadline_seconds", "drain_deadline_seconds = 60"),
    ("log_level", "log_level = \"info\""),
];

/// The line to copy for `key`.
pub(crate) fn example(key: &str) -> Option<&'static str> {
    KEYS.iter().find(|(k, _)| *k == key).map(|(_, line)| *line)
}

/// A worker configuration that does not load.
///
/// ```
/// let error = stepfn_runtime::WorkerConfig::from_toml("slots = 0").unwrap_err();
/// assert_eq!(error.key.as_deref(), Some("slots"));
/// assert_eq!(error.to_string(), "`slots`: a worker needs at least one slot; write `slots = 8`");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file, when the configuration was read from one.
    pub file: Option<PathBuf>,
    /// Line and column (from 1), when the problem is at a place in the text.
    pub position: Option<(usize, usize)>,
    /// The key at fault, when there is one.
    pub key: Option<String>,
    /// What is wrong and what to write instead.
    pub message: String,
}

impl ConfigError {
    /// A problem with `key`.
    pub(crate) fn key(key: &str, message: impl Into<String>) -> ConfigError {
        let mut message = message.into();
        if let Some(line) = example(key) {
            message.push_str(&format!("; write `{line}`"));
        }
        ConfigError {
            file: None,
            position: None,
            key: Some(key.to_owned()),
            message,
        }
    }

    /// toml's error, placed in `text`, with the key on its line.
    pub(crate) fn from_toml(text: &str, error: &toml::de::Error) -> ConfigError {
        let start = error.span().map(|span| span.start);
        let position = start.map(|offset| line_and_column(text, offset));
        let key = start.and_then(|offset| key_on_line(text, offset));
        let mut message = error.message().trim_end().to_owned();
        if let Some(line) = key.as_deref().and_then(example) {
            message.push_str(&format!("; write `{line}`"));
        } else if message.starts_with("unknown field") {
            // toml lists the keys it expected
        } else if key.is_none() {
            message.push_str("; the file holds `key = value` lines such as `slots = 8`");
        }
        ConfigError {
            file: None,
            position,
            key,
            message,
        }
    }
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{}", file.display())?;
            match self.position {
                Some((line, column)) => write!(f, ":{line}:{column}: ")?,
                None => write!(f, ": ")?,
            }
        } else if let Some((line, column)) = self.position {
            write!(f, "{line}:{column}: ")?;
        }
        if let Some(key) = &self.key {
            write!(f, "`{key}`: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for ConfigError {}

/// Line and column (from 1, in characters) of a byte offset.
fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

/// The key of the `key = value` line holding `offset`, if it is one.
fn key_on_line(text: &str, offset: usize) -> Option<String> {
    let before = text.get(..offset)?;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = text.get(start..)?.lines().next()?;
    let (key, _) = line.split_once('=')?;
    let key = key.trim().trim_matches('"');
    (!key.is_empty() && !key.starts_with('#')).then(|| key.to_owned())
}
