//! `stepfn::import`: snapshots of the code generated for every bundled
//! example, and the shapes that must cost no recursion (a hundred thousand
//! states, deep nesting of scopes, payloads and Choice rules).

use std::path::Path;

use stepfn::import::Import;

fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(Path::new(env!("CARGO_MANIFEST_DIR")).join("snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings
}

/// Whether `rustfmt --check` leaves `code` as it is.
fn rustfmt_keeps(code: &str) -> Result<(), String> {
    use std::io::Write;
    let mut child = std::process::Command::new("rustfmt")
        .args(["--edition", "2021", "--check"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("rustfmt does not run ({e}): rustup component add rustfmt"))?;
    child
        .stdin
        .take()
        .ok_or("no stdin")?
        .write_all(code.as_bytes())
        .map_err(|e| e.to_string())?;
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stdout).into_owned())
    }
}

#[test]
fn every_example_definition_imports_to_its_snapshot() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/definitions");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut imported = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        // A definition that does not read has no model to import.
        let Ok(machine) = stepfn::read::read_str(&text) else {
            continue;
        };
        let name = file
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace(".asl.json", "");
        let rust = Import::new().main(true).to_rust(&machine);
        assert!(rust.notes().is_empty(), "{name}: {:?}", rust.notes());
        if let Err(diff) = rustfmt_keeps(rust.code()) {
            panic!("{name}: rustfmt would change the code:\n{diff}");
        }
        snapshot_settings().bind(|| insta::assert_snapshot!(format!("import-{name}"), rust.code()));
        imported += 1;
    }
    assert!(imported >= 4, "only {imported} examples imported");
}

/// A chain of `n` Pass states, `S0` to `S{n-1}`.
fn chain(n: usize) -> stepfn::model::StateMachine {
    stepfn::read::read_str(&super::read_errors::chain(n)).expect("the chain reads")
}

#[test]
fn a_hundred_thousand_chained_states_import_without_recursion() {
    let machine = chain(100_000);
    let code = Import::new().to_rust(&machine).into_code();
    assert!(code.contains("    let s99999 = Pass::new(\"S99999\");\n"));
    assert!(code.contains("        .next(s99998)\n        .next(s99999);\n"));
    assert_eq!(code.matches("Pass::new(").count(), 100_000);
}

/// Runs `f` on a thread with the default 2 MiB stack of test threads.
fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("no stack overflow");
}

#[test]
fn parallel_states_nested_sixty_deep_are_a_function_per_branch() {
    let depth = 60;
    let mut text = String::from(r#"{"Type": "Pass", "End": true}"#);
    for level in (0..depth).rev() {
        text = format!(
            r#"{{"Type": "Parallel", "End": true, "Branches": [{{"StartAt": "L{}", "States": {{"L{}": {text}}}}}]}}"#,
            level + 1,
            level + 1
        );
    }
    let text = format!(r#"{{"StartAt": "L0", "States": {{"L0": {text}}}}}"#);
    let machine = stepfn::read::read_str(&text).expect("reads");
    on_small_stack(move || {
        let code = Import::new().to_rust(&machine).into_code();
        assert_eq!(code.matches("fn l").count(), depth);
        assert!(code.contains(
            "fn l59_branch_1() -> impl IntoChain {\n    let l60 = Pass::new(\"L60\");\n"
        ));
        rustfmt_keeps(&code).expect("rustfmt leaves it as it is");
    });
}

#[test]
fn payloads_and_rules_nested_deeply_are_moved_into_variables() {
    let depth = 120;
    let result = format!("{}1{}", r#"{"a": ["#.repeat(depth), "]}".repeat(depth));
    let mut rule = r#"{"Variable": "$.x", "IsPresent": true"#.to_owned();
    for _ in 0..100 {
        rule = format!(r#"{{"Not": {rule}}}"#);
    }
    let text = format!(
        r#"{{"StartAt": "Deep", "States": {{
            "Deep": {{"Type": "Pass", "Result": {result}, "Next": "Test"}},
            "Test": {{"Type": "Choice", "Choices": [{rule}, "Next": "Done"}}], "Default": "Done"}},
            "Done": {{"Type": "Succeed"}}}}}}"#
    );
    let machine = stepfn::read::read_str(&text).expect("reads");
    on_small_stack(move || {
        let code = Import::new().to_rust(&machine).into_code();
        assert!(
            code.matches("let deep_value").count() >= 2 * depth / 9,
            "{code}"
        );
        assert!(
            code.matches("let test_condition").count() >= 100 / 9,
            "{code}"
        );
        rustfmt_keeps(&code).expect("rustfmt leaves it as it is");
    });
}

#[test]
fn state_names_become_readable_unique_variables() {
    let machine = stepfn::read::read_str(
        r#"{"StartAt": "Submit Job", "States": {
            "Submit Job": {"Type": "Pass", "Next": "submit-job"},
            "submit-job": {"Type": "Pass", "Next": "match"},
            "match": {"Type": "Pass", "Next": "3 \"quoted\" \u00e9"},
            "3 \"quoted\" \u00e9": {"Type": "Succeed"}}}"#,
    )
    .expect("reads");
    let code = Import::new().to_rust(&machine).into_code();
    assert!(
        code.contains(r#"let submit_job = Pass::new("Submit Job");"#),
        "{code}"
    );
    assert!(
        code.contains(r#"let submit_job_2 = Pass::new("submit-job");"#),
        "{code}"
    );
    assert!(
        code.contains(r#"let match_state = Pass::new("match");"#),
        "{code}"
    );
    assert!(
        code.contains(r#"let state_3_quoted = Succeed::new("3 \"quoted\" \u{e9}");"#),
        "{code}"
    );
}

#[test]
fn any_machine_imports_to_code_rustfmt_leaves_as_it_is() {
    // The code of generated machines is compiled and run by the round trip
    // (`import_round_trip.rs`); here, many more of them, each laid out as
    // rustfmt lays it out, the same every time.
    stepfn_testkit::for_any_machine(48, |machine| {
        let first = Import::new().main(true).to_rust(&machine);
        let again = Import::new().main(true).to_rust(&machine);
        proptest::prop_assert_eq!(&first, &again);
        if let Err(diff) = rustfmt_keeps(first.code()) {
            return Err(proptest::test_runner::TestCaseError::fail(format!(
                "rustfmt would change:\n{diff}\n{}",
                first.code()
            )));
        }
        Ok(())
    });
}
