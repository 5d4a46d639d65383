//! Property tests of the evaluators: no panic on any document, Path or
//! call, and the round trips that exist (ResultPath then the same Path,
//! JsonToString then StringToJson, Base64 there and back, a literal glob).

use proptest::prelude::*;
use stepfn::model::{Json, JsonObject, Number};

use super::intrinsic::Intrinsic;
use super::jsonpath::JsonPath;
use super::template::Template;
use super::{reference, Env, NoRoots};
use crate::json;

/// Any JSON value a few levels deep.
fn any_json() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        any::<i64>().prop_map(|i| Json::Number(Number::from(i))),
        (-1e6f64..1e6).prop_map(json::double),
        "[a-c]{0,3}".prop_map(Json::String),
    ];
    leaf.prop_recursive(4, 32, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Json::Array),
            prop::collection::vec(("[a-c]{1,2}", inner), 0..4)
                .prop_map(|members| Json::Object(members.into_iter().collect::<JsonObject>())),
        ]
    })
}

/// Path text built from steps that name the generated keys and indexes.
fn any_path() -> impl Strategy<Value = String> {
    let step = prop_oneof![
        "[a-c]{1,2}".prop_map(|n| format!(".{n}")),
        (-3i32..4).prop_map(|i| format!("[{i}]")),
        Just("[*]".to_owned()),
        Just("..a".to_owned()),
        Just("[1:]".to_owned()),
        Just("[::-1]".to_owned()),
        Just("[0,1]".to_owned()),
        Just("['a','b']".to_owned()),
        Just("[?(@.a > 1)]".to_owned()),
        Just("[?(@.b == 'a' || !@.c)]".to_owned()),
        Just("[(@.length-1)]".to_owned()),
    ];
    prop::collection::vec(step, 0..5).prop_map(|steps| format!("${}", steps.concat()))
}

/// A reference path over the generated keys and small indexes.
fn any_reference_path() -> impl Strategy<Value = String> {
    let step = prop_oneof![
        "[a-c]{1,2}".prop_map(|n| format!(".{n}")),
        (0i32..3).prop_map(|i| format!("[{i}]")),
    ];
    prop::collection::vec(step, 0..4).prop_map(|steps| format!("${}", steps.concat()))
}

proptest! {
    #[test]
    fn paths_never_panic_and_indefinite_ones_give_arrays(doc in any_json(), path in any_path()) {
        let roots = NoRoots::new();
        let Ok(path) = JsonPath::parse(&path) else { return Ok(()); };
        let env = Env { input: &doc, roots: &roots };
        match path.select(env) {
            Ok(found) if !path.is_definite() => prop_assert!(matches!(found.value(), Json::Array(_))),
            Ok(_) => {}
            Err(_) => prop_assert!(path.is_definite()),
        }
    }

    #[test]
    fn result_path_then_the_same_path_gives_the_value(
        doc in any_json(), path in any_reference_path(), value in any_json()
    ) {
        let roots = NoRoots::new();
        let path = JsonPath::reference(&path).unwrap();
        if let Ok(out) = reference::set(&path, doc, value.clone()) {
            let found = path.select(Env { input: &out, roots: &roots }).unwrap();
            prop_assert!(json::equal(found.value(), &value));
        }
    }

    #[test]
    fn json_to_string_then_string_to_json_round_trips(doc in any_json()) {
        let roots = NoRoots::new();
        let input = Json::Object([("v".to_owned(), doc.clone())].into_iter().collect());
        let call = Intrinsic::parse("States.StringToJson(States.JsonToString($.v))").unwrap();
        let back = call.evaluate(Env { input: &input, roots: &roots }).unwrap();
        prop_assert!(json::equal(&back, &doc));
    }

    #[test]
    fn base64_round_trips(text in ".{0,40}") {
        let roots = NoRoots::new();
        let input = Json::Object([("s".to_owned(), Json::String(text.clone()))].into_iter().collect());
        let call = Intrinsic::parse("States.Base64Decode(States.Base64Encode($.s))").unwrap();
        let back = call.evaluate(Env { input: &input, roots: &roots }).unwrap();
        prop_assert_eq!(back, Json::String(text));
    }

    #[test]
    fn intrinsics_never_panic_on_any_argument(doc in any_json(), a in any_json(), b in any_json()) {
        let roots = NoRoots::new();
        let input = Json::Object(
            [("d".to_owned(), doc), ("a".to_owned(), a), ("b".to_owned(), b)].into_iter().collect(),
        );
        for call in [
            "States.Format('{} {}', $.a, $.b)", "States.StringToJson($.a)", "States.JsonToString($.d)",
            "States.Array($.a, $.b)", "States.ArrayPartition($.a, $.b)", "States.ArrayContains($.a, $.b)",
            "States.ArrayRange($.a, $.b, $.a)", "States.ArrayGetItem($.a, $.b)", "States.ArrayLength($.a)",
            "States.ArrayUnique($.a)", "States.Base64Encode($.a)", "States.Base64Decode($.a)",
            "States.Hash($.a, $.b)", "States.JsonMerge($.a, $.b, false)", "States.MathRandom($.a, $.b)",
            "States.MathAdd($.a, $.b)", "States.StringSplit($.a, $.b)", "States.UUID()",
        ] {
            let call = Intrinsic::parse(call).unwrap();
            let _ = call.evaluate(Env { input: &input, roots: &roots });
        }
    }

    #[test]
    fn templates_never_panic(doc in any_json(), path in any_path()) {
        let roots = NoRoots::new();
        let template: Json = serde_json::from_str(&format!(
            r#"{{"a.$":{},"b":[{{"c.$":"States.Array($)"}}],"d":1}}"#,
            json::text(&Json::String(path))
        )).unwrap();
        if let Ok(template) = Template::compile(&template) {
            let _ = template.evaluate(Env { input: &doc, roots: &roots });
        }
    }

    #[test]
    fn measured_size_is_the_compact_text_length(doc in any_json()) {
        let len = json::text(&doc).len();
        prop_assert_eq!(json::measure(&doc, Some(len), 64), json::Measure::Fits);
        prop_assert_eq!(json::measure(&doc, Some(len - 1), 64), json::Measure::TooLarge);
    }

    #[test]
    fn a_glob_with_every_star_escaped_matches_only_its_text(text in "[a*\\\\]{0,8}", other in "[a*\\\\]{0,8}") {
        let pattern: String = text.chars().flat_map(|c| match c {
            '*' | '\\' => vec!['\\', c],
            c => vec![c],
        }).collect();
        let glob = super::glob::Glob::new(&pattern).unwrap();
        prop_assert!(glob.matches(&text));
        prop_assert_eq!(glob.matches(&other), other == text);
    }
}
