//! Rust names for what the generated code declares: a variable per state,
//! a function per Parallel branch and Map processor. Names are snake case,
//! at most [`MAX_LEN`] characters, never a keyword, and unique where they
//! are declared.

use std::collections::HashSet;

/// The longest name given, so lines stay readable.
const MAX_LEN: usize = 40;

/// Words Rust reserves (strict, reserved and weak keywords that cannot name
/// a variable), which get `_state` after them.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// `text` in snake case: words split at spaces, punctuation and case
/// changes (`Submit Job`, `SubmitJob` and `submit-job` give `submit_job`,
/// `HTTPRequest` gives `http_request`), letters and digits outside ASCII
/// left out. Empty, starting with a digit or a keyword: made usable.
pub(crate) fn snake_case(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut pending_break = false;
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_ascii_alphanumeric() {
            pending_break = true;
            continue;
        }
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let next = chars.get(i + 1).copied();
        let starts_word = c.is_ascii_uppercase()
            && prev.is_some_and(|p| {
                p.is_ascii_lowercase()
                    || p.is_ascii_digit()
                    || (p.is_ascii_uppercase() && next.is_some_and(|n| n.is_ascii_lowercase()))
            });
        if (pending_break || starts_word) && !out.is_empty() {
            out.push('_');
        }
        pending_break = false;
        out.push(c.to_ascii_lowercase());
    }
    if out.len() > MAX_LEN {
        let cut = out[..MAX_LEN]
            .rfind('_')
            .filter(|&i| i >= MAX_LEN / 2)
            .unwrap_or(MAX_LEN);
        out.truncate(cut);
    }
    if out.is_empty() {
        out.push_str("state");
    } else if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert_str(0, "state_");
    } else if KEYWORDS.contains(&out.as_str()) {
        out.push_str("_state");
    }
    out
}

/// The names declared in one namespace, so each new one is different.
#[derive(Debug, Default, Clone)]
pub(crate) struct Names {
    taken: HashSet<String>,
}

impl Names {
    /// Names nothing may be given.
    pub(crate) fn reserving<'a>(reserved: impl IntoIterator<Item = &'a str>) -> Names {
        Names {
            taken: reserved.into_iter().map(str::to_owned).collect(),
        }
    }

    /// `base`, or `base_2`, `base_3`, ... when taken; now taken.
    pub(crate) fn unique(&mut self, base: &str) -> String {
        self.unique_besides(base, &Names::default())
    }

    /// As [`Names::unique`], also avoiding the names `other` has taken.
    pub(crate) fn unique_besides(&mut self, base: &str, other: &Names) -> String {
        let free = |names: &Names, candidate: &str| {
            !names.taken.contains(candidate) && !other.taken.contains(candidate)
        };
        let mut candidate = base.to_owned();
        let mut n = 2usize;
        while !free(self, &candidate) {
            candidate = format!("{base}_{n}");
            n += 1;
        }
        self.taken.insert(candidate.clone());
        candidate
    }

    /// Takes `name` (already made unique elsewhere).
    pub(crate) fn take(&mut self, name: &str) {
        self.taken.insert(name.to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_names_become_snake_case_identifiers() {
        assert_eq!(snake_case("Submit Job"), "submit_job");
        assert_eq!(snake_case("SubmitJob"), "submit_job");
        assert_eq!(snake_case("Job Complete?"), "job_complete");
        assert_eq!(snake_case("HTTPRequest"), "http_request");
        assert_eq!(snake_case("get-item_v2"), "get_item_v2");
        assert_eq!(snake_case("Wait X Seconds"), "wait_x_seconds");
        assert_eq!(snake_case("3 retries"), "state_3_retries");
        assert_eq!(snake_case("match"), "match_state");
        assert_eq!(snake_case("Ünï €"), "n");
        assert_eq!(snake_case("€"), "state");
        let long = snake_case("A very long state name that goes on and on and on forever");
        assert!(long.len() <= MAX_LEN && !long.ends_with('_'), "{long}");
    }

    #[test]
    fn names_are_unique_where_declared() {
        let mut names = Names::reserving(["definition"]);
        assert_eq!(names.unique("done"), "done");
        assert_eq!(names.unique("done"), "done_2");
        assert_eq!(names.unique("done"), "done_3");
        assert_eq!(names.unique("definition"), "definition_2");
        let functions = Names::reserving(["done_4"]);
        assert_eq!(names.unique_besides("done", &functions), "done_5");
    }
}
