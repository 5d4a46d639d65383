//! The definitions the benchmarks measure, shared by the criterion benches and
//! by the scripts that time whole processes against peers.

/// `n` Pass states, each going to the next, the last one ending.
pub fn chain(n: usize) -> String {
    let mut text = String::from(r#"{"StartAt": "S0", "States": {"#);
    for i in 0..n {
        if i > 0 {
            text.push(',');
        }
        if i + 1 == n {
            text.push_str(&format!(r#""S{i}": {{"Type": "Pass", "End": true}}"#));
        } else {
            text.push_str(&format!(
                r#""S{i}": {{"Type": "Pass", "Next": "S{}"}}"#,
                i + 1
            ));
        }
    }
    text.push_str("}}");
    text
}

/// Blocks of 13 states chained one after another: a Choice with three rules,
/// a Task with retry and catch, a Parallel of two three-state branches, and a
/// Map whose processor holds a Choice, a Task and a Succeed.
pub fn nested(blocks: usize) -> String {
    let mut states = Vec::new();
    for b in 0..blocks {
        let next = if b + 1 == blocks {
            r#""End": true"#.to_owned()
        } else {
            format!(r#""Next": "Choose{}""#, b + 1)
        };
        states.push(format!(
            r#""Choose{b}": {{"Type": "Choice", "Default": "Work{b}", "Choices": [
                {{"Variable": "$.kind", "StringEquals": "a", "Next": "Work{b}"}},
                {{"And": [{{"Variable": "$.n", "NumericGreaterThan": 5}},
                          {{"Variable": "$.when", "TimestampLessThan": "2024-01-31T09:30:00Z"}}],
                  "Next": "Fan{b}"}},
                {{"Not": {{"Variable": "$.done", "BooleanEquals": true}}, "Next": "Each{b}"}}]}},
            "Work{b}": {{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSeconds": 30,
                "Parameters": {{"FunctionName": "f", "Payload.$": "$", "Id.$": "States.Format('{{}}-{b}', $.id)"}},
                "ResultSelector": {{"body.$": "$.Payload"}}, "ResultPath": "$.work",
                "Retry": [{{"ErrorEquals": ["States.Timeout"], "MaxAttempts": 2}}, {{"ErrorEquals": ["States.ALL"]}}],
                "Catch": [{{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Fan{b}"}}],
                "Next": "Fan{b}"}},
            "Fan{b}": {{"Type": "Parallel", "Next": "Each{b}", "ResultPath": "$.fan", "Branches": [
                {{"StartAt": "L{b}a", "States": {{
                    "L{b}a": {{"Type": "Pass", "Next": "L{b}b"}},
                    "L{b}b": {{"Type": "Wait", "Seconds": 1, "Next": "L{b}c"}},
                    "L{b}c": {{"Type": "Succeed"}}}}}},
                {{"StartAt": "R{b}a", "States": {{
                    "R{b}a": {{"Type": "Task", "Resource": "arn:aws:states:::sns:publish", "TimeoutSeconds": 10, "Next": "R{b}b"}},
                    "R{b}b": {{"Type": "Pass", "Result": {{"ok": true}}, "Next": "R{b}c"}},
                    "R{b}c": {{"Type": "Succeed"}}}}}}]}},
            "Each{b}": {{"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 5, "ResultPath": "$.each", {next},
                "ItemSelector": {{"item.$": "$$.Map.Item.Value", "index.$": "$$.Map.Item.Index"}},
                "ItemProcessor": {{"StartAt": "Check{b}", "States": {{
                    "Check{b}": {{"Type": "Choice", "Default": "Skip{b}", "Choices": [
                        {{"Variable": "$.item.ok", "IsPresent": true, "Next": "Handle{b}"}}]}},
                    "Handle{b}": {{"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem", "TimeoutSeconds": 10, "Next": "Skip{b}"}},
                    "Skip{b}": {{"Type": "Succeed"}}}}}}}}"#
        ));
    }
    format!(
        r#"{{"StartAt": "Choose0", "States": {{{}}}}}"#,
        states.join(",")
    )
}

/// The counter loop: a Pass adds one with `States.MathAdd`, a Choice loops
/// back until `n` reaches `limit`. Each turn is two state transitions.
pub const COUNTER_LOOP: &str = r#"{"StartAt": "Add", "States": {
    "Add": {"Type": "Pass", "Parameters": {"n.$": "States.MathAdd($.n, 1)", "limit.$": "$.limit"},
            "Next": "Check"},
    "Check": {"Type": "Choice",
              "Choices": [{"Variable": "$.n", "NumericLessThanPath": "$.limit", "Next": "Add"}],
              "Default": "Done"},
    "Done": {"Type": "Succeed"}}}"#;

/// The input of the counter loop for `turns` turns (`2 * turns + 1`
/// transitions).
pub fn counter_input(turns: u64) -> String {
    format!(r#"{{"n": 0, "limit": {turns}}}"#)
}

/// A Map over its input array whose processor is one Pass state.
pub const MAP_OF_PASS: &str = r#"{"StartAt": "Each", "States": {
    "Each": {"Type": "Map", "End": true,
             "ItemProcessor": {"StartAt": "Touch", "States": {"Touch": {"Type": "Pass", "End": true}}}}}}"#;

/// An array of `n` small objects, the items of [`MAP_OF_PASS`].
pub fn map_items(n: usize) -> String {
    let items: Vec<String> = (0..n).map(|i| format!(r#"{{"id":{i}}}"#)).collect();
    format!("[{}]", items.join(","))
}
