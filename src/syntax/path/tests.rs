//! Tests of the Path parser: acceptance, rejection with offsets and
//! messages, the trees it builds, canonical text, and its limits.

use super::*;

/// The root of a parsed full Path.
fn check_path(s: &str) -> Result<PathRoot, SyntaxError> {
    parse_path(s).map(|p| p.root)
}

/// The root of a parsed Reference Path.
fn check_reference_path(s: &str) -> Result<PathRoot, SyntaxError> {
    parse_reference_path(s).map(|p| p.root)
}

/// Unwraps a successful check, panicking with the error otherwise.
fn ok(s: &str) -> PathRoot {
    match check_path(s) {
        Ok(r) => r,
        Err(e) => panic!("{s:?} should be a valid Path: {e}"),
    }
}

/// Unwraps a rejection, panicking if the input was accepted.
fn bad(s: &str) -> SyntaxError {
    match check_path(s) {
        Ok(_) => panic!("{s:?} should be rejected as a Path"),
        Err(e) => e,
    }
}

/// Unwraps a successful Reference Path check.
fn ref_ok(s: &str) -> PathRoot {
    match check_reference_path(s) {
        Ok(r) => r,
        Err(e) => panic!("{s:?} should be a valid Reference Path: {e}"),
    }
}

/// Unwraps a Reference Path rejection.
fn ref_bad(s: &str) -> SyntaxError {
    match check_reference_path(s) {
        Ok(_) => panic!("{s:?} should be rejected as a Reference Path"),
        Err(e) => e,
    }
}

/// The reference-path examples of the ASL specification.
const SPEC_REFERENCE_EXAMPLES: [&str; 9] = [
    "$.store.book",
    "$.store\\.book",
    "$.\\stor\\e.boo\\k",
    "$.foo.\\.bar",
    "$.foo\\@bar.baz\\[\\[.\\?pretty",
    "$.&Ж中.\\uD800\\uDF46",
    "$.ledgers[0][22][315].foo",
    "$['store']['book']",
    "$['store'][0]['book']",
];

/// Every reference-path example of the spec parses, as Path and Reference Path.
#[test]
fn spec_reference_path_examples_parse() {
    for s in SPEC_REFERENCE_EXAMPLES {
        assert_eq!(ref_ok(s), PathRoot::Input, "{s}");
        assert_eq!(ok(s), PathRoot::Input, "{s}");
    }
    // The `\uD800\uDF46` example after JSON decoding.
    assert_eq!(ref_ok("$.&Ж中.\u{10346}"), PathRoot::Input);
}

/// The `$`, `$$` and `$name` roots are recognised.
#[test]
fn roots() {
    assert_eq!(ok("$"), PathRoot::Input);
    assert_eq!(ok("$$"), PathRoot::Context);
    assert_eq!(ok("$$.Execution.Input.x"), PathRoot::Context);
    assert_eq!(ok("$myVar"), PathRoot::Variable("myVar".into()));
    assert_eq!(
        ok("$inputPayload.data.firstname"),
        PathRoot::Variable("inputPayload".into())
    );
    assert_eq!(ok("$_x1[0]"), PathRoot::Variable("_x1".into()));
    assert_eq!(ok("$vär.a"), PathRoot::Variable("vär".into()));
}

