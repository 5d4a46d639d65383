//! The nesting of a diagram as a flat list of events, so text formats write
//! clusters inside clusters without recursing per level.

use crate::model::graph::{Graph, ScopeId, StateId};

/// One step of writing a diagram's nested clusters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Event {
    /// A state without nested scopes.
    State(StateId),
    /// A Parallel or Map state: opens its cluster, which holds the state
    /// itself and then one cluster per branch or processor.
    OpenState(StateId),
    /// A branch or the item processor of the state whose cluster is open.
    OpenScope(ScopeId),
    /// Closes the innermost open scope or state cluster.
    Close,
}

/// The events of `graph`: the machine's states in document order, each
/// Parallel or Map state followed by its scopes' states, nested.
pub(super) fn outline(graph: &Graph<'_>) -> Vec<Event> {
    let mut children: Vec<Vec<ScopeId>> = vec![Vec::new(); graph.states().len()];
    for scope in graph.scope_ids().skip(1) {
        if let Some((owner, _)) = graph.scope(scope).owner {
            children[owner.index()].push(scope);
        }
    }
    enum Frame {
        /// The members of a scope from the `next`-th on.
        Members(ScopeId, usize),
        Open(ScopeId),
        Close,
    }
    let mut events = Vec::with_capacity(graph.states().len() + 2 * graph.scopes().len());
    let all: Vec<StateId> = graph.state_ids().collect();
    let mut stack = vec![Frame::Members(Graph::MACHINE, 0)];
    while let Some(frame) = stack.pop() {
        match frame {
            Frame::Open(scope) => {
                events.push(Event::OpenScope(scope));
                stack.push(Frame::Close);
                stack.push(Frame::Members(scope, 0));
            }
            Frame::Close => events.push(Event::Close),
            Frame::Members(scope, next) => {
                let members = graph.scope(scope).member_ids();
                if next >= members.len() {
                    continue;
                }
                // A scope's states are consecutive ids.
                let first = members.map(StateId::index).next().unwrap_or_default();
                let Some(&id) = all.get(first + next) else {
                    continue;
                };
                stack.push(Frame::Members(scope, next + 1));
                let nested = &children[id.index()];
                if nested.is_empty() {
                    events.push(Event::State(id));
                } else {
                    events.push(Event::OpenState(id));
                    stack.push(Frame::Close);
                    stack.extend(nested.iter().rev().map(|&s| Frame::Open(s)));
                }
            }
        }
    }
    events
}

#[cfg(test)]
mod tests {
    use super::{outline, Event};
    use crate::model::graph::Graph;

    #[test]
    fn nested_scopes_come_inside_their_state_in_document_order() {
        let machine = crate::read::read_str(
            r#"{"StartAt": "P", "States": {
                "P": {"Type": "Parallel", "Next": "Z", "Branches": [
                    {"StartAt": "A", "States": {"A": {"Type": "Succeed"}}},
                    {"StartAt": "B", "States": {"B": {"Type": "Succeed"}}}]},
                "Z": {"Type": "Succeed"}}}"#,
        )
        .unwrap();
        let graph = Graph::new(&machine);
        let names: Vec<String> = outline(&graph)
            .into_iter()
            .map(|e| match e {
                Event::State(id) => graph.state(id).name.to_owned(),
                Event::OpenState(id) => format!("[{}", graph.state(id).name),
                Event::OpenScope(s) => format!("({}", s.index()),
                Event::Close => "]".to_owned(),
            })
            .collect();
        assert_eq!(names, ["[P", "(1", "A", "]", "(2", "B", "]", "]", "Z"]);
    }
}
