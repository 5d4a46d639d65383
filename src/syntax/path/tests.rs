//! Tests of the Path parser: acceptance, rejection with offsets and
//! messages, the trees it builds, canonical text, and its limits.

use super::*;

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

/// Parses `s`, panicking with the error if it is rejected.
fn tree(s: &str) -> Path {
    match parse_path(s) {
        Ok(p) => p,
        Err(e) => panic!("{s:?} should be a valid Path: {e}"),
    }
}

/// The only step of a one-step path.
fn only_step(s: &str) -> Step {
    let path = tree(s);
    assert_eq!(path.steps.len(), 1, "{s}");
    path.steps
        .into_iter()
        .next()
        .unwrap_or(Step::Child(Selector::Wildcard))
}

/// A number as the parser reads it.
fn num(text: &str) -> crate::model::Number {
    crate::model::Number::parse(text).unwrap_or_else(|| panic!("{text} is a number"))
}

/// `@` followed by `.name` steps.
fn current(names: &[&str]) -> Vec<Step> {
    names
        .iter()
        .map(|n| Step::Child(Selector::Name((*n).to_owned())))
        .collect()
}

/// Names, indexes, wildcards, slices, unions and deep scans become steps.
#[test]
fn steps_become_selectors() {
    use Selector::{Index, Indexes, Name, Names, Wildcard};
    let cases: Vec<(&str, Step)> = vec![
        ("$.a", Step::Child(Name("a".into()))),
        ("$['a b']", Step::Child(Name("a b".into()))),
        ("$[\"a\"]", Step::Child(Name("a".into()))),
        ("$['it\\'s']", Step::Child(Name("it's".into()))),
        ("$.store\\.book", Step::Child(Name("store.book".into()))),
        ("$.\\stor\\e", Step::Child(Name("store".into()))),
        ("$.a\\ b", Step::Child(Name("a b".into()))),
        ("$.&Ж中", Step::Child(Name("&Ж中".into()))),
        ("$[0]", Step::Child(Index(0))),
        ("$.[7]", Step::Child(Index(7))),
        ("$[-2]", Step::Child(Index(-2))),
        ("$[-0]", Step::Child(Index(0))),
        ("$[ 0 , 1 ]", Step::Child(Indexes(vec![0, 1]))),
        (
            "$['a','b']",
            Step::Child(Names(vec!["a".into(), "b".into()])),
        ),
        ("$.*", Step::Child(Wildcard)),
        ("$[*]", Step::Child(Wildcard)),
        ("$..a", Step::Descendant(Name("a".into()))),
        ("$..*", Step::Descendant(Wildcard)),
        ("$..[0]", Step::Descendant(Index(0))),
        ("$..['a']", Step::Descendant(Name("a".into()))),
    ];
    for (s, step) in cases {
        assert_eq!(only_step(s), step, "{s}");
    }
    let slice = |start, end, step| Step::Child(Selector::Slice(Slice { start, end, step }));
    assert_eq!(only_step("$[1:2:3]"), slice(Some(1), Some(2), Some(3)));
    assert_eq!(only_step("$[-3:]"), slice(Some(-3), None, None));
    assert_eq!(only_step("$[:2]"), slice(None, Some(2), None));
    assert_eq!(only_step("$[::2]"), slice(None, None, Some(2)));
    assert_eq!(only_step("$[1:2:]"), slice(Some(1), Some(2), None));
    assert_eq!(only_step("$[:]"), slice(None, None, None));
    let path = tree("$var.a[0]..b");
    assert_eq!(path.root, PathRoot::Variable("var".into()));
    assert_eq!(path.steps.len(), 3);
}

/// Filters keep `&&` over `||`, drop parentheses, and fold repeated `!`.
#[test]
fn filters_become_condition_trees() {
    let filter = |s: &str| match only_step(s) {
        Step::Child(Selector::Filter(f)) => f,
        other => panic!("{s}: expected a filter, got {other:?}"),
    };
    let cmp = |names: &[&str], op, right| Filter::Compare {
        left: Operand::Current(current(names)),
        op,
        right,
    };
    assert_eq!(filter("$[?(@.a)]"), Filter::Exists(current(&["a"])));
    assert_eq!(filter("$[?(@)]"), Filter::Exists(vec![]));
    assert_eq!(
        filter("$[?(@.a >= 5)]"),
        cmp(
            &["a"],
            Comparison::GreaterOrEqual,
            Operand::Number(num("5"))
        )
    );
    assert_eq!(
        filter("$[?(@.a || @.b && !@.c)]"),
        Filter::Or(vec![
            Filter::Exists(current(&["a"])),
            Filter::And(vec![
                Filter::Exists(current(&["b"])),
                Filter::Not(Box::new(Filter::Exists(current(&["c"])))),
            ]),
        ])
    );
    assert_eq!(
        filter("$[?((@.a || @.b) && @.c)]"),
        Filter::And(vec![
            Filter::Or(vec![
                Filter::Exists(current(&["a"])),
                Filter::Exists(current(&["b"])),
            ]),
            Filter::Exists(current(&["c"])),
        ])
    );
    assert_eq!(filter("$[?(!!@.a)]"), Filter::Exists(current(&["a"])));
    assert_eq!(filter("$[?(((@.a)))]"), Filter::Exists(current(&["a"])));
    assert_eq!(
        filter("$[?(@.a && @.b && @.c)]"),
        Filter::And(vec![
            Filter::Exists(current(&["a"])),
            Filter::Exists(current(&["b"])),
            Filter::Exists(current(&["c"])),
        ])
    );
    let operands = [
        ("'it\\'s'", Operand::String("it's".into())),
        ("\"q\"", Operand::String("q".into())),
        ("-1.5e3", Operand::Number(num("-1500.0"))),
        ("007", Operand::Number(num("7"))),
        ("true", Operand::Bool(true)),
        ("false", Operand::Bool(false)),
        ("null", Operand::Null),
        ("FooBar", Operand::Word("FooBar".into())),
        ("@.x['y z']", Operand::Current(current(&["x", "y z"]))),
    ];
    for (text, operand) in operands {
        let s = format!("$[?(@.k != {text})]");
        assert_eq!(
            filter(&s),
            cmp(&["k"], Comparison::NotEqual, operand),
            "{s}"
        );
    }
    for op in Comparison::ALL {
        let s = format!("$[?(@.k {op} 1)]");
        assert_eq!(
            filter(&s),
            cmp(&["k"], op, Operand::Number(num("1"))),
            "{s}"
        );
    }
}

