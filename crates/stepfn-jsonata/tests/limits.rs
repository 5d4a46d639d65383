//! Runaway evaluations end in error U1001, never in a stack overflow or a
//! hang: deep recursion of every kind on a 2 MiB thread with the default
//! limits, endless loops, values that nest or grow without end; and large
//! flat inputs cost no stack at all.

use stepfn::model::Json;
use stepfn_jsonata::{Bindings, Environment, Expression};

/// Evaluates on a fresh thread with a 2 MiB stack: the error code, or the
/// result as compact JSON text.
fn on_small_stack(expr: &str, input: Option<Json>, env: Environment) -> String {
    let expr = expr.to_string();
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            match Expression::compile(&expr)
                .and_then(|e| e.evaluate_with(input.as_ref(), &Bindings::new(), &env))
            {
                Ok(Some(json)) => stepfn_jsonata::to_json_text(&json, 0),
                Ok(None) => "undefined".to_string(),
                Err(e) => e.code.to_string(),
            }
        })
        .expect("spawn")
        .join()
        .expect("no panic, no overflow")
}

#[test]
fn deep_recursion_of_every_kind_stops_at_the_depth_limit() {
    let shapes = [
        // plain recursion through arithmetic
        "($f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(100000))",
        // through a higher-order function and a lambda argument
        "($f := function($n){ $n = 0 ? 0 : $map([1], function($x){ $f($n - 1) }) }; $f(100000))",
        "($f := function($n){ $n = 0 ? 0 : $reduce([1, 2], function($a, $b){ $f($n - 1) }) }; $f(100000))",
        "($f := function($n){ $n = 0 ? 0 : $filter([1], function($x){ $f($n - 1) = 0 }) }; $f(100000))",
        "($f := function($n){ $n = 0 ? 0 : $sort([1, 2], function($a, $b){ $f($n - 1) = 0 }) }; $f(100000))",
        "($f := function($n){ $n = 0 ? 0 : $sift({'a': 1}, function($v){ $f($n - 1) = 0 }) }; $f(100000))",
        "($f := function($n){ $n = 0 ? '' : $replace('a', /a/, function($m){ $string($f($n - 1)) }) }; $f(100000))",
        // through path steps, predicates, constructors and blocks
        "($f := function($n){ $n = 0 ? 0 : {'a': $n}.($f($n - 1)) }; $f(100000))",
        "($f := function($n){ $n = 0 ? 0 : [1, 2][$f($n - 1) = 0] }; $f(100000))",
        "($f := function($n){ $n = 0 ? 0 : {'k': $f($n - 1)} }; $f(100000))",
        "($f := function($n){ $n = 0 ? 0 : [$f($n - 1)] }; $f(100000))",
        "($f := function($n){ $n = 0 ? 0 : ($x := $f($n - 1); $x) }; $f(100000))",
        "($f := function($n){ $n = 0 ? 0 : [{'k': 'v'}]{k: $f($n - 1)} }; $f(100000))",
        "($f := function($n){ $n = 0 ? 0 : [3, 1]^($f($n - 1)) }; $f(100000))",
        "($f := function($n){ $n = 0 ? {} : {'a': 1} ~> |$|{'b': $f($n - 1)}| }; $f(100000))",
        // through function chaining and partial application
        "($f := function($n){ $n = 0 ? 0 : ($n - 1) ~> $f ~> $string }; $f(100000))",
        "($f := function($n, $m){ $n = 0 ? 0 : 1 + $f(?, 0)($n - 1) }; $f(100000, 0))",
    ];
    for shape in shapes {
        assert_eq!(
            on_small_stack(shape, None, Environment::new()),
            "U1001",
            "{shape}"
        );
    }
}

#[test]
fn tail_calls_run_without_growing_the_stack() {
    let count = "($f := function($n, $acc){ $n = 0 ? $acc : $f($n - 1, $acc + 1) }; $f(20000, 0))";
    assert_eq!(on_small_stack(count, None, Environment::new()), "20000");
    let forever = "($f := function(){ $f() }; $f())";
    assert_eq!(
        on_small_stack(forever, None, Environment::new().max_steps(200_000)),
        "U1001"
    );
}

