//! One builder per state type. Each holds its model state, its name, the
//! states it brings along (catch handlers, Choice targets) and the problems
//! found so far.

/// The name, `to_json`, and the chain traits of a state builder with fields
/// `name`, `inner` (its model state), `problems` and `brings` (pieces added with
/// it). `open` states take `.next()`; `terminal` ones close the chain.
///
/// `finish` (default: none) is a `fn(Self) -> Self` applied before the state
/// is written, for fields that depend on others set in any order.
macro_rules! state_builder {
    ($ty:ident, open) => {
        state_builder!($ty, open, std::convert::identity);
    };
    ($ty:ident, open, $finish:path) => {
        state_builder!(@common $ty, crate::builder::graph::Link::Open, crate::builder::Chain, $finish);

        impl $ty {
            /// Continues with `then`: this state's `Next` is `then`'s first state.
            ///
            /// The result is a [`Chain`](crate::builder::Chain) when `then` can be
            /// continued, a [`ClosedChain`](crate::builder::ClosedChain) when it
            /// ends in a terminal state.
            pub fn next<S: crate::builder::IntoChain>(self, then: S) -> S::Output {
                crate::builder::Chain::start(self).next(then)
            }
        }
    };
    ($ty:ident, terminal) => {
        state_builder!(@common $ty, crate::builder::graph::Link::Terminal, crate::builder::ClosedChain, std::convert::identity);
    };
    (@common $ty:ident, $link:expr, $output:ty, $finish:path) => {
        impl $ty {
            /// The state's name.
            #[must_use]
            pub fn name(&self) -> &str {
                &self.name
            }

            /// This state's JSON alone, on one line, as it would appear under
            /// `States` with nothing after it (`"End": true`).
            #[must_use]
            pub fn to_json(&self) -> String {
                let this: $ty = $finish(self.clone());
                let state = crate::model::State::from(this.inner);
                crate::write::json_line(&state)
            }
        }

        impl crate::builder::chain::Sealed for $ty {
            fn into_piece(self) -> crate::builder::graph::Piece {
                let this: $ty = $finish(self);
                let state = crate::model::State::from(this.inner);
                let mut piece = crate::builder::graph::Piece::state(this.name, state, $link);
                piece.problems.extend(this.problems);
                for brought in this.brings {
                    let _ = piece.absorb(brought);
                }
                piece
            }

            fn continue_piece(self, piece: crate::builder::graph::Piece) -> crate::builder::graph::Piece {
                let this: $ty = $finish(self);
                if !this.brings.is_empty() {
                    return piece.then(crate::builder::chain::Sealed::into_piece(this));
                }
                let state = crate::model::State::from(this.inner);
                piece.then_state(this.name, state, $link, this.problems)
            }
        }

        impl crate::builder::IntoChain for $ty {
            type Output = $output;
        }
    };
}

