//! One constructor per JSONPath comparison operator: the 39 of
//! [`Comparison`], named after the operator in snake case.

use crate::model::{Comparison, Number};

use super::{data_test, Condition, ConditionParseError, NumericLiteral};

/// `{"Variable": variable, <comparison>}`.
fn data(variable: impl Into<String>, comparison: Comparison) -> Condition {
    Condition::leaf(Ok(data_test(variable.into(), comparison)))
}

/// A `Numeric…` test; a non-finite `value` is kept as an error, reported
/// as if the condition had been written `variable op value`.
fn numeric(
    variable: impl Into<String>,
    op: &str,
    value: impl Into<NumericLiteral>,
    operator: fn(Number) -> Comparison,
) -> Condition {
    let variable = variable.into();
    match value.into().into_number() {
        Ok(number) => data(variable, operator(number)),
        Err(bad) => {
            let input = format!("{variable} {op} {bad}");
            let column = variable.chars().count() + op.len() + 3;
            Condition::leaf(Err(ConditionParseError::new(
                &input,
                column,
                format!("`{bad}` is not a number JSON can hold: use a finite number"),
            )))
        }
    }
}

/// Defines constructors, each with a doctest of the JSON it writes and its
/// expression syntax.
macro_rules! constructors {
    ($(
        $(#[doc = $doc:literal])*
        fn $name:ident($var:ident, $arg:ident: $ty:ty) => $body:expr;
        example($call:literal) => $json:literal => $text:literal;
    )*) => {$(
        $(#[doc = $doc])*
        ///
        /// ```
        /// use stepfn::builder::Condition;
        #[doc = concat!("let c = Condition::", stringify!($name), "(", $call, ");")]
        #[doc = concat!("assert_eq!(c.to_json()?, r#\"", $json, "\"#);")]
        #[doc = concat!("assert_eq!(c.to_string(), \"", $text, "\");")]
        /// # Ok::<(), stepfn::builder::ConditionParseError>(())
        /// ```
        pub fn $name($var: impl Into<String>, $arg: $ty) -> Condition {
            $body
        }
    )*};
}

impl Condition {
    constructors! {
        /// `StringEquals`: the string at `variable` equals `value` (ordinal, by UTF-16 code units).
        fn string_equals(variable, value: impl Into<String>)
            => data(variable, Comparison::StringEquals(value.into()));
        example(r#""$.status", "FAILED""#)
            => r#"{"Variable":"$.status","StringEquals":"FAILED"}"#
            => "$.status == 'FAILED'";

        /// `StringEqualsPath`: the string at `variable` equals the string at `path`.
        fn string_equals_path(variable, path: impl Into<String>)
            => data(variable, Comparison::StringEqualsPath(path.into()));
        example(r#""$.a", "$.b""#)
            => r#"{"Variable":"$.a","StringEqualsPath":"$.b"}"#
            => "$.a == string($.b)";

        /// `StringLessThan`: the string at `variable` sorts before `value` (ordinal, by UTF-16 code
        /// units).
        fn string_less_than(variable, value: impl Into<String>)
            => data(variable, Comparison::StringLessThan(value.into()));
        example(r#""$.status", "FAILED""#)
            => r#"{"Variable":"$.status","StringLessThan":"FAILED"}"#
            => "$.status < 'FAILED'";

        /// `StringLessThanPath`: the string at `variable` sorts before the string at `path`.
        fn string_less_than_path(variable, path: impl Into<String>)
            => data(variable, Comparison::StringLessThanPath(path.into()));
        example(r#""$.a", "$.b""#)
            => r#"{"Variable":"$.a","StringLessThanPath":"$.b"}"#
            => "$.a < string($.b)";

        /// `StringGreaterThan`: the string at `variable` sorts after `value` (ordinal, by UTF-16 code
        /// units).
        fn string_greater_than(variable, value: impl Into<String>)
            => data(variable, Comparison::StringGreaterThan(value.into()));
        example(r#""$.status", "FAILED""#)
            => r#"{"Variable":"$.status","StringGreaterThan":"FAILED"}"#
            => "$.status > 'FAILED'";

        /// `StringGreaterThanPath`: the string at `variable` sorts after the string at `path`.
        fn string_greater_than_path(variable, path: impl Into<String>)
            => data(variable, Comparison::StringGreaterThanPath(path.into()));
        example(r#""$.a", "$.b""#)
            => r#"{"Variable":"$.a","StringGreaterThanPath":"$.b"}"#
            => "$.a > string($.b)";

        /// `StringLessThanEquals`: the string at `variable` sorts before or equals `value` (ordinal, by
        /// UTF-16 code units).
        fn string_less_than_equals(variable, value: impl Into<String>)
            => data(variable, Comparison::StringLessThanEquals(value.into()));
        example(r#""$.status", "FAILED""#)
            => r#"{"Variable":"$.status","StringLessThanEquals":"FAILED"}"#
            => "$.status <= 'FAILED'";

        /// `StringLessThanEqualsPath`: the string at `variable` sorts before or equals the string at
        /// `path`.
        fn string_less_than_equals_path(variable, path: impl Into<String>)
            => data(variable, Comparison::StringLessThanEqualsPath(path.into()));
        example(r#""$.a", "$.b""#)
            => r#"{"Variable":"$.a","StringLessThanEqualsPath":"$.b"}"#
            => "$.a <= string($.b)";

        /// `StringGreaterThanEquals`: the string at `variable` sorts after or equals `value` (ordinal,
        /// by UTF-16 code units).
        fn string_greater_than_equals(variable, value: impl Into<String>)
            => data(variable, Comparison::StringGreaterThanEquals(value.into()));
        example(r#""$.status", "FAILED""#)
            => r#"{"Variable":"$.status","StringGreaterThanEquals":"FAILED"}"#
            => "$.status >= 'FAILED'";

        /// `StringGreaterThanEqualsPath`: the string at `variable` sorts after or equals the string at
        /// `path`.
        fn string_greater_than_equals_path(variable, path: impl Into<String>)
            => data(variable, Comparison::StringGreaterThanEqualsPath(path.into()));
        example(r#""$.a", "$.b""#)
            => r#"{"Variable":"$.a","StringGreaterThanEqualsPath":"$.b"}"#
            => "$.a >= string($.b)";

        /// `StringMatches`: the string at `variable` matches the glob `pattern`, where `*` matches any
        /// run of characters (a backslash before `*` makes it a literal `*`).
        fn string_matches(variable, pattern: impl Into<String>)
            => data(variable, Comparison::StringMatches(pattern.into()));
        example(r#""$.file", "log-*.txt""#)
            => r#"{"Variable":"$.file","StringMatches":"log-*.txt"}"#
            => "matches($.file, 'log-*.txt')";

        /// `NumericEquals`: the number at `variable` equals `value`.
        fn numeric_equals(variable, value: impl Into<NumericLiteral>)
            => numeric(variable, "==", value, Comparison::NumericEquals);
        example(r#""$.attempts", 5"#)
            => r#"{"Variable":"$.attempts","NumericEquals":5}"#
            => "$.attempts == 5";

        /// `NumericEqualsPath`: the number at `variable` equals the number at `path`.
        fn numeric_equals_path(variable, path: impl Into<String>)
            => data(variable, Comparison::NumericEqualsPath(path.into()));
        example(r#""$.used", "$.limit""#)
            => r#"{"Variable":"$.used","NumericEqualsPath":"$.limit"}"#
            => "$.used == number($.limit)";

        /// `NumericLessThan`: the number at `variable` is less than `value`.
        fn numeric_less_than(variable, value: impl Into<NumericLiteral>)
            => numeric(variable, "<", value, Comparison::NumericLessThan);
        example(r#""$.attempts", 5"#)
            => r#"{"Variable":"$.attempts","NumericLessThan":5}"#
            => "$.attempts < 5";

        /// `NumericLessThanPath`: the number at `variable` is less than the number at `path`.
        fn numeric_less_than_path(variable, path: impl Into<String>)
            => data(variable, Comparison::NumericLessThanPath(path.into()));
        example(r#""$.used", "$.limit""#)
            => r#"{"Variable":"$.used","NumericLessThanPath":"$.limit"}"#
            => "$.used < number($.limit)";

        /// `NumericGreaterThan`: the number at `variable` is greater than `value`.
        fn numeric_greater_than(variable, value: impl Into<NumericLiteral>)
            => numeric(variable, ">", value, Comparison::NumericGreaterThan);
        example(r#""$.attempts", 5"#)
            => r#"{"Variable":"$.attempts","NumericGreaterThan":5}"#
            => "$.attempts > 5";

        /// `NumericGreaterThanPath`: the number at `variable` is greater than the number at `path`.
        fn numeric_greater_than_path(variable, path: impl Into<String>)
            => data(variable, Comparison::NumericGreaterThanPath(path.into()));
        example(r#""$.used", "$.limit""#)
            => r#"{"Variable":"$.used","NumericGreaterThanPath":"$.limit"}"#
            => "$.used > number($.limit)";

        /// `NumericLessThanEquals`: the number at `variable` is at most `value`.
        fn numeric_less_than_equals(variable, value: impl Into<NumericLiteral>)
            => numeric(variable, "<=", value, Comparison::NumericLessThanEquals);
        example(r#""$.attempts", 5"#)
            => r#"{"Variable":"$.attempts","NumericLessThanEquals":5}"#
            => "$.attempts <= 5";

        /// `NumericLessThanEqualsPath`: the number at `variable` is at most the number at `path`.
        fn numeric_less_than_equals_path(variable, path: impl Into<String>)
            => data(variable, Comparison::NumericLessThanEqualsPath(path.into()));
        example(r#""$.used", "$.limit""#)
            => r#"{"Variable":"$.used","NumericLessThanEqualsPath":"$.limit"}"#
            => "$.used <= number($.limit)";

        /// `NumericGreaterThanEquals`: the number at `variable` is at least `value`.
        fn numeric_greater_than_equals(variable, value: impl Into<NumericLiteral>)
            => numeric(variable, ">=", value, Comparison::NumericGreaterThanEquals);
        example(r#""$.attempts", 5"#)
            => r#"{"Variable":"$.attempts","NumericGreaterThanEquals":5}"#
            => "$.attempts >= 5";

        /// `NumericGreaterThanEqualsPath`: the number at `variable` is at least the number at `path`.
        fn numeric_greater_than_equals_path(variable, path: impl Into<String>)
            => data(variable, Comparison::NumericGreaterThanEqualsPath(path.into()));
        example(r#""$.used", "$.limit""#)
            => r#"{"Variable":"$.used","NumericGreaterThanEqualsPath":"$.limit"}"#
            => "$.used >= number($.limit)";

        /// `BooleanEquals`: the value at `variable` is the boolean `value`.
        fn boolean_equals(variable, value: bool)
            => data(variable, Comparison::BooleanEquals(value));
        example(r#""$.ok", true"#)
            => r#"{"Variable":"$.ok","BooleanEquals":true}"#
            => "$.ok == true";

        /// `BooleanEqualsPath`: the boolean at `variable` equals the boolean at `path`.
        fn boolean_equals_path(variable, path: impl Into<String>)
            => data(variable, Comparison::BooleanEqualsPath(path.into()));
        example(r#""$.ok", "$.expected""#)
            => r#"{"Variable":"$.ok","BooleanEqualsPath":"$.expected"}"#
            => "$.ok == bool($.expected)";

        /// `TimestampEquals`: the timestamp at `variable` is the same instant as `value`, an RFC 3339
        /// timestamp such as `2024-01-31T09:30:00Z`.
        fn timestamp_equals(variable, value: impl Into<String>)
            => data(variable, Comparison::TimestampEquals(value.into()));
        example(r#""$.at", "2024-01-31T09:30:00Z""#)
            => r#"{"Variable":"$.at","TimestampEquals":"2024-01-31T09:30:00Z"}"#
            => "$.at == timestamp('2024-01-31T09:30:00Z')";

        /// `TimestampEqualsPath`: the timestamp at `variable` is the same instant as the timestamp at
        /// `path`.
        fn timestamp_equals_path(variable, path: impl Into<String>)
            => data(variable, Comparison::TimestampEqualsPath(path.into()));
        example(r#""$.at", "$.deadline""#)
            => r#"{"Variable":"$.at","TimestampEqualsPath":"$.deadline"}"#
            => "$.at == timestamp($.deadline)";

        /// `TimestampLessThan`: the timestamp at `variable` is before `value`, an RFC 3339 timestamp
        /// such as `2024-01-31T09:30:00Z`.
        fn timestamp_less_than(variable, value: impl Into<String>)
            => data(variable, Comparison::TimestampLessThan(value.into()));
        example(r#""$.at", "2024-01-31T09:30:00Z""#)
            => r#"{"Variable":"$.at","TimestampLessThan":"2024-01-31T09:30:00Z"}"#
            => "$.at < timestamp('2024-01-31T09:30:00Z')";

        /// `TimestampLessThanPath`: the timestamp at `variable` is before the timestamp at `path`.
        fn timestamp_less_than_path(variable, path: impl Into<String>)
            => data(variable, Comparison::TimestampLessThanPath(path.into()));
        example(r#""$.at", "$.deadline""#)
            => r#"{"Variable":"$.at","TimestampLessThanPath":"$.deadline"}"#
            => "$.at < timestamp($.deadline)";

        /// `TimestampGreaterThan`: the timestamp at `variable` is after `value`, an RFC 3339 timestamp
        /// such as `2024-01-31T09:30:00Z`.
        fn timestamp_greater_than(variable, value: impl Into<String>)
            => data(variable, Comparison::TimestampGreaterThan(value.into()));
        example(r#""$.at", "2024-01-31T09:30:00Z""#)
            => r#"{"Variable":"$.at","TimestampGreaterThan":"2024-01-31T09:30:00Z"}"#
            => "$.at > timestamp('2024-01-31T09:30:00Z')";

        /// `TimestampGreaterThanPath`: the timestamp at `variable` is after the timestamp at `path`.
        fn timestamp_greater_than_path(variable, path: impl Into<String>)
            => data(variable, Comparison::TimestampGreaterThanPath(path.into()));
        example(r#""$.at", "$.deadline""#)
            => r#"{"Variable":"$.at","TimestampGreaterThanPath":"$.deadline"}"#
            => "$.at > timestamp($.deadline)";

        /// `TimestampLessThanEquals`: the timestamp at `variable` is at or before `value`, an RFC 3339
        /// timestamp such as `2024-01-31T09:30:00Z`.
        fn timestamp_less_than_equals(variable, value: impl Into<String>)
            => data(variable, Comparison::TimestampLessThanEquals(value.into()));
        example(r#""$.at", "2024-01-31T09:30:00Z""#)
            => r#"{"Variable":"$.at","TimestampLessThanEquals":"2024-01-31T09:30:00Z"}"#
            => "$.at <= timestamp('2024-01-31T09:30:00Z')";

        /// `TimestampLessThanEqualsPath`: the timestamp at `variable` is at or before the timestamp at
        /// `path`.
        fn timestamp_less_than_equals_path(variable, path: impl Into<String>)
            => data(variable, Comparison::TimestampLessThanEqualsPath(path.into()));
        example(r#""$.at", "$.deadline""#)
            => r#"{"Variable":"$.at","TimestampLessThanEqualsPath":"$.deadline"}"#
            => "$.at <= timestamp($.deadline)";

        /// `TimestampGreaterThanEquals`: the timestamp at `variable` is at or after `value`, an RFC
        /// 3339 timestamp such as `2024-01-31T09:30:00Z`.
        fn timestamp_greater_than_equals(variable, value: impl Into<String>)
            => data(variable, Comparison::TimestampGreaterThanEquals(value.into()));
        example(r#""$.at", "2024-01-31T09:30:00Z""#)
            => r#"{"Variable":"$.at","TimestampGreaterThanEquals":"2024-01-31T09:30:00Z"}"#
            => "$.at >= timestamp('2024-01-31T09:30:00Z')";

        /// `TimestampGreaterThanEqualsPath`: the timestamp at `variable` is at or after the timestamp
        /// at `path`.
        fn timestamp_greater_than_equals_path(variable, path: impl Into<String>)
            => data(variable, Comparison::TimestampGreaterThanEqualsPath(path.into()));
        example(r#""$.at", "$.deadline""#)
            => r#"{"Variable":"$.at","TimestampGreaterThanEqualsPath":"$.deadline"}"#
            => "$.at >= timestamp($.deadline)";

        /// `IsNull`: the value at `variable` is `null` (with `false`: present and not `null`).
        fn is_null(variable, value: bool)
            => data(variable, Comparison::IsNull(value));
        example(r#""$.x", true"#)
            => r#"{"Variable":"$.x","IsNull":true}"#
            => "is_null($.x)";

        /// `IsPresent`: the value at `variable` exists (with `false`: does not exist).
        fn is_present(variable, value: bool)
            => data(variable, Comparison::IsPresent(value));
        example(r#""$.x", false"#)
            => r#"{"Variable":"$.x","IsPresent":false}"#
            => "!is_present($.x)";

        /// `IsNumeric`: the value at `variable` is a number (with `false`: is not).
        fn is_numeric(variable, value: bool)
            => data(variable, Comparison::IsNumeric(value));
        example(r#""$.x", true"#)
            => r#"{"Variable":"$.x","IsNumeric":true}"#
            => "is_numeric($.x)";

        /// `IsString`: the value at `variable` is a string (with `false`: is not).
        fn is_string(variable, value: bool)
            => data(variable, Comparison::IsString(value));
        example(r#""$.x", true"#)
            => r#"{"Variable":"$.x","IsString":true}"#
            => "is_string($.x)";

        /// `IsBoolean`: the value at `variable` is a boolean (with `false`: is not).
        fn is_boolean(variable, value: bool)
            => data(variable, Comparison::IsBoolean(value));
        example(r#""$.x", true"#)
            => r#"{"Variable":"$.x","IsBoolean":true}"#
            => "is_boolean($.x)";

        /// `IsTimestamp`: the value at `variable` is an RFC 3339 timestamp string (with `false`: is
        /// not).
        fn is_timestamp(variable, value: bool)
            => data(variable, Comparison::IsTimestamp(value));
        example(r#""$.x", true"#)
            => r#"{"Variable":"$.x","IsTimestamp":true}"#
            => "is_timestamp($.x)";
    }
}

impl Condition {
    /// `IsPresent: false`: there is no value at `variable` (the CDK's
    /// `isNotPresent`).
    ///
    /// ```
    /// use stepfn::builder::Condition;
    /// assert_eq!(Condition::is_not_present("$.x").to_json()?, r#"{"Variable":"$.x","IsPresent":false}"#);
    /// # Ok::<(), stepfn::builder::ConditionParseError>(())
    /// ```
    pub fn is_not_present(variable: impl Into<String>) -> Condition {
        Condition::is_present(variable, false)
    }

    /// `IsNull: false`: the value at `variable` is present and not `null`
    /// (the CDK's `isNotNull`).
    ///
    /// ```
    /// use stepfn::builder::Condition;
    /// assert_eq!(Condition::is_not_null("$.x").to_json()?, r#"{"Variable":"$.x","IsNull":false}"#);
    /// # Ok::<(), stepfn::builder::ConditionParseError>(())
    /// ```
    pub fn is_not_null(variable: impl Into<String>) -> Condition {
        Condition::is_null(variable, false)
    }

    /// `IsNumeric: false`: the value at `variable` is not a number (the CDK's
    /// `isNotNumeric`).
    ///
    /// ```
    /// use stepfn::builder::Condition;
    /// assert_eq!(Condition::is_not_numeric("$.x").to_json()?, r#"{"Variable":"$.x","IsNumeric":false}"#);
    /// # Ok::<(), stepfn::builder::ConditionParseError>(())
    /// ```
    pub fn is_not_numeric(variable: impl Into<String>) -> Condition {
        Condition::is_numeric(variable, false)
    }

    /// `IsString: false`: the value at `variable` is not a string (the CDK's
    /// `isNotString`).
    ///
    /// ```
    /// use stepfn::builder::Condition;
    /// assert_eq!(Condition::is_not_string("$.x").to_json()?, r#"{"Variable":"$.x","IsString":false}"#);
    /// # Ok::<(), stepfn::builder::ConditionParseError>(())
    /// ```
    pub fn is_not_string(variable: impl Into<String>) -> Condition {
        Condition::is_string(variable, false)
    }

    /// `IsBoolean: false`: the value at `variable` is not a boolean (the CDK's
    /// `isNotBoolean`).
    ///
    /// ```
    /// use stepfn::builder::Condition;
    /// assert_eq!(Condition::is_not_boolean("$.x").to_json()?, r#"{"Variable":"$.x","IsBoolean":false}"#);
    /// # Ok::<(), stepfn::builder::ConditionParseError>(())
    /// ```
    pub fn is_not_boolean(variable: impl Into<String>) -> Condition {
        Condition::is_boolean(variable, false)
    }

    /// `IsTimestamp: false`: the value at `variable` is not an RFC 3339
    /// timestamp (the CDK's `isNotTimestamp`).
    ///
    /// ```
    /// use stepfn::builder::Condition;
    /// assert_eq!(Condition::is_not_timestamp("$.x").to_json()?, r#"{"Variable":"$.x","IsTimestamp":false}"#);
    /// # Ok::<(), stepfn::builder::ConditionParseError>(())
    /// ```
    pub fn is_not_timestamp(variable: impl Into<String>) -> Condition {
        Condition::is_timestamp(variable, false)
    }
}

#[cfg(test)]
mod tests {
    use crate::builder::Condition;

    /// Every constructor and the exact JSON it writes.
    #[test]
    fn every_operator_writes_its_asl_json() {
        let cases = [
            (
                Condition::string_equals("$.v", "x"),
                r#""StringEquals":"x""#,
            ),
            (
                Condition::string_less_than("$.v", "x"),
                r#""StringLessThan":"x""#,
            ),
            (
                Condition::string_greater_than("$.v", "x"),
                r#""StringGreaterThan":"x""#,
            ),
            (
                Condition::string_less_than_equals("$.v", "x"),
                r#""StringLessThanEquals":"x""#,
            ),
            (
                Condition::string_greater_than_equals("$.v", "x"),
                r#""StringGreaterThanEquals":"x""#,
            ),
            (
                Condition::string_equals_path("$.v", "$.p"),
                r#""StringEqualsPath":"$.p""#,
            ),
            (
                Condition::string_less_than_path("$.v", "$.p"),
                r#""StringLessThanPath":"$.p""#,
            ),
            (
                Condition::string_greater_than_path("$.v", "$.p"),
                r#""StringGreaterThanPath":"$.p""#,
            ),
            (
                Condition::string_less_than_equals_path("$.v", "$.p"),
                r#""StringLessThanEqualsPath":"$.p""#,
            ),
            (
                Condition::string_greater_than_equals_path("$.v", "$.p"),
                r#""StringGreaterThanEqualsPath":"$.p""#,
            ),
            (
                Condition::string_matches("$.v", "a*"),
                r#""StringMatches":"a*""#,
            ),
            (Condition::numeric_equals("$.v", 1), r#""NumericEquals":1"#),
            (
                Condition::numeric_less_than("$.v", -2),
                r#""NumericLessThan":-2"#,
            ),
            (
                Condition::numeric_greater_than("$.v", 2.5),
                r#""NumericGreaterThan":2.5"#,
            ),
            (
                Condition::numeric_less_than_equals("$.v", 3u64),
                r#""NumericLessThanEquals":3"#,
            ),
            (
                Condition::numeric_greater_than_equals("$.v", 4i8),
                r#""NumericGreaterThanEquals":4"#,
            ),
            (
                Condition::numeric_equals_path("$.v", "$.p"),
                r#""NumericEqualsPath":"$.p""#,
            ),
            (
                Condition::numeric_less_than_path("$.v", "$.p"),
                r#""NumericLessThanPath":"$.p""#,
            ),
            (
                Condition::numeric_greater_than_path("$.v", "$.p"),
                r#""NumericGreaterThanPath":"$.p""#,
            ),
            (
                Condition::numeric_less_than_equals_path("$.v", "$.p"),
                r#""NumericLessThanEqualsPath":"$.p""#,
            ),
            (
                Condition::numeric_greater_than_equals_path("$.v", "$.p"),
                r#""NumericGreaterThanEqualsPath":"$.p""#,
            ),
            (
                Condition::boolean_equals("$.v", false),
                r#""BooleanEquals":false"#,
            ),
            (
                Condition::boolean_equals_path("$.v", "$.p"),
                r#""BooleanEqualsPath":"$.p""#,
            ),
            (
                Condition::timestamp_equals("$.v", "t"),
                r#""TimestampEquals":"t""#,
            ),
            (
                Condition::timestamp_less_than("$.v", "t"),
                r#""TimestampLessThan":"t""#,
            ),
            (
                Condition::timestamp_greater_than("$.v", "t"),
                r#""TimestampGreaterThan":"t""#,
            ),
            (
                Condition::timestamp_less_than_equals("$.v", "t"),
                r#""TimestampLessThanEquals":"t""#,
            ),
            (
                Condition::timestamp_greater_than_equals("$.v", "t"),
                r#""TimestampGreaterThanEquals":"t""#,
            ),
            (
                Condition::timestamp_equals_path("$.v", "$.p"),
                r#""TimestampEqualsPath":"$.p""#,
            ),
            (
                Condition::timestamp_less_than_path("$.v", "$.p"),
                r#""TimestampLessThanPath":"$.p""#,
            ),
            (
                Condition::timestamp_greater_than_path("$.v", "$.p"),
                r#""TimestampGreaterThanPath":"$.p""#,
            ),
            (
                Condition::timestamp_less_than_equals_path("$.v", "$.p"),
                r#""TimestampLessThanEqualsPath":"$.p""#,
            ),
            (
                Condition::timestamp_greater_than_equals_path("$.v", "$.p"),
                r#""TimestampGreaterThanEqualsPath":"$.p""#,
            ),
            (Condition::is_null("$.v", true), r#""IsNull":true"#),
            (Condition::is_present("$.v", false), r#""IsPresent":false"#),
            (Condition::is_numeric("$.v", true), r#""IsNumeric":true"#),
            (Condition::is_string("$.v", false), r#""IsString":false"#),
            (Condition::is_boolean("$.v", true), r#""IsBoolean":true"#),
            (
                Condition::is_timestamp("$.v", true),
                r#""IsTimestamp":true"#,
            ),
        ];
        assert_eq!(cases.len(), 39);
        let mut operators: Vec<&str> = Vec::new();
        for (condition, operator) in &cases {
            assert_eq!(
                condition.to_json().unwrap(),
                format!(r#"{{"Variable":"$.v",{operator}}}"#)
            );
            operators.push(operator.split('"').nth(1).unwrap());
        }
        operators.sort_unstable();
        operators.dedup();
        assert_eq!(operators.len(), 39, "each operator once");
    }

    #[test]
    fn non_finite_numbers_are_deferred_errors_with_a_column() {
        for (value, shown) in [
            (f64::NAN, "NaN"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
        ] {
            let c = Condition::numeric_less_than_equals("$.ratio", value);
            let err = c.to_json().unwrap_err();
            assert_eq!(err.input(), format!("$.ratio <= {shown}"));
            assert_eq!(err.column(), 12);
            assert_eq!(
                err.message(),
                format!("`{shown}` is not a number JSON can hold: use a finite number")
            );
            assert_eq!(c.to_string(), format!("$.ratio <= {shown}"));
        }
        let err = Condition::numeric_equals("$.é", f64::NAN)
            .into_model()
            .unwrap_err();
        assert_eq!(err.column(), 8);
    }
}
