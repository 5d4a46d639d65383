//! From the syntax tree to the compiled tree ([`crate::ir`]), following the
//! rules jsonata-js applies after parsing: paths flattened into steps,
//! predicates as stages, string steps as names, `[]` marking, order-by as a
//! step, `@`/`#` bindings on steps, parent (`%`) resolution
//! ([`ancestry`]), and tail calls in lambda bodies wrapped in thunks.
//!
//! A chain of operations (`a.b[0].c`) is compiled in a loop, so long paths
//! cost no stack; the recursion follows the syntax tree's nesting, which the
//! parser limits.

mod ancestry;

use stepfn::syntax::jsonata::{self as syntax, Arg, BinaryOp, Item, OpKind};

use crate::error::{Fault, FaultExt, Result};
use crate::ir::{Group, Kind, Lambda, Node, SortTerm, Stage};
use crate::regex::CompiledRegex;

/// A compiled expression: the tree and the binding names of parent slots.
#[derive(Debug)]
pub(crate) struct Program {
    /// The compiled tree.
    pub(crate) root: Node,
    /// For each parent slot, the name its context is bound to in tuples.
    pub(crate) labels: Vec<String>,
}

/// A parent slot while compiling: its label and how many steps up it still
/// has to go.
#[derive(Debug, Clone, Copy)]
struct Slot {
    /// Label number (slots sharing a step share a label).
    label: usize,
    /// Steps still to go up; 0 once resolved.
    level: i64,
}

/// The compiler's state: the parent slots made so far.
#[derive(Default)]
pub(crate) struct Compiler {
    /// Every `%` gets a slot.
    slots: Vec<Slot>,
}

/// Compiles a parsed expression.
pub(crate) fn compile(tree: &syntax::Node) -> Result<Program> {
    let mut compiler = Compiler::default();
    let root = compiler.node(tree)?;
    if matches!(root.kind, Kind::Parent(_)) || !root.seeking.is_empty() {
        return Err(Fault::new("S0217").at(root.position).detail(
            "The object representing the parent (%) cannot be derived from this expression",
        ));
    }
    let labels = compiler
        .slots
        .iter()
        .map(|slot| format!("!{}", slot.label))
        .collect();
    Ok(Program { root, labels })
}

impl Compiler {
    /// Compiles one syntax node.
    fn node(&mut self, n: &syntax::Node) -> Result<Node> {
        let at = n.offset;
        let kind = match &n.kind {
            syntax::Kind::Name(name) => {
                let step = Node::new(Kind::Name(name.clone()), at);
                Kind::Path {
                    steps: vec![step],
                    keep_singleton: false,
                    tuple: false,
                }
            }
            syntax::Kind::Variable(name) => {
                let mut node = Node::new(Kind::Variable(name.clone()), at);
                node.builtin = crate::functions::builtin(name);
                return Ok(node);
            }
            syntax::Kind::Str(s) => Kind::String(s.clone()),
            syntax::Kind::Number(x) => Kind::Number(*x),
            syntax::Kind::Bool(b) => Kind::Bool(*b),
            syntax::Kind::Null => Kind::Null,
            syntax::Kind::Regex(literal) => {
                Kind::Regex(Box::new(CompiledRegex::new(literal).map_err(|f| f.at(at))?))
            }
            syntax::Kind::Wildcard => Kind::Wildcard,
            syntax::Kind::Descendant => Kind::Descendant,
            syntax::Kind::Parent => {
                let label = self.slots.len();
                self.slots.push(Slot { label, level: 1 });
                Kind::Parent(label)
            }
            syntax::Kind::Negate(inner) => {
                let mut inner = self.node(inner)?;
                if let Kind::Number(x) = inner.kind {
                    // a negated number literal is a number literal
                    inner.kind = Kind::Number(-x);
                    return Ok(inner);
                }
                let mut node = Node::new(Kind::Negate(Box::new(Node::new(Kind::Null, at))), at);
                push_ancestry(&mut node, &inner);
                node.kind = Kind::Negate(Box::new(inner));
                return Ok(node);
            }
            syntax::Kind::Block(items) => return self.block(items, at),
            syntax::Kind::Array(items) => return self.array(items, at),
            syntax::Kind::Object(pairs) => {
                let mut node = Node::new(Kind::Null, at);
                let mut compiled = Vec::with_capacity(pairs.len());
                for (key, value) in pairs {
                    let key = self.node(key)?;
                    push_ancestry(&mut node, &key);
                    let value = self.node(value)?;
                    push_ancestry(&mut node, &value);
                    compiled.push((key, value));
                }
                node.kind = Kind::ObjectConstructor(Box::new(Group::new(compiled, at)));
                return Ok(node);
            }
            syntax::Kind::Lambda {
                params,
                signature,
                body,
            } => {
                let body = tail_call(self.node(body)?);
                Kind::Lambda(Box::new(Lambda {
                    params: params.clone(),
                    signature: signature.as_deref().cloned(),
                    body,
                    thunk: false,
                }))
            }
            syntax::Kind::Transform {
                pattern,
                update,
                delete,
            } => Kind::Transform {
                pattern: Box::new(self.node(pattern)?),
                update: Box::new(self.node(update)?),
                delete: match delete {
                    Some(d) => Some(Box::new(self.node(d)?)),
                    None => None,
                },
            },
            syntax::Kind::Chain { head, ops } => return self.chain(head, ops),
        };
        Ok(Node::new(kind, at))
    }

