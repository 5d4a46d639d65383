//! Where everything goes: each scope (the machine, each branch, each item
//! processor) is laid out on its own, innermost first, since transitions
//! never leave their scope; a Parallel or Map state is then a vertex as
//! large as the clusters it holds. Nothing recurses per state or per level.

use super::sugiyama::{self, Bounds};
use super::text::{width, LINE_HEIGHT, NAME_SIZE, SMALL_SIZE};
use crate::diagram::scene::{Scene, Shape};
use crate::model::graph::{Graph, ScopeId, StateId};

/// Room inside a cluster around what it holds, in pixels.
const PAD: f64 = 14.0;
/// Room for a branch cluster's title, in pixels.
const TITLE: f64 = 18.0;
/// An edge spanning more ranks than this is drawn without reserved room.
const MAX_SPAN: usize = 12;
/// Size of the start and end markers, in pixels.
pub(super) const MARKER: f64 = 18.0;

/// A point, in pixels.
pub(super) type Point = (f64, f64);

/// A rectangle: left, top, width, height.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Rect {
    pub(super) x: f64,
    pub(super) y: f64,
    pub(super) w: f64,
    pub(super) h: f64,
}

impl Rect {
    pub(super) fn centre(&self) -> Point {
        (self.x + self.w / 2.0, self.y + self.h / 2.0)
    }
}

/// What a route goes between.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Route {
    /// The scene edge with this index.
    Edge(usize),
    /// From the start marker to the machine's first state.
    Start,
    /// From a state to the end marker.
    End(StateId),
}

/// The laid out picture.
pub(super) struct Picture {
    pub(super) width: f64,
    pub(super) height: f64,
    /// Each state's box (for a Parallel or Map state, its header box).
    pub(super) states: Vec<Rect>,
    /// Each Parallel or Map state's cluster.
    pub(super) state_clusters: Vec<(StateId, Rect)>,
    /// Each branch and item processor, with its title.
    pub(super) scope_clusters: Vec<(ScopeId, Rect)>,
    pub(super) start: Option<Point>,
    pub(super) end: Option<Point>,
    /// Each transition's points, first to last, and where its label goes.
    pub(super) routes: Vec<(Route, Vec<Point>, Option<Point>)>,
}

/// A vertex of one scope's layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Vertex {
    State(StateId),
    Start,
    End,
    /// A route's label, or a bend of a route spanning several ranks.
    Waypoint,
}

/// An edge of one scope's layout before it is split into waypoints.
struct Link {
    route: Route,
    from: usize,
    to: usize,
    label: Option<(f64, f64)>,
}

/// One scope laid out in its own coordinates.
struct ScopeLayout {
    width: f64,
    height: f64,
    /// Each member's centre, in member order.
    centres: Vec<(StateId, Point)>,
    start: Option<Point>,
    end: Option<Point>,
    routes: Vec<(Route, Vec<Point>, Option<Point>)>,
}

