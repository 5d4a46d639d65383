use super::super::ast::{Op, OpKind, RegexLiteral};
use super::*;

fn ok(src: &str) -> Node {
    match parse(src) {
        Ok(node) => node,
        Err(e) => panic!("{src:?} was rejected: {e}"),
    }
}

fn err(src: &str) -> ParseError {
    match parse(src) {
        Ok(node) => panic!("{src:?} was accepted: {node:?}"),
        Err(e) => e,
    }
}

fn err_at(src: &str, offset: usize, message: &str) {
    let e = err(src);
    assert_eq!(
        (e.offset, e.message.as_str()),
        (offset, message),
        "for {src:?}"
    );
}

#[test]
fn accepts_literals_and_paths() {
    for src in [
        "1",
        "1.5",
        "1e3",
        "1.5E-3",
        "0.5e+10",
        "-1",
        "\"s\"",
        "'s'",
        "true",
        "false",
        "null",
        "/ab+c/i",
        "/x/m",
        "/[/]/",
        "a",
        "a.b.c",
        "`a b`.`c`",
        "$",
        "$$",
        "$x",
        "$.a",
        "$$.a",
        "*",
        "a.*",
        "**.a",
        "a.**",
        "a.%",
        "a.b.%.c",
        "a.\"b\"",
        "\"a\".b",
        "and",
        "or.in.and",
        "a.and",
        "and and or or in in in",
        "a[0]",
        "a[-1]",
        "a[]",
        "a[][0]",
        "a[x > 1][0]",
        "a.b[0].c",
        "a{b: c}",
        "a.b{c: d}",
        "a^(b)",
        "a^(<b, >c)",
        "a^(b).c",
        "a@$x.b@$y[$x.id = $y.id]",
        "a#$i[$i < 2]",
        "a#$i@$x",
        "a[0]#$i",
        "a{'k': $}[]",
        "function",
        "λ",
    ] {
        ok(src);
    }
}

#[test]
fn accepts_operators() {
    for src in [
        "1 + 2 * 3 - 4 / 5 % 6",
        "a & b & 'c'",
        "a = b and c != d or e < f and g <= h or i > j and k >= l",
        "'a' in ['a', 'b']",
        "a ? b : c",
        "a ? b",
        "a ? b : c ? d : e",
        "a ~> $f ~> $g(1)",
        "$x := 5",
        "$x := $y := 5",
        "($x := 5; $x + 1)",
        "(a; b;)",
        "()",
        "-a",
        "--1",
        "- -a",
        "-(1)",
        "1 - -1",
        "a * -b",
        "* / 2",
        "a / b",
        "a/2/3",
        "$match(a, /x/)",
        "$split(a, /,/)",
        "[1, /b/]",
        "a[/x/]",
        "{'k': /x/}",
        "a ~> /x/",
        "($x := /a/)",
        "/a/ ~> $match(?, /b/)",
        "a ? /x/ : /y/",
        "1 + /* comment */ 2",
        "/* lead */ a /* trail */",
        "a\n.\nb",
        "a\t+\r\nb",
    ] {
        ok(src);
    }
}

#[test]
fn accepts_constructors_calls_and_lambdas() {
    for src in [
        "[]",
        "[1, 2, 3]",
        "[1..5]",
        "[1..5, 7, 9..$n]",
        "[[1], [2, [3]]]",
        "{}",
        "{\"a\": 1, 'b': [2], c: {d: e}}",
        "{a ? 'x' : 'y': 1}",
        "$f()",
        "$f(1, 2, 3)",
        "$f(?, 2)",
        "$f(?, ?)",
        "$f(1)(2)(3)",
        "a.$f(b)",
        "$string(1).$length()",
        "function($x){ $x + 1 }",
        "function($x, $y){ $x + $y }(1, 2)",
        "λ($x){ $x }",
        "function(){ 1 }",
        "function($x)<n:n>{ $x }",
        "function($a, $b)<n-n:n>{ $a }",
        "function($a)<a<n>:a<n>>{ $a }",
        "function($f)<f<n:n>:n>{ $f(1) }",
        "function($s)<s?:s>{ $s }",
        "function($x)<(sn):x>{ $x }",
        "$map(xs, function($v, $i){ $v * $i })",
        "$reduce(xs, function($a, $b){ $a + $b }, 0)",
        "| a | {'b': 1} |",
        "| a.b | {'c': 2}, ['d', 'e'] |",
        "$ ~> | a | {'b': 1} |",
        "a.{'x': b}",
        "a.[b, c]",
        "a.(b + c)",
        "(a).b",
        "[1, 2].$string()",
        "\"a\" & 'b'",
        "{'a': 1}.a",
        "$x[0]",
        "$x.y",
        "a.b.c.d.e.f.g",
    ] {
        ok(src);
    }
}