/// Full-Path features (wildcards, slices, unions, filters, scripts) are accepted.
#[test]
fn full_path_features() {
    for s in [
        "$.a.b.c",
        "$[0].c",
        "$.books[-2]",
        "$.input-foo-bar",
        "$.delivery-partner",
        "$.a[*]",
        "$.a.*",
        "$.*",
        "$..name",
        "$..*",
        "$..[0]",
        "$..['a']",
        "$.a[1:2:3]",
        "$.vals[-3:]",
        "$.fooList[1:]",
        "$.a[:2]",
        "$.a[::2]",
        "$.a[:]",
        "$.a[-3:-1:-1]",
        "$.a[0,1]",
        "$.a[ 0 , 1 ]",
        "$['a','b']",
        "$[\"a\"]",
        "$['a b']",
        "$['it\\'s']",
        "$.a[?(@.a >= 5 && @.b == 'x')]",
        "$.a[?(@.a)]",
        "$.a[?(!@.a)]",
        "$.a[?(@.a != null || @.b === true)]",
        "$.a[?((@.a < 1 || @.a > 9) && !(@.b <= 2))]",
        "$.a[?(@.price<10)]",
        "$.a[?(@['x y'] == \"q\")]",
        "$.a[?(@.x[?(@.y == 1)])]",
        "$.a[?(5 < @.n)]",
        "$.a[?(@.n == -1.5e3)]",
        "$.DescribeRecord.RecordOutputs[?(@.OutputKey == FooBar)].OutputValue",
        "$[(@.length-1)]",
        "$[(@.length-1)].bar",
        "$.a[( @.length - (2 * 1) )]",
        "$.[0]",
        "$.a\\ b",
    ] {
        ok(s);
    }
}

/// Malformed paths are rejected at the right offset with a helpful message.
#[test]
fn rejects_malformed_paths() {
    let cases: &[(&str, usize, &str)] = &[
        ("", 0, "must start with `$`"),
        ("bug$.library.movies", 0, "must start with `$`"),
        (".guid", 0, "must start with `$`"),
        ("..guid", 0, "must start with `$`"),
        ("()", 0, "must start with `$`"),
        ("$...", 1, "`...`"),
        ("$.", 1, "must not end with `.`"),
        ("$.a.", 3, "must not end with `.`"),
        ("$..", 1, "`..` must be followed"),
        ("$$23", 2, "unexpected `2`"),
        ("$23", 1, "unexpected `2`"),
        ("$.a b", 3, "blank"),
        ("$.a ", 3, "blank"),
        ("$.a[", 3, "unclosed `[`"),
        ("$.a[]", 3, "empty brackets"),
        ("$.a[0", 3, "unclosed `[`"),
        ("$.a[0}", 5, "expected `]`"),
        ("$.a['x]", 4, "unterminated"),
        ("$.a[x]", 4, "unexpected `x`"),
        ("$.a[-]", 4, "digits after `-`"),
        ("$.a[1::0]", 7, "step must not be 0"),
        ("$.a[99999999999]", 4, "out of range"),
        ("$.a[0,]", 6, "expected an index"),
        ("$['a',]", 6, "another quoted"),
        ("$.length()", 8, "functions"),
        ("$.a\\", 3, "dangling"),
        ("$.a[?(@.a)", 3, "unclosed `[`"),
        ("$.a[?@.a]", 4, "must be written"),
        ("$.a[?(@.a == )]", 13, "expected an `@` path or a literal"),
        ("$.a[?(@.a = 1)]", 10, "use `==`"),
        ("$.a[?(@.a =~ /x/)]", 10, "regular-expression"),
        ("$.a[?(@.a in ['x'])]", 10, "`in` filter operator"),
        ("$.a[?(@.a subsetof ['x'])]", 10, "not supported"),
        ("$.a[?(@.a == $.b)]", 13, "other nodes"),
        ("$.a[?(1)]", 6, "must compare"),
        ("$.a[?((@.a)]", 11, "unexpected `]`"),
        ("$.a[?(@.a == [1])]", 13, "array and object"),
        ("$[(@.length-)]", 12, "expected `@`, a number"),
        ("$[(@.length-1]", 13, "unexpected `]`"),
    ];
    for (s, offset, needle) in cases {
        let e = bad(s);
        assert!(
            e.message.contains(needle),
            "{s:?}: message {:?} should contain {needle:?}",
            e.message
        );
        assert_eq!(e.offset, *offset, "{s:?}: {}", e.message);
    }
}

/// Reference Paths accept `.name`, `['name']` and `[index]` steps.
#[test]
fn reference_paths_accept_single_node_steps() {
    assert_eq!(ref_ok("$"), PathRoot::Input);
    assert_eq!(ref_ok("$$.x"), PathRoot::Context);
    assert_eq!(ref_ok("$foo.bar"), PathRoot::Variable("foo".into()));
    ref_ok("$.a[0]['b c'].d");
    ref_ok("$[\"x\"]");
    ref_ok("$.input-foo-bar");
    ref_ok("$.a\\*b");
}

