//! Writes a laid out [`Picture`] as SVG: clusters, then transitions, then
//! states, then transition labels on top.

use std::fmt::Write;

use super::layout::{Picture, Point, Rect, Route, MARKER};
use super::text::{escape, width, LINE_HEIGHT, SMALL_SIZE};
use crate::diagram::scene::{EdgeKind, Mark, Scene, Shape};
use crate::model::graph::ScopeHolder;

const STYLE: &str = "<style>
text{font-family:Helvetica,Arial,sans-serif;fill:#263238}
.name{font-size:12px;font-weight:600}.detail{font-size:10.5px;fill:#607d8b}
.box{fill:#fff;stroke:#546e7a;stroke-width:1.2}
.pass .box,.wait .box{fill:#f7f9fa;stroke-dasharray:5 3}
.choice .box{fill:#fff8e1;stroke:#f9a825}
.succeed .box{fill:#e8f5e9;stroke:#2e7d32}.succeed .name{fill:#1b5e20}
.fail .box{fill:#ffebee;stroke:#c62828}.fail .name{fill:#b71c1c}
.header .box{fill:#eceff1}
.cluster{fill:none;stroke:#78909c;stroke-dasharray:6 4}
.scope{fill:#f7f9fa;stroke:#cfd8dc}.scope-title{font-size:10.5px;fill:#78909c}
.edge{fill:none;stroke:#546e7a;stroke-width:1.3}.dashed{stroke-dasharray:5 4}
.label{font-size:10.5px}.label-bg{fill:#fff;fill-opacity:.92}
.catch{stroke:#c62828}.catch-label{fill:#c62828}
.marker{fill:#455a64;stroke:#455a64}
.taken .box,.taken.edge{stroke:#1565c0;stroke-width:3}
.failed .box{fill:#ffcdd2;stroke:#c62828;stroke-width:3}
.unexercised .box,.unexercised.edge{stroke:#c4c4c4;stroke-dasharray:4 3}
.unexercised .box{fill:#f5f5f5}.unexercised text,.unexercised-label{fill:#9e9e9e}
</style>
";

const DEFS: &str = "<defs>
<marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0L10,5L0,10z\" fill=\"#546e7a\"/></marker>
<marker id=\"arrow-catch\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0L10,5L0,10z\" fill=\"#c62828\"/></marker>
<marker id=\"arrow-taken\" viewBox=\"0 0 10 10\" refX=\"8\" refY=\"5\" markerWidth=\"5\" markerHeight=\"5\" orient=\"auto\"><path d=\"M0,0L10,5L0,10z\" fill=\"#1565c0\"/></marker>
<marker id=\"arrow-unexercised\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0L10,5L0,10z\" fill=\"#c4c4c4\"/></marker>
</defs>
";

/// Writes `picture` of `scene` as a standalone SVG document.
pub(super) fn write(scene: &Scene<'_>, picture: &Picture) -> String {
    let mut out = String::with_capacity(400 * scene.nodes.len() + 4096);
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w:.0}\" height=\"{h:.0}\" viewBox=\"0 0 {w:.0} {h:.0}\">",
        w = picture.width,
        h = picture.height
    );
    out.push_str(STYLE);
    out.push_str(DEFS);
    let _ = writeln!(
        out,
        "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
    );
    for (_, rect) in &picture.state_clusters {
        let _ = writeln!(
            out,
            "<rect class=\"cluster\" {} rx=\"10\"/>",
            rect_attrs(rect)
        );
    }
    for (scope, rect) in &picture.scope_clusters {
        let title = match scene.graph.scope(*scope).owner {
            Some((_, ScopeHolder::Branch(i))) => format!("Branch {}", i + 1),
            Some((_, ScopeHolder::ItemProcessor)) => "Item processor".to_owned(),
            Some((_, ScopeHolder::Iterator)) => "Iterator".to_owned(),
            None => String::new(),
        };
        let _ = writeln!(
            out,
            "<rect class=\"scope\" {} rx=\"8\"/><text class=\"scope-title\" x=\"{:.1}\" y=\"{:.1}\">{title}</text>",
            rect_attrs(rect),
            rect.x + 8.0,
            rect.y + 13.0
        );
    }
    // A Parallel or Map state's transitions meet its cluster, not its header.
    let mut outer: Vec<Rect> = picture.states.clone();
    for &(id, rect) in &picture.state_clusters {
        outer[id.index()] = rect;
    }
    let mut labels = String::new();
    for (route, points, label) in &picture.routes {
        let (kind, mark, text, from, to) = match *route {
            Route::Edge(i) => {
                let edge = &scene.edges[i];
                (
                    edge.kind,
                    edge.mark,
                    edge.label.as_deref(),
                    Some(edge.from),
                    Some(edge.to),
                )
            }
            Route::Start => (EdgeKind::Next, Mark::Plain, None, None, scene.start),
            Route::End(id) => (EdgeKind::Next, Mark::Plain, None, Some(id), None),
        };
        let from_shape = from.map(|id| (outer[id.index()], scene.nodes[id.index()].shape));
        let to_shape = to.map(|id| (outer[id.index()], scene.nodes[id.index()].shape));
        let self_loop = from.is_some() && from == to;
        let d = if self_loop {
            from_shape
                .map(|(r, _)| self_loop_path(&r))
                .unwrap_or_default()
        } else {
            curve(points, from_shape, to_shape)
        };
        let mut class = String::from("edge");
        if matches!(kind, EdgeKind::Default | EdgeKind::Catch) {
            class.push_str(" dashed");
        }
        if kind == EdgeKind::Catch {
            class.push_str(" catch");
        }
        let arrow = match mark {
            Mark::Taken => {
                class.push_str(" taken");
                "arrow-taken"
            }
            Mark::Unexercised => {
                class.push_str(" unexercised");
                "arrow-unexercised"
            }
            _ if kind == EdgeKind::Catch => "arrow-catch",
            _ => "arrow",
        };
        let _ = writeln!(
            out,
            "<path class=\"{class}\" d=\"{d}\" marker-end=\"url(#{arrow})\"/>"
        );
        if let Some(text) = text {
            let at = match (label, self_loop, from_shape) {
                (Some(at), _, _) => Some(*at),
                (None, true, Some((r, _))) => Some((
                    r.x + r.w + 18.0 + width(text, SMALL_SIZE) / 2.0,
                    r.y + r.h / 2.0,
                )),
                (None, _, _) => points
                    .get(points.len() / 2)
                    .copied()
                    .or(points.first().copied()),
            };
            if let Some((x, y)) = at {
                let w = width(text, SMALL_SIZE) + 6.0;
                let text_class = match (mark, kind) {
                    (Mark::Unexercised, _) => "label unexercised-label",
                    (_, EdgeKind::Catch) => "label catch-label",
                    _ => "label",
                };
                let _ = writeln!(
                    labels,
                    "<rect class=\"label-bg\" x=\"{:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{:.1}\" rx=\"3\"/><text class=\"{text_class}\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
                    x - w / 2.0,
                    y - LINE_HEIGHT / 2.0,
                    LINE_HEIGHT,
                    y + 3.5,
                    escape(text)
                );
            }
        }
    }
    for (i, node) in scene.nodes.iter().enumerate() {
        let rect = &picture.states[i];
        write_node(&mut out, scene, i, node.shape, node.mark, rect);
    }
    if let Some((x, y)) = picture.start {
        let _ = writeln!(out, "<circle class=\"marker\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{:.1}\"><title>Start</title></circle>", MARKER / 2.0);
    }
    if let Some((x, y)) = picture.end {
        let _ = writeln!(
            out,
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{:.1}\" fill=\"none\" stroke=\"#455a64\" stroke-width=\"1.5\"/><circle class=\"marker\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{:.1}\"><title>End</title></circle>",
            MARKER / 2.0 + 1.0,
            MARKER / 2.0 - 3.0
        );
    }
    out.push_str(&labels);
    out.push_str("</svg>\n");
    out
}

fn rect_attrs(r: &Rect) -> String {
    format!(
        "x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\"",
        r.x, r.y, r.w, r.h
    )
}

fn write_node(out: &mut String, scene: &Scene<'_>, i: usize, shape: Shape, mark: Mark, r: &Rect) {
    let node = &scene.nodes[i];
    let mut class = String::from(match shape {
        Shape::Task => "state task",
        Shape::Pass => "state pass",
        Shape::Wait => "state wait",
        Shape::Choice => "state choice",
        Shape::Parallel | Shape::Map => "state header",
        Shape::Succeed => "state succeed",
        Shape::Fail => "state fail",
    });
    match mark {
        Mark::Taken => class.push_str(" taken"),
        Mark::Failed => class.push_str(" failed"),
        Mark::Unexercised => class.push_str(" unexercised"),
        Mark::Plain => {}
    }
    let name = scene.graph.states()[i].name;
    let _ = write!(out, "<g class=\"{class}\"><title>{}</title>", escape(name));
    let (cx, cy) = r.centre();
    match shape {
        Shape::Choice => {
            let _ = write!(
                out,
                "<polygon class=\"box\" points=\"{:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1}\"/>",
                cx, r.y, r.x + r.w, cy, cx, r.y + r.h, r.x, cy
            );
        }
        Shape::Succeed | Shape::Fail => {
            let _ = write!(
                out,
                "<rect class=\"box\" {} rx=\"{:.1}\"/><rect class=\"box\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"{:.1}\" fill-opacity=\"0\"/>",
                rect_attrs(r),
                r.h / 2.0,
                r.x + 3.0,
                r.y + 3.0,
                r.w - 6.0,
                r.h - 6.0,
                r.h / 2.0 - 3.0
            );
        }
        _ => {
            let _ = write!(out, "<rect class=\"box\" {} rx=\"6\"/>", rect_attrs(r));
        }
    }
    let top = cy - LINE_HEIGHT * node.lines.len() as f64 / 2.0;
    for (k, line) in node.lines.iter().enumerate() {
        let class = if k == 0 { "name" } else { "detail" };
        let _ = write!(
            out,
            "<text class=\"{class}\" x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            top + LINE_HEIGHT * k as f64 + 11.0,
            escape(line)
        );
    }
    out.push_str("</g>\n");
}

/// A smooth path through `points`, leaving and entering the boxes at their
/// top or bottom, each bend vertical.
fn curve(points: &[Point], from: Option<(Rect, Shape)>, to: Option<(Rect, Shape)>) -> String {
    let mut points = points.to_vec();
    let n = points.len();
    if n < 2 {
        return String::new();
    }
    points[0] = port(points[0], points[1], from);
    points[n - 1] = port(points[n - 1], points[n - 2], to);
    let mut d = format!("M{:.1},{:.1}", points[0].0, points[0].1);
    for pair in points.windows(2) {
        let ((x1, y1), (x2, y2)) = (pair[0], pair[1]);
        let dy = (y2 - y1) / 2.0;
        let _ = write!(
            d,
            " C{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}",
            x1,
            y1 + dy,
            x2,
            y2 - dy,
            x2,
            y2
        );
    }
    d
}

/// Where a route from the centre `at` towards `toward` meets the box: its
/// top or bottom side (a marker's circle when there is no box).
fn port(at: Point, toward: Point, shape: Option<(Rect, Shape)>) -> Point {
    let down = toward.1 >= at.1;
    let Some((r, shape)) = shape else {
        let radius = MARKER / 2.0;
        return (at.0, if down { at.1 + radius } else { at.1 - radius });
    };
    let (cx, cy) = r.centre();
    match shape {
        Shape::Choice => {
            let half_w = r.w / 2.0;
            let x = toward.0.clamp(cx - half_w * 0.5, cx + half_w * 0.5);
            let dy = r.h / 2.0 * (1.0 - (x - cx).abs() / half_w);
            (x, if down { cy + dy } else { cy - dy })
        }
        _ => {
            let inset = (r.w / 2.0 - 6.0).max(0.0);
            let x = toward.0.clamp(cx - inset, cx + inset);
            (x, if down { r.y + r.h } else { r.y })
        }
    }
}

/// A loop on the right side of a box, for a state whose transition goes
/// back to itself.
fn self_loop_path(r: &Rect) -> String {
    let x = r.x + r.w;
    let (y1, y2) = (r.y + r.h * 0.3, r.y + r.h * 0.7);
    format!(
        "M{x:.1},{y1:.1} C{:.1},{:.1} {:.1},{:.1} {x:.1},{y2:.1}",
        x + 30.0,
        y1 - 10.0,
        x + 30.0,
        y2 + 10.0
    )
}
