//! Generators of ASL models for property tests, shared by the tests of
//! every crate of the workspace (the core's round trips and validation, the
//! CLI's schema checks).

use proptest::collection::vec;
use proptest::option::of;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use stepfn::model::{
    Branch, Catcher, Choice, ChoiceCondition, ChoiceRule, Comparison, DataTest, Fail, FailCause,
    FailError, HeartbeatSeconds, ItemProcessor, Json, JsonObject, Map, MapItemSelector, MapItems,
    MapProcessor, MaxConcurrency, NestedRule, Number, OrJsonata, Parallel, Pass, ProcessorConfig,
    ProcessorMode, QueryLanguage, Resource, Retrier, State, StateMachine, States, Succeed, Task,
    TimeoutSeconds, Transition, Wait, WaitFor,
};

fn text() -> impl Strategy<Value = String> {
    "[A-Za-z0-9 _.$é-]{0,10}"
}

fn path() -> impl Strategy<Value = String> {
    "\\$(\\.[a-z]{1,4}){0,3}"
}

fn number() -> impl Strategy<Value = Number> {
    prop_oneof![
        any::<u64>().prop_map(Number::from),
        any::<i64>().prop_map(Number::from),
        (-1e12f64..1e12).prop_map(|f| Number::from_f64(f).expect("finite")),
    ]
}

/// Any JSON payload: objects with keys in any order, `null`s, numbers of
/// every kind.
pub fn json() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        number().prop_map(Json::Number),
        text().prop_map(Json::String),
    ];
    leaf.prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..4).prop_map(Json::Array),
            vec((text(), inner), 0..4).prop_map(|pairs| Json::Object(pairs.into_iter().collect())),
        ]
    })
}

fn object() -> impl Strategy<Value = JsonObject> {
    vec(("[a-z]{1,6}", json()), 0..3).prop_map(|pairs| pairs.into_iter().collect())
}

fn nullable_path() -> impl Strategy<Value = Option<Option<String>>> {
    of(of(path()))
}

fn transition() -> impl Strategy<Value = Transition> {
    prop_oneof![text().prop_map(Transition::Next), Just(Transition::End)]
}

fn or_jsonata_u64(language: QueryLanguage) -> BoxedStrategy<OrJsonata<u64>> {
    match language {
        QueryLanguage::JsonPath => any::<u64>().prop_map(OrJsonata::Value).boxed(),
        QueryLanguage::Jsonata => prop_oneof![
            any::<u64>().prop_map(OrJsonata::Value),
            "\\{% \\$[a-z]{1,5} %\\}".prop_map(OrJsonata::Jsonata),
        ]
        .boxed(),
    }
}

fn retrier() -> impl Strategy<Value = Retrier> {
    (
        of(text()),
        vec(text(), 1..3),
        of(any::<u64>()),
        of(any::<u64>()),
        of(number()),
    )
        .prop_map(
            |(comment, error_equals, interval_seconds, max_attempts, backoff_rate)| Retrier {
                comment,
                error_equals,
                interval_seconds,
                max_attempts,
                backoff_rate,
                max_delay_seconds: interval_seconds,
                jitter_strategy: None,
            },
        )
}

fn catcher(language: QueryLanguage) -> impl Strategy<Value = Catcher> {
    let jsonpath = language == QueryLanguage::JsonPath;
    (
        vec(text(), 1..3),
        text(),
        nullable_path(),
        of(json()),
        of(object()),
    )
        .prop_map(
            move |(error_equals, next, result_path, output, assign)| Catcher {
                comment: None,
                error_equals,
                result_path: if jsonpath { result_path } else { None },
                output: if jsonpath { None } else { output },
                assign,
                next,
            },
        )
}

/// The language-specific fields of Task, Pass and friends, decided once per state.
#[derive(Debug, Clone)]
struct Io {
    input_path: Option<Option<String>>,
    output_path: Option<Option<String>>,
    result_path: Option<Option<String>>,
    template: Option<Json>,
    output: Option<Json>,
}

fn io(language: QueryLanguage) -> impl Strategy<Value = Io> {
    (
        nullable_path(),
        nullable_path(),
        nullable_path(),
        of(json()),
        of(json()),
    )
        .prop_map(
            move |(input_path, output_path, result_path, template, output)| match language {
                QueryLanguage::JsonPath => Io {
                    input_path,
                    output_path,
                    result_path,
                    template,
                    output: None,
                },
                QueryLanguage::Jsonata => Io {
                    input_path: None,
                    output_path: None,
                    result_path: None,
                    template,
                    output,
                },
            },
        )
}

