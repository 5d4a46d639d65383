"""Reduces botocore's API models to the table stepfn checks SDK integrations
against: src/tasks/aws_sdk/sdk-models.txt.

    python3 -m pip install --target /tmp/botocore botocore==1.44.18
    PYTHONPATH=/tmp/botocore python3 scripts/aws-sdk-models/reduce.py

One block per service, named as Step Functions names it (the model's
`serviceId`, lower-cased, without spaces or dashes: `sfn`, `s3`,
`cloudwatchlogs`): a line `@<service>`, then one line per action, its name
in camelCase (`getObject`) followed by the names of its top-level
parameters in PascalCase (`Bucket Key ...`): Step Functions writes every
parameter name in PascalCase, also for APIs whose own names are camelCase.
"""

import gzip
import json
import os
import re

import botocore

DATA = os.path.join(os.path.dirname(botocore.__file__), "data")
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "tasks", "aws_sdk", "sdk-models.txt")


def latest_models():
    """The newest service-2 model of each service directory."""
    for service in sorted(os.listdir(DATA)):
        folder = os.path.join(DATA, service)
        if not os.path.isdir(folder):
            continue
        versions = sorted(v for v in os.listdir(folder) if os.path.isdir(os.path.join(folder, v)))
        for version in reversed(versions):
            for name in ("service-2.json", "service-2.json.gz"):
                path = os.path.join(folder, version, name)
                if os.path.exists(path):
                    yield path
                    break
            else:
                continue
            break


def load(path):
    with open(path, "rb") as f:
        data = f.read()
    if path.endswith(".gz"):
        data = gzip.decompress(data)
    return json.loads(data)


def main():
    services = {}
    for path in latest_models():
        model = load(path)
        name = re.sub(r"[^a-z0-9]", "", model["metadata"]["serviceId"].lower())
        actions = {}
        for operation, spec in model["operations"].items():
            shape = spec.get("input", {}).get("shape")
            members = model["shapes"].get(shape, {}).get("members", {}) if shape else {}
            params = sorted(m[0].upper() + m[1:] for m in members)
            actions[operation[0].lower() + operation[1:]] = params
        services[name] = actions
    lines = []
    for name in sorted(services):
        lines.append("@" + name)
        for action in sorted(services[name]):
            lines.append(" ".join([action] + services[name][action]))
    with open(OUT, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{len(services)} services, {sum(len(a) for a in services.values())} actions -> {OUT}")


if __name__ == "__main__":
    main()
