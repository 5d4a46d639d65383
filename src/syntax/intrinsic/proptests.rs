//! Property tests of the intrinsic parser: calls generated from the
//! catalogue parse, print and parse back to the same tree; random and
//! mutated text never makes it panic.

use proptest::prelude::*;

use super::{parse_intrinsic, string_literal, template_literal, ArgKind, Function, HashAlgorithm};
use crate::syntax::parse_path_or_intrinsic;

/// Writes calls that the catalogue allows, from proptest-chosen numbers
/// and strings; at most 10 calls in one value.
struct Gen<'a> {
    /// Choices; cycled.
    seeds: &'a [u64],
    /// Next choice.
    at: usize,
    /// Text pool; cycled.
    strings: &'a [String],
    /// Paths pool; cycled.
    paths: &'a [String],
    /// Calls written so far.
    calls: usize,
}

impl Gen<'_> {
    /// The next choice.
    fn next(&mut self) -> u64 {
        let n = self.seeds.get(self.at % self.seeds.len().max(1)).copied();
        self.at += 1;
        n.unwrap_or(0)
    }

    /// A choice below `n`.
    fn pick(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// A string from the pool.
    fn string(&mut self) -> String {
        let i = usize::try_from(self.next()).unwrap_or(0);
        self.strings
            .get(i % self.strings.len().max(1))
            .cloned()
            .unwrap_or_default()
    }

    /// A Path, or a nested call while the budget lasts.
    fn dynamic(&mut self) -> String {
        if self.calls < 10 && self.pick(4) == 0 {
            return self.call();
        }
        let i = usize::try_from(self.next()).unwrap_or(0);
        self.paths
            .get(i % self.paths.len().max(1))
            .cloned()
            .unwrap_or_else(|| "$".into())
    }

    /// An integer literal with blanks or leading zeros now and then.
    fn integer(&mut self, positive: bool, nonzero: bool) -> String {
        let n = i64::from_ne_bytes(self.next().to_ne_bytes()) % 1_000_000;
        let n = if positive {
            n.abs() + 1
        } else if nonzero && n == 0 {
            1
        } else {
            n
        };
        match self.pick(4) {
            0 if n >= 0 => format!("00{n}"),
            _ => n.to_string(),
        }
    }

    /// An argument for slot `kind` of `f` at position `index`.
    fn arg(&mut self, f: Function, index: usize, kind: ArgKind) -> String {
        if self.pick(3) == 0 {
            return self.dynamic();
        }
        match (f, index, kind) {
            (Function::ArrayPartition, 1, _) => self.integer(true, true),
            (Function::ArrayRange, 2, _) => self.integer(false, true),
            (Function::Hash, 1, _) => {
                let i = usize::try_from(self.pick(5)).unwrap_or(0);
                string_literal(HashAlgorithm::ALL[i].as_str())
            }
            (Function::JsonMerge, 2, _) => "false".to_owned(),
            (_, _, ArgKind::String) => string_literal(&self.string()),
            (_, _, ArgKind::Integer) => self.integer(false, false),
            (_, _, ArgKind::Number) => match self.pick(2) {
                0 => self.integer(false, false),
                _ => format!("{}.{}e{}", self.pick(100), self.pick(100), self.pick(20)),
            },
            (_, _, ArgKind::Boolean) => (self.pick(2) == 0).to_string(),
            (_, _, ArgKind::Array | ArgKind::Object | ArgKind::Path) => self.dynamic(),
            (_, _, ArgKind::Any) => match self.pick(5) {
                0 => string_literal(&self.string()),
                1 => self.integer(false, false),
                2 => "null".to_owned(),
                3 => "true".to_owned(),
                _ => self.dynamic(),
            },
        }
    }

    /// A call of some function, its arguments fitting the catalogue.
    fn call(&mut self) -> String {
        self.calls += 1;
        let i = usize::try_from(self.pick(18)).unwrap_or(0);
        let f = Function::ALL[i];
        let arity = f.arity();
        let extra = usize::try_from(self.pick(4)).unwrap_or(0);
        let count = arity.max.map_or(arity.min + extra, |max| {
            arity.min + extra % (max - arity.min + 1)
        });
        let mut args = Vec::new();
        if f == Function::Format && count > 0 {
            // A literal template has one `{}` per value that follows it.
            let template = if self.pick(3) == 0 {
                self.dynamic()
            } else {
                let pieces: Vec<String> = (0..count).map(|_| self.string()).collect();
                template_literal(&pieces)
            };
            args.push(template);
        }
        while args.len() < count {
            let index = args.len();
            let arg = self.arg(f, index, f.param(index));
            args.push(arg);
        }
        let separator = [", ", ",", " ,  ", ",\n"][usize::try_from(self.pick(4)).unwrap_or(0)];
        format!("{f}({})", args.join(separator))
    }
}

