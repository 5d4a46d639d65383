//! One layered layout of a graph with sized vertices, by `rust-sugiyama`,
//! its connected components placed side by side.

use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use rust_sugiyama::configure::{Config, CrossingMinimization, RankingType};

/// Horizontal room between two components, in pixels.
const COMPONENT_GAP: f64 = 40.0;
/// Room between vertices of a rank and between ranks, in pixels.
pub(super) const SPACING: f64 = 36.0;

/// Where each vertex is, with its component.
pub(super) struct Placement {
    /// The centre of each vertex, top-left of the whole layout at (0, 0).
    pub(super) centres: Vec<(f64, f64)>,
    /// Each vertex's rank within its component (0 at the top).
    pub(super) ranks: Vec<usize>,
    pub(super) width: f64,
    pub(super) height: f64,
}

/// Lays out vertices of `sizes` (width, height) joined by `edges` (which
/// must not form a cycle), top to bottom.
pub(super) fn layout(sizes: &[(f64, f64)], edges: &[(usize, usize)]) -> Placement {
    let mut graph: StableDiGraph<(f64, f64), ()> =
        StableDiGraph::with_capacity(sizes.len(), edges.len());
    let ids: Vec<NodeIndex> = sizes.iter().map(|&s| graph.add_node(s)).collect();
    for &(from, to) in edges {
        if let (Some(&a), Some(&b)) = (ids.get(from), ids.get(to)) {
            graph.add_edge(a, b, ());
        }
    }
    let config = Config {
        minimum_length: 1,
        vertex_spacing: SPACING,
        dummy_vertices: true,
        dummy_size: 0.4,
        ranking_type: RankingType::MinimizeEdgeLength,
        c_minimization: CrossingMinimization::Barycenter,
        transpose: sizes.len() <= 2_000,
    };
    let components = rust_sugiyama::from_graph(&graph, &|_, &size| size, &config);
    let mut centres = vec![(0.0, 0.0); sizes.len()];
    let mut ranks = vec![0; sizes.len()];
    let mut left = 0.0;
    let mut height: f64 = 0.0;
    for (vertices, _, _) in components {
        let mut bounds = Bounds::default();
        for &(id, (x, y)) in &vertices {
            let (w, h) = sizes.get(id.index()).copied().unwrap_or_default();
            bounds.add(x - w / 2.0, y - h / 2.0, x + w / 2.0, y + h / 2.0);
        }
        let mut ys: Vec<f64> = vertices.iter().map(|&(_, (_, y))| y).collect();
        ys.sort_by(f64::total_cmp);
        ys.dedup();
        for &(id, (x, y)) in &vertices {
            if let Some(centre) = centres.get_mut(id.index()) {
                *centre = (x - bounds.left + left, y - bounds.top);
            }
            if let Some(rank) = ranks.get_mut(id.index()) {
                *rank = ys.partition_point(|&v| v < y);
            }
        }
        left += bounds.width() + COMPONENT_GAP;
        height = height.max(bounds.height());
    }
    Placement {
        centres,
        ranks,
        width: (left - COMPONENT_GAP).max(0.0),
        height,
    }
}

/// A bounding box grown one rectangle at a time.
#[derive(Debug, Clone, Copy)]
pub(super) struct Bounds {
    pub(super) left: f64,
    pub(super) top: f64,
    pub(super) right: f64,
    pub(super) bottom: f64,
}

impl Default for Bounds {
    fn default() -> Bounds {
        Bounds {
            left: f64::INFINITY,
            top: f64::INFINITY,
            right: f64::NEG_INFINITY,
            bottom: f64::NEG_INFINITY,
        }
    }
}

impl Bounds {
    pub(super) fn add(&mut self, left: f64, top: f64, right: f64, bottom: f64) {
        self.left = self.left.min(left);
        self.top = self.top.min(top);
        self.right = self.right.max(right);
        self.bottom = self.bottom.max(bottom);
    }

    pub(super) fn width(&self) -> f64 {
        (self.right - self.left).max(0.0)
    }

    pub(super) fn height(&self) -> f64 {
        (self.bottom - self.top).max(0.0)
    }
}
