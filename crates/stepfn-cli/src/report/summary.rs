//! The closing line of `stepfn validate`: `12 files: 2 invalid, 5 errors, 1 warning`.

use super::Checked;
use crate::style::Style;

/// What all the files came to.
#[derive(Default)]
pub(crate) struct Totals {
    pub(crate) files: usize,
    pub(crate) definitions: usize,
    pub(crate) invalid: usize,
    pub(crate) errors: usize,
    pub(crate) warnings: usize,
}

impl Totals {
    pub(crate) fn add(&mut self, checked: &Checked) {
        self.files += 1;
        self.definitions += checked.definitions;
        self.invalid += checked.invalid;
        self.errors += checked.errors();
        self.warnings += checked.warnings();
    }

    /// The line: files (and state machines, when templates hold a different
    /// number), then invalid definitions, errors and warnings.
    pub(crate) fn line(&self, style: Style) -> String {
        let mut head = count(self.files, "file", "files");
        if self.definitions != self.files {
            head.push_str(&format!(
                ", {}",
                count(self.definitions, "definition", "definitions")
            ));
        }
        let warnings = count(self.warnings, "warning", "warnings");
        if self.invalid == 0 && self.errors == 0 {
            let verdict = if self.definitions == 0 {
                "nothing to check".to_owned()
            } else {
                style.success("all valid")
            };
            return if self.warnings == 0 {
                format!("{head}: {verdict}")
            } else {
                format!("{head}: {verdict}, {}", style.warning(&warnings))
            };
        }
        let errors = count(self.errors, "error", "errors");
        format!(
            "{head}: {}, {}, {}",
            style.error(&format!("{} invalid", self.invalid)),
            if self.errors == 0 {
                errors
            } else {
                style.error(&errors)
            },
            if self.warnings == 0 {
                warnings
            } else {
                style.warning(&warnings)
            },
        )
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::Totals;
    use crate::style::{ColorChoice, Style};

    fn line(
        files: usize,
        definitions: usize,
        invalid: usize,
        errors: usize,
        warnings: usize,
    ) -> String {
        let totals = Totals {
            files,
            definitions,
            invalid,
            errors,
            warnings,
        };
        totals.line(Style::stdout(ColorChoice::Never))
    }

    #[test]
    fn reads_as_a_sentence() {
        assert_eq!(
            line(12, 12, 2, 5, 1),
            "12 files: 2 invalid, 5 errors, 1 warning"
        );
        assert_eq!(
            line(1, 1, 1, 1, 0),
            "1 file: 1 invalid, 1 error, 0 warnings"
        );
        assert_eq!(line(3, 5, 0, 0, 0), "3 files, 5 definitions: all valid");
        assert_eq!(line(2, 2, 0, 0, 3), "2 files: all valid, 3 warnings");
        assert_eq!(
            line(1, 0, 0, 0, 0),
            "1 file, 0 definitions: nothing to check"
        );
        // warnings denied: invalid without errors
        assert_eq!(
            line(1, 1, 1, 0, 2),
            "1 file: 1 invalid, 0 errors, 2 warnings"
        );
    }
}
