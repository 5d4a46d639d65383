//! Properties: no input makes the parser panic, every error names a column
//! inside the input, and printing a condition then parsing it gives it back.

use proptest::prelude::*;

use crate::model::Number;

use super::Condition;

/// Paths of every shape the language reads in one piece.
fn path() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("$".to_owned()),
        "\\$\\.[a-z][a-z0-9_-]{0,6}(\\.[a-zA-Z]{1,4}){0,2}",
        "\\$\\$\\.(Execution\\.Id|State\\.Name|Map\\.Item\\.Index)",
        "\\$[a-z][a-z0-9]{0,4}(\\.[a-z]{1,4})?",
        "\\$\\.[a-z]{1,4}\\[[0-9]{1,2}\\](\\.[a-z]{1,3})?",
        "\\$\\['[a-z ,()=!&|<>]{1,6}'\\]",
        "\\$\\.[a-z]{1,3}\\[\\?\\(@\\.[a-z]{1,3} (>|==|<=) [0-9]{1,2}\\)\\]",
        "\\$\\.[a-z]{1,3}(\\\\[.\\[@?*]|[a-z]){1,4}",
    ]
}

/// Numbers of every representation: unsigned, negative, float, long text.
fn number() -> impl Strategy<Value = Number> {
    prop_oneof![
        any::<u64>().prop_map(Number::from),
        any::<i64>().prop_map(Number::from),
        any::<f64>().prop_filter_map("finite", Number::from_f64),
        "-?[1-9][0-9]{20,30}(\\.[0-9]{1,25})?".prop_filter_map("number", |t| Number::parse(&t)),
        "-?0\\.[0-9]{1,25}".prop_filter_map("number", |t| Number::parse(&t)),
    ]
}

/// One data test, of any of the 39 operators.
fn leaf() -> impl Strategy<Value = Condition> {
    (
        0..39usize,
        path(),
        path(),
        any::<String>(),
        number(),
        any::<bool>(),
    )
        .prop_map(|(op, v, p, s, n, b)| {
            type C = Condition;
            match op {
                0 => C::string_equals(v, s),
                1 => C::string_less_than(v, s),
                2 => C::string_greater_than(v, s),
                3 => C::string_less_than_equals(v, s),
                4 => C::string_greater_than_equals(v, s),
                5 => C::string_equals_path(v, p),
                6 => C::string_less_than_path(v, p),
                7 => C::string_greater_than_path(v, p),
                8 => C::string_less_than_equals_path(v, p),
                9 => C::string_greater_than_equals_path(v, p),
                10 => C::string_matches(v, s),
                11 => C::numeric_equals(v, n),
                12 => C::numeric_less_than(v, n),
                13 => C::numeric_greater_than(v, n),
                14 => C::numeric_less_than_equals(v, n),
                15 => C::numeric_greater_than_equals(v, n),
                16 => C::numeric_equals_path(v, p),
                17 => C::numeric_less_than_path(v, p),
                18 => C::numeric_greater_than_path(v, p),
                19 => C::numeric_less_than_equals_path(v, p),
                20 => C::numeric_greater_than_equals_path(v, p),
                21 => C::boolean_equals(v, b),
                22 => C::boolean_equals_path(v, p),
                23 => C::timestamp_equals(v, s),
                24 => C::timestamp_less_than(v, s),
                25 => C::timestamp_greater_than(v, s),
                26 => C::timestamp_less_than_equals(v, s),
                27 => C::timestamp_greater_than_equals(v, s),
                28 => C::timestamp_equals_path(v, p),
                29 => C::timestamp_less_than_path(v, p),
                30 => C::timestamp_greater_than_path(v, p),
                31 => C::timestamp_less_than_equals_path(v, p),
                32 => C::timestamp_greater_than_equals_path(v, p),
                33 => C::is_null(v, b),
                34 => C::is_present(v, b),
                35 => C::is_numeric(v, b),
                36 => C::is_string(v, b),
                37 => C::is_boolean(v, b),
                _ => C::is_timestamp(v, b),
            }
        })
}

/// Trees of `And`, `Or` and `Not` over data tests.
fn condition() -> impl Strategy<Value = Condition> {
    leaf().prop_recursive(5, 48, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 1..5).prop_map(Condition::and),
            prop::collection::vec(inner.clone(), 1..5).prop_map(Condition::or),
            inner.prop_map(Condition::not),
        ]
    })
}

/// Text made of the language's own pieces, so that most inputs get deep
/// into the parser.
fn token_soup() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "$.a",
        "$$.b",
        "$x",
        "$['k",
        "']",
        "[",
        "]",
        "'s'",
        "\"d\"",
        "'",
        "\\",
        "5",
        "-1.5e3",
        "01",
        "true",
        "null",
        "==",
        "!=",
        "<",
        "<=",
        ">",
        ">=",
        "=",
        "&&",
        "||",
        "&",
        "|",
        "!",
        "(",
        ")",
        ",",
        "is_present",
        "is_null",
        "matches",
        "and",
        "or",
        "number",
        "string",
        "timestamp",
        "bool",
        "foo",
        " ",
        "é",
        "\u{1F600}",
    ]);
    prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

/// Parses `src`; checks the error's column, or that the condition prints
/// back to text that parses to it.
fn check_parse(src: &str) -> Result<(), TestCaseError> {
    match Condition::parse(src) {
        Err(e) => {
            let column = e.column();
            prop_assert!(
                (1..=src.chars().count() + 1).contains(&column),
                "column {column} outside {src:?}"
            );
            prop_assert_eq!(e.input(), src);
        }
        Ok(c) => {
            let shown = c.to_string();
            prop_assert_eq!(
                Condition::parse(&shown),
                Ok(c),
                "{:?} printed as {:?}",
                src,
                shown
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn printed_conditions_parse_back_to_themselves(c in condition()) {
        let shown = c.to_string();
        prop_assert_eq!(Condition::parse(&shown), Ok(c), "{}", shown);
    }

    #[test]
    fn arbitrary_text_never_panics(src in any::<String>()) {
        check_parse(&src)?;
    }

    #[test]
    fn language_like_text_never_panics(src in token_soup()) {
        check_parse(&src)?;
    }
}
