//! Method chains: `root.a(..).b(..)` on one line, or one call per line
//! below the root, the last call possibly overflowing.

use super::super::code::Link;
use super::{
    first_line, last_line, last_line_extendable, Expr, Layout, LayoutMode, Shape, CHAIN_WIDTH, TAB,
};

/// Whether rustfmt counts the root's layout as ending in a block (a
/// multi-line call or array), after which the calls start at the same
/// indentation instead of one level deeper.
fn ends_with_block(root: &Expr, laid: &str) -> bool {
    match root {
        Expr::Call(..) | Expr::Array(_) | Expr::Chain(..) => laid.contains('\n'),
        Expr::Lit(_) => laid.contains('\n') && last_line(laid).trim().len() <= TAB,
        Expr::Path(_) => false,
    }
}

impl Layout {
    /// `.method(args)` in `shape`.
    fn link(&mut self, link: &Link, shape: Shape, cx: LayoutMode) -> Option<String> {
        let ident = format!(".{}", link.method);
        self.call(
            &ident,
            &link.args,
            shape,
            cx,
            super::list::Delimiters::Parens,
        )
    }

    /// The method chain `root.links...` in `shape`.
    pub(super) fn chain(
        &mut self,
        root: &Expr,
        links: &[Link],
        shape: Shape,
        cx: LayoutMode,
    ) -> Option<String> {
        let link_count = links.len();

        // The root, with the first calls when it is shorter than an indent.
        let mut first = self.rewrite(root, shape, cx)?;
        let mut block_end = ends_with_block(root, &first);
        let tab_width = TAB.saturating_sub(shape.offset);
        let mut start = 0;
        while first.len() <= tab_width && !first.contains('\n') {
            let Some(link) = links.get(start) else { break };
            let link_shape = shape.offset_left(first.len())?;
            match self.link(link, link_shape, cx) {
                Some(laid) => first.push_str(&laid),
                None => break,
            }
            block_end = last_line_extendable(&first);
            start += 1;
            if start == links.len() {
                break;
            }
        }
        let rest = links.get(start..).unwrap_or_default();
        let Some((last, middle)) = rest.split_last() else {
            return super::fits(&first, shape).then_some(first);
        };

        let child = if block_end {
            shape.block_indent(0)
        } else {
            shape.block_indent(TAB)
        }
        .with_max_width();
        let mut laid = vec![first];
        for link in middle {
            laid.push(self.link(link, child, cx)?);
        }

        // The last call: on the line of the others when they all fit there.
        let extendable = last_line_extendable(&laid[0]);
        let almost_total = if extendable {
            last_line(&laid[0]).len()
        } else {
            laid.iter().map(String::len).sum()
        };
        let budget = if link_count == 1 {
            shape.width
        } else {
            shape.width.min(CHAIN_WIDTH)
        }
        .saturating_sub(almost_total);
        let all_in_one_line = laid.iter().all(|s| !s.contains('\n')) && budget > 0;
        let last_shape = if all_in_one_line {
            shape
        } else if extendable {
            child
        } else {
            child.sub_width(shape.rhs_overhead())?
        };
        let mut fits_one_line = false;
        let mut last_laid = None;
        if all_in_one_line || extendable {
            if let Some(one_line_shape) = last_shape.offset_left(almost_total) {
                if let Some(overflowed) = self.link(last, one_line_shape, cx) {
                    let lines = overflowed.split('\n').count();
                    let could_fit = first_line(&overflowed).len() <= budget;
                    if could_fit && lines >= 5 {
                        last_laid = Some(overflowed);
                        fits_one_line = all_in_one_line;
                    } else {
                        let own_line = child.sub_width(shape.rhs_overhead())?;
                        match self.link(last, own_line, cx) {
                            Some(own) if !could_fit => last_laid = Some(own),
                            Some(own) if own.split('\n').count() >= lines => {
                                last_laid = Some(overflowed);
                                fits_one_line = could_fit && all_in_one_line;
                            }
                            Some(own) => last_laid = Some(own),
                            None => {
                                last_laid = Some(overflowed);
                                fits_one_line = could_fit && all_in_one_line;
                            }
                        }
                    }
                }
            }
        }
        // rustfmt lays the last call out in `last_shape` in any case, and
        // gives up on the chain when that fails.
        let plain = self.link(last, last_shape, cx)?;
        laid.push(last_laid.unwrap_or(plain));

        let joined = if fits_one_line {
            laid.concat()
        } else {
            if cx.one_line_chain {
                return None;
            }
            laid.join(&child.newline())
        };
        super::fits(&joined, shape).then_some(joined)
    }
}
