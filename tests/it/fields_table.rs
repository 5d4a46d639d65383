//! The builder's setters reach exactly the fields the model's table gives each
//! state type: every field a type takes can be set, and no setter writes a
//! field the type does not take.

use std::collections::BTreeSet;

use stepfn::builder::{
    Catch, Choice, Condition, DistributedMap, Fail, Jsonata, Map, Parallel, Pass, Payload,
    QueryLanguage, Retry, Succeed, Task, Wait,
};
use stepfn::model::fields::{fields_of, StateType};
use stepfn::model::{ItemBatcher, ItemReader, ResultWriter};

/// The keys of states rendered by the builder.
fn keys(states: &[String]) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for json in states {
        let value: serde_json::Value = serde_json::from_str(json).expect("a state is JSON");
        keys.extend(value.as_object().expect("an object").keys().cloned());
    }
    // A chained state gets `Next` or `End` from the chain, not from a setter.
    keys.insert("Next".to_owned());
    keys.insert("End".to_owned());
    keys
}

fn table(state_type: StateType) -> BTreeSet<String> {
    fields_of(state_type).map(|f| f.name.to_owned()).collect()
}

fn assert_covers(state_type: StateType, states: &[String]) {
    let mut written = keys(states);
    let expected = table(state_type);
    if !matches!(
        state_type,
        StateType::Task | StateType::Pass | StateType::Wait | StateType::Parallel | StateType::Map
    ) {
        written.remove("Next");
        written.remove("End");
    }
    assert_eq!(written, expected, "{}", state_type.name());
}

#[test]
fn task_setters_cover_the_task_fields() {
    let jsonpath = Task::new("S", "arn:aws:states:::lambda:invoke")
        .comment("c")
        .input_path("$.in")
        .parameters(Payload::new().field("a", 1))
        .result_selector(Payload::new().field("b", 2))
        .result_path("$.r")
        .output_path("$.o")
        .assign(Payload::new().field("x", 1))
        .credentials(serde_json::json!({"RoleArn": "arn:aws:iam::123456789012:role/r"}))
        .timeout_seconds_path("$.t")
        .heartbeat_seconds_path("$.h")
        .retry(Retry::all())
        .catch(Catch::all(), Pass::new("H"));
    let jsonata = Task::new("S", "arn:aws:states:::lambda:invoke")
        .query_language(QueryLanguage::Jsonata)
        .arguments(serde_json::json!({"a": 1}))
        .output(Jsonata::new("$states.result"))
        .timeout_seconds(30)
        .heartbeat_seconds(10);
    assert_covers(StateType::Task, &[jsonpath.to_json(), jsonata.to_json()]);
}

#[test]
fn pass_setters_cover_the_pass_fields() {
    let jsonpath = Pass::new("S")
        .comment("c")
        .input_path("$.in")
        .parameters(Payload::new().field("a", 1))
        .result(serde_json::json!({"r": 1}))
        .result_path("$.r")
        .output_path("$.o")
        .assign(Payload::new().field("x", 1));
    let jsonata = Pass::new("S")
        .query_language(QueryLanguage::Jsonata)
        .output(Jsonata::new("$states.input"));
    assert_covers(StateType::Pass, &[jsonpath.to_json(), jsonata.to_json()]);
}

#[test]
fn wait_setters_cover_the_wait_fields() {
    let states = [
        Wait::seconds("S", 5)
            .comment("c")
            .input_path("$.in")
            .output_path("$.o")
            .assign(Payload::new().field("x", 1))
            .to_json(),
        Wait::seconds_path("S", "$.s").to_json(),
        Wait::timestamp("S", "2026-01-01T00:00:00Z").to_json(),
        Wait::timestamp_path("S", "$.t").to_json(),
        Wait::seconds_jsonata("S", Jsonata::new("$x"))
            .query_language(QueryLanguage::Jsonata)
            .output(Jsonata::new("$states.input"))
            .to_json(),
    ];
    assert_covers(StateType::Wait, &states);
}

