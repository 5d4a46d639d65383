//! Diagrams of the bundled definitions and the CDK's reference workflows:
//! Mermaid and DOT snapshots, SVG that draws every state, overlays, and
//! machines too large or deep to draw by recursion.

use std::path::Path;

use stepfn::diagram::{Coverage, Diagram, Overlay};

use crate::fixtures::cdk_dir;

fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(Path::new(env!("CARGO_MANIFEST_DIR")).join("snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings
}

/// The readable bundled definitions and the four CDK reference workflows.
fn drawable() -> Vec<(String, stepfn::model::StateMachine)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = [
        "distributed-map",
        "jsonata-greeting",
        "mistakes",
        "order-pipeline",
    ]
    .iter()
    .map(|n| {
        (
            n.to_string(),
            root.join(format!("examples/definitions/{n}.asl.json")),
        )
    })
    .collect();
    for n in [
        "job-poller",
        "parallel-catch-retry",
        "map-inline",
        "fragment-prefix",
    ] {
        files.push((format!("cdk-{n}"), cdk_dir().join(format!("{n}.asl.json"))));
    }
    files
        .into_iter()
        .map(|(name, file)| {
            let text = std::fs::read_to_string(&file).unwrap();
            (name, stepfn::read::read_str(&text).unwrap())
        })
        .collect()
}

#[test]
fn every_example_draws_as_its_mermaid_and_dot_snapshots() {
    for (name, machine) in drawable() {
        let diagram = Diagram::new(&machine);
        snapshot_settings().bind(|| {
            insta::assert_snapshot!(format!("graph-{name}.mermaid"), diagram.to_mermaid());
            insta::assert_snapshot!(format!("graph-{name}.dot"), diagram.to_dot());
        });
    }
}

#[test]
fn every_state_and_transition_is_drawn_once() {
    for (name, machine) in drawable() {
        let graph = stepfn::model::graph::Graph::new(&machine);
        let mermaid = Diagram::new(&machine).to_mermaid();
        let dot = Diagram::new(&machine).to_dot();
        for id in graph.state_ids() {
            let node = format!("s{}", id.index());
            assert!(
                mermaid.contains(&format!("    {node}")),
                "{name}: {node} missing in Mermaid"
            );
            assert!(
                dot.contains(&format!("{node} [label=")),
                "{name}: {node} missing in DOT"
            );
        }
        let edges: usize = graph
            .state_ids()
            .map(|id| graph.edges(id).filter(|e| e.to.is_some()).count())
            .sum();
        let drawn = dot
            .lines()
            .filter(|l| l.contains(" -> s") && !l.contains("style=dotted") && !l.contains("start_"))
            .count();
        assert_eq!(drawn, edges, "{name}: every transition is one DOT edge");
    }
}

#[cfg(feature = "svg")]
#[test]
fn every_example_draws_as_svg_with_each_state_named() {
    for (name, machine) in drawable() {
        let svg = Diagram::new(&machine).to_svg().unwrap();
        assert!(
            svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
            "{name}"
        );
        assert!(svg.trim_end().ends_with("</svg>"), "{name}");
        let graph = stepfn::model::graph::Graph::new(&machine);
        for node in graph.states() {
            let title = format!(
                "<title>{}</title>",
                node.name
                    .replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;")
                    .replace('"', "&quot;")
                    .replace('\'', "&#39;")
            );
            assert!(svg.contains(&title), "{name}: {} not drawn", node.name);
        }
        assert!(
            !svg.contains("NaN") && !svg.contains("inf"),
            "{name}: coordinates are numbers"
        );
    }
}

