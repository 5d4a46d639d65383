//! ARNs taken apart at their colons without allocating.

/// The parts of a text split at its first `N - 1` colons, as
/// `str::splitn(N, ':')` gives them: the last part holds the rest of the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Parts<'t, const N: usize> {
    parts: [&'t str; N],
    len: usize,
}

impl<'t, const N: usize> Parts<'t, N> {
    /// The parts found, in order.
    pub(crate) fn as_slice(&self) -> &[&'t str] {
        self.parts.get(..self.len).unwrap_or_default()
    }
}

/// `text` split as `text.splitn(N, ':')` splits it (a byte loop: ARNs are
/// short, and `str::splitn` costs more than the search on them).
pub(crate) fn split_colons<const N: usize>(text: &str) -> Parts<'_, N> {
    let mut parts = [""; N];
    let mut len = 0;
    let mut rest = text;
    while len + 1 < N {
        let Some(colon) = rest.bytes().position(|b| b == b':') else {
            break;
        };
        if let Some(slot) = parts.get_mut(len) {
            *slot = rest.get(..colon).unwrap_or_default();
        }
        rest = rest.get(colon + 1..).unwrap_or_default();
        len += 1;
    }
    if let Some(slot) = parts.get_mut(len) {
        *slot = rest;
        len += 1;
    }
    Parts { parts, len }
}

#[cfg(test)]
mod tests {
    use super::split_colons;

    #[test]
    fn splits_as_splitn_does() {
        for text in [
            "",
            ":",
            "arn:aws:states:::lambda:invoke",
            "arn:aws:states:::aws-sdk:s3:getObject:extra",
            "arn:aws:lambda:us-east-1:123:function:f:$LATEST",
            "no colons",
            "a::b:",
            "é:ü::",
        ] {
            let expected: Vec<&str> = text.splitn(6, ':').collect();
            assert_eq!(split_colons::<6>(text).as_slice(), expected, "{text:?}");
            let expected: Vec<&str> = text.splitn(7, ':').collect();
            assert_eq!(split_colons::<7>(text).as_slice(), expected, "{text:?}");
            assert_eq!(split_colons::<1>(text).as_slice(), [text], "{text:?}");
        }
    }
}