/// Lays out `scene`.
pub(super) fn layout(scene: &Scene<'_>) -> Picture {
    let graph = &scene.graph;
    let count = graph.states().len();
    let mut sizes: Vec<(f64, f64)> = scene
        .nodes
        .iter()
        .map(|n| node_size(n.shape, &n.lines))
        .collect();
    let mut children: Vec<Vec<ScopeId>> = vec![Vec::new(); count];
    for scope in graph.scope_ids().skip(1) {
        if let Some((owner, _)) = graph.scope(scope).owner {
            children[owner.index()].push(scope);
        }
    }
    let mut edges_of: Vec<Vec<usize>> = vec![Vec::new(); graph.scopes().len()];
    for (i, edge) in scene.edges.iter().enumerate() {
        edges_of[graph.state(edge.from).scope.index()].push(i);
    }
    // Innermost scopes first: a scope's id is larger than its parent's.
    let mut layouts: Vec<Option<ScopeLayout>> = (0..graph.scopes().len()).map(|_| None).collect();
    // Where each child scope sits inside its state's cluster, from the
    // cluster's top-left corner.
    let mut inside: Vec<Point> = vec![(0.0, 0.0); graph.scopes().len()];
    let scope_ids: Vec<ScopeId> = graph.scope_ids().collect();
    for &scope in scope_ids.iter().rev() {
        // Size the Parallel and Map states of this scope from their clusters.
        for id in graph.scope(scope).member_ids() {
            let nested = &children[id.index()];
            if nested.is_empty() {
                continue;
            }
            let (header_w, header_h) = sizes[id.index()];
            let mut x = PAD;
            let top = PAD + header_h + PAD;
            let mut tallest: f64 = 0.0;
            for &child in nested {
                let (w, h) = layouts[child.index()]
                    .as_ref()
                    .map_or((0.0, 0.0), |l| (l.width, l.height));
                inside[child.index()] = (x, top);
                x += w + 2.0 * PAD + PAD;
                tallest = tallest.max(h + 2.0 * PAD + TITLE);
            }
            let content = x - PAD + PAD;
            let width = content.max(header_w + 2.0 * PAD);
            // Centre the branches under the header.
            let shift = (width - content) / 2.0;
            for &child in nested {
                inside[child.index()].0 += shift;
            }
            sizes[id.index()] = (width, top + tallest + PAD);
        }
        layouts[scope.index()] = Some(lay_out_scope(
            scene,
            scope,
            &sizes,
            &edges_of[scope.index()],
        ));
    }
    place(scene, &layouts, &sizes, &children, &inside)
}

/// The box of a state that holds no scope, fitting its lines.
fn node_size(shape: Shape, lines: &[String]) -> (f64, f64) {
    let text_w = lines
        .iter()
        .enumerate()
        .map(|(i, l)| width(l, if i == 0 { NAME_SIZE } else { SMALL_SIZE }))
        .fold(0.0, f64::max);
    let text_h = LINE_HEIGHT * lines.len() as f64;
    match shape {
        Shape::Choice => ((text_w + 56.0).max(90.0), (text_h * 2.0 + 8.0).max(56.0)),
        Shape::Succeed | Shape::Fail => (text_w + 40.0, text_h + 16.0),
        _ => ((text_w + 28.0).max(100.0), text_h + 14.0),
    }
}

