//! `stepfn::import` proved on real definitions: every valid file of the ASL
//! corpus and every CDK rendering of the fixtures is imported into one
//! temporary crate (a module per definition), the code is checked with
//! `rustfmt --check`, compiled once (with its own target directory, under
//! this build's temporary directory) and run, and each module's machine
//! must write JSON equal to the definition it was imported from.
//!
//! The same crate holds the import of machines drawn from the property-test
//! generator (`stepfn-testkit`, a fixed seed): any shape the model holds,
//! valid or not. Their code builds the model without validating it
//! (`build_unchecked`), which must equal the machine imported, unless the
//! import said, in its notes, what it could not write exactly.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use stepfn::import::Import;
use stepfn::validate::Validator;

use super::fixtures::{cdk_reference_files, corpus_dir, verdicts};

/// Definitions the builder cannot write exactly, with the reason.
const NOT_EXPRESSIBLE: &[(&str, &str)] = &[];

/// How many machines of the property-test generator are imported.
const GENERATED: usize = 96;

/// One definition to import: where it comes from and its JSON.
struct Case {
    name: String,
    /// The definition as written (states in their order).
    text: String,
    json: serde_json::Value,
    /// Drawn from the generator (or an example that does not validate):
    /// built without validation.
    generated: bool,
}

/// Shapes the corpus lacks, one per builder call they need: comments on
/// branches and processors, literal JSONata conditions, empty `Retry` and
/// `Catch`, template resources, the general forms of the Distributed Map's
/// reader, batcher and writer, values at paths and in JSONata, and a Map no
/// builder writes (a custom state). Built without validation.
const SHAPES: &[&str] = &[
    r#"{"StartAt": "P", "States": {
        "P": {"Type": "Parallel", "Comment": "fan", "Branches": [
            {"Comment": "left", "StartAt": "L", "States": {"L": {"Type": "Pass", "End": true}}},
            {"StartAt": "R", "States": {"R": {"Type": "Succeed"}}}],
          "Retry": [], "Catch": [], "Next": "M"},
        "M": {"Type": "Map", "ItemsPath": "$.items", "Parameters": {"v.$": "$$.Map.Item.Value"},
          "Iterator": {"Comment": "each", "ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "E",
            "States": {"E": {"Type": "Pass", "End": true}}}, "End": true}}}"#,
    r#"{"StartAt": "C", "QueryLanguage": "JSONata", "Version": "1.0", "TimeoutSeconds": 5000000000, "States": {
        "C": {"Type": "Choice", "Choices": [
            {"Condition": true, "Next": "D"},
            {"Condition": "{%$x%}", "Next": "D", "Comment": "odd spacing"}], "Default": "W"},
        "W": {"Type": "Wait", "Seconds": "{% $s %}", "Next": "T"},
        "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Arguments": {"FunctionName": "f", "Payload": [1, "a", null, 2.5, {"k": [true]}]},
          "TimeoutSeconds": "{% $t %}", "HeartbeatSeconds": "{% $h %}", "Output": 42, "Next": "D"},
        "D": {"Type": "Succeed", "Output": [1, 2]}}}"#,
    r#"{"StartAt": "T", "States": {
        "T": {"Type": "Task", "Resource": {"Fn::GetAtt": ["Fn", "Arn"]}, "HeartbeatSeconds": 10,
          "TimeoutSeconds": 20, "Credentials": {"RoleArn.$": "$.role"}, "Next": "M"},
        "M": {"Type": "Map", "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE", "ExecutionType": "STANDARD"},
            "StartAt": "E", "States": {"E": {"Type": "Pass", "End": true}}}, "End": true}}}"#,
    r#"{"StartAt": "D", "States": {
        "D": {"Type": "Map", "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "E", "States": {"E": {"Type": "Pass", "End": true}}},
          "ItemReader": {"Resource": "arn:aws:states:::s3:getObject",
            "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "GIVEN", "CSVHeaders": ["a", "b"],
              "CSVDelimiter": "SEMICOLON", "MaxItemsPath": "$.max"},
            "Parameters": {"Bucket": "b", "Key": "k", "VersionId": "1"}},
          "ItemBatcher": {"MaxItemsPerBatchPath": "$.n", "MaxInputBytesPerBatch": 1000, "BatchInput": {"x": 1}},
          "ResultWriter": {"WriterConfig": {"OutputType": "JSON"}},
          "ToleratedFailurePercentagePath": "$.p", "ToleratedFailureCount": 3, "MaxConcurrencyPath": "$.c",
          "Next": "J"},
        "J": {"Type": "Map", "QueryLanguage": "JSONata",
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
            "StartAt": "E2", "States": {"E2": {"Type": "Pass", "End": true}}},
          "ItemReader": {"Resource": "arn:aws:states:::s3:listObjectsV2",
            "ReaderConfig": {"MaxItems": "{% $m %}", "Transformation": "LOAD_AND_FLATTEN"},
            "Arguments": {"Bucket": "b", "Prefix": "{% $p %}"}},
          "ItemBatcher": {"MaxItemsPerBatch": "{% $n %}", "MaxInputBytesPerBatch": "{% $b %}"},
          "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Arguments": {"Bucket": "o", "Prefix": "p"},
            "WriterConfig": {"Transformation": "FLATTEN", "OutputType": "JSONL"}},
          "ToleratedFailurePercentage": "{% $pct %}", "ToleratedFailureCount": "{% $cnt %}",
          "MaxConcurrency": "{% $c %}", "End": true}}}"#,
    r#"{"StartAt": "F", "States": {
        "F": {"Type": "Fail", "ErrorPath": "$.e", "CausePath": "States.Format('{}', $.c)", "Comment": "c"}}}"#,
];

