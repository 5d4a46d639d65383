//! Chains: a head and the operations applied to it (`a.b[0].c`,
//! predicates, `[]`, order-by, group-by, `@`/`#` bindings), compiled in a
//! loop into path steps and stages, so that long paths cost no stack.

use stepfn::syntax::jsonata::{self as syntax, Arg, BinaryOp, OpKind};

use super::{push_ancestry, Compiler};
use crate::error::{Fault, FaultExt, Result};
use crate::ir::{Group, Kind, Node, SortTerm, Stage};

impl Compiler {
    /// A head and the operations applied to it, in order.
    pub(super) fn chain(&mut self, head: &syntax::Node, ops: &[syntax::Op]) -> Result<Node> {
        let flagged = keep_array_marks(ops);
        let mut result = self.node(head)?;
        if flagged.first().copied().unwrap_or(false) {
            if let (
                Kind::Path {
                    steps,
                    keep_singleton,
                    ..
                },
                syntax::Kind::Name(_),
            ) = (&mut result.kind, &head.kind)
            {
                *keep_singleton = true;
                if let Some(step) = steps.first_mut() {
                    step.keep_array = true;
                }
            }
            result.keep_array = true;
        }
        for (i, op) in ops.iter().enumerate() {
            result = self.operation(result, op)?;
            if flagged.get(i + 1).copied().unwrap_or(false) {
                if matches!(op.kind, OpKind::Focus(_)) {
                    if let Some(step) = last_step(&mut result) {
                        step.keep_array = true;
                    }
                }
                result.keep_array = true;
            }
        }
        Ok(result)
    }

    /// Applies one operation to the compiled expression so far.
    fn operation(&mut self, mut result: Node, op: &syntax::Op) -> Result<Node> {
        let at = op.offset;
        match &op.kind {
            OpKind::Step(rhs) => self.step(result, rhs),
            OpKind::Filter(predicate) => {
                let predicate = self.node(predicate)?;
                let is_path = result.is_path();
                let Some(step) = last_step(&mut result) else {
                    return Ok(result);
                };
                if step.group.is_some() {
                    return Err(Fault::new("S0209")
                        .at(at)
                        .detail("A predicate cannot follow a grouping expression in a step"));
                }
                if !predicate.seeking.is_empty() {
                    for &slot in &predicate.seeking {
                        if self.level(slot) == 1 {
                            self.seek_parent(step, slot)?;
                        } else {
                            self.add_level(slot, -1);
                        }
                    }
                    push_ancestry(step, &predicate);
                }
                if is_path {
                    step.step.stages.push(Stage::Filter(predicate));
                } else {
                    step.predicate.push(predicate);
                }
                Ok(result)
            }
            OpKind::KeepArray => Ok(result),
            OpKind::Group(pairs) => {
                if result.group.is_some() {
                    return Err(Fault::new("S0210")
                        .at(at)
                        .detail("Each step can only have one grouping expression"));
                }
                let mut compiled = Vec::with_capacity(pairs.len());
                for (key, value) in pairs {
                    compiled.push((self.node(key)?, self.node(value)?));
                }
                result.group = Some(Box::new(Group::new(compiled, at)));
                Ok(result)
            }
            OpKind::Sort(terms) => {
                let mut path = into_path(result);
                let mut sort = Node::new(Kind::Null, at);
                let mut compiled = Vec::with_capacity(terms.len());
                for term in terms {
                    let expr = self.node(&term.expr)?;
                    push_ancestry(&mut sort, &expr);
                    compiled.push(SortTerm {
                        descending: term.descending,
                        expr,
                    });
                }
                sort.kind = Kind::Sort(compiled);
                if let Kind::Path { steps, .. } = &mut path.kind {
                    steps.push(sort);
                }
                self.resolve_ancestry(&mut path)?;
                Ok(path)
            }
            OpKind::Call(args) => {
                let mut node = Node::new(Kind::Null, at);
                let mut compiled = Vec::with_capacity(args.len());
                let mut partial = false;
                for arg in args {
                    let arg = match arg {
                        Arg::Expr(n) => self.node(n)?,
                        Arg::Placeholder(offset) => {
                            partial = true;
                            Node::new(Kind::Placeholder, *offset)
                        }
                    };
                    push_ancestry(&mut node, &arg);
                    compiled.push(arg);
                }
                node.kind = Kind::Call {
                    procedure: Box::new(result),
                    args: compiled,
                    partial,
                };
                Ok(node)
            }
            OpKind::Focus(name) => {
                let Some(step) = last_step(&mut result) else {
                    return Ok(result);
                };
                if !step.step.stages.is_empty() || !step.predicate.is_empty() {
                    return Err(Fault::new("S0215").at(at).detail(
                        "A context variable binding must precede any predicates on a step",
                    ));
                }
                if matches!(step.kind, Kind::Sort(_)) {
                    return Err(Fault::new("S0216").at(at).detail(
                        "A context variable binding must precede the order-by clause on a step",
                    ));
                }
                step.step.focus = Some(name.clone());
                step.step.tuple = true;
                Ok(result)
            }
            OpKind::Index(name) => {
                let mut path = if result.is_path() {
                    result
                } else {
                    let mut step = result;
                    if !step.predicate.is_empty() {
                        let predicates = std::mem::take(&mut step.predicate);
                        step.step.stages = predicates.into_iter().map(Stage::Filter).collect();
                    }
                    into_path(step)
                };
                if let Some(step) = last_step(&mut path) {
                    if step.step.stages.is_empty() {
                        step.step.index = Some(name.clone());
                    } else {
                        step.step.stages.push(Stage::Index(name.clone()));
                    }
                    step.step.tuple = true;
                }
                Ok(path)
            }
            OpKind::Binary(BinaryOp::Apply, rhs) => {
                let rhs = self.node(rhs)?;
                let keep = result.keep_array || rhs.keep_array;
                let mut node = Node::new(Kind::Apply(Box::new(result), Box::new(rhs)), at);
                node.keep_array = keep;
                Ok(node)
            }
            OpKind::Binary(binary, rhs) => {
                let rhs = self.node(rhs)?;
                let mut node = Node::new(Kind::Null, at);
                push_ancestry(&mut node, &result);
                push_ancestry(&mut node, &rhs);
                node.kind = Kind::Binary(*binary, Box::new(result), Box::new(rhs));
                Ok(node)
            }
            OpKind::Bind(rhs) => {
                let name = match &result.kind {
                    Kind::Variable(name) => name.clone(),
                    _ => {
                        return Err(Fault::new("S0212")
                            .at(result.position)
                            .detail("The left side of := must be a variable name (start with $)"))
                    }
                };
                let rhs = self.node(rhs)?;
                let mut node = Node::new(Kind::Null, at);
                push_ancestry(&mut node, &rhs);
                node.kind = Kind::Bind(name, Box::new(rhs));
                Ok(node)
            }
            OpKind::Condition(then, otherwise) => {
                let then = self.node(then)?;
                let otherwise = match otherwise {
                    Some(e) => Some(self.node(e)?),
                    None => None,
                };
                let mut node = Node::new(Kind::Null, at);
                push_ancestry(&mut node, &result);
                push_ancestry(&mut node, &then);
                if let Some(e) = &otherwise {
                    push_ancestry(&mut node, e);
                }
                node.kind =
                    Kind::Condition(Box::new(result), Box::new(then), otherwise.map(Box::new));
                Ok(node)
            }
        }
    }

