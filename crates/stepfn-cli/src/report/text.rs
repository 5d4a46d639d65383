//! `--format text`: one line per problem, `file:line:col: machine: path:
//! CODE: message`, the machine only for a template's state machine and
//! warnings marked `warning:`.

use std::io::{self, Write};

use super::{Checked, Finding};
use crate::style::Style;

/// Writes the problems of one file.
pub(crate) fn write(out: &mut impl Write, checked: &Checked, style: Style) -> io::Result<()> {
    for finding in &checked.findings {
        writeln!(out, "{}", line(finding, style))?;
    }
    Ok(())
}

/// One problem as a line.
pub(crate) fn line(finding: &Finding, style: Style) -> String {
    let p = &finding.problem;
    let at = match p.position() {
        Some(pos) => format!("{}:{}:{}:", finding.file, pos.line, pos.column),
        None => format!("{}:", finding.file),
    };
    let machine = finding
        .machine
        .as_deref()
        .map(|m| format!(" {m}:"))
        .unwrap_or_default();
    let code = p.code().as_str();
    let code = if finding.is_error() {
        style.error(code)
    } else {
        format!("{}: {}", style.warning(code), style.warning("warning"))
    };
    format!(
        "{}{machine} {}: {code}: {}",
        style.location(&at),
        p.path(),
        p.message()
    )
}
