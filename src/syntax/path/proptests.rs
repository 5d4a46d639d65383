//! Property tests of the Path parser: generated paths parse, print and parse
//! back to the same tree; random and mutated text never makes it panic.

use proptest::prelude::*;

use super::{
    check_path, check_reference_path, parse_path, parse_path_argument, parse_reference_path,
};

/// A dot-name: plain, with escapes, or with characters that need quoting
/// when printed.
fn dot_name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z_][a-zA-Z0-9_]{0,6}",
        "([a-zA-Z0-9é中&'\"@:,?{}\\]-]|\\\\[.\\[ *\\\\a])+",
    ]
}

/// A name in a filter or script `@` path (stops at operators).
fn inner_name() -> impl Strategy<Value = String> {
    "[a-zA-Z_][a-zA-Z0-9_]{0,4}"
}

/// A quoted string, single or double, with escapes.
fn quoted() -> impl Strategy<Value = String> {
    prop_oneof![
        "([a-z ,.$@()\\[\\]\"]|\\\\')*".prop_map(|s| format!("'{s}'")),
        "([a-z ,.$@()\\[\\]']|\\\\\")*".prop_map(|s| format!("\"{s}\"")),
    ]
}

/// An index in the 32-bit range.
fn int() -> impl Strategy<Value = String> {
    any::<i32>().prop_map(|i| i.to_string())
}

/// A number literal as filters and scripts write them.
fn number(negative: bool) -> impl Strategy<Value = String> {
    let unsigned = "[0-9]{1,3}(\\.[0-9]{1,2})?([eE][+-]?[0-9]{1,2})?";
    (any::<bool>(), unsigned).prop_map(move |(minus, n)| {
        if negative && minus {
            format!("-{n}")
        } else {
            n
        }
    })
}

/// `@` followed by simple steps.
fn current_path() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            inner_name().prop_map(|n| format!(".{n}")),
            quoted().prop_map(|q| format!("[{q}]")),
            (0u16..100).prop_map(|i| format!("[{i}]")),
        ],
        0..3,
    )
    .prop_map(|steps| format!("@{}", steps.concat()))
}

/// A filter operand.
fn operand() -> impl Strategy<Value = String> {
    prop_oneof![
        current_path(),
        number(true),
        quoted(),
        Just("true".to_owned()),
        Just("false".to_owned()),
        Just("null".to_owned()),
        "[A-Z][a-zA-Z0-9_.-]{0,5}",
    ]
}

/// A filter condition.
fn condition() -> impl Strategy<Value = String> {
    let op = prop_oneof![
        Just("=="),
        Just("!="),
        Just("==="),
        Just("!=="),
        Just("<"),
        Just("<="),
        Just(">"),
        Just(">="),
    ];
    let leaf = prop_oneof![
        current_path(),
        (operand(), op, operand()).prop_map(|(a, op, b)| format!("{a} {op} {b}")),
    ];
    leaf.prop_recursive(4, 24, 3, |inner| {
        prop_oneof![
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("{a} && {b}")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("{a}||{b}")),
            inner.clone().prop_map(|a| format!("!({a})")),
            inner.prop_map(|a| format!("( {a} )")),
        ]
    })
}

/// A script expression.
fn arithmetic() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![current_path(), number(false)];
    leaf.prop_recursive(4, 24, 3, |inner| {
        let op = prop_oneof![Just("+"), Just("-"), Just("*"), Just("/"), Just("%")];
        prop_oneof![
            (inner.clone(), op, inner.clone()).prop_map(|(a, op, b)| format!("{a} {op} {b}")),
            inner.clone().prop_map(|a| format!("-{a}")),
            inner.prop_map(|a| format!("({a})")),
        ]
    })
}

