//! Calls and arrays: the arguments on one line, one per line, filled (short
//! literals), or with the last one overflowing after the opening bracket.

use super::{
    first_line, last_line, newline, Expr, Layout, LayoutMode, Shape, LIST_WIDTH, SHORT_ITEM, TAB,
};

/// The brackets around a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Delimiters {
    /// `callee(args)`
    Parens,
    /// `[items]`
    Brackets,
}

/// How the items of a list are placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tactic {
    Horizontal,
    Vertical,
    /// As many short items per line as fit.
    Mixed,
}

/// Whether rustfmt counts `expr` as simple: a literal or a one-segment path.
fn is_simple(expr: &Expr) -> bool {
    match expr {
        Expr::Lit(_) => true,
        Expr::Path(path) => !path.contains("::"),
        _ => false,
    }
}

/// Whether the last of `count` arguments may start on the line of the
/// opening bracket and continue below it.
fn can_overflow(expr: &Expr, count: usize) -> bool {
    match expr {
        Expr::Call(..) | Expr::Chain(..) | Expr::Array(_) => count == 1,
        Expr::Lit(_) | Expr::Path(_) => false,
    }
}

/// Whether the lines of `items` (`None` where one has no layout) fit on
/// one line within `limit`.
fn horizontal_fits(items: &[Option<String>], limit: usize) -> bool {
    let total: usize = items
        .iter()
        .map(|i| i.as_deref().map_or(0, str::len))
        .sum::<usize>()
        + 2 * items.len().saturating_sub(1);
    total <= limit && !items.iter().flatten().any(|i| i.contains('\n'))
}

impl Layout {
    /// `ident(items)` (or `[items]` with an empty `ident`) in `shape`.
    pub(super) fn call(
        &mut self,
        ident: &str,
        items: &[Expr],
        shape: Shape,
        cx: LayoutMode,
        delimiters: Delimiters,
    ) -> Option<String> {
        let used = ident.len();
        let one_line_width = shape.width.saturating_sub(used + 2);
        let one_line_shape = shape
            .offset_left(used + 1)
            .and_then(|s| s.sub_width(1))
            .unwrap_or(Shape { width: 0, ..shape });
        let nested = Shape::indented(shape.indent + TAB);
        let nested = Shape {
            width: nested.width.saturating_sub(1),
            ..nested
        };

        let mut list: Vec<Option<String>> = items
            .iter()
            .map(|item| self.rewrite(item, nested, cx))
            .collect();
        let tactic = self.overflow_last(
            ident,
            items,
            &mut list,
            one_line_shape,
            nested,
            one_line_width,
            cx,
        );
        let items_str = write_list(&list, tactic, nested)?;

        let (open, close) = match delimiters {
            Delimiters::Parens => ("(", ")"),
            Delimiters::Brackets => ("[", "]"),
        };
        let width = shape.width.saturating_sub(last_line(ident).len());
        let extend_width = if items_str.is_empty() {
            2
        } else {
            first_line(&items_str).len() + 1
        };
        let mut out = String::with_capacity(ident.len() + items_str.len() + 2 * shape.indent + 8);
        out.push_str(ident);
        out.push_str(open);
        if tactic == Tactic::Horizontal && extend_width <= width {
            out.push_str(&items_str);
        } else {
            if !items_str.is_empty() {
                out.push_str(&newline(nested.indent));
                out.push_str(&items_str);
            }
            out.push_str(&newline(shape.indent));
        }
        out.push_str(close);
        Some(out)
    }

