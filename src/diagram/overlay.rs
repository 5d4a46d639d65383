//! What an execution or a test run adds to a diagram: the path an execution
//! took, the state it failed in, and which states and transitions the tests
//! exercised. Plain data (state names), so any runner can supply it.

use std::collections::{HashMap, HashSet};

/// Marks drawn over a diagram: an execution's path, the state it failed in,
/// and coverage.
///
/// States are named as in the definition (names are unique in a machine,
/// nested states included); a name no state has is ignored.
///
/// ```
/// use stepfn::diagram::{Coverage, Diagram, Overlay};
/// let machine = stepfn::read::read_str(r#"{"StartAt": "A", "States": {
///     "A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Fail", "Error": "E"}}}"#)?;
/// let overlay = Overlay::new().path(["A", "B"]).failed_in("B");
/// let mermaid = Diagram::new(&machine).overlay(overlay).to_mermaid();
/// assert!(mermaid.contains("class s1 failed"));
/// assert!(mermaid.contains("class s0 taken"));
/// # Ok::<(), stepfn::problem::Problems>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[must_use]
pub struct Overlay {
    pub(super) path: Vec<String>,
    pub(super) failed: Option<String>,
    pub(super) coverage: Option<Coverage>,
}

impl Overlay {
    /// No marks.
    ///
    /// ```
    /// assert_eq!(stepfn::diagram::Overlay::new(), Default::default());
    /// ```
    pub fn new() -> Overlay {
        Overlay::default()
    }

    /// The states an execution entered, in order. Each state is drawn as
    /// taken, and so is each transition between two states entered one after
    /// the other.
    ///
    /// ```
    /// use stepfn::diagram::{Diagram, Overlay};
    /// let machine = stepfn::read::read_str(r#"{"StartAt": "A", "States": {
    ///     "A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Succeed"}}}"#)?;
    /// let dot = Diagram::new(&machine).overlay(Overlay::new().path(["A", "B"])).to_dot();
    /// assert!(dot.contains(r##"s0 -> s1 [color="#1565c0", penwidth=2.5]"##));
    /// # Ok::<(), stepfn::problem::Problems>(())
    /// ```
    pub fn path<I, S>(mut self, states: I) -> Overlay
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.path = states.into_iter().map(Into::into).collect();
        self
    }

    /// The state the execution failed in, drawn in red.
    ///
    /// ```
    /// use stepfn::diagram::{Diagram, Overlay};
    /// let machine = stepfn::read::read_str(r#"{"StartAt": "A", "States": {"A": {"Type": "Fail"}}}"#)?;
    /// let mermaid = Diagram::new(&machine).overlay(Overlay::new().failed_in("A")).to_mermaid();
    /// assert!(mermaid.contains("class s0 failed"));
    /// # Ok::<(), stepfn::problem::Problems>(())
    /// ```
    pub fn failed_in(mut self, state: impl Into<String>) -> Overlay {
        self.failed = Some(state.into());
        self
    }

    /// What the tests exercised: every state and transition not in
    /// `coverage` is greyed.
    ///
    /// ```
    /// use stepfn::diagram::{Coverage, Diagram, Overlay};
    /// let machine = stepfn::read::read_str(r#"{"StartAt": "A", "States": {
    ///     "A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Succeed"}}}"#)?;
    /// let coverage = Coverage::new().states(["A"]);
    /// let mermaid = Diagram::new(&machine).overlay(Overlay::new().coverage(coverage)).to_mermaid();
    /// assert!(mermaid.contains("class s1 unexercised"));
    /// assert!(!mermaid.contains("class s0 unexercised"));
    /// # Ok::<(), stepfn::problem::Problems>(())
    /// ```
    pub fn coverage(mut self, coverage: Coverage) -> Overlay {
        self.coverage = Some(coverage);
        self
    }
}

/// The states and transitions a set of tests exercised.
///
/// ```
/// let coverage = stepfn::diagram::Coverage::new()
///     .states(["A", "B"])
///     .transitions([("A", "B")]);
/// assert!(coverage.has_transition("A", "B"));
/// assert!(!coverage.has_state("C"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[must_use]
pub struct Coverage {
    states: HashSet<String>,
    /// Exercised transitions: each source state's exercised targets.
    transitions: HashMap<String, HashSet<String>>,
}

impl Coverage {
    /// Nothing exercised.
    ///
    /// ```
    /// assert!(!stepfn::diagram::Coverage::new().has_state("A"));
    /// ```
    pub fn new() -> Coverage {
        Coverage::default()
    }

    /// Adds exercised states, by name.
    ///
    /// ```
    /// assert!(stepfn::diagram::Coverage::new().states(["A"]).has_state("A"));
    /// ```
    pub fn states<I, S>(mut self, states: I) -> Coverage
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.states.extend(states.into_iter().map(Into::into));
        self
    }

    /// Adds exercised transitions, as `(from, to)` state names.
    ///
    /// ```
    /// let coverage = stepfn::diagram::Coverage::new().transitions([("A", "B")]);
    /// assert!(coverage.has_transition("A", "B"));
    /// assert!(!coverage.has_transition("B", "A"));
    /// ```
    pub fn transitions<I, S, T>(mut self, transitions: I) -> Coverage
    where
        I: IntoIterator<Item = (S, T)>,
        S: Into<String>,
        T: Into<String>,
    {
        for (from, to) in transitions {
            self.transitions
                .entry(from.into())
                .or_default()
                .insert(to.into());
        }
        self
    }

    /// Whether the state named `name` was exercised.
    ///
    /// ```
    /// assert!(stepfn::diagram::Coverage::new().states(["A"]).has_state("A"));
    /// ```
    #[must_use]
    pub fn has_state(&self, name: &str) -> bool {
        self.states.contains(name)
    }

    /// Whether the transition from `from` to `to` was exercised.
    ///
    /// ```
    /// let coverage = stepfn::diagram::Coverage::new().transitions([("A", "B")]);
    /// assert!(coverage.has_transition("A", "B"));
    /// ```
    #[must_use]
    pub fn has_transition(&self, from: &str, to: &str) -> bool {
        self.transitions
            .get(from)
            .is_some_and(|targets| targets.contains(to))
    }
}
