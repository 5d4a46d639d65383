//! The JSONata reference suite (jsonata-js v2.0.6's own cases, in
//! `tests/fixtures/jsonata-suite`): every case is evaluated and compared
//! with its expected result or error code. Cases listed in
//! `suite-skips.txt` are skipped for the reason given there; the test fails
//! on any failure, and also when a skipped case starts passing.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value as J;
use stepfn::model::Json;
use stepfn_jsonata::{Bindings, Environment, Expression};

/// The suite folder in the repository.
fn suite_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/jsonata-suite")
}

/// One case: where it is, and its JSON.
struct Case {
    /// `group/file` or `group/file#index` for files holding an array.
    id: String,
    /// The group folder.
    group: PathBuf,
    /// The case object.
    spec: J,
}

/// Every case, in a stable order.
fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    let groups = suite_dir().join("groups");
    let mut group_dirs: Vec<PathBuf> = fs::read_dir(&groups)
        .expect("suite groups")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    group_dirs.sort();
    for dir in group_dirs {
        let group = dir.file_name().unwrap().to_string_lossy().to_string();
        let mut files: Vec<PathBuf> = fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        files.sort();
        for file in files {
            let name = file.file_stem().unwrap().to_string_lossy().to_string();
            let text = lone_surrogates_as_escapes(&fs::read_to_string(&file).unwrap());
            let spec: J = serde_json::from_str(&text).unwrap();
            match spec {
                J::Array(items) => {
                    for (i, item) in items.into_iter().enumerate() {
                        out.push(Case {
                            id: format!("{group}/{name}#{i}"),
                            group: dir.clone(),
                            spec: item,
                        });
                    }
                }
                other => out.push(Case {
                    id: format!("{group}/{name}"),
                    group: dir.clone(),
                    spec: other,
                }),
            }
        }
    }
    out
}

/// The JSON text with each escaped lone UTF-16 surrogate (`\uD800` without
/// its other half, which no Rust string can hold) written with an escaped
/// backslash, so that the decoded text holds the six characters `\uD800`.
/// The suite has lone surrogates only inside string literals of
/// expressions, where JSONata reads `\uD800` as that same lone surrogate.
fn lone_surrogates_as_escapes(text: &str) -> String {
    let bytes = text.as_bytes();
    let unit = |at: usize| {
        bytes
            .get(at..at + 6)
            .filter(|b| b.starts_with(b"\\u"))
            .and_then(|b| std::str::from_utf8(b.get(2..)?).ok())
            .and_then(|h| u16::from_str_radix(h, 16).ok())
    };
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b != b'\\' {
            i += 1;
            continue;
        }
        match unit(i) {
            // a pair: one character, as written
            Some(0xD800..=0xDBFF)
                if unit(i + 6).is_some_and(|low| (0xDC00..0xE000).contains(&low)) =>
            {
                i += 12;
            }
            Some(0xD800..=0xDFFF) => {
                out.push_str(&text[copied..i]);
                out.push('\\');
                copied = i;
                i += 6;
            }
            Some(_) => i += 6,
            // any other escape is two characters (`\\` among them)
            None => i += 2,
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// The skip list: case id (or `group/*`) → reason.
fn skips() -> BTreeMap<String, String> {
    let text =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/suite-skips.txt"))
            .expect("suite-skips.txt");
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (id, reason) = l.split_once(char::is_whitespace).unwrap_or((l, ""));
            (id.to_string(), reason.trim().to_string())
        })
        .collect()
}

/// Whether two numbers agree to 15 significant digits: jsonata-js's own
/// results differ from a few expected values in the last digit (it gives
/// 90.57000000000001 where the suite expects 90.57), as these do.
fn close(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-15 * a.abs().max(b.abs())
}

/// Whether `json` (our result) equals `expected`, numbers by value;
/// `unordered`: top-level arrays as multisets.
fn same(json: &Json, expected: &J, unordered: bool) -> bool {
    match (json, expected) {
        (Json::Null, J::Null) => true,
        (Json::Bool(a), J::Bool(b)) => a == b,
        (Json::Number(a), J::Number(b)) => b.as_f64().is_some_and(|b| close(a.as_f64(), b)),
        (Json::String(a), J::String(b)) => a == b,
        (Json::Array(a), J::Array(b)) => {
            if a.len() != b.len() {
                return false;
            }
            if unordered {
                let mut used = vec![false; b.len()];
                a.iter().all(|x| {
                    let found = b
                        .iter()
                        .enumerate()
                        .find(|(i, y)| !used[*i] && same(x, y, false));
                    match found {
                        Some((i, _)) => {
                            used[i] = true;
                            true
                        }
                        None => false,
                    }
                })
            } else {
                a.iter().zip(b).all(|(x, y)| same(x, y, false))
            }
        }
        (Json::Object(a), J::Object(b)) => {
            a.len() == b.len()
                && a.iter()
                    .all(|(k, v)| b.get(k).is_some_and(|w| same(v, w, false)))
        }
        _ => false,
    }
}

