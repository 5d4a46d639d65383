//! `stepfn eval`: evaluate a JSONata expression on a document, as a
//! JSONata state of AWS Step Functions would (JSONata 2.0.6 with AWS's
//! functions), or with `--jsonpath` a Path or an intrinsic call, as a `.$`
//! field of a JSONPath state would.

use std::io::{BufRead, Write};

use clap::Args;
use stepfn::model::Json;
use stepfn_jsonata::{to_json_text, Bindings, Environment, Error, Expression};
use stepfn_sim::{evaluate_jsonpath, JsonPathScope};

use super::json_argument::JsonArgument;
use super::{output, Outcome};

#[derive(Args)]
pub(crate) struct EvalArgs {
    /// The JSONata expression (without `{%` `%}`).
    #[arg(required_unless_present = "jsonl")]
    expression: Option<String>,
    /// The input document: a file, `-` for standard input, or the JSON text
    /// itself; without it the input is undefined.
    #[arg(long, value_name = "FILE|JSON")]
    input: Option<String>,
    /// Variables as a JSON object: `{"states": {"input": {...}}}` binds `$states`.
    #[arg(long, value_name = "JSON")]
    bindings: Option<String>,
    /// Evaluate at this time (milliseconds since the epoch) for `$now()` and `$millis()`.
    #[arg(long, value_name = "MILLIS")]
    now: Option<i64>,
    /// Seed `$random()`, `$shuffle` and `$uuid()` for repeatable results.
    #[arg(long)]
    seed: Option<u64>,
    /// Print the result on one line.
    #[arg(long)]
    compact: bool,
    /// Evaluate a JSONPath (`$.a[0]`, `$$.Execution.Id`, `$var.x`) or an
    /// intrinsic call (`States.Format('{}', $.a)`) instead of JSONata, as a
    /// `.$` field of a JSONPath state does; without `--input`, `$` is `{}`.
    #[arg(long)]
    jsonpath: bool,
    /// The Context Object `$$` reads, with `--jsonpath`: a file, `-` for
    /// standard input, or the JSON text itself.
    #[arg(long, value_name = "FILE|JSON", requires = "jsonpath")]
    context: Option<String>,
    /// Read cases as JSON lines on standard input (`{"expr", "input",
    /// "bindings"}`, and `"context"` with `--jsonpath`) and write one line per case: `{"result": …}`,
    /// `{"undefinedResult": true}` or `{"code", "position", "message"}`.
    #[arg(long, conflicts_with_all = ["expression", "input", "bindings"])]
    jsonl: bool,
}

pub(crate) fn run(args: &EvalArgs) -> Outcome {
    let mut env = Environment::new();
    if let Some(now) = args.now {
        env = env.at_millis(now);
    }
    if let Some(seed) = args.seed {
        env = env.with_seed(seed);
    }
    if args.jsonl {
        return jsonl(&env, args.jsonpath, args.seed);
    }
    let Some(text) = &args.expression else {
        return Outcome::Failed("give an expression, or --jsonl to read cases".into());
    };
    let input = match &args.input {
        Some(value) => match INPUT.read(value) {
            Ok(json) => Some(json),
            Err(e) => return Outcome::Failed(e),
        },
        None => None,
    };
    let bound = match parse_bindings(args.bindings.as_deref()) {
        Ok(bound) => bound,
        Err(e) => return Outcome::Failed(e),
    };
    let result = if args.jsonpath {
        let context = match &args.context {
            Some(value) => match context_argument(args.input.as_deref()).read(value) {
                Ok(json) => Some(json),
                Err(e) => return Outcome::Failed(e),
            },
            None => None,
        };
        let empty = Json::Object(stepfn::model::JsonObject::default());
        jsonpath(
            text,
            input.as_ref().unwrap_or(&empty),
            context.as_ref(),
            &bound,
            args.seed,
        )
        .map(Some)
    } else {
        Expression::compile(text).and_then(|e| e.evaluate_with(input.as_ref(), &bind(&bound), &env))
    };
    let mut out = std::io::stdout().lock();
    match result {
        Ok(Some(json)) => {
            let text = to_json_text(&json, if args.compact { 0 } else { 2 });
            output::written(writeln!(out, "{text}"), Outcome::Ok)
        }
        Ok(None) => {
            output::warn(
                "stepfn: the expression evaluated to nothing (undefined), which is not JSON null",
            );
            output::written(writeln!(out, "undefined"), Outcome::Ok)
        }
        Err(e) => {
            output::warn(&describe(text, &e));
            Outcome::Problems
        }
    }
}

/// A JSONPath-mode value evaluated on `input`, with the variables `bound`.
fn jsonpath(
    text: &str,
    input: &Json,
    context: Option<&Json>,
    bound: &[(String, Json)],
    seed: Option<u64>,
) -> Result<Json, Error> {
    let variables: stepfn::model::JsonObject = bound.iter().cloned().collect();
    let mut scope = JsonPathScope::new(input).variables(&variables);
    if let Some(context) = context {
        scope = scope.context(context);
    }
    if let Some(seed) = seed {
        scope = scope.seed(seed);
    }
    evaluate_jsonpath(text, &scope)
}

