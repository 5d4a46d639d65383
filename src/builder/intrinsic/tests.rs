//! Tests of the typed intrinsic constructors: the text each writes, the
//! escaping of literals, and their agreement with the catalogue.

use std::num::{NonZeroI64, NonZeroU32};

use super::*;
use crate::builder::JsonPath;
use crate::model::Number;
use crate::syntax::intrinsic::{parse_intrinsic, LiteralKind};
use crate::syntax::SyntaxError;

/// Whether the validator's parser accepts a call.
fn check_intrinsic(text: &str) -> Result<(), SyntaxError> {
    parse_intrinsic(text).map(|_| ())
}

/// Asserts that the validator accepts `f`, that it renders `text`, and
/// that `text` is the parsed call's canonical text.
#[track_caller]
fn renders(f: &Intrinsic, text: &str) {
    assert_eq!(f.as_str(), text);
    match parse_intrinsic(f.as_str()) {
        Ok(call) => assert_eq!(call.to_string(), text),
        Err(e) => panic!("validator rejects {text}: {e}"),
    }
}

/// Decodes the body of a literal (between the quotes) with the parser's
/// decoder.
fn unescape(body: &str) -> String {
    crate::syntax::intrinsic::unescape(body).unwrap_or_else(|e| panic!("{body:?}: {e}"))
}

fn path(s: &str) -> JsonPath {
    JsonPath::new(s)
}

fn nz_u(n: u32) -> NonZeroU32 {
    NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN)
}

fn nz_i(n: i64) -> NonZeroI64 {
    NonZeroI64::new(n).unwrap_or(NonZeroI64::MIN)
}

#[test]
fn every_function_renders_its_asl_call() {
    let none = Vec::<IntrinsicArg>::new;
    let cases = [
        (
            Intrinsic::format("order-{}", [path("$.order.id")]),
            "States.Format('order-{}', $.order.id)",
        ),
        (Intrinsic::format("x", none()), "States.Format('x')"),
        (
            Intrinsic::format(path("$.tpl"), [1, 2]),
            "States.Format($.tpl, 1, 2)",
        ),
        (
            Intrinsic::string_to_json("[1]"),
            "States.StringToJson('[1]')",
        ),
        (
            Intrinsic::json_to_string(path("$")),
            "States.JsonToString($)",
        ),
        (Intrinsic::array(none()), "States.Array()"),
        (
            Intrinsic::array([
                IntrinsicArg::from("Foo"),
                IntrinsicArg::from(2020),
                IntrinsicArg::from(path("$.a")),
                IntrinsicArg::from(false),
                IntrinsicArg::null(),
                IntrinsicArg::from(0.25),
            ]),
            "States.Array('Foo', 2020, $.a, false, null, 0.25)",
        ),
        (
            Intrinsic::array_partition(path("$.a"), nz_u(4)),
            "States.ArrayPartition($.a, 4)",
        ),
        (
            Intrinsic::array_contains(path("$.a"), path("$.v")),
            "States.ArrayContains($.a, $.v)",
        ),
        (
            Intrinsic::array_range(1, 9, nz_i(2)),
            "States.ArrayRange(1, 9, 2)",
        ),
        (
            Intrinsic::array_get_item(path("$.a"), 5u8),
            "States.ArrayGetItem($.a, 5)",
        ),
        (
            Intrinsic::array_length(path("$.a")),
            "States.ArrayLength($.a)",
        ),
        (
            Intrinsic::array_unique(path("$.a")),
            "States.ArrayUnique($.a)",
        ),
        (
            Intrinsic::base64_encode("Data to encode"),
            "States.Base64Encode('Data to encode')",
        ),
        (
            Intrinsic::base64_decode("RGF0YSB0byBlbmNvZGU="),
            "States.Base64Decode('RGF0YSB0byBlbmNvZGU=')",
        ),
        (
            Intrinsic::hash(path("$.d"), HashAlgorithm::Sha512),
            "States.Hash($.d, 'SHA-512')",
        ),
        (
            Intrinsic::json_merge(path("$.a"), path("$.b")),
            "States.JsonMerge($.a, $.b, false)",
        ),
        (Intrinsic::math_random(-5, 5), "States.MathRandom(-5, 5)"),
        (
            Intrinsic::math_random_with_seed(0, 10, 42),
            "States.MathRandom(0, 10, 42)",
        ),
        (
            Intrinsic::math_add(i64::MIN, u64::MAX),
            "States.MathAdd(-9223372036854775808, 18446744073709551615)",
        ),
        (
            Intrinsic::string_split("a,b", ","),
            "States.StringSplit('a,b', ',')",
        ),
        (Intrinsic::uuid(), "States.UUID()"),
    ];
    for (f, text) in &cases {
        renders(f, text);
    }
}

