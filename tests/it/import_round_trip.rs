//! `stepfn::import` proved on real definitions: every valid file of the ASL
//! corpus and every CDK rendering of the fixtures is imported into one
//! temporary crate (a module per definition), the code is checked with
//! `rustfmt --check`, compiled once (with its own target directory, under
//! this build's temporary directory) and run, and each module's machine
//! must write JSON equal to the definition it was imported from.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use stepfn::import::Import;
use stepfn::validate::Validator;

use super::fixtures::{cdk_reference_files, corpus_dir, verdicts};

/// Definitions the builder cannot write exactly, with the reason.
const NOT_EXPRESSIBLE: &[(&str, &str)] = &[];

/// One definition to import: where it comes from and its JSON.
struct Case {
    name: String,
    json: serde_json::Value,
}

/// Every valid corpus file, every CDK reference rendering and the
/// definition of every CDK task golden.
fn cases() -> Vec<Case> {
    let mut cases = Vec::new();
    let dir = corpus_dir();
    for verdict in verdicts(&dir).into_iter().filter(|v| v.valid) {
        let text = std::fs::read_to_string(&verdict.file).expect("read corpus file");
        let name = verdict.file.strip_prefix(&dir).unwrap_or(&verdict.file).display().to_string();
        let json = serde_json::from_str(&text).expect("a valid corpus file is JSON");
        cases.push(Case { name, json });
    }
    for file in cdk_reference_files() {
        let text = std::fs::read_to_string(&file).expect("read CDK rendering");
        let name = format!("cdk/{}", file.file_name().unwrap_or_default().to_string_lossy());
        cases.push(Case {
            name,
            json: serde_json::from_str(&text).expect("a CDK rendering is JSON"),
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
        let name = format!("cdk-tasks/{}", file.file_name().unwrap_or_default().to_string_lossy());
        cases.push(Case {
            name,
            json: golden["definition"].clone(),
        });
    }
    cases
}

/// The directory of the temporary crate, emptied.
fn crate_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("import-round-trip");
    let src = dir.join("src");
    if src.exists() {
        std::fs::remove_dir_all(&src).expect("empty the crate's src");
    }
    std::fs::create_dir_all(&src).expect("create the crate's src");
    dir
}

#[test]
fn every_valid_corpus_file_and_cdk_rendering_imports_to_code_building_equal_json() {
    let cases = cases();
    assert!(cases.len() >= 280, "only {} definitions found", cases.len());
    let dir = crate_dir();
    let mut main = String::new();
    let mut calls = String::new();
    let mut failures = Vec::new();
    let mut modules = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        if NOT_EXPRESSIBLE.iter().any(|(name, _)| *name == case.name) {
            continue;
        }
        let text = case.json.to_string();
        let machine = stepfn::read::read_str(&text)
            .unwrap_or_else(|e| panic!("{} does not read: {e}", case.name));
        let placeholders = !Validator::new().check(&machine).is_valid();
        let rust = Import::new()
            .allow_resource_placeholders(placeholders)
            .to_rust(&machine);
        if !rust.notes().is_empty() {
            failures.push(format!("{}: notes:\n{}", case.name, rust.notes().join("\n")));
        }
        let module = format!("m{i:03}");
        std::fs::write(dir.join("src").join(format!("{module}.rs")), rust.code())
            .expect("write a module");
        let _ = writeln!(main, "mod {module};");
        let _ = writeln!(calls, "    print(\"{module}\", {module}::state_machine());");
        modules.push((module, case));
    }
    let program = format!(
        "{main}\nfn main() {{\n{calls}}}\n\n\
         fn print(module: &str, built: Result<stepfn::builder::Built, stepfn::problem::Problems>) {{\n    \
         match built.and_then(|built| built.to_json_compact()) {{\n        \
         Ok(json) => println!(\"{{module}}\\t{{json}}\"),\n        \
         Err(e) => println!(\"{{module}}\\tERROR {{}}\", e.to_string().replace('\\n', \" | \")),\n    \
         }}\n}}\n"
    );
    std::fs::write(dir.join("src/main.rs"), program).expect("write main.rs");
    let repo = env!("CARGO_MANIFEST_DIR");
    let manifest = format!(
        "[package]\nname = \"import-round-trip\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\nstepfn = {{ path = {repo:?}, default-features = false }}\n\n\
         [workspace]\n"
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).expect("write Cargo.toml");
    // The versions this workspace is tested with.
    std::fs::copy(Path::new(repo).join("Cargo.lock"), dir.join("Cargo.lock")).expect("copy Cargo.lock");

    let rustfmt = Command::new("rustfmt")
        .args(["--edition", "2021", "--check"])
        .arg(dir.join("src/main.rs"))
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
    assert!(
        failures.is_empty(),
        "{} of {} definitions:\n{}",
        failures.len(),
        modules.len(),
        failures.join("\n\n")
    );
}