#[test]
fn tree_shapes() {
    assert_eq!(
        ok("a.b"),
        Node {
            offset: 0,
            kind: Kind::Chain {
                head: Box::new(Node {
                    offset: 0,
                    kind: Kind::Name("a".into())
                }),
                ops: vec![Op {
                    offset: 1,
                    kind: OpKind::Step(Node {
                        offset: 2,
                        kind: Kind::Name("b".into())
                    })
                }],
            },
        }
    );
    // `.` binds tighter than `+`: the rhs of `+` is a chain of its own
    let Kind::Chain { ops, .. } = ok("a + b.c").kind else {
        panic!("chain expected");
    };
    assert_eq!(ops.len(), 1);
    assert!(
        matches!(&ops[0].kind, OpKind::Binary(BinaryOp::Add, n) if matches!(n.kind, Kind::Chain { .. }))
    );
    assert_eq!(ops[0].offset, 2);
    // lambda replaces the `function` name
    assert!(matches!(
        ok("function($x, $y){ 1 }").kind,
        Kind::Lambda { ref params, .. } if params == &["x".to_string(), "y".to_string()]
    ));
    // `:=` is right-associative
    let Kind::Chain { ops, .. } = ok("$a := $b := 1").kind else {
        panic!("chain expected");
    };
    assert!(
        matches!(&ops[..], [Op { kind: OpKind::Bind(n), .. }] if matches!(n.kind, Kind::Chain { .. }))
    );
    // literal values, regexes, signatures and sort directions are kept
    assert_eq!(
        ok("-1.5e3").kind,
        Kind::Negate(Box::new(Node {
            offset: 1,
            kind: Kind::Number(1500.0)
        }))
    );
    assert_eq!(ok("null").kind, Kind::Null);
    assert_eq!(ok("false").kind, Kind::Bool(false));
    assert!(matches!(
        ok("/a.b/i").kind,
        Kind::Regex(ref r) if **r == RegexLiteral { pattern: "a.b".into(), case_insensitive: true, multiline: false }
    ));
    let Kind::Lambda {
        signature: Some(sig),
        ..
    } = ok("function($a)<n-:n>{ $a }").kind
    else {
        panic!("lambda expected");
    };
    assert_eq!(sig.text, "<n-:n>");
    let Kind::Chain { ops, .. } = ok("a^(>b, c)").kind else {
        panic!("chain expected");
    };
    let OpKind::Sort(terms) = &ops[0].kind else {
        panic!("sort expected");
    };
    assert_eq!(
        terms.iter().map(|t| t.descending).collect::<Vec<_>>(),
        vec![true, false]
    );
    let Kind::Array(items) = ok("[1..3]").kind else {
        panic!("array expected");
    };
    assert!(matches!(items[0], Item::Range { offset: 2, .. }));
}

