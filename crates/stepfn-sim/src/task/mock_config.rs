//! Step Functions Local's mock file, `MockConfigFile.json`, read as it is:
//!
//! ```json
//! {"StateMachines": {"Machine": {"TestCases": {"HappyPath": {"State": "Response"}}}},
//!  "MockedResponses": {"Response": {"0": {"Throw": {"Error": "E", "Cause": "c"}},
//!                                   "1-2": {"Return": {"StatusCode": 200}}}}}
//! ```
//!
//! A test case maps state names to mocked responses; a response answers
//! invocations by number, from 0 (`"0"`, or a range `"1-2"`), with a
//! `Return` (the task's result) or a `Throw` (its error and cause). An
//! invocation past the last number fails the execution with an error
//! naming the state, as Step Functions Local does.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use stepfn::builder::errors;
use stepfn::model::Json;

use super::TaskResult;
use crate::failure::Failure;

/// A test case: its name and, per state name, the response name.
type NamedCase = (String, Vec<(String, String)>);

/// A parsed `MockConfigFile.json`.
#[derive(Debug, Clone, Default)]
pub struct MockConfig {
    /// Machine name → test case name → state name → response name.
    machines: Vec<(String, Vec<NamedCase>)>,
    /// Response name → its steps.
    responses: HashMap<String, Arc<Vec<Step>>>,
}

/// One test case of a mock file: the mocked responses of its states.
#[derive(Debug, Clone)]
pub struct MockTestCase {
    machine: String,
    name: String,
    states: HashMap<String, Arc<Vec<Step>>>,
}

/// Invocations `from..=to` answered with one response.
#[derive(Debug, Clone, PartialEq)]
struct Step {
    from: u64,
    to: u64,
    response: TaskResult,
}

/// A mock file that cannot be used, with what to change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MockError(String);

impl fmt::Display for MockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for MockError {}

fn err<T>(message: impl Into<String>) -> Result<T, MockError> {
    Err(MockError(message.into()))
}

impl MockConfig {
    /// Reads a mock file's text.
    ///
    /// ```
    /// use stepfn_sim::MockConfig;
    /// let config = MockConfig::from_json(r#"{"StateMachines": {"M": {"TestCases": {"Happy": {"Call": "Ok"}}}},
    ///     "MockedResponses": {"Ok": {"0": {"Return": {"done": true}}}}}"#)?;
    /// assert_eq!(config.test_case_names(), ["Happy"]);
    /// # Ok::<(), stepfn_sim::MockError>(())
    /// ```
    ///
    /// # Errors
    /// When the text is not a mock file: what is wrong and where.
    pub fn from_json(text: &str) -> Result<MockConfig, MockError> {
        let root: Json = serde_json::from_str(text)
            .map_err(|e| MockError(format!("the mock file is not JSON: {e}")))?;
        let Json::Object(root) = root else {
            return err(
                "the mock file must be a JSON object with StateMachines and MockedResponses",
            );
        };
        let mut config = MockConfig::default();
        if let Some(responses) = root.get("MockedResponses") {
            let Json::Object(responses) = responses else {
                return err("MockedResponses must be an object of named responses");
            };
            for (name, response) in responses {
                config
                    .responses
                    .insert(name.clone(), Arc::new(steps(name, response)?));
            }
        }
        if let Some(machines) = root.get("StateMachines") {
            let Json::Object(machines) = machines else {
                return err("StateMachines must be an object of state machine names");
            };
            for (machine, value) in machines {
                let cases = match value {
                    Json::Object(m) => m.get("TestCases"),
                    _ => None,
                };
                let Some(Json::Object(cases)) = cases else {
                    return err(format!(
                        "StateMachines.{machine} must hold a TestCases object"
                    ));
                };
                let mut out = Vec::new();
                for (case, states) in cases {
                    let Json::Object(states) = states else {
                        return err(format!(
                            "StateMachines.{machine}.TestCases.{case} must map state names to response names"
                        ));
                    };
                    let mut mapped = Vec::new();
                    for (state, response) in states {
                        let Json::String(response) = response else {
                            return err(format!(
                                "StateMachines.{machine}.TestCases.{case}.{state} must be the name of a mocked response"
                            ));
                        };
                        if !config.responses.contains_key(response) {
                            return err(format!(
                                "StateMachines.{machine}.TestCases.{case}.{state} names the response {response:?}, \
                                 which MockedResponses does not define"
                            ));
                        }
                        mapped.push((state.clone(), response.clone()));
                    }
                    out.push((case.clone(), mapped));
                }
                config.machines.push((machine.clone(), out));
            }
        }
        Ok(config)
    }

