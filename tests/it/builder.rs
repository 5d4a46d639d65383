//! The builder's behaviour in the scenarios users hit: loops and joins,
//! conflicting targets, scopes, fragments in nested states, `afterwards`,
//! `null`s, JSONata machines, and very long chains.

use stepfn::builder::*;
use stepfn::model::{self, Json};
use stepfn::Code;

const LAMBDA: &str = "arn:aws:states:::lambda:invoke";

/// `(path, code)` of every problem `build` reports.
fn problems(machine: StateMachine) -> Vec<(String, Code)> {
    match machine.build() {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .as_slice()
            .iter()
            .map(|e| (e.path().to_string(), e.code()))
            .collect(),
    }
}

fn built(machine: StateMachine) -> model::StateMachine {
    machine
        .build()
        .unwrap_or_else(|e| panic!("does not build:\n{e}"))
        .into_machine()
}

fn next_of(machine: &model::StateMachine, name: &str) -> Option<String> {
    let json = serde_json::to_value(&machine.states[name]).unwrap();
    json["Next"].as_str().map(str::to_owned)
}

#[test]
fn a_loop_back_by_name_and_a_loop_back_by_clone_give_the_same_machine() {
    let make = |back_by_name: bool| {
        let wait = Wait::seconds("Wait", 5);
        let back: ClosedChain = if back_by_name {
            Goto::new("Wait").into_chain()
        } else {
            wait.clone().next(Goto::new("Poll"))
        };
        let choice = Choice::new("Done?")
            .when(Condition::expr("$.done == true"), Succeed::new("Yes"))
            .otherwise(back);
        built(StateMachine::new(
            wait.next(Task::new("Poll", LAMBDA)).next(choice),
        ))
    };
    let by_name = make(true);
    assert_eq!(by_name, make(false));
    assert_eq!(next_of(&by_name, "Wait").as_deref(), Some("Poll"));
    assert_eq!(
        by_name.states.keys().collect::<Vec<_>>(),
        ["Wait", "Poll", "Done?", "Yes"]
    );
}

#[test]
fn branches_that_rejoin_continue_once() {
    let join = Pass::new("Join");
    let chain = Choice::new("Pick")
        .when(
            Condition::expr("$.a == 1"),
            Pass::new("A").next(join.clone()),
        )
        .otherwise(Pass::new("B").next(join))
        .afterwards()
        .next(Succeed::new("Done"));
    let machine = built(StateMachine::new(chain));
    assert_eq!(next_of(&machine, "A").as_deref(), Some("Join"));
    assert_eq!(next_of(&machine, "B").as_deref(), Some("Join"));
    assert_eq!(next_of(&machine, "Join").as_deref(), Some("Done"));
}

#[test]
fn one_state_continued_to_two_targets_is_an_error_naming_both() {
    let a = Pass::new("A");
    let first = a.clone().next(Succeed::new("B"));
    let chain = Parallel::new("P")
        .branch(first)
        .branch(Pass::new("X"))
        .next(a.next(Succeed::new("C")));
    let errors = StateMachine::new(chain).build().unwrap_err();
    // A joins the top-level chain (B is in a branch, so A's first Next is
    // only inside the branch): the two copies are in different scopes.
    assert!(errors
        .as_slice()
        .iter()
        .any(|e| e.code() == Code::DuplicateStateName));

    let a = Pass::new("A");
    let chain = a
        .clone()
        .next(Pass::new("B"))
        .next(a.next(Succeed::new("C")));
    let errors = StateMachine::new(chain).build().unwrap_err();
    let conflict = errors
        .as_slice()
        .iter()
        .find(|e| e.code() == Code::ConflictingNext)
        .expect("a CONFLICTING_NEXT error");
    assert_eq!(conflict.path(), "States.A");
    assert!(conflict.message().contains("`B`") && conflict.message().contains("`C`"));
}