/// What a builder argument type can be written as, besides a Path or a
/// nested call.
trait Slot {
    /// The literal kinds the type renders.
    const LITERALS: &'static [LiteralKind];
}

impl Slot for IntrinsicArg {
    const LITERALS: &'static [LiteralKind] = &[
        LiteralKind::String,
        LiteralKind::Integer,
        LiteralKind::Decimal,
        LiteralKind::Boolean,
        LiteralKind::Null,
    ];
}
impl Slot for StrArg {
    const LITERALS: &'static [LiteralKind] = &[LiteralKind::String];
}
impl Slot for IntArg {
    const LITERALS: &'static [LiteralKind] = &[LiteralKind::Integer];
}
impl Slot for CountArg {
    const LITERALS: &'static [LiteralKind] = &[LiteralKind::Integer];
}
impl Slot for StepArg {
    const LITERALS: &'static [LiteralKind] = &[LiteralKind::Integer];
}
impl Slot for PathOrCall {
    const LITERALS: &'static [LiteralKind] = &[];
}
impl Slot for HashAlgorithm {
    const LITERALS: &'static [LiteralKind] = &[LiteralKind::String];
}

/// The literals of slot type `T`.
fn of<T: Slot>() -> &'static [LiteralKind] {
    T::LITERALS
}

/// The literal kinds of each argument of `f`'s builder constructor(s),
/// in order; for a function without an argument limit, the last entry
/// stands for every further argument. Each arm pins the constructor's
/// argument types by coercing it to a function pointer.
fn builder_slots(f: Function) -> Vec<&'static [LiteralKind]> {
    match f {
        Function::Format => {
            let _: fn(StrArg, Vec<IntrinsicArg>) -> Intrinsic = Intrinsic::format;
            vec![of::<StrArg>(), of::<IntrinsicArg>()]
        }
        Function::StringToJson => {
            let _: fn(StrArg) -> Intrinsic = Intrinsic::string_to_json;
            vec![of::<StrArg>()]
        }
        Function::JsonToString => {
            let _: fn(PathOrCall) -> Intrinsic = Intrinsic::json_to_string;
            vec![of::<PathOrCall>()]
        }
        Function::Array => {
            let _: fn(Vec<IntrinsicArg>) -> Intrinsic = Intrinsic::array;
            vec![of::<IntrinsicArg>()]
        }
        Function::ArrayPartition => {
            let _: fn(PathOrCall, CountArg) -> Intrinsic = Intrinsic::array_partition;
            vec![of::<PathOrCall>(), of::<CountArg>()]
        }
        Function::ArrayContains => {
            let _: fn(PathOrCall, IntrinsicArg) -> Intrinsic = Intrinsic::array_contains;
            vec![of::<PathOrCall>(), of::<IntrinsicArg>()]
        }
        Function::ArrayRange => {
            let _: fn(IntArg, IntArg, StepArg) -> Intrinsic = Intrinsic::array_range;
            vec![of::<IntArg>(), of::<IntArg>(), of::<StepArg>()]
        }
        Function::ArrayGetItem => {
            let _: fn(PathOrCall, IntArg) -> Intrinsic = Intrinsic::array_get_item;
            vec![of::<PathOrCall>(), of::<IntArg>()]
        }
        Function::ArrayLength => {
            let _: fn(PathOrCall) -> Intrinsic = Intrinsic::array_length;
            vec![of::<PathOrCall>()]
        }
        Function::ArrayUnique => {
            let _: fn(PathOrCall) -> Intrinsic = Intrinsic::array_unique;
            vec![of::<PathOrCall>()]
        }
        Function::Base64Encode => {
            let _: fn(StrArg) -> Intrinsic = Intrinsic::base64_encode;
            vec![of::<StrArg>()]
        }
        Function::Base64Decode => {
            let _: fn(StrArg) -> Intrinsic = Intrinsic::base64_decode;
            vec![of::<StrArg>()]
        }
        Function::Hash => {
            let _: fn(IntrinsicArg, HashAlgorithm) -> Intrinsic = Intrinsic::hash;
            vec![of::<IntrinsicArg>(), of::<HashAlgorithm>()]
        }
        Function::JsonMerge => {
            let _: fn(PathOrCall, PathOrCall) -> Intrinsic = Intrinsic::json_merge;
            // The third argument is always the literal `false`.
            vec![
                of::<PathOrCall>(),
                of::<PathOrCall>(),
                &[LiteralKind::Boolean],
            ]
        }
        Function::MathRandom => {
            let _: fn(IntArg, IntArg) -> Intrinsic = Intrinsic::math_random;
            let _: fn(IntArg, IntArg, IntArg) -> Intrinsic = Intrinsic::math_random_with_seed;
            vec![of::<IntArg>(), of::<IntArg>(), of::<IntArg>()]
        }
        Function::MathAdd => {
            let _: fn(IntArg, IntArg) -> Intrinsic = Intrinsic::math_add;
            vec![of::<IntArg>(), of::<IntArg>()]
        }
        Function::StringSplit => {
            let _: fn(StrArg, StrArg) -> Intrinsic = Intrinsic::string_split;
            vec![of::<StrArg>(), of::<StrArg>()]
        }
        Function::Uuid => {
            let _: fn() -> Intrinsic = Intrinsic::uuid;
            vec![]
        }
    }
}

