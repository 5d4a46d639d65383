//! Tests of the intrinsic parser: the catalogue, acceptance, rejection
//! with offsets and messages, the trees it builds, canonical text, escapes
//! and limits.

use super::*;

/// The Path arguments of a call as text, with their offsets.
fn paths(call: &Call) -> Vec<(String, usize)> {
    call.paths()
        .into_iter()
        .map(|(p, at)| (p.to_string(), at))
        .collect()
}

/// Unwraps a successful check, panicking with the error otherwise.
fn ok(s: &str) -> Call {
    match parse_intrinsic(s) {
        Ok(i) => i,
        Err(e) => panic!("{s:?} should be a valid intrinsic call: {e}"),
    }
}

/// Unwraps a rejection, panicking if the input was accepted.
fn bad(s: &str) -> SyntaxError {
    match parse_intrinsic(s) {
        Ok(i) => panic!("{s:?} should be rejected, got {i:?}"),
        Err(e) => e,
    }
}

/// Asserts a rejection whose message contains `needle`.
fn assert_bad(s: &str, needle: &str) -> SyntaxError {
    let e = bad(s);
    assert!(
        e.message.contains(needle),
        "{s:?}: message {:?} should contain {needle:?}",
        e.message
    );
    e
}

/// Each of the 18 catalogue functions accepts a typical call, with the right name and string flag.
#[test]
fn every_catalogue_function_accepts_a_typical_call() {
    let calls = [
        ("States.Format('Hello {}, you are {}', $.name, 42)", true),
        ("States.StringToJson('{\"a\": 1}')", false),
        ("States.JsonToString($.obj)", true),
        (
            "States.Array('Foo', 2020, $.someJson, null, true, -1.5)",
            false,
        ),
        ("States.ArrayPartition($.inputArray, 4)", false),
        ("States.ArrayContains($.inputArray, $.lookingFor)", false),
        ("States.ArrayRange(1, 9, 2)", false),
        ("States.ArrayGetItem($.inputArray, 0)", true),
        ("States.ArrayLength($.inputArray)", false),
        ("States.ArrayUnique($.inputArray)", false),
        ("States.Base64Encode('Data to encode')", true),
        ("States.Base64Decode($.base64)", true),
        ("States.Hash('input data', 'SHA-1')", true),
        ("States.JsonMerge($.json1, $.json2, false)", false),
        ("States.MathRandom(1, 999)", false),
        ("States.MathAdd($.value1, -1)", false),
        ("States.StringSplit('a,b,c', ',')", false),
        ("States.UUID()", true),
    ];
    assert_eq!(calls.len(), Function::ALL.len());
    for ((call, returns_string), f) in calls.iter().zip(Function::ALL) {
        let i = ok(call);
        assert_eq!(i.function, f, "{call}");
        assert_eq!(i.function.returns_string(), *returns_string, "{call}");
    }
    ok("States.MathRandom($.start, $.end, 7)");
    ok("States.Array()");
    ok("States.Format('no placeholders')");
    ok("States.Hash($.Data, $.Algorithm)");
    ok("States.Hash(42, 'SHA-512')");
    ok("States.MathAdd(1.5, 0)");
}

/// Path arguments are collected with their offsets, nested calls included.
#[test]
fn collects_paths_with_offsets_at_any_depth() {
    let s = "States.Format('{} {}', $.a[0,1], States.ArrayGetItem($$.Execution.Input.x, $i))";
    let i = ok(s);
    let expected: Vec<(String, usize)> = ["$.a[0,1]", "$$.Execution.Input.x", "$i"]
        .iter()
        .map(|p| (p.to_string(), s.find(p).unwrap_or(usize::MAX)))
        .collect();
    assert_eq!(paths(&i), expected);
    assert_eq!(i.function.name(), "States.Format");
    let i = ok("States.JsonToString($)");
    assert_eq!(paths(&i), vec![("$".to_string(), 20)]);
    assert!(ok("States.UUID()").paths().is_empty());
}

/// Blanks are allowed around arguments and after the call, not before it.
#[test]
fn blanks_around_arguments_and_after_the_call() {
    ok("States.Array( 1 ,2,  3 )");
    ok("States.Array(\n1,\t2)");
    ok("States.JsonToString($)    ");
    ok("States.Format('one {}\ntwo {}', $.firstName, 'literal')");
    let e = assert_bad(" States.Array('Foo', $.xyz, 'Bar', 2.3)", "blank");
    assert_eq!(e.offset, 0);
    let e = assert_bad("States.Array (1)", "remove the blank(s) between");
    assert_eq!(e.offset, 12);
    assert_bad("States.UUID() x", "unexpected `x` after the closing `)`");
}

