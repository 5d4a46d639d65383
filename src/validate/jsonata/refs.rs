//! Reference analysis: top-level references AWS rejects, `$states.<field>`
//! uses, and free variables.
//!
//! "Top level" means evaluated against the state's input itself: the first
//! step of a path, operands, function arguments, block entries, constructor
//! entries and conditions, but not predicates, path steps after the first,
//! lambda bodies, order-by terms, group-bys or transforms.
//!
//! Variables bound inside the expression are not reported. Outside lambdas a
//! `:=` binding counts from the point it is made to the end of its block
//! (so the `$x` on the right of `$x := $x + 1` is reported); inside a lambda
//! body any binding of the enclosing blocks counts, wherever it is, because
//! the body runs later (this covers recursive and forward references).
//! Focus (`@$v`) and index (`#$i`) bindings count like `:=` bindings.

use std::collections::HashSet;

use super::{Analysis, Unsupported, UnsupportedKind};
use crate::syntax::jsonata::{Arg, Item, Kind, Node, Op, OpKind};

/// Analyses a parsed expression.
pub(crate) fn analyze(root: &Node) -> Analysis {
    let mut walker = Walker::default();
    walker.scopes.push(Scope::default());
    walker.walk(root, true);
    walker.close_scope();
    let mut analysis = Analysis {
        unsupported: walker.unsupported,
        states_fields: walker.states_fields,
        variables: walker.variables,
    };
    analysis.unsupported.sort_by_key(|u| u.offset);
    analysis.states_fields.sort_by_key(|(_, offset)| *offset);
    analysis.variables.sort_by_key(|(_, offset)| *offset);
    analysis
}

/// Names bound in one block, lambda or the whole expression.
#[derive(Default)]
struct Scope {
    /// Whether this is a lambda's scope (its parameters and bindings).
    lambda: bool,
    /// Names bound so far.
    bound: HashSet<String>,
    /// References from lambdas nested inside this scope that no inner scope
    /// bound; decided when this scope closes, against all its bindings.
    pending: Vec<(String, usize)>,
}

/// Accumulates the analysis during one walk of the tree.
#[derive(Default)]
struct Walker {
    /// Found top-level and `$$` references.
    unsupported: Vec<Unsupported>,
    /// Found `$states.<field>` references.
    states_fields: Vec<(String, usize)>,
    /// Found free variable references.
    variables: Vec<(String, usize)>,
    /// Open scopes, outermost first.
    scopes: Vec<Scope>,
}

impl Walker {
    /// Records an unsupported reference.
    fn unsupported(&mut self, offset: usize, kind: UnsupportedKind) {
        self.unsupported.push(Unsupported { offset, kind });
    }

    /// Binds `name` in the innermost scope.
    fn bind(&mut self, name: &str) {
        if let Some(scope) = self.scopes.last_mut() {
            scope.bound.insert(name.to_string());
        }
    }

    /// Handles a reference to the variable `name` (not `$`, `$$` or `$states`).
    fn reference(&mut self, name: &str, offset: usize) {
        for index in (0..self.scopes.len()).rev() {
            let Some(scope) = self.scopes.get(index) else {
                break;
            };
            if scope.bound.contains(name) {
                return;
            }
            if scope.lambda {
                // Outside this lambda, any binding of an enclosing scope counts:
                // decide when that scope closes.
                match index.checked_sub(1).and_then(|i| self.scopes.get_mut(i)) {
                    Some(outer) => outer.pending.push((name.to_string(), offset)),
                    None => self.variables.push((name.to_string(), offset)),
                }
                return;
            }
        }
        self.variables.push((name.to_string(), offset));
    }

    /// Closes the innermost scope, passing undecided references outwards.
    fn close_scope(&mut self) {
        let Some(scope) = self.scopes.pop() else {
            return;
        };
        for (name, offset) in scope.pending {
            if scope.bound.contains(&name) {
                continue;
            }
            match self.scopes.last_mut() {
                Some(outer) => outer.pending.push((name, offset)),
                None => self.variables.push((name, offset)),
            }
        }
    }

