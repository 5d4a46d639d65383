//! Resolving the parent operator `%`.
//!
//! Each `%` gets a slot that must go up one step (more for `%.%`). When a
//! path is built, the slots its last step still seeks are walked back over
//! the earlier steps: a name or wildcard step consumes one level, a `%`
//! step adds one, a block or path is entered at its last expression or
//! step. The step where a slot's level reaches zero binds its context under
//! the slot's label, which the `%` then reads. Slots that reach the start
//! of a path are passed up to the enclosing expression; one that reaches
//! the top is error S0217.

use super::{Compiler, Slot};
use crate::error::{Fault, FaultExt, Result};
use crate::ir::{Kind, Node};

impl Compiler {
    /// The level of `slot`.
    pub(super) fn level(&self, slot: usize) -> i64 {
        self.slots.get(slot).map_or(0, |s| s.level)
    }

    /// Adds `delta` to the level of `slot`.
    pub(super) fn add_level(&mut self, slot: usize, delta: i64) {
        if let Some(s) = self.slots.get_mut(slot) {
            s.level += delta;
        }
    }

    /// Lets `node` (a step, walking backwards) serve `slot`.
    pub(super) fn seek_parent(&mut self, node: &mut Node, slot: usize) -> Result<()> {
        match &mut node.kind {
            Kind::Name(_) | Kind::Wildcard => {
                self.add_level(slot, -1);
                if self.level(slot) == 0 {
                    if let Some(previous) = node.step.ancestor {
                        // reuse the label of the slot this step already serves
                        let label = self.slots.get(previous).map_or(slot, |s: &Slot| s.label);
                        if let Some(s) = self.slots.get_mut(slot) {
                            s.label = label;
                        }
                    }
                    node.step.ancestor = Some(slot);
                    node.step.tuple = true;
                }
                Ok(())
            }
            Kind::Parent(_) => {
                self.add_level(slot, 1);
                Ok(())
            }
            Kind::Block(items) => {
                if let Some(last) = items.last_mut() {
                    node.step.tuple = true;
                    self.seek_parent(last, slot)?;
                }
                Ok(())
            }
            Kind::Path { steps, tuple, .. } => {
                *tuple = true;
                let mut index = steps.len();
                while index > 0 {
                    index -= 1;
                    if let Some(step) = steps.get_mut(index) {
                        self.seek_parent(step, slot)?;
                    }
                    if self.level(slot) <= 0 {
                        break;
                    }
                }
                Ok(())
            }
            _ => Err(Fault::new("S0217").at(node.position).detail(
                "The object representing the parent (%) cannot be derived from this expression",
            )),
        }
    }

    /// Walks the slots the last step of `path` seeks back over its steps.
    pub(super) fn resolve_ancestry(&mut self, path: &mut Node) -> Result<()> {
        let Kind::Path { steps, .. } = &mut path.kind else {
            return Ok(());
        };
        let Some(last) = steps.last() else {
            return Ok(());
        };
        let mut slots = last.seeking.clone();
        if let Kind::Parent(slot) = last.kind {
            slots.push(slot);
        }
        let count = steps.len();
        for slot in slots {
            // index of the next step to try, counting down from the one
            // before the last
            let mut index = count.checked_sub(1);
            while self.level(slot) > 0 {
                let Some(next) = index.and_then(|i| i.checked_sub(1)) else {
                    path.seeking.push(slot);
                    break;
                };
                let mut chosen = next;
                // contiguous steps that bind the focus count as one
                while chosen > 0
                    && steps.get(chosen).is_some_and(|s| s.step.focus.is_some())
                    && steps
                        .get(chosen - 1)
                        .is_some_and(|s| s.step.focus.is_some())
                {
                    chosen -= 1;
                }
                index = Some(chosen);
                if let Some(step) = steps.get_mut(chosen) {
                    self.seek_parent(step, slot)?;
                }
            }
        }
        Ok(())
    }
}