#[test]
fn endless_or_huge_work_stops_at_the_step_and_memory_limits() {
    let env = || Environment::new().max_steps(1_000_000).max_memory(64 << 20);
    // a value that doubles without end, written out
    assert_eq!(
        on_small_stack(
            "$reduce([1..60], function($a, $b){ [$a, $a] }, 1)",
            None,
            env()
        ),
        "U1001"
    );
    // comparing shared structures that expand exponentially
    assert_eq!(
        on_small_stack(
            "($x := $reduce([1..60], function($a, $b){ [$a, $a] }, 1); $x = $x)",
            None,
            env()
        ),
        "U1001"
    );
    // a string that doubles
    assert_eq!(
        on_small_stack(
            "$reduce([1..60], function($s, $b){ $s & $s }, 'ab')",
            None,
            env()
        ),
        "U1001"
    );
    assert_eq!(
        on_small_stack("$count([1..10000000])", None, env()),
        "U1001"
    );
}

#[test]
fn values_nested_beyond_the_limit_are_errors() {
    // built in a loop, so no evaluation nests: the walk that writes it out stops
    let deep = "$reduce([1..5000], function($a, $b){ [[$a]] }, [])";
    assert_eq!(on_small_stack(deep, None, Environment::new()), "U1001");
    let deep_object = "$reduce([1..5000], function($a, $b){ {'a': $a} }, {})";
    assert_eq!(
        on_small_stack(deep_object, None, Environment::new()),
        "U1001"
    );
    assert_eq!(
        on_small_stack(&format!("$string({deep})"), None, Environment::new()),
        "U1001"
    );
    assert_eq!(
        on_small_stack(&format!("({deep}) = ({deep})"), None, Environment::new()),
        "U1001"
    );
    assert_eq!(
        on_small_stack(
            &format!("$count(({deep_object}).**)"),
            None,
            Environment::new()
        ),
        "5001"
    );
    // nesting within the limit is fine
    assert_eq!(
        on_small_stack(
            "$length($string($reduce([1..500], function($a, $b){ [[$a]] }, [])))",
            None,
            Environment::new()
        ),
        "1002"
    );
}

#[test]
fn the_deepest_expression_the_parser_accepts_evaluates() {
    let nested = format!("{}1{}", "[".repeat(100), "]".repeat(100));
    let out = on_small_stack(&nested, None, Environment::new());
    assert!(out.starts_with("[[[[") && out.contains('1'), "{out}");
    let negated = format!("{}1", "-".repeat(100));
    assert_eq!(on_small_stack(&negated, None, Environment::new()), "1");
    let blocks = format!("{}$x{}", "($x := 1; ".repeat(99), ")".repeat(99));
    assert_eq!(on_small_stack(&blocks, None, Environment::new()), "1");
}

#[test]
fn large_flat_inputs_cost_no_stack() {
    let items: Vec<Json> = (0..100_000u64)
        .map(|i| {
            let mut item = stepfn::model::JsonObject::new();
            item.insert("id".into(), Json::Number(i.into()));
            item.insert("ok".into(), Json::Bool(i % 2 == 0));
            Json::Object(item)
        })
        .collect();
    let mut root = stepfn::model::JsonObject::new();
    root.insert("items".into(), Json::Array(items));
    let input = Some(Json::Object(root));
    assert_eq!(
        on_small_stack("$count(items[ok].id)", input.clone(), Environment::new()),
        "50000"
    );
    assert_eq!(
        on_small_stack(
            "$sum($map(items, function($v){ $v.id }))",
            input.clone(),
            Environment::new()
        ),
        "4999950000"
    );
    assert_eq!(
        on_small_stack("$count(items^(>id).id)", input.clone(), Environment::new()),
        "100000"
    );
    assert_eq!(
        on_small_stack(
            "$count(items{$string(id % 10): id})",
            input.clone(),
            Environment::new()
        ),
        "1"
    );
    let long_path = format!("$.{}", vec!["a"; 50_000].join("."));
    assert_eq!(
        on_small_stack(&long_path, input, Environment::new()),
        "undefined"
    );
}
