//! A state reads only the variables its scope can see: those its own scope
//! assigns and those of the scopes around it. A Distributed Map's child
//! workflow sees none of its parent's; no scope sees what another Parallel
//! branch or Map processor assigns, nor what a scope nested in it assigns.
//!
//! A name no state assigns is left alone here: it fails when it is read.

use std::collections::HashSet;

use super::choice_conditions::operand_string;
use crate::model::graph::{Graph, ScopeHolder, ScopeId, StateId, StateNode};
use crate::model::{ChoiceCondition, FailCause, FailError, Json, ProcessorMode, State};
use crate::problem::Path;
use crate::syntax::{parse_path, parse_path_or_intrinsic, PathOrIntrinsic, PathRoot};
use crate::validate::conditions::for_each_condition;
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::validate::payloads::{extend, for_each_payload, walk, Node, Payload, Role, Step};
use crate::validate::strings::{expression, for_each_candidate};
use crate::Code;

pub(crate) fn check(found: &mut Findings<'_>, machine: &Definition<'_>) {
    let graph = &machine.graph;
    if graph.scopes().len() == 1 {
        return;
    }
    let assigned = super::variable_scope::assigned_names(graph);
    if assigned.iter().all(HashSet::is_empty) {
        return;
    }
    for (id, node) in graph.state_ids().zip(graph.states()) {
        for (at, name) in reads(machine, id, node) {
            let Some(blocked) = blocked(graph, &assigned, node.scope, &name) else {
                continue;
            };
            let message = match blocked {
                Blocked::Distributed(map) => format!(
                    "`${name}` is assigned outside the Distributed Map `{}`, and its child \
                     workflows cannot read the parent's variables: pass the value in with \
                     `ItemSelector`",
                    graph.state(map).name
                ),
                Blocked::Elsewhere(scope) => format!(
                    "`${name}` is assigned only in `{}`, which this state cannot see (a state \
                     reads the variables of its own scope and of the scopes around it, not \
                     those of another branch or processor, nor of one nested in it): pass the \
                     value on in the state input instead",
                    graph.scope_path(scope)
                ),
            };
            found.error(at, Code::VariableOutOfScope, message);
        }
    }
}

/// Why a read cannot see any assignment of its name.
enum Blocked {
    /// Only the parent of this Distributed Map (or a scope around it)
    /// assigns it.
    Distributed(StateId),
    /// Only this scope, off the reading scope's chain, assigns it.
    Elsewhere(ScopeId),
}

/// Whether `name`, read in `scope`, is assigned only where `scope` cannot
/// see; `None` when it is visible or assigned nowhere.
fn blocked(
    graph: &Graph<'_>,
    assigned: &[HashSet<&str>],
    scope: ScopeId,
    name: &str,
) -> Option<Blocked> {
    let mut at = Some(scope);
    let mut distributed = None;
    while let Some(s) = at {
        if assigned
            .get(s.index())
            .is_some_and(|names| names.contains(name))
        {
            return distributed.map(Blocked::Distributed);
        }
        if distributed.is_none() {
            distributed = distributed_map(graph, s);
        }
        at = graph.scope(s).parent;
    }
    graph
        .scope_ids()
        .zip(assigned)
        .find(|(_, names)| names.contains(name))
        .map(|(s, _)| Blocked::Elsewhere(s))
}

/// The Distributed Map whose child workflow `scope` is.
fn distributed_map(graph: &Graph<'_>, scope: ScopeId) -> Option<StateId> {
    let (owner, holder) = graph.scope(scope).owner?;
    if !matches!(holder, ScopeHolder::ItemProcessor | ScopeHolder::Iterator) {
        return None;
    }
    let State::Map(map) = graph.state(owner).state else {
        return None;
    };
    let config = map.processor.processor().processor_config.as_ref();
    (config.and_then(|c| c.mode) == Some(ProcessorMode::Distributed)).then_some(owner)
}

/// Every variable state `id` reads, with where: Paths rooted at `$name` in
/// its JSONPath fields, templates and intrinsic arguments, and the free
/// `$name`s of its JSONata expressions.
fn reads(machine: &Definition<'_>, id: StateId, node: &StateNode<'_>) -> Vec<(Path, String)> {
    let mut out = Vec::new();
    let state_path = || machine.state_path(id);
    let mut path_text = |at: &dyn Fn() -> Path, text: &str| {
        if let Ok(path) = parse_path(text) {
            if let PathRoot::Variable(name) = path.root {
                out.push((at(), name));
            }
        }
    };
    let (input, output) = match node.state {
        State::Task(s) => (&s.input_path, &s.output_path),
        State::Parallel(s) => (&s.input_path, &s.output_path),
        State::Map(s) => (&s.input_path, &s.output_path),
        State::Pass(s) => (&s.input_path, &s.output_path),
        State::Wait(s) => (&s.input_path, &s.output_path),
        State::Choice(s) => (&s.input_path, &s.output_path),
        State::Succeed(s) => (&s.input_path, &s.output_path),
        State::Fail(_) => (&None, &None),
    };
    for (field, value) in [("InputPath", input), ("OutputPath", output)] {
        if let Some(Some(text)) = value {
            path_text(&|| state_path().key(field), text);
        }
    }
    for (field, text) in super::reference_path_fields::fields(node.state) {
        path_text(&|| field.iter().fold(state_path(), |at, f| at.key(f)), text);
    }
    if let State::Fail(fail) = node.state {
        if let Some(FailError::Path(text)) = &fail.error {
            path_text(&|| state_path().key("ErrorPath"), text);
        }
        if let Some(FailCause::Path(text)) = &fail.cause {
            path_text(&|| state_path().key("CausePath"), text);
        }
    }
    if let State::Choice(choice) = node.state {
        for_each_condition(choice, |steps, condition| {
            if let ChoiceCondition::Data(test) = condition {
                let operator = test.comparison.operator();
                path_text(
                    &|| extend(state_path(), steps).key("Variable"),
                    &test.variable,
                );
                if operator.ends_with("Path") {
                    let operand = operand_string(&test.comparison);
                    path_text(&|| extend(state_path(), steps).key(operator), operand);
                }
            }
        });
    }
    for_each_payload(node.state, node.language, |field, payload, role| {
        if matches!(role, Role::Template | Role::AssignTemplate) {
            template_reads(field.at(state_path()), payload, &mut out);
        }
    });
    for_each_candidate(machine, id, |candidate| {
        let Some(text) = expression(candidate.text) else {
            return;
        };
        if let Ok(analysis) = crate::validate::jsonata::check(text) {
            for (name, _) in analysis.variables {
                out.push((candidate.at.clone(), name));
            }
        }
    });
    out
}

