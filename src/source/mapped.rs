//! Text assembled from pieces of a file, remembering where each piece came
//! from: a definition built from a template's `Fn::Join` parts, a YAML
//! definition written out as JSON, a string with its escapes decoded. Any
//! byte offset in the assembled text maps back to a byte offset in the file.

/// Where a stretch of assembled text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Anchor {
    /// The offset in the assembled text where the stretch starts.
    at: u32,
    /// The offset in the file it came from.
    source: u32,
    /// Whether the stretch is the file's text byte for byte (offsets inside
    /// it map one to one), or stands for the value at `source` as a whole.
    copied: bool,
}

/// Assembled text and where its pieces came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Mapped {
    text: String,
    anchors: Vec<Anchor>,
}

impl Mapped {
    /// The text assembled so far.
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    /// The text, giving up the map.
    pub(crate) fn into_text(self) -> String {
        self.text
    }

    fn len(&self) -> u32 {
        u32::try_from(self.text.len()).unwrap_or(u32::MAX)
    }

    fn anchor(&mut self, source: u32, copied: bool) {
        let at = self.len();
        if let Some(last) = self.anchors.last() {
            // A copy that carries on where the previous one stopped needs no anchor.
            if copied && last.copied && last.source.saturating_add(at - last.at) == source {
                return;
            }
            if last.at == at {
                self.anchors.pop();
            }
        }
        self.anchors.push(Anchor { at, source, copied });
    }

    /// Appends `text`, which stands for the value at `source` as a whole
    /// (a resolved `Ref`, a quoted key, a substituted value).
    pub(crate) fn push_at(&mut self, text: &str, source: u32) {
        if text.is_empty() {
            return;
        }
        self.anchor(source, false);
        self.text.push_str(text);
    }

    /// Appends `text`, copied from the file byte for byte at `source`.
    pub(crate) fn push_copied(&mut self, text: &str, source: u32) {
        if text.is_empty() {
            return;
        }
        self.anchor(source, true);
        self.text.push_str(text);
    }

    /// Appends the decoded `value` of a string whose written form is `raw`,
    /// starting at `source` in the file. Each character is matched with the
    /// written text in order: equal characters are copies, an escape sequence
    /// (when `escapes`) stands for one character, and anything else in the
    /// written text (indentation, quotes, folded line breaks) is skipped.
    /// One pass over each; characters left when `raw` runs out map to its end.
    pub(crate) fn push_aligned(&mut self, value: &str, raw: &str, source: u32, escapes: bool) {
        let mut r = 0usize;
        let raw_bytes = raw.as_bytes();
        let offset = |r: usize| source.saturating_add(u32::try_from(r).unwrap_or(u32::MAX));
        for ch in value.chars() {
            let mut buf = [0u8; 4];
            let piece: &str = ch.encode_utf8(&mut buf);
            loop {
                let Some(written) = raw.get(r..).and_then(|rest| rest.chars().next()) else {
                    self.push_at(piece, offset(raw.len()));
                    break;
                };
                if escapes && written == '\\' {
                    self.push_at(piece, offset(r));
                    r += escape_len(raw_bytes.get(r..).unwrap_or_default());
                    break;
                }
                if written == ch {
                    self.push_copied(piece, offset(r));
                    r += written.len_utf8();
                    break;
                }
                r += written.len_utf8();
            }
        }
    }

    /// Appends `range` of `other`, keeping where its pieces came from.
    pub(crate) fn push_from(&mut self, other: &Mapped, range: std::ops::Range<usize>) {
        let Some(text) = other.text.get(range.clone()) else {
            return;
        };
        let start = u32::try_from(range.start).unwrap_or(u32::MAX);
        let end = u32::try_from(range.end).unwrap_or(u32::MAX);
        let first = other.anchors.partition_point(|a| a.at <= start);
        let mut pieces: Vec<(u32, u32, bool)> = Vec::new();
        if let Some(a) = first.checked_sub(1).and_then(|i| other.anchors.get(i)) {
            let source = if a.copied {
                a.source.saturating_add(start - a.at)
            } else {
                a.source
            };
            pieces.push((start, source, a.copied));
        }
        for a in other.anchors.get(first..).unwrap_or_default() {
            if a.at >= end {
                break;
            }
            pieces.push((a.at, a.source, a.copied));
        }
        let base = self.len();
        if pieces.is_empty() {
            self.text.push_str(text);
            return;
        }
        for (i, &(at, source, copied)) in pieces.iter().enumerate() {
            let until = pieces.get(i + 1).map_or(end, |p| p.0);
            let piece = other
                .text
                .get(at as usize..until as usize)
                .unwrap_or_default();
            debug_assert_eq!(self.len(), base + (at - start));
            if copied {
                self.push_copied(piece, source);
            } else {
                self.push_at(piece, source);
            }
        }
    }

