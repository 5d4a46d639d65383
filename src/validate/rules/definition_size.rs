//! A definition is at most 1,048,576 characters. Text is measured as
//! given; a model as its compact JSON, the smallest text it can be sent as.

use std::io;

use crate::problem::Path;
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::Code;

pub(crate) const MAX_CHARS: usize = 1_048_576;

pub(crate) fn check(found: &mut Findings<'_>, machine: &Definition<'_>) {
    let chars = match found.source_chars {
        Some(chars) => chars,
        None if found.too_deep => return,
        None => {
            let mut counter = CharCounter(0);
            if serde_json::to_writer(&mut counter, machine.model()).is_err() {
                return;
            }
            counter.0
        }
    };
    if chars > MAX_CHARS {
        found.error(
            Path::root(),
            Code::DefinitionTooLarge,
            format!(
                "the definition has {chars} characters; AWS accepts at most {MAX_CHARS}: \
                 move large payloads out of the definition or split it into child state machines"
            ),
        );
    }
}

/// Counts the characters of UTF-8 output without storing it.
struct CharCounter(usize);

impl io::Write for CharCounter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.iter().filter(|&&b| (b & 0xC0) != 0x80).count();
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::MAX_CHARS;
    use crate::validate::rules::test_util::paths;
    use crate::validate::Validator;
    use crate::Code;

    #[test]
    fn flags_a_definition_over_one_mebibyte_from_text_and_from_a_model() {
        let comment = "é".repeat(MAX_CHARS);
        let text = format!(
            r#"{{"Comment": "{comment}", "StartAt": "A", "States": {{"A": {{"Type": "Succeed"}}}}}}"#
        );
        assert_eq!(paths(&text, Code::DefinitionTooLarge), ["(root)"]);
        let machine = crate::read::read_str(&text).unwrap();
        let report = Validator::new().check(&machine);
        assert_eq!(report.errors()[0].code(), Code::DefinitionTooLarge);
        let small = r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#;
        assert!(paths(small, Code::DefinitionTooLarge).is_empty());
    }
}