#[test]
fn choice_setters_cover_the_choice_fields() {
    let choice = Choice::new("S")
        .comment("c")
        .input_path("$.in")
        .output_path("$.o")
        .assign(Payload::new().field("x", 1))
        .when(Condition::is_present("$.x", true), Pass::new("X"))
        .otherwise(Pass::new("Y"));
    let jsonata = Choice::new("S")
        .query_language(QueryLanguage::Jsonata)
        .output(Jsonata::new("$states.input"))
        .when(Condition::jsonata("true"), Pass::new("X"));
    assert_covers(StateType::Choice, &[choice.to_json(), jsonata.to_json()]);
}

#[test]
fn parallel_setters_cover_the_parallel_fields() {
    let jsonpath = Parallel::new("S")
        .branch(Pass::new("B"))
        .comment("c")
        .input_path("$.in")
        .parameters(Payload::new().field("a", 1))
        .result_selector(Payload::new().field("b", 2))
        .result_path("$.r")
        .output_path("$.o")
        .assign(Payload::new().field("x", 1))
        .retry(Retry::all())
        .catch(Catch::all(), Pass::new("H"));
    let jsonata = Parallel::new("S")
        .branch(Pass::new("B"))
        .query_language(QueryLanguage::Jsonata)
        .arguments(serde_json::json!({"a": 1}))
        .output(Jsonata::new("$states.result"));
    assert_covers(
        StateType::Parallel,
        &[jsonpath.to_json(), jsonata.to_json()],
    );
}

#[test]
fn map_setters_cover_the_map_fields() {
    let inline = Map::new("S", Pass::new("P"))
        .comment("c")
        .input_path("$.in")
        .items_path("$.items")
        .item_selector(Payload::new().field("a", 1))
        .max_concurrency(2)
        .result_selector(Payload::new().field("b", 2))
        .result_path("$.r")
        .output_path("$.o")
        .assign(Payload::new().field("x", 1))
        .retry(Retry::all())
        .catch(Catch::all(), Pass::new("H"));
    let distributed = DistributedMap::new("S", Pass::new("P"))
        .item_reader(ItemReader {
            resource: stepfn::model::Resource::Uri("arn:aws:states:::s3:listObjectsV2".to_owned()),
            reader_config: None,
            parameters: None,
            arguments: None,
        })
        .item_batcher(ItemBatcher::default())
        .result_writer(ResultWriter::default())
        .tolerated_failure_percentage_path("$.p")
        .tolerated_failure_count_path("$.c")
        .max_concurrency_path("$.m")
        .label("L");
    // The names AWS renamed: `Iterator` (now `ItemProcessor`) and a Map's
    // `Parameters` (now `ItemSelector`).
    let legacy = Map::new("S", Pass::new("P"))
        .legacy_iterator()
        .parameters(Payload::new().field("a", 1));
    let jsonata = DistributedMap::new("S", Pass::new("P"))
        .query_language(QueryLanguage::Jsonata)
        .items(Jsonata::new("$states.input.items"))
        .output(Jsonata::new("$states.result"))
        .tolerated_failure_percentage(5.0)
        .tolerated_failure_count(1);
    assert_covers(
        StateType::Map,
        &[
            inline.to_json(),
            distributed.to_json(),
            legacy.to_json(),
            jsonata.to_json(),
        ],
    );
}

#[test]
fn succeed_and_fail_setters_cover_their_fields() {
    let succeed = Succeed::new("S")
        .comment("c")
        .input_path("$.in")
        .output_path("$.o");
    let succeed_jsonata = Succeed::new("S")
        .query_language(QueryLanguage::Jsonata)
        .output(Jsonata::new("$states.input"));
    assert_covers(
        StateType::Succeed,
        &[succeed.to_json(), succeed_jsonata.to_json()],
    );
    let fail = Fail::new("S").comment("c").error("E").cause("C");
    let fail_paths = Fail::new("S")
        .query_language(QueryLanguage::JsonPath)
        .error_path("$.e")
        .cause_path("$.c");
    assert_covers(StateType::Fail, &[fail.to_json(), fail_paths.to_json()]);
}