    /// rustfmt's choice of tactic, trying first to let the last item
    /// overflow; `list` gets the layout of the last item that goes with it.
    #[allow(clippy::too_many_arguments)]
    fn overflow_last(
        &mut self,
        ident: &str,
        items: &[Expr],
        list: &mut [Option<String>],
        one_line_shape: Shape,
        nested: Shape,
        one_line_width: usize,
        cx: LayoutMode,
    ) -> Tactic {
        let Some((last, before)) = items.split_last() else {
            return Tactic::Horizontal;
        };
        let n = items.len();
        let combine_with_callee = n == 1 && ident.len() < TAB;
        let overflow = combine_with_callee || can_overflow(last, n);
        let placeholder = if overflow {
            let inner = LayoutMode {
                one_line_chain: cx.one_line_chain
                    || (!combine_with_callee && matches!(last, Expr::Chain(..))),
                ..cx
            };
            let shape = if n == 1 && !matches!(last, Expr::Call(..)) {
                Some(one_line_shape)
            } else {
                let offset: usize = list[..n - 1]
                    .iter()
                    .map(|i| 2 + i.as_deref().map_or(0, str::len))
                    .sum();
                Shape {
                    width: LIST_WIDTH.min(one_line_shape.width),
                    ..one_line_shape
                }
                .offset_left(offset)
            };
            let laid = shape.and_then(|shape| self.rewrite(last, shape, inner));
            if let Some(laid) = &laid {
                list[n - 1] = Some(first_line(laid).to_owned());
            }
            laid
        } else {
            None
        };
        let limit = one_line_width.min(LIST_WIDTH);
        let mut tactic = if horizontal_fits(list, limit) {
            Tactic::Horizontal
        } else {
            Tactic::Vertical
        };
        match (overflow, tactic, placeholder) {
            (true, Tactic::Horizontal, Some(overflowed)) if n == 1 => {
                let again = (overflowed.matches('\n').count() == 1)
                    .then(|| self.rewrite(last, nested, cx))
                    .flatten()
                    .filter(|s| !s.contains('\n'));
                list[0] = Some(again.unwrap_or(overflowed));
            }
            (true, Tactic::Horizontal, Some(overflowed)) => list[n - 1] = Some(overflowed),
            _ => {
                list[n - 1] = self.rewrite(last, nested, cx);
                let single = list[n - 1].as_deref().unwrap_or("");
                if n == 1
                    && one_line_width != 0
                    && !single.contains('\n')
                    && single.len() <= one_line_width
                {
                    tactic = Tactic::Horizontal;
                } else {
                    tactic = if horizontal_fits(list, limit) {
                        Tactic::Horizontal
                    } else {
                        Tactic::Vertical
                    };
                    let short = list
                        .iter()
                        .all(|i| i.as_deref().map_or(0, str::len) <= SHORT_ITEM);
                    if tactic == Tactic::Vertical
                        && before.iter().chain([last]).all(is_simple)
                        && short
                    {
                        tactic = Tactic::Mixed;
                    }
                }
            }
        }
        tactic
    }
}

/// The items joined as `tactic` says, each line of a vertical or mixed list
/// starting at `shape`'s indentation, with a trailing comma when vertical.
fn write_list(list: &[Option<String>], tactic: Tactic, shape: Shape) -> Option<String> {
    let indent = newline(shape.indent);
    let mut out = String::new();
    let mut line_len = 0;
    // A mixed list that wrapped ends with a comma too.
    let mut wrapped = false;
    let count = list.len();
    for (i, item) in list.iter().enumerate() {
        let item = item.as_deref()?;
        let first = i == 0;
        let last = i + 1 == count;
        let mut separate = !last || tactic == Tactic::Vertical || wrapped;
        match tactic {
            Tactic::Horizontal if !first => out.push(' '),
            Tactic::Horizontal => {}
            Tactic::Vertical => {
                if !first && !item.is_empty() && !out.is_empty() {
                    out.push_str(&indent);
                }
            }
            Tactic::Mixed => {
                let total = item.len() + usize::from(separate);
                if line_len > 0 && line_len + 1 + total > shape.width {
                    out.push_str(&indent);
                    line_len = 0;
                    wrapped = true;
                } else if line_len > 0 {
                    out.push(' ');
                    line_len += 1;
                }
                if last {
                    separate = true;
                }
                line_len += total;
            }
        }
        out.push_str(item);
        if separate {
            out.push(',');
        }
    }
    Some(out)
}