#[test]
fn duplicate_names_across_branches_are_reported() {
    let chain = Parallel::new("P")
        .branch(Pass::new("Same"))
        .branch(Pass::new("Same"))
        .next(Succeed::new("Done"));
    let found = problems(StateMachine::new(chain));
    assert!(
        found
            .iter()
            .any(|(_, code)| *code == Code::DuplicateStateName),
        "{found:?}"
    );
}

#[test]
fn a_jump_out_of_a_branch_is_out_of_scope() {
    let chain = Parallel::new("P")
        .branch(Pass::new("Inside").next(Goto::new("Outside")))
        .next(Succeed::new("Outside"));
    let found = problems(StateMachine::new(chain));
    assert!(
        found.contains(&(
            "States.P.Branches[0].States.Inside.Next".to_owned(),
            Code::NextOutOfScope
        )),
        "{found:?}"
    );
}

#[test]
fn a_jump_to_no_state_is_dangling() {
    let found = problems(StateMachine::new(Pass::new("A").next(Goto::new("Nowhere"))));
    assert!(
        found.contains(&("States.A.Next".to_owned(), Code::DanglingNext)),
        "{found:?}"
    );
}

#[test]
fn a_condition_that_does_not_parse_is_reported_at_its_rule_with_the_column() {
    let choice = Choice::new("Check")
        .when(Condition::expr("$.ok == true"), Succeed::new("Fine"))
        .when(Condition::expr("$.status = 'FAILED'"), Fail::new("Failed"));
    let errors = StateMachine::new(choice).build().unwrap_err();
    let e = &errors.as_slice()[0];
    assert_eq!(
        (e.path().to_string(), e.code()),
        ("States.Check.Choices[1]".to_owned(), Code::InvalidCondition)
    );
    assert!(e.message().contains("column 10"), "{}", e.message());
}

#[test]
fn states_all_not_last_is_an_error_and_nothing_is_reordered() {
    let task = Task::new("T", LAMBDA)
        .retry(Retry::all())
        .retry(Retry::on(["Custom"]))
        .catch(Catch::all(), Pass::new("Any"))
        .catch(Catch::on([errors::TIMEOUT]), Pass::new("Slow"));
    let (model, _) = StateMachine::new(task.clone()).build_unchecked();
    let json = serde_json::to_value(&model.states["T"]).unwrap();
    assert_eq!(json["Retry"][0]["ErrorEquals"][0], "States.ALL");
    assert_eq!(json["Catch"][0]["Next"], "Any");
    let found = problems(StateMachine::new(task));
    assert_eq!(
        found,
        [
            (
                "States.T.Retry[0].ErrorEquals".to_owned(),
                Code::StatesAllNotAloneOrLast
            ),
            (
                "States.T.Catch[0].ErrorEquals".to_owned(),
                Code::StatesAllNotAloneOrLast
            ),
        ]
    );
}

/// A fragment holding a Map whose processor holds a Parallel: CDK's issue
/// #23320 leaves the Map's inner states unprefixed.
fn nested_fragment() -> Chain {
    let inner = Parallel::new("Fan").branch(Pass::new("Left")).branch(
        Choice::new("Which")
            .when(Condition::expr("$.x > 1"), Pass::new("Big"))
            .otherwise(Pass::new("Small"))
            .afterwards(),
    );
    Pass::new("Prepare")
        .next(
            Map::new("Each", inner.next(Pass::new("After fan")))
                .catch(Catch::all(), Pass::new("Oops")),
        )
        .next(Pass::new("Finish"))
}

#[test]
fn prefix_states_renames_inside_nested_map_and_parallel() {
    let machine = built(StateMachine::new(
        Parallel::new("Both")
            .branch(nested_fragment().prefix_states("one/"))
            .branch(nested_fragment().prefix_states("two/")),
    ));
    let json = serde_json::to_string(&machine).unwrap();
    for name in [
        "Prepare",
        "Each",
        "Oops",
        "Finish",
        "Fan",
        "Left",
        "Which",
        "Big",
        "Small",
        "After fan",
    ] {
        assert!(
            json.contains(&format!("\"one/{name}\"")),
            "one/{name} in {json}"
        );
        assert!(
            json.contains(&format!("\"two/{name}\"")),
            "two/{name} in {json}"
        );
        assert!(
            !json.contains(&format!("\"{name}\"")),
            "{name} left unprefixed in {json}"
        );
    }
}

