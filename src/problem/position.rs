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

/// Bytes between two checkpoints of the character count.
const CHUNK: usize = 1024;

/// Turns byte offsets into 1-based lines and columns, each in time bounded
/// by [`CHUNK`] whatever the length of the line (a definition may be one
/// line of a megabyte).
pub(crate) struct LineIndex<'s> {
    text: &'s str,
    starts: Vec<usize>,
    /// How many characters come before byte `k * CHUNK`; empty when the
    /// text is ASCII, where characters are bytes.
    chars_before_chunk: Vec<usize>,
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
        let mut chars_before_chunk = Vec::new();
        if !text.is_ascii() {
            chars_before_chunk.reserve(text.len() / CHUNK + 1);
            let mut count = 0;
            for chunk in text.as_bytes().chunks(CHUNK) {
                chars_before_chunk.push(count);
                count += chars_in(chunk);
            }
        }
        LineIndex {
            text,
            starts,
            chars_before_chunk,
        }
    }

    /// How many characters come before byte `offset`.
    fn chars_before(&self, offset: usize) -> usize {
        if self.chars_before_chunk.is_empty() {
            return offset;
        }
        let chunk = offset / CHUNK;
        let before = self.chars_before_chunk.get(chunk).copied().unwrap_or(0);
        let rest = self
            .text
            .as_bytes()
            .get(chunk * CHUNK..offset)
            .unwrap_or_default();
        before + chars_in(rest)
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
        let column = self.chars_before(offset) - self.chars_before(start);
        Position {
            line,
            column: column + 1,
            offset,
        }
    }
}

/// The characters that start in `bytes`: every byte but UTF-8's continuation bytes.
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
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

    #[test]
    fn long_lines_count_characters_across_checkpoints() {
        let text = format!("{}\n{}x", "é".repeat(3000), "ab".repeat(2000));
        let index = LineIndex::new(&text);
        for offset in [
            0,
            2,
            1024,
            2048,
            5998,
            6000,
            6001,
            6002,
            7000,
            text.len() - 1,
        ] {
            let p = index.position(offset);
            let start = if offset > 6000 { 6001 } else { 0 };
            let expected = text[start..offset].chars().count() + 1;
            assert_eq!(p.column, expected, "{offset}");
        }
    }
}