    /// Reads a mock file.
    ///
    /// # Errors
    /// When the file cannot be read or is not a mock file.
    pub fn from_file(path: impl AsRef<std::path::Path>) -> Result<MockConfig, MockError> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path)
            .map_err(|e| MockError(format!("cannot read {}: {e}", path.display())))?;
        MockConfig::from_json(&text)
    }

    /// Every test case name, in file order.
    #[must_use]
    pub fn test_case_names(&self) -> Vec<&str> {
        self.machines
            .iter()
            .flat_map(|(_, cases)| cases.iter().map(|(name, _)| name.as_str()))
            .collect()
    }

    /// The test case `name` of whichever state machine has one by that name.
    ///
    /// ```
    /// # use stepfn_sim::MockConfig;
    /// # let config = MockConfig::from_json(r#"{"StateMachines": {"M": {"TestCases": {"Happy": {"Call": "Ok"}}}},
    /// #     "MockedResponses": {"Ok": {"0": {"Return": {"done": true}}}}}"#)?;
    /// assert_eq!(config.test_case("Happy")?.name(), "Happy");
    /// assert!(config.test_case("Sad").is_err());
    /// # Ok::<(), stepfn_sim::MockError>(())
    /// ```
    ///
    /// # Errors
    /// When no state machine, or more than one, has a test case by that name.
    pub fn test_case(&self, name: &str) -> Result<MockTestCase, MockError> {
        let found: Vec<&str> = self
            .machines
            .iter()
            .filter(|(_, cases)| cases.iter().any(|(case, _)| case == name))
            .map(|(machine, _)| machine.as_str())
            .collect();
        match found.as_slice() {
            [machine] => self.machine_test_case(machine, name),
            [] => err(format!(
                "no test case is named {name:?}; the mock file has: {}",
                self.test_case_names().join(", ")
            )),
            many => err(format!(
                "several state machines have a test case named {name:?} ({}): use machine_test_case",
                many.join(", ")
            )),
        }
    }

    /// The test case `name` of state machine `machine`.
    ///
    /// # Errors
    /// When the file has no such machine or test case.
    pub fn machine_test_case(&self, machine: &str, name: &str) -> Result<MockTestCase, MockError> {
        let Some((_, cases)) = self.machines.iter().find(|(m, _)| m == machine) else {
            return err(format!(
                "the mock file has no state machine named {machine:?}"
            ));
        };
        let Some((_, states)) = cases.iter().find(|(c, _)| c == name) else {
            return err(format!(
                "state machine {machine:?} has no test case named {name:?}"
            ));
        };
        let states = states
            .iter()
            .filter_map(|(state, response)| {
                self.responses
                    .get(response)
                    .map(|steps| (state.clone(), Arc::clone(steps)))
            })
            .collect();
        Ok(MockTestCase {
            machine: machine.to_owned(),
            name: name.to_owned(),
            states,
        })
    }
}

impl MockTestCase {
    /// The test case's name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The state machine it belongs to in the mock file.
    #[must_use]
    pub fn machine(&self) -> &str {
        &self.machine
    }