/// `.retry()` and `.catch()`, for Task, Parallel and Map.
macro_rules! retry_and_catch {
    ($ty:ident, $new:literal) => {
        impl $ty {
            /// Adds a retrier (`Retry`), after those added before. A
            /// `States.ALL` retrier must be the last one.
            #[doc = concat!(
                "```\n",
                "use stepfn::builder::*;\n",
                "let state = ", $new, ".retry(Retry::on([\"Busy\"]).max_attempts(2)).retry(Retry::all());\n",
                "assert!(state.to_json().contains(r#\"\"Retry\":[{\"ErrorEquals\":[\"Busy\"],\"MaxAttempts\":2},{\"ErrorEquals\":[\"States.ALL\"]}]\"#), \"{}\", state.to_json());\n",
                "```"
            )]
            pub fn retry(mut self, retry: crate::builder::Retry) -> Self {
                let retriers = self.inner.retry.get_or_insert_with(Vec::new);
                if let Some((field, message)) = retry.problem {
                    self.problems.push(crate::builder::graph::Pending::new(
                        &self.name,
                        crate::problem::Path::root().key("Retry").index(retriers.len()).key(field),
                        crate::Code::ValueOutOfRange,
                        message,
                    ));
                }
                retriers.push(retry.inner);
                self
            }

            /// Sets `Retry` to exactly `retries`, in order, replacing any
            /// added before: `.retries([])` writes an empty `Retry`.
            #[doc = concat!(
                "```\n",
                "use stepfn::builder::*;\n",
                "let state = ", $new, ".retries([Retry::on([\"Busy\"]), Retry::all()]);\n",
                "assert!(state.to_json().contains(r#\"\"Retry\":[{\"ErrorEquals\":[\"Busy\"]},{\"ErrorEquals\":[\"States.ALL\"]}]\"#), \"{}\", state.to_json());\n",
                "let none = ", $new, ".retries([]);\n",
                "assert!(none.to_json().contains(r#\"\"Retry\":[]\"#), \"{}\", none.to_json());\n",
                "```"
            )]
            pub fn retries(mut self, retries: impl IntoIterator<Item = crate::builder::Retry>) -> Self {
                self.inner.retry = Some(Vec::new());
                for retry in retries {
                    self = self.retry(retry);
                }
                self
            }

            /// Sets `Catch` to exactly `catchers`, in order, each going to a
            /// state by name, replacing any added before: `.catches([])`
            /// writes an empty `Catch`.
            #[doc = concat!(
                "```\n",
                "use stepfn::builder::*;\n",
                "let state = ", $new, ".catches([(Catch::all(), Goto::new(\"Recover\"))]);\n",
                "assert!(state.to_json().contains(r#\"\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"Recover\"}]\"#), \"{}\", state.to_json());\n",
                "let none = ", $new, ".catches([]);\n",
                "assert!(none.to_json().contains(r#\"\"Catch\":[]\"#), \"{}\", none.to_json());\n",
                "```\n\n",
                "The handlers are states written elsewhere, reached by name: a state given here does not compile.\n\n",
                "```compile_fail\n",
                "use stepfn::builder::*;\n",
                "let state = ", $new, ".catches([(Catch::all(), Pass::new(\"Recover\"))]);\n",
                "```"
            )]
            pub fn catches(
                mut self,
                catchers: impl IntoIterator<Item = (crate::builder::Catch, crate::builder::Goto)>,
            ) -> Self {
                self.inner.catch = Some(Vec::new());
                for (catch, handler) in catchers {
                    self = self.catch(catch, handler);
                }
                self
            }

            /// Adds a catcher (`Catch`), after those added before: errors it
            /// matches go to `handler`, which joins the machine. A `States.ALL`
            /// catcher must be the last one.
            #[doc = concat!(
                "```\n",
                "use stepfn::builder::*;\n",
                "let state = ", $new, ".catch(Catch::all().result_path(\"$.error\"), Pass::new(\"Recover\"));\n",
                "assert!(state.to_json().contains(r#\"\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"ResultPath\":\"$.error\",\"Next\":\"Recover\"}]\"#), \"{}\", state.to_json());\n",
                "```"
            )]
            pub fn catch<H: crate::builder::IntoChain>(mut self, catch: crate::builder::Catch, handler: H) -> Self {
                let handler = crate::builder::chain::Sealed::into_piece(handler);
                let catchers = self.inner.catch.get_or_insert_with(Vec::new);
                if let Some((field, message)) = catch.problem {
                    self.problems.push(crate::builder::graph::Pending::new(
                        &self.name,
                        crate::problem::Path::root().key("Catch").index(catchers.len()).key(field),
                        crate::Code::WrongType,
                        message,
                    ));
                }
                let mut catcher = catch.inner;
                catcher.next = handler.start.clone();
                catchers.push(catcher);
                self.brings.push(handler);
                self
            }
        }
    };
}

mod choice;
mod custom;
mod fail;
mod map;
mod map_distributed;
mod map_shared;
mod map_state_data;
mod parallel;
mod pass;
mod succeed;
mod task;
mod wait;

pub use choice::{Choice, When};
pub use custom::CustomState;
pub use fail::Fail;
pub use map::Map;
pub use map_distributed::DistributedMap;
pub use map_state_data::StateDataItems;
pub use parallel::Parallel;
pub use pass::Pass;
pub use succeed::Succeed;
pub use task::Task;
pub use wait::Wait;
