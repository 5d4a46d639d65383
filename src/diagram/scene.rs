//! What every diagram format draws, computed once from the state graph: each
//! state's shape and label lines, each transition's kind and label, and the
//! overlay's marks.

use std::collections::{HashMap, HashSet};

use super::overlay::Overlay;
use crate::model::graph::{EdgeField, Graph, StateId};
use crate::model::{
    ChoiceCondition, FailError, MapProcessor, OrJsonata, ProcessorMode, Resource, State, WaitFor,
};

/// The longest label line, in characters; longer text is cut with `…`.
pub(super) const MAX_LINE: usize = 40;

/// How a state is drawn, after the AWS console.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    Task,
    Pass,
    Wait,
    Choice,
    Parallel,
    Map,
    Succeed,
    Fail,
}

/// What an overlay says about a state or a transition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    Plain,
    /// On the execution's path.
    Taken,
    /// The state the execution failed in.
    Failed,
    /// Never exercised by the tests.
    Unexercised,
}

/// One state as drawn.
#[derive(Debug)]
pub(super) struct Node {
    pub(super) shape: Shape,
    /// The name, then what the state does, then its retry note.
    pub(super) lines: Vec<String>,
    pub(super) mark: Mark,
}

/// Which field a transition comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum EdgeKind {
    Next,
    Rule,
    Default,
    Catch,
}

/// One transition as drawn; transitions to a missing state are left out.
#[derive(Debug)]
pub(super) struct Edge {
    pub(super) from: StateId,
    pub(super) to: StateId,
    pub(super) kind: EdgeKind,
    pub(super) label: Option<String>,
    pub(super) mark: Mark,
}

/// Everything a renderer needs.
pub(super) struct Scene<'m> {
    pub(super) graph: Graph<'m>,
    pub(super) nodes: Vec<Node>,
    pub(super) edges: Vec<Edge>,
    /// The machine's first state, drawn after a start marker.
    pub(super) start: Option<StateId>,
    /// The machine's states that end an execution, drawn before an end marker.
    pub(super) ends: Vec<StateId>,
}

impl<'m> Scene<'m> {
    pub(super) fn new(graph: Graph<'m>, overlay: &Overlay) -> Scene<'m> {
        let marks = Marks::new(&graph, overlay);
        let mut nodes = Vec::with_capacity(graph.states().len());
        let mut edges = Vec::with_capacity(graph.states().len());
        let mut ends = Vec::new();
        for id in graph.state_ids() {
            let node = graph.state(id);
            nodes.push(Node {
                shape: shape(node.state),
                lines: lines(node.name, node.state),
                mark: marks.state(&graph, id),
            });
            if node.scope == Graph::MACHINE && node.state.is_terminal() {
                ends.push(id);
            }
            for edge in graph.edges(id) {
                let Some(to) = edge.to else { continue };
                let (kind, label) = edge_label(node.state, edge.field);
                edges.push(Edge {
                    from: id,
                    to,
                    kind,
                    label,
                    mark: marks.transition(&graph, id, to),
                });
            }
        }
        let start = graph.start(Graph::MACHINE);
        Scene {
            graph,
            nodes,
            edges,
            start,
            ends,
        }
    }
}

/// The overlay resolved to ids.
struct Marks<'o> {
    overlay: &'o Overlay,
    taken: Vec<bool>,
    failed: Vec<bool>,
    taken_transitions: HashSet<(StateId, StateId)>,
}

impl<'o> Marks<'o> {
    fn new(graph: &Graph<'_>, overlay: &'o Overlay) -> Marks<'o> {
        let count = graph.states().len();
        let mut by_name: HashMap<&str, Vec<StateId>> = HashMap::new();
        if !overlay.path.is_empty() || overlay.failed.is_some() {
            for id in graph.state_ids() {
                by_name.entry(graph.state(id).name).or_default().push(id);
            }
        }
        let ids = |name: &str| by_name.get(name).map(Vec::as_slice).unwrap_or_default();
        let mut taken = vec![false; count];
        let mut taken_transitions = HashSet::new();
        let mut previous: &[StateId] = &[];
        for name in &overlay.path {
            let current = ids(name);
            for &id in current {
                taken[id.index()] = true;
                for &from in previous {
                    taken_transitions.insert((from, id));
                }
            }
            previous = current;
        }
        let mut failed = vec![false; count];
        if let Some(name) = &overlay.failed {
            for &id in ids(name) {
                failed[id.index()] = true;
            }
        }
        Marks {
            overlay,
            taken,
            failed,
            taken_transitions,
        }
    }

    fn state(&self, graph: &Graph<'_>, id: StateId) -> Mark {
        if self.failed[id.index()] {
            Mark::Failed
        } else if self.taken[id.index()] {
            Mark::Taken
        } else if self
            .overlay
            .coverage
            .as_ref()
            .is_some_and(|c| !c.has_state(graph.state(id).name))
        {
            Mark::Unexercised
        } else {
            Mark::Plain
        }
    }

    fn transition(&self, graph: &Graph<'_>, from: StateId, to: StateId) -> Mark {
        if self.taken_transitions.contains(&(from, to)) {
            Mark::Taken
        } else if self
            .overlay
            .coverage
            .as_ref()
            .is_some_and(|c| !c.has_transition(graph.state(from).name, graph.state(to).name))
        {
            Mark::Unexercised
        } else {
            Mark::Plain
        }
    }
}

