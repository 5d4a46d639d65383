//! ValidateStateMachineDefinition: stepfn's validator, every problem with
//! its stable code and where it is.

use serde_json::{json, Value};
use stepfn::problem::{Problem, Severity};

use crate::error::ApiError;
use crate::request::Request;

/// `ValidateStateMachineDefinition`: `OK` or `FAIL`, with diagnostics
/// (errors only unless `severity` is `WARNING`).
pub(crate) fn validate(request: &Request) -> Result<Value, ApiError> {
    let definition = request.required("definition")?;
    let express = match request.string("type")? {
        None | Some("STANDARD") => false,
        Some("EXPRESS") => true,
        Some(other) => {
            return Err(ApiError::validation(format!(
                "'type' must be STANDARD or EXPRESS, not '{other}'"
            )))
        }
    };
    let warnings = match request.string("severity")? {
        None | Some("ERROR") => false,
        Some("WARNING") => true,
        Some(other) => {
            return Err(ApiError::validation(format!(
                "'severity' must be ERROR or WARNING, not '{other}'"
            )))
        }
    };
    let limit = request.page_size(100)?;
    let report = stepfn::validate::Validator::new()
        .express(express)
        .check_str(definition);
    let result = if report.is_valid() { "OK" } else { "FAIL" };
    let shown: Vec<&Problem> = report
        .problems()
        .filter(|p| warnings || p.severity() == Severity::Error)
        .collect();
    let truncated = shown.len() > limit;
    let diagnostics: Vec<Value> = shown.into_iter().take(limit).map(diagnostic).collect();
    Ok(json!({"result": result, "diagnostics": diagnostics, "truncated": truncated}))
}

fn diagnostic(problem: &Problem) -> Value {
    let severity = match problem.severity() {
        Severity::Error => "ERROR",
        _ => "WARNING",
    };
    json!({
        "severity": severity,
        "code": problem.code().to_string(),
        "message": problem.message(),
        "location": problem.path().to_json_pointer(),
    })
}
