"""boto3 against `stepfn serve`, changed in nothing but endpoint_url.

Usage: python boto3_client.py path/to/stepfn

Starts `stepfn serve --port 0 --mocks <a mock file>`, then creates a state
machine and an activity, runs executions (Pass, Choice, Map, an activity
task answered by a worker thread, a callback task, a Lambda task mocked by
the test case named with `#TestCase`, a callback whose heartbeat times out),
reads the history, stops one, and checks AWS's error codes for misuse. Exits
non-zero on the first difference.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError


# Step Functions Local's mock file: test cases per state machine, each
# naming the mocked response of a state.
MOCKS = {
    "StateMachines": {
        "Checkout": {"TestCases": {"HappyPath": {"Charge": "Charged"}, "Declined": {"Charge": "Declines"}}}
    },
    "MockedResponses": {
        "Charged": {"0": {"Return": {"StatusCode": 200, "Payload": {"id": "ch_1"}}}},
        "Declines": {"0": {"Throw": {"Error": "Card.Declined", "Cause": "insufficient funds"}}},
    },
}


def start_server(binary, mocks):
    server = subprocess.Popen(
        [binary, "serve", "--port", "0", "--mocks", mocks], stderr=subprocess.PIPE, text=True
    )
    line = server.stderr.readline()
    match = re.search(r"http://[^ ]+", line)
    if not match:
        server.kill()
        sys.exit(f"stepfn serve did not say where it listens: {line!r}")
    return server, match.group(0)


def expect_error(code, call, **kwargs):
    try:
        call(**kwargs)
    except ClientError as error:
        got = error.response["Error"]["Code"]
        assert got == code, f"{call.__name__}: expected {code}, got {got}"
        return
    raise AssertionError(f"{call.__name__}: expected {code}, got success")


def wait_until_done(sfn, execution, seconds=10):
    deadline = time.monotonic() + seconds
    while True:
        described = sfn.describe_execution(executionArn=execution)
        if described["status"] != "RUNNING" or time.monotonic() > deadline:
            return described
        time.sleep(0.05)


def main():
    workdir = tempfile.mkdtemp(prefix="stepfn-boto3-")
    mocks = os.path.join(workdir, "MockConfigFile.json")
    with open(mocks, "w", encoding="utf-8") as file:
        json.dump(MOCKS, file)
    server, endpoint = start_server(sys.argv[1], mocks)
    try:
        sfn = boto3.client(
            "stepfunctions",
            endpoint_url=endpoint,
            region_name="us-east-1",
            aws_access_key_id="local",
            aws_secret_access_key="local",
            # StartSyncExecution's and TestState's host prefix ("sync-") would
            # not resolve locally
            config=Config(inject_host_prefix=False),
        )
        role = "arn:aws:iam::123456789012:role/StepFunctions"
        activity = sfn.create_activity(name="resize")["activityArn"]
        definition = {
            "StartAt": "Double",
            "States": {
                "Double": {
                    "Type": "Map",
                    "ItemsPath": "$.items",
                    "ItemProcessor": {
                        "StartAt": "Times2",
                        "States": {"Times2": {"Type": "Pass", "Parameters": {"v.$": "States.MathAdd($, $)"}, "End": True}},
                    },
                    "ResultPath": "$.doubled",
                    "Next": "Big?",
                },
                "Big?": {
                    "Type": "Choice",
                    "Choices": [{"Variable": "$.doubled[0].v", "NumericGreaterThan": 10, "Next": "Resize"}],
                    "Default": "Approve",
                },
                "Resize": {"Type": "Task", "Resource": activity, "ResultPath": "$.resized", "Next": "Approve"},
                "Approve": {
                    "Type": "Task",
                    "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                    "Parameters": {"QueueUrl": "q", "MessageBody": {"token.$": "$$.Task.Token"}},
                    "ResultPath": "$.approval",
                    "End": True,
                },
            },
        }
        machine = sfn.create_state_machine(name="Images", definition=json.dumps(definition), roleArn=role)["stateMachineArn"]
        assert sfn.describe_state_machine(stateMachineArn=machine)["name"] == "Images"
        assert [m["name"] for m in sfn.list_state_machines()["stateMachines"]] == ["Images"]

        # an activity worker on its own thread, long-polling as real workers do
        def worker():
            task = sfn.get_activity_task(activityArn=activity, workerName="worker-1")
            sfn.send_task_success(taskToken=task["taskToken"], output=json.dumps({"size": len(task["input"])}))

        thread = threading.Thread(target=worker)
        thread.start()
        execution = sfn.start_execution(stateMachineArn=machine, name="big", input=json.dumps({"items": [7, 1]}))["executionArn"]
        thread.join(timeout=30)
        assert not thread.is_alive(), "the worker got no task"

        # the callback: its token is in the TaskScheduled event's parameters
        events = sfn.get_execution_history(executionArn=execution, maxResults=1000)["events"]
        scheduled = [e for e in events if e["type"] == "TaskScheduled"][-1]
        token = json.loads(scheduled["taskScheduledEventDetails"]["parameters"])["MessageBody"]["token"]
        sfn.send_task_success(taskToken=token, output=json.dumps({"approved": True}))
        described = sfn.describe_execution(executionArn=execution)
        assert described["status"] == "SUCCEEDED", described
        output = json.loads(described["output"])
        assert output["approval"] == {"approved": True} and "resized" in output, output
        assert described["startDate"] <= described["stopDate"]

        # the whole history, page by page with the paginator, newest first
        paginator = sfn.get_paginator("get_execution_history")
        pages = paginator.paginate(executionArn=execution, reverseOrder=True, PaginationConfig={"PageSize": 3})
        types = [e["type"] for page in pages for e in page["events"]]
        assert types[0] == "ExecutionSucceeded" and types[-1] == "ExecutionStarted", types
        assert "ActivityStarted" in types and "MapIterationSucceeded" in types, types

        # stop one that waits for its callback
        waiting = sfn.start_execution(stateMachineArn=machine, input=json.dumps({"items": [1]}))["executionArn"]
        sfn.stop_execution(executionArn=waiting, error="Operator", cause="not needed")
        assert sfn.describe_execution(executionArn=waiting)["status"] == "ABORTED"
        listed = sfn.list_executions(stateMachineArn=machine)["executions"]
        assert {e["status"] for e in listed} == {"SUCCEEDED", "ABORTED"}, listed

        express = sfn.create_state_machine(
            name="Quick", type="EXPRESS", roleArn=role,
            definition=json.dumps({"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": 1, "End": True}}}),
        )["stateMachineArn"]
        assert sfn.start_sync_execution(stateMachineArn=express)["output"] == "1"

        # a Lambda task answered by the mock file's test case, named on the ARN
        checkout = sfn.create_state_machine(
            name="Checkout", roleArn=role,
            definition=json.dumps({"StartAt": "Charge", "States": {"Charge": {
                "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "Parameters": {"FunctionName": "charge", "Payload.$": "$"},
                "OutputPath": "$.Payload", "End": True}}}),
        )["stateMachineArn"]
        happy = sfn.start_execution(stateMachineArn=checkout + "#HappyPath", input="{}")["executionArn"]
        assert happy.startswith("arn:aws:states:us-east-1:123456789012:execution:Checkout:"), happy
        described = wait_until_done(sfn, happy)
        assert described["status"] == "SUCCEEDED" and json.loads(described["output"]) == {"id": "ch_1"}, described
        declined = wait_until_done(sfn, sfn.start_execution(stateMachineArn=checkout + "#Declined")["executionArn"])
        assert (declined["status"], declined["error"], declined["cause"]) == (
            "FAILED", "Card.Declined", "insufficient funds"), declined
        expect_error("ValidationException", sfn.start_execution, stateMachineArn=checkout + "#NoSuchCase")

        # a callback that never hears back times out on its heartbeat; the
        # late answer is refused as AWS refuses it
        silent = sfn.create_state_machine(
            name="Silent", roleArn=role,
            definition=json.dumps({"StartAt": "Ask", "States": {"Ask": {
                "Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                "Parameters": {"QueueUrl": "q", "MessageBody": {"token.$": "$$.Task.Token"}},
                "HeartbeatSeconds": 1, "End": True}}}),
        )["stateMachineArn"]
        timing_out = sfn.start_execution(stateMachineArn=silent)["executionArn"]
        events = sfn.get_execution_history(executionArn=timing_out)["events"]
        scheduled = [e for e in events if e["type"] == "TaskScheduled"][-1]
        late_token = json.loads(scheduled["taskScheduledEventDetails"]["parameters"])["MessageBody"]["token"]
        sfn.send_task_heartbeat(taskToken=late_token)
        timed_out = wait_until_done(sfn, timing_out)
        assert (timed_out["status"], timed_out["error"]) == ("FAILED", "States.Timeout"), timed_out
        types = [e["type"] for e in sfn.get_execution_history(executionArn=timing_out)["events"]]
        assert "TaskTimedOut" in types, types
        expect_error("TaskTimedOut", sfn.send_task_success, taskToken=late_token, output="{}")
        expect_error("TaskTimedOut", sfn.send_task_heartbeat, taskToken=late_token)

        # TestState, through the same client (it needs inject_host_prefix=False too)
        tested = sfn.test_state(
            definition=json.dumps({"Type": "Pass", "Result": {"ok": True}, "End": True}), roleArn=role, input="{}")
        assert tested["status"] == "SUCCEEDED" and json.loads(tested["output"]) == {"ok": True}, tested

        verdict = sfn.validate_state_machine_definition(definition=json.dumps({"StartAt": "Nope", "States": {}}))
        assert verdict["result"] == "FAIL" and verdict["diagnostics"], verdict

        # AWS's errors for misuse
        expect_error("StateMachineDoesNotExist", sfn.describe_state_machine, stateMachineArn=machine + "X")
        expect_error("ExecutionDoesNotExist", sfn.describe_execution, executionArn=execution + "X")
        expect_error("ExecutionAlreadyExists", sfn.start_execution, stateMachineArn=machine, name="big", input="{}")
        expect_error("InvalidDefinition", sfn.create_state_machine, name="Bad", roleArn=role, definition="{}")
        expect_error("InvalidToken", sfn.send_task_success, taskToken="made-up", output="{}")
        expect_error("TaskTimedOut", sfn.send_task_success, taskToken=token, output="{}")  # answered already: closed
        expect_error("TaskDoesNotExist", sfn.send_task_success, taskToken="0" * 56, output="{}")
        expect_error("ActivityDoesNotExist", sfn.describe_activity, activityArn=activity + "X")
        expect_error("ValidationException", sfn.list_executions, stateMachineArn=machine, maxResults=5000)
        expect_error("InvalidArn", sfn.describe_state_machine, stateMachineArn="not-an-arn")
        print("boto3 against stepfn serve: ok")
    finally:
        server.kill()
        server.wait()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
