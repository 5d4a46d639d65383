use super::*;

fn ok(pattern: &str) -> Vec<RegexItem> {
    parse_pattern(pattern).unwrap_or_else(|e| panic!("{pattern:?}: {e:?}"))
}

fn err(pattern: &str) -> String {
    match parse_pattern(pattern) {
        Ok(items) => panic!("{pattern:?} accepted: {items:?}"),
        Err(e) => e.message,
    }
}

#[test]
fn accepts_what_javascript_accepts() {
    for pattern in [
        "a",
        "ab+c",
        "^a.b$",
        "a{2}",
        "a{2,}",
        "a{2,3}?",
        "a{",
        "a{x}",
        "{",
        "}",
        "]",
        "a{,3}",
        "[a-z]",
        "[^a-z0-9_]",
        "[]",
        "[^]",
        "[\\d-z]",
        "[-a]",
        "[a-]",
        "\\d\\w\\s\\D\\W\\S",
        "(a)(?:b)(?=c)(?!d)(?<=e)(?<!f)",
        "(?<year>\\d{4})\\k<year>",
        "\\1(a)",
        "\\8",
        "\\k",
        "\\c",
        "\\cA",
        "\\x4",
        "\\x41",
        "\\u00e9",
        "\\u12",
        "\\/",
        "\\q",
        "a|b|",
        "(?=a)*",
        "\\0",
        "\\012",
        "[\\b]",
        "[\\B]",
        "[\\c1]",
        "(|)",
        "\\uD83D\\uDE00",
    ] {
        ok(pattern);
    }
}

#[test]
fn rejects_what_javascript_rejects() {
    assert_eq!(err("*"), "Nothing to repeat");
    assert_eq!(err("a**"), "Nothing to repeat");
    assert_eq!(err("a+*"), "Nothing to repeat");
    assert_eq!(err("(*)"), "Nothing to repeat");
    assert_eq!(err("a|*"), "Nothing to repeat");
    assert_eq!(err("^*"), "Nothing to repeat");
    assert_eq!(err("\\b+"), "Nothing to repeat");
    assert_eq!(err("{1}"), "Nothing to repeat");
    assert_eq!(err("(?<=a)+"), "Nothing to repeat");
    assert_eq!(err("a{2,1}"), "numbers out of order in {} quantifier");
    assert_eq!(err("(a"), "Unterminated group");
    assert_eq!(err("a)"), "Unmatched ')'");
    assert_eq!(err("[a"), "Unterminated character class");
    assert_eq!(err("[b-a]"), "Range out of order in character class");
    assert_eq!(err("(?x)"), "Invalid group");
    assert_eq!(err("(?<1>a)"), "Invalid capture group name");
    assert_eq!(err("(?<a>x)(?<a>y)"), "Duplicate capture group name");
    assert_eq!(err("(?<a>x)\\k<b>"), "Invalid named capture referenced");
    assert_eq!(err("(?<a>x)\\k"), "Invalid named reference");
    assert_eq!(err("a\\"), "\\ at end of pattern");
}

#[test]
fn decodes_escapes() {
    assert_eq!(
        ok("\\x41\\u00e9\\n\\cJ\\101\\8\\q"),
        "Aé\n\nA8q".chars().map(RegexItem::Char).collect::<Vec<_>>()
    );
    assert_eq!(ok("\\c"), vec![RegexItem::Char('\\'), RegexItem::Char('c')]);
    assert_eq!(ok("\\uD83D\\uDE00"), vec![RegexItem::Char('😀')]);
    assert_eq!(ok("\\uD83D"), vec![RegexItem::LoneSurrogate(0xD83D)]);
    assert_eq!(
        ok("(a)\\1\\2"),
        vec![
            RegexItem::Open(GroupKind::Capture(None)),
            RegexItem::Char('a'),
            RegexItem::Close,
            RegexItem::Backreference(1),
            RegexItem::Char('\u{2}'),
        ]
    );
    assert_eq!(
        ok("[\\d-z]"),
        vec![RegexItem::Set {
            negated: false,
            members: vec![
                SetMember::Escape(ClassEscape::Digit),
                SetMember::Char('-'),
                SetMember::Char('z')
            ]
        }]
    );
    assert_eq!(
        ok("a{2,}?"),
        vec![
            RegexItem::Char('a'),
            RegexItem::Repeat {
                min: 2,
                max: None,
                lazy: true
            }
        ]
    );
}

#[test]
fn error_offsets_are_bytes() {
    let e = parse_pattern("é(").unwrap_err();
    assert_eq!(e.offset, 2);
}

#[test]
fn long_patterns_are_flat() {
    let deep = "(".repeat(100_000) + &")".repeat(100_000);
    assert_eq!(ok(&deep).len(), 200_000);
    assert!(parse_pattern(&"a*".repeat(50_000)).is_ok());
}
