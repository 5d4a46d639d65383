//! `${Name}` placeholders replaced in assembled text, as CloudFormation's
//! `Fn::Sub` and Step Functions' `DefinitionSubstitutions` do; what replaces a
//! placeholder maps back to where the placeholder was written.

use super::mapped::Mapped;

/// `input` with each `${name}` for which `replace` gives a text replaced by
/// it; other placeholders are kept as written.
pub(crate) fn substitute(
    input: &Mapped,
    mut replace: impl FnMut(&str) -> Option<String>,
) -> Mapped {
    let text = input.text();
    let mut out = Mapped::default();
    let mut copied = 0usize;
    let mut from = 0usize;
    while let Some(found) = text.get(from..).and_then(|rest| rest.find("${")) {
        let start = from + found;
        let Some(close) = text.get(start + 2..).and_then(|rest| rest.find('}')) else {
            break;
        };
        let end = start + 2 + close;
        let name = text.get(start + 2..end).unwrap_or_default();
        match replace(name) {
            Some(value) => {
                out.push_from(input, copied..start);
                out.push_at(&value, input.source_offset(start).unwrap_or(0));
                copied = end + 1;
                from = end + 1;
            }
            None => from = start + 2,
        }
    }
    out.push_from(input, copied..text.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_known_names_and_keeps_the_rest() {
        let mut input = Mapped::default();
        input.push_copied("a ${X} b ${Y} ${!Z} c", 100);
        let out = substitute(&input, |name| match name {
            "X" => Some("xx".into()),
            n if n.starts_with('!') => Some(format!("${{{}}}", &n[1..])),
            _ => None,
        });
        assert_eq!(out.text(), "a xx b ${Y} ${Z} c");
        assert_eq!(out.source_offset(2), Some(102));
        assert_eq!(out.source_offset(3), Some(102));
        assert_eq!(out.source_offset(5), Some(107));
        assert_eq!(out.source_offset(7), Some(109));
    }
}