/// The builder's argument types agree with the catalogue: one slot per
/// parameter, and no slot renders a literal the catalogue's kind
/// rejects (so a Path-only, array or object slot takes no literal).
#[test]
fn argument_types_fit_the_catalogue_kinds() {
    for f in Function::ALL {
        let slots = builder_slots(f);
        let expected = f.arity().max.unwrap_or(f.params().len() + 1);
        assert_eq!(slots.len(), expected, "{f}");
        for (i, literals) in slots.iter().enumerate() {
            let kind = f.param(i);
            for &literal in *literals {
                assert!(
                    kind.accepts_literal(literal),
                    "{f} argument {}: the builder renders {} but the catalogue wants {}",
                    i + 1,
                    literal.describe(),
                    kind.describe()
                );
            }
            if !kind.accepts_literals() {
                assert!(literals.is_empty(), "{f} argument {}", i + 1);
            }
        }
    }
}

/// The builder writes each function's catalogue name.
#[test]
fn calls_use_the_catalogue_names() {
    let calls = [
        (
            Intrinsic::format("x", Vec::<IntrinsicArg>::new()),
            Function::Format,
        ),
        (Intrinsic::string_to_json("1"), Function::StringToJson),
        (Intrinsic::json_to_string(path("$")), Function::JsonToString),
        (Intrinsic::array([1]), Function::Array),
        (
            Intrinsic::array_partition(path("$"), nz_u(1)),
            Function::ArrayPartition,
        ),
        (
            Intrinsic::array_contains(path("$"), 1),
            Function::ArrayContains,
        ),
        (Intrinsic::array_range(1, 2, nz_i(1)), Function::ArrayRange),
        (
            Intrinsic::array_get_item(path("$"), 0),
            Function::ArrayGetItem,
        ),
        (Intrinsic::array_length(path("$")), Function::ArrayLength),
        (Intrinsic::array_unique(path("$")), Function::ArrayUnique),
        (Intrinsic::base64_encode("a"), Function::Base64Encode),
        (Intrinsic::base64_decode("a"), Function::Base64Decode),
        (Intrinsic::hash("a", HashAlgorithm::Md5), Function::Hash),
        (
            Intrinsic::json_merge(path("$.a"), path("$.b")),
            Function::JsonMerge,
        ),
        (Intrinsic::math_random(1, 2), Function::MathRandom),
        (Intrinsic::math_add(1, 2), Function::MathAdd),
        (Intrinsic::string_split("a", ","), Function::StringSplit),
        (Intrinsic::uuid(), Function::Uuid),
    ];
    assert_eq!(calls.len(), Function::ALL.len());
    for (call, function) in calls {
        assert_eq!(
            parse_intrinsic(call.as_str()).map(|c| c.function),
            Ok(function)
        );
    }
}

#[test]
fn every_hash_algorithm_is_accepted() {
    for alg in HashAlgorithm::ALL {
        let f = Intrinsic::hash("x", alg);
        renders(&f, &format!("States.Hash('x', '{alg}')"));
    }
}

