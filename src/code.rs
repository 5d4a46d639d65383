//! The stable codes of every problem stepfn reports, from reading and from validating.

use std::fmt;

macro_rules! codes {
    ($($(#[doc = $doc:literal])* $name:ident = $text:literal,)*) => {
        /// The stable identifier of a kind of problem, printed as `SCREAMING_SNAKE_CASE`
        /// (`WRONG_TYPE`, `DANGLING_NEXT`, ...).
        ///
        /// A code never changes meaning; new codes may be added.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Code {
            $(
                $(#[doc = $doc])*
                #[doc = concat!("\n\nPrinted as `", $text, "`.")]
                $name,
            )*
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$name),*];

            /// The code as printed, e.g. `"WRONG_TYPE"`.
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$name => $text,)*
                }
            }

            /// What the code means, in one paragraph (as documented on its
            /// variant), for tools that list rules.
            ///
            /// ```
            /// assert_eq!(stepfn::Code::DanglingNext.description(),
            ///     "A `Next`, `Default`, Choice rule `Next` or Catcher `Next` names no state at all.");
            /// ```
            #[must_use]
            pub fn description(self) -> &'static str {
                match self {
                    $(Code::$name => concat!($($doc),*).trim_ascii_start(),)*
                }
            }
        }
    };
}

