//! TestState: one state run alone by the simulator, with TestState's
//! verdict and inspection data.

use serde_json::{Map, Value};
use stepfn_sim::{IntoInput, SimError, Simulator};

use super::json_value;
use crate::error::ApiError;
use crate::request::Request;

/// The name the lone state gets when `definition` is one state.
const LONE_STATE: &str = "TestState";

/// `TestState`: `definition` is one state, or (with `stateName`) a whole
/// state machine and the state to test.
pub(crate) fn test_state(request: &Request) -> Result<Value, ApiError> {
    let definition = request.required("definition")?;
    let (machine, state) = match request.string("stateName")? {
        Some(state) => (definition.to_owned(), state.to_owned()),
        None => (lone_machine(definition)?, LONE_STATE.to_owned()),
    };
    let sim = Simulator::from_json(&machine).map_err(|e| match e {
        SimError::Invalid(problems) => ApiError::new(
            "InvalidDefinition",
            format!(
                "Invalid State Machine Definition: '{}'",
                problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        ),
        other => ApiError::new(
            "InvalidDefinition",
            format!("Invalid State Machine Definition: '{other}'"),
        ),
    })?;
    let json = |field: &str| -> Result<Option<stepfn::model::Json>, ApiError> {
        request
            .string(field)?
            .map(|text| {
                text.into_input().map_err(|e| {
                    ApiError::new(
                        "InvalidExecutionInput",
                        format!("Invalid State Machine Execution Input: '{field}': {e}"),
                    )
                })
            })
            .transpose()
    };
    let mut test = sim.test_state(state);
    if let Some(input) = json("input")? {
        test = test.input(input);
    }
    if let Some(variables) = json("variables")? {
        test = test.variables(variables);
    }
    if let Some(context) = json("context")? {
        test = test.context(context);
    }
    if let Some(Value::Object(mock)) = request.value("mock") {
        if let Some(Value::String(result)) = mock.get("result") {
            let result = result
                .as_str()
                .into_input()
                .map_err(|e| ApiError::validation(format!("mock.result is not JSON: {e}")))?;
            test = test.mock_result(result);
        } else if let Some(Value::Object(error)) = mock.get("errorOutput") {
            let text = |k: &str| {
                error
                    .get(k)
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_owned()
            };
            test = test.mock_error(text("error"), text("cause"));
        }
    }
    let result = test.run().map_err(|e| match e {
        SimError::Input(what) => ApiError::new(
            "InvalidExecutionInput",
            format!("Invalid State Machine Execution Input: '{what}'"),
        ),
        other => ApiError::validation(other.to_string()),
    })?;
    Ok(json_value(&result.to_aws_json()))
}

/// A state machine holding the one state `definition`, with a Succeed
/// state for each state it names, so its transitions resolve.
fn lone_machine(definition: &str) -> Result<String, ApiError> {
    let state: Value = serde_json::from_str(definition).map_err(|e| {
        ApiError::new(
            "InvalidDefinition",
            format!("Invalid State Machine Definition: 'the state definition is not JSON: {e}'"),
        )
    })?;
    let Value::Object(fields) = &state else {
        return Err(ApiError::new(
            "InvalidDefinition",
            "Invalid State Machine Definition: 'a state definition is a JSON object'",
        ));
    };
    let mut states = Map::new();
    for target in targets(fields) {
        if target != LONE_STATE {
            states.insert(target, serde_json::json!({"Type": "Succeed"}));
        }
    }
    states.insert(LONE_STATE.to_owned(), state.clone());
    let mut machine = Map::new();
    if let Some(language) = fields.get("QueryLanguage") {
        machine.insert("QueryLanguage".into(), language.clone());
    }
    machine.insert("StartAt".into(), LONE_STATE.into());
    machine.insert("States".into(), Value::Object(states));
    Ok(Value::Object(machine).to_string())
}

/// The states a state names: `Next`, `Default`, each Choice rule's and
/// each catcher's `Next`.
fn targets(fields: &Map<String, Value>) -> Vec<String> {
    let mut out = Vec::new();
    let mut take = |object: &Map<String, Value>, key: &str| {
        if let Some(Value::String(name)) = object.get(key) {
            out.push(name.clone());
        }
    };
    take(fields, "Next");
    take(fields, "Default");
    for list in ["Choices", "Catch"] {
        if let Some(Value::Array(items)) = fields.get(list) {
            for item in items.iter().filter_map(Value::as_object) {
                take(item, "Next");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lone_state_gets_the_states_it_names() {
        let text = lone_machine(r#"{"Type": "Choice", "Choices": [{"Variable": "$.a", "IsPresent": true, "Next": "Yes"}], "Default": "No"}"#).unwrap();
        let machine: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(machine["StartAt"], "TestState");
        assert_eq!(machine["States"]["Yes"]["Type"], "Succeed");
        assert_eq!(machine["States"]["No"]["Type"], "Succeed");
        assert_eq!(lone_machine("[1]").unwrap_err().name(), "InvalidDefinition");
    }
}