#[test]
fn prefixes_stack_with_the_last_applied_first() {
    let chain = Pass::new("A")
        .next(Pass::new("B"))
        .prefix_states("x:")
        .prefix_states("y:");
    assert_eq!(chain.state_names(), ["y:x:A", "y:x:B"]);
    assert_eq!(chain.end_states(), ["y:x:B"]);
}

#[test]
fn afterwards_without_otherwise_leaves_the_otherwise_branch_ending() {
    // CDK's issue #37649: asked not to, it still chains the otherwise target.
    let chain = Choice::new("C")
        .when(Condition::expr("$.go == true"), Pass::new("Go"))
        .otherwise(Pass::new("Stop"))
        .afterwards_without_otherwise()
        .next(Succeed::new("Next"));
    let machine = built(StateMachine::new(chain));
    assert_eq!(next_of(&machine, "Go").as_deref(), Some("Next"));
    assert_eq!(next_of(&machine, "Stop"), None);
    let stop = serde_json::to_value(&machine.states["Stop"]).unwrap();
    assert_eq!(stop["End"], true);
}

#[test]
fn afterwards_or_default_continues_unmatched_input() {
    let chain = Choice::new("C")
        .when(Condition::expr("$.fix == true"), Pass::new("Fix"))
        .afterwards_or_default()
        .next(Succeed::new("Ship"));
    let machine = built(StateMachine::new(chain));
    let choice = serde_json::to_value(&machine.states["C"]).unwrap();
    assert_eq!(choice["Default"], "Ship");
}

