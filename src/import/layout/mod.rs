//! Lays out generated expressions exactly as rustfmt (style edition 2021,
//! default configuration) does, so the generated file passes
//! `rustfmt --check` without running rustfmt.
//!
//! This follows rustfmt's own decisions for the few kinds of expression
//! generated code holds (see [`Expr`]): a call's arguments on one line or
//! one per line (or filled, for short literals), the last argument
//! "overflowing" after the opening parenthesis, a method chain on one line
//! or one call per line, and a `let`'s value on the same line or the next.
//! Each decision tries the same alternatives, in the same order, with the
//! same widths (`max_width` 100, `fn_call_width`, `array_width` and
//! `chain_width` 60, `short_array_element_width_threshold` 10).
//!
//! Where rustfmt cannot fit a statement (a string literal longer than the
//! line), it keeps the statement as written; so does this layout, which then
//! writes the statement as if such literals fitted.
//!
//! Literals are ASCII (see `literal`), so a string's width is its length.
//! Results are remembered per expression and shape: rustfmt tries several
//! layouts of each argument, and without this nested payloads would cost
//! time exponential in their depth.

mod chain;
mod list;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::code::Expr;

/// `max_width`.
const MAX_WIDTH: usize = 100;
/// `tab_spaces`.
const TAB: usize = 4;
/// `fn_call_width` and `array_width`: the most the arguments of a call (or
/// the items of an array) may take on one line.
const LIST_WIDTH: usize = 60;
/// `chain_width`: the most a method chain may take on one line.
const CHAIN_WIDTH: usize = 60;
/// `short_array_element_width_threshold`: items at most this long may be
/// filled several to a line.
const SHORT_ITEM: usize = 10;

/// Where an expression is written: how much of the line is left (`width`),
/// the block indentation of the lines after the first (`indent`) and how far
/// past it the first line starts (`offset`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Shape {
    width: usize,
    indent: usize,
    offset: usize,
}

impl Shape {
    /// A whole line at `indent`.
    fn indented(indent: usize) -> Shape {
        Shape {
            width: MAX_WIDTH.saturating_sub(indent),
            indent,
            offset: 0,
        }
    }

    /// The same width, `delta` more indentation, starting at the indentation.
    fn block_indent(self, delta: usize) -> Shape {
        Shape {
            width: self.width,
            indent: self.indent + delta,
            offset: 0,
        }
    }

    /// The whole line after the indentation.
    fn with_max_width(self) -> Shape {
        Shape {
            width: MAX_WIDTH.saturating_sub(self.indent),
            ..self
        }
    }

    /// `delta` columns further right.
    fn offset_left(self, delta: usize) -> Option<Shape> {
        Some(Shape {
            width: self.width.checked_sub(delta)?,
            offset: self.offset + delta,
            ..self
        })
    }

    /// `delta` columns narrower.
    fn sub_width(self, delta: usize) -> Option<Shape> {
        Some(Shape {
            width: self.width.checked_sub(delta)?,
            ..self
        })
    }

    fn used_width(self) -> usize {
        self.indent + self.offset
    }

    /// What the enclosing expression writes after this one on its line.
    fn rhs_overhead(self) -> usize {
        MAX_WIDTH.saturating_sub(self.used_width() + self.width)
    }

    /// A line break to this shape's first column.
    fn newline(self) -> String {
        newline(self.indent + self.offset)
    }
}

fn newline(indent: usize) -> String {
    let mut s = String::with_capacity(indent + 1);
    s.push('\n');
    s.extend(std::iter::repeat_n(' ', indent));
    s
}

fn first_line(s: &str) -> &str {
    s.split('\n').next().unwrap_or("")
}

fn last_line(s: &str) -> &str {
    s.rsplit('\n').next().unwrap_or("")
}

