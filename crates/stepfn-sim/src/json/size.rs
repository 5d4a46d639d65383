//! The size of a payload as AWS counts it (bytes of its compact UTF-8 JSON
//! text) and how deeply it nests, measured in one walk with an explicit
//! stack that stops as soon as a limit is passed.

use stepfn::model::Json;

/// What a walk over a payload found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Measure {
    /// Within both limits.
    Fits,
    /// Its compact JSON text is longer than the byte limit.
    TooLarge,
    /// Objects and arrays nest deeper than the depth limit.
    TooDeep,
}

/// Measures `value` against `max_bytes` (`None`: no size limit) and
/// `max_depth` levels of objects and arrays.
pub(crate) fn measure(value: &Json, max_bytes: Option<usize>, max_depth: usize) -> Measure {
    let limit = max_bytes.unwrap_or(usize::MAX);
    let mut bytes = 0usize;
    let mut stack = Stack::default();
    stack.push((value, 0));
    while let Some((value, depth)) = stack.pop() {
        bytes = bytes.saturating_add(match value {
            Json::Array(items) => {
                if depth >= max_depth {
                    return Measure::TooDeep;
                }
                let mut own = 2 + items.len().saturating_sub(1);
                for item in items {
                    match scalar_len(item) {
                        Some(len) => own += len,
                        None => stack.push((item, depth + 1)),
                    }
                }
                own
            }
            Json::Object(members) => {
                if depth >= max_depth {
                    return Measure::TooDeep;
                }
                let mut own = 2 + members.len().saturating_sub(1);
                for (key, value) in members {
                    own = own.saturating_add(string_len(key) + 1);
                    match scalar_len(value) {
                        Some(len) => own += len,
                        None => stack.push((value, depth + 1)),
                    }
                }
                own
            }
            scalar => scalar_len(scalar).unwrap_or(0),
        });
        if bytes > limit {
            return Measure::TooLarge;
        }
    }
    Measure::Fits
}

/// A stack of values still to measure: the first few on the stack frame,
/// the rest on the heap, so small payloads cost no allocation.
#[derive(Default)]
struct Stack<'a> {
    inline: [Option<(&'a Json, usize)>; 16],
    len: usize,
    spill: Vec<(&'a Json, usize)>,
}

impl<'a> Stack<'a> {
    fn push(&mut self, item: (&'a Json, usize)) {
        match self.inline.get_mut(self.len) {
            Some(slot) => {
                *slot = Some(item);
                self.len += 1;
            }
            None => self.spill.push(item),
        }
    }

    fn pop(&mut self) -> Option<(&'a Json, usize)> {
        if let Some(item) = self.spill.pop() {
            return Some(item);
        }
        self.len = self.len.checked_sub(1)?;
        self.inline.get_mut(self.len).and_then(Option::take)
    }
}

/// The JSON text length of a scalar; `None` for an array or object.
#[inline]
fn scalar_len(value: &Json) -> Option<usize> {
    Some(match value {
        Json::Null | Json::Bool(true) => 4,
        Json::Bool(false) => 5,
        Json::Number(n) => number_len(n),
        Json::String(s) => string_len(s),
        Json::Array(_) | Json::Object(_) => return None,
    })
}

/// Length of a number's JSON text.
fn number_len(n: &stepfn::model::Number) -> usize {
    if let Some(u) = n.as_u64() {
        return digits(u);
    }
    if let Some(i) = n.as_i64() {
        return 1 + digits(i.unsigned_abs());
    }
    n.to_string().len()
}

/// Decimal digits of `u`.
fn digits(u: u64) -> usize {
    u.checked_ilog10().map_or(1, |log| log as usize + 1)
}

/// Length of a string's JSON text: quotes, UTF-8 bytes and escapes.
fn string_len(s: &str) -> usize {
    let mut len = s.len() + 2;
    for b in s.bytes() {
        match b {
            b'"' | b'\\' | b'\n' | b'\r' | b'\t' | 0x08 | 0x0c => len += 1,
            0..=0x1f => len += 5,
            _ => {}
        }
    }
    len
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_the_compact_text_exactly() {
        for text in [
            r#"{"a":[1,2,{"b":"x\"y\n\u0001"}],"c":null,"d":true,"e":false,"f":-12,"g":1.5}"#,
            "[]",
            "{}",
            r#""é""#,
        ] {
            let value: Json = serde_json::from_str(text).unwrap();
            let len = serde_json::to_string(&value).unwrap().len();
            assert_eq!(measure(&value, Some(len), 10), Measure::Fits, "{text}");
            assert_eq!(
                measure(&value, Some(len - 1), 10),
                Measure::TooLarge,
                "{text}"
            );
        }
    }

    #[test]
    fn depth_is_bounded() {
        let value: Json = serde_json::from_str("[[[1]]]").unwrap();
        assert_eq!(measure(&value, None, 3), Measure::Fits);
        assert_eq!(measure(&value, None, 2), Measure::TooDeep);
    }
}
