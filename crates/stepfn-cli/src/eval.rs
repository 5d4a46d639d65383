//! `stepfn eval`: evaluate a JSONata expression on a document, as a
//! JSONata state of AWS Step Functions would (JSONata 2.0.6 with AWS's
//! functions).

use std::io::{BufRead, Read, Write};
use std::path::PathBuf;

use clap::Args;
use stepfn::model::Json;
use stepfn_jsonata::{to_json_text, Bindings, Environment, Error, Expression};

use super::Outcome;

#[derive(Args)]
pub(crate) struct EvalArgs {
    /// The JSONata expression (without `{%` `%}`).
    #[arg(required_unless_present = "jsonl")]
    expression: Option<String>,
    /// The input document (`-` for standard input); without it the input is undefined.
    #[arg(long, value_name = "FILE")]
    input: Option<PathBuf>,
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
    /// Read cases as JSON lines on standard input (`{"expr", "input",
    /// "bindings"}`) and write one line per case: `{"result": …}`,
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
        return jsonl(&env);
    }
    let Some(text) = &args.expression else {
        return Outcome::Failed("give an expression, or --jsonl to read cases".into());
    };
    let input = match &args.input {
        Some(path) => match read_json(path) {
            Ok(json) => Some(json),
            Err(e) => return Outcome::Failed(e),
        },
        None => None,
    };
    let bound = match parse_bindings(args.bindings.as_deref()) {
        Ok(bound) => bound,
        Err(e) => return Outcome::Failed(e),
    };
    let bindings = bind(&bound);
    let result =
        Expression::compile(text).and_then(|e| e.evaluate_with(input.as_ref(), &bindings, &env));
    match result {
        Ok(Some(json)) => {
            println!("{}", to_json_text(&json, if args.compact { 0 } else { 2 }));
            Outcome::Ok
        }
        Ok(None) => {
            println!("undefined");
            eprintln!(
                "stepfn: the expression evaluated to nothing (undefined), which is not JSON null"
            );
            Outcome::Ok
        }
        Err(e) => {
            eprintln!("{}", describe(text, &e));
            Outcome::Problems
        }
    }
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

/// Reads a JSON document from a file or standard input.
fn read_json(path: &PathBuf) -> Result<Json, String> {
    let mut text = String::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
    } else {
        text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    }
    serde_json::from_str(&text).map_err(|e| format!("{} is not JSON: {e}", path.display()))
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
fn jsonl(env: &Environment) -> Outcome {
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
        let answer = answer(&line, env);
        if writeln!(out, "{answer}")
            .and_then(|()| out.flush())
            .is_err()
        {
            return Outcome::Failed("cannot write standard output".into());
        }
    }
    Outcome::Ok
}

/// The answer line for one case line.
fn answer(line: &str, env: &Environment) -> String {
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
    let bindings = bind(&bound);
    let input = field(&case, "input");
    match Expression::compile(expr).and_then(|e| e.evaluate_with(input, &bindings, env)) {
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
