//! No JSONPath-mode value makes evaluation panic: paths and intrinsic calls
//! assembled from their grammar's pieces, over generated documents, and
//! arbitrary text. A path that names one node gives that node.

use proptest::prelude::*;
use stepfn::model::{Json, JsonObject};
use stepfn_sim::{evaluate_jsonpath, JsonPathScope};

fn json() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        (-5i64..50).prop_map(|n| Json::Number(n.into())),
        "[a-c]{0,2}".prop_map(Json::String),
    ];
    leaf.prop_recursive(4, 40, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Json::Array),
            prop::collection::vec(("[a-c]", inner), 0..4)
                .prop_map(|pairs| Json::Object(pairs.into_iter().collect::<JsonObject>())),
        ]
    })
}

fn step() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        ".a",
        ".b",
        "['c']",
        "[0]",
        "[-1]",
        "[*]",
        ".*",
        "..a",
        "..*",
        "[1:]",
        "[::-1]",
        "[0,1]",
        "['a','b']",
        "[?(@.a)]",
        "[?(@.a > 1)]",
        "[?(@ == 'a' || !@.b)]",
        "[(@.length-1)]",
        "[?(@.a < @.b)]",
    ])
}

fn path() -> impl Strategy<Value = String> {
    prop::collection::vec(step(), 0..5).prop_map(|steps| format!("${}", steps.concat()))
}

fn value() -> impl Strategy<Value = String> {
    let call = (
        prop::sample::select(vec![
            "States.Array",
            "States.ArrayLength",
            "States.ArrayUnique",
            "States.JsonToString",
            "States.ArrayContains",
            "States.ArrayGetItem",
            "States.ArrayPartition",
            "States.Format",
            "States.StringSplit",
            "States.Hash",
            "States.JsonMerge",
            "States.MathAdd",
            "States.ArrayRange",
            "States.Base64Encode",
            "States.StringToJson",
        ]),
        prop::collection::vec(
            prop_oneof![
                path(),
                Just("'a,b'".to_string()),
                Just("2".to_string()),
                Just("-1.5".to_string()),
                Just("false".to_string()),
                Just("'SHA-256'".to_string()),
                Just("'{}'".to_string()),
            ],
            0..4,
        ),
    )
        .prop_map(|(name, args)| format!("{name}({})", args.join(", ")));
    prop_oneof![path(), call]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn generated_values_never_panic(text in value(), input in json()) {
        let scope = JsonPathScope::new(&input).seed(3);
        if let Err(e) = evaluate_jsonpath(&text, &scope) {
            prop_assert!(!e.message.is_empty());
            prop_assert!(e.position <= text.len(), "{text}: position {}", e.position);
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,30}", input in json()) {
        let _ = evaluate_jsonpath(&text, &JsonPathScope::new(&input));
    }

    #[test]
    fn a_definite_path_gives_the_node_it_names(key in "[a-c]", index in 0usize..3, input in json()) {
        let text = format!("$.{key}[{index}]");
        let expected = match &input {
            Json::Object(members) => match members.get(&key) {
                Some(Json::Array(items)) => items.get(index).cloned(),
                _ => None,
            },
            _ => None,
        };
        let got = evaluate_jsonpath(&text, &JsonPathScope::new(&input)).ok();
        prop_assert_eq!(got, expected);
    }
}