    /// `( a; b; … )`.
    fn block(&mut self, items: &[syntax::Node], at: usize) -> Result<Node> {
        let mut node = Node::new(Kind::Null, at);
        let mut compiled = Vec::with_capacity(items.len());
        for item in items {
            let part = self.node(item)?;
            push_ancestry(&mut node, &part);
            let first_cons = match &part.kind {
                Kind::Path { steps, .. } => steps.first().is_some_and(|s| s.step.consarray),
                _ => false,
            };
            if part.step.consarray || first_cons {
                node.step.consarray = true;
            }
            compiled.push(part);
        }
        node.kind = Kind::Block(compiled);
        Ok(node)
    }

    /// `[ a, b, 1..5 ]`.
    fn array(&mut self, items: &[Item], at: usize) -> Result<Node> {
        let mut node = Node::new(Kind::Null, at);
        let mut compiled = Vec::with_capacity(items.len());
        for item in items {
            let value = match item {
                Item::Single(n) => self.node(n)?,
                Item::Range { low, high, offset } => {
                    let low = self.node(low)?;
                    let high = self.node(high)?;
                    let mut range = Node::new(Kind::Null, *offset);
                    push_ancestry(&mut range, &low);
                    push_ancestry(&mut range, &high);
                    range.kind = Kind::Range(Box::new(low), Box::new(high));
                    range
                }
            };
            push_ancestry(&mut node, &value);
            compiled.push(value);
        }
        node.kind = Kind::ArrayConstructor(compiled);
        Ok(node)
    }

    /// A head and the operations applied to it, in order.
    fn chain(&mut self, head: &syntax::Node, ops: &[syntax::Op]) -> Result<Node> {
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

/// Passes the parent slots `value` still seeks on to `result`.
fn push_ancestry(result: &mut Node, value: &Node) {
    result.seeking.extend_from_slice(&value.seeking);
    if let Kind::Parent(slot) = value.kind {
        result.seeking.push(slot);
    }
}

/// Wraps calls in tail position of a lambda body in thunks, so that the
/// caller's trampoline makes them without growing the stack.
fn tail_call(node: Node) -> Node {
    match node.kind {
        Kind::Call { partial: false, .. } if node.predicate.is_empty() => {
            let position = node.position;
            Node::new(
                Kind::Lambda(Box::new(Lambda {
                    params: Vec::new(),
                    signature: None,
                    body: node,
                    thunk: true,
                })),
                position,
            )
        }
        Kind::Condition(cond, then, otherwise) => Node {
            kind: Kind::Condition(
                cond,
                Box::new(tail_call(*then)),
                otherwise.map(|e| Box::new(tail_call(*e))),
            ),
            ..node
        },
        Kind::Block(mut items) => {
            if let Some(last) = items.pop() {
                items.push(tail_call(last));
            }
            Node {
                kind: Kind::Block(items),
                ..node
            }
        }
        _ => node,
    }
}