/// Lays out the members of `scope`, each `sizes` large, with the start and
/// end markers for the machine.
fn lay_out_scope(
    scene: &Scene<'_>,
    scope: ScopeId,
    sizes: &[(f64, f64)],
    edges: &[usize],
) -> ScopeLayout {
    let graph = &scene.graph;
    let members: Vec<StateId> = graph.scope(scope).member_ids().collect();
    let first = members.first().map_or(0, |id| id.index());
    let mut vertices: Vec<Vertex> = members.iter().map(|&id| Vertex::State(id)).collect();
    let mut vertex_sizes: Vec<(f64, f64)> = members.iter().map(|id| sizes[id.index()]).collect();
    let local = |id: StateId| id.index() - first;
    let mut links: Vec<Link> = Vec::with_capacity(edges.len() + 2);
    for &i in edges {
        let edge = &scene.edges[i];
        let label = edge
            .label
            .as_deref()
            .map(|l| (width(l, SMALL_SIZE) + 8.0, LINE_HEIGHT));
        links.push(Link {
            route: Route::Edge(i),
            from: local(edge.from),
            to: local(edge.to),
            label,
        });
    }
    let machine = scope == Graph::MACHINE;
    let mut start_vertex = graph.start(scope).map(local);
    if machine {
        if let Some(start) = scene.start {
            vertices.push(Vertex::Start);
            vertex_sizes.push((MARKER, MARKER));
            start_vertex = Some(vertices.len() - 1);
            links.push(Link {
                route: Route::Start,
                from: vertices.len() - 1,
                to: local(start),
                label: None,
            });
        }
        if !scene.ends.is_empty() {
            vertices.push(Vertex::End);
            vertex_sizes.push((MARKER, MARKER));
            let end = vertices.len() - 1;
            for &id in &scene.ends {
                links.push(Link {
                    route: Route::End(id),
                    from: local(id),
                    to: end,
                    label: None,
                });
            }
        }
    }
    let backward = back_links(vertices.len(), &links, start_vertex);
    // Pass 1: labels as vertices, to learn each vertex's rank.
    let mut chains: Vec<Vec<usize>> = Vec::with_capacity(links.len());
    let mut layout_edges = Vec::with_capacity(links.len() * 2);
    for (link, &back) in links.iter().zip(&backward) {
        let (from, to) = if back {
            (link.to, link.from)
        } else {
            (link.from, link.to)
        };
        let mut chain = vec![from];
        if let (Some(size), true) = (link.label, from != to) {
            vertices.push(Vertex::Waypoint);
            vertex_sizes.push(size);
            chain.push(vertices.len() - 1);
        }
        chain.push(to);
        if from != to {
            layout_edges.extend(chain.windows(2).map(|w| (w[0], w[1])));
        }
        chains.push(chain);
    }
    let first_pass = sugiyama::layout(&vertex_sizes, &layout_edges);
    // Pass 2: a waypoint on every rank a link crosses, so routes get room.
    layout_edges.clear();
    for chain in &mut chains {
        if chain.first() == chain.last() {
            continue;
        }
        let mut routed = Vec::with_capacity(chain.len());
        for pair in chain.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            routed.push(a);
            let (ra, rb) = (first_pass.ranks[a], first_pass.ranks[b]);
            if rb > ra + 1 && rb - ra <= MAX_SPAN {
                for _ in ra + 1..rb {
                    vertices.push(Vertex::Waypoint);
                    vertex_sizes.push((6.0, 6.0));
                    routed.push(vertices.len() - 1);
                }
            }
        }
        routed.extend(chain.last());
        layout_edges.extend(routed.windows(2).map(|w| (w[0], w[1])));
        *chain = routed;
    }
    let placed = if vertices.len() == first_pass.centres.len() {
        first_pass
    } else {
        sugiyama::layout(&vertex_sizes, &layout_edges)
    };
    let mut routes = Vec::with_capacity(links.len());
    for ((link, chain), &back) in links.iter().zip(&chains).zip(&backward) {
        let mut points: Vec<Point> = chain.iter().map(|&v| placed.centres[v]).collect();
        if back {
            points.reverse();
        }
        let label = match (link.label, chain.len() > 2) {
            (Some(_), true) => chain.get(1).map(|&v| placed.centres[v]),
            _ => None,
        };
        routes.push((link.route, points, label));
    }
    let mut centres = Vec::with_capacity(members.len());
    let mut start = None;
    let mut end = None;
    for (v, vertex) in vertices.iter().enumerate() {
        match vertex {
            Vertex::State(id) => centres.push((*id, placed.centres[v])),
            Vertex::Start => start = Some(placed.centres[v]),
            Vertex::End => end = Some(placed.centres[v]),
            Vertex::Waypoint => {}
        }
    }
    ScopeLayout {
        width: placed.width,
        height: placed.height,
        centres,
        start,
        end,
        routes,
    }
}

/// Which links close a cycle: found by a depth-first walk with an explicit
/// stack from `start`, then from every vertex not yet reached. Reversing
/// them leaves the graph acyclic; self loops are not reversed.
fn back_links(vertices: usize, links: &[Link], start: Option<usize>) -> Vec<bool> {
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); vertices];
    for (i, link) in links.iter().enumerate() {
        if let Some(list) = out.get_mut(link.from) {
            list.push(i);
        }
    }
    #[derive(Clone, Copy, PartialEq)]
    enum Seen {
        No,
        OnStack,
        Done,
    }
    let mut seen = vec![Seen::No; vertices];
    let mut back = vec![false; links.len()];
    let roots = start.into_iter().chain(0..vertices);
    for root in roots {
        if root >= vertices || seen[root] != Seen::No {
            continue;
        }
        seen[root] = Seen::OnStack;
        let mut stack = vec![(root, 0usize)];
        while let Some(&mut (v, ref mut next)) = stack.last_mut() {
            if let Some(&link) = out[v].get(*next) {
                *next += 1;
                let to = links[link].to;
                match seen.get(to).copied() {
                    Some(Seen::No) => {
                        seen[to] = Seen::OnStack;
                        stack.push((to, 0));
                    }
                    Some(Seen::OnStack) if to != v => back[link] = true,
                    _ => {}
                }
            } else {
                seen[v] = Seen::Done;
                stack.pop();
            }
        }
    }
    back
}

