//! Base64 with the standard alphabet and `=` padding, as Java's encoder
//! writes it. Decoding skips line breaks (MIME data) and accepts missing
//! padding.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// The Base64 text of `bytes`.
pub(super) fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The bytes Base64 `text` holds; `None` when it is not Base64.
pub(super) fn decode(text: &str) -> Option<Vec<u8>> {
    let mut sextets = Vec::with_capacity(text.len());
    let mut padding = 0;
    for c in text.bytes() {
        match c {
            b'\r' | b'\n' => {}
            b'=' => padding += 1,
            _ if padding > 0 => return None,
            _ => sextets.push(u8::try_from(ALPHABET.iter().position(|&a| a == c)?).ok()?),
        }
    }
    if padding > 2 || sextets.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(sextets.len() * 3 / 4);
    for chunk in sextets.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &s)| n | (u32::from(s) << (18 - 6 * i)));
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_and_decodes() {
        assert_eq!(encode(b"Data to encode"), "RGF0YSB0byBlbmNvZGU=");
        assert_eq!(encode(b""), "");
        assert_eq!(encode(b"a"), "YQ==");
        assert_eq!(encode(b"ab"), "YWI=");
        assert_eq!(decode("RGF0YSB0byBlbmNvZGU=").unwrap(), b"Data to encode");
        assert_eq!(decode("YQ").unwrap(), b"a");
        assert!(decode("Y").is_none());
        assert!(decode("Y$==").is_none());
        assert!(decode("YQ==YQ").is_none());
    }
}