    /// The mocked answer of `state`'s invocation number `invocation`;
    /// `None` when the test case does not mock the state.
    pub(crate) fn answer(&self, state: &str, invocation: u64) -> Option<TaskResult> {
        let steps = self.states.get(state)?;
        let step = steps.iter().find(|s| (s.from..=s.to).contains(&invocation));
        Some(match step {
            Some(step) => step.response.clone(),
            None => Err(Failure::new(
                errors::RUNTIME,
                format!(
                    "The mock test case {:?} has no response for invocation {invocation} of state {state:?}: \
                     its responses cover invocations {}",
                    self.name,
                    steps
                        .iter()
                        .map(|s| if s.from == s.to { s.from.to_string() } else { format!("{}-{}", s.from, s.to) })
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )),
        })
    }
}

/// Reads one mocked response's steps.
fn steps(name: &str, value: &Json) -> Result<Vec<Step>, MockError> {
    let Json::Object(members) = value else {
        return err(format!(
            "MockedResponses.{name} must be an object keyed by invocation numbers (\"0\", \"1-2\")"
        ));
    };
    let mut out = Vec::new();
    for (key, step) in members {
        let (from, to) = invocations(key).ok_or_else(|| {
            MockError(format!(
                "MockedResponses.{name}: {key:?} is not an invocation number (\"0\") or range (\"1-2\")"
            ))
        })?;
        let response = match step {
            Json::Object(step) if step.len() == 1 && step.contains_key("Return") => {
                Ok(step.get("Return").cloned().unwrap_or_default())
            }
            Json::Object(step) if step.len() == 1 && step.contains_key("Throw") => {
                let Some(Json::Object(throw)) = step.get("Throw") else {
                    return err(format!(
                        "MockedResponses.{name}.{key}.Throw must be an object with Error and Cause"
                    ));
                };
                let text = |field: &str| throw.get(field).and_then(Json::as_str).map(str::to_owned);
                Err(Failure::from_parts(text("Error"), text("Cause")))
            }
            _ => {
                return err(format!(
                    "MockedResponses.{name}.{key} must hold exactly one of Return and Throw"
                ))
            }
        };
        out.push(Step { from, to, response });
    }
    Ok(out)
}

/// `"3"` → (3, 3); `"1-2"` → (1, 2).
fn invocations(key: &str) -> Option<(u64, u64)> {
    match key.split_once('-') {
        Some((from, to)) => {
            let (from, to) = (from.parse().ok()?, to.parse().ok()?);
            (from <= to).then_some((from, to))
        }
        None => key.parse().ok().map(|n| (n, n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"{
      "StateMachines": {"LambdaSQSIntegration": {"TestCases": {
        "HappyPath": {"LambdaState": "MockedLambdaSuccess"},
        "RetryPath": {"LambdaState": "MockedLambdaRetry"}}}},
      "MockedResponses": {
        "MockedLambdaSuccess": {"0": {"Return": {"StatusCode": 200, "Payload": {"body": "hi"}}}},
        "MockedLambdaRetry": {
          "0": {"Throw": {"Error": "Lambda.ResourceNotReadyException", "Cause": "not ready"}},
          "1-2": {"Throw": {"Error": "Lambda.TimeoutException", "Cause": "timed out"}},
          "3": {"Return": {"StatusCode": 200}}}}}"#;

    #[test]
    fn answers_by_invocation_number_and_range() {
        let config = MockConfig::from_json(FILE).unwrap();
        let case = config.test_case("RetryPath").unwrap();
        assert_eq!(case.machine(), "LambdaSQSIntegration");
        let error = |n| case.answer("LambdaState", n).unwrap().unwrap_err();
        assert_eq!(error(0).error(), Some("Lambda.ResourceNotReadyException"));
        assert_eq!(error(1).error(), Some("Lambda.TimeoutException"));
        assert_eq!(error(2).cause(), Some("timed out"));
        assert!(case.answer("LambdaState", 3).unwrap().is_ok());
        let past = error(4);
        assert_eq!(past.error(), Some("States.Runtime"));
        assert!(past
            .cause()
            .unwrap()
            .contains("invocation 4 of state \"LambdaState\""));
        assert!(case.answer("Other", 0).is_none());
    }

    #[test]
    fn reports_what_to_fix() {
        let e = MockConfig::from_json(
            r#"{"StateMachines": {"M": {"TestCases": {"C": {"S": "Nope"}}}}}"#,
        )
        .unwrap_err();
        assert!(e.to_string().contains("\"Nope\""), "{e}");
        let e = MockConfig::from_json(r#"{"MockedResponses": {"R": {"x": {"Return": 1}}}}"#)
            .unwrap_err();
        assert!(e.to_string().contains("invocation number"), "{e}");
        let e = MockConfig::from_json(
            r#"{"MockedResponses": {"R": {"0": {"Return": 1, "Throw": {}}}}}"#,
        )
        .unwrap_err();
        assert!(e.to_string().contains("exactly one"), "{e}");
        let config = MockConfig::from_json(FILE).unwrap();
        assert!(config
            .test_case("Nope")
            .unwrap_err()
            .to_string()
            .contains("HappyPath, RetryPath"));
    }
}
