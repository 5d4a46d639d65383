//! Chains: states joined by `Next`, and the trait that turns any state or chain
//! into one.

use super::graph::Piece;

mod sealed {
    /// Implemented inside this crate only: what can become part of a chain.
    pub trait Sealed {
        /// The states this value adds, with its start and its open ends.
        fn into_piece(self) -> super::Piece;

        /// `piece` continued with this value (states override it to skip
        /// making a piece of their own).
        fn continue_piece(self, piece: super::Piece) -> super::Piece
        where
            Self: Sized,
        {
            piece.then(self.into_piece())
        }
    }

    /// Implemented by [`Chain`](super::Chain) and [`ClosedChain`](super::ClosedChain).
    pub trait FromPiece {
        /// Wraps a piece.
        fn from_piece(piece: super::Piece) -> Self;
    }
}

pub(crate) use sealed::{FromPiece, Sealed};

/// Anything that can be a step of a chain: every state builder, a [`Chain`], a
/// [`ClosedChain`] and a [`Goto`].
///
/// `Output` says whether the result can be continued: [`Chain`] when its last
/// states take a `Next` (Pass, Task, Wait, Parallel, Map, a custom state,
/// [`Choice::afterwards`](super::Choice::afterwards)), [`ClosedChain`] when it
/// ends in Succeed, Fail, a Choice or a [`Goto`].
pub trait IntoChain: Sealed {
    /// [`Chain`] or [`ClosedChain`].
    type Output: FromPiece;

    /// This step as a chain of its own.
    ///
    /// ```
    /// use stepfn::builder::{IntoChain, Pass};
    /// let chain = Pass::new("Only").into_chain();
    /// assert_eq!(chain.start_state(), "Only");
    /// ```
    fn into_chain(self) -> Self::Output
    where
        Self: Sized,
    {
        Self::Output::from_piece(self.into_piece())
    }

    /// Adds `states` (a state or a chain) without linking them to this
    /// step: they are reached by name, from a [`Goto`], a Choice rule or a
    /// `Catch`. This is how a definition whose states are reached from
    /// several places is written state by state, as ASL writes it. The
    /// result continues from this step's open ends only; a state of
    /// `states` that nothing continues ends there (`End`).
    ///
    /// ```
    /// use stepfn::builder::{Catch, Goto, IntoChain, Pass, StateMachine, Succeed, Task};
    /// let call = Task::new("Call", "arn:aws:states:::lambda:invoke")
    ///     .catch(Catch::all(), Goto::new("Recover"));
    /// let recover = Pass::new("Recover").next(Goto::new("Done"));
    /// let chain = call.next(Succeed::new("Done")).with_states(recover);
    /// let json = StateMachine::new(chain).build()?.to_json_compact()?;
    /// assert_eq!(json, r#"{"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Catch":[{"ErrorEquals":["States.ALL"],"Next":"Recover"}],"Next":"Done"},"Done":{"Type":"Succeed"},"Recover":{"Type":"Pass","Next":"Done"}}}"#);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn with_states<S: IntoChain>(self, states: S) -> Self::Output
    where
        Self: Sized,
    {
        let mut piece = self.into_piece();
        // The open ends of `states` stay open, so they end where they are.
        let _still_open = piece.absorb(states.into_piece());
        Self::Output::from_piece(piece)
    }
}

/// States joined by `Next`, whose last states can be continued with
/// [`Chain::next`].
///
/// A state can be reached by several edges: add the same state value again
/// (a clone) wherever the flow should join or loop back to it, or jump to it by
/// name with [`Goto`]. Giving one state two different `Next` states is a build
/// error naming the state and both targets.
///
/// ```
/// use stepfn::builder::{Chain, Pass, StateMachine};
/// let chain = Chain::start(Pass::new("A")).next(Pass::new("B"));
/// let json = StateMachine::new(chain).build()?.to_json_compact()?;
/// assert_eq!(json, r#"{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","End":true}}}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct Chain(pub(crate) Piece);

