//! The functions of the generated file: `state_machine()` for the top
//! level, and one per Parallel branch and Map processor, each returning its
//! states chained. They are written from a queue, top level first, so any
//! nesting costs no recursion.
//!
//! In a function, each state is a `let` in the order the definition writes
//! them; then the states are put together: a chain per run of `Next`
//! transitions (`a.next(b).next(c)`), a `Goto::new(...)` where a `Next`
//! leads to a state already placed, and `.with_states(...)` for the runs
//! reached only from Choice rules and `Catch`.

use std::collections::{HashSet, VecDeque};

use crate::model::{QueryLanguage, State, StateMachine, States};

use super::code::Expr;
use super::cx::{FileCx, FnCx, Statement};
use super::fields::{comment, count, goto, set};
use super::literal;
use super::names::{snake_case, Names};
use super::states::{self, StateCx};

/// One function of the generated file.
#[derive(Debug)]
pub(crate) struct Function {
    pub(crate) name: String,
    /// Its doc comment, one line.
    pub(crate) doc: String,
    pub(crate) statements: Vec<Statement>,
    /// `state_machine()` (public, returns the built machine) or a scope
    /// (returns its states).
    pub(crate) top: bool,
}

/// A function still to write.
struct Job<'m> {
    name: String,
    doc: String,
    start_at: &'m str,
    states: &'m States,
}

/// What the top-level function adds after the states.
pub(crate) struct Top {
    pub(crate) allow_resource_placeholders: bool,
}

/// Every function of the file, top level first.
pub(crate) fn functions(file: &mut FileCx, machine: &StateMachine, top: &Top) -> Vec<Function> {
    let language = machine.effective_query_language();
    let mut function_names = Names::reserving(["state_machine", "main"]);
    let mut queue = VecDeque::from([Job {
        name: "state_machine".to_owned(),
        doc: "Builds the state machine: the model and the validator's warnings, or every \
              problem it has."
            .to_owned(),
        start_at: &machine.start_at,
        states: &machine.states,
    }]);
    let mut functions = Vec::new();
    while let Some(job) = queue.pop_front() {
        let is_top = functions.is_empty();
        let mut cx = FnCx {
            file: &mut *file,
            names: Names::reserving(["definition"]),
            statements: Vec::new(),
            owner: String::new(),
            state: String::new(),
        };
        let vars: Vec<String> = job
            .states
            .keys()
            .map(|name| cx.names.unique_besides(&snake_case(name), &function_names))
            .collect();
        for ((name, state), var) in job.states.iter().zip(&vars) {
            let scopes = scopes(&mut cx, &mut function_names, &mut queue, name, var, state);
            cx.owner = var.clone();
            cx.state = name.clone();
            let at = StateCx {
                name,
                language: state.query_language().unwrap_or(language),
                scopes: &scopes,
            };
            let expr = states::state(&mut cx, &at, state);
            cx.statements.push(Statement::Let(var.clone(), expr));
        }
        let chained = chained(job.start_at, job.states, &vars);
        cx.statements.push(Statement::Blank);
        if is_top {
            let definition = match chained {
                path @ Expr::Path(_) => path,
                chained => {
                    cx.statements
                        .push(Statement::Let("definition".to_owned(), chained));
                    Expr::path("definition")
                }
            };
            let built = machine_fields(definition, machine, top);
            cx.statements.push(Statement::Tail(built));
        } else {
            cx.statements.push(Statement::Tail(chained));
        }
        functions.push(Function {
            name: job.name,
            doc: job.doc,
            statements: cx.statements,
            top: is_top,
        });
    }
    functions
}

/// The functions giving the branches or processor of `state` (queued to be
/// written), named after its variable `var`.
fn scopes<'m>(
    cx: &mut FnCx<'_>,
    function_names: &mut Names,
    queue: &mut VecDeque<Job<'m>>,
    name: &str,
    var: &str,
    state: &'m State,
) -> Vec<String> {
    let quoted = literal::string(name);
    let found: Vec<(String, String, &'m str, &'m States)> = match state {
        State::Parallel(parallel) => parallel
            .branches
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let doc = format!("Branch {} of {quoted}: its states, chained.", i + 1);
                (
                    format!("{var}_branch_{}", i + 1),
                    doc,
                    b.start_at.as_str(),
                    &b.states,
                )
            })
            .collect(),
        State::Map(map) if states::map_builder(map).is_some() => {
            let processor = map.processor.processor();
            let doc = format!("The item processor of {quoted}: its states, chained.");
            vec![(
                format!("{var}_processor"),
                doc,
                processor.start_at.as_str(),
                &processor.states,
            )]
        }
        _ => Vec::new(),
    };
    found
        .into_iter()
        .map(|(base, doc, start_at, states)| {
            let function = function_names.unique_besides(&base, &cx.names);
            cx.names.take(&function);
            queue.push_back(Job {
                name: function.clone(),
                doc,
                start_at,
                states,
            });
            function
        })
        .collect()
}

/// The states put together: a chain from `start_at` along `Next`, then a
/// chain from each state not yet placed, in definition order, added with
/// `.with_states(...)`.
fn chained(start_at: &str, states: &States, vars: &[String]) -> Expr {
    let mut placed: HashSet<usize> = HashSet::with_capacity(states.len());
    let mut runs: Vec<Expr> = Vec::new();
    let first = states.get_index_of(start_at);
    if first.is_none() {
        runs.push(goto(start_at));
    }
    for start in first.into_iter().chain(0..states.len()) {
        if !placed.insert(start) {
            continue;
        }
        let Some(var) = vars.get(start) else { continue };
        let mut run = Expr::path(var.clone());
        let mut at = start;
        while let Some(next) = states.get_index(at).and_then(|(_, s)| s.next()) {
            match states.get_index_of(next) {
                Some(i) if placed.insert(i) => {
                    let var = vars.get(i).cloned().unwrap_or_default();
                    run = run.method("next", vec![Expr::path(var)]);
                    at = i;
                }
                _ => {
                    run = run.method("next", vec![goto(next)]);
                    break;
                }
            }
        }
        runs.push(run);
    }
    let mut runs = runs.into_iter();
    let mut chained = runs.next().unwrap_or_else(|| goto(start_at));
    for run in runs {
        chained = chained.method("with_states", vec![run]);
    }
    chained
}

/// `StateMachine::new(definition)` with the machine's own fields, built.
fn machine_fields(definition: Expr, machine: &StateMachine, top: &Top) -> Expr {
    let mut e = Expr::call("StateMachine::new", vec![definition]);
    e = comment(e, machine.comment.as_deref());
    match machine.query_language {
        Some(QueryLanguage::Jsonata) => {
            e = set(e, "query_language", Expr::path("QueryLanguage::Jsonata"));
        }
        Some(QueryLanguage::JsonPath) => {
            e = set(e, "query_language", Expr::path("QueryLanguage::JsonPath"));
        }
        None => {}
    }
    if let Some(seconds) = machine.timeout_seconds {
        e = set(e, "timeout_seconds", count(seconds));
    }
    if let Some(version) = &machine.version {
        e = set(e, "version", Expr::str(version));
    }
    if top.allow_resource_placeholders {
        let validator = Expr::call("Validator::new", Vec::new()).method(
            "allow_resource_placeholders",
            vec![Expr::Lit("true".to_owned())],
        );
        e = set(e, "validator", validator);
    }
    e.method("build", Vec::new())
}
