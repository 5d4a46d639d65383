//! Variable scopes.
//!
//! A frame holds the variables bound in one block, lambda call or tuple,
//! and points to the frame it was made in. Looking a name up walks the
//! chain outwards (in a loop); the built-in functions come last.

use std::cell::RefCell;

use bumpalo::collections::Vec as BumpVec;

use super::Ctx;
use crate::value::{Tuple, Value};

/// One scope of variables.
pub(crate) struct Frame<'a> {
    /// The enclosing scope.
    parent: Option<&'a Frame<'a>>,
    /// Variables bound here, in binding order.
    vars: RefCell<BumpVec<'a, (&'a str, Value<'a>)>>,
    /// The bindings of a tuple this frame was made from.
    tuple: Option<&'a Tuple<'a>>,
}

impl<'a> Frame<'a> {
    /// A frame without parent (the outermost one).
    pub(crate) fn root(ctx: &Ctx<'a>) -> &'a Frame<'a> {
        ctx.bump.alloc(Frame {
            parent: None,
            vars: RefCell::new(BumpVec::new_in(ctx.bump)),
            tuple: None,
        })
    }

    /// A new scope inside `parent`.
    pub(crate) fn child(ctx: &Ctx<'a>, parent: &'a Frame<'a>) -> &'a Frame<'a> {
        ctx.bump.alloc(Frame {
            parent: Some(parent),
            vars: RefCell::new(BumpVec::new_in(ctx.bump)),
            tuple: None,
        })
    }

    /// A new scope inside `parent` binding the variables of `tuple`.
    pub(crate) fn of_tuple(
        ctx: &Ctx<'a>,
        parent: &'a Frame<'a>,
        tuple: &'a Tuple<'a>,
    ) -> &'a Frame<'a> {
        ctx.bump.alloc(Frame {
            parent: Some(parent),
            vars: RefCell::new(BumpVec::new_in(ctx.bump)),
            tuple: Some(tuple),
        })
    }

    /// Binds `name` to `value` in this frame (replacing an earlier binding).
    pub(crate) fn bind(&self, name: &'a str, value: Value<'a>) {
        if let Ok(mut vars) = self.vars.try_borrow_mut() {
            if let Some(slot) = vars.iter_mut().find(|(n, _)| *n == name) {
                slot.1 = value;
            } else {
                vars.push((name, value));
            }
        }
    }

    /// The value of `name` here or in an enclosing frame; `None` when it is
    /// bound nowhere (the built-in functions are looked up by the caller).
    pub(crate) fn lookup(&self, name: &str) -> Option<Value<'a>> {
        let mut frame = self;
        loop {
            if let Ok(vars) = frame.vars.try_borrow() {
                if let Some((_, value)) = vars.iter().find(|(n, _)| *n == name) {
                    return Some(*value);
                }
            }
            if let Some(tuple) = frame.tuple {
                if name == "@" {
                    return Some(tuple.focus);
                }
                if let Some(value) = tuple.get(name) {
                    return Some(value);
                }
            }
            frame = frame.parent?;
        }
    }
}