    /// Walks `node`; `top` is whether it is evaluated at the top level.
    fn walk(&mut self, node: &Node, top: bool) {
        match &node.kind {
            Kind::Name(name) => {
                if top {
                    self.unsupported(node.offset, UnsupportedKind::TopLevelField(name.clone()));
                }
            }
            Kind::Variable(name) => self.variable(name, node.offset, top),
            Kind::Str(_)
            | Kind::Number(_)
            | Kind::Bool(_)
            | Kind::Null
            | Kind::Regex(_)
            | Kind::Wildcard
            | Kind::Descendant
            | Kind::Parent => {}
            Kind::Negate(inner) => self.walk(inner, top),
            Kind::Block(items) => {
                self.scopes.push(Scope::default());
                for item in items {
                    self.walk(item, top);
                }
                self.close_scope();
            }
            Kind::Array(items) => {
                for item in items {
                    match item {
                        Item::Single(n) => self.walk(n, top),
                        Item::Range { low, high, .. } => {
                            self.walk(low, top);
                            self.walk(high, top);
                        }
                    }
                }
            }
            Kind::Object(pairs) => self.pairs(pairs, top),
            Kind::Lambda { params, body, .. } => {
                self.scopes.push(Scope {
                    lambda: true,
                    bound: params.iter().cloned().collect(),
                    pending: Vec::new(),
                });
                self.walk(body, false);
                self.close_scope();
            }
            Kind::Transform {
                pattern,
                update,
                delete,
            } => {
                self.walk(pattern, false);
                self.walk(update, false);
                if let Some(delete) = delete {
                    self.walk(delete, false);
                }
            }
            Kind::Chain { head, ops } => self.chain(head, ops, top),
        }
    }

    /// Handles a variable reference node.
    fn variable(&mut self, name: &str, offset: usize, top: bool) {
        if name.starts_with('$') {
            self.unsupported(offset, UnsupportedKind::DoubleDollar);
        } else if name.is_empty() {
            if top {
                self.unsupported(offset, UnsupportedKind::TopLevelContext);
            }
        } else if name != "states" {
            self.reference(name, offset);
        }
    }

    /// Walks the entries of an object constructor or group-by.
    fn pairs(&mut self, pairs: &[(Node, Node)], top: bool) {
        for (key, value) in pairs {
            self.walk(key, top);
            self.walk(value, top);
        }
    }

    /// Walks a chain: the head, then each operation in order.
    fn chain(&mut self, head: &Node, ops: &[Op], top: bool) {
        match (&head.kind, ops.first().map(|op| &op.kind)) {
            // `$x := …`: the head is being bound, not read
            (Kind::Variable(_), Some(OpKind::Bind(_))) => {}
            // `"name".step`: JSONata turns a leading string step into a name
            (Kind::Str(name), Some(OpKind::Step(_))) => {
                if top {
                    self.unsupported(head.offset, UnsupportedKind::TopLevelField(name.clone()));
                }
            }
            _ => self.walk(head, top),
        }
        // offset of the previous path step if it is exactly `$states`
        let mut states_step = states_offset(head);
        for op in ops {
            match &op.kind {
                OpKind::Step(step) => {
                    if let (Some(offset), Some(field)) = (states_step, step_name(step)) {
                        self.states_fields.push((field.to_string(), offset));
                    }
                    states_step = states_offset(step);
                    self.walk(step, false);
                    continue;
                }
                OpKind::Filter(predicate) => self.walk(predicate, false),
                OpKind::KeepArray => {}
                OpKind::Group(pairs) => self.pairs(pairs, false),
                OpKind::Sort(terms) => {
                    for term in terms {
                        self.walk(&term.expr, false);
                    }
                }
                OpKind::Call(args) => {
                    for arg in args {
                        if let Arg::Expr(n) = arg {
                            self.walk(n, top);
                        }
                    }
                }
                OpKind::Focus(name) | OpKind::Index(name) => self.bind(name),
                OpKind::Binary(_, rhs) => self.walk(rhs, top),
                OpKind::Bind(rhs) => {
                    self.walk(rhs, top);
                    if let Some(name) = head.as_variable() {
                        self.bind(name);
                    }
                }
                OpKind::Condition(then, otherwise) => {
                    self.walk(then, top);
                    if let Some(otherwise) = otherwise {
                        self.walk(otherwise, top);
                    }
                }
            }
            states_step = None;
        }
    }
}

