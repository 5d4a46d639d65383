//! A Fail state's `ErrorPath` and `CausePath` are reference paths or intrinsic
//! calls that return a string.

use crate::model::graph::{StateId, StateNode};
use crate::model::{FailCause, FailError, State};
use crate::syntax::{check_reference_path, parse_intrinsic, Function};
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::Code;

pub(crate) fn check(
    found: &mut Findings<'_>,
    machine: &Definition<'_>,
    id: StateId,
    node: &StateNode<'_>,
) {
    let State::Fail(fail) = node.state else {
        return;
    };
    let error = match &fail.error {
        Some(FailError::Path(p)) => Some(("ErrorPath", p)),
        _ => None,
    };
    let cause = match &fail.cause {
        Some(FailCause::Path(p)) => Some(("CausePath", p)),
        _ => None,
    };
    for (field, value) in error.into_iter().chain(cause) {
        let problem = if value.starts_with('$') {
            check_reference_path(value).err().map(|e| {
                (
                    Code::InvalidReferencePath,
                    format!(
                        "`{value}` is not a reference path: {} (at character {})",
                        e.message,
                        e.offset + 1
                    ),
                )
            })
        } else {
            match parse_intrinsic(value) {
                Ok(call) if call.function.returns_string() => None,
                Ok(call) => Some((
                    Code::InvalidIntrinsic,
                    format!(
                        "`{}` does not return a string; `{field}` takes a reference path or {}",
                        call.function,
                        string_functions()
                    ),
                )),
                Err(e) => Some((
                    Code::InvalidIntrinsic,
                    format!(
                        "`{value}` is neither a reference path nor a valid intrinsic call: {} (at character {})",
                        e.message,
                        e.offset + 1
                    ),
                )),
            }
        };
        if let Some((code, message)) = problem {
            found.error(machine.state_path(id).key(field), code, message);
        }
    }
}

/// The intrinsic functions that return a string: "States.Format, …, States.Hash or States.UUID".
fn string_functions() -> String {
    let names: Vec<&str> = Function::ALL
        .into_iter()
        .filter(|f| f.returns_string())
        .map(Function::name)
        .collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => names.concat(),
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::{one_state, paths};
    use crate::Code;

    #[test]
    fn accepts_reference_paths_context_and_string_intrinsics() {
        let text = one_state(
            r#"{"Type": "Fail", "ErrorPath": "$$.Execution.Name", "CausePath": "States.Format('bad {}', $.id)"}"#,
        );
        let report = crate::validate::Validator::new().check_str(&text);
        assert!(
            report
                .errors()
                .iter()
                .all(|e| !e.path().to_string().starts_with("States.S.")),
            "{:?}",
            report.errors()
        );
    }

    #[test]
    fn flags_wildcards_and_non_string_intrinsics() {
        let text = one_state(
            r#"{"Type": "Fail", "ErrorPath": "$.errors[*]", "CausePath": "States.ArrayLength($.a)"}"#,
        );
        assert_eq!(
            paths(&text, Code::InvalidReferencePath),
            ["States.S.ErrorPath"]
        );
        assert_eq!(paths(&text, Code::InvalidIntrinsic), ["States.S.CausePath"]);
    }
}
