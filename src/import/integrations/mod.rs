//! Typed integrations of [`crate::tasks`] for Task states whose `Resource`
//! and input one of them renders exactly.

use crate::model::Task;

use super::code::Expr;
use super::cx::FnCx;
use super::states::StateCx;

/// The typed integration writing `task`, if one writes it exactly.
pub(crate) fn typed(_cx: &mut FnCx<'_>, _at: &StateCx<'_>, _task: &Task) -> Option<Expr> {
    None
}
