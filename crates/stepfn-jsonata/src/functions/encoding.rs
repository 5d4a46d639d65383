//! `$base64encode`, `$base64decode`, `$encodeUrl`, `$encodeUrlComponent`,
//! `$decodeUrl`, `$decodeUrlComponent`, as Node.js does them.

use stepfn::syntax::jsonata::LONE_SURROGATE;

use super::arg;
use crate::error::{Fault, FaultExt, Result};
use crate::eval::Ctx;
use crate::value::Value;

/// The base64 alphabet.
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Applies `f` to a string argument; undefined stays undefined.
fn with_string<'a>(
    ctx: &Ctx<'a>,
    args: &[Value<'a>],
    f: impl FnOnce(&str) -> Option<String>,
    name: &'static str,
) -> Result<Value<'a>> {
    let Value::String(s) = arg(args, 0) else {
        return Ok(Value::Undefined);
    };
    ctx.steps_n((s.len() / 64) as u64)?;
    match f(s) {
        Some(out) => Ok(Value::String(ctx.alloc_str(&out))),
        None => Err(Fault::new("D3140")
            .token(name)
            .value(ctx.describe(Value::String(s)))),
    }
}

/// `$base64encode(string)`: each UTF-16 unit as one byte (Node's "binary").
pub(crate) fn base64encode<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    with_string(
        ctx,
        args,
        |s| {
            let bytes: Vec<u8> = s.encode_utf16().map(|u| u.to_le_bytes()[0]).collect();
            Some(encode(&bytes))
        },
        "base64encode",
    )
}

/// Base64 of `bytes`, padded.
pub(crate) fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18u32, 12, 6, 0].iter().enumerate() {
            if i <= chunk.len() {
                let index = usize::try_from((n >> shift) & 63).unwrap_or(0);
                out.push(char::from(ALPHABET.get(index).copied().unwrap_or(b'A')));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// `$base64decode(string)`: the bytes as characters U+0000–U+00FF (Node's
/// "binary"); characters outside the alphabet are skipped, as Node does.
pub(crate) fn base64decode<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    with_string(
        ctx,
        args,
        |s| Some(decode(s).into_iter().map(char::from).collect()),
        "base64decode",
    )
}

/// Decodes base64 (standard or URL-safe alphabet) leniently.
pub(crate) fn decode(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() / 4 * 3);
    let mut buffer = 0u32;
    let mut bits = 0u32;
    for c in s.bytes() {
        let value = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => break,
            _ => continue,
        };
        buffer = (buffer << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from((buffer >> bits) & 0xff).unwrap_or(0));
        }
    }
    out
}

/// Percent-encodes every character not in `keep` (nor an ASCII letter or
/// digit); `None` for a string holding a lone surrogate, which JavaScript's
/// `encodeURI` and `encodeURIComponent` refuse.
fn percent_encode(s: &str, keep: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == LONE_SURROGATE {
            return None;
        }
        if c.is_ascii_alphanumeric() || keep.contains(c) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    Some(out)
}

/// Characters `encodeURIComponent` leaves alone (besides letters and digits).
const COMPONENT_SAFE: &str = "-_.!~*'()";

/// Characters `encodeURI` also leaves alone.
const URI_RESERVED: &str = ";,/?:@&=+$#";

/// `$encodeUrlComponent(string)`.
pub(crate) fn encode_url_component<'a>(
    ctx: &Ctx<'a>,
    args: &[Value<'a>],
    _: usize,
) -> Result<Value<'a>> {
    with_string(
        ctx,
        args,
        |s| percent_encode(s, COMPONENT_SAFE),
        "encodeUrlComponent",
    )
}

/// `$encodeUrl(string)`.
pub(crate) fn encode_url<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    let keep = format!("{COMPONENT_SAFE}{URI_RESERVED}");
    with_string(ctx, args, |s| percent_encode(s, &keep), "encodeUrl")
}

/// Decodes `%XX` sequences as UTF-8, leaving sequences that decode to a
/// character of `reserved` as written; `None` for a malformed sequence.
fn percent_decode(s: &str, reserved: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut i = 0;
    let hex = |i: usize| -> Option<u8> {
        let h = bytes.get(i..i + 2)?;
        let text = std::str::from_utf8(h).ok()?;
        u8::from_str_radix(text, 16).ok()
    };
    while let Some(&b) = bytes.get(i) {
        if b != b'%' {
            out.push(b);
            i += 1;
            continue;
        }
        let first = hex(i + 1)?;
        let len = match first {
            0x00..=0x7f => 1,
            0xc2..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf4 => 4,
            _ => return None,
        };
        let mut sequence = vec![first];
        for k in 1..len {
            let at = i + 3 * k;
            if bytes.get(at) != Some(&b'%') {
                return None;
            }
            sequence.push(hex(at + 1)?);
        }
        let decoded = std::str::from_utf8(&sequence).ok()?;
        if len == 1 && reserved.contains(char::from(first)) {
            out.extend_from_slice(bytes.get(i..i + 3)?);
        } else {
            out.extend_from_slice(decoded.as_bytes());
        }
        i += 3 * len;
    }
    String::from_utf8(out).ok()
}

/// `$decodeUrlComponent(string)`.
pub(crate) fn decode_url_component<'a>(
    ctx: &Ctx<'a>,
    args: &[Value<'a>],
    _: usize,
) -> Result<Value<'a>> {
    with_string(ctx, args, |s| percent_decode(s, ""), "decodeUrlComponent")
}

/// `$decodeUrl(string)`.
pub(crate) fn decode_url<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    with_string(ctx, args, |s| percent_decode(s, URI_RESERVED), "decodeUrl")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trip() {
        assert_eq!(encode(b"hello"), "aGVsbG8=");
        assert_eq!(encode(b""), "");
        assert_eq!(encode(b"ab"), "YWI=");
        assert_eq!(decode("aGVsbG8="), b"hello");
        assert_eq!(decode("aGVs bG8"), b"hello");
    }

    #[test]
    fn percent_coding() {
        assert_eq!(
            percent_encode("a b/é", COMPONENT_SAFE).as_deref(),
            Some("a%20b%2F%C3%A9")
        );
        assert_eq!(
            percent_encode("\u{fffd}", COMPONENT_SAFE).as_deref(),
            Some("%EF%BF%BD")
        );
        assert_eq!(percent_encode("a\u{ffff}b", COMPONENT_SAFE), None);
        assert_eq!(
            percent_decode("a%20b%2F%C3%A9", ""),
            Some("a b/é".to_string())
        );
        assert_eq!(
            percent_decode("%2F%20", URI_RESERVED),
            Some("%2F ".to_string())
        );
        assert_eq!(percent_decode("%E0%A4%A", ""), None);
        assert_eq!(percent_decode("%C3", ""), None);
    }
}