/// The developer-guide nesting example passes and the 10-call limit is enforced.
#[test]
fn aws_nesting_example_and_call_limit() {
    // The developer guide's example with nine intrinsic functions, with its
    // template fixed: the guide has three `{}` but only two values, which
    // the placeholder-count rule rejects.
    ok(
        "States.Format('{}.{}', States.ArrayGetItem(States.StringSplit(\
        States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 0), \
        States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit(\
        $.ImageRecipe.Arn, '/'), 2), '.'), 1))",
    );
    assert_bad(
        "States.Format('{}.{}.{}', States.ArrayGetItem(States.StringSplit($.a, '/'), 0), \
         States.ArrayGetItem(States.StringSplit($.a, '/'), 1))",
        "has 3 `{}` placeholder(s) but 2 value argument(s)",
    );
    let nest = |n: usize| format!("{}$.a{}", "States.ArrayUnique(".repeat(n), ")".repeat(n));
    ok(&nest(10));
    let e = assert_bad(&nest(11), "at most 10 calls");
    assert_eq!(e.offset, "States.ArrayUnique(".len() * 10);
    // Ten calls side by side (not nested) are counted as well.
    ok(&format!(
        "States.Array({})",
        ["States.UUID()"; 9].join(", ")
    ));
    assert_bad(
        &format!("States.Array({})", ["States.UUID()"; 10].join(", ")),
        "at most 10 calls",
    );
}

/// 100,000-deep nesting is rejected without overflowing a 2 MiB stack.
#[test]
fn deep_nesting_on_a_small_stack() {
    let handle = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(|| {
            let n = 100_000;
            let s = format!("{}1{}", "States.Array(".repeat(n), ")".repeat(n));
            let e = parse_intrinsic(&s).expect_err("too deep");
            assert!(e.message.contains("at most 10 calls"));
            let s = format!(
                "States.Array($.a[?({}@.b{})])",
                "(".repeat(n),
                ")".repeat(n)
            );
            let e = parse_intrinsic(&s).expect_err("too deep");
            assert!(e.message.contains("levels deep"), "{}", e.message);
            let s = format!("States.Format({}", "'x', ".repeat(n));
            assert!(parse_intrinsic(&s).is_err());
        })
        .expect("spawn");
    assert!(handle.join().is_ok());
}

/// Wrong argument counts produce "`X` takes N arguments, found M" messages.
#[test]
fn arity_messages() {
    let cases = [
        (
            "States.MathAdd(1, 2, 3)",
            "`States.MathAdd` takes 2 arguments, found 3",
        ),
        (
            "States.MathRandom(1)",
            "`States.MathRandom` takes 2 or 3 arguments, found 1",
        ),
        (
            "States.MathRandom(1, 2, 3, 4)",
            "takes 2 or 3 arguments, found 4",
        ),
        (
            "States.Format()",
            "`States.Format` takes at least 1 argument, found 0",
        ),
        (
            "States.UUID(1)",
            "`States.UUID` takes no arguments, found 1",
        ),
        (
            "States.ArrayLength($.a, $.b)",
            "`States.ArrayLength` takes 1 argument, found 2",
        ),
        ("States.JsonMerge($.a, $.b)", "takes 3 arguments, found 2"),
        ("States.StringToJson()", "takes 1 argument, found 0"),
    ];
    for (s, message) in cases {
        let e = bad(s);
        assert!(e.message.ends_with(message), "{s}: {}", e.message);
        assert!(e.message.starts_with('`'), "{s}: {}", e.message);
        assert_eq!(e.offset, 0, "{s}");
    }
}