#[test]
fn the_job_pollers_choice_is_a_diamond_with_its_conditions_on_the_arrows() {
    let text = std::fs::read_to_string(cdk_dir().join("job-poller.asl.json")).unwrap();
    let machine = stepfn::read::read_str(&text).unwrap();
    let mermaid = Diagram::new(&machine).to_mermaid();
    assert!(
        mermaid.contains(r#"s3{"Job Complete?<br/>Choice"}"#),
        "{mermaid}"
    );
    assert!(mermaid.contains(r#"s3 -->|"$.status == 'FAILED'"| s4"#));
    assert!(mermaid.contains(r#"s3 -.->|"Default"| s1"#));
    assert!(mermaid.contains(r#"s4(["Job Failed<br/>Fail DescribeJob returned FAILED"])"#));
    assert!(mermaid.contains("Retry 4 errors"));
}

#[test]
fn overlays_mark_the_path_the_failure_and_what_was_never_exercised() {
    let text = std::fs::read_to_string(cdk_dir().join("job-poller.asl.json")).unwrap();
    let machine = stepfn::read::read_str(&text).unwrap();
    let overlay = Overlay::new()
        .path([
            "Submit Job",
            "Wait X Seconds",
            "Get Job Status",
            "Job Complete?",
            "Job Failed",
        ])
        .failed_in("Job Failed")
        .coverage(
            Coverage::new()
                .states([
                    "Submit Job",
                    "Wait X Seconds",
                    "Get Job Status",
                    "Job Complete?",
                    "Job Failed",
                ])
                .transitions([
                    ("Submit Job", "Wait X Seconds"),
                    ("Wait X Seconds", "Get Job Status"),
                ]),
        );
    let diagram = Diagram::new(&machine).overlay(overlay);
    let dot = diagram.to_dot();
    assert!(
        dot.contains(r##"s0 -> s1 [color="#1565c0", penwidth=2.5];"##),
        "{dot}"
    );
    assert!(
        dot.contains(
            r##"s3 -> s4 [label="$.status == 'FAILED'", color="#1565c0", penwidth=2.5];"##
        ),
        "{dot}"
    );
    // The Default loop was not taken and no test exercised it.
    assert!(
        dot.contains(
            r##"s3 -> s1 [label="Default", style=dashed, color="#c4c4c4", fontcolor="#9e9e9e"];"##
        ),
        "{dot}"
    );
    let mermaid = diagram.to_mermaid();
    assert!(mermaid.contains("class s4 failed"));
    assert!(
        mermaid.contains("class s5 unexercised"),
        "Get Final Job Status was never run"
    );
    assert!(!mermaid.contains("class s0 unexercised"));
    #[cfg(feature = "svg")]
    {
        let svg = diagram.to_svg().unwrap();
        assert!(svg.contains(r#"<g class="state fail failed"><title>Job Failed</title>"#));
        assert!(svg
            .contains(r#"<g class="state task unexercised"><title>Get Final Job Status</title>"#));
        assert!(svg.contains("class=\"edge taken\""));
    }
}

/// A chain of `n` Pass states.
fn chain(n: usize) -> stepfn::model::StateMachine {
    let mut text = String::from(r#"{"StartAt": "S0", "States": {"#);
    for i in 0..n {
        if i > 0 {
            text.push(',');
        }
        if i + 1 == n {
            text.push_str(&format!(r#""S{i}": {{"Type": "Pass", "End": true}}"#));
        } else {
            text.push_str(&format!(
                r#""S{i}": {{"Type": "Pass", "Next": "S{}"}}"#,
                i + 1
            ));
        }
    }
    text.push_str("}}");
    stepfn::read::read_str(&text).unwrap()
}

#[test]
fn a_chain_of_100000_states_draws_as_text_on_a_small_stack() {
    let machine = chain(100_000);
    let run = move || {
        let mermaid = Diagram::new(&machine).to_mermaid();
        let dot = Diagram::new(&machine).to_dot();
        (mermaid.lines().count(), dot.lines().count())
    };
    let (mermaid, dot) = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(run)
        .unwrap()
        .join()
        .unwrap();
    assert!(mermaid > 200_000 && dot > 200_000);
}

#[test]
fn parallels_nested_60_deep_draw_without_recursion() {
    let mut text = String::from(r#"{"Type": "Succeed"}"#);
    for _ in 0..60 {
        text = format!(
            r#"{{"Type": "Parallel", "End": true, "Branches": [{{"StartAt": "X", "States": {{"X": {text}}}}}]}}"#
        );
    }
    let text = format!(r#"{{"StartAt": "X", "States": {{"X": {text}}}}}"#);
    let machine = stepfn::read::read_str(&text).unwrap();
    let dot = Diagram::new(&machine).to_dot();
    assert_eq!(dot.matches("subgraph cluster_b").count(), 60);
    #[cfg(feature = "svg")]
    assert!(Diagram::new(&machine)
        .to_svg()
        .unwrap()
        .contains("Branch 1"));
}

#[cfg(feature = "svg")]
#[test]
fn a_chain_of_10000_states_lays_out_as_svg() {
    let machine = chain(10_000);
    let svg = Diagram::new(&machine).to_svg().unwrap();
    assert_eq!(svg.matches("<g class=\"state pass\">").count(), 10_000);
}