fn task(language: QueryLanguage) -> impl Strategy<Value = State> {
    let jsonpath = language == QueryLanguage::JsonPath;
    (
        (
            of(text()),
            text(),
            io(language),
            of(object()),
            of(or_jsonata_u64(language)),
        ),
        (
            of(path()),
            of(vec(retrier(), 0..3)),
            of(vec(catcher(language), 0..2)),
            transition(),
        ),
    )
        .prop_map(
            move |(
                (comment, resource, io, assign, timeout),
                (heartbeat_path, retry, catch, transition),
            )| {
                State::from(Task {
                    comment,
                    query_language: None,
                    resource: Resource::Uri(resource),
                    credentials: None,
                    input_path: io.input_path,
                    parameters: if jsonpath { io.template.clone() } else { None },
                    arguments: if jsonpath { None } else { io.template },
                    timeout: timeout.map(TimeoutSeconds::Value),
                    heartbeat: heartbeat_path
                        .filter(|_| jsonpath)
                        .map(HeartbeatSeconds::Path),
                    result_selector: None,
                    result_path: io.result_path,
                    output_path: io.output_path,
                    output: io.output,
                    assign,
                    retry,
                    catch,
                    transition,
                })
            },
        )
}

fn simple_state(language: QueryLanguage) -> impl Strategy<Value = State> {
    let jsonpath = language == QueryLanguage::JsonPath;
    prop_oneof![
        task(language),
        (io(language), of(json()), transition()).prop_map(move |(io, result, transition)| {
            State::from(Pass {
                comment: None,
                query_language: None,
                input_path: io.input_path,
                parameters: if jsonpath { io.template } else { None },
                result: if jsonpath { result } else { None },
                result_path: io.result_path,
                output_path: io.output_path,
                output: io.output,
                assign: None,
                transition,
            })
        }),
        (io(language), or_jsonata_u64(language), transition()).prop_map(
            |(io, seconds, transition)| {
                State::from(Wait {
                    comment: None,
                    query_language: None,
                    input_path: io.input_path,
                    wait_for: WaitFor::Seconds(seconds),
                    output_path: io.output_path,
                    output: io.output,
                    assign: None,
                    transition,
                })
            }
        ),
        (io(language), vec(rule(language), 1..3), of(text())).prop_map(|(io, choices, default)| {
            State::from(Choice {
                comment: None,
                query_language: None,
                input_path: io.input_path,
                choices,
                default,
                output_path: io.output_path,
                output: io.output,
                assign: None,
            })
        }),
        io(language).prop_map(|io| State::from(Succeed {
            input_path: io.input_path,
            output_path: io.output_path,
            output: io.output,
            ..Succeed::default()
        })),
        (of(text()), of(path())).prop_map(move |(error, cause_path)| State::from(Fail {
            error: error.map(FailError::Value),
            cause: cause_path.filter(|_| jsonpath).map(FailCause::Path),
            ..Fail::default()
        })),
    ]
}

fn comparison() -> impl Strategy<Value = Comparison> {
    prop_oneof![
        text().prop_map(Comparison::StringEquals),
        path().prop_map(Comparison::StringLessThanPath),
        number().prop_map(Comparison::NumericGreaterThanEquals),
        any::<bool>().prop_map(Comparison::BooleanEquals),
        any::<bool>().prop_map(Comparison::IsPresent),
        text().prop_map(Comparison::TimestampLessThan),
    ]
}

fn condition(language: QueryLanguage) -> BoxedStrategy<ChoiceCondition> {
    if language == QueryLanguage::Jsonata {
        return prop_oneof![
            any::<bool>().prop_map(|b| ChoiceCondition::Jsonata(OrJsonata::Value(b))),
            "\\{% \\$states.input.[a-z]{1,4} %\\}"
                .prop_map(|e| ChoiceCondition::Jsonata(OrJsonata::Jsonata(e))),
        ]
        .boxed();
    }
    let data = (path(), comparison()).prop_map(|(variable, comparison)| {
        ChoiceCondition::Data(DataTest {
            variable,
            comparison,
        })
    });
    data.prop_recursive(3, 12, 3, |inner| {
        let nested = (of(text()), inner)
            .prop_map(|(comment, condition)| NestedRule { comment, condition })
            .boxed();
        prop_oneof![
            vec(nested.clone(), 1..3).prop_map(ChoiceCondition::And),
            vec(nested.clone(), 1..3).prop_map(ChoiceCondition::Or),
            nested.prop_map(|rule| ChoiceCondition::Not(Box::new(rule))),
        ]
    })
    .boxed()
}

