//! Diagrams of a state machine: Mermaid, Graphviz DOT and (with the `svg`
//! feature) SVG laid out in-process.
//!
//! States are shaped by type as the AWS console draws them: a Choice is a
//! diamond, Succeed and Fail are terminal (double border, green and red),
//! Pass and Wait are dashed, Parallel and Map states are boxes holding a
//! cluster per branch or item processor. A solid unlabelled arrow is a
//! `Next`; a Choice rule's arrow is labelled with its condition, in the
//! builder's expression syntax (`$.status == 'FAILED'`); `Default` and each
//! `Catch` (with its error names) are dashed; a state with `Retry` notes it
//! under its name. The machine's `StartAt` follows a start marker and every
//! state that can end the machine leads to an end marker.
//!
//! An [`Overlay`] draws an execution's path, the state it failed in, and what
//! the tests never exercised.
//!
//! ```
//! use stepfn::diagram::Diagram;
//! let machine = stepfn::read::read_str(r#"{"StartAt": "Ask", "States": {
//!     "Ask": {"Type": "Choice", "Default": "No",
//!             "Choices": [{"Variable": "$.ok", "BooleanEquals": true, "Next": "Yes"}]},
//!     "Yes": {"Type": "Succeed"},
//!     "No": {"Type": "Fail", "Error": "Refused"}}}"#)?;
//! let mermaid = Diagram::new(&machine).to_mermaid();
//! assert!(mermaid.starts_with("flowchart TD\n"));
//! assert!(mermaid.contains(r#"s0{"Ask<br/>Choice"}"#));
//! assert!(mermaid.contains(r#"s0 -->|"$.ok == true"| s1"#));
//! assert!(mermaid.contains(r#"s0 -.->|"Default"| s2"#));
//! assert!(mermaid.contains(r#"s2(["No<br/>Fail Refused"])"#));
//! # Ok::<(), stepfn::problem::Problems>(())
//! ```

mod dot;
mod mermaid;
mod outline;
mod overlay;
mod scene;
#[cfg(feature = "svg")]
mod svg;

pub use overlay::{Coverage, Overlay};
#[cfg(feature = "svg")]
pub use svg::SvgError;

use crate::model::graph::Graph;
use crate::model::StateMachine;
use scene::Scene;

/// A machine to draw, with an optional [`Overlay`].
///
/// Takes a machine read from ASL or built in Rust (a
/// [`Built`](crate::builder::Built) is a machine):
///
/// ```
/// use stepfn::prelude::*;
/// use stepfn::diagram::Diagram;
/// let built = StateMachine::new(Pass::new("Hello").next(Succeed::new("Done"))).build()?;
/// let dot = Diagram::new(&built).to_dot();
/// assert!(dot.contains(r#"s0 [label="Hello\nPass""#));
/// assert!(dot.contains("s0 -> s1;"));
/// # Ok::<(), stepfn::problem::Problems>(())
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct Diagram<'m> {
    machine: &'m StateMachine,
    overlay: Overlay,
}

impl<'m> Diagram<'m> {
    /// A diagram of `machine`, without overlay.
    ///
    /// ```
    /// # let machine = stepfn::read::read_str(r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#)?;
    /// let mermaid = stepfn::diagram::Diagram::new(&machine).to_mermaid();
    /// assert!(mermaid.contains(r#"s0(["A<br/>Succeed"])"#));
    /// # Ok::<(), stepfn::problem::Problems>(())
    /// ```
    pub fn new(machine: &'m StateMachine) -> Diagram<'m> {
        Diagram {
            machine,
            overlay: Overlay::new(),
        }
    }

    /// Draws `overlay` over the diagram.
    ///
    /// ```
    /// use stepfn::diagram::{Diagram, Overlay};
    /// # let machine = stepfn::read::read_str(r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#)?;
    /// let dot = Diagram::new(&machine).overlay(Overlay::new().path(["A"])).to_dot();
    /// assert!(dot.contains(r##"color="#1565c0", penwidth=2.5"##));
    /// # Ok::<(), stepfn::problem::Problems>(())
    /// ```
    pub fn overlay(mut self, overlay: Overlay) -> Diagram<'m> {
        self.overlay = overlay;
        self
    }

    /// A Mermaid flowchart (`flowchart TD`), for Markdown on GitHub and
    /// elsewhere.
    ///
    /// ```
    /// # let machine = stepfn::read::read_str(r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}"#)?;
    /// let mermaid = stepfn::diagram::Diagram::new(&machine).to_mermaid();
    /// assert!(mermaid.contains("start_ --> s0"));
    /// assert!(mermaid.contains("s0 --> end_"));
    /// # Ok::<(), stepfn::problem::Problems>(())
    /// ```
    #[must_use]
    pub fn to_mermaid(&self) -> String {
        mermaid::write(&self.scene())
    }

    /// A Graphviz DOT digraph; Parallel and Map states are clusters.
    ///
    /// ```
    /// # let machine = stepfn::read::read_str(r#"{"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
    /// #     "ItemProcessor": {"StartAt": "X", "States": {"X": {"Type": "Succeed"}}}}}}"#)?;
    /// let dot = stepfn::diagram::Diagram::new(&machine).to_dot();
    /// assert!(dot.starts_with("digraph state_machine {"));
    /// assert!(dot.contains("subgraph cluster_s0 {"));
    /// assert!(dot.contains(r#"subgraph cluster_b1 { label="Item processor";"#));
    /// # Ok::<(), stepfn::problem::Problems>(())
    /// ```
    #[must_use]
    pub fn to_dot(&self) -> String {
        dot::write(&self.scene())
    }

    /// A standalone SVG image, laid out in-process (no Graphviz needed).
    ///
    /// # Errors
    /// [`SvgError`] when the layout could not be computed (the layout runs
    /// on a thread of its own, which the system may refuse to start).
    ///
    /// ```
    /// # let machine = stepfn::read::read_str(r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}"#)?;
    /// let svg = stepfn::diagram::Diagram::new(&machine).to_svg()?;
    /// assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    /// assert!(svg.contains(">A</text>"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg(feature = "svg")]
    pub fn to_svg(&self) -> Result<String, SvgError> {
        svg::write(&self.scene())
    }

    fn scene(&self) -> Scene<'m> {
        Scene::new(Graph::new(self.machine), &self.overlay)
    }
}
