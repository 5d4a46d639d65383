//! "Did you mean ...?": the closest known name to a misspelled one.
//!
//! Suggesting must never cost more than the rest of the work: words longer
//! than [`MAX_WORD`] characters get no suggestion, candidates whose length
//! alone rules them out are skipped without comparing, the distance is
//! computed in a band that stops as soon as it exceeds the limit, and a
//! [`Budget`] caps the total work of one read or validation.

/// Words (and candidates) longer than this get no suggestion.
pub(crate) const MAX_WORD: usize = 64;

/// How much comparing one read or validation may spend on suggestions, in
/// characters looked at and compared.
#[derive(Debug)]
pub(crate) struct Budget(usize);

impl Default for Budget {
    fn default() -> Budget {
        Budget(1_000_000)
    }
}

impl Budget {
    /// The candidate closest to `word`, if it is close enough to be a likely
    /// typo: at most one edit per three characters apart (one for a
    /// two-character word, none for one character), ignoring case.
    /// `None` once the budget is spent.
    pub(crate) fn closest<'a>(
        &mut self,
        word: &str,
        candidates: impl IntoIterator<Item = &'a str>,
    ) -> Option<&'a str> {
        let word: Vec<char> = word
            .chars()
            .take(MAX_WORD + 1)
            .flat_map(char::to_lowercase)
            .collect();
        if word.len() > MAX_WORD || word.is_empty() {
            return None;
        }
        // One edit per three characters, and one for a two-character word;
        // a single character only matches when it differs in case.
        let limit = if word.len() >= 2 {
            (word.len() / 3).max(1)
        } else {
            0
        };
        let mut best: Option<(usize, &'a str)> = None;
        let mut candidate_chars = Vec::with_capacity(MAX_WORD);
        for candidate in candidates {
            if self.0 == 0 {
                return None;
            }
            // Looking at a candidate costs its length, compared or not.
            self.0 = self.0.saturating_sub(1 + candidate.len().min(4 * MAX_WORD));
            // A character is at most 4 bytes: a cheap length test before decoding.
            if candidate.len() > 4 * (word.len() + limit) {
                continue;
            }
            candidate_chars.clear();
            candidate_chars.extend(candidate.chars().flat_map(char::to_lowercase));
            if candidate_chars.len().abs_diff(word.len()) > limit {
                continue;
            }
            let bound = best.map_or(limit, |(d, _)| d.min(limit));
            let cost = word.len() * (2 * bound + 1);
            self.0 = self.0.saturating_sub(cost);
            if let Some(d) = distance_within(&word, &candidate_chars, bound) {
                if best.is_none_or(|(b, _)| d < b) {
                    best = Some((d, candidate));
                }
            }
        }
        best.map(|(_, c)| c)
    }
}

/// The closest candidate with a fresh budget, for one-off suggestions over a
/// short, fixed list of names (field names, function names).
pub(crate) fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    Budget::default().closest(word, candidates)
}

/// The edit distance between `a` and `b` (insertions, deletions,
/// substitutions, and swaps of two neighbouring characters, so that `CVS` is
/// one edit from `CSV`) if it is at most `limit`, computed only in the band of
/// width `2 * limit + 1` around the diagonal.
pub(crate) fn distance_within(a: &[char], b: &[char], limit: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let infinity = limit + 1;
    // Rows i-2, i-1 and i of the table: row[j] is the distance between
    // a[..i] and b[..j], for j in the band.
    let mut before: Vec<usize> = vec![infinity; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).map(|j| j.min(infinity)).collect();
    let mut current = vec![infinity; b.len() + 1];
    let mut previous_min = 0;
    for (i, &ca) in a.iter().enumerate() {
        let low = (i + 1).saturating_sub(limit);
        let high = (i + 1 + limit).min(b.len());
        current.fill(infinity);
        if low == 0 {
            current[0] = (i + 1).min(infinity);
        }
        let mut row_min = current[0];
        for j in low.max(1)..=high {
            let cb = b[j - 1];
            let substitution = previous[j - 1] + usize::from(ca != cb);
            let deletion = previous[j] + 1;
            let insertion = current[j - 1] + 1;
            let mut d = substitution.min(deletion).min(insertion);
            if i > 0 && j > 1 && ca == b[j - 2] && a[i - 1] == cb {
                d = d.min(before[j - 2] + 1);
            }
            let d = d.min(infinity);
            current[j] = d;
            row_min = row_min.min(d);
        }
        // A swap reaches back two rows: give up only when two rows in a row
        // are already over the limit.
        if row_min > limit && previous_min > limit {
            return None;
        }
        previous_min = row_min;
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    let d = previous[b.len()];
    (d <= limit).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn suggests_near_misses_only() {
        let names = ["Resource", "ResultPath", "Retry", "Next"];
        assert_eq!(closest("Resouce", names), Some("Resource"));
        assert_eq!(closest("resultpath", names), Some("ResultPath"));
        assert_eq!(closest("Nxt", names), Some("Next"));
        assert_eq!(closest("Bananas", names), None);
        assert_eq!(closest("CVS", ["CSV", "JSON", "JSONL"]), Some("CSV"));
        assert_eq!(closest("", names), None);
    }

    #[test]
    fn banded_distance_agrees_with_the_full_one() {
        fn full(a: &[char], b: &[char]) -> usize {
            let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
            for (i, row) in d.iter_mut().enumerate() {
                row[0] = i;
            }
            for (j, cell) in d[0].iter_mut().enumerate() {
                *cell = j;
            }
            for i in 1..=a.len() {
                for j in 1..=b.len() {
                    let cost = usize::from(a[i - 1] != b[j - 1]);
                    let mut best = (d[i - 1][j] + 1)
                        .min(d[i][j - 1] + 1)
                        .min(d[i - 1][j - 1] + cost);
                    if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                        best = best.min(d[i - 2][j - 2] + 1);
                    }
                    d[i][j] = best;
                }
            }
            d[a.len()][b.len()]
        }
        let words = [
            "", "a", "ab", "abc", "kitten", "sitting", "Resource", "Resouce", "éèê", "Retry",
        ];
        for a in words {
            for b in words {
                let (a, b) = (chars(a), chars(b));
                let exact = full(&a, &b);
                for limit in 0..6 {
                    let expected = (exact <= limit).then_some(exact);
                    assert_eq!(
                        distance_within(&a, &b, limit),
                        expected,
                        "{a:?} {b:?} {limit}"
                    );
                }
            }
        }
    }

    #[test]
    fn long_words_and_many_candidates_stay_cheap() {
        let long = "x".repeat(340_000);
        assert_eq!(closest(&long, [long.as_str()]), None);
        let names: Vec<String> = (0..10_000).map(|i| format!("State{i:05}")).collect();
        let mut budget = Budget::default();
        assert_eq!(
            budget.closest("Stat00001", names.iter().map(String::as_str)),
            Some("State00001")
        );
        // Dangling names against 10,000 states: the budget runs out
        // after a bounded amount of work instead of comparing them all.
        let mut calls = 1;
        while budget
            .closest("Stat00001", names.iter().map(String::as_str))
            .is_some()
        {
            calls += 1;
            assert!(calls < 100, "the budget should be spent by now");
        }
        assert_eq!(budget.closest("State00001", ["State00001"]), None, "spent");
    }
}