/// Strings rich in the characters that need escaping.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[{}'\\\\\"$.,() a]{0,12}"]
}

/// Paths of every shape.
fn path() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("$".to_owned()),
        Just("$$.Execution.Input".to_owned()),
        Just("$var['a b'][0]".to_owned()),
        Just("$..items[?(@.price < 10 && @.tags)][1:3]".to_owned()),
        Just("$[(@.length-1)].id".to_owned()),
        "\\$\\.[a-z]{1,5}(\\[[0-9]\\])?",
    ]
}

/// Checks that the parsers handle `s` without panicking, that errors point
/// at a char boundary inside `s`, and that what parses prints back to the
/// same tree.
fn check_any(s: &str) -> Result<(), TestCaseError> {
    match parse_intrinsic(s) {
        Ok(call) => {
            let text = call.to_string();
            prop_assert_eq!(parse_intrinsic(&text), Ok(call), "{} -> {}", s, text);
        }
        Err(e) => {
            prop_assert!(
                e.offset <= s.len() && s.is_char_boundary(e.offset),
                "{:?}: {}",
                s,
                e
            );
            prop_assert!(!e.message.is_empty());
        }
    }
    prop_assert_eq!(
        crate::syntax::check_path_or_intrinsic(s),
        parse_path_or_intrinsic(s).map(|_| ())
    );
    if let Err(e) = parse_path_or_intrinsic(s) {
        prop_assert!(
            e.offset <= s.len() && s.is_char_boundary(e.offset),
            "{:?}: {}",
            s,
            e
        );
    }
    Ok(())
}

/// Generated call text, with the seeds and pools it came from.
fn generated() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(any::<u64>(), 1..64),
        prop::collection::vec(text(), 1..6),
        prop::collection::vec(path(), 1..4),
    )
        .prop_map(|(seeds, strings, paths)| {
            let mut g = Gen {
                seeds: &seeds,
                at: 0,
                strings: &strings,
                paths: &paths,
                calls: 0,
            };
            g.call()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Calls the catalogue allows parse, and their canonical text parses to
    /// the same tree.
    #[test]
    fn generated_calls_round_trip(s in generated()) {
        let parsed = parse_intrinsic(&s);
        prop_assert!(parsed.is_ok(), "{:?}: {:?}", s, parsed);
        check_any(&s)?;
    }

    /// Mutated calls never make the parser panic; what parses round-trips.
    #[test]
    fn mutated_calls_never_panic(
        s in generated(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0u8..3, any::<char>()), 1..4),
    ) {
        let mut s = s;
        for (at, kind, c) in edits {
            let boundaries: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
            let i = boundaries[at.index(boundaries.len())];
            let next = s[i..].chars().next().map_or(i, |c| i + c.len_utf8());
            match kind {
                0 => s.insert(i, c),
                1 => s.replace_range(i..next, ""),
                _ => s.replace_range(i..next, &c.to_string()),
            }
        }
        check_any(&s)?;
    }

    /// Arbitrary text never makes the parser panic.
    #[test]
    fn arbitrary_text_never_panics(
        s in "\\PC{0,40}",
        prefix in prop_oneof![Just(""), Just("States."), Just("States.Array("), Just("States.Format('")],
    ) {
        check_any(&format!("{prefix}{s}"))?;
    }
}
