"""py2sfn-task-tools' StateDataClient against moto: wall time of put_items of
COUNT items and of get_items back, median of RUNS runs, each on a fresh key.
The table and bucket (both named TABLE) must exist. Run by state_data_load.rs.

usage: py2sfn_state_data.py ENDPOINT TABLE COUNT RUNS
"""
import os
import statistics
import sys
import time

endpoint, table, count, runs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
os.environ["DYNAMODB_ENDPOINT_URL"] = endpoint
os.environ["S3_ENDPOINT_URL"] = endpoint
os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
os.environ.setdefault("AWS_ACCESS_KEY_ID", "local")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "local")

from py2sfn_task_tools.state_data_client import StateDataClient  # noqa: E402

client = StateDataClient(default_table_name=table, namespace="bench", s3_bucket=table)
items = [{"order": n, "sku": f"sku-{n}", "quantity": n % 7} for n in range(count)]
puts, gets = [], []
for run in range(runs):
    key = f"orders-{run}"
    started = time.perf_counter()
    pointer = client.put_items(key, items)
    puts.append(time.perf_counter() - started)
    started = time.perf_counter()
    back = client.get_items(key)
    gets.append(time.perf_counter() - started)
    if len(pointer["items"]) != count or back != items:
        sys.exit(f"run {run}: {len(back)} items read back, equal: {back == items}")


def summary(times):
    runs = sorted(round(t * 1000) for t in times)
    return f"median {round(statistics.median(times) * 1000)} ms (runs {runs})"


print(f"py2sfn-task-tools StateDataClient, {count} items against moto: put_items {summary(puts)}; get_items {summary(gets)}")
