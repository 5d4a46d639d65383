//! The 39 comparison operators of a JSONPath Choice rule.

use serde::Serialize;

use super::Number;

/// An operand as read from JSON, before it is matched to its operator.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Operand {
    Str(String),
    Num(Number),
    Bool(bool),
}

/// What type of operand an operator takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OperandKind {
    Str,
    Num,
    Bool,
}

macro_rules! operand_type {
    (Str) => {
        String
    };
    (Num) => {
        Number
    };
    (Bool) => {
        bool
    };
}

macro_rules! comparisons {
    ($($name:ident: $kind:ident, $doc:literal;)*) => {
        /// A comparison operator with its operand, e.g. `"NumericGreaterThan": 5`.
        ///
        /// `...Path` operators compare against the value at a path instead of a literal.
        #[derive(Debug, Clone, PartialEq, Serialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        pub enum Comparison {
            $(
                #[doc = $doc]
                $name(operand_type!($kind)),
            )*
        }

        impl Comparison {
            /// The field names of all 39 operators.
            pub(crate) const OPERATORS: &'static [&'static str] = &[$(stringify!($name)),*];

            /// The operator's ASL field name, e.g. `"StringEquals"`.
            #[must_use]
            pub fn operator(&self) -> &'static str {
                match self {
                    $(Comparison::$name(_) => stringify!($name),)*
                }
            }

            /// The operand type of the operator named `name`, if it is one.
            pub(crate) fn operand_kind(name: &str) -> Option<OperandKind> {
                match name {
                    $(stringify!($name) => Some(OperandKind::$kind),)*
                    _ => None,
                }
            }

            /// Builds the comparison named `name` from an operand of the right kind.
            pub(crate) fn new(name: &str, operand: Operand) -> Option<Comparison> {
                match (name, operand) {
                    $((stringify!($name), Operand::$kind(v)) => Some(Comparison::$name(v)),)*
                    _ => None,
                }
            }
        }
    };
}

comparisons! {
    StringEquals: Str, "`StringEquals`: the string equals the operand.";
    StringEqualsPath: Str, "`StringEqualsPath`: the string equals the string at the path.";
    StringLessThan: Str, "`StringLessThan`: the string sorts before the operand.";
    StringLessThanPath: Str, "`StringLessThanPath`: the string sorts before the string at the path.";
    StringGreaterThan: Str, "`StringGreaterThan`: the string sorts after the operand.";
    StringGreaterThanPath: Str, "`StringGreaterThanPath`: the string sorts after the string at the path.";
    StringLessThanEquals: Str, "`StringLessThanEquals`: the string sorts before or equals the operand.";
    StringLessThanEqualsPath: Str, "`StringLessThanEqualsPath`: as `StringLessThanEquals`, operand at a path.";
    StringGreaterThanEquals: Str, "`StringGreaterThanEquals`: the string sorts after or equals the operand.";
    StringGreaterThanEqualsPath: Str, "`StringGreaterThanEqualsPath`: as `StringGreaterThanEquals`, operand at a path.";
    StringMatches: Str, "`StringMatches`: the string matches a glob where `*` matches anything.";
    NumericEquals: Num, "`NumericEquals`: the number equals the operand.";
    NumericEqualsPath: Str, "`NumericEqualsPath`: the number equals the number at the path.";
    NumericLessThan: Num, "`NumericLessThan`: the number is less than the operand.";
    NumericLessThanPath: Str, "`NumericLessThanPath`: the number is less than the number at the path.";
    NumericGreaterThan: Num, "`NumericGreaterThan`: the number is greater than the operand.";
    NumericGreaterThanPath: Str, "`NumericGreaterThanPath`: the number is greater than the number at the path.";
    NumericLessThanEquals: Num, "`NumericLessThanEquals`: the number is at most the operand.";
    NumericLessThanEqualsPath: Str, "`NumericLessThanEqualsPath`: the number is at most the number at the path.";
    NumericGreaterThanEquals: Num, "`NumericGreaterThanEquals`: the number is at least the operand.";
    NumericGreaterThanEqualsPath: Str, "`NumericGreaterThanEqualsPath`: the number is at least the number at the path.";
    BooleanEquals: Bool, "`BooleanEquals`: the boolean equals the operand.";
    BooleanEqualsPath: Str, "`BooleanEqualsPath`: the boolean equals the boolean at the path.";
    TimestampEquals: Str, "`TimestampEquals`: the timestamp equals the operand (RFC 3339).";
    TimestampEqualsPath: Str, "`TimestampEqualsPath`: the timestamp equals the timestamp at the path.";
    TimestampLessThan: Str, "`TimestampLessThan`: the timestamp is before the operand.";
    TimestampLessThanPath: Str, "`TimestampLessThanPath`: the timestamp is before the timestamp at the path.";
    TimestampGreaterThan: Str, "`TimestampGreaterThan`: the timestamp is after the operand.";
    TimestampGreaterThanPath: Str, "`TimestampGreaterThanPath`: the timestamp is after the timestamp at the path.";
    TimestampLessThanEquals: Str, "`TimestampLessThanEquals`: the timestamp is at or before the operand.";
    TimestampLessThanEqualsPath: Str, "`TimestampLessThanEqualsPath`: as `TimestampLessThanEquals`, operand at a path.";
    TimestampGreaterThanEquals: Str, "`TimestampGreaterThanEquals`: the timestamp is at or after the operand.";
    TimestampGreaterThanEqualsPath: Str, "`TimestampGreaterThanEqualsPath`: as `TimestampGreaterThanEquals`, operand at a path.";
    IsNull: Bool, "`IsNull`: the value is (or, with `false`, is not) `null`.";
    IsPresent: Bool, "`IsPresent`: the path exists (or, with `false`, does not).";
    IsNumeric: Bool, "`IsNumeric`: the value is (or is not) a number.";
    IsString: Bool, "`IsString`: the value is (or is not) a string.";
    IsBoolean: Bool, "`IsBoolean`: the value is (or is not) a boolean.";
    IsTimestamp: Bool, "`IsTimestamp`: the value is (or is not) an RFC 3339 timestamp string.";
}