fn shape(state: &State) -> Shape {
    match state {
        State::Task(_) => Shape::Task,
        State::Pass(_) => Shape::Pass,
        State::Wait(_) => Shape::Wait,
        State::Choice(_) => Shape::Choice,
        State::Parallel(_) => Shape::Parallel,
        State::Map(_) => Shape::Map,
        State::Succeed(_) => Shape::Succeed,
        State::Fail(_) => Shape::Fail,
    }
}

/// The label lines of a state: its name, what it does, and a retry note.
fn lines(name: &str, state: &State) -> Vec<String> {
    let mut lines = vec![cut(name)];
    lines.push(cut(&detail(state)));
    let retriers = state.retriers();
    if let Some(first) = retriers.first() {
        let errors: usize = retriers.iter().map(|r| r.error_equals.len()).sum();
        let note = match (errors, first.error_equals.first()) {
            (1, Some(error)) => format!("Retry {error}"),
            (n, _) => format!("Retry {n} errors"),
        };
        lines.push(cut(&note));
    }
    lines
}

/// What a state does, in a few words: its type, and for a Task what it calls.
fn detail(state: &State) -> String {
    match state {
        State::Task(task) => match &task.resource {
            Resource::Uri(uri) => short_resource(uri),
            Resource::Template(_) => "Task (resource set at deploy)".to_owned(),
        },
        State::Wait(wait) => match &wait.wait_for {
            WaitFor::Seconds(OrJsonata::Value(n)) => format!("Wait {n} s"),
            WaitFor::Seconds(OrJsonata::Jsonata(e)) => format!("Wait {e} s"),
            WaitFor::SecondsPath(p) => format!("Wait {p} s"),
            WaitFor::Timestamp(t) => format!("Wait until {t}"),
            WaitFor::TimestampPath(p) => format!("Wait until {p}"),
        },
        State::Parallel(parallel) => match parallel.branches.len() {
            1 => "Parallel, 1 branch".to_owned(),
            n => format!("Parallel, {n} branches"),
        },
        State::Map(map) => {
            let distributed = matches!(&map.processor, MapProcessor::ItemProcessor(p)
                if p.processor_config.as_ref().and_then(|c| c.mode) == Some(ProcessorMode::Distributed));
            if distributed {
                "Distributed Map"
            } else {
                "Map"
            }
            .to_owned()
        }
        State::Fail(fail) => match &fail.error {
            Some(FailError::Value(error)) => format!("Fail {error}"),
            Some(FailError::Path(path)) => format!("Fail {path}"),
            None => "Fail".to_owned(),
        },
        _ => state.type_name().to_owned(),
    }
}

/// `arn:aws:states:::lambda:invoke` to `lambda:invoke`, a Lambda function ARN
/// to `Lambda MyFunction`, an activity ARN to `Activity MyActivity`.
fn short_resource(uri: &str) -> String {
    if let Some(rest) = uri.strip_prefix("arn:") {
        let parts: Vec<&str> = rest.splitn(6, ':').collect();
        if let [_partition, service, _region, _account, kind, name] = parts.as_slice() {
            match (*service, *kind) {
                ("states", "activity") => return format!("Activity {name}"),
                ("lambda", "function") => return format!("Lambda {name}"),
                _ => {}
            }
        }
        if let [_partition, "states", "", "", integration] =
            rest.splitn(5, ':').collect::<Vec<_>>().as_slice()
        {
            return (*integration).to_owned();
        }
    }
    uri.to_owned()
}

/// The kind and label of the transition in `field` of `state`: a Choice rule
/// by its condition, `Default`, a Catch by its error names.
fn edge_label(state: &State, field: EdgeField) -> (EdgeKind, Option<String>) {
    match (state, field) {
        (State::Choice(choice), EdgeField::Choice(i)) => {
            let text = choice
                .choices
                .get(i)
                .map(|rule| condition_text(&rule.condition));
            (EdgeKind::Rule, text.map(|t| cut(&t)))
        }
        (_, EdgeField::Default) => (EdgeKind::Default, Some("Default".to_owned())),
        (_, EdgeField::Catch(i)) => {
            let errors = state
                .catchers()
                .get(i)
                .map(|c| c.error_equals.join(", "))
                .unwrap_or_default();
            (EdgeKind::Catch, Some(cut(&format!("Catch {errors}"))))
        }
        _ => (EdgeKind::Next, None),
    }
}

/// A Choice condition in the builder's expression syntax:
/// `$.status == 'FAILED' || $.attempts > 5`.
fn condition_text(condition: &ChoiceCondition) -> String {
    let mut text = String::new();
    match crate::builder::write_condition(&mut text, condition) {
        Ok(()) => text,
        Err(_) => "rule".to_owned(),
    }
}

/// `text` on one line and at most [`MAX_LINE`] characters, cut with `…`.
pub(super) fn cut(text: &str) -> String {
    let one_line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if one_line.chars().count() <= MAX_LINE {
        return one_line;
    }
    let mut cut: String = one_line.chars().take(MAX_LINE - 1).collect();
    cut.push('…');
    cut
}
