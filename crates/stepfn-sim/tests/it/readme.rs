//! The README's "Run a workflow in a test" example is this crate's first
//! doctest, line for line, so the example users read is one that runs.

#[test]
fn the_readme_example_is_the_crate_doctest() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("../../README.md")).unwrap();
    let lib = std::fs::read_to_string(root.join("src/lib.rs")).unwrap();
    let section = readme
        .split("## Run a workflow in a test")
        .nth(1)
        .expect("the README has the section");
    let example: Vec<&str> = section
        .split("```rust,ignore\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("the section has an example")
        .lines()
        .collect();
    let doctest: Vec<&str> = lib
        .split("//! ```\n")
        .nth(1)
        .expect("the crate docs have an example")
        .lines()
        .map(|line| {
            line.strip_prefix("//! ")
                .or(line.strip_prefix("//!"))
                .unwrap_or(line)
        })
        .filter(|line| !line.starts_with("# "))
        .collect();
    assert_eq!(example, doctest);
}