codes! {
    // Reading: the text is not an ASL document of the right shape.
    /// The text is not JSON, or the definition is not a JSON object.
    InvalidJson = "INVALID_JSON",
    /// Arrays and objects nest deeper than
    /// [`MAX_NESTING_DEPTH`](crate::read::MAX_NESTING_DEPTH).
    TooDeeplyNested = "TOO_DEEPLY_NESTED",
    /// A value of the wrong JSON type (or a number out of a type's range).
    WrongType = "WRONG_TYPE",
    /// A required field is absent.
    MissingField = "MISSING_FIELD",
    /// ASL has no field of this name here.
    UnknownField = "UNKNOWN_FIELD",
    /// An ASL field that this state type does not take.
    FieldNotAllowed = "FIELD_NOT_ALLOWED",
    /// A JSONPath-only field (`InputPath`, ...) in a JSONata state.
    JsonpathFieldInJsonataState = "JSONPATH_FIELD_IN_JSONATA_STATE",
    /// A JSONata-only field (`Output`, ...) in a JSONPath state.
    JsonataFieldInJsonpathState = "JSONATA_FIELD_IN_JSONPATH_STATE",
    /// The same key twice in one object.
    DuplicateField = "DUPLICATE_FIELD",
    /// Two fields of which only one may be given.
    MutuallyExclusive = "MUTUALLY_EXCLUSIVE",
    /// A state with both `Next` and `End`.
    NextAndEnd = "NEXT_AND_END",
    /// A state with neither `Next` nor `"End": true`.
    MissingNextOrEnd = "MISSING_NEXT_OR_END",
    /// A `Type` that is not one of the eight state types.
    InvalidStateType = "INVALID_STATE_TYPE",
    /// A `QueryLanguage` other than `JSONPath` or `JSONata`.
    InvalidQueryLanguage = "INVALID_QUERY_LANGUAGE",
    /// A value outside a field's fixed set (`JitterStrategy`, `Mode`, ...).
    InvalidValue = "INVALID_VALUE",
    /// A Choice rule with more than one test.
    ChoiceRuleMultipleOperators = "CHOICE_RULE_MULTIPLE_OPERATORS",
    /// A Choice rule with no test.
    ChoiceRuleNoOperator = "CHOICE_RULE_NO_OPERATOR",
    /// A Wait state without exactly one duration field.
    WaitNeedsExactlyOne = "WAIT_NEEDS_EXACTLY_ONE",
    /// A Map state without exactly one of `ItemProcessor` and `Iterator`.
    MapNeedsOneProcessor = "MAP_NEEDS_ONE_PROCESSOR",

    // Templates and YAML: where a definition is written.
    /// The text is not YAML, or YAML that no JSON document can stand for (a
    /// list as a mapping key, several documents in one file).
    InvalidYaml = "INVALID_YAML",
    /// A state machine of a CloudFormation or SAM template whose definition
    /// cannot be put together: no `Definition`, `DefinitionString` or
    /// `DefinitionUri`; two of them; a `DefinitionString` that is not text;
    /// a `DefinitionUri` file that cannot be read.
    InvalidTemplate = "INVALID_TEMPLATE",
    /// A warning: a template's state machine whose definition is not there to
    /// check (in S3, or built with a function known only at deployment).
    DefinitionNotChecked = "DEFINITION_NOT_CHECKED",

    // Validating: the document has the right shape but AWS would reject it.
    /// `StartAt` names no state of its `States` object.
    DanglingStartAt = "DANGLING_START_AT",
    /// A `Next`, `Default`, Choice rule `Next` or Catcher `Next` names no state at all.
    DanglingNext = "DANGLING_NEXT",
    /// A transition to a state that exists, but in another `States` object
    /// (into or out of a Parallel branch or a Map's item processor).
    NextOutOfScope = "NEXT_OUT_OF_SCOPE",
    /// A state that no path from `StartAt` reaches.
    UnreachableState = "UNREACHABLE_STATE",
    /// A `States` object with no terminal state (`"End": true`, Succeed or Fail).
    NoTerminalState = "NO_TERMINAL_STATE",
    /// Two states with the same name anywhere in the machine.
    DuplicateStateName = "DUPLICATE_STATE_NAME",
    /// A state name that is empty or longer than 80 characters.
    InvalidStateName = "INVALID_STATE_NAME",
    /// A Parallel state with no branches, or a Choice state with no rules.
    EmptyArray = "EMPTY_ARRAY",
    /// A `Resource` that is not a Step Functions task ARN.
    InvalidResource = "INVALID_RESOURCE",
    /// A retrier or catcher with an empty `ErrorEquals`.
    EmptyErrorEquals = "EMPTY_ERROR_EQUALS",
    /// `States.ALL` not alone in its `ErrorEquals`, or not in the last retrier or catcher.
    StatesAllNotAloneOrLast = "STATES_ALL_NOT_ALONE_OR_LAST",
    /// A number outside the range AWS accepts for its field.
    ValueOutOfRange = "VALUE_OUT_OF_RANGE",
    /// `HeartbeatSeconds` not below `TimeoutSeconds`.
    HeartbeatNotBelowTimeout = "HEARTBEAT_NOT_BELOW_TIMEOUT",
    /// A string that is not a valid JSONPath where a Path is required.
    InvalidPath = "INVALID_PATH",
    /// A string that is not a valid reference path (one node, no wildcards or filters).
    InvalidReferencePath = "INVALID_REFERENCE_PATH",
    /// A malformed intrinsic function call (`States.Format(...)`, ...).
    InvalidIntrinsic = "INVALID_INTRINSIC",
    /// A payload-template key ending in `.$` whose value is not a path or intrinsic call.
    DollarKeyNotPathOrIntrinsic = "DOLLAR_KEY_NOT_PATH_OR_INTRINSIC",
    /// Two keys of one payload-template object that are equal once `.$` is removed.
    DuplicateTemplateKey = "DUPLICATE_TEMPLATE_KEY",
    /// A timestamp literal that is not RFC 3339 (`2024-01-31T09:00:00Z`).
    InvalidTimestamp = "INVALID_TIMESTAMP",
    /// An `Assign` key that is not a valid variable name.
    InvalidVariableName = "INVALID_VARIABLE_NAME",
    /// A state in a Parallel branch or Map processor assigns a variable that an
    /// enclosing scope assigns too.
    VariableAssignedInOuterScope = "VARIABLE_ASSIGNED_IN_OUTER_SCOPE",
    /// A state reads a variable only a scope it cannot see assigns: another
    /// Parallel branch or Map processor, a scope nested in its own, or, from
    /// a Distributed Map's child workflow, the parent.
    VariableOutOfScope = "VARIABLE_OUT_OF_SCOPE",
    /// A `"QueryLanguage": "JSONPath"` state in a machine whose top level is JSONata.
    JsonpathStateInJsonataMachine = "JSONPATH_STATE_IN_JSONATA_MACHINE",
    /// A string that opens `{%` or closes `%}` but is not a `{% expression %}`.
    JsonataDelimiters = "JSONATA_DELIMITERS",
    /// A JSONata expression that does not parse.
    InvalidJsonata = "INVALID_JSONATA",
    /// A JSONata expression AWS refuses: a top-level field or `$` reference, or `$$`.
    UnsupportedJsonataExpression = "UNSUPPORTED_JSONATA_EXPRESSION",
    /// `$states.result` or `$states.errorOutput` where it has no value.
    StatesFieldNotAvailable = "STATES_FIELD_NOT_AVAILABLE",
    /// A value where a JSONata state expects a `{% expression %}` (or a literal of another type).
    ExpectedJsonata = "EXPECTED_JSONATA",
    /// Map `Items` that is neither an array nor a `{% expression %}`.
    InvalidItems = "INVALID_ITEMS",
    /// A Distributed Map `ItemBatcher` with no batch limit.
    ItemBatcherNeedsALimit = "ITEM_BATCHER_NEEDS_A_LIMIT",
    /// A `ResultWriter` with neither `Resource` nor any `WriterConfig` field.
    ResultWriterEmpty = "RESULT_WRITER_EMPTY",
    /// A Map `Label` longer than 40 characters or with a forbidden character.
    InvalidLabel = "INVALID_LABEL",
    /// A Distributed Map without `ProcessorConfig.ExecutionType`.
    MissingExecutionType = "MISSING_EXECUTION_TYPE",
    /// `CSVHeaders` given without `"CSVHeaderLocation": "GIVEN"`, or missing with it.
    CsvHeadersMismatch = "CSV_HEADERS_MISMATCH",
    /// The definition is longer than the 1,048,576 characters AWS accepts.
    DefinitionTooLarge = "DEFINITION_TOO_LARGE",
    /// An Express machine with a `.sync`, `.waitForTaskToken` or activity resource.
    NotSupportedByExpress = "NOT_SUPPORTED_BY_EXPRESS",
    /// An optimized integration's `Resource` suffix (`.sync`, `.sync:2`,
    /// `.waitForTaskToken`) that its service does not support.
    UnsupportedIntegrationPattern = "UNSUPPORTED_INTEGRATION_PATTERN",

    // Building: a machine assembled in code with the builder.
    /// One state continued to two different states (its `Next`, or a Choice's
    /// `Default`, set twice).
    ConflictingNext = "CONFLICTING_NEXT",
    /// Several states added again at once, joining the states of the same
    /// names: usually a fragment used twice without `prefix_states`. Reported
    /// only when the machine has other problems, which it then explains.
    FragmentReused = "FRAGMENT_REUSED",
    /// A condition expression that does not parse, or a condition built from a
    /// value ASL cannot hold (a non-finite number).
    InvalidCondition = "INVALID_CONDITION",
    /// A `.waitForTaskToken` task whose input never passes the task token
    /// (`$$.Task.Token`, `$states.context.Task.Token`).
    TaskTokenMissing = "TASK_TOKEN_MISSING",
    /// A typed integration given a value of the other query language: a
    /// JSONPath path or intrinsic in a JSONata task, or a JSONata expression in
    /// a JSONPath one.
    ValueForOtherQueryLanguage = "VALUE_FOR_OTHER_QUERY_LANGUAGE",

    // Warnings: accepted by AWS, but probably not what was meant.
    /// A payload-template value that looks like a path, under a key without `.$`.
    NoDollar = "NO_DOLLAR",
    /// A path-like value inside a Pass state's `Result`, which is never evaluated.
    PassResultIsStatic = "PASS_RESULT_IS_STATIC",
    /// A Distributed-only field on a Map that is not in `DISTRIBUTED` mode.
    DistributedFieldOnInlineMap = "DISTRIBUTED_FIELD_ON_INLINE_MAP",
    // Warnings: AWS's best practices.
    /// A Task with no `TimeoutSeconds`: AWS sets no default, so a lost worker
    /// or a hung call leaves the execution waiting until it times out as a
    /// whole (a year, for a Standard workflow).
    TaskWithoutTimeout = "TASK_WITHOUT_TIMEOUT",
    /// An activity or `.waitForTaskToken` Task with no `HeartbeatSeconds`: a
    /// worker that dies is only noticed at the task's timeout.
    TaskWithoutHeartbeat = "TASK_WITHOUT_HEARTBEAT",
    /// A Lambda Task with no retrier for Lambda's transient service errors.
    LambdaWithoutRetry = "LAMBDA_WITHOUT_RETRY",
    /// A loop with no visible bound in a Standard workflow, which can run into
    /// the 25,000-event history quota.
    UnboundedLoop = "UNBOUNDED_LOOP",
    /// A literal payload close to the 256 KiB limit on a state's data.
    LargeStaticPayload = "LARGE_STATIC_PAYLOAD",
    /// An AWS SDK integration whose service, action or parameter name is not
    /// spelled as the SDK spells it (`s3:getObject`, `Bucket`), or that names
    /// no service or action the SDK has.
    SdkNaming = "SDK_NAMING",
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::Code;

    #[test]
    fn printed_codes_are_unique_and_screaming_snake_case() {
        let mut seen = std::collections::HashSet::new();
        for code in Code::ALL {
            let text = code.as_str();
            assert!(seen.insert(text), "{text} twice");
            assert!(text
                .chars()
                .all(|c| c.is_ascii_uppercase() || c == '_' || c.is_ascii_digit()));
        }
    }
}