/// How the program prints each module's machine: `module<TAB>json`.
const PRINT: &str = r#"
fn print(module: &str, built: Result<stepfn::builder::Built, stepfn::problem::Problems>) {
    emit(module, built.and_then(|built| built.to_json_compact()));
}

fn model(module: &str, model: stepfn::model::StateMachine) {
    emit(module, model.to_json_compact());
}

fn emit(module: &str, json: Result<String, stepfn::problem::Problems>) {
    match json {
        Ok(json) => println!("{module}\t{json}"),
        Err(e) => println!("{module}\tERROR {}", e.to_string().replace('\n', " | ")),
    }
}
"#;

/// Machines drawn from the property-test generator, always the same ones.
fn generated() -> Vec<Case> {
    use proptest::strategy::{Strategy, ValueTree};
    let draw = || {
        let mut runner = proptest::test_runner::TestRunner::deterministic();
        let strategy = stepfn_testkit::machine();
        (0..GENERATED)
            .filter_map(|i| {
                let machine = strategy.new_tree(&mut runner).ok()?.current();
                let text = machine.to_json_compact().ok()?;
                let json = serde_json::from_str(&text).ok()?;
                Some(Case {
                    name: format!("generated #{i}"),
                    text,
                    json,
                    generated: true,
                })
            })
            .collect()
    };
    // The generator's deeply nested types need a large stack in debug builds.
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(draw)
        .expect("spawn")
        .join()
        .expect("drawing machines")
}

/// `code` with `state_machine()` returning the assembled model and the
/// builder's own problems, without validating it.
fn unchecked(code: &str) -> String {
    let start = code
        .find("pub fn state_machine()")
        .expect("state_machine()");
    let end = start + code[start..].find("\n}\n").expect("its end");
    let body = code[start..end].replace(
        "-> Result<Built, Problems>",
        "-> (stepfn::model::StateMachine, Vec<Problem>)",
    );
    let at = body.rfind(".build()").expect("the build");
    format!(
        "{}{}.build_unchecked(){}{}",
        &code[..start],
        &body[..at],
        &body[at + ".build()".len()..],
        &code[end..]
    )
}

/// Every valid corpus file, every CDK reference rendering and the
/// definition of every CDK task golden.
fn cases() -> Vec<Case> {
    let mut cases = Vec::new();
    let dir = corpus_dir();
    for verdict in verdicts(&dir).into_iter().filter(|v| v.valid) {
        let text = std::fs::read_to_string(&verdict.file).expect("read corpus file");
        let name = verdict
            .file
            .strip_prefix(&dir)
            .unwrap_or(&verdict.file)
            .display()
            .to_string();
        let json = serde_json::from_str(&text).expect("a valid corpus file is JSON");
        cases.push(Case {
            name,
            text,
            json,
            generated: false,
        });
    }
    for file in cdk_reference_files() {
        let text = std::fs::read_to_string(&file).expect("read CDK rendering");
        let name = format!(
            "cdk/{}",
            file.file_name().unwrap_or_default().to_string_lossy()
        );
        cases.push(Case {
            name,
            json: serde_json::from_str(&text).expect("a CDK rendering is JSON"),
            text,
            generated: false,
        });
    }
    let tasks = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cdk-tasks");
    let mut goldens: Vec<PathBuf> = std::fs::read_dir(&tasks)
        .expect("list the CDK task goldens")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    goldens.sort();
    for file in goldens {
        let text = std::fs::read_to_string(&file).expect("read CDK task golden");
        let golden: serde_json::Value = serde_json::from_str(&text).expect("a golden is JSON");
        let name = format!(
            "cdk-tasks/{}",
            file.file_name().unwrap_or_default().to_string_lossy()
        );
        cases.push(Case {
            name,
            text: golden["definition"].to_string(),
            json: golden["definition"].clone(),
            generated: false,
        });
    }
    for (i, text) in SHAPES.iter().enumerate() {
        cases.push(Case {
            name: format!("shape #{i}"),
            text: (*text).to_owned(),
            json: serde_json::from_str(text).expect("a shape is JSON"),
            generated: true,
        });
    }
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/definitions");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&examples)
        .expect("list the examples")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("read an example");
        // An example written to show problems is built without validation.
        let Ok(machine) = stepfn::read::read_str(&text) else {
            continue;
        };
        let name = format!(
            "examples/{}",
            file.file_name().unwrap_or_default().to_string_lossy()
        );
        cases.push(Case {
            name,
            json: serde_json::from_str(&text).expect("an example is JSON"),
            text,
            generated: !Validator::new().check(&machine).is_valid(),
        });
    }
    cases.extend(generated());
    cases
}

