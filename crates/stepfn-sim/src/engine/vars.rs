//! Workflow variables and their scopes. The machine's `States` is one
//! scope; each Parallel branch and Map iteration runs in a scope of its
//! own that can read the enclosing ones (a Distributed Map child cannot).
//! A scope's frame is made when it first assigns, and freed when it ends.

use stepfn::model::{Json, JsonObject};

/// A frame's index.
pub(crate) type FrameId = u32;

/// The frames of one execution.
#[derive(Debug, Default)]
pub(crate) struct Vars {
    frames: Vec<Frame>,
    free: Vec<FrameId>,
}

#[derive(Debug, Default)]
struct Frame {
    /// The frame this one reads through when a name is not its own.
    parent: Option<FrameId>,
    values: JsonObject,
}

/// Where a fiber reads and writes variables: its own frame (made on first
/// assignment) and the enclosing one it reads through.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct VarScope {
    /// The scope's own frame, once it has assigned something.
    pub(crate) own: Option<FrameId>,
    /// The enclosing scope's frame, read when a name is not in `own`.
    pub(crate) outer: Option<FrameId>,
}

impl Vars {
    /// The value of `name` as `scope` sees it.
    pub(crate) fn get(&self, scope: VarScope, name: &str) -> Option<&Json> {
        let mut at = scope.own.or(scope.outer);
        while let Some(id) = at {
            let frame = self.frames.get(id as usize)?;
            if let Some(value) = frame.values.get(name) {
                return Some(value);
            }
            at = frame.parent;
        }
        None
    }

    /// Every variable `scope` can read, innermost first, each name once.
    pub(crate) fn visible(&self, scope: VarScope) -> Vec<(&str, &Json)> {
        let mut out: Vec<(&str, &Json)> = Vec::new();
        let mut at = scope.own.or(scope.outer);
        while let Some(id) = at {
            let Some(frame) = self.frames.get(id as usize) else {
                break;
            };
            for (name, value) in &frame.values {
                if !out.iter().any(|(n, _)| *n == name) {
                    out.push((name, value));
                }
            }
            at = frame.parent;
        }
        out
    }

    /// The variables `scope` can read, as one object (innermost wins),
    /// outer scopes' names first, each frame's in assignment order.
    pub(crate) fn snapshot(&self, scope: VarScope) -> Json {
        let mut chain = Vec::new();
        let mut at = scope.own.or(scope.outer);
        while let Some(frame) = at.and_then(|id| self.frames.get(id as usize)) {
            chain.push(frame);
            at = frame.parent;
        }
        let mut out = JsonObject::new();
        for frame in chain.into_iter().rev() {
            for (name, value) in &frame.values {
                out.insert(name.clone(), value.clone());
            }
        }
        Json::Object(out)
    }

    /// Sets variables in `scope`'s own frame, making it if needed.
    pub(crate) fn assign(&mut self, scope: &mut VarScope, values: JsonObject) {
        if values.is_empty() {
            return;
        }
        let id = match scope.own {
            Some(id) => id,
            None => {
                let id = self.alloc(scope.outer);
                scope.own = Some(id);
                id
            }
        };
        if let Some(frame) = self.frames.get_mut(id as usize) {
            for (name, value) in values {
                frame.values.insert(name, value);
            }
        }
    }

    /// Frees a scope's own frame when the scope ends.
    pub(crate) fn release(&mut self, scope: VarScope) {
        if let Some(id) = scope.own {
            if let Some(frame) = self.frames.get_mut(id as usize) {
                frame.values.clear();
                frame.parent = None;
                self.free.push(id);
            }
        }
    }

    fn alloc(&mut self, parent: Option<FrameId>) -> FrameId {
        if let Some(id) = self.free.pop() {
            if let Some(frame) = self.frames.get_mut(id as usize) {
                frame.parent = parent;
                return id;
            }
        }
        self.frames.push(Frame {
            parent,
            values: JsonObject::new(),
        });
        u32::try_from(self.frames.len() - 1).unwrap_or(u32::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(pairs: &[(&str, i64)]) -> JsonObject {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), crate::json::int(*v)))
            .collect()
    }

    #[test]
    fn inner_scopes_read_outer_ones_and_vanish() {
        let mut vars = Vars::default();
        let mut top = VarScope::default();
        vars.assign(&mut top, obj(&[("x", 1)]));
        let mut inner = VarScope {
            own: None,
            outer: top.own,
        };
        assert_eq!(vars.get(inner, "x"), Some(&crate::json::int(1)));
        vars.assign(&mut inner, obj(&[("y", 2)]));
        assert_eq!(vars.get(inner, "y"), Some(&crate::json::int(2)));
        assert_eq!(vars.get(top, "y"), None);
        assert_eq!(vars.visible(inner).len(), 2);
        vars.release(inner);
        let mut other = VarScope {
            own: None,
            outer: top.own,
        };
        vars.assign(&mut other, obj(&[("z", 3)]));
        assert_eq!(vars.get(other, "y"), None);
    }
}
