//! The setters several state types share, each written only when the
//! definition has the field: `Comment`, `QueryLanguage`, the JSONPath paths,
//! payloads, `Retry` and `Catch`.

use crate::builder::Retry;
use crate::model::{Catcher, Json, JsonObject, QueryLanguage, Resource, Retrier};

use super::code::Expr;
use super::cx::FnCx;
use super::json::{self, Place};
use super::literal::{self, NumberLiteral};

/// `.name(arg)` after `expr`.
pub(crate) fn set(expr: Expr, name: &str, arg: Expr) -> Expr {
    expr.method(name, vec![arg])
}

/// `.comment("...")` when there is a comment.
pub(crate) fn comment(expr: Expr, comment: Option<&str>) -> Expr {
    match comment {
        Some(c) => set(expr, "comment", Expr::str(c)),
        None => expr,
    }
}

/// `.query_language(QueryLanguage::...)` when the state sets one.
pub(crate) fn query_language(expr: Expr, language: Option<QueryLanguage>) -> Expr {
    match language {
        Some(QueryLanguage::JsonPath) => set(
            expr,
            "query_language",
            Expr::path("QueryLanguage::JsonPath"),
        ),
        Some(QueryLanguage::Jsonata) => {
            set(expr, "query_language", Expr::path("QueryLanguage::Jsonata"))
        }
        None => expr,
    }
}

/// A path field (`InputPath`, `ResultPath`, `OutputPath`): the path, or
/// `Discard` for an explicit `null`.
pub(crate) fn path(expr: Expr, setter: &str, path: Option<&Option<String>>) -> Expr {
    match path {
        Some(Some(p)) => set(expr, setter, Expr::str(p)),
        Some(None) => set(expr, setter, Expr::path("Discard")),
        None => expr,
    }
}

/// A field holding any JSON (`Parameters`, `Arguments`, `Output`, ...).
pub(crate) fn json(cx: &mut FnCx<'_>, expr: Expr, setter: &str, value: Option<&Json>) -> Expr {
    match value {
        Some(v) => {
            let arg = json::value(cx, v, Place::Json);
            set(expr, setter, arg)
        }
        None => expr,
    }
}

/// A field holding an object (`Assign`, `ResultSelector`, `Credentials`).
pub(crate) fn object(
    cx: &mut FnCx<'_>,
    expr: Expr,
    setter: &str,
    value: Option<&JsonObject>,
) -> Expr {
    match value {
        Some(o) => {
            let arg = json::value(cx, &Json::Object(o.clone()), Place::Json);
            set(expr, setter, arg)
        }
        None => expr,
    }
}

/// A whole number of seconds or a count, as a literal of any size.
pub(crate) fn count(n: u64) -> Expr {
    if n <= i32::MAX as u64 {
        Expr::Lit(n.to_string())
    } else {
        Expr::Lit(format!("{n}u64"))
    }
}

/// `ErrorEquals`: `["a", "b"]`.
fn errors(names: &[String]) -> Expr {
    if names.is_empty() {
        return Expr::call("Vec::<String>::new", Vec::new());
    }
    Expr::Array(names.iter().map(|n| Expr::str(n)).collect())
}

/// One retrier: `Retry::all()`, `Retry::lambda_service_errors()` or
/// `Retry::on([...])`, then its settings.
pub(crate) fn retry(cx: &mut FnCx<'_>, retrier: &Retrier) -> Expr {
    if *retrier == Retry::lambda_service_errors().inner {
        return Expr::call("Retry::lambda_service_errors", Vec::new());
    }
    let mut e = if retrier.error_equals == ["States.ALL"] {
        Expr::call("Retry::all", Vec::new())
    } else {
        Expr::call("Retry::on", vec![errors(&retrier.error_equals)])
    };
    e = comment(e, retrier.comment.as_deref());
    if let Some(n) = retrier.interval_seconds {
        e = set(e, "interval_seconds", count(n));
    }
    if let Some(n) = retrier.max_attempts {
        e = set(e, "max_attempts", count(n));
    }
    if let Some(rate) = &retrier.backoff_rate {
        let lit = match literal::number(rate) {
            NumberLiteral::Exact(text) => text,
            NumberLiteral::Text(text) => {
                cx.note(format!(
                    "the backoff rate {text} has more digits than a double keeps: written as {}",
                    literal::nearest_float(rate)
                ));
                literal::nearest_float(rate)
            }
        };
        e = set(e, "backoff_rate", Expr::Lit(lit));
    }
    if let Some(n) = retrier.max_delay_seconds {
        e = set(e, "max_delay_seconds", count(n));
    }
    if let Some(jitter) = retrier.jitter_strategy {
        cx.file.uses("stepfn::builder::JitterStrategy");
        let variant = match jitter {
            crate::model::JitterStrategy::Full => "JitterStrategy::Full",
            crate::model::JitterStrategy::None => "JitterStrategy::None",
        };
        e = set(e, "jitter_strategy", Expr::path(variant));
    }
    e
}

/// `.retry(...)` for each retrier; `.retries([])` for an empty `Retry`.
pub(crate) fn retries(cx: &mut FnCx<'_>, mut expr: Expr, retriers: Option<&[Retrier]>) -> Expr {
    let Some(retriers) = retriers else {
        return expr;
    };
    if retriers.is_empty() {
        return set(expr, "retries", Expr::Array(Vec::new()));
    }
    for retrier in retriers {
        let r = retry(cx, retrier);
        expr = set(expr, "retry", r);
    }
    expr
}

/// `.catch(Catch::..., Goto::new("handler"))` for each catcher;
/// `.catches([])` for an empty `Catch`.
pub(crate) fn catchers(cx: &mut FnCx<'_>, mut expr: Expr, catchers: Option<&[Catcher]>) -> Expr {
    let Some(catchers) = catchers else {
        return expr;
    };
    if catchers.is_empty() {
        return set(expr, "catches", Expr::Array(Vec::new()));
    }
    for catcher in catchers {
        let mut c = if catcher.error_equals == ["States.ALL"] {
            Expr::call("Catch::all", Vec::new())
        } else {
            Expr::call("Catch::on", vec![errors(&catcher.error_equals)])
        };
        c = comment(c, catcher.comment.as_deref());
        c = path(c, "result_path", catcher.result_path.as_ref());
        c = json(cx, c, "output", catcher.output.as_ref());
        c = object(cx, c, "assign", catcher.assign.as_ref());
        expr = expr.method("catch", vec![c, goto(&catcher.next)]);
    }
    expr
}

/// `Goto::new("name")`: a transition to a state written elsewhere.
pub(crate) fn goto(name: &str) -> Expr {
    Expr::call("Goto::new", vec![Expr::str(name)])
}

/// A `Resource`: its ARN, or a template object (`{"Fn::GetAtt": ...}`) as
/// `Resource::Template(...)`.
pub(crate) fn resource(cx: &mut FnCx<'_>, resource: &Resource) -> Expr {
    match resource {
        Resource::Uri(uri) => Expr::str(uri),
        Resource::Template(object) => {
            cx.file.uses("stepfn::model::Resource");
            let object = json::value(cx, &Json::Object(object.clone()), Place::Value);
            Expr::call(
                "Resource::Template",
                vec![object.method("into_object", Vec::new())],
            )
        }
    }
}