/// Reference Paths reject every multi-node construct.
#[test]
fn reference_paths_reject_multi_node_constructs() {
    let cases: &[(&str, &str)] = &[
        ("$.a[*]", "wildcard"),
        ("$.a.*", "wildcard"),
        ("$..a", "deep scan"),
        ("$.a[?(@.b)]", "filter"),
        ("$.a[1:2]", "slice"),
        ("$.a[0,1]", "union"),
        ("$['a','b']", "union"),
        ("$[(@.length-1)]", "script"),
        ("$.a[-1]", "non-negative"),
        ("$.a@b", "`@` is not allowed"),
        ("$.a,b", "`,` is not allowed"),
        ("$.a:b", "`:` is not allowed"),
        ("$.a?", "`?` is not allowed"),
        ("$.a*", "`*` is not allowed"),
        ("$.[0]", "expected a field name"),
        ("x", "must start with `$`"),
        (".x", "must start with `$`"),
        ("$.x ", "blank"),
    ];
    for (s, needle) in cases {
        let e = ref_bad(s);
        assert!(
            e.message.contains(needle),
            "{s:?}: message {:?} should contain {needle:?}",
            e.message
        );
    }
}

/// Paths inside intrinsic arguments end at top-level `,`, `)` and blanks.
#[test]
fn argument_paths_stop_at_delimiters() {
    let s = "States.Format('{}', $.a[0,1], $.b)";
    let start = s.find('$').unwrap_or(0);
    let (_, end) = parse_path_argument(s, start).expect("valid");
    assert_eq!(&s[start..end], "$.a[0,1]");
    let s = "f($.a[?(@.x == ')')] )";
    let (_, end) = parse_path_argument(s, 2).expect("valid");
    assert_eq!(&s[2..end], "$.a[?(@.x == ')')]");
    let s = "f($field2)";
    assert_eq!(parse_path_argument(s, 2).map(|(_, end)| end), Ok(9));
}

/// Deeply nested filters and scripts are errors, not stack overflows.
#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let n = 100_000;
    let s = format!("$.a[?({}@.b{})]", "(".repeat(n), ")".repeat(n));
    let e = bad(&s);
    assert!(e.message.contains("levels deep"), "{}", e.message);
    let s = format!("$.a{}", "[?(@.b".repeat(n));
    assert!(bad(&s).message.contains("levels deep"));
    let s = format!("$[({}1{})]", "(".repeat(n), ")".repeat(n));
    assert!(bad(&s).message.contains("levels deep"));
    let s = format!("$.a[?({}@.b)]", "!".repeat(n));
    ok(&s);
    let s = format!("$.a[?(@.b{})]", " && @.c".repeat(n));
    ok(&s);
    // Within the limit is fine.
    let s = format!("$.a[?({}@.b{})]", "(".repeat(20), ")".repeat(20));
    ok(&s);
}

/// Truncated and odd inputs never make the path checkers panic.
#[test]
fn never_panics_on_awkward_input() {
    let samples = [
        "$",
        "$$$",
        "$[",
        "$['",
        "$[\"\\",
        "$.\u{10346}",
        "$[?(",
        "$[?(@",
        "$[?(@.",
        "$[(",
        "$[(@",
        "$..\\",
        "$.é\\é",
        "$[?(!",
        "$[?(!=",
        "$[?(@ ==",
        "$[?('\\",
        "$[1:",
        "$[1:2:",
        "$[?(@.a -)]",
        "$[?(-)]",
        "$[?(1.)]",
        "$[?(1e)]",
        "$[?(@.a == 'x' &&)]",
    ];
    for s in samples {
        let _ = check_path(s);
        let _ = check_reference_path(s);
        // Every prefix ending on a char boundary.
        for (i, _) in s.char_indices() {
            let _ = check_path(&s[..i]);
            let _ = check_reference_path(&s[..i]);
        }
    }
}