    /// The byte offset in the file of byte `at` of the assembled text.
    pub(crate) fn source_offset(&self, at: usize) -> Option<u32> {
        let at = u32::try_from(at).unwrap_or(u32::MAX);
        let i = self
            .anchors
            .partition_point(|a| a.at <= at)
            .checked_sub(1)?;
        let a = self.anchors.get(i)?;
        Some(if a.copied {
            a.source.saturating_add(at - a.at)
        } else {
            a.source
        })
    }
}

/// The length of the escape sequence `written` starts with (`\n`, `\u00e9`,
/// a surrogate pair written as two `\u` escapes, YAML's `\x41` and
/// `\U0001F600`).
fn escape_len(written: &[u8]) -> usize {
    let hex = |n: usize| {
        written
            .get(2..2 + n)
            .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit))
    };
    match written.get(1) {
        Some(b'u') if hex(4) => {
            let pair = written.get(6..8) == Some(b"\\u")
                && written
                    .get(8..12)
                    .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit));
            let high = matches!(written.get(2), Some(b'd' | b'D'))
                && written.get(3).is_some_and(|b| b"89abAB".contains(b));
            if pair && high {
                12
            } else {
                6
            }
        }
        Some(b'x') if hex(2) => 4,
        Some(b'U') if hex(8) => 10,
        Some(_) => 2,
        None => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::Mapped;

    #[test]
    fn a_json_string_maps_each_character_past_its_escapes() {
        let file = r#"{"S": "{\"StartAt\": \"A\"}"}"#;
        let raw_at = 7;
        let value = r#"{"StartAt": "A"}"#;
        let mut m = Mapped::default();
        m.push_aligned(value, &file[raw_at..], 7, true);
        assert_eq!(m.text(), value);
        let at = |needle: &str| m.source_offset(value.find(needle).unwrap()).unwrap() as usize;
        assert_eq!(&file[at("StartAt")..at("StartAt") + 7], "StartAt");
        assert_eq!(&file[at("\"A")..at("\"A") + 3], "\\\"A");
    }

    #[test]
    fn a_yaml_block_skips_indentation() {
        let file = "S: |\n    {\n      \"StartAt\": \"A\"\n    }\n";
        let value = "{\n  \"StartAt\": \"A\"\n}\n";
        let mut m = Mapped::default();
        m.push_aligned(value, &file[5..], 5, false);
        let at = m.source_offset(value.find("\"A\"").unwrap()).unwrap() as usize;
        assert_eq!(&file[at..at + 3], "\"A\"");
    }

    #[test]
    fn pieces_copied_from_another_text_keep_their_places() {
        let mut a = Mapped::default();
        a.push_copied("abc", 100);
        a.push_at("XYZ", 7);
        a.push_copied("def", 200);
        let mut b = Mapped::default();
        b.push_at("<", 0);
        b.push_from(&a, 1..8);
        assert_eq!(b.text(), "<bcXYZde");
        assert_eq!(b.source_offset(1), Some(101));
        assert_eq!(b.source_offset(2), Some(102));
        assert_eq!(b.source_offset(4), Some(7));
        assert_eq!(b.source_offset(6), Some(200));
        assert_eq!(b.source_offset(0), Some(0));
    }

    #[test]
    fn surrogate_pairs_are_one_escape() {
        let raw = r#"\ud83d\ude00x""#;
        let mut m = Mapped::default();
        m.push_aligned("😀x", raw, 0, true);
        assert_eq!(m.source_offset(4), Some(12));
    }
}
