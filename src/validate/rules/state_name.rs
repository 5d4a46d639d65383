//! A state name is 1 to 80 characters (G4).

use crate::validate::cx::Cx;
use crate::validate::walk::{Entry, Index};
use crate::Code;

const MAX_CHARS: usize = 80;

pub(crate) fn check(cx: &mut Cx<'_>, ix: &Index<'_>, entry: usize, e: &Entry<'_>) {
    let chars = e.name.chars().count();
    if chars == 0 {
        cx.error(
            ix.state_at(entry),
            Code::InvalidStateName,
            "a state name cannot be empty",
        );
    } else if chars > MAX_CHARS {
        cx.error(
            ix.state_at(entry),
            Code::InvalidStateName,
            format!("the state name has {chars} characters; AWS allows at most {MAX_CHARS}"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::paths;
    use crate::Code;

    #[test]
    fn allows_80_characters_and_not_81() {
        for (len, bad) in [(80, false), (81, true)] {
            let name = "é".repeat(len);
            let text = format!(
                r#"{{"StartAt": "{name}", "States": {{"{name}": {{"Type": "Succeed"}}}}}}"#
            );
            assert_eq!(
                !paths(&text, Code::InvalidStateName).is_empty(),
                bad,
                "{len}"
            );
        }
    }
}