fn rule(language: QueryLanguage) -> impl Strategy<Value = ChoiceRule> {
    (condition(language), text(), of(object())).prop_map(move |(condition, next, assign)| {
        ChoiceRule {
            comment: None,
            condition,
            assign,
            output: None,
            next,
        }
    })
}

fn states(language: QueryLanguage, range: std::ops::Range<usize>) -> impl Strategy<Value = States> {
    vec(("[A-Za-z][A-Za-z0-9 ]{0,8}", simple_state(language)), range)
        .prop_map(|pairs| pairs.into_iter().collect())
}

fn state(language: QueryLanguage) -> impl Strategy<Value = State> {
    let jsonpath = language == QueryLanguage::JsonPath;
    prop_oneof![
        4 => simple_state(language),
        1 => (vec((text(), states(language, 1..3)), 1..3), of(vec(retrier(), 0..2)), transition())
            .prop_map(|(branches, retry, transition)| State::from(Parallel {
                comment: None,
                query_language: None,
                input_path: None,
                parameters: None,
                arguments: None,
                branches: branches
                    .into_iter()
                    .map(|(start_at, states)| Branch { comment: None, start_at, states })
                    .collect(),
                result_selector: None,
                result_path: None,
                output_path: None,
                output: None,
                assign: None,
                retry,
                catch: None,
                transition,
            })),
        1 => (text(), states(language, 1..3), of(json()), of(any::<u64>()), any::<bool>(), transition())
            .prop_map(move |(start_at, states, selector, concurrency, legacy, transition)| {
                let processor = ItemProcessor {
                    comment: None,
                    processor_config: Some(ProcessorConfig {
                        mode: Some(ProcessorMode::Inline),
                        execution_type: None,
                    }),
                    start_at,
                    states,
                };
                State::from(Map {
                    comment: None,
                    query_language: None,
                    input_path: None,
                    items: Some(if jsonpath {
                        MapItems::ItemsPath("$.items".into())
                    } else {
                        MapItems::Items(Json::String("{% $states.input.items %}".into()))
                    }),
                    item_reader: None,
                    item_selector: selector.map(MapItemSelector::ItemSelector),
                    item_batcher: None,
                    processor: if legacy && jsonpath {
                        MapProcessor::Iterator(processor)
                    } else {
                        MapProcessor::ItemProcessor(processor)
                    },
                    max_concurrency: concurrency.map(|c| MaxConcurrency::Value(OrJsonata::Value(c))),
                    tolerated_failure_percentage: None,
                    tolerated_failure_count: None,
                    label: None,
                    result_writer: None,
                    result_selector: None,
                    result_path: None,
                    output_path: None,
                    output: None,
                    assign: None,
                    retry: None,
                    catch: None,
                    transition,
                })
            }),
    ]
}

/// Any state machine the model can hold that reads back: both query
/// languages, nested Parallel and Map states, Choice trees, retriers and
/// catchers.
pub fn machine() -> impl Strategy<Value = StateMachine> {
    prop_oneof![Just(QueryLanguage::JsonPath), Just(QueryLanguage::Jsonata)].prop_flat_map(
        |language| {
            (
                of(text()),
                text(),
                vec(("[A-Za-z][A-Za-z0-9 ]{0,8}", state(language)), 1..6),
                of(1..100_000u64),
            )
                .prop_map(move |(comment, start_at, states, timeout_seconds)| {
                    StateMachine {
                        comment,
                        start_at,
                        states: states.into_iter().collect(),
                        query_language: (language == QueryLanguage::Jsonata).then_some(language),
                        timeout_seconds,
                        version: Some("1.0".into()),
                    }
                })
        },
    )
}

/// Runs `check` over generated machines on a thread with a large stack: the
/// strategy's deeply nested types need it in debug builds (stepfn itself runs
/// the same documents on a default 2 MiB stack).
pub fn for_any_machine(
    cases: u32,
    check: impl Fn(StateMachine) -> Result<(), TestCaseError> + Send + 'static,
) {
    let run = move || {
        let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(cases));
        if let Err(e) = runner.run(&machine(), &check) {
            panic!("{e}");
        }
    };
    let thread = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(run)
        .unwrap();
    if let Err(panic) = thread.join() {
        std::panic::resume_unwind(panic);
    }
}