/// The directory of the temporary crate, emptied.
fn crate_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("import-round-trip");
    for sub in ["src", "fmt"] {
        let sub = dir.join(sub);
        if sub.exists() {
            std::fs::remove_dir_all(&sub).expect("empty the crate's folders");
        }
        std::fs::create_dir_all(&sub).expect("create the crate's folders");
    }
    dir
}

#[test]
fn every_valid_corpus_file_and_cdk_rendering_imports_to_code_building_equal_json() {
    let cases = cases();
    assert!(
        cases.len() >= 280 + GENERATED,
        "only {} definitions found",
        cases.len()
    );
    let dir = crate_dir();
    let mut main = String::new();
    let mut calls = String::new();
    let mut fmt = String::new();
    let mut failures = Vec::new();
    let mut modules = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        if NOT_EXPRESSIBLE.iter().any(|(name, _)| *name == case.name) {
            continue;
        }
        let machine = stepfn::read::read_str(&case.text)
            .unwrap_or_else(|e| panic!("{} does not read: {e}", case.name));
        let placeholders = !Validator::new().check(&machine).is_valid();
        let rust = Import::new()
            .allow_resource_placeholders(placeholders)
            .to_rust(&machine);
        let module = format!("m{i:03}");
        let noted = !rust.notes().is_empty();
        if noted && !case.generated {
            failures.push(format!(
                "{}: notes:\n{}",
                case.name,
                rust.notes().join("\n")
            ));
        }
        std::fs::write(dir.join("fmt").join(format!("{module}.rs")), rust.code())
            .expect("write a module");
        let _ = writeln!(fmt, "mod {module};");
        let code = if case.generated {
            unchecked(rust.code())
        } else {
            rust.code().to_owned()
        };
        std::fs::write(dir.join("src").join(format!("{module}.rs")), code).expect("write a module");
        let _ = writeln!(main, "mod {module};");
        if case.generated {
            let _ = writeln!(
                calls,
                "    model(\"{module}\", {module}::state_machine().0);"
            );
        } else {
            let _ = writeln!(calls, "    print(\"{module}\", {module}::state_machine());");
        }
        if !noted {
            modules.push((module, case));
        }
    }
    let program = format!("{main}\nfn main() {{\n{calls}}}\n{PRINT}");
    std::fs::write(dir.join("src/main.rs"), program).expect("write main.rs");
    let repo = env!("CARGO_MANIFEST_DIR");
    let manifest = format!(
        "[package]\nname = \"import-round-trip\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\nstepfn = {{ path = {repo:?}, default-features = false }}\n\n\
         [workspace]\n"
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).expect("write Cargo.toml");
    // The versions this workspace is tested with.
    std::fs::copy(Path::new(repo).join("Cargo.lock"), dir.join("Cargo.lock"))
        .expect("copy Cargo.lock");

    std::fs::write(dir.join("fmt/lib.rs"), fmt).expect("write fmt/lib.rs");
    let rustfmt = Command::new("rustfmt")
        .args(["--edition", "2021", "--check"])
        .arg(dir.join("fmt/lib.rs"))
        .output()
        .expect("rustfmt runs (rustup component add rustfmt)");
    if !rustfmt.status.success() {
        failures.push(format!(
            "rustfmt --check wants changes:\n{}",
            String::from_utf8_lossy(&rustfmt.stdout)
        ));
    }

    let run = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--offline", "--target-dir"])
        .arg(dir.join("target"))
        .current_dir(&dir)
        .env_remove("CARGO_TARGET_DIR")
        .env("CARGO_PROFILE_DEV_DEBUG", "0")
        .env("CARGO_INCREMENTAL", "0")
        .output()
        .expect("cargo runs");
    assert!(
        run.status.success(),
        "the imported code does not build or run:\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let stdout = String::from_utf8_lossy(&run.stdout);
    let mut written = std::collections::HashMap::new();
    for line in stdout.lines() {
        if let Some((module, json)) = line.split_once('\t') {
            written.insert(module.to_owned(), json.to_owned());
        }
    }
    for (module, case) in &modules {
        match written.get(module) {
            None => failures.push(format!("{}: nothing printed", case.name)),
            Some(json) => match serde_json::from_str::<serde_json::Value>(json) {
                Ok(value) if value == case.json => {}
                Ok(value) => failures.push(format!(
                    "{} ({module}): built different JSON:\n  imported {}\n  built    {}",
                    case.name, case.json, value
                )),
                Err(_) => failures.push(format!("{} ({module}): {json}", case.name)),
            },
        }
    }
    let compared = modules.iter().filter(|(_, case)| case.generated).count();
    assert!(
        compared * 10 >= GENERATED * 9,
        "only {compared} of {GENERATED} generated machines were imported without notes"
    );
    assert!(
        failures.is_empty(),
        "{} of {} definitions:\n{}",
        failures.len(),
        modules.len(),
        failures.join("\n\n")
    );
}