#[test]
fn rejects_with_offsets() {
    err_at("420.", 4, "expected an expression after `.`");
    err_at("1 +", 3, "expected an expression after `+`");
    err_at("", 0, "empty expression");
    err_at("  /* only */ ", 13, "empty expression");
    err_at("(1", 2, "expected `)` before the end of the expression");
    err_at("(1]", 2, "expected `)` but found `]`");
    err_at("[1, 2", 5, "expected `]` before the end of the expression");
    err_at("{'a' 1}", 5, "expected `:` but found `1`");
    err_at(
        "{'a': 1",
        7,
        "expected `}` before the end of the expression",
    );
    err_at("1)", 1, "unexpected `)` after a complete expression");
    err_at("a b", 2, "unexpected `b` after a complete expression");
    err_at("10 + * 2", 7, "unexpected `2` after a complete expression");
    err_at(
        "$.store.book[?(@.price < 10)].title",
        13,
        "expected an expression but found `?`",
    );
    err_at(
        "$sum($states.input.items.numbers",
        32,
        "expected `)` before the end of the expression",
    );
    err_at("'abc", 0, "unterminated string literal");
    err_at("\"abc", 0, "unterminated string literal");
    err_at("a = = b", 4, "expected an expression but found `=`");
    err_at(")", 0, "expected an expression but found `)`");
    err_at("a ! b", 2, "unknown operator `!`");
    err_at("(;)", 1, "expected an expression but found `;`");
    err_at(
        "1; 2",
        1,
        "unexpected `;` after a complete expression; a sequence `a; b` must be inside parentheses: `(a; b)`",
    );
    err_at(
        "$x := 5; $x + 1",
        7,
        "unexpected `;` after a complete expression; a sequence `a; b` must be inside parentheses: `(a; b)`",
    );
    err_at("a ?: b", 3, "expected an expression but found `:`");
    err_at("a ?? b", 3, "expected an expression but found `?`");
    err_at("$match(a, /(/)", 10, "unterminated regular expression");
    err_at(
        "$match(a, /a**/)",
        13,
        "invalid regular expression /a**/: Nothing to repeat",
    );
    err_at("a ^ b", 4, "expected `(` but found `b`");
    err_at("| a |", 5, "expected `|` before the end of the expression");
    err_at(
        "| a | b",
        7,
        "expected `|` before the end of the expression",
    );
    // where JSONata's lexer reads `/` as division or as a regex
    err_at("(/a/)", 1, "expected an expression but found `/`");
    err_at("[/a/]", 1, "expected an expression but found `/`");
    err_at("-/a/", 1, "expected an expression but found `/`");
    err_at("{/a/: 1}", 1, "expected an expression but found `/`");
    err_at("a[] / 2", 4, "unterminated regular expression");
    err_at("a^(b) / 2", 6, "unterminated regular expression");
    err_at("function(){1} / 2", 14, "unterminated regular expression");
    err_at("|a|b| / 2", 6, "unterminated regular expression");
    err_at("a[]/2/", 3, "unexpected `/2/` after a complete expression");
}

#[test]
fn error_codes_are_jsonata_codes() {
    for (src, code) in [
        ("\"abc", "S0101"),
        ("1e999", "S0102"),
        ("'\\q'", "S0103"),
        ("'\\u12'", "S0104"),
        ("`abc", "S0105"),
        ("/* open", "S0106"),
        ("1; 2", "S0201"),
        ("1)", "S0201"),
        ("(1]", "S0202"),
        ("(1", "S0203"),
        ("a ! b", "S0204"),
        ("", "S0207"),
        ("1 +", "S0207"),
        ("function(a){1}", "S0208"),
        ("$x{'a': 1}[0]", "S0209"),
        ("a{'a': 1}{'b': 2}", "S0210"),
        (")", "S0211"),
        ("a ?: b", "S0211"),
        ("a ?? b", "S0211"),
        ("a := 1", "S0212"),
        ("a.1", "S0213"),
        ("a@b", "S0214"),
        ("a@", "S0214"),
        ("a[0]@$x", "S0215"),
        ("a^(b)@$x", "S0216"),
        ("%.a", "S0217"),
        ("//", "S0301"),
        ("/ab", "S0302"),
        ("/a**/", "S0303"),
        ("λ($a)<n<n>>{$a}", "S0401"),
        ("λ($a)<(a<n>)>{$a}", "S0402"),
    ] {
        assert_eq!(err(src).code, code, "{src}");
    }
    assert_eq!(err(&"(".repeat(200)).code, "U1001");
    // a syntax error anywhere wins over a rule JSONata checks after parsing
    assert_eq!(err("$.7a").code, "S0201");
    assert_eq!(err("a.1 +").code, "S0213");
    assert_eq!(err("[1, a.").code, "S0203");
    assert_eq!(err("+\"").code, "S0101");
    assert_eq!(err("$n#([)])").code, "S0211");
    assert_eq!(err("a.1 + b.true").code, "S0213");
}

