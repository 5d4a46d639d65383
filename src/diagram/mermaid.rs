//! Mermaid flowcharts: paste into Markdown on GitHub, GitLab, Notion, ...

use std::fmt::Write;

use super::outline::{outline, Event};
use super::scene::{EdgeKind, Mark, Scene, Shape};
use crate::model::graph::{ScopeHolder, StateId};

/// Writes `scene` as a Mermaid flowchart, top to bottom.
pub(super) fn write(scene: &Scene<'_>) -> String {
    let mut out = String::with_capacity(64 * scene.nodes.len() + 512);
    out.push_str("flowchart TD\n");
    let mut depth = 1;
    if scene.start.is_some() {
        out.push_str("    start_((\"Start\")):::marker\n");
    }
    for event in outline(&scene.graph) {
        match event {
            Event::State(id) => node(&mut out, scene, id, depth),
            Event::OpenState(id) => {
                indent(&mut out, depth);
                let _ = writeln!(out, "subgraph c{}[\" \"]", id.index());
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
                let _ = writeln!(out, "subgraph b{}[\"{}\"]", scope.index(), escape(&title));
                depth += 1;
            }
            Event::Close => {
                depth -= 1;
                indent(&mut out, depth);
                out.push_str("end\n");
            }
        }
    }
    if !scene.ends.is_empty() {
        out.push_str("    end_((\"End\")):::marker\n");
    }
    let mut links = Vec::new();
    if let Some(start) = scene.start {
        let _ = writeln!(out, "    start_ --> s{}", start.index());
        links.push(Mark::Plain);
    }
    for edge in &scene.edges {
        let arrow = match edge.kind {
            EdgeKind::Next | EdgeKind::Rule => "-->",
            EdgeKind::Default | EdgeKind::Catch => "-.->",
        };
        let _ = write!(out, "    s{} {arrow}", edge.from.index());
        if let Some(label) = &edge.label {
            let _ = write!(out, "|\"{}\"|", escape(label));
        }
        let _ = writeln!(out, " s{}", edge.to.index());
        links.push(edge.mark);
    }
    for &end in &scene.ends {
        let _ = writeln!(out, "    s{} --> end_", end.index());
        links.push(Mark::Plain);
    }
    out.push_str(CLASSES);
    for (i, node) in scene.nodes.iter().enumerate() {
        let class = match node.shape {
            Shape::Succeed => "succeed",
            Shape::Fail => "fail",
            Shape::Parallel | Shape::Map => "scope",
            _ => "state",
        };
        let _ = writeln!(out, "    class s{i} {class}");
        if let Some(mark) = mark_class(node.mark) {
            let _ = writeln!(out, "    class s{i} {mark}");
        }
    }
    for (i, mark) in links.iter().enumerate() {
        let style = match mark {
            Mark::Taken => "stroke:#1565c0,stroke-width:3px",
            Mark::Unexercised => "stroke:#c4c4c4,color:#9e9e9e",
            Mark::Plain | Mark::Failed => continue,
        };
        let _ = writeln!(out, "    linkStyle {i} {style}");
    }
    out
}

const CLASSES: &str = "    classDef state fill:#ffffff,stroke:#546e7a,color:#263238
    classDef scope fill:#eceff1,stroke:#546e7a,color:#263238
    classDef succeed fill:#e8f5e9,stroke:#2e7d32,color:#1b5e20
    classDef fail fill:#ffebee,stroke:#c62828,color:#b71c1c
    classDef marker fill:#455a64,stroke:#455a64,color:#ffffff
    classDef taken stroke:#1565c0,stroke-width:3px
    classDef failed fill:#ffcdd2,stroke:#c62828,stroke-width:3px
    classDef unexercised fill:#f5f5f5,stroke:#c4c4c4,color:#9e9e9e,stroke-dasharray:4 3
";

fn mark_class(mark: Mark) -> Option<&'static str> {
    match mark {
        Mark::Plain => None,
        Mark::Taken => Some("taken"),
        Mark::Failed => Some("failed"),
        Mark::Unexercised => Some("unexercised"),
    }
}

fn node(out: &mut String, scene: &Scene<'_>, id: StateId, depth: usize) {
    let node = &scene.nodes[id.index()];
    let (open, close) = match node.shape {
        Shape::Choice => ("{", "}"),
        Shape::Succeed | Shape::Fail => ("([", "])"),
        Shape::Parallel | Shape::Map => ("[[", "]]"),
        Shape::Pass | Shape::Wait => ("(", ")"),
        Shape::Task => ("[", "]"),
    };
    let label: Vec<String> = node.lines.iter().map(|l| escape(l)).collect();
    indent(out, depth);
    let _ = writeln!(
        out,
        "s{}{open}\"{}\"{close}",
        id.index(),
        label.join("<br/>")
    );
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("    ");
    }
}

/// Text inside a quoted Mermaid label: quotes and the characters Mermaid
/// reads as markup written as entities.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '|' => out.push_str("#124;"),
            '`' => out.push_str("#96;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn labels_cannot_close_their_quotes_or_open_markup() {
        assert_eq!(
            escape(r#"a "b" <c> | #d"#),
            "a #quot;b#quot; #lt;c#gt; #124; #35;d"
        );
    }
}