/// Runs one case; `Err` says why it failed.
fn run(case: &Case, datasets: &BTreeMap<String, Json>) -> Result<(), String> {
    let spec = &case.spec;
    let expr = match (spec.get("expr"), spec.get("expr-file")) {
        (Some(J::String(e)), _) => e.clone(),
        (_, Some(J::String(file))) => {
            fs::read_to_string(case.group.join(file)).map_err(|e| e.to_string())?
        }
        _ => return Err("no expression".into()),
    };
    let input: Option<Json> = match (spec.get("data"), spec.get("dataset")) {
        (Some(data), _) => Some(Json::from(data.clone())),
        (None, Some(J::String(name))) => {
            Some(datasets.get(name).cloned().ok_or("unknown dataset")?)
        }
        _ => None,
    };
    let bound: Vec<(String, Json)> = match spec.get("bindings") {
        Some(J::Object(map)) => map
            .iter()
            .map(|(k, v)| (k.clone(), Json::from(v.clone())))
            .collect(),
        _ => Vec::new(),
    };
    let mut bindings = Bindings::new();
    for (name, value) in &bound {
        bindings = bindings.bind(name.as_str(), value);
    }
    let mut env = Environment::new().at_millis(1_700_000_000_000).with_seed(1);
    // the suite limits runaway cases by call depth and time: the depth limit
    // is the same, time becomes a step budget
    if let Some(depth) = spec.get("depth").and_then(J::as_u64) {
        env = env.max_depth(usize::try_from(depth).unwrap_or(usize::MAX));
    }
    if let Some(ms) = spec.get("timelimit").and_then(J::as_u64) {
        env = env.max_steps(ms.saturating_mul(5_000));
    }
    let expected_code = spec.get("code").and_then(J::as_str).or_else(|| {
        spec.get("error")
            .and_then(|e| e.get("code"))
            .and_then(J::as_str)
    });
    let expected_message = spec
        .get("error")
        .and_then(|e| e.get("message"))
        .and_then(J::as_str);
    let outcome =
        Expression::compile(&expr).and_then(|e| e.evaluate_with(input.as_ref(), &bindings, &env));
    match outcome {
        Err(e) => {
            if spec.get("error").is_some() && expected_code.is_none() {
                // only a message or token is given: any failure with that message
                return match expected_message {
                    Some(m) if m != e.message => Err(format!("error {e}, expected message {m:?}")),
                    _ => Ok(()),
                };
            }
            match expected_code {
                Some(code) if code == e.code => match expected_message {
                    Some(m) if m != e.message => Err(format!("error {e}, expected message {m:?}")),
                    _ => Ok(()),
                },
                Some(code) => Err(format!("error {e}, expected code {code}")),
                None => Err(format!("unexpected error {e}")),
            }
        }
        Ok(result) => {
            if let Some(code) = expected_code {
                return Err(format!(
                    "expected error {code}, got {:?}",
                    result.map(|r| serde_json::to_string(&r).unwrap_or_default())
                ));
            }
            if spec.get("error").is_some() {
                return Err("expected an error".into());
            }
            if spec.get("undefinedResult").is_some() {
                return match result {
                    None => Ok(()),
                    Some(r) => Err(format!(
                        "expected undefined, got {}",
                        serde_json::to_string(&r).unwrap_or_default()
                    )),
                };
            }
            let Some(expected) = spec.get("result") else {
                return Err("case has nothing to check".into());
            };
            let unordered = spec.get("unordered").and_then(J::as_bool).unwrap_or(false);
            match result {
                Some(r) if same(&r, expected, unordered) => Ok(()),
                Some(r) => Err(format!(
                    "got {}, expected {}",
                    serde_json::to_string(&r).unwrap_or_default(),
                    expected
                )),
                None => Err(format!("got undefined, expected {expected}")),
            }
        }
    }
}

#[test]
fn jsonata_reference_suite() {
    let mut datasets = BTreeMap::new();
    for entry in fs::read_dir(suite_dir().join("datasets")).expect("datasets") {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let json: Json = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        datasets.insert(name, json);
    }
    let skips = skips();
    let cases = cases();
    let (mut passed, mut skipped) = (0, 0);
    let mut failures = Vec::new();
    let mut now_passing = Vec::new();
    let filter = std::env::var("SUITE_FILTER").ok();
    for case in &cases {
        if filter.as_deref().is_some_and(|f| !case.id.contains(f)) {
            continue;
        }
        let group_skip = format!("{}/*", case.id.split('/').next().unwrap_or(""));
        let skip = skips.get(&case.id).or_else(|| skips.get(&group_skip));
        if std::env::var_os("SUITE_VERBOSE").is_some() {
            eprintln!("{}", case.id);
        }
        // run on a thread with a 2 MiB stack, like a test thread
        let outcome = std::thread::scope(|s| {
            std::thread::Builder::new()
                .stack_size(2 << 20)
                .spawn_scoped(s, || run(case, &datasets))
                .expect("spawn")
                .join()
                .unwrap_or_else(|_| Err("panicked".into()))
        });
        match (outcome, skip) {
            (Ok(()), None) => passed += 1,
            (Ok(()), Some(_)) => {
                skipped += 1;
                now_passing.push(case.id.clone());
            }
            (Err(_), Some(_)) => skipped += 1,
            (Err(why), None) => {
                let expr = case
                    .spec
                    .get("expr")
                    .and_then(J::as_str)
                    .unwrap_or("(file)");
                failures.push(format!("{}: {expr}\n    {why}", case.id));
            }
        }
    }
    let total = passed + skipped + failures.len();
    println!(
        "jsonata suite: {passed} passed, {} failed, {skipped} skipped of {total}",
        failures.len()
    );
    for f in &failures {
        println!("FAIL {f}");
    }
    assert!(failures.is_empty(), "{} cases failed", failures.len());
    assert!(
        now_passing.is_empty(),
        "skipped cases now pass; remove them from suite-skips.txt: {now_passing:?}"
    );
}