/// Whether `s` fits `shape`: its first line in the width, the others in the
/// line, the last leaving room for what follows it.
fn fits(s: &str, shape: Shape) -> bool {
    if s.is_empty() {
        return true;
    }
    if first_line(s).len() > shape.width {
        return false;
    }
    if !s.contains('\n') {
        return true;
    }
    if s.split('\n').skip(1).any(|line| line.len() > MAX_WIDTH) {
        return false;
    }
    last_line(s).len() <= shape.used_width() + shape.width
}

/// Whether the last line of `s` holds only closing brackets, so what
/// follows can go on it.
fn last_line_extendable(s: &str) -> bool {
    if s.ends_with("\"#") {
        return true;
    }
    for c in s.chars().rev() {
        match c {
            '(' | ')' | ']' | '}' | '?' | '>' => {}
            '\n' => break,
            c if c.is_whitespace() => {}
            _ => return false,
        }
    }
    true
}

/// The state rustfmt carries down while rewriting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct LayoutMode {
    /// A method chain must fit on one line (while rustfmt tries a chain as
    /// the overflowing last argument of a call).
    one_line_chain: bool,
    /// Literals always fit: used to write a statement rustfmt leaves as
    /// written because something in it cannot fit.
    lenient: bool,
}

/// Lays out statements; remembers the layouts of sub-expressions.
#[derive(Default)]
pub(crate) struct Layout {
    memo: HashMap<(usize, Shape, LayoutMode), Option<String>, BuildHasherDefault<KeyHasher>>,
}

/// A fast hash for the memo's keys (an address and a few small numbers,
/// made here, not chosen by anyone): multiply and rotate per word.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, word: usize) {
        self.write_u64(word as u64);
    }

    fn write_u8(&mut self, byte: u8) {
        self.write_u64(u64::from(byte));
    }
}

impl Layout {
    /// `let name = value;` indented by `indent`, as rustfmt writes it.
    pub(crate) fn let_statement(&mut self, name: &str, value: &Expr, indent: usize) -> String {
        let lhs = format!("let {name} =");
        let laid = [false, true].into_iter().find_map(|lenient| {
            let cx = LayoutMode {
                one_line_chain: false,
                lenient,
            };
            let shape = Shape::indented(indent).sub_width(1)?;
            self.assign_rhs(&lhs, value, shape, cx)
        });
        let rhs = laid.unwrap_or_else(|| format!(" {}", one_line(value)));
        self.memo.clear();
        format!("{lhs}{rhs};")
    }

    /// An expression ending a block (no semicolon), indented by `indent`.
    pub(crate) fn tail_expression(&mut self, value: &Expr, indent: usize) -> String {
        let laid = [false, true].into_iter().find_map(|lenient| {
            let cx = LayoutMode {
                one_line_chain: false,
                lenient,
            };
            self.rewrite(value, Shape::indented(indent), cx)
        });
        self.memo.clear();
        laid.unwrap_or_else(|| one_line(value))
    }

    /// The value of an assignment after `lhs` (`let x =`): on the same line,
    /// or on the next one, indented, when that reads better.
    fn assign_rhs(
        &mut self,
        lhs: &str,
        value: &Expr,
        shape: Shape,
        cx: LayoutMode,
    ) -> Option<String> {
        let lhs_width = last_line(lhs).len();
        let orig_shape = shape.offset_left(lhs_width + 1).unwrap_or(Shape {
            width: 0,
            offset: shape.offset + lhs_width + 1,
            ..shape
        });
        let orig = self.rewrite(value, orig_shape, cx);
        if let Some(s) = &orig {
            if s.is_empty() {
                return Some(String::new());
            }
            if !s.contains('\n') && s.len() <= orig_shape.width {
                return Some(format!(" {s}"));
            }
        }
        let next_shape =
            Shape::indented(orig_shape.indent + TAB).sub_width(orig_shape.rhs_overhead())?;
        let next = self.rewrite(value, next_shape, cx);
        let next_indent = newline(orig_shape.indent + TAB);
        match (orig, next) {
            (Some(orig), Some(next)) if !fits(&next, next_shape) => Some(format!(" {orig}")),
            (Some(orig), Some(next)) if prefer_next_line(&orig, &next) => {
                Some(format!("{next_indent}{next}"))
            }
            (None, Some(next)) => Some(format!("{next_indent}{next}")),
            (None, None) => None,
            (Some(orig), _) => Some(format!(" {orig}")),
        }
    }

