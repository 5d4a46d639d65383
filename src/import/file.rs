//! The generated file: a header, the `use` lines, and each function with
//! its statements laid out as rustfmt writes them.

use std::collections::BTreeSet;

use super::cx::Statement;
use super::layout::Layout;
use super::scope::Function;

/// The indentation of a statement in a function body.
const BODY: usize = 4;

/// The whole file.
pub(crate) fn write(functions: &[Function], uses: &BTreeSet<&'static str>, main: bool) -> String {
    let mut out = String::with_capacity(4096);
    out.push_str("//! The state machine, written with the stepfn builder by `stepfn import`.\n\n");
    let mut paths: Vec<&str> = uses.iter().copied().collect();
    paths.push("stepfn::prelude::*");
    // rustfmt orders `use` lines by their paths, segment by segment.
    paths.sort_by(|a, b| a.split("::").cmp(b.split("::")));
    for path in paths {
        out.push_str("use ");
        out.push_str(path);
        out.push_str(";\n");
    }
    let mut layout = Layout::default();
    for function in functions {
        out.push('\n');
        out.push_str("/// ");
        out.push_str(&function.doc);
        out.push('\n');
        if function.top {
            out.push_str(&format!(
                "pub fn {}() -> Result<Built, Problems> {{\n",
                function.name
            ));
        } else {
            out.push_str(&format!("fn {}() -> impl IntoChain {{\n", function.name));
        }
        let mut written = false;
        for statement in &function.statements {
            let text = match statement {
                Statement::Blank if written => String::new(),
                Statement::Blank => continue,
                Statement::Let(name, value) => layout.let_statement(name, value, BODY),
                Statement::Tail(value) => layout.tail_expression(value, BODY),
            };
            if !text.is_empty() {
                out.push_str("    ");
                out.push_str(&text);
            }
            out.push('\n');
            written = true;
        }
        out.push_str("}\n");
    }
    if main {
        out.push_str(MAIN);
    }
    out
}

/// `main`, when the file is to be a program: prints the ASL.
const MAIN: &str = "
/// Prints the state machine's ASL, or every problem it has.
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let machine = state_machine()?;
    print!(\"{}\", machine.to_json_pretty()?);
    Ok(())
}
";