/// The inside of a bracket step.
fn bracket() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(quoted(), 1..4).prop_map(|q| q.join(",")),
        prop::collection::vec(int(), 1..4).prop_map(|i| i.join(" , ")),
        (
            prop::option::of(int()),
            prop::option::of(int()),
            prop::option::of(1i32..9)
        )
            .prop_map(|(a, b, c)| {
                let step = c.map(|c| format!(":{c}")).unwrap_or_default();
                format!("{}:{}{step}", a.unwrap_or_default(), b.unwrap_or_default())
            }),
        Just("*".to_owned()),
        condition().prop_map(|c| format!("?({c})")),
        arithmetic().prop_map(|a| format!("({a})")),
    ]
}

/// A Path as text, mostly valid.
fn path_text() -> impl Strategy<Value = String> {
    let root = prop_oneof![
        Just("$".to_owned()),
        Just("$$".to_owned()),
        "\\$[a-zA-Zä_][a-zA-Z0-9_]{0,5}",
    ];
    let step = prop_oneof![
        dot_name().prop_map(|n| format!(".{n}")),
        Just(".*".to_owned()),
        dot_name().prop_map(|n| format!("..{n}")),
        Just("..*".to_owned()),
        bracket().prop_map(|b| format!("[{b}]")),
        bracket().prop_map(|b| format!("..[{b}]")),
        bracket().prop_map(|b| format!(".[{b}]")),
    ];
    (root, prop::collection::vec(step, 0..5)).prop_map(|(r, s)| format!("{r}{}", s.concat()))
}

/// `s` with a few characters inserted, removed or replaced.
fn mutated() -> impl Strategy<Value = String> {
    let edits = prop::collection::vec((any::<prop::sample::Index>(), 0u8..3, any::<char>()), 1..4);
    (path_text(), edits).prop_map(|(mut s, edits)| {
        for (at, kind, c) in edits {
            let boundaries: Vec<usize> =
                s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
            let i = boundaries[at.index(boundaries.len())];
            let next = s[i..].chars().next().map_or(i, |c| i + c.len_utf8());
            match kind {
                0 => s.insert(i, c),
                1 => s.replace_range(i..next, ""),
                _ => s.replace_range(i..next, &c.to_string()),
            }
        }
        s
    })
}

/// Checks that every parser handles `s` without panicking, that errors
/// point at a char boundary inside `s`, that what parses prints back to
/// the same tree, and that checking gives the verdict parsing gives.
fn check_any(s: &str) -> Result<(), TestCaseError> {
    prop_assert_eq!(check_path(s), parse_path(s).map(|p| p.root));
    prop_assert_eq!(
        check_reference_path(s),
        parse_reference_path(s).map(|p| p.root)
    );
    for parsed in [parse_path(s), parse_reference_path(s)] {
        match parsed {
            Ok(path) => {
                let text = path.to_string();
                prop_assert_eq!(parse_path(&text), Ok(path.clone()), "{} -> {}", s, text);
                prop_assert_eq!(
                    text.clone(),
                    parse_path(&text).map(|p| p.to_string()).unwrap_or_default()
                );
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
    }
    if let Ok(path) = parse_reference_path(s) {
        prop_assert_eq!(parse_reference_path(&path.to_string()), Ok(path));
    }
    if let Ok((path, end)) = parse_path_argument(s, 0) {
        prop_assert!(end <= s.len() && s.is_char_boundary(end));
        prop_assert_eq!(
            parse_path_argument(&path.to_string(), 0).map(|(p, _)| p),
            Ok(path)
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Generated paths parse, and their canonical text parses to the same tree.
    #[test]
    fn generated_paths_round_trip(s in path_text()) {
        let parsed = parse_path(&s);
        prop_assert!(parsed.is_ok(), "{:?}: {:?}", s, parsed);
        check_any(&s)?;
    }

    /// Mutated paths never make the parsers panic; what parses round-trips.
    #[test]
    fn mutated_paths_never_panic(s in mutated()) {
        check_any(&s)?;
    }

    /// Arbitrary text never makes the parsers panic.
    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,40}", prefix in prop_oneof![Just(""), Just("$"), Just("$.a["), Just("$[?(")]) {
        check_any(&format!("{prefix}{s}"))?;
    }
}