/// The offset of `node` if it is exactly the variable `$states`.
fn states_offset(node: &Node) -> Option<usize> {
    (node.as_variable() == Some("states")).then_some(node.offset)
}

/// The field name a path step starts with (`input` in `.input`, `.input[0]`,
/// `."input"`, `` .`input` ``).
fn step_name(step: &Node) -> Option<&str> {
    match &step.kind {
        Kind::Name(name) | Kind::Str(name) => Some(name),
        Kind::Chain { head, .. } => match &head.kind {
            Kind::Name(name) | Kind::Str(name) => Some(name),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::jsonata::parse;

    fn analysis(src: &str) -> Analysis {
        analyze(&parse(src).unwrap_or_else(|e| panic!("{src:?}: {e}")))
    }

    fn kinds(src: &str) -> Vec<UnsupportedKind> {
        analysis(src)
            .unsupported
            .into_iter()
            .map(|u| u.kind)
            .collect()
    }

    fn field(name: &str) -> UnsupportedKind {
        UnsupportedKind::TopLevelField(name.to_string())
    }

    fn vars(src: &str) -> Vec<String> {
        analysis(src)
            .variables
            .into_iter()
            .map(|(v, _)| v)
            .collect()
    }

    fn fields(src: &str) -> Vec<(String, usize)> {
        analysis(src).states_fields
    }

    #[test]
    fn top_level_fields() {
        assert_eq!(kinds("phone"), vec![field("phone")]);
        assert_eq!(kinds("states.input.x"), vec![field("states")]);
        assert_eq!(kinds("$count(items)"), vec![field("items")]);
        assert_eq!(kinds("a + b.c"), vec![field("a"), field("b")]);
        assert_eq!(kinds("(a).b"), vec![field("a")]);
        assert_eq!(kinds("{'k': v, w: 1}"), vec![field("v"), field("w")]);
        assert_eq!(kinds("[x, 1..y]"), vec![field("x"), field("y")]);
        assert_eq!(kinds("c ? t : e"), vec![field("c"), field("t"), field("e")]);
        assert_eq!(kinds("-n"), vec![field("n")]);
        assert_eq!(kinds("\"quoted\".x"), vec![field("quoted")]);
        assert_eq!(kinds("`a b`"), vec![field("a b")]);
        assert_eq!(kinds("and"), vec![field("and")]);
        assert_eq!(kinds("$x ~> f"), vec![field("f")]);
        let found = analysis("1 + phone");
        assert_eq!(
            found.unsupported,
            vec![Unsupported {
                offset: 4,
                kind: field("phone")
            }]
        );
    }

    #[test]
    fn context_and_double_dollar() {
        assert_eq!(kinds("$"), vec![UnsupportedKind::TopLevelContext]);
        assert_eq!(kinds("$.x"), vec![UnsupportedKind::TopLevelContext]);
        assert_eq!(kinds("$count($)"), vec![UnsupportedKind::TopLevelContext]);
        assert_eq!(kinds("$$"), vec![UnsupportedKind::DoubleDollar]);
        assert_eq!(kinds("$$.x"), vec![UnsupportedKind::DoubleDollar]);
        assert_eq!(
            kinds("$states.input[$$.a = 1]"),
            vec![UnsupportedKind::DoubleDollar]
        );
        assert_eq!(
            kinds("$map([1], function($v){ $$ })"),
            vec![UnsupportedKind::DoubleDollar]
        );
        assert_eq!(
            analysis("1 + $$").unsupported,
            vec![Unsupported {
                offset: 4,
                kind: UnsupportedKind::DoubleDollar
            }]
        );
    }

    #[test]
    fn nothing_unsupported_below_the_top() {
        for src in [
            "$states.input.items[price > 5]",
            "$states.input.(a + b)",
            "$map($states.input.xs, function($v){ $v.a + b })",
            "($x := 5; $x + 1)",
            "$states.input.items[$ > 1]",
            "$states.input.items^(price, >$.qty)",
            "$states.input.items{name: $sum(price)}",
            "$states.input{k: v}",
            "$states.input.{ 'x': name }",
            "$states.input.[a, b]",
            "$states.input ~> | a | {'b': c}, ['d'] |",
            "$states.input.a.$",
            "$states.input.a.*",
            "*",
            "**",
            "$states.input.items#$i[$i < 2].name",
            "function($x){ y }",
            "'literal'",
            "42",
            "$states",
            "$states.input.items[0]",
            "$exists($states.input.a) ? $states.input.a : {}",
        ] {
            assert_eq!(kinds(src), vec![], "{src}");
        }
    }

    #[test]
    fn states_fields_everywhere() {
        assert_eq!(fields("$states.input.a"), vec![("input".to_string(), 0)]);
        assert_eq!(
            fields("$states.context.Execution.Id & $states.result"),
            vec![("context".to_string(), 0), ("result".to_string(), 31)]
        );
        assert_eq!(
            fields("$map(xs, function($v){ $filter($v, function($w){ $w = $states.result.x }) })"),
            vec![("result".to_string(), 54)]
        );
        assert_eq!(
            fields("$states.input.items[id = $states.errorOutput.Error]"),
            vec![("input".to_string(), 0), ("errorOutput".to_string(), 25)]
        );
        assert_eq!(fields("$states.`weird`"), vec![("weird".to_string(), 0)]);
        assert_eq!(
            fields("$states.\"input\"[0]"),
            vec![("input".to_string(), 0)]
        );
        assert_eq!(fields("a.$states.result"), vec![("result".to_string(), 2)]);
        assert_eq!(fields("$states"), vec![]);
        assert_eq!(fields("$states.*"), vec![]);
        assert_eq!(fields("$other.input"), vec![]);
    }

    #[test]
    fn free_variables() {
        assert_eq!(vars("$a + $b"), vec!["a", "b"]);
        assert_eq!(
            analysis("$a + $bb").variables,
            vec![("a".to_string(), 0), ("bb".to_string(), 5)]
        );
        assert_eq!(vars("$states.input.x"), Vec::<String>::new());
        assert_eq!(vars("$ + $$"), Vec::<String>::new());
        assert_eq!(vars("$count(x)"), vec!["count"]);
        assert_eq!(vars("($x := 5; $x + 1)"), Vec::<String>::new());
        assert_eq!(vars("($x := 5; $x + $y)"), vec!["y"]);
        assert_eq!(vars("($x := $x + 1)"), vec!["x"]);
        assert_eq!(vars("(($x := 1); $x)"), vec!["x"]);
        assert_eq!(vars("[($x := 1), $x]"), vec!["x"]);
        assert_eq!(vars("function($a, $b){ $a + $b + $c }"), vec!["c"]);
        assert_eq!(vars("(function($a){ $a }; $a)"), vec!["a"]);
        assert_eq!(vars("a@$v.b[$v.id = $w]"), vec!["w"]);
        assert_eq!(vars("a#$i[$i > 1]"), Vec::<String>::new());
    }

    #[test]
    fn lambda_sees_later_and_recursive_bindings() {
        assert_eq!(
            vars("($f := function($n){ $n < 2 ? 1 : $n * $f($n - 1) }; $f(5))"),
            Vec::<String>::new()
        );
        assert_eq!(
            vars("($g := function(){ $h() }; $h := function(){ $k }; $g())"),
            vec!["k"]
        );
        assert_eq!(
            vars("($x := 1; $map(xs, function($v){ ($y := $v; $y + $x + $z) }))"),
            vec!["map", "z"]
        );
        // a binding in an inner block does not leak out of it
        assert_eq!(vars("(($x := 1); function(){ $x })"), vec!["x"]);
    }

    #[test]
    fn everything_in_source_order() {
        let found = analysis("$f(function(){ $late }, $early, b, $states.result)");
        assert_eq!(
            found.variables,
            vec![
                ("f".to_string(), 0),
                ("late".to_string(), 15),
                ("early".to_string(), 24)
            ]
        );
        assert_eq!(
            found.unsupported,
            vec![Unsupported {
                offset: 32,
                kind: field("b")
            }]
        );
    }
}