/// The variables a payload template reads in its `.$` values.
fn template_reads(field: Path, payload: Payload<'_>, out: &mut Vec<(Path, String)>) {
    walk(payload, |steps, node| {
        let (Some(Step::Key(key)), Node::Value(Json::String(text))) = (steps.last(), node) else {
            return;
        };
        if !key.ends_with(".$") {
            return;
        }
        let paths = match parse_path_or_intrinsic(text) {
            Ok(PathOrIntrinsic::Path(path)) => vec![path.root],
            Ok(PathOrIntrinsic::Intrinsic(call)) => call
                .paths()
                .into_iter()
                .map(|(p, _)| p.root.clone())
                .collect(),
            Err(_) => Vec::new(),
        };
        for root in paths {
            if let PathRoot::Variable(name) = root {
                out.push((extend(field.clone(), steps), name));
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::{messages, paths};
    use crate::Code;

    #[test]
    fn a_branch_cannot_read_what_only_a_sibling_branch_assigns() {
        let text = r#"{"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"mine": 1}, "End": true}}},
            {"StartAt": "B", "States": {"B": {"Type": "Pass",
                "Parameters": {"x.$": "$mine", "y.$": "States.Format('{}', $mine.v)"}, "End": true}}}]}}}"#;
        assert_eq!(
            paths(text, Code::VariableOutOfScope),
            [
                r#"States.P.Branches[1].States.B.Parameters["x.$"]"#,
                r#"States.P.Branches[1].States.B.Parameters["y.$"]"#
            ]
        );
        assert!(messages(text, Code::VariableOutOfScope)[0].starts_with(
            "`$mine` is assigned only in `States.P.Branches[0]`, which this state cannot see"
        ));
    }

    #[test]
    fn a_distributed_child_cannot_read_the_parents_variables_but_an_inline_one_can() {
        let map = |mode: &str| {
            format!(
                r#"{{"StartAt": "A", "States": {{
                "A": {{"Type": "Pass", "Assign": {{"limit": 3}}, "Next": "M"}},
                "M": {{"Type": "Map", "End": true, "ItemSelector": {{"limit.$": "$limit"}},
                    "ItemProcessor": {{"ProcessorConfig": {{"Mode": "{mode}", "ExecutionType": "STANDARD"}},
                        "StartAt": "I", "States": {{"I": {{"Type": "Choice",
                            "Choices": [{{"Variable": "$limit", "NumericGreaterThan": 1, "Next": "Yes"}}],
                            "Default": "Yes"}}, "Yes": {{"Type": "Succeed"}}}}}}}}}}}}"#
            )
        };
        assert_eq!(
            paths(&map("DISTRIBUTED"), Code::VariableOutOfScope),
            ["States.M.ItemProcessor.States.I.Choices[0].Variable"]
        );
        assert_eq!(
            messages(&map("DISTRIBUTED"), Code::VariableOutOfScope),
            [
                "`$limit` is assigned outside the Distributed Map `M`, and its child workflows \
              cannot read the parent's variables: pass the value in with `ItemSelector`"
            ]
        );
        assert_eq!(
            paths(&map("INLINE"), Code::VariableOutOfScope),
            Vec::<String>::new()
        );
    }

    #[test]
    fn jsonata_reads_and_reads_of_inner_variables_are_checked_too() {
        let text = r#"{"QueryLanguage": "JSONata", "StartAt": "M", "States": {
            "M": {"Type": "Map", "Next": "After", "ItemProcessor": {"StartAt": "I", "States": {
                "I": {"Type": "Pass", "Assign": {"inner": 1}, "End": true}}}},
            "After": {"Type": "Pass", "Output": {"v": "{% $inner + $count([1]) %}"}, "End": true}}}"#;
        assert_eq!(
            paths(text, Code::VariableOutOfScope),
            ["States.After.Output.v"]
        );
    }

    #[test]
    fn enclosing_and_own_variables_are_fine() {
        let text = r#"{"StartAt": "A", "States": {
            "A": {"Type": "Pass", "Assign": {"outer": 1}, "Next": "P"},
            "P": {"Type": "Parallel", "End": true, "Branches": [
                {"StartAt": "B", "States": {"B": {"Type": "Pass", "Assign": {"own": 2}, "Next": "C"},
                    "C": {"Type": "Pass", "InputPath": "$own", "Parameters": {"o.$": "$outer", "n.$": "$nobody"}, "End": true}}}]}}}"#;
        assert_eq!(paths(text, Code::VariableOutOfScope), Vec::<String>::new());
    }
}