/// Literal arguments are type-checked against the catalogue.
#[test]
fn literal_argument_types() {
    let e = assert_bad(
        "States.MathAdd(1,'-1')",
        "argument 2 of `States.MathAdd` must be a number, found a string literal `'-1'`",
    );
    assert_eq!(e.offset, 17);
    assert_bad("States.ArrayRange(1.5, 9, 1)", "must be an integer");
    assert_bad("States.ArrayRange(1, 9, 0)", "must not be 0");
    assert_bad("States.ArrayRange(1, 9, -0)", "must not be 0");
    assert_bad("States.ArrayPartition($.a, 0)", "greater than 0");
    assert_bad("States.ArrayPartition($.a, -2)", "greater than 0");
    assert_bad("States.ArrayPartition($.a, 2.5)", "must be an integer");
    assert_bad("States.ArrayLength('abc')", "must be an array");
    assert_bad("States.ArrayContains(null, 1)", "must be an array");
    assert_bad(
        "States.JsonMerge($.a, '{}', false)",
        "must be a JSON object",
    );
    assert_bad("States.JsonMerge($.a, $.b, true)", "must be `false`");
    assert_bad("States.JsonMerge($.a, $.b, 'false')", "must be a boolean");
    assert_bad("States.Hash($.a, 'sha256')", "must be one of");
    assert_bad("States.Hash($.a, 'SHA256')", "must be one of");
    assert_bad("States.Hash($.a, 5)", "must be a string");
    assert_bad("States.Base64Encode(1)", "must be a string");
    assert_bad(
        "States.StringToJson(null)",
        "must be a string, found the literal `null`",
    );
    assert_bad("States.StringSplit('a', true)", "must be a string");
    assert_bad("States.MathRandom(1, 'x')", "must be a number");
    assert_bad("States.ArrayGetItem($.a, '0')", "must be an integer");
    // Paths and nested calls are not type-checked.
    ok("States.MathAdd(States.ArrayLength($$.Execution.Input.machines),-1)");
    ok("States.ArrayPartition(States.Array(1, 2), $.size)");
    ok("States.JsonMerge(States.StringToJson($.a), $.b, $.deep)");
}

/// `States.Format` templates: placeholder count and escaped braces.
#[test]
fn format_templates() {
    ok("States.Format('Welcome to {} {}\\'s playlist.', $.firstName, $.lastName)");
    ok("States.Format('literal \\{braces\\} and {}', $.x)");
    ok("States.Format($.template, $.firstName, $.lastName)");
    ok("States.Format('{}', States.UUID())");
    let e = assert_bad(
        "States.Format('{} {}', $.a)",
        "has 2 `{}` placeholder(s) but 1 value argument(s)",
    );
    assert_eq!(e.offset, 14);
    assert_bad("States.Format('x', $.a)", "has 0 `{}` placeholder(s)");
    let e = assert_bad("States.Format('a { b {}', $.a)", "unescaped `{`");
    assert_eq!(e.offset, 17);
    assert_bad("States.Format('}{}', $.a)", "unescaped `}`");
    // Other functions accept unescaped braces in literals.
    ok("States.StringToJson('{\"k\": \"v\"}')");
}

/// Only the four intrinsic escapes are accepted in string literals.
#[test]
fn string_literal_escapes() {
    ok("States.Array('it\\'s', '\\{', '\\}', 'back\\\\slash')");
    let e = assert_bad(
        "States.StringToJson('{\"t\":\"a \\\"q\\\" b\"}')",
        "invalid escape `\\\"`",
    );
    assert_eq!(e.offset, 29);
    assert_bad("States.Array('a\\nb')", "invalid escape `\\n`");
    assert_bad("States.Array('abc\\", "dangling `\\`");
    assert_bad("States.Array('abc)", "unterminated string literal");
    assert_bad("States.Array(\"abc\")", "single quotes");
    assert_bad("States.Array('it\\'s)", "unterminated string literal");
}

/// Malformed calls are rejected with specific messages.
#[test]
fn malformed_calls() {
    let cases = [
        ("States.JsonToString($", "unclosed `(`"),
        (
            "States.StringToJson $.escaped)",
            "expected `(` after `States.StringToJson`",
        ),
        ("States. ", "expected `(` after `States.`"),
        ("States\nJsonToString($)", "neither a Path"),
        ("something else    ", "neither a Path"),
        ("ipsum", "`ipsum` is neither a Path"),
        (
            "States.Format('{}_{}', $$.Execution.Name, $.e",
            "unclosed `(`",
        ),
        ("States.Array(1,)", "missing argument"),
        ("States.Array(,1)", "missing argument"),
        ("States.Array(1 2)", "expected `,` or `)` after argument 1"),
        ("States.Array(2abc)", "expected `,` or `)`"),
        ("States.Array(abc)", "`abc` is not a valid argument"),
        ("States.Array(True)", "`True` is not a valid argument"),
        ("States.Array(-)", "expected digits after `-`"),
        ("States.Array(1.)", "decimal point"),
        ("States.Array(1e)", "exponent"),
        ("States.Array(#)", "unexpected `#`"),
        ("States.Array($.a b)", "expected `,` or `)`"),
        ("States.Array($.a[)", "unexpected `)` after `[`"),
        ("States.Array($x.)", "expected a field name after `.`"),
        ("(1)", "unexpected `(`"),
        ("", "expected an intrinsic function call"),
    ];
    for (s, needle) in cases {
        assert_bad(s, needle);
    }
}

