//! Tests across the syntax parsers: dispatching `.$` values, random and
//! long inputs, and error display.

use super::*;

/// The function of a parsed intrinsic call.
fn check_intrinsic(s: &str) -> Result<Function, SyntaxError> {
    parse_intrinsic(s).map(|c| c.function)
}

/// Values starting with `$` are Paths, others intrinsic calls.
#[test]
fn dispatches_paths_and_intrinsics() {
    assert!(check_path_or_intrinsic("$.a.b").is_ok());
    assert!(check_path_or_intrinsic("$$.Execution.Id").is_ok());
    assert!(check_path_or_intrinsic("$var.x").is_ok());
    assert!(check_path_or_intrinsic("States.UUID()").is_ok());
    assert!(check_path_or_intrinsic("States.Format('{}', $.a)  ").is_ok());
}

/// Plain words, numbers and empty values are rejected.
#[test]
fn rejects_plain_words_and_empty_values() {
    for bad in [
        "",
        "   ",
        "ipsum",
        "not a path",
        "prod-v1",
        "True",
        "22",
        "$$23",
    ] {
        let err = check_path_or_intrinsic(bad).expect_err(bad);
        assert!(!err.message.is_empty(), "{bad}");
    }
    let err = check_path_or_intrinsic("").unwrap_err();
    assert!(err.message.contains("empty"), "{}", err.message);
}

/// A blank before an intrinsic call is rejected at offset 0.
#[test]
fn rejects_leading_blank_before_intrinsic() {
    let err = check_path_or_intrinsic(" States.Array('Foo', $.xyz, 'Bar', 2.3)").unwrap_err();
    assert_eq!(err.offset, 0);
    assert!(err.message.contains("blank"), "{}", err.message);
}

/// Pseudo-random inputs never panic and error offsets are char boundaries.
#[test]
fn random_inputs_never_panic_and_offsets_are_in_range() {
    let alphabet: Vec<char> = "$$..[]()''\"?@*:,-019aSs\\{}!=<>&| \téЖ_T"
        .chars()
        .collect();
    let prefixes = [
        "",
        "$",
        "$.",
        "States.Format(",
        "States.Array($.a[",
        "2016-",
    ];
    let mut seed: u64 = 0x5eed;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        usize::try_from(seed >> 33).unwrap_or(0)
    };
    for round in 0..30_000 {
        let mut s = prefixes
            .get(round % prefixes.len())
            .copied()
            .unwrap_or("")
            .to_string();
        for _ in 0..next() % 24 {
            s.push(
                alphabet
                    .get(next() % alphabet.len())
                    .copied()
                    .unwrap_or('$'),
            );
        }
        for result in [
            check_path(&s).map(|_| ()),
            check_reference_path(&s).map(|_| ()),
            check_intrinsic(&s).map(|_| ()),
            check_path_or_intrinsic(&s),
        ] {
            if let Err(e) = result {
                assert!(e.offset <= s.len(), "{s:?}: {e}");
                assert!(s.is_char_boundary(e.offset), "{s:?}: {e}");
                assert!(!e.message.is_empty());
            }
        }
        let _ = is_rfc3339(&s);
    }
}

/// Very long inputs are checked quickly (linear time).
#[test]
fn long_inputs_are_linear() {
    let n = 200_000;
    let path = format!("$.{}", "a.".repeat(n) + "z");
    assert!(check_path(&path).is_ok());
    assert!(check_reference_path(&path).is_ok());
    let call = format!("States.Array({}1)", "'x', ".repeat(n));
    assert!(check_intrinsic(&call).is_ok());
    let call = format!(
        "States.Format('{}', {}1)",
        "{}".repeat(n),
        "1, ".repeat(n - 1)
    );
    assert!(check_intrinsic(&call).is_ok());
    let name = format!("States.{}()", "X".repeat(n));
    assert!(check_intrinsic(&name).is_err());
}

/// `Display` shows the message and the offset.
#[test]
fn error_display_includes_offset() {
    let e = SyntaxError::new(3, "bad thing");
    assert_eq!(e.to_string(), "bad thing (at byte 3)");
}

/// Nesting templates: an opening and a closing piece repeated `n` times
/// around a core, for each parser.
const NESTINGS: [(&str, &str, &str, &str); 8] = [
    ("$.a[?(", "(", "@.b", ")"),
    ("$.a[?(", "!", "@.b", ""),
    ("$.a", "[?(@.b", "", ")]"),
    ("$[(", "(", "1", ")"),
    ("$[(", "-", "1", ""),
    ("", "States.Array(", "1", ")"),
    ("States.Array(", "$.a[?(", "@.b", ")]"),
    ("", "$..a", "", ""),
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Input nested or repeated to any depth gives a tree or an error, never a
    /// stack overflow, on a 2 MiB stack; trees print back to themselves.
    #[test]
    fn deep_input_is_an_error_or_a_tree(
        which in 0usize..NESTINGS.len(),
        n in proptest::prop_oneof![0usize..64, 0usize..200_000],
        closed in proptest::bool::ANY,
    ) {
        let (prefix, open, core, close) = NESTINGS[which];
        let mut s = format!("{prefix}{}{core}", open.repeat(n));
        if closed {
            s.push_str(&close.repeat(n));
            s.push_str(if prefix.ends_with("[?(") || prefix.ends_with("[(") { ")]" } else if prefix.ends_with('(') { ")" } else { "" });
        }
        let handle = std::thread::Builder::new()
            .stack_size(2 * 1024 * 1024)
            .spawn(move || {
                if let Ok(path) = parse_path(&s) {
                    assert_eq!(parse_path(&path.to_string()), Ok(path));
                }
                if let Ok(call) = parse_intrinsic(&s) {
                    assert_eq!(parse_intrinsic(&call.to_string()), Ok(call));
                }
                let _ = check_path(&s);
                let _ = check_reference_path(&s);
                let _ = parse_path_or_intrinsic(&s);
            });
        let joined = handle.map(|h| h.join().is_ok());
        proptest::prop_assert_eq!(joined.ok(), Some(true));
    }
}