#[test]
fn rejects_jsonata_parse_rules() {
    err_at(
        "function(a){ 1 }",
        9,
        "parameter 1 of a function definition must be a variable such as `$x`",
    );
    err_at(
        "function($a, ?){ 1 }",
        13,
        "parameter 2 of a function definition must be a variable such as `$x`",
    );
    err_at(
        "function($x)",
        12,
        "expected `{` before the end of the expression",
    );
    err_at("function($x){}", 13, "expected an expression but found `}`");
    err_at(
        "a := 1",
        0,
        "the left side of `:=` must be a variable such as `$x`",
    );
    err_at(
        "$a.b := 1",
        0,
        "the left side of `:=` must be a variable such as `$x`",
    );
    err_at("a@b", 2, "`@` must be followed by a variable such as `$x`");
    err_at(
        "a#($i)",
        2,
        "`#` must be followed by a variable such as `$x`",
    );
    err_at(
        "a.1",
        2,
        "a number, `true`, `false` or `null` cannot be a path step",
    );
    err_at(
        "1.a",
        0,
        "a number, `true`, `false` or `null` cannot be a path step",
    );
    err_at(
        "a.b.true",
        4,
        "a number, `true`, `false` or `null` cannot be a path step",
    );
    err_at(
        "null[0].a",
        0,
        "a number, `true`, `false` or `null` cannot be a path step",
    );
    err_at(
        "a.-1",
        2,
        "a number, `true`, `false` or `null` cannot be a path step",
    );
    err_at(
        "a[0]@$x",
        4,
        "a focus variable binding `@` cannot follow a predicate `[…]`",
    );
    err_at(
        "a.b[0]#$i@$x",
        9,
        "a focus variable binding `@` cannot follow a predicate `[…]`",
    );
    err_at(
        "a^(b)@$x",
        5,
        "a focus variable binding `@` cannot follow an order-by `^(…)`",
    );
    err_at(
        "a{'k': 1}{'j': 2}",
        9,
        "a step can have only one group-by `{…}`",
    );
    err_at(
        "function($x)<n<n>>{ $x }",
        12,
        "invalid function signature `<n<n>>`: a type parameter `<…>` can only follow `a` or `f`",
    );
    err_at("function($x)<n:n { $x }", 17, "expected `>` but found `{`");
    err_at(
        "%.a",
        0,
        "the parent operator `%` has no earlier path step to refer to here",
    );
    err_at(
        "1 + %",
        4,
        "the parent operator `%` has no earlier path step to refer to here",
    );
}

/// Expressions from the JSONata test suite (groups `errors`,
/// `function-signatures`, `regex`, `blocks`, `transforms`).
#[test]
fn jsonata_test_suite_samples() {
    for src in [
        "\"s\" - 1",
        "1 + null",
        "- \"s\"",
        "unknown(function)",
        "sum(Account.Order.OrderID)",
        "2(blah)",
        "2()",
        "3(?)",
        "$foo()",
        "λ($arg)<b:b>{$not($arg)}(true)",
        "λ($arg)<x:b>{$not($arg)}(null)",
        "[1..5].function($x,$y)<n-n:n>{$x+$y}(2, 6)",
        "Account.Order.Product.Description.Colour.λ($str)<s->{$uppercase($str)}()",
        "λ($arr, $sep)<a<s>s?:s>{$join($arr, $sep)}([\"a\", \"b\"], \"-\")",
        "λ($arr, $sep)<as?:s>{$join($arr, $sep)}([\"a\", \"b\"], \"-\")",
        "λ($arr)<a<a<n>>>{$arr}([[1]])",
        "[1..5].λ($num)<(ns)-:n>{$number($num)}()",
        "($twice := function($f)<f<n:n>:f<n:n>>{function($x)<n:n>{$f($f($x))}};$add2 := function($x)<n:n>{$x+2};$add4 := $twice($add2);$add4(5))",
        "λ($arg1, $arg2)<nn+:a>{[$arg1, $arg2]}(1,3, 2,\"g\")",
        "Account.Order.Product[$contains($.\"Product Name\", /hat/i)].ProductID",
        "$replace(\"John Smith\", /(\\w+)\\s(\\w+)/, \"$2, $1\")",
        "$replace(\"temperature = 68F today\", /(-?\\d+(?:\\.\\d*)?)F\\b/, function($m) { ($number($m.groups[0]) - 32) * 5/9 & \"C\" })",
        "Account.Order.Product.$replace($.\"Product Name\", /(h)(at)/i, function($match) { $uppercase($match.match) })",
        "($a:=1; $b:=2; $c:=($a:=4; $a+$b); $a+$c)",
        "Account.Order.Product.($var1 := Price ; $var2:=Quantity; $var1 * $var2)",
        "(  $func := function($arg) {$arg.Account.Order[0]};  $func($).OrderID)",
        "$ ~> |Account.Order.Product|{\"Total\":Price*Quantity},[\"Description\", \"SKU\"]|",
        "$ ~> |(Account.Order.Product)[0]|{\"Description\":\"blah\"}|",
        "$ ~> |Account.Order.Product|{},\"Description\"|",
    ] {
        ok(src);
    }
    for (src, offset) in [
        ("\"no closing quote", 0),
        ("`no closing backtick", 0),
        ("[1,2)", 4),
        ("[1:2]", 2),
        ("$replace(\"foo\", \"o, \"rr\")", 21),
        ("[1!2]", 2),
        ("@ bar", 0),
        ("1=", 2),
        ("function(x){$x}(3)", 9),
        ("x:=1", 0),
        ("2:=1", 0),
        ("55=>5", 3),
        ("Ssum(:)", 5),
        ("[1,2,3]{\"num\": $}[true]", 17),
        ("[1,2,3]{\"num\": $}{\"num\": $}", 17),
        ("λ($arg)<n<n>>{$arg}(5)", 8),
        ("λ($arr)<(sa<n>)>>{$arr}([[1]])", 8),
    ] {
        assert_eq!(err(src).offset, offset, "{src}");
    }
}

