//! Generated builder programs: they always build (so the validator accepts
//! them), their JSON reads back to an equal model, and `prefix_states` never
//! makes two states share a name.

use std::cell::Cell;

use proptest::prelude::*;
use stepfn::builder::*;

/// One step of a generated program.
#[derive(Debug, Clone)]
enum Step {
    Pass,
    Wait(u64),
    Task {
        retry: bool,
        catch: bool,
    },
    /// Rules' chains, an otherwise chain, and whether to continue afterwards.
    Choice(Vec<Vec<Step>>, Option<Vec<Step>>, bool),
    Parallel(Vec<Vec<Step>>),
    Map(Vec<Step>),
    Succeed,
    Fail,
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    let leaf = prop_oneof![
        Just(Step::Pass),
        (0u64..100).prop_map(Step::Wait),
        (any::<bool>(), any::<bool>()).prop_map(|(retry, catch)| Step::Task { retry, catch }),
        Just(Step::Succeed),
        Just(Step::Fail),
    ];
    let step = leaf.prop_recursive(4, 40, 4, |inner| {
        let chain = prop::collection::vec(inner, 1..4);
        prop_oneof![
            (
                prop::collection::vec(chain.clone(), 1..3),
                prop::option::of(chain.clone()),
                any::<bool>()
            )
                .prop_map(|(rules, otherwise, after)| Step::Choice(rules, otherwise, after)),
            prop::collection::vec(chain.clone(), 1..3).prop_map(Step::Parallel),
            chain.prop_map(Step::Map),
        ]
    });
    prop::collection::vec(step, 1..6)
}

/// A chain under construction: open, or ended by a terminal step.
enum Built {
    Open(Chain),
    Closed(ClosedChain),
}

struct Names(Cell<usize>);

impl Names {
    fn next(&self) -> String {
        let n = self.0.get();
        self.0.set(n + 1);
        format!("S{n}")
    }
}

fn chain(steps: &[Step], names: &Names) -> Built {
    let mut built: Option<Chain> = None;
    for step in steps {
        let next = one(step, names);
        match (built, next) {
            (None, Built::Open(c)) => built = Some(c),
            (None, Built::Closed(c)) => return Built::Closed(c),
            (Some(b), Built::Open(c)) => built = Some(b.next(c)),
            (Some(b), Built::Closed(c)) => return Built::Closed(b.next(c)),
        }
    }
    match built {
        Some(c) => Built::Open(c),
        None => Built::Closed(Succeed::new(names.next()).into_chain()),
    }
}

fn closed(built: Built, names: &Names) -> ClosedChain {
    match built {
        Built::Open(c) => c.next(Succeed::new(names.next())),
        Built::Closed(c) => c,
    }
}

fn one(step: &Step, names: &Names) -> Built {
    let name = names.next();
    match step {
        Step::Pass => Built::Open(Pass::new(name).result_path("$.r").into_chain()),
        Step::Wait(s) => Built::Open(Wait::seconds(name, *s).into_chain()),
        Step::Task { retry, catch } => {
            let mut task = Task::new(name, "arn:aws:states:::lambda:invoke")
                .parameters(Payload::new().field("Payload", JsonPath::input()));
            if *retry {
                task = task
                    .retry(Retry::on(["X"]).max_attempts(2))
                    .retry(Retry::all());
            }
            if *catch {
                task = task.catch(Catch::all().result_path("$.error"), Pass::new(names.next()));
            }
            Built::Open(task.into_chain())
        }
        Step::Choice(rules, otherwise, after) => {
            let mut choice = Choice::new(name);
            for (i, rule) in rules.iter().enumerate() {
                let condition =
                    Condition::numeric_greater_than("$.n", i64::try_from(i).unwrap_or(0));
                choice = match chain(rule, names) {
                    Built::Open(c) => choice.when(condition, c),
                    Built::Closed(c) => choice.when(condition, c),
                };
            }
            if let Some(otherwise) = otherwise {
                choice = match chain(otherwise, names) {
                    Built::Open(c) => choice.otherwise(c),
                    Built::Closed(c) => choice.otherwise(c),
                };
            }
            let continued = choice.clone().afterwards();
            if *after && !continued.end_states().is_empty() {
                Built::Open(continued)
            } else {
                Built::Closed(choice.into_chain())
            }
        }
        Step::Parallel(branches) => {
            let mut parallel = Parallel::new(name);
            for branch in branches {
                parallel = match chain(branch, names) {
                    Built::Open(c) => parallel.branch(c),
                    Built::Closed(c) => parallel.branch(c),
                };
            }
            Built::Open(parallel.into_chain())
        }
        Step::Map(processor) => Built::Open(match chain(processor, names) {
            Built::Open(c) => Map::new(name, c).into_chain(),
            Built::Closed(c) => Map::new(name, c).into_chain(),
        }),
        Step::Succeed => Built::Closed(Succeed::new(name).into_chain()),
        Step::Fail => Built::Closed(Fail::new(name).error("E").into_chain()),
    }
}

fn machine(built: Built) -> StateMachine {
    match built {
        Built::Open(c) => StateMachine::new(c),
        Built::Closed(c) => StateMachine::new(c),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn generated_programs_build_and_round_trip(program in steps()) {
        let names = Names(Cell::new(0));
        let model = machine(chain(&program, &names)).build();
        let model = match model {
            Ok(model) => model,
            Err(errors) => return Err(TestCaseError::fail(format!("{program:?}\n{errors}"))),
        };
        let text = model.to_json_pretty().unwrap();
        let read = stepfn::read::read_str(&text).unwrap();
        prop_assert_eq!(&read, model.machine());
    }

    #[test]
    fn prefixed_copies_never_clash(program in steps(), prefix in "[a-z]{1,3}[:/ ]?") {
        // Two copies of one fragment side by side: unprefixed and prefixed.
        let names = Names(Cell::new(0));
        let original = closed(chain(&program, &names), &names);
        let copy = original.clone().prefix_states(&prefix);
        let renamed: Vec<String> = copy.state_names().iter().map(|s| (*s).to_owned()).collect();
        for (old, new) in original.state_names().iter().zip(&renamed) {
            prop_assert_eq!(new, &format!("{prefix}{old}"));
        }
        let both = Parallel::new("Both").branch(original).branch(copy);
        if let Err(errors) = StateMachine::new(both).build() {
            return Err(TestCaseError::fail(format!("{program:?}\n{errors}")));
        }
    }
}
