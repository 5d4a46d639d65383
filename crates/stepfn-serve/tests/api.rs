//! The Step Functions API spoken over HTTP against `stepfn serve`: each
//! operation, AWS's errors for each misuse, activities and callbacks.

mod client;

use std::io::Write;
use std::time::Duration;

use client::{
    call, create, describe, event_types, fails, ok, start, start_execution, until_done, ROLE,
};
use serde_json::{json, Value};
use stepfn_serve::{Settings, Time};
use stepfn_sim::MockConfig;

const PASS_CHOICE_MAP: &str = r#"{"StartAt": "Double", "States": {
  "Double": {"Type": "Map", "ItemsPath": "$.items", "ItemProcessor": {"StartAt": "Times2", "States": {
    "Times2": {"Type": "Pass", "Parameters": {"v.$": "States.MathAdd($, $)"}, "End": true}}},
    "ResultPath": "$.doubled", "Next": "Big?"},
  "Big?": {"Type": "Choice", "Choices": [{"Variable": "$.doubled[0].v", "NumericGreaterThan": 10, "Next": "Big"}], "Default": "Small"},
  "Big": {"Type": "Pass", "Result": "big", "End": true},
  "Small": {"Type": "Pass", "Result": "small", "End": true}}}"#;

const CALLBACK: &str = r#"{"StartAt": "Ask", "States": {"Ask": {"Type": "Task",
  "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
  "Parameters": {"QueueUrl": "q", "MessageBody": {"token.$": "$$.Task.Token"}}, "HeartbeatSeconds": 1, "End": true}}}"#;

/// The task token a callback state was given, read from its TaskScheduled event.
fn callback_token(addr: std::net::SocketAddr, execution: &str) -> String {
    let history = ok(
        addr,
        "GetExecutionHistory",
        json!({"executionArn": execution}),
    );
    let scheduled = history["events"]
        .as_array()
        .and_then(|events| events.iter().find(|e| e["type"] == "TaskScheduled"))
        .expect("a TaskScheduled event");
    let parameters: Value = serde_json::from_str(
        scheduled["taskScheduledEventDetails"]["parameters"]
            .as_str()
            .expect("parameters"),
    )
    .expect("JSON parameters");
    parameters["MessageBody"]["token"]
        .as_str()
        .expect("a token")
        .to_owned()
}

#[test]
fn state_machines_are_created_described_listed_updated_and_deleted() {
    let addr = start(Settings::new());
    let arn = create(addr, "Orders", PASS_CHOICE_MAP);
    assert_eq!(
        arn,
        "arn:aws:states:us-east-1:123456789012:stateMachine:Orders"
    );
    // the same request again answers the same; another definition under the name is refused
    assert_eq!(create(addr, "Orders", PASS_CHOICE_MAP), arn);
    let message = fails(
        addr,
        "CreateStateMachine",
        json!({"name": "Orders", "definition": CALLBACK, "roleArn": ROLE}),
        "StateMachineAlreadyExists",
    );
    assert!(message.contains(&arn), "{message}");

    let described = ok(
        addr,
        "DescribeStateMachine",
        json!({"stateMachineArn": arn}),
    );
    assert_eq!(described["name"], "Orders");
    assert_eq!(described["type"], "STANDARD");
    assert_eq!(described["status"], "ACTIVE");
    assert_eq!(described["definition"], PASS_CHOICE_MAP);
    assert!(
        described["creationDate"]
            .as_f64()
            .is_some_and(|t| t > 1.6e9),
        "{described}"
    );

    create(addr, "Another", CALLBACK);
    let page = ok(addr, "ListStateMachines", json!({"maxResults": 1}));
    assert_eq!(page["stateMachines"][0]["name"], "Another");
    let rest = ok(
        addr,
        "ListStateMachines",
        json!({"nextToken": page["nextToken"]}),
    );
    assert_eq!(rest["stateMachines"][0]["name"], "Orders");
    assert!(rest.get("nextToken").is_none());

    let updated = ok(
        addr,
        "UpdateStateMachine",
        json!({"stateMachineArn": arn, "definition": CALLBACK}),
    );
    assert_ne!(updated["revisionId"], described["revisionId"]);
    assert_eq!(
        ok(
            addr,
            "DescribeStateMachine",
            json!({"stateMachineArn": arn})
        )["definition"],
        CALLBACK
    );
    fails(
        addr,
        "UpdateStateMachine",
        json!({"stateMachineArn": arn}),
        "MissingRequiredParameter",
    );

    ok(addr, "DeleteStateMachine", json!({"stateMachineArn": arn}));
    let message = fails(
        addr,
        "DescribeStateMachine",
        json!({"stateMachineArn": arn}),
        "StateMachineDoesNotExist",
    );
    assert!(message.contains("Orders"), "{message}");
    fails(
        addr,
        "StartExecution",
        json!({"stateMachineArn": arn}),
        "StateMachineDoesNotExist",
    );
}