#[test]
fn string_literals_escape_quote_braces_and_backslash() {
    let cases = [
        ("it's", r"'it\'s'"),
        ("{", r"'\{'"),
        ("}", r"'\}'"),
        ("{}", r"'\{\}'"),
        (r"\", r"'\\'"),
        (r"\n", r"'\\n'"),
        ("\n", "'\n'"),
        ("\"quoted\"", "'\"quoted\"'"),
        ("Ж中😀", "'Ж中😀'"),
        ("", "''"),
        (r"\'{}", r"'\\\'\{\}'"),
    ];
    for (raw, text) in cases {
        assert_eq!(IntrinsicArg::from(raw).as_str(), text, "{raw:?}");
        assert_eq!(IntrinsicArg::from(raw.to_owned()).as_str(), text);
        assert_eq!(unescape(&text[1..text.len() - 1]), raw);
        renders(
            &Intrinsic::string_to_json(raw),
            &format!("States.StringToJson({text})"),
        );
    }
}

#[test]
fn format_templates_keep_placeholders_and_escape_other_braces() {
    let cases = [
        ("{}", "'{}'", 1),
        ("{{}}", r"'\{{}\}'", 1),
        ("}{", r"'\}\{'", 0),
        ("{x}", r"'\{x\}'", 0),
        ("{}{}", "'{}{}'", 2),
        ("{{}", r"'\{{}'", 1),
        ("{}}", r"'{}\}'", 1),
        (r"\{}", r"'\\{}'", 1),
        ("it's {} o'clock", r"'it\'s {} o\'clock'", 1),
        ("Ж{}中", "'Ж{}中'", 1),
    ];
    for (raw, text, placeholders) in cases {
        let values = vec![IntrinsicArg::from(1); placeholders];
        let mut expected = format!("States.Format({text}");
        for _ in 0..placeholders {
            expected.push_str(", 1");
        }
        expected.push(')');
        renders(&Intrinsic::format(raw, values), &expected);
    }
}

#[test]
fn numbers_render_as_json_and_non_finite_floats_as_null() {
    assert_eq!(IntrinsicArg::from(1.0).as_str(), "1.0");
    assert_eq!(IntrinsicArg::from(-0.5f32).as_str(), "-0.5");
    assert_eq!(IntrinsicArg::from(0.1f32).as_str(), "0.1");
    assert_eq!(IntrinsicArg::from(1e300).as_str(), "1e+300");
    assert_eq!(IntrinsicArg::from(1.5e-7).as_str(), "1.5e-7");
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        assert_eq!(IntrinsicArg::from(bad).as_str(), "null");
    }
    assert_eq!(IntrinsicArg::from(f32::NAN).as_str(), "null");
    assert_eq!(
        IntrinsicArg::from(usize::MAX).as_str(),
        usize::MAX.to_string()
    );
    let big = Number::parse("123456789012345678901234567890").map(IntrinsicArg::from);
    assert_eq!(
        big.as_ref().map(IntrinsicArg::as_str),
        Some("123456789012345678901234567890")
    );
    renders(
        &Intrinsic::array([f64::NAN, 2.5, f64::INFINITY]),
        "States.Array(null, 2.5, null)",
    );
    renders(
        &Intrinsic::format("{} {}", [Some(1.5), None]),
        "States.Format('{} {}', 1.5, null)",
    );
}

#[test]
fn nested_calls_and_references_render_bare() {
    let id = JsonPath::input().field("order id");
    let inner = Intrinsic::format("{}", [&id]);
    let outer = Intrinsic::base64_encode(&inner);
    renders(
        &outer,
        "States.Base64Encode(States.Format('{}', $['order id']))",
    );
    renders(
        &Intrinsic::array_get_item(Intrinsic::string_split(&inner, ", "), 0),
        "States.ArrayGetItem(States.StringSplit(States.Format('{}', $['order id']), ', '), 0)",
    );
    renders(
        &Intrinsic::hash(Intrinsic::json_to_string(&id), HashAlgorithm::Md5),
        "States.Hash(States.JsonToString($['order id']), 'MD5')",
    );
    let typed = Intrinsic::array([
        IntrinsicArg::from(StrArg::from("s")),
        IntrinsicArg::from(IntArg::from(3)),
        IntrinsicArg::from(PathOrCall::from(&id)),
    ]);
    renders(&typed, "States.Array('s', 3, $['order id'])");
}

#[test]
fn nasty_strings_in_every_string_slot_pass_the_validator() {
    let nasty = [
        "",
        "'",
        "''",
        "\\",
        "\\\\",
        "{",
        "}",
        "{}",
        "{{}}",
        "}{",
        "a,b)",
        "$.not.a.path",
        "States.UUID()",
        "\"",
        "\n\t\r",
        "\u{0}",
        "Ж中😀\u{202e}",
        "\\'{}\\",
    ];
    for s in nasty {
        let values = vec![IntrinsicArg::from(true); placeholders(s)];
        for f in [
            Intrinsic::format(s, values),
            Intrinsic::format("{}", [s]),
            Intrinsic::string_to_json(s),
            Intrinsic::array([s, s]),
            Intrinsic::array_contains(path("$.a"), s),
            Intrinsic::base64_encode(s),
            Intrinsic::base64_decode(s),
            Intrinsic::hash(s, HashAlgorithm::Sha256),
            Intrinsic::string_split(s, s),
            Intrinsic::json_to_string(JsonPath::input().field(s)),
            Intrinsic::array_length(JsonPath::variable("v").field(s).index(1)),
        ] {
            let text = f.to_string();
            assert!(check_intrinsic(&text).is_ok(), "{text}");
        }
    }
}

/// The `{}` placeholders a literal template keeps (read left to right).
pub(super) fn placeholders(template: &str) -> usize {
    let mut n = 0;
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '{' && chars.peek() == Some(&'}') {
            chars.next();
            n += 1;
        }
    }
    n
}