    /// `value` laid out in `shape`, or `None` where rustfmt finds no layout.
    fn rewrite(&mut self, value: &Expr, shape: Shape, cx: LayoutMode) -> Option<String> {
        match value {
            Expr::Lit(text) => {
                return (cx.lenient || text.len() <= shape.width).then(|| text.clone())
            }
            Expr::Path(path) => return path_fits(path, shape).then(|| path.clone()),
            _ => {}
        }
        let key = (std::ptr::from_ref(value) as usize, shape, cx);
        if let Some(known) = self.memo.get(&key) {
            return known.clone();
        }
        let laid = match value {
            Expr::Lit(text) => (cx.lenient || text.len() <= shape.width).then(|| text.clone()),
            Expr::Path(path) => path_fits(path, shape).then(|| path.clone()),
            Expr::Call(callee, args) => {
                if path_fits(callee, shape) {
                    self.call(callee, args, shape, cx, list::Delimiters::Parens)
                } else {
                    None
                }
            }
            Expr::Array(items) => self.call("", items, shape, cx, list::Delimiters::Brackets),
            Expr::Chain(root, links) => {
                if links.is_empty() {
                    self.rewrite(root, shape, cx)
                } else {
                    self.chain(root, links, shape, cx)
                }
            }
        };
        self.memo.insert(key, laid.clone());
        laid
    }
}

/// Whether rustfmt can write `path` in `shape`: every segment but the last
/// must start within the width.
fn path_fits(path: &str, shape: Shape) -> bool {
    path.rfind("::").is_none_or(|i| i + 2 <= shape.width)
}

/// Whether a value that does not fit after `=` reads better on the next
/// line.
fn prefer_next_line(orig: &str, next: &str) -> bool {
    let ends = |s: &str, c: char| first_line(s).ends_with(c);
    !next.contains('\n')
        || orig.matches('\n').count() > next.matches('\n').count() + 1
        || ['(', '{', '[']
            .into_iter()
            .any(|c| ends(orig, c) && !ends(next, c))
}

/// `value` on one line, whatever its length.
fn one_line(value: &Expr) -> String {
    let mut out = String::new();
    let mut stack: Vec<Piece<'_>> = vec![Piece::Expr(value)];
    while let Some(piece) = stack.pop() {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Expr(Expr::Lit(text) | Expr::Path(text)) => out.push_str(text),
            Piece::Expr(Expr::Call(callee, args)) => {
                out.push_str(callee);
                push_list(&mut stack, args, "(", ")");
            }
            Piece::Expr(Expr::Array(items)) => push_list(&mut stack, items, "[", "]"),
            Piece::Expr(Expr::Chain(root, links)) => {
                for link in links.iter().rev() {
                    push_list(&mut stack, &link.args, "(", ")");
                    stack.push(Piece::Method(&link.method));
                }
                stack.push(Piece::Expr(root));
            }
            Piece::Method(method) => {
                out.push('.');
                out.push_str(method);
            }
        }
    }
    out
}

/// What `one_line` still has to write, last first.
enum Piece<'a> {
    Expr(&'a Expr),
    Text(&'static str),
    Method(&'a str),
}

fn push_list<'a>(
    stack: &mut Vec<Piece<'a>>,
    items: &'a [Expr],
    open: &'static str,
    close: &'static str,
) {
    stack.push(Piece::Text(close));
    for (i, item) in items.iter().enumerate().rev() {
        stack.push(Piece::Expr(item));
        if i > 0 {
            stack.push(Piece::Text(", "));
        }
    }
    stack.push(Piece::Text(open));
}

#[cfg(test)]
mod tests;