/// An error with the expression and a caret under its position.
fn describe(text: &str, e: &Error) -> String {
    let line_start = text
        .get(..e.position)
        .map_or(0, |t| t.rfind('\n').map_or(0, |i| i + 1));
    let line_end = text
        .get(e.position..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| e.position + i);
    let line = text.get(line_start..line_end).unwrap_or("");
    let column = text
        .get(line_start..e.position)
        .map_or(0, |t| t.chars().count());
    format!(
        "error {}: {}\n  {line}\n  {}^ (byte {})",
        e.code,
        e.message,
        " ".repeat(column),
        e.position
    )
}

/// `--input`: standard input is free for it.
const INPUT: JsonArgument<'static> = JsonArgument {
    option: "--input",
    stdin_holds: None,
    blank: None,
};

/// `--context`: standard input is free for it unless `--input` reads it.
fn context_argument(input: Option<&str>) -> JsonArgument<'static> {
    JsonArgument {
        option: "--context",
        stdin_holds: (input == Some("-")).then_some("the --input document"),
        blank: None,
    }
}

/// The `--bindings` object as (name, value) pairs.
fn parse_bindings(text: Option<&str>) -> Result<Vec<(String, Json)>, String> {
    let Some(text) = text else {
        return Ok(Vec::new());
    };
    match serde_json::from_str::<Json>(text) {
        Ok(Json::Object(map)) => Ok(map.into_iter().collect()),
        Ok(_) => Err("--bindings must be a JSON object such as {\"x\": 1}".into()),
        Err(e) => Err(format!("--bindings is not JSON: {e}")),
    }
}

/// Bindings borrowing `bound`.
fn bind(bound: &[(String, Json)]) -> Bindings<'_> {
    bound.iter().fold(Bindings::new(), |b, (name, value)| {
        b.bind(name.as_str(), value)
    })
}

/// `--jsonl`: one case per line in, one answer per line out.
/// `seed` seeds JSONPath-mode intrinsics as `env` seeds JSONata.
fn jsonl(env: &Environment, jsonpath_mode: bool, seed: Option<u64>) -> Outcome {
    let stdin = std::io::stdin();
    let mut out = std::io::stdout().lock();
    for line in stdin.lock().lines() {
        let line = match line {
            Ok(line) => line,
            Err(e) => return Outcome::Failed(format!("cannot read standard input: {e}")),
        };
        if line.trim().is_empty() {
            continue;
        }
        let answer = answer(&line, env, jsonpath_mode, seed);
        let result = writeln!(out, "{answer}").and_then(|()| out.flush());
        if result.is_err() {
            return output::written(result, Outcome::Ok);
        }
    }
    Outcome::Ok
}

/// The answer line for one case line.
fn answer(line: &str, env: &Environment, jsonpath_mode: bool, seed: Option<u64>) -> String {
    let case: Json = match serde_json::from_str(line) {
        Ok(Json::Object(case)) => Json::Object(case),
        Ok(_) => {
            return failure(
                "CASE",
                0,
                "a case must be a JSON object {\"expr\", \"input\", \"bindings\"}",
            )
        }
        Err(e) => return failure("CASE", 0, &format!("the case is not JSON: {e}")),
    };
    let Some(Json::String(expr)) = field(&case, "expr") else {
        return failure("CASE", 0, "the case has no \"expr\" string");
    };
    let bound: Vec<(String, Json)> = match field(&case, "bindings") {
        Some(Json::Object(map)) => map.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        Some(Json::Null) | None => Vec::new(),
        Some(_) => return failure("CASE", 0, "\"bindings\" must be a JSON object"),
    };
    let input = field(&case, "input");
    let result = if jsonpath_mode {
        let empty = Json::Object(stepfn::model::JsonObject::default());
        let input = input.unwrap_or(&empty);
        jsonpath(expr, input, field(&case, "context"), &bound, seed).map(Some)
    } else {
        Expression::compile(expr).and_then(|e| e.evaluate_with(input, &bind(&bound), env))
    };
    match result {
        Ok(Some(result)) => format!("{{\"result\":{}}}", to_json_text(&result, 0)),
        Ok(None) => "{\"undefinedResult\":true}".to_string(),
        Err(e) => failure(e.code, e.position, &e.message),
    }
}

/// A field of a JSON object.
fn field<'j>(json: &'j Json, key: &str) -> Option<&'j Json> {
    match json {
        Json::Object(map) => map.get(key),
        _ => None,
    }
}

/// The error line `{"code", "position", "message"}`.
fn failure(code: &str, position: usize, message: &str) -> String {
    let message = serde_json::to_string(message).unwrap_or_else(|_| "\"\"".into());
    format!("{{\"code\":\"{code}\",\"position\":{position},\"message\":{message}}}")
}
