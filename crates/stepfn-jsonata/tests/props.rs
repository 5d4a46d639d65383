//! No input makes compilation or evaluation panic: generated expressions
//! over generated documents, mutated reference-suite expressions, and
//! arbitrary text. Every failure is an error with a code, a message and a
//! position inside the expression.

use proptest::prelude::*;
use stepfn::model::{Json, JsonObject};
use stepfn_jsonata::{Bindings, Environment, Expression};

/// Small limits, so that runaway cases end quickly.
fn env() -> Environment {
    Environment::new()
        .at_millis(1_700_000_000_000)
        .with_seed(5)
        .max_steps(200_000)
        .max_memory(32 << 20)
}

/// Compiles and evaluates `expr`; checks what any error looks like.
fn check(expr: &str, input: Option<&Json>) {
    let states = Json::Null;
    let bindings = Bindings::new().bind("states", input.unwrap_or(&states));
    let outcome = Expression::compile(expr).and_then(|e| e.evaluate_with(input, &bindings, &env()));
    if let Err(e) = outcome {
        assert!(e.code.len() == 5, "{expr:?}: code {:?}", e.code);
        assert!(
            !e.message.is_empty(),
            "{expr:?}: empty message for {}",
            e.code
        );
        assert!(
            e.position <= expr.len(),
            "{expr:?}: position {} past the end",
            e.position
        );
        assert!(
            expr.is_char_boundary(e.position),
            "{expr:?}: position {} not at a character",
            e.position
        );
    }
}

/// JSON documents, a few levels deep.
fn json() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        (-1000i64..1000).prop_map(|n| Json::Number(n.into())),
        (-1e6f64..1e6).prop_filter_map("finite", |x| stepfn::model::Number::from_f64(x)
            .map(Json::Number)),
        "[a-c ]{0,4}".prop_map(Json::String),
    ];
    leaf.prop_recursive(4, 40, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Json::Array),
            prop::collection::vec(("[a-c]", inner), 0..5).prop_map(|pairs| {
                let mut map = JsonObject::new();
                for (k, v) in pairs {
                    map.insert(k, v);
                }
                Json::Object(map)
            }),
        ]
    })
}