#[test]
fn permitted_where_jsonata_differs_only_in_error_detail() {
    // still accepted: JSONata accepts these too
    ok("a[0].b@$x");
    ok("(a[0])@$x");
    ok("a{'k': 1}.b");
    ok("(1).a");
    ok("a.(1)");
    ok("a.-b");
    ok("-true");
    ok("a.'b'");
    ok("a{'k': 1}[0]");
    ok("a.b{'k': 1}[0]");
    err_at(
        "$x{'k': 1}[0]",
        10,
        "a predicate `[…]` cannot follow a group-by `{…}` here",
    );
}

/// Ways to nest one level deeper, with what closes them.
const OPENERS: [(&str, &str); 15] = [
    ("(", ")"),
    ("[", "]"),
    ("-", ""),
    ("{'a':", "}"),
    ("$f(", ")"),
    ("a[", "]"),
    ("a{'k':", "}"),
    ("a.(", ")"),
    ("$x := ", ""),
    ("a ? ", ""),
    ("a ? 1 : ", ""),
    ("function($x){", "}"),
    ("a^(", ")"),
    ("|a|", "|"),
    ("a@$v.b#$i.(", ")"),
];

fn nested(open: &str, n: usize, close: &str) -> String {
    format!("{}1{}", open.repeat(n), close.repeat(n))
}

#[test]
fn nesting_limit() {
    ok(&nested("(", MAX_NESTING, ")"));
    ok(&nested("[", MAX_NESTING, "]"));
    ok(&nested("-", MAX_NESTING, ""));
    err_at(&nested("(", MAX_NESTING + 1, ")"), MAX_NESTING, TOO_DEEP);
    err_at(&nested("[", MAX_NESTING + 1, "]"), MAX_NESTING, TOO_DEEP);
    err_at(&nested("-", MAX_NESTING + 1, ""), MAX_NESTING, TOO_DEEP);
    for (open, close) in OPENERS {
        let e = err(&nested(open, 100_000, close));
        assert_eq!(e.message, TOO_DEEP, "{open}");
    }
}

#[test]
fn deepest_accepted_nesting_fits_one_mebibyte_of_stack() {
    let handle = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(|| {
            for (open, close) in OPENERS {
                // the whole pipeline: parse, analysis and dropping the tree
                let src = nested(open, MAX_NESTING - 1, close);
                if let Err(e) = crate::validate::jsonata::check(&src) {
                    return Err(format!("{open}: {e}"));
                }
                let src = nested(open, MAX_NESTING + 1, close);
                if crate::validate::jsonata::check(&src).is_ok() {
                    return Err(format!("{open}: too deep but accepted"));
                }
            }
            Ok(())
        })
        .expect("spawn");
    assert_eq!(handle.join().expect("no stack overflow"), Ok(()));
}

#[test]
fn long_flat_expressions() {
    let n = 200_000;
    let sum = vec!["a"; n].join(" + ");
    ok(&sum);
    let path = vec!["a"; n].join(".");
    ok(&path);
    let calls = format!("$f{}", "(1)".repeat(n));
    ok(&calls);
    let block = format!("({})", vec!["1"; n].join(";"));
    ok(&block);
}