/// States joined by `Next` that end in Succeed, Fail, a Choice or a [`Goto`]:
/// nothing can follow them, so this type has no `.next()`.
///
/// ```compile_fail
/// use stepfn::builder::{Pass, Succeed};
/// // Succeed is terminal: the chain it ends cannot be continued.
/// let chain = Pass::new("A").next(Succeed::new("Done")).next(Pass::new("B"));
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct ClosedChain(pub(crate) Piece);

impl Chain {
    /// A chain of one step.
    ///
    /// ```
    /// use stepfn::builder::{Chain, Pass};
    /// let chain = Chain::start(Pass::new("First"));
    /// assert_eq!(chain.start_state(), "First");
    /// ```
    pub fn start<S: IntoChain<Output = Chain>>(step: S) -> Chain {
        Chain(step.into_piece())
    }

    /// Continues every open end of this chain with `then`.
    ///
    /// The result is a [`Chain`] when `then` can be continued, a
    /// [`ClosedChain`] when it ends in a terminal state.
    ///
    /// ```
    /// use stepfn::builder::{Chain, Pass, Succeed, StateMachine};
    /// let chain = Chain::start(Pass::new("A")).next(Pass::new("B")).next(Succeed::new("Done"));
    /// let json = StateMachine::new(chain).build()?.to_json_compact()?;
    /// assert_eq!(json, r#"{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"Done"},"Done":{"Type":"Succeed"}}}"#);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn next<S: IntoChain>(self, then: S) -> S::Output {
        S::Output::from_piece(then.continue_piece(self.0))
    }

    /// The names of the states a following [`Chain::next`] continues from.
    ///
    /// ```
    /// use stepfn::builder::{Chain, Pass};
    /// let chain = Chain::start(Pass::new("A")).next(Pass::new("B"));
    /// assert_eq!(chain.end_states(), ["B"]);
    /// ```
    #[must_use]
    pub fn end_states(&self) -> Vec<&str> {
        self.0.ends.iter().map(String::as_str).collect()
    }
}

macro_rules! common_chain_methods {
    ($ty:ident) => {
        impl $ty {
            /// The name of the first state.
            #[must_use]
            pub fn start_state(&self) -> &str {
                &self.0.start
            }

            /// The names of every state in this chain, in the order they were
            /// added (states inside Parallel branches and Map item processors
            /// are not included).
            #[must_use]
            pub fn state_names(&self) -> Vec<&str> {
                self.0.states.keys().map(String::as_str).collect()
            }
        }

        impl Sealed for $ty {
            fn into_piece(self) -> Piece {
                self.0
            }
        }

        impl FromPiece for $ty {
            fn from_piece(piece: Piece) -> Self {
                $ty(piece)
            }
        }
    };
}

common_chain_methods!(Chain);
common_chain_methods!(ClosedChain);

impl IntoChain for Chain {
    type Output = Chain;
}

impl IntoChain for ClosedChain {
    type Output = ClosedChain;
}

/// A jump to a state by its name: the way to loop back to a state that is
/// already in the machine, or to join a state defined elsewhere in the same
/// scope.
///
/// ```
/// use stepfn::builder::{Choice, Condition, Goto, Pass, StateMachine, Succeed};
/// let retry = Pass::new("Try");
/// let chain = retry.next(
///     Choice::new("Done?")
///         .when(Condition::boolean_equals("$.done", true), Succeed::new("Yes"))
///         .otherwise(Goto::new("Try")),
/// );
/// let json = StateMachine::new(chain).build()?.to_json_compact()?;
/// assert!(json.contains(r#""Default":"Try""#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub struct Goto(String);

impl Goto {
    /// A jump to the state named `state`.
    ///
    /// ```
    /// use stepfn::builder::{Goto, IntoChain};
    /// assert_eq!(Goto::new("Wait X Seconds").into_chain().start_state(), "Wait X Seconds");
    /// ```
    pub fn new(state: impl Into<String>) -> Goto {
        Goto(state.into())
    }
}

impl Sealed for Goto {
    fn into_piece(self) -> Piece {
        Piece::goto(self.0)
    }
}

impl IntoChain for Goto {
    type Output = ClosedChain;
}