/// Turns scope layouts into one picture, outermost scope first.
fn place(
    scene: &Scene<'_>,
    layouts: &[Option<ScopeLayout>],
    sizes: &[(f64, f64)],
    children: &[Vec<ScopeId>],
    inside: &[Point],
) -> Picture {
    let graph = &scene.graph;
    const MARGIN: f64 = 16.0;
    let mut offsets: Vec<Point> = vec![(MARGIN, MARGIN); graph.scopes().len()];
    let mut picture = Picture {
        width: 0.0,
        height: 0.0,
        states: vec![Rect::default(); graph.states().len()],
        state_clusters: Vec::new(),
        scope_clusters: Vec::new(),
        start: None,
        end: None,
        routes: Vec::with_capacity(scene.edges.len() + scene.ends.len() + 1),
    };
    let mut bounds = Bounds::default();
    for scope in graph.scope_ids() {
        let Some(layout) = &layouts[scope.index()] else {
            continue;
        };
        let (dx, dy) = offsets[scope.index()];
        if scope != Graph::MACHINE {
            picture.scope_clusters.push((
                scope,
                Rect {
                    x: dx - PAD,
                    y: dy - PAD - TITLE,
                    w: layout.width + 2.0 * PAD,
                    h: layout.height + 2.0 * PAD + TITLE,
                },
            ));
        }
        for &(id, (cx, cy)) in &layout.centres {
            let (w, h) = sizes[id.index()];
            let outer = Rect {
                x: dx + cx - w / 2.0,
                y: dy + cy - h / 2.0,
                w,
                h,
            };
            bounds.add(outer.x, outer.y, outer.x + outer.w, outer.y + outer.h);
            let nested = &children[id.index()];
            if nested.is_empty() {
                picture.states[id.index()] = outer;
                continue;
            }
            picture.state_clusters.push((id, outer));
            let header = node_size(
                scene.nodes[id.index()].shape,
                &scene.nodes[id.index()].lines,
            );
            picture.states[id.index()] = Rect {
                x: outer.x + (outer.w - header.0) / 2.0,
                y: outer.y + PAD,
                w: header.0,
                h: header.1,
            };
            for &child in nested {
                let (ix, iy) = inside[child.index()];
                offsets[child.index()] = (outer.x + ix + PAD, outer.y + iy + PAD + TITLE);
            }
        }
        let shift = |(x, y): Point| (x + dx, y + dy);
        if scope == Graph::MACHINE {
            picture.start = layout.start.map(shift);
            picture.end = layout.end.map(shift);
            for p in picture.start.iter().chain(&picture.end) {
                bounds.add(p.0 - MARKER, p.1 - MARKER, p.0 + MARKER, p.1 + MARKER);
            }
        }
        for (route, points, label) in &layout.routes {
            let points: Vec<Point> = points.iter().map(|&p| shift(p)).collect();
            for &(x, y) in &points {
                bounds.add(x, y, x, y);
            }
            let label = label.map(shift);
            if let (Some((x, y)), Route::Edge(i)) = (label, route) {
                let w = scene.edges[*i]
                    .label
                    .as_deref()
                    .map_or(0.0, |l| width(l, SMALL_SIZE));
                bounds.add(
                    x - w / 2.0 - 4.0,
                    y - LINE_HEIGHT,
                    x + w / 2.0 + 4.0,
                    y + LINE_HEIGHT,
                );
            }
            picture.routes.push((*route, points, label));
        }
    }
    picture.width = bounds.right.max(0.0) + MARGIN;
    picture.height = bounds.bottom.max(0.0) + MARGIN;
    picture
}
