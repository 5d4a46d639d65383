"""Runs executions with moto's Step Functions interpreter, in one process.

    python moto_runner.py run < cases.jsonl
        each line {"definition": {...}, "input": ...} gives one line
        {"status", "output", "error", "cause"} in the shape of `stepfn run --format json`
    python moto_runner.py bench counter TURNS
        times one run of the counter loop and prints "transitions<TAB>seconds"
"""

import json
import os
import sys
import time

os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")

import boto3  # noqa: E402
from moto import mock_aws  # noqa: E402

ROLE = "arn:aws:iam::123456789012:role/unused"
COUNTER = {
    "StartAt": "Add",
    "States": {
        "Add": {"Type": "Pass", "Parameters": {"n.$": "States.MathAdd($.n, 1)", "limit.$": "$.limit"}, "Next": "Check"},
        "Check": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericLessThanPath": "$.limit", "Next": "Add"}],
                  "Default": "Done"},
        "Done": {"Type": "Succeed"},
    },
}


def execute(client, number, definition, given):
    try:
        arn = client.create_state_machine(
            name=f"case{number}", definition=json.dumps(definition), roleArn=ROLE
        )["stateMachineArn"]
    except Exception as e:  # moto refuses the definition
        return {"status": "INVALID", "output": None, "error": "Definition", "cause": str(e)}
    run = client.start_execution(stateMachineArn=arn, input=json.dumps(given))["executionArn"]
    deadline = time.time() + 60
    while True:
        described = client.describe_execution(executionArn=run)
        if described["status"] != "RUNNING" or time.time() > deadline:
            break
        time.sleep(0.01)
    return {
        "status": described["status"],
        "output": parse(described.get("output")),
        "error": described.get("error"),
        "cause": described.get("cause"),
    }


def parse(output):
    """The output as JSON; moto writes some outputs as text that is not JSON."""
    if output is None:
        return None
    try:
        return json.loads(output)
    except ValueError:
        return {"not JSON": output}


@mock_aws(config={"stepfunctions": {"execute_state_machine": True}})
def main(argv):
    client = boto3.client("stepfunctions", region_name="us-east-1")
    if argv[:1] == ["run"]:
        for number, line in enumerate(sys.stdin):
            if line.strip():
                case = json.loads(line)
                result = execute(client, number, case["definition"], case["input"])
                sys.stdout.write(json.dumps(result, separators=(",", ":")) + "\n")
                sys.stdout.flush()
        return 0
    if argv[:2] == ["bench", "counter"] and len(argv) == 3:
        turns = int(argv[2])
        start = time.perf_counter()
        result = execute(client, 0, COUNTER, {"n": 0, "limit": turns})
        seconds = time.perf_counter() - start
        assert result["status"] == "SUCCEEDED", result
        sys.stdout.write(f"{2 * turns + 1}\t{seconds}\n")
        return 0
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
