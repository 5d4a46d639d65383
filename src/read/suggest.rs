//! "Did you mean ...?" for misspelled field names.

/// The candidate closest to `word` by edit distance, if it is close enough to be
/// a likely typo (at most a third of the word's length, or a case difference).
pub(crate) fn closest<'a>(
    word: &str,
    candidates: impl Iterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .map(|c| (distance(&word.to_lowercase(), &c.to_lowercase()), c))
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

/// Levenshtein distance over characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_misses_only() {
        let names = ["Resource", "ResultPath", "Retry", "Next"];
        assert_eq!(closest("Resouce", names.into_iter()), Some("Resource"));
        assert_eq!(closest("resultpath", names.into_iter()), Some("ResultPath"));
        assert_eq!(closest("Nxt", names.into_iter()), Some("Next"));
        assert_eq!(closest("Bananas", names.into_iter()), None);
    }
}