#[test]
fn literal_nulls_survive() {
    let state = Pass::new("P")
        .parameters(
            Payload::new()
                .field("keep", Json::Null)
                .field("id", JsonPath::new("$.id")),
        )
        .result_path(Discard);
    let machine = built(StateMachine::new(state));
    let json = machine.to_json_compact().unwrap();
    assert!(
        json.contains(r#""Parameters":{"keep":null,"id.$":"$.id"},"ResultPath":null"#),
        "{json}"
    );
}

#[test]
fn a_jsonata_machine_builds_with_arguments_output_and_assign() {
    let task = Task::new("Call", LAMBDA)
        .arguments(serde_json::json!({"FunctionName": "f", "Payload": "{% $states.input %}"}))
        .output(Jsonata::new("$states.result.Payload"))
        .assign(serde_json::json!({"calls": "{% $calls + 1 %}"}))
        .catch(
            Catch::all().output(Jsonata::new("$states.errorOutput")),
            Fail::new("Failed").error("CallFailed"),
        );
    let machine = built(
        StateMachine::new(
            Pass::new("Init")
                .assign(serde_json::json!({"calls": 0}))
                .next(task),
        )
        .query_language(QueryLanguage::Jsonata),
    );
    assert_eq!(machine.query_language, Some(QueryLanguage::Jsonata));
}

#[test]
fn a_custom_state_keeps_its_own_next_and_what_follows_is_reported() {
    let custom = CustomState::new(
        "Raw",
        serde_json::json!({"Type": "Pass", "Next": "Elsewhere"}),
    );
    let found = problems(StateMachine::new(custom.next(Succeed::new("Here"))));
    assert_eq!(
        found,
        [
            ("States.Here".to_owned(), Code::UnreachableState),
            ("States.Raw.Next".to_owned(), Code::DanglingNext),
        ]
    );
}

#[test]
fn a_chain_of_100000_states_builds_without_overflowing_the_stack() {
    // Runs on the test harness's thread (2 MiB of stack).
    let mut chain = Chain::start(Pass::new("S0"));
    for i in 1..100_000 {
        chain = chain.next(Pass::new(format!("S{i}")));
    }
    let chain = chain.next(Succeed::new("Done"));
    let (model, builder_problems) = StateMachine::new(chain.clone()).build_unchecked();
    assert!(builder_problems.is_empty());
    assert_eq!(model.states.len(), 100_001);
    assert_eq!(next_of(&model, "S99999").as_deref(), Some("Done"));
    // AWS caps a definition at 1 MiB; that is the only problem reported.
    let found = problems(StateMachine::new(chain));
    assert_eq!(found, [("(root)".to_owned(), Code::DefinitionTooLarge)]);
}

#[test]
fn one_state_per_scope_for_a_deeply_nested_machine() {
    // Parallel states each nesting the next: as deep as JSON text can hold
    // builds; deeper is refused where it happens.
    let nested = |levels: usize| {
        let mut inner: ClosedChain = Succeed::new("Leaf").into_chain();
        for i in 0..levels {
            inner = Parallel::new(format!("P{i}"))
                .branch(inner)
                .next(Succeed::new(format!("D{i}")));
        }
        StateMachine::new(inner).build_unchecked()
    };
    let (model, problems) = nested(80);
    assert!(problems.is_empty());
    assert_eq!(model.start_at, "P79");
    let (_, problems) = nested(200);
    assert!(!problems.is_empty());
    assert!(problems.iter().all(|p| p.code() == Code::TooDeeplyNested));
}

#[test]
fn a_fragment_used_twice_without_a_prefix_is_named() {
    fn check_and_store() -> Chain {
        Pass::new("Check").next(Pass::new("Store"))
    }
    let chain = check_and_store()
        .next(check_and_store())
        .next(Succeed::new("Done"));
    let errors = StateMachine::new(chain).build().unwrap_err();
    let note = errors
        .iter()
        .find(|e| e.code() == Code::FragmentReused)
        .unwrap_or_else(|| panic!("no FRAGMENT_REUSED in:\n{errors}"));
    assert_eq!(note.path().to_string(), "States.Check");
    assert!(
        note.message().contains("`Check`, `Store`"),
        "{}",
        note.message()
    );
    assert!(
        note.message().contains("prefix_states"),
        "{}",
        note.message()
    );
    // with a prefix on one use, it builds
    let fine = check_and_store()
        .next(check_and_store().prefix_states("Again: "))
        .next(Succeed::new("Done"));
    assert!(StateMachine::new(fine).build().is_ok());
}

#[test]
fn looping_back_to_a_state_with_a_catch_is_a_loop_not_a_reuse() {
    let handler = Pass::new("Log failure").next(Fail::new("Failed"));
    let work = Task::new("Work", "arn:aws:states:::lambda:invoke").catch(Catch::all(), handler);
    let check = Choice::new("Again?")
        .when(Condition::boolean_equals("$.again", true), work.clone())
        .otherwise(Succeed::new("Done"));
    let built = StateMachine::new(work.next(check))
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(next_of(&built, "Work").as_deref(), Some("Again?"));
    assert!(built
        .warnings()
        .iter()
        .all(|w| w.code() != Code::FragmentReused));
}

#[test]
fn a_dollar_key_means_what_asl_means_and_is_checked() {
    let lambda = |payload: Payload| {
        Task::new("Call", "arn:aws:states:::lambda:invoke").parameters(payload.field(
            "FunctionName",
            "arn:aws:lambda:us-east-1:123456789012:function:f",
        ))
    };
    // exactly what the CDK writes: evaluated, not a literal "$"
    let built = built(StateMachine::new(lambda(
        Payload::new().field("Payload.$", "$"),
    )));
    let json = built.to_json_compact().unwrap();
    assert!(json.contains(r#""Payload.$":"$""#), "{json}");
    // a bad path under a `.$` key is a build error at that field
    let errors = StateMachine::new(lambda(Payload::new().field("Payload.$", "$.a[")))
        .build()
        .unwrap_err();
    assert_eq!(
        errors.as_slice()[0].path().to_string(),
        r#"States.Call.Parameters["Payload.$"]"#
    );
    assert_eq!(errors.as_slice()[0].code(), Code::InvalidPath);
}