    /// `lhs.rhs`: appends the step(s) of `rhs` to the path `lhs` makes.
    fn step(&mut self, lhs: Node, rhs: &syntax::Node) -> Result<Node> {
        let parent_slot = match lhs.kind {
            Kind::Parent(slot) => Some(slot),
            _ => None,
        };
        let mut path = into_path(lhs);
        if let Some(slot) = parent_slot {
            path.seeking = vec![slot];
        }
        let rest = self.node(rhs)?;
        if let Kind::Path {
            steps,
            keep_singleton,
            ..
        } = &mut path.kind
        {
            match rest.kind {
                Kind::Path { steps: more, .. } => steps.extend(more),
                _ => {
                    let mut rest = rest;
                    if !rest.predicate.is_empty() {
                        let predicates = std::mem::take(&mut rest.predicate);
                        rest.step
                            .stages
                            .extend(predicates.into_iter().map(Stage::Filter));
                    }
                    steps.push(rest);
                }
            }
            for step in steps.iter_mut() {
                if let Kind::String(s) = &mut step.kind {
                    step.kind = Kind::Name(std::mem::take(s));
                }
            }
            if steps.iter().any(|s| s.keep_array) {
                *keep_singleton = true;
            }
            if let Some(first) = steps.first_mut() {
                if first.is_array_constructor() {
                    first.step.consarray = true;
                }
            }
            if let Some(last) = steps.last_mut() {
                if last.is_array_constructor() {
                    last.step.consarray = true;
                }
            }
        }
        self.resolve_ancestry(&mut path)?;
        Ok(path)
    }
}

/// For each prefix of a chain (0: the head alone, i: the head and the first
/// `i` operations), whether a `[]` marks it: `[]` marks the expression it
/// follows, looking through predicates.
fn keep_array_marks(ops: &[syntax::Op]) -> Vec<bool> {
    let mut marks = vec![false; ops.len() + 1];
    for (i, op) in ops.iter().enumerate() {
        if matches!(op.kind, OpKind::KeepArray) {
            let mut k = i;
            while k > 0
                && ops
                    .get(k - 1)
                    .is_some_and(|o| matches!(o.kind, OpKind::Filter(_) | OpKind::KeepArray))
            {
                k -= 1;
            }
            if let Some(mark) = marks.get_mut(k) {
                *mark = true;
            }
        }
    }
    marks
}

/// `node` as a path: itself if it is one, else a path of one step.
fn into_path(node: Node) -> Node {
    if node.is_path() {
        return node;
    }
    let position = node.position;
    Node::new(
        Kind::Path {
            steps: vec![node],
            keep_singleton: false,
            tuple: false,
        },
        position,
    )
}

/// The last step of a path, or the node itself if it is not a path.
fn last_step(node: &mut Node) -> Option<&mut Node> {
    if node.is_path() {
        match &mut node.kind {
            Kind::Path { steps, .. } => steps.last_mut(),
            _ => None,
        }
    } else {
        Some(node)
    }
}