/// Scripts group `*`, `/`, `%` before `+`, `-` and fold repeated signs.
#[test]
fn scripts_become_arithmetic_trees() {
    let script = |s: &str| match only_step(s) {
        Step::Child(Selector::Script(a)) => a,
        other => panic!("{s}: expected a script, got {other:?}"),
    };
    let n = |t: &str| Arithmetic::Number(num(t));
    let length = || Arithmetic::Current(current(&["length"]));
    let op = |first, rest| Arithmetic::Operation {
        first: Box::new(first),
        rest,
    };
    assert_eq!(
        script("$[(@.length-1)]"),
        op(length(), vec![(ArithOp::Subtract, n("1"))])
    );
    assert_eq!(
        script("$[(1 + 2 * 3 - 4)]"),
        op(
            n("1"),
            vec![
                (ArithOp::Add, op(n("2"), vec![(ArithOp::Multiply, n("3"))])),
                (ArithOp::Subtract, n("4")),
            ]
        )
    );
    assert_eq!(
        script("$[(2 * (3 + 1) % 5)]"),
        op(
            n("2"),
            vec![
                (ArithOp::Multiply, op(n("3"), vec![(ArithOp::Add, n("1"))])),
                (ArithOp::Remainder, n("5")),
            ]
        )
    );
    assert_eq!(script("$[(--+1)]"), n("1"));
    assert_eq!(
        script("$[(-@.length)]"),
        Arithmetic::Negate(Box::new(length()))
    );
    assert_eq!(script("$[((1))]"), n("1"));
}

/// Canonical text: what `Display` writes for some trees.
#[test]
fn display_writes_canonical_text() {
    let cases = [
        ("$", "$"),
        ("$$", "$$"),
        ("$v", "$v"),
        ("$.a.b", "$.a.b"),
        ("$['a'][\"b\"]", "$.a.b"),
        ("$.a\\.b", "$['a.b']"),
        ("$['it\\'s']['a\\\\b']", "$['it\\'s']['a\\\\b']"),
        ("$.0a.Жb", "$['0a']['Жb']"),
        ("$.*", "$[*]"),
        ("$.[0]", "$[0]"),
        ("$[ 0 , -1 ]", "$[0,-1]"),
        ("$[ 'a' , \"b\" ]", "$['a','b']"),
        ("$[1::]", "$[1:]"),
        ("$[::-1]", "$[::-1]"),
        ("$..a..*..['b c']..[1]", "$..a..*..['b c']..[1]"),
        ("$[?(@.a>=5&&@.b=='x')]", "$[?(@.a >= 5 && @.b == 'x')]"),
        ("$[?((@.a||@.b)&&!@.c)]", "$[?((@.a || @.b) && !@.c)]"),
        ("$[?(!(@.a==1))]", "$[?(!(@.a == 1))]"),
        ("$[?(@.n == -1.5e3)]", "$[?(@.n == -1500.0)]"),
        ("$[?(@.k == FooBar)]", "$[?(@.k == FooBar)]"),
        ("$[(@.length-1)]", "$[(@.length - 1)]"),
        ("$[(1+2*3)]", "$[(1 + (2 * 3))]"),
        ("$[(-(1+2))]", "$[(-(1 + 2))]"),
    ];
    for (text, canonical) in cases {
        let path = tree(text);
        assert_eq!(path.to_string(), canonical, "{text}");
        assert_eq!(tree(canonical), path, "{canonical}");
    }
}

/// Reference Paths print as Reference Paths.
#[test]
fn reference_paths_print_as_reference_paths() {
    for s in SPEC_REFERENCE_EXAMPLES {
        let path = parse_reference_path(s).expect(s);
        let text = path.to_string();
        assert_eq!(parse_reference_path(&text), Ok(path), "{s} -> {text}");
    }
}

/// Large trees are cloned, compared, printed and dropped without recursion
/// trouble on a 2 MiB stack.
#[test]
fn large_trees_on_a_small_stack() {
    let handle = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(|| {
            let n = 100_000;
            for s in [
                format!("$.a[?(@.b{})]", " && @.c".repeat(n)),
                format!("$.a[?(@.b{})]", " || @.c".repeat(n)),
                format!("$.a[?({}@.b)]", "!".repeat(n)),
                format!("$[({}1)]", "-".repeat(n)),
                format!("$[(1{})]", " * 2 + 3".repeat(n)),
                format!("${}", "..a[0]['b']".repeat(n)),
                format!("$[{}]", vec!["1"; n].join(",")),
            ] {
                let path = parse_path(&s).expect("valid");
                let copy = path.clone();
                assert_eq!(copy, path);
                assert_eq!(parse_path(&path.to_string()), Ok(copy));
            }
            let deep = format!("$.a[?({}@.b{})]", "(@.x[?(".repeat(10), ")])".repeat(10));
            let path = parse_path(&deep).expect("valid");
            assert_eq!(parse_path(&path.to_string()), Ok(path));
        })
        .expect("spawn");
    assert!(handle.join().is_ok());
}
