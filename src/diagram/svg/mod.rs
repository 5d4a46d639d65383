//! SVG diagrams, laid out in-process by `rust-sugiyama` (a layered,
//! Sugiyama-style layout: ranks by network simplex, crossings reduced by
//! barycenters, coordinates by Brandes and Köpf).

mod draw;
mod layout;
mod sugiyama;
mod text;

use super::scene::Scene;

/// The layout of a diagram could not be computed.
#[derive(Debug, thiserror::Error)]
pub enum SvgError {
    /// The thread the layout runs on could not be started.
    #[error("cannot start the diagram layout thread: {0}")]
    Thread(#[source] std::io::Error),
    /// The layout stopped without a result.
    #[error("the diagram layout failed; the Mermaid and DOT formats draw this machine without it")]
    Layout,
}

/// Stack for the layout thread: the layout library walks its graphs with
/// recursive depth-first searches, one frame per vertex on a long chain, so
/// the stack grows with the largest scope.
fn stack_size(scene: &Scene<'_>) -> usize {
    const BASE: usize = 16 << 20;
    const PER_VERTEX: usize = 4 << 10;
    let largest = scene
        .graph
        .scopes()
        .iter()
        .map(|s| s.states.len())
        .max()
        .unwrap_or(0);
    // States, their labels and their waypoints.
    BASE.saturating_add(largest.saturating_mul(PER_VERTEX).saturating_mul(4))
}

/// Lays out and draws `scene`.
pub(super) fn write(scene: &Scene<'_>) -> Result<String, SvgError> {
    let picture = std::thread::scope(|threads| {
        let handle = std::thread::Builder::new()
            .name("stepfn-diagram-layout".to_owned())
            .stack_size(stack_size(scene))
            .spawn_scoped(threads, || layout::layout(scene))
            .map_err(SvgError::Thread)?;
        handle.join().map_err(|_| SvgError::Layout)
    })?;
    Ok(draw::write(scene, &picture))
}
