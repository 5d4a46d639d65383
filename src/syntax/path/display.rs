//! Canonical text of a Path tree: what `Display` writes parses back to the
//! same tree, in a full Path, a Reference Path (when the tree is one) and
//! an intrinsic argument alike.
//!
//! Names that are plain identifiers are written `.name`, others `['name']`
//! with `'` and `\` escaped; wildcards `[*]`; unions without blanks;
//! filters and scripts with one blank around each binary operator and
//! parentheses only where the tree needs them.

use std::fmt::{self, Display, Formatter, Write};

use super::ast::{
    ArithOp, Arithmetic, Comparison, Filter, Operand, Path, PathRoot, Selector, Step,
};

impl Display for Path {
    /// Writes the canonical text (example on [`Path`]).
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        self.root.fmt(f)?;
        write_steps(f, &self.steps)
    }
}

impl Display for PathRoot {
    /// Writes `$`, `$$` or `$name`.
    ///
    /// ```
    /// use stepfn::syntax::path::PathRoot;
    /// assert_eq!(PathRoot::Variable("total".into()).to_string(), "$total");
    /// ```
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            PathRoot::Input => f.write_char('$'),
            PathRoot::Context => f.write_str("$$"),
            PathRoot::Variable(name) => write!(f, "${name}"),
        }
    }
}