#[test]
fn misuse_gets_aws_errors() {
    let addr = start(Settings::new());
    let message = fails(
        addr,
        "CreateStateMachine",
        json!({"name": "Bad", "roleArn": ROLE,
        "definition": r#"{"StartAt": "Nope", "States": {"A": {"Type": "Succeed"}}}"#}),
        "InvalidDefinition",
    );
    assert!(message.contains("Nope"), "{message}");
    fails(
        addr,
        "CreateStateMachine",
        json!({"name": "NoDefinition", "roleArn": ROLE}),
        "ValidationException",
    );
    fails(
        addr,
        "CreateStateMachine",
        json!({"name": "has space", "roleArn": ROLE, "definition": CALLBACK}),
        "InvalidName",
    );
    fails(
        addr,
        "DescribeStateMachine",
        json!({"stateMachineArn": "arn:aws:states:us-east-1:123456789012:activity:x"}),
        "InvalidArn",
    );
    fails(
        addr,
        "DescribeExecution",
        json!({"executionArn": "arn:aws:states:us-east-1:123456789012:execution:M:none"}),
        "ExecutionDoesNotExist",
    );
    fails(
        addr,
        "DescribeActivity",
        json!({"activityArn": "arn:aws:states:us-east-1:123456789012:activity:none"}),
        "ActivityDoesNotExist",
    );
    fails(
        addr,
        "SendTaskSuccess",
        json!({"taskToken": "made-up", "output": "{}"}),
        "InvalidToken",
    );
    fails(
        addr,
        "ListStateMachines",
        json!({"nextToken": "made-up"}),
        "InvalidToken",
    );
    fails(
        addr,
        "DescribeRocket",
        json!({}),
        "UnknownOperationException",
    );
    let arn = create(addr, "M", PASS_CHOICE_MAP);
    fails(
        addr,
        "StartExecution",
        json!({"stateMachineArn": arn, "input": "{not json"}),
        "InvalidExecutionInput",
    );
    fails(
        addr,
        "StartSyncExecution",
        json!({"stateMachineArn": arn}),
        "StateMachineTypeNotSupported",
    );
}

#[test]
fn executions_run_pass_choice_and_map_with_aws_history() {
    let addr = start(Settings::new());
    let machine = create(addr, "Doubler", PASS_CHOICE_MAP);
    let execution = ok(
        addr,
        "StartExecution",
        json!({"stateMachineArn": machine, "name": "first", "input": r#"{"items": [7, 1]}"#}),
    );
    let arn = execution["executionArn"].as_str().expect("an ARN");
    assert_eq!(
        arn,
        "arn:aws:states:us-east-1:123456789012:execution:Doubler:first"
    );
    let described = until_done(addr, arn);
    assert_eq!(described["status"], "SUCCEEDED");
    assert_eq!(described["output"], r#""big""#);
    assert_eq!(described["input"], r#"{"items": [7, 1]}"#);
    assert_eq!(described["stateMachineArn"], machine.as_str());
    assert!(described["stopDate"].as_f64() >= described["startDate"].as_f64());

    let types = event_types(addr, arn);
    assert_eq!(types.first().map(String::as_str), Some("ExecutionStarted"));
    assert_eq!(types.last().map(String::as_str), Some("ExecutionSucceeded"));
    assert!(
        types.iter().any(|t| t == "MapIterationSucceeded"),
        "{types:?}"
    );

    // pages of two, newest first, that add up to the whole history
    let mut reversed = Vec::new();
    let mut token: Option<Value> = None;
    loop {
        let mut request = json!({"executionArn": arn, "maxResults": 2, "reverseOrder": true});
        if let Some(token) = &token {
            request["nextToken"] = token.clone();
        }
        let page = ok(addr, "GetExecutionHistory", request);
        let events = page["events"].as_array().expect("events");
        assert!(events.len() <= 2);
        reversed.extend(
            events
                .iter()
                .map(|e| e["type"].as_str().unwrap_or("").to_owned()),
        );
        assert!(events
            .iter()
            .all(|e| e["timestamp"].is_f64() && e["id"].is_u64()));
        match page.get("nextToken") {
            Some(next) => token = Some(next.clone()),
            None => break,
        }
    }
    reversed.reverse();
    assert_eq!(reversed, types);

    // the same name again is refused once the first has ended
    fails(
        addr,
        "StartExecution",
        json!({"stateMachineArn": machine, "name": "first", "input": r#"{"items": [7, 1]}"#}),
        "ExecutionAlreadyExists",
    );
    let listed = ok(
        addr,
        "ListExecutions",
        json!({"stateMachineArn": machine, "statusFilter": "SUCCEEDED"}),
    );
    assert_eq!(listed["executions"][0]["name"], "first");
    assert_eq!(
        ok(
            addr,
            "ListExecutions",
            json!({"stateMachineArn": machine, "statusFilter": "FAILED"})
        )["executions"],
        json!([])
    );
}

#[test]
fn callbacks_are_answered_by_send_task_success_and_failure() {
    let addr = start(Settings::new());
    let mut definition: Value = serde_json::from_str(CALLBACK).expect("JSON");
    definition["States"]["Ask"]
        .as_object_mut()
        .expect("a state")
        .remove("HeartbeatSeconds");
    let machine = create(addr, "Approval", &definition.to_string());

    let started = ok(
        addr,
        "StartExecution",
        json!({"stateMachineArn": machine, "name": "one", "input": "{}"}),
    );
    // the same name and input while it runs: the same answer (idempotent)
    let again = ok(
        addr,
        "StartExecution",
        json!({"stateMachineArn": machine, "name": "one", "input": "{}"}),
    );
    assert_eq!(again, started);
    fails(
        addr,
        "StartExecution",
        json!({"stateMachineArn": machine, "name": "one", "input": r#"{"other": 1}"#}),
        "ExecutionAlreadyExists",
    );
    let arn = started["executionArn"].as_str().expect("an ARN");
    assert_eq!(describe(addr, arn)["status"], "RUNNING");

    let token = callback_token(addr, arn);
    ok(addr, "SendTaskHeartbeat", json!({"taskToken": token}));
    fails(
        addr,
        "SendTaskSuccess",
        json!({"taskToken": token, "output": "{oops"}),
        "InvalidOutput",
    );
    ok(
        addr,
        "SendTaskSuccess",
        json!({"taskToken": token, "output": r#"{"approved": true}"#}),
    );
    let described = until_done(addr, arn);
    assert_eq!(described["status"], "SUCCEEDED");
    assert_eq!(described["output"], r#"{"approved":true}"#);
    // a late answer is refused: AWS's TaskTimedOut, for any closed task
    for (operation, body) in [
        (
            "SendTaskSuccess",
            json!({"taskToken": token, "output": "{}"}),
        ),
        (
            "SendTaskFailure",
            json!({"taskToken": token, "error": "Late"}),
        ),
        ("SendTaskHeartbeat", json!({"taskToken": token})),
    ] {
        fails(addr, operation, body, "TaskTimedOut");
    }

    let second = start_execution(addr, &machine, "{}");
    let token = callback_token(addr, &second);
    ok(
        addr,
        "SendTaskFailure",
        json!({"taskToken": token, "error": "Rejected", "cause": "no budget"}),
    );
    let described = until_done(addr, &second);
    assert_eq!(
        (
            described["status"].as_str(),
            described["error"].as_str(),
            described["cause"].as_str()
        ),
        (Some("FAILED"), Some("Rejected"), Some("no budget"))
    );
}

#[test]
fn a_silent_callback_times_out_on_its_heartbeat_and_a_late_answer_is_task_timed_out() {
    let addr = start(Settings::new());
    let machine = create(addr, "Heartbeat", CALLBACK);
    let arn = start_execution(addr, &machine, "{}");
    let token = callback_token(addr, &arn);
    let described = until_done(addr, &arn);
    assert_eq!(described["status"], "FAILED");
    assert_eq!(described["error"], "States.Timeout");
    assert!(event_types(addr, &arn).iter().any(|t| t == "TaskTimedOut"));
    // the token has expired: AWS answers TaskTimedOut
    let message = fails(
        addr,
        "SendTaskSuccess",
        json!({"taskToken": token, "output": "{}"}),
        "TaskTimedOut",
    );
    assert!(message.contains("timed out"), "{message}");
    fails(
        addr,
        "SendTaskHeartbeat",
        json!({"taskToken": token}),
        "TaskTimedOut",
    );
    // a token of the endpoint's form that it never handed out
    fails(
        addr,
        "SendTaskSuccess",
        json!({"taskToken": "0".repeat(56), "output": "{}"}),
        "TaskDoesNotExist",
    );
}

#[test]
fn stop_execution_aborts_a_running_execution() {
    let addr = start(Settings::new());
    let machine = create(addr, "Stoppable", CALLBACK);
    let arn = start_execution(addr, &machine, "{}");
    let stopped = ok(
        addr,
        "StopExecution",
        json!({"executionArn": arn, "error": "Operator", "cause": "not needed"}),
    );
    assert!(stopped["stopDate"].is_f64());
    let described = describe(addr, &arn);
    assert_eq!(
        (described["status"].as_str(), described["error"].as_str()),
        (Some("ABORTED"), Some("Operator"))
    );
    assert_eq!(
        event_types(addr, &arn).last().map(String::as_str),
        Some("ExecutionAborted")
    );
}

#[test]
fn activity_tasks_go_to_workers_polling_get_activity_task() {
    let addr = start(Settings::new());
    let created = ok(addr, "CreateActivity", json!({"name": "resize"}));
    let activity = created["activityArn"].as_str().expect("an ARN").to_owned();
    assert_eq!(
        activity,
        "arn:aws:states:us-east-1:123456789012:activity:resize"
    );
    assert_eq!(
        ok(addr, "CreateActivity", json!({"name": "resize"})),
        created
    );
    assert_eq!(
        ok(addr, "DescribeActivity", json!({"activityArn": activity}))["name"],
        "resize"
    );
    assert_eq!(
        ok(addr, "ListActivities", json!({}))["activities"][0]["activityArn"],
        activity.as_str()
    );

    let machine = create(
        addr,
        "Images",
        &format!(
            r#"{{"StartAt": "Resize", "States": {{"Resize": {{"Type": "Task", "Resource": "{activity}", "End": true}}}}}}"#
        ),
    );
    let arn = start_execution(addr, &machine, r#"{"image": "a.png"}"#);
    let task = ok(
        addr,
        "GetActivityTask",
        json!({"activityArn": activity, "workerName": "w1"}),
    );
    assert_eq!(task["input"], r#"{"image":"a.png"}"#);
    let token = task["taskToken"].as_str().expect("a token");
    assert!(event_types(addr, &arn)
        .iter()
        .any(|t| t == "ActivityStarted"));
    ok(
        addr,
        "SendTaskSuccess",
        json!({"taskToken": token, "output": r#"{"size": 3}"#}),
    );
    assert_eq!(until_done(addr, &arn)["output"], r#"{"size":3}"#);

    ok(addr, "DeleteActivity", json!({"activityArn": activity}));
    fails(
        addr,
        "GetActivityTask",
        json!({"activityArn": activity}),
        "ActivityDoesNotExist",
    );
}

#[test]
fn a_poller_that_disconnects_does_not_lose_the_task() {
    let addr = start(Settings::new());
    let activity = ok(addr, "CreateActivity", json!({"name": "work"}))["activityArn"]
        .as_str()
        .expect("an ARN")
        .to_owned();
    // a worker starts a long poll and goes away before any task comes
    let mut gone = std::net::TcpStream::connect(addr).expect("connect");
    gone.write_all(
        client::request_text(
            addr,
            "GetActivityTask",
            &json!({"activityArn": activity}).to_string(),
        )
        .as_bytes(),
    )
    .expect("write");
    std::thread::sleep(Duration::from_millis(200));
    drop(gone);
    std::thread::sleep(Duration::from_millis(100));

    let machine = create(
        addr,
        "Work",
        &format!(
            r#"{{"StartAt": "Do", "States": {{"Do": {{"Type": "Task", "Resource": "{activity}", "End": true}}}}}}"#
        ),
    );
    let arn = start_execution(addr, &machine, r#"{"n": 1}"#);
    let task = ok(
        addr,
        "GetActivityTask",
        json!({"activityArn": activity, "workerName": "next"}),
    );
    assert_eq!(task["input"], r#"{"n":1}"#, "the next poller gets the task");
    ok(
        addr,
        "SendTaskSuccess",
        json!({"taskToken": task["taskToken"], "output": "1"}),
    );
    assert_eq!(until_done(addr, &arn)["status"], "SUCCEEDED");
}

#[test]
fn mocked_tasks_follow_the_test_case_named_on_the_arn() {
    let mocks = MockConfig::from_json(r#"{
      "StateMachines": {"Checkout": {"TestCases": {"HappyPath": {"Charge": "Charged"}, "Declined": {"Charge": "Declines"}}}},
      "MockedResponses": {
        "Charged": {"0": {"Return": {"StatusCode": 200, "Payload": {"id": "ch_1"}}}},
        "Declines": {"0": {"Throw": {"Error": "Card.Declined", "Cause": "insufficient funds"}}}}}"#).expect("a mock file");
    let addr = start(Settings::new().mocks(mocks));
    let machine = create(
        addr,
        "Checkout",
        r#"{"StartAt": "Charge", "States": {"Charge": {"Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "charge", "Payload.$": "$"},
      "OutputPath": "$.Payload", "End": true}}}"#,
    );

    let happy = start_execution(addr, &format!("{machine}#HappyPath"), "{}");
    assert_eq!(
        happy,
        "arn:aws:states:us-east-1:123456789012:execution:Checkout:".to_owned()
            + happy.rsplit(':').next().unwrap_or("")
    );
    assert_eq!(until_done(addr, &happy)["output"], r#"{"id":"ch_1"}"#);

    let declined = until_done(
        addr,
        &start_execution(addr, &format!("{machine}#Declined"), "{}"),
    );
    assert_eq!(
        (declined["error"].as_str(), declined["cause"].as_str()),
        (Some("Card.Declined"), Some("insufficient funds"))
    );

    // no test case: nothing answers the Task, and the cause names the state
    // and how to answer it through the endpoint
    let unanswered = until_done(addr, &start_execution(addr, &machine, "{}"));
    assert_eq!(unanswered["status"], "FAILED");
    assert_eq!(
        unanswered["cause"],
        "No handler answers the Task state 'Charge' (Resource arn:aws:states:::lambda:invoke): \
         give it a response in a Step Functions Local mock file: start stepfn serve with \
         `--mocks MockConfigFile.json` and end the state machine ARN with `#TestCaseName`"
    );

    fails(
        addr,
        "StartExecution",
        json!({"stateMachineArn": format!("{machine}#Nope")}),
        "ValidationException",
    );
}

#[test]
fn express_machines_run_synchronously() {
    let addr = start(Settings::new());
    let created = ok(
        addr,
        "CreateStateMachine",
        json!({"name": "Quick", "type": "EXPRESS", "roleArn": ROLE,
        "definition": r#"{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 60, "Next": "P"}, "P": {"Type": "Pass", "Result": 1, "End": true}}}"#}),
    );
    let result = ok(
        addr,
        "StartSyncExecution",
        json!({"stateMachineArn": created["stateMachineArn"], "input": "{}"}),
    );
    assert_eq!(
        (result["status"].as_str(), result["output"].as_str()),
        (Some("SUCCEEDED"), Some("1"))
    );
    assert!(result["executionArn"]
        .as_str()
        .is_some_and(|a| a.contains(":express:Quick:")));
    // a callback is not allowed in an Express machine
    fails(
        addr,
        "CreateStateMachine",
        json!({"name": "NoCallbacks", "type": "EXPRESS", "roleArn": ROLE, "definition": CALLBACK}),
        "InvalidDefinition",
    );
}

#[test]
fn real_time_waits_take_real_time() {
    let addr = start(Settings::new().time(Time::Real));
    let machine = create(
        addr,
        "Waits",
        r#"{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 1, "End": true}}}"#,
    );
    let arn = start_execution(addr, &machine, "{}");
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(describe(addr, &arn)["status"], "RUNNING");
    assert_eq!(until_done(addr, &arn)["status"], "SUCCEEDED");
}

#[test]
fn validate_state_machine_definition_lists_every_problem() {
    let addr = start(Settings::new());
    let result = ok(
        addr,
        "ValidateStateMachineDefinition",
        json!({"definition": r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Gone"}, "B": {"Type": "Succeed"}}}"#}),
    );
    assert_eq!(result["result"], "FAIL");
    let diagnostics = result["diagnostics"].as_array().expect("diagnostics");
    assert!(diagnostics.len() >= 2, "{result}");
    assert!(diagnostics
        .iter()
        .all(|d| d["severity"] == "ERROR" && d["code"].is_string() && d["location"].is_string()));
    let fine = ok(
        addr,
        "ValidateStateMachineDefinition",
        json!({"definition": PASS_CHOICE_MAP}),
    );
    assert_eq!(
        (fine["result"].as_str(), fine["diagnostics"].clone()),
        (Some("OK"), json!([]))
    );
}

#[test]
fn test_state_runs_one_state() {
    let addr = start(Settings::new());
    let result = ok(
        addr,
        "TestState",
        json!({"roleArn": ROLE, "input": r#"{"x": {"y": 2}}"#,
        "definition": r#"{"Type": "Pass", "InputPath": "$.x", "Next": "After"}"#}),
    );
    assert_eq!(
        (
            result["status"].as_str(),
            result["output"].as_str(),
            result["nextState"].as_str()
        ),
        (Some("SUCCEEDED"), Some(r#"{"y":2}"#), Some("After"))
    );
    assert_eq!(result["inspectionData"]["afterInputPath"], r#"{"y":2}"#);
    let mocked = ok(
        addr,
        "TestState",
        json!({"stateName": "Get", "definition": r#"{"StartAt": "Get", "States": {"Get": {"Type": "Task",
        "Resource": "arn:aws:states:::dynamodb:getItem", "End": true}}}"#, "mock": {"errorOutput": {"error": "Boom", "cause": "c"}}}),
    );
    assert_eq!(
        (mocked["status"].as_str(), mocked["error"].as_str()),
        (Some("FAILED"), Some("Boom"))
    );
    let (status, _) = call(addr, "TestState", json!({"definition": "[1]"}));
    assert_eq!(status, 400);
}

#[test]
fn a_state_file_keeps_state_machines_activities_and_executions_across_restarts() {
    let dir = std::env::temp_dir().join(format!("stepfn-serve-state-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let file = dir.join("state.json");
    let _ = std::fs::remove_file(&file);

    let first = start(Settings::new().state_file(&file));
    let machine = create(first, "Kept", PASS_CHOICE_MAP);
    create(first, "Dropped", PASS_CHOICE_MAP);
    ok(
        first,
        "DeleteStateMachine",
        json!({"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:Dropped"}),
    );
    let activity = ok(first, "CreateActivity", json!({"name": "kept"}));
    let succeeded = start_execution(first, &machine, r#"{"items": [1]}"#);
    let failed = start_execution(first, &machine, r#"{"items": "not a list"}"#);
    let (succeeded_then, failed_then) = (until_done(first, &succeeded), until_done(first, &failed));
    assert_eq!(failed_then["status"], "FAILED");
    let history_then = ok(
        first,
        "GetExecutionHistory",
        json!({"executionArn": succeeded}),
    );
    let waiting = create(
        first,
        "Waiting",
        CALLBACK.replace("\"HeartbeatSeconds\": 1, ", "").as_str(),
    );
    let running = start_execution(first, &waiting, r#"{"order": 7}"#);
    let token = callback_token(first, &running);
    let listed_then = ok(first, "ListExecutions", json!({"stateMachineArn": machine}));

    // a restart on the same file
    let second = start(Settings::new().state_file(&file));
    let names: Vec<Value> = ok(second, "ListStateMachines", json!({}))["stateMachines"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|m| m["name"].clone())
        .collect();
    assert_eq!(names, [json!("Kept"), json!("Waiting")]);
    assert_eq!(
        ok(
            second,
            "DescribeStateMachine",
            json!({"stateMachineArn": machine})
        )["definition"],
        PASS_CHOICE_MAP
    );
    assert_eq!(
        ok(second, "CreateActivity", json!({"name": "kept"})),
        activity
    );
    // ended executions answer as they did, history and all
    assert_eq!(describe(second, &succeeded), succeeded_then);
    assert_eq!(describe(second, &failed), failed_then);
    assert_eq!(
        ok(
            second,
            "GetExecutionHistory",
            json!({"executionArn": succeeded})
        ),
        history_then
    );
    assert_eq!(
        ok(
            second,
            "ListExecutions",
            json!({"stateMachineArn": machine})
        ),
        listed_then
    );
    // the one running at the restart is ABORTED, and says why
    let aborted = describe(second, &running);
    assert_eq!(aborted["status"], "ABORTED");
    assert_eq!(aborted["input"], r#"{"order": 7}"#);
    assert!(aborted["stopDate"].as_f64() >= aborted["startDate"].as_f64());
    assert!(aborted["cause"]
        .as_str()
        .is_some_and(|c| c.contains("not resumed")));
    assert_eq!(
        event_types(second, &running),
        [
            "ExecutionStarted",
            "TaskStateEntered",
            "TaskScheduled",
            "TaskStarted",
            "TaskSubmitted",
            "ExecutionAborted"
        ]
    );
    // its task went with it: the token is not one the restarted server knows
    fails(
        second,
        "SendTaskSuccess",
        json!({"taskToken": token, "output": "{}"}),
        "TaskDoesNotExist",
    );
    // an execution's name stays taken, and new executions are kept too
    fails(
        second,
        "StartExecution",
        json!({"stateMachineArn": machine, "name": succeeded.rsplit(':').next(), "input": r#"{"items": [1]}"#}),
        "ExecutionAlreadyExists",
    );
    let later = start_execution(second, &machine, r#"{"items": [9]}"#);
    assert_eq!(until_done(second, &later)["output"], r#""big""#);

    let third = start(Settings::new().state_file(&file));
    assert_eq!(describe(third, &later)["output"], r#""big""#);
    assert_eq!(describe(third, &running), aborted);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_broken_state_file_stops_the_start_and_is_left_as_it_was() {
    let dir = std::env::temp_dir().join(format!("stepfn-serve-broken-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let file = dir.join("state.json");
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    for (text, problem) in [
        ("{\"stateMachines\": [", "is not JSON"),
        (
            r#"{"executions": [{"executionArn": "a", "status": "RUNNING"}]}"#,
            "has a broken execution at executions[0]",
        ),
    ] {
        std::fs::write(&file, text).expect("write");
        let error = runtime
            .block_on(stepfn_serve::Server::bind(
                Settings::new().port(0).state_file(&file),
            ))
            .expect_err("a broken file is refused");
        let message = error.to_string();
        assert!(message.contains(&file.display().to_string()), "{message}");
        assert!(message.contains(problem), "{message}");
        assert_eq!(std::fs::read_to_string(&file).expect("read"), text);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn answering_a_task_twice_while_its_execution_runs_is_task_timed_out() {
    let addr = start(Settings::new());
    let callback = r#"{"StartAt": "Ask", "States": {"Ask": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        "Parameters": {"QueueUrl": "q", "MessageBody": {"token.$": "$$.Task.Token"}}, "End": true}}}"#;
    let machine = create(
        addr,
        "Twice",
        &format!(
            r#"{{"StartAt": "Both", "States": {{"Both": {{"Type": "Parallel", "End": true,
        "Branches": [{callback}, {other}]}}}}}}"#,
            other = callback.replace("Ask", "AskAgain")
        ),
    );
    let arn = start_execution(addr, &machine, "{}");
    let history = ok(addr, "GetExecutionHistory", json!({"executionArn": arn}));
    let tokens: Vec<String> = history["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter(|e| e["type"] == "TaskScheduled")
        .map(|e| {
            let parameters: Value = serde_json::from_str(
                e["taskScheduledEventDetails"]["parameters"]
                    .as_str()
                    .expect("parameters"),
            )
            .expect("JSON");
            parameters["MessageBody"]["token"]
                .as_str()
                .expect("a token")
                .to_owned()
        })
        .collect();
    assert_eq!(tokens.len(), 2);
    ok(
        addr,
        "SendTaskSuccess",
        json!({"taskToken": tokens[0], "output": "1"}),
    );
    fails(
        addr,
        "SendTaskSuccess",
        json!({"taskToken": tokens[0], "output": "1"}),
        "TaskTimedOut",
    );
    ok(
        addr,
        "SendTaskSuccess",
        json!({"taskToken": tokens[1], "output": "2"}),
    );
    assert_eq!(until_done(addr, &arn)["output"], "[1,2]");
}