/// Unknown function names are rejected naming the closest known one.
#[test]
fn unknown_functions_name_the_closest_one() {
    let cases = [
        ("States.Xyz($.result)", "States."),
        ("States.format('x')", "did you mean `States.Format`?"),
        ("States.MathSub(1, 2)", "did you mean `States.MathAdd`?"),
        ("JsonToString($)", "did you mean `States.JsonToString`?"),
        (
            "States.Base64encode($.x)",
            "did you mean `States.Base64Encode`?",
        ),
        ("States.ArrayLen($.x)", "did you mean `States.ArrayLength`?"),
        ("States.UUIDs()", "did you mean `States.UUID`?"),
    ];
    for (s, needle) in cases {
        let e = assert_bad(s, needle);
        assert!(e.message.starts_with("unknown intrinsic function"), "{s}");
        assert_eq!(e.offset, 0);
    }
    // Unknown nested call: offset points at it.
    let e = assert_bad(
        "States.Array(States.Nope())",
        "unknown intrinsic function `States.Nope`",
    );
    assert_eq!(e.offset, 13);
}

/// No prefix or suffix of a valid input makes the checker panic.
#[test]
fn never_panics_on_prefixes() {
    let samples = [
        "States.Format('é {} \\{ ✓ {}', $.a[?(@.b == 'x')], States.ArrayGetItem($$.c, 1))",
        "States.Hash(-1.5e+3, 'SHA-256')",
        "States.Array(true, false, null, 'a\\\\b')",
    ];
    for s in samples {
        ok(s);
        for (i, _) in s.char_indices() {
            let _ = parse_intrinsic(s.get(..i).unwrap_or(""));
            let _ = parse_intrinsic(s.get(i..).unwrap_or(""));
        }
    }
}

/// The values of a call's arguments.
fn values(s: &str) -> Vec<ArgValue> {
    ok(s).args.into_iter().map(|a| a.value).collect()
}

/// A number as the parser reads it.
fn num(text: &str) -> crate::model::Number {
    crate::model::Number::parse(text).unwrap_or_else(|| panic!("{text} is a number"))
}

/// Literals become values: strings unescaped, numbers, booleans, null.
#[test]
fn literals_become_values() {
    assert_eq!(
        values(
            "States.Array('it\\'s \\{x\\} a\\\\b', '', 007, -1.5e3, 2E0, true, false, null, -0)"
        ),
        vec![
            ArgValue::String("it's {x} a\\b".into()),
            ArgValue::String(String::new()),
            ArgValue::Number(num("7")),
            ArgValue::Number(num("-1500.0")),
            ArgValue::Number(num("2.0")),
            ArgValue::Bool(true),
            ArgValue::Bool(false),
            ArgValue::Null,
            ArgValue::Number(num("-0")),
        ]
    );
    // Unescaped braces stay text outside a `States.Format` template.
    assert_eq!(
        values("States.StringToJson('{\"k\": \"v\"}')"),
        vec![ArgValue::String("{\"k\": \"v\"}".into())]
    );
}

/// A literal `States.Format` template is split at its placeholders.
#[test]
fn format_templates_become_pieces() {
    let template = |s: &str| ok(s).args.into_iter().next().map(|a| a.value);
    let pieces = |p: &[&str]| {
        Some(ArgValue::Template(
            p.iter().map(|s| (*s).to_owned()).collect(),
        ))
    };
    assert_eq!(
        template("States.Format('no placeholders')"),
        pieces(&["no placeholders"])
    );
    assert_eq!(template("States.Format('{}', 1)"), pieces(&["", ""]));
    assert_eq!(
        template("States.Format('a {} b \\{\\} c {}', 1, 2)"),
        pieces(&["a ", " b {} c ", ""])
    );
    assert_eq!(
        template("States.Format('it\\'s {}{}', 1, 2)"),
        pieces(&["it's ", "", ""])
    );
    // A template given by a Path stays a Path.
    assert!(matches!(
        template("States.Format($.t, 1)"),
        Some(ArgValue::Path(_))
    ));
}

/// Paths and nested calls become trees, each argument with its offset.
#[test]
fn paths_and_calls_become_trees() {
    let s = "States.ArrayGetItem(States.StringSplit($.csv, ','), $$.Map.Item.Index)";
    let call = ok(s);
    assert_eq!(call.function, Function::ArrayGetItem);
    assert_eq!(call.offset, 0);
    let offsets: Vec<usize> = call.args.iter().map(|a| a.offset).collect();
    assert_eq!(offsets, [20, 52]);
    let ArgValue::Call(inner) = &call.args[0].value else {
        panic!("expected a nested call");
    };
    assert_eq!(inner.function, Function::StringSplit);
    assert_eq!(inner.offset, 20);
    assert_eq!(
        inner.args[0].value,
        ArgValue::Path(crate::syntax::parse_path("$.csv").expect("path"))
    );
    assert_eq!(inner.args[1].value, ArgValue::String(",".into()));
    let ArgValue::Path(index) = &call.args[1].value else {
        panic!("expected a path");
    };
    assert_eq!(index.root, crate::syntax::PathRoot::Context);
    // Equality ignores offsets.
    assert_eq!(ok("States.Array( 1 )"), ok("States.Array(1)"));
}

