//! Passing the execution id to a worker, and the Map over a `put_items`
//! pointer: what is written, and the problems when it cannot be.

use stepfn::builder::*;
use stepfn::tasks::StepFunctionsInvokeActivity;
use stepfn::Code;

const ACTIVITY: &str = "arn:aws:states:us-east-1:123456789012:activity:work";

/// The build problems: (path, code, message).
fn problems(chain: impl IntoChain) -> Vec<(String, Code, String)> {
    match StateMachine::new(chain).build() {
        Ok(_) => Vec::new(),
        Err(problems) => problems
            .as_slice()
            .iter()
            .map(|p| (p.path().to_string(), p.code(), p.message().to_owned()))
            .collect(),
    }
}

#[test]
fn the_execution_id_is_added_whatever_order_the_setters_come_in() {
    let before = Task::new("Work", ACTIVITY)
        .pass_execution_id()
        .parameters(Payload::new().field("n", 1));
    let after = Task::new("Work", ACTIVITY)
        .parameters(Payload::new().field("n", 1))
        .pass_execution_id();
    assert_eq!(before.to_json(), after.to_json());
    let json = StateMachine::new(before).to_json().expect("it builds");
    assert!(
        json.contains(r#""Parameters":{"n":1,"execution_id.$":"$$.Execution.Id"}"#),
        "{json}"
    );
    // the same field with the same value already there: nothing to add, nothing wrong
    let already = Task::new("Work", ACTIVITY)
        .parameters(Payload::new().field("execution_id", Context::execution_id()))
        .pass_execution_id();
    assert!(problems(already).is_empty());
}

#[test]
fn a_task_without_input_cannot_pass_the_execution_id_alone() {
    let found = problems(Task::new("Work", ACTIVITY).pass_execution_id());
    assert_eq!(found.len(), 1, "{found:?}");
    let (path, code, message) = &found[0];
    assert_eq!(
        (path.as_str(), *code),
        ("States.Work.Parameters", Code::MissingField)
    );
    assert!(
        message.contains(".parameters(Payload::new().field(\"input\", JsonPath::input()))"),
        "{message}"
    );

    let found = problems(StepFunctionsInvokeActivity::new("Review", ACTIVITY).pass_execution_id());
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].0.as_str(), found[0].1),
        ("States.Review.Parameters", Code::MissingField)
    );
    assert!(
        found[0].2.contains(".input(Payload::new()"),
        "{}",
        found[0].2
    );
}

#[test]
fn an_input_that_is_not_an_object_or_already_has_the_field_is_a_problem() {
    let expression = Task::new("Work", ACTIVITY)
        .query_language(QueryLanguage::Jsonata)
        .arguments(Jsonata::states_input())
        .pass_execution_id_jsonata();
    let found = problems(expression);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].0.as_str(), found[0].1),
        ("States.Work.Arguments", Code::WrongType)
    );

    let other = Task::new("Work", ACTIVITY)
        .parameters(Payload::new().field("execution_id", "run-1"))
        .pass_execution_id();
    let found = problems(other);
    assert_eq!(
        found
            .iter()
            .map(|(p, c, _)| (p.as_str(), *c))
            .collect::<Vec<_>>(),
        [(
            "States.Work.Parameters.execution_id",
            Code::DuplicateTemplateKey
        )]
    );
}

#[test]
fn a_map_over_state_data_builds_in_both_query_languages_and_nested() {
    let consume = Task::new("Consume", ACTIVITY)
        .parameters(Payload::new().field("iteration", JsonPath::input()))
        .pass_execution_id();
    let produce = Task::new("Produce", ACTIVITY)
        .parameters(Payload::new().field("n", JsonPath::new("$.n")))
        .pass_execution_id()
        .result_path("$.orders");
    let chain = produce.next(Map::over_state_data(
        "Each",
        StateDataItems::at("$.orders"),
        consume,
    ));
    let built = StateMachine::new(chain).build();
    assert!(built.is_ok(), "{:?}", built.err().map(|p| p.to_string()));

    let consume = Task::new("Consume", ACTIVITY)
        .arguments(Payload::new().field("iteration", Jsonata::states_input()))
        .pass_execution_id_jsonata();
    let produce = Task::new("Produce", ACTIVITY)
        .arguments(Payload::new().field("n", Jsonata::new("$states.input.n")))
        .pass_execution_id_jsonata()
        .assign(Payload::new().field("orders", Jsonata::states_result()));
    let each = Map::over_state_data(
        "Each",
        StateDataItems::jsonata(Jsonata::new("$orders")).global(),
        consume,
    );
    let built = StateMachine::new(produce.next(each))
        .query_language(QueryLanguage::Jsonata)
        .build();
    assert!(built.is_ok(), "{:?}", built.err().map(|p| p.to_string()));
}
