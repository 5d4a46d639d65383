//! JSONata evaluation per call, for the side-by-side comparison with
//! jsonata-js 2.0.6 that `benches/jsonata_vs_js.sh` runs.
//!
//! `--write-cases FILE` writes the cases (expression, input, bindings) as
//! JSON for the Node.js side; `--measure FILE` (or no argument: the built-in
//! cases) evaluates each case repeatedly and prints one line per case:
//! `name<TAB>nanoseconds per evaluation<TAB>result as JSON`.
//!
//! The cases are the reference suite's `performance` group and typical Step
//! Functions expressions over `$states`: a field pick, `$map`/`$filter`/`$sum`
//! over 1,000 items, an object built from an API response, a string built
//! with `&` and `$string`, and a Choice condition.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use stepfn::model::Json;
use stepfn_jsonata::{to_json_text, Bindings, Environment, Expression};

// the allocator of the `stepfn` binary, which `stepfn eval` runs with
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// One benchmark case.
struct Case {
    /// What is measured.
    name: String,
    /// The expression.
    expr: String,
    /// The input document (`null`: none).
    input: Value,
    /// Variables (`{"states": …}`).
    bindings: Value,
}

/// A Step Functions order payload with `n` line items.
fn order(n: usize) -> Value {
    let items: Vec<Value> = (0..n)
        .map(|i| {
            let category = ["books", "games", "tools", "food"][i % 4];
            json!({
                "sku": format!("SKU-{i:05}"),
                "qty": i % 7,
                "price": ((i * 37) % 1000) as f64 / 10.0 + 0.99,
                "category": category,
                "tags": ["new", "sale"],
            })
        })
        .collect();
    json!({
        "orderId": "ORD-2024-000117",
        "status": "APPROVED",
        "amount": 1520.5,
        "customer": {"id": "C-42", "name": "Ann Lee", "email": "ann.lee@example.com",
                     "address": {"street": "1 Main St", "city": "Springfield", "zip": "12345"}},
        "items": items,
    })
}

/// A Lambda invocation result as a Task state sees it in `$states.result`.
fn api_response(n: usize) -> Value {
    let rows: Vec<Value> = (0..n)
        .map(|i| {
            json!({"id": i, "name": format!("item {i}"), "unitPrice": 2.5 + i as f64,
                   "quantity": i % 3 + 1, "active": i % 5 != 0})
        })
        .collect();
    json!({
        "ExecutedVersion": "$LATEST",
        "StatusCode": 200,
        "Payload": {
            "statusCode": 200,
            "headers": {"content-type": "application/json"},
            "body": {"requestId": "7f3c9a", "user": {"id": "u-1", "first": "Ann", "last": "Lee"}, "rows": rows},
        },
    })
}

/// The cases, with the suite's performance group read from `suite`.
fn cases(suite: &Path) -> Vec<Case> {
    let mut out = Vec::new();
    let dataset: Value = std::fs::read_to_string(suite.join("datasets/items.json"))
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or(Value::Null);
    for file in ["case000", "case001"] {
        let path = suite.join(format!("groups/performance/{file}.json"));
        let Some(spec) = std::fs::read_to_string(&path)
            .ok()
            .and_then(|t| serde_json::from_str::<Value>(&t).ok())
        else {
            continue;
        };
        if let Some(expr) = spec["expr"].as_str() {
            out.push(Case {
                name: format!("suite performance/{file}"),
                expr: expr.to_string(),
                input: dataset.clone(),
                bindings: json!({}),
            });
        }
    }
    let states_order = json!({"states": {"input": order(1000), "context": {"Execution": {"Id": "arn:aws:states:us-east-1:123456789012:execution:orders:e-1"}}}});
    let small_order = json!({"states": {"input": order(3)}});
    out.push(Case {
        name: "field pick".into(),
        expr: "$states.input.customer.address.city".into(),
        input: Value::Null,
        bindings: small_order.clone(),
    });
    out.push(Case {
        name: "$map/$filter/$sum over 1,000 items".into(),
        expr: "$sum($map($filter($states.input.items, function($v){ $v.qty > 0 }), function($v){ $v.qty * $v.price }))".into(),
        input: Value::Null,
        bindings: states_order.clone(),
    });
    out.push(Case {
        name: "object from an API response".into(),
        expr: r#"{
  "requestId": $states.result.Payload.body.requestId,
  "user": $states.result.Payload.body.user.(first & " " & last),
  "lines": $states.result.Payload.body.rows[active].{ "id": id, "name": name, "total": unitPrice * quantity },
  "count": $count($states.result.Payload.body.rows[active])
}"#
        .into(),
        input: Value::Null,
        bindings: json!({"states": {"input": {}, "result": api_response(20)}}),
    });
    out.push(Case {
        name: "string with & and $string".into(),
        expr: r#""Order " & $states.input.orderId & " for " & $states.input.customer.name & ": " & $string($count($states.input.items)) & " items, " & $string($states.input.amount) & " USD, status " & $lowercase($states.input.status)"#.into(),
        input: Value::Null,
        bindings: small_order.clone(),
    });
    out.push(Case {
        name: "Choice condition".into(),
        expr: r#"$states.input.status = "APPROVED" and $states.input.amount > 1000 and $exists($states.input.customer.email)"#.into(),
        input: Value::Null,
        bindings: small_order,
    });
    out
}