/// An argument AWS requires to be a Path rejects every literal.
#[test]
fn path_only_arguments_reject_literals() {
    for literal in ["'{}'", "1", "1.5", "true", "null"] {
        let s = format!("States.JsonToString({literal})");
        let e = assert_bad(&s, "argument 1 of `States.JsonToString` must be a Path");
        assert_eq!(e.offset, 20, "{s}");
    }
    ok("States.JsonToString($.a)");
    ok("States.JsonToString(States.StringToJson('{}'))");
    // Every slot that takes no literal says so in the catalogue.
    for f in Function::ALL {
        for (i, kind) in f.params().iter().enumerate() {
            if !kind.accepts_literals() {
                let mut args: Vec<String> = (0..f.arity().min.max(i + 1))
                    .map(|_| "$.x".to_owned())
                    .collect();
                args[i] = "'x'".to_owned();
                let s = format!("{f}({})", args.join(", "));
                assert_bad(&s, "must be");
            }
        }
    }
}

/// Canonical text: what `Display` writes for some calls.
#[test]
fn display_writes_canonical_text() {
    let cases = [
        ("States.UUID()", "States.UUID()"),
        ("States.Array( 1 ,2,  3 )    ", "States.Array(1, 2, 3)"),
        (
            "States.Array(007, -0, 1E2, 'a\\\\b')",
            "States.Array(7, -0, 100.0, 'a\\\\b')",
        ),
        (
            "States.Format('x \\{\\} {}', $['a'])",
            "States.Format('x \\{\\} {}', $.a)",
        ),
        (
            "States.Hash(States.JsonToString($..a[?(@.b>1)]),'SHA-256')",
            "States.Hash(States.JsonToString($..a[?(@.b > 1)]), 'SHA-256')",
        ),
    ];
    for (text, canonical) in cases {
        let call = ok(text);
        assert_eq!(call.to_string(), canonical, "{text}");
        assert_eq!(ok(canonical), call, "{canonical}");
    }
}

/// The one escape decoder agrees with the encoders.
#[test]
fn escape_decoder_and_encoders_agree() {
    for text in [
        "",
        "plain",
        "it's",
        "{}",
        "}{",
        "\\",
        "\\'{}\\",
        "Ж中😀",
        "\n\t",
    ] {
        let literal = string_literal(text);
        let body = &literal[1..literal.len() - 1];
        assert_eq!(unescape(body).as_deref(), Ok(text), "{literal}");
        let parsed = values(&format!("States.Array({literal})"));
        assert_eq!(parsed, vec![ArgValue::String(text.to_owned())]);
    }
    let template = template_literal(&["a'", "{x}", ""]);
    assert_eq!(template, "'a\\'{}\\{x\\}{}'");
    assert_eq!(
        values(&format!("States.Format({template}, 1, 2)"))[0],
        ArgValue::Template(vec!["a'".into(), "{x}".into(), String::new()])
    );
    let e = unescape("a\\").expect_err("dangling");
    assert_eq!(e.offset, 1);
    let e = unescape("ab'c").expect_err("quote");
    assert_eq!(e.offset, 2);
}

/// Large calls are cloned, compared, printed and dropped on a 2 MiB stack.
#[test]
fn large_calls_on_a_small_stack() {
    let handle = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(|| {
            let n = 100_000;
            let nest = |inner: &str| {
                format!(
                    "{}{inner}{}",
                    "States.ArrayUnique(".repeat(9),
                    ")".repeat(9)
                )
            };
            for s in [
                format!("States.Array({}1)", "'x', ".repeat(n)),
                format!(
                    "States.Format('{}', {}1)",
                    "{}".repeat(n),
                    "1, ".repeat(n - 1)
                ),
                nest(&format!("$.a[?(@.b{})]", " && @.c".repeat(n))),
                nest(&format!("${}", ".a".repeat(n))),
            ] {
                let call = parse_intrinsic(&s).expect("valid");
                let copy = call.clone();
                assert_eq!(copy, call);
                assert_eq!(parse_intrinsic(&call.to_string()), Ok(copy));
            }
        })
        .expect("spawn");
    assert!(handle.join().is_ok());
}