impl Display for Comparison {
    /// Writes the operator (example on [`Comparison`]).
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Display for ArithOp {
    /// Writes the operator (example on [`ArithOp`]).
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Writes steps one after the other.
fn write_steps(f: &mut Formatter<'_>, steps: &[Step]) -> fmt::Result {
    for step in steps {
        match step {
            Step::Child(Selector::Name(name)) => write_field(f, name)?,
            Step::Child(selector) => write_bracket(f, selector)?,
            Step::Descendant(Selector::Name(name)) if is_plain_identifier(name) => {
                write!(f, "..{name}")?;
            }
            Step::Descendant(Selector::Wildcard) => f.write_str("..*")?,
            Step::Descendant(selector) => {
                f.write_str("..")?;
                write_bracket(f, selector)?;
            }
        }
    }
    Ok(())
}

/// Writes a selector in brackets.
fn write_bracket(f: &mut Formatter<'_>, selector: &Selector) -> fmt::Result {
    f.write_char('[')?;
    match selector {
        Selector::Name(name) => write_quoted(f, name)?,
        Selector::Names(names) => {
            for (i, name) in names.iter().enumerate() {
                if i > 0 {
                    f.write_char(',')?;
                }
                write_quoted(f, name)?;
            }
        }
        Selector::Index(i) => write!(f, "{i}")?,
        Selector::Indexes(indexes) => {
            for (i, index) in indexes.iter().enumerate() {
                if i > 0 {
                    f.write_char(',')?;
                }
                write!(f, "{index}")?;
            }
        }
        Selector::Wildcard => f.write_char('*')?,
        Selector::Slice(slice) => {
            if let Some(start) = slice.start {
                write!(f, "{start}")?;
            }
            f.write_char(':')?;
            if let Some(end) = slice.end {
                write!(f, "{end}")?;
            }
            if let Some(step) = slice.step {
                write!(f, ":{step}")?;
            }
        }
        Selector::Filter(filter) => {
            f.write_str("?(")?;
            write_filter(f, filter)?;
            f.write_char(')')?;
        }
        Selector::Script(expression) => {
            f.write_char('(')?;
            write_arithmetic(f, expression)?;
            f.write_char(')')?;
        }
    }
    f.write_char(']')
}

/// Writes the step to the object member `name`: `.name` when `name` is a
/// plain identifier, otherwise `['name']` with `'` and `\` escaped.
pub(crate) fn write_field(f: &mut impl Write, name: &str) -> fmt::Result {
    if is_plain_identifier(name) {
        f.write_char('.')?;
        f.write_str(name)
    } else {
        f.write_char('[')?;
        write_quoted(f, name)?;
        f.write_char(']')
    }
}

/// Writes `'text'` with `'` and `\` escaped by a backslash.
fn write_quoted(f: &mut impl Write, text: &str) -> fmt::Result {
    f.write_char('\'')?;
    for c in text.chars() {
        if matches!(c, '\'' | '\\') {
            f.write_char('\\')?;
        }
        f.write_char(c)?;
    }
    f.write_char('\'')
}

/// Writes a filter condition.
fn write_filter(f: &mut Formatter<'_>, filter: &Filter) -> fmt::Result {
    match filter {
        Filter::Or(list) => write_joined(f, list, " || ", |c| matches!(c, Filter::Or(_))),
        Filter::And(list) => write_joined(f, list, " && ", |c| {
            matches!(c, Filter::Or(_) | Filter::And(_))
        }),
        Filter::Not(inner) => {
            f.write_char('!')?;
            if let Filter::Exists(steps) = &**inner {
                f.write_char('@')?;
                write_steps(f, steps)
            } else {
                f.write_char('(')?;
                write_filter(f, inner)?;
                f.write_char(')')
            }
        }
        Filter::Compare { left, op, right } => {
            write_operand(f, left)?;
            write!(f, " {op} ")?;
            write_operand(f, right)
        }
        Filter::Exists(steps) => {
            f.write_char('@')?;
            write_steps(f, steps)
        }
    }
}

/// Writes conditions joined by `separator`, in parentheses where
/// `needs_parens` says so.
fn write_joined(
    f: &mut Formatter<'_>,
    list: &[Filter],
    separator: &str,
    needs_parens: fn(&Filter) -> bool,
) -> fmt::Result {
    for (i, condition) in list.iter().enumerate() {
        if i > 0 {
            f.write_str(separator)?;
        }
        if needs_parens(condition) {
            f.write_char('(')?;
            write_filter(f, condition)?;
            f.write_char(')')?;
        } else {
            write_filter(f, condition)?;
        }
    }
    Ok(())
}

/// Writes a filter operand.
fn write_operand(f: &mut Formatter<'_>, operand: &Operand) -> fmt::Result {
    match operand {
        Operand::Current(steps) => {
            f.write_char('@')?;
            write_steps(f, steps)
        }
        Operand::Number(n) => write!(f, "{n}"),
        Operand::String(text) => write_quoted(f, text),
        Operand::Bool(b) => write!(f, "{b}"),
        Operand::Null => f.write_str("null"),
        Operand::Word(word) => f.write_str(word),
    }
}

/// Writes a script expression; compound operands go in parentheses.
fn write_arithmetic(f: &mut Formatter<'_>, expression: &Arithmetic) -> fmt::Result {
    match expression {
        Arithmetic::Number(n) => write!(f, "{n}"),
        Arithmetic::Current(steps) => {
            f.write_char('@')?;
            write_steps(f, steps)
        }
        Arithmetic::Negate(inner) => {
            f.write_char('-')?;
            write_operand_of_arithmetic(f, inner)
        }
        Arithmetic::Operation { first, rest } => {
            write_operand_of_arithmetic(f, first)?;
            for (op, operand) in rest {
                write!(f, " {op} ")?;
                write_operand_of_arithmetic(f, operand)?;
            }
            Ok(())
        }
    }
}

/// Writes an operand of a script operator, in parentheses if compound.
fn write_operand_of_arithmetic(f: &mut Formatter<'_>, operand: &Arithmetic) -> fmt::Result {
    match operand {
        Arithmetic::Number(_) | Arithmetic::Current(_) => write_arithmetic(f, operand),
        Arithmetic::Negate(_) | Arithmetic::Operation { .. } => {
            f.write_char('(')?;
            write_arithmetic(f, operand)?;
            f.write_char(')')
        }
    }
}

/// Whether `name` can follow a `.` as is: `[A-Za-z_][A-Za-z0-9_]*`.
fn is_plain_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}
