//! The path of the value being decoded, kept on the call stack.

use crate::problem::Path;

/// One step of a path.
#[derive(Debug, Clone, Copy)]
enum Step<'a> {
    /// The document itself (renders as nothing).
    Root,
    /// An object member.
    Key(&'a str),
    /// An array element.
    Index(usize),
}

/// A path built on the call stack as the decoder descends: each level borrows
/// its parent, so nothing is allocated unless a problem is reported.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Loc<'a> {
    parent: Option<&'a Loc<'a>>,
    step: Step<'a>,
}

impl<'a> Loc<'a> {
    pub(crate) const ROOT: Loc<'static> = Loc {
        parent: None,
        step: Step::Root,
    };

    pub(crate) fn key(&'a self, key: &'a str) -> Loc<'a> {
        Loc {
            parent: Some(self),
            step: Step::Key(key),
        }
    }

    pub(crate) fn index(&'a self, index: usize) -> Loc<'a> {
        Loc {
            parent: Some(self),
            step: Step::Index(index),
        }
    }

    /// The owned path, built by walking up to the root.
    pub(crate) fn path(&self) -> Path {
        let mut steps = Vec::new();
        let mut at = Some(self);
        while let Some(loc) = at {
            steps.push(loc.step);
            at = loc.parent;
        }
        steps
            .into_iter()
            .rev()
            .fold(Path::root(), |path, step| match step {
                Step::Root => path,
                Step::Key(key) => path.key(key),
                Step::Index(index) => path.index(index),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::Loc;

    #[test]
    fn builds_the_path_from_the_stack() {
        let states = Loc::ROOT.key("States");
        let fetch = states.key("Fetch");
        let retry = fetch.key("Retry");
        let second = retry.index(1);
        assert_eq!(
            second.key("BackoffRate").path(),
            "States.Fetch.Retry[1].BackoffRate"
        );
        assert_eq!(
            states.key("Say hi").key("Next").path(),
            r#"States["Say hi"].Next"#
        );
        assert_eq!(Loc::ROOT.path(), "(root)");
    }
}
