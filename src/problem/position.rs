//! Line and column positions in source text.

/// Where a problem is in the source text: 1-based line and column (columns
/// count characters, not bytes) and the byte offset.
///
/// ```
/// let report = stepfn::validate::Validator::new()
///     .check_str("{\n  \"StartAt\": \"Missing\",\n  \"States\": {}\n}");
/// let position = report.errors()[0].position().expect("read from text");
/// assert_eq!((position.line, position.column), (2, 14));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Position {
    /// The 1-based line.
    pub line: usize,
    /// The 1-based column, in characters.
    pub column: usize,
    /// The byte offset from the start of the text.
    pub offset: usize,
}

/// Turns byte offsets into 1-based lines and columns.
pub(crate) struct LineIndex<'s> {
    text: &'s str,
    starts: Vec<usize>,
}

impl<'s> LineIndex<'s> {
    /// Indexes the line starts of `text` (one pass).
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

    /// The position of byte `offset` (clamped to the text's end).
    pub(crate) fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self
            .starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0);
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        Position {
            line,
            column: column + 1,
            offset,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::LineIndex;

    #[test]
    fn finds_lines_and_character_columns() {
        let index = LineIndex::new("{\n  \"é\": x\n}");
        let at = |offset| {
            let p = index.position(offset);
            (p.line, p.column)
        };
        assert_eq!(at(0), (1, 1));
        assert_eq!(at(4), (2, 3));
        assert_eq!(at(10), (2, 8));
        assert_eq!(at(999), (3, 2));
    }
}
