//! `--format github`: GitHub Actions workflow commands, one per problem
//! (`::error file=F,line=L,col=C,title=CODE::message`), which GitHub shows as
//! annotations on the lines of a pull request.

use std::io::{self, Write};

use super::Checked;

/// Writes the annotations of one file.
pub(crate) fn write(out: &mut impl Write, checked: &Checked) -> io::Result<()> {
    for f in &checked.findings {
        let p = &f.problem;
        let command = if f.is_error() { "error" } else { "warning" };
        let mut properties = format!("file={}", property(&f.file));
        if let Some(pos) = p.position() {
            properties.push_str(&format!(",line={},col={}", pos.line, pos.column));
        }
        properties.push_str(&format!(",title={}", property(p.code().as_str())));
        let machine = f
            .machine
            .as_deref()
            .map(|m| format!("{m}: "))
            .unwrap_or_default();
        let message = format!("{machine}{}: {}", p.path(), p.message());
        writeln!(out, "::{command} {properties}::{}", data(&message))?;
    }
    Ok(())
}

/// A message escaped as workflow commands need: `%`, CR and LF.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value escaped: as a message, and `:` and `,` too.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::{data, property};

    #[test]
    fn escapes_what_workflow_commands_would_misread() {
        assert_eq!(data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
