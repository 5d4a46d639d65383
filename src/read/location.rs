//! Paths into the document (`States.Fetch.Retry[1]`) and line:column positions.

/// One step of a path.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Step<'a> {
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

    /// Renders `States.Fetch.Retry[1].BackoffRate`; keys that are not plain
    /// words are quoted: `States["Say hi"].Next`.
    pub(crate) fn render(&self) -> String {
        let mut steps = Vec::new();
        let mut at = Some(self);
        while let Some(loc) = at {
            steps.push(loc.step);
            at = loc.parent;
        }
        render(steps.into_iter().rev())
    }
}

/// Renders a path from its steps, first step first (`(root)` when there are none).
pub(crate) fn render<'a>(steps: impl Iterator<Item = Step<'a>>) -> String {
    let mut out = String::new();
    for step in steps {
        match step {
            Step::Root => {}
            Step::Key(k) if is_plain(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Key(k) => {
                out.push('[');
                out.push_str(&serde_json::to_string(k).unwrap_or_default());
                out.push(']');
            }
            Step::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    if out.is_empty() {
        out.push_str("(root)");
    }
    out
}

fn is_plain(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

/// Turns byte offsets into 1-based line and column (columns count characters).
pub(crate) struct LineIndex<'s> {
    text: &'s str,
    starts: Vec<usize>,
}

impl<'s> LineIndex<'s> {
    pub(crate) fn new(text: &'s str) -> LineIndex<'s> {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { text, starts }
    }

    pub(crate) fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line, column + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_dotted_paths_with_indexes_and_quoted_keys() {
        let states = Loc::ROOT.key("States");
        let fetch = states.key("Fetch");
        let retry = fetch.key("Retry");
        let second = retry.index(1);
        assert_eq!(
            second.key("BackoffRate").render(),
            "States.Fetch.Retry[1].BackoffRate"
        );
        assert_eq!(
            states.key("Say hi").key("Next").render(),
            r#"States["Say hi"].Next"#
        );
        assert_eq!(Loc::ROOT.render(), "(root)");
    }

    #[test]
    fn finds_lines_and_character_columns() {
        let index = LineIndex::new("{\n  \"é\": x\n}");
        assert_eq!(index.line_column(0), (1, 1));
        assert_eq!(index.line_column(4), (2, 3));
        assert_eq!(index.line_column(10), (2, 8));
        assert_eq!(index.line_column(999), (3, 2));
    }
}
