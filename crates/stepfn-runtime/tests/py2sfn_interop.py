"""py2sfn-task-tools' StateDataClient on the other side of stepfn-runtime's
StateData: reads what Rust wrote, writes what Rust reads.

usage: py2sfn_interop.py ENDPOINT TABLE BUCKET NAMESPACE read KEY INDEX
       py2sfn_interop.py ENDPOINT TABLE BUCKET NAMESPACE write KEY COUNT LARGE_INDEX

`read` prints {"items": get_items(KEY), "item": get_item_for_map_iteration}
for the Map iteration at INDEX; `write` puts COUNT items ({"n": i}, item
LARGE_INDEX over the S3 threshold) and prints the pointer put_items returns.
"""
import json
import os
import sys

endpoint, table, bucket, namespace, mode, key = sys.argv[1:7]
os.environ["DYNAMODB_ENDPOINT_URL"] = endpoint
os.environ["S3_ENDPOINT_URL"] = endpoint
os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
os.environ.setdefault("AWS_ACCESS_KEY_ID", "local")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "local")

from py2sfn_task_tools.state_data_client import StateDataClient  # noqa: E402

client = StateDataClient(default_table_name=table, namespace=namespace, s3_bucket=bucket)
if mode == "read":
    index = int(sys.argv[7])
    event = {
        "items_result_table_name": table,
        "items_result_partition_key": f"{namespace}:{key}",
        "items_result_key": key,
        "context_index": index,
    }
    print(json.dumps({"items": client.get_items(key), "item": client.get_item_for_map_iteration(event)}))
elif mode == "write":
    count, large = int(sys.argv[7]), int(sys.argv[8])
    items = [{"n": i} for i in range(count)]
    items[large] = {"n": large, "blob": "y" * 390_000}
    print(json.dumps(client.put_items(key, items), separators=(",", ":")))
else:
    sys.exit(f"unknown mode {mode}")
