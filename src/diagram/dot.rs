//! Graphviz DOT: for `dot -Tsvg`, and for every tool that reads DOT.

use std::fmt::Write;

use super::outline::{outline, Event};
use super::scene::{EdgeKind, Mark, Scene, Shape};
use crate::model::graph::{ScopeHolder, StateId};

/// Writes `scene` as a DOT digraph, top to bottom.
pub(super) fn write(scene: &Scene<'_>) -> String {
    let mut out = String::with_capacity(80 * scene.nodes.len() + 512);
    out.push_str(HEADER);
    let mut depth = 1;
    if scene.start.is_some() {
        out.push_str("    start_ [label=\"\", shape=circle, width=0.22, style=filled, fillcolor=\"#455a64\", color=\"#455a64\"];\n");
    }
    for event in outline(&scene.graph) {
        match event {
            Event::State(id) => node(&mut out, scene, id, depth),
            Event::OpenState(id) => {
                indent(&mut out, depth);
                let _ = writeln!(
                    out,
                    "subgraph cluster_s{} {{ label=\"\"; style=\"rounded,dashed\"; color=\"#78909c\";",
                    id.index()
                );
                depth += 1;
                node(&mut out, scene, id, depth);
            }
            Event::OpenScope(scope) => {
                let title = match scene.graph.scope(scope).owner {
                    Some((_, ScopeHolder::Branch(i))) => format!("Branch {}", i + 1),
                    Some((_, ScopeHolder::ItemProcessor)) => "Item processor".to_owned(),
                    Some((_, ScopeHolder::Iterator)) => "Iterator".to_owned(),
                    None => String::new(),
                };
                indent(&mut out, depth);
                let _ = writeln!(
                    out,
                    "subgraph cluster_b{} {{ label=\"{}\"; style=\"rounded,filled\"; fillcolor=\"#f7f9fa\"; color=\"#b0bec5\";",
                    scope.index(),
                    escape(&title)
                );
                depth += 1;
            }
            Event::Close => {
                depth -= 1;
                indent(&mut out, depth);
                out.push_str("}\n");
            }
        }
    }
    if !scene.ends.is_empty() {
        out.push_str("    end_ [label=\"\", shape=doublecircle, width=0.18, style=filled, fillcolor=\"#455a64\", color=\"#455a64\"];\n");
    }
    if let Some(start) = scene.start {
        let _ = writeln!(out, "    start_ -> s{};", start.index());
    }
    // Each branch and processor starts from its Parallel or Map state.
    for scope in scene.graph.scope_ids().skip(1) {
        let owner = scene.graph.scope(scope).owner;
        if let (Some((owner, _)), Some(first)) = (owner, scene.graph.start(scope)) {
            let _ = writeln!(
                out,
                "    s{} -> s{} [style=dotted, arrowhead=none, color=\"#90a4ae\"];",
                owner.index(),
                first.index()
            );
        }
    }
    for edge in &scene.edges {
        let mut attributes = Vec::new();
        if let Some(label) = &edge.label {
            attributes.push(format!("label=\"{}\"", escape(label)));
        }
        match edge.kind {
            EdgeKind::Default => attributes.push("style=dashed".to_owned()),
            EdgeKind::Catch => {
                attributes.push("style=dashed".to_owned());
                attributes.push("fontcolor=\"#c62828\"".to_owned());
            }
            EdgeKind::Next | EdgeKind::Rule => {}
        }
        match edge.mark {
            Mark::Taken => attributes.push("color=\"#1565c0\", penwidth=2.5".to_owned()),
            Mark::Unexercised => {
                attributes.push("color=\"#c4c4c4\", fontcolor=\"#9e9e9e\"".to_owned());
            }
            Mark::Plain | Mark::Failed => {}
        }
        let _ = write!(out, "    s{} -> s{}", edge.from.index(), edge.to.index());
        if !attributes.is_empty() {
            let _ = write!(out, " [{}]", attributes.join(", "));
        }
        out.push_str(";\n");
    }
    for &end in &scene.ends {
        let _ = writeln!(out, "    s{} -> end_;", end.index());
    }
    out.push_str("}\n");
    out
}

const HEADER: &str = "digraph state_machine {
    graph [rankdir=TB, fontname=\"Helvetica\", fontsize=10, nodesep=0.35, ranksep=0.45];
    node [fontname=\"Helvetica\", fontsize=11, shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", color=\"#546e7a\", fontcolor=\"#263238\"];
    edge [fontname=\"Helvetica\", fontsize=9, color=\"#546e7a\", arrowsize=0.7];
";

fn node(out: &mut String, scene: &Scene<'_>, id: StateId, depth: usize) {
    let node = &scene.nodes[id.index()];
    let label: Vec<String> = node.lines.iter().map(|l| escape(l)).collect();
    let mut attributes = vec![format!("label=\"{}\"", label.join("\\n"))];
    match node.shape {
        Shape::Choice => attributes.push("shape=diamond, style=filled".to_owned()),
        Shape::Succeed => attributes.push(
            "peripheries=2, fillcolor=\"#e8f5e9\", color=\"#2e7d32\", fontcolor=\"#1b5e20\""
                .to_owned(),
        ),
        Shape::Fail => attributes.push(
            "peripheries=2, fillcolor=\"#ffebee\", color=\"#c62828\", fontcolor=\"#b71c1c\""
                .to_owned(),
        ),
        Shape::Parallel | Shape::Map => attributes.push("fillcolor=\"#eceff1\"".to_owned()),
        Shape::Pass | Shape::Wait => attributes.push("style=\"rounded,filled,dashed\"".to_owned()),
        Shape::Task => {}
    }
    match node.mark {
        Mark::Taken => attributes.push("color=\"#1565c0\", penwidth=2.5".to_owned()),
        Mark::Failed => {
            attributes.push("fillcolor=\"#ffcdd2\", color=\"#c62828\", penwidth=2.5".to_owned());
        }
        Mark::Unexercised => attributes
            .push("fillcolor=\"#f5f5f5\", color=\"#c4c4c4\", fontcolor=\"#9e9e9e\"".to_owned()),
        Mark::Plain => {}
    }
    indent(out, depth);
    let _ = writeln!(out, "s{} [{}];", id.index(), attributes.join(", "));
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("    ");
    }
}

/// Text inside a quoted DOT string.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn labels_cannot_close_their_quotes() {
        assert_eq!(escape(r#"a "b" \n"#), r#"a \"b\" \\n"#);
    }
}