/// Expressions from JSONata's grammar, a few levels deep.
fn expression() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("a".to_string()),
        Just("b".to_string()),
        Just("$".to_string()),
        Just("$$".to_string()),
        Just("*".to_string()),
        Just("**".to_string()),
        Just("%".to_string()),
        Just("$states.input".to_string()),
        Just("$x".to_string()),
        (-5i32..50).prop_map(|n| n.to_string()),
        Just("1.5".to_string()),
        Just("'s'".to_string()),
        Just("null".to_string()),
        Just("true".to_string()),
        Just("/a+/i".to_string()),
        Just("[]".to_string()),
        Just("{}".to_string()),
    ];
    let functions = [
        "$sum",
        "$count",
        "$string",
        "$number",
        "$keys",
        "$map",
        "$filter",
        "$reduce",
        "$sort",
        "$join",
        "$split",
        "$replace",
        "$match",
        "$substring",
        "$formatNumber",
        "$formatInteger",
        "$fromMillis",
        "$toMillis",
        "$merge",
        "$spread",
        "$each",
        "$sift",
        "$append",
        "$reverse",
        "$distinct",
        "$zip",
        "$boolean",
        "$not",
        "$exists",
        "$type",
        "$lookup",
        "$partition",
        "$range",
        "$hash",
        "$parse",
        "$pad",
        "$trim",
        "$uppercase",
        "$contains",
        "$single",
        "$power",
        "$round",
        "$abs",
        "$error",
        "$assert",
        "$base64encode",
        "$decodeUrl",
        "$shuffle",
    ];
    leaf.prop_recursive(5, 60, 4, move |inner| {
        let binary = prop_oneof![
            Just("."),
            Just("+"),
            Just("-"),
            Just("*"),
            Just("/"),
            Just("%"),
            Just("="),
            Just("!="),
            Just("<"),
            Just(">="),
            Just("&"),
            Just("and"),
            Just("or"),
            Just("in"),
            Just("~>"),
        ];
        prop_oneof![
            (inner.clone(), binary, inner.clone()).prop_map(|(l, op, r)| format!("({l} {op} {r})")),
            (inner.clone(), inner.clone()).prop_map(|(l, p)| format!("{l}[{p}]")),
            inner.clone().prop_map(|e| format!("{e}[]")),
            (inner.clone(), inner.clone()).prop_map(|(l, k)| format!("{l}{{ $string({k}): $ }}")),
            (inner.clone(), inner.clone()).prop_map(|(l, k)| format!("{l}^(>{k})")),
            (inner.clone(), inner.clone(), inner.clone())
                .prop_map(|(c, t, e)| format!("({c} ? {t} : {e})")),
            prop::collection::vec(inner.clone(), 0..3).prop_map(|v| format!("[{}]", v.join(", "))),
            prop::collection::vec(inner.clone(), 0..3).prop_map(|v| format!(
                "{{{}}}",
                v.iter()
                    .enumerate()
                    .map(|(i, e)| format!("'k{i}': {e}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            (
                prop::sample::select(functions.to_vec()),
                prop::collection::vec(inner.clone(), 0..3)
            )
                .prop_map(|(f, args)| format!("{f}({})", args.join(", "))),
            inner
                .clone()
                .prop_map(|b| format!("function($v, $i){{ {b} }}")),
            (inner.clone(), inner.clone()).prop_map(|(v, b)| format!("($x := {v}; {b})")),
            (inner.clone(), inner.clone()).prop_map(|(l, r)| format!("{l}@$x.{r}")),
            (inner.clone(), inner.clone()).prop_map(|(l, r)| format!("{l}#$i.{r}")),
            (inner.clone(), inner.clone())
                .prop_map(|(p, u)| format!("| {p} | {{'u': {u}}}, ['a'] |")),
            (inner.clone(), inner).prop_map(|(a, b)| format!("[{a}..{b}]")),
        ]
    })
}

/// The expressions of the reference suite, read once.
fn suite_expressions() -> &'static [String] {
    static EXPRESSIONS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    EXPRESSIONS.get_or_init(read_suite_expressions)
}

/// Reads the expressions of the reference suite.
fn read_suite_expressions() -> Vec<String> {
    let groups = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/jsonata-suite/groups");
    let mut out = Vec::new();
    let Ok(dirs) = std::fs::read_dir(groups) else {
        return out;
    };
    for dir in dirs.flatten() {
        let Ok(files) = std::fs::read_dir(dir.path()) else {
            continue;
        };
        for file in files.flatten() {
            let Ok(text) = std::fs::read_to_string(file.path()) else {
                continue;
            };
            // the expressions are the values of "expr" keys; a rough scan is enough here
            for line in text.lines() {
                if let Some(rest) = line.trim().strip_prefix("\"expr\": ") {
                    if let Ok(serde_json::Value::String(expr)) =
                        serde_json::from_str::<serde_json::Value>(rest.trim_end_matches(','))
                    {
                        out.push(expr);
                    }
                }
            }
        }
    }
    out.sort();
    out
}

/// Pieces a mutation inserts.
const PIECES: [&str; 24] = [
    ".", "[", "]", "(", ")", "{", "}", ",", ";", ":", "?", "$", "@", "#", "^", "|", "..", ":=",
    "~>", "\"", "/", "**", "%", "λ",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn generated_expressions_never_panic(expr in expression(), input in json()) {
        check(&expr, Some(&input));
    }

    #[test]
    fn mutated_suite_expressions_never_panic(
        pick in any::<prop::sample::Index>(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..3, prop::sample::select(PIECES.to_vec())), 1..4),
        input in json(),
    ) {
        let expressions = suite_expressions();
        prop_assume!(!expressions.is_empty());
        let mut expr: Vec<char> = pick.get(expressions).chars().collect();
        for (at, kind, piece) in edits {
            let i = if expr.is_empty() { 0 } else { at.index(expr.len() + 1) };
            match kind {
                0 => { expr.splice(i..i, piece.chars()); }
                1 => { if i < expr.len() { expr.remove(i); } }
                _ => { if i < expr.len() { expr.splice(i..=i, piece.chars()); } }
            }
        }
        let expr: String = expr.into_iter().collect();
        check(&expr, Some(&input));
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,40}") {
        check(&text, None);
    }
}