/// Reads cases written by `--write-cases`.
fn read_cases(path: &str) -> Vec<Case> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let list: Vec<Value> = serde_json::from_str(&text).unwrap_or_default();
    list.into_iter()
        .map(|c| Case {
            name: c["name"].as_str().unwrap_or("").to_string(),
            expr: c["expr"].as_str().unwrap_or("").to_string(),
            input: c["input"].clone(),
            bindings: c["bindings"].clone(),
        })
        .collect()
}

/// Nanoseconds per evaluation of `case` (median of one-tenth-second
/// batches over about a second), and the result as JSON text.
fn measure(case: &Case) -> (f64, String) {
    let expr = Expression::compile(&case.expr).expect("the case compiles");
    let input: Option<Json> = (!case.input.is_null()).then(|| Json::from(case.input.clone()));
    let bound: Vec<(String, Json)> = case
        .bindings
        .as_object()
        .map(|m| {
            m.iter()
                .map(|(k, v)| (k.clone(), Json::from(v.clone())))
                .collect()
        })
        .unwrap_or_default();
    let bindings = bound
        .iter()
        .fold(Bindings::new(), |b, (k, v)| b.bind(k.as_str(), v));
    let env = Environment::new();
    let run = || {
        expr.evaluate_with(input.as_ref(), &bindings, &env)
            .expect("the case evaluates")
    };
    let result = run().map_or_else(|| "undefined".to_string(), |j| to_json_text(&j, 0));
    // batch size: about 10 ms per batch
    let start = Instant::now();
    let mut calls = 0u32;
    while start.elapsed() < Duration::from_millis(50) {
        black_box(run());
        calls += 1;
    }
    let per_call = start.elapsed() / calls.max(1);
    let batch = (Duration::from_millis(10).as_nanos() / per_call.as_nanos().max(1)).max(1) as u32;
    let mut samples = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(1);
    while Instant::now() < deadline || samples.len() < 5 {
        let t = Instant::now();
        for _ in 0..batch {
            black_box(run());
        }
        samples.push(t.elapsed().as_nanos() as f64 / f64::from(batch));
    }
    samples.sort_by(f64::total_cmp);
    (samples[samples.len() / 2], result)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let suite = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/jsonata-suite");
    if let Some(i) = args.iter().position(|a| a == "--write-cases") {
        let list: Vec<Value> = cases(&suite)
            .into_iter()
            .map(|c| json!({"name": c.name, "expr": c.expr, "input": c.input, "bindings": c.bindings}))
            .collect();
        let path = args.get(i + 1).expect("--write-cases FILE");
        std::fs::write(path, serde_json::to_string(&list).expect("JSON")).expect("write cases");
        return;
    }
    let list = match args.iter().position(|a| a == "--measure") {
        Some(i) => read_cases(args.get(i + 1).expect("--measure FILE")),
        None => cases(&suite),
    };
    for case in &list {
        let (ns, result) = measure(case);
        println!("{}\t{ns:.0}\t{result}", case.name);
    }
}
