//! Whether a task's input passes its task token.

use crate::model::Json;

/// Whether `input` passes the task token: a JSONPath value (under a key
/// ending `.$`, or an intrinsic argument) that reads `$$.Task.Token`, `$$.Task`
/// or the whole context `$$`, or a JSONata expression that reads
/// `$states.context.Task.Token`, `$states.context.Task` or `$states.context`.
/// An input that is itself a path (`"Payload.$"` as a whole) counts too.
/// Walks the value with an explicit stack.
pub(crate) fn carries_task_token(input: &Json) -> bool {
    let mut stack: Vec<(&Json, bool)> = vec![(input, false)];
    while let Some((value, evaluated)) = stack.pop() {
        match value {
            Json::String(text)
                if (evaluated && path_reads_token(text))
                    || (is_jsonata(text) && jsonata_reads_token(text)) =>
            {
                return true;
            }
            Json::Array(items) => stack.extend(items.iter().map(|i| (i, false))),
            Json::Object(object) => {
                stack.extend(object.iter().map(|(k, v)| (v, k.ends_with(".$"))));
            }
            _ => {}
        }
    }
    false
}

/// Whether `text` is written `{% ... %}`.
fn is_jsonata(text: &str) -> bool {
    let t = text.trim();
    t.starts_with("{%") && t.ends_with("%}")
}

/// Whether a path or intrinsic call reads `$$`, `$$.Task` or `$$.Task.Token`.
fn path_reads_token(text: &str) -> bool {
    reads(text, "$$")
}

/// Whether an expression reads `$states.context`, `$states.context.Task` or
/// `$states.context.Task.Token`.
fn jsonata_reads_token(text: &str) -> bool {
    reads(text, "$states.context")
}

/// Whether some occurrence of `root` in `text` reads the token: after the
/// root, the steps are none, `.Task` or `.Task.Token`, and no further field
/// step follows.
fn reads(text: &str, root: &str) -> bool {
    let mut from = 0;
    while let Some(found) = text.get(from..).and_then(|t| t.find(root)) {
        let start = from + found + root.len();
        from = start;
        let mut rest = text.get(start..).unwrap_or("");
        // `$$$` or `$states.contextual` is not this root.
        if rest.starts_with('$') || continues_name(rest) {
            continue;
        }
        for step in ["", ".Task", ".Token"] {
            rest = match rest.strip_prefix(step) {
                Some(after) if !continues_name(after) => after,
                _ => break,
            };
            if !is_field_step(rest) {
                return true;
            }
        }
    }
    false
}

/// Whether `rest` starts another `.field` or `['field']` step.
fn is_field_step(rest: &str) -> bool {
    rest.starts_with('.') || rest.starts_with("['") || rest.starts_with("[\"")
}

/// Whether `rest` continues an identifier.
fn continues_name(rest: &str) -> bool {
    rest.starts_with(|c: char| c.is_alphanumeric() || c == '_')
}

/// Unit tests.
#[cfg(test)]
mod tests {
    use super::*;

    fn json(text: &str) -> Json {
        serde_json::from_str(text).unwrap_or_default()
    }

    #[test]
    fn finds_the_token_in_paths() {
        for yes in [
            r#"{"token.$": "$$.Task.Token"}"#,
            r#"{"a": {"b.$": "$$.Task"}}"#,
            r#"{"ctx.$": "$$"}"#,
            r#"{"m.$": "States.Format('t={}', $$.Task.Token)"}"#,
            r#"{"l": [{"t.$": "$$.Task.Token"}]}"#,
        ] {
            assert!(carries_task_token(&json(yes)), "{yes}");
        }
        for no in [
            r#"{"token": "$$.Task.Token"}"#,
            r#"{"id.$": "$$.Execution.Id"}"#,
            r#"{"x.$": "$$.Task.TokenX"}"#,
            r#"{"x.$": "$$.Task.Token.inner"}"#,
            r#"{"x.$": "$.Task.Token"}"#,
            r#"{"x": 1}"#,
        ] {
            assert!(!carries_task_token(&json(no)), "{no}");
        }
    }

    #[test]
    fn finds_the_token_in_jsonata() {
        for yes in [
            r#"{"t": "{% $states.context.Task.Token %}"}"#,
            r#"{"t": "{% $states.context %}"}"#,
            r#"{"t": "{% $string($states.context.Task) %}"}"#,
            r#""{% {'token': $states.context.Task.Token} %}""#,
        ] {
            assert!(carries_task_token(&json(yes)), "{yes}");
        }
        for no in [
            r#"{"t": "{% $states.context.Execution.Id %}"}"#,
            r#"{"t": "$states.context.Task.Token"}"#,
            r#"{"t": "{% $states.contextual %}"}"#,
        ] {
            assert!(!carries_task_token(&json(no)), "{no}");
        }
    }
}
