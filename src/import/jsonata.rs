//! JSONata expressions (`{% ... %}`) as the builder takes them.

use crate::builder::Jsonata;

use super::code::Expr;
use super::cx::FnCx;
use super::literal;

/// The expression of `{% expression %}` when `Jsonata::new(expression)`
/// (and `Condition::jsonata(expression)`) write `text` back exactly.
pub(crate) fn inner_expression(text: &str) -> Option<&str> {
    let inner = text.strip_prefix("{% ")?.strip_suffix(" %}")?;
    (!inner.is_empty() && inner.trim() == inner && Jsonata::new(inner).as_str() == text)
        .then_some(inner)
}

/// `Jsonata::new(...)` giving `text`: the expression alone when that is
/// exact, else the whole text (kept as written when it is already wrapped
/// in `{% %}`).
pub(crate) fn jsonata(cx: &mut FnCx<'_>, text: &str) -> Expr {
    let arg = match inner_expression(text) {
        Some(inner) => inner,
        None => {
            if Jsonata::new(text).as_str() != text {
                cx.note(format!(
                    "{} is not a `{{% ... %}}` expression: `Jsonata::new` writes it as one",
                    literal::string(text)
                ));
            }
            text
        }
    };
    Expr::call("Jsonata::new", vec![Expr::str(arg)])
}
