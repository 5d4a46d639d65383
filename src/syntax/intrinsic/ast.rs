//! The tree of a parsed intrinsic call: the function, its arguments
//! (literal values, Paths, nested calls) and where each was written.

use std::fmt::{self, Display, Formatter};

use super::catalogue::Function;
use super::escape::{string_literal, template_literal};
use crate::model::Number;
use crate::syntax::path::Path;

/// A call of one of the 18 intrinsic functions, with its arguments checked
/// against the catalogue.
///
/// `Display` writes canonical text that parses back to an equal call;
/// equality ignores where things were written (the offsets).
///
/// ```
/// use stepfn::syntax::intrinsic::{parse_intrinsic, ArgValue, Function};
/// let call = parse_intrinsic("States.Format('Hi {}, it\\'s {}',  $.name, States.UUID())")?;
/// assert_eq!(call.function, Function::Format);
/// assert_eq!(call.args[0].value, ArgValue::Template(vec!["Hi ".into(), ", it's ".into(), "".into()]));
/// assert!(matches!(call.args[1].value, ArgValue::Path(_)));
/// assert_eq!(call.args[1].offset, 34);
/// assert!(matches!(&call.args[2].value, ArgValue::Call(inner) if inner.function == Function::Uuid));
/// assert_eq!(call.to_string(), "States.Format('Hi {}, it\\'s {}', $.name, States.UUID())");
/// # Ok::<(), stepfn::syntax::SyntaxError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Call {
    /// The function called.
    pub function: Function,
    /// The arguments, in order.
    pub args: Vec<Arg>,
    /// Byte offset of the function name in the parsed string.
    pub offset: usize,
}

/// One argument of a [`Call`]: its value and where it was written.
#[derive(Debug, Clone)]
pub struct Arg {
    /// The argument.
    pub value: ArgValue,
    /// Byte offset of the argument in the parsed string.
    pub offset: usize,
}

/// What an argument is.
#[derive(Debug, Clone, PartialEq)]
pub enum ArgValue {
    /// A string literal, escapes decoded (`'it\'s'` is `it's`).
    String(String),
    /// The literal template of `States.Format` (its first argument, when
    /// written as a literal): the text between its `{}` placeholders, each
    /// piece with escapes decoded. A template with `n` placeholders has
    /// `n + 1` pieces; an escaped `\{\}` is text, not a placeholder.
    Template(Vec<String>),
    /// A number literal.
    Number(Number),
    /// `true` or `false`.
    Bool(bool),
    /// `null`.
    Null,
    /// A Path (`$…`, `$$…`, `$name…`), read when the call is evaluated.
    Path(Path),
    /// A nested call.
    Call(Call),
}

impl Call {
    /// Every Path argument at any depth, with its byte offset, in source
    /// order.
    ///
    /// ```
    /// use stepfn::syntax::intrinsic::parse_intrinsic;
    /// let call = parse_intrinsic("States.Array($.a, States.JsonToString($$.Execution.Input))")?;
    /// let paths: Vec<(String, usize)> =
    ///     call.paths().into_iter().map(|(p, at)| (p.to_string(), at)).collect();
    /// assert_eq!(paths, [("$.a".to_owned(), 13), ("$$.Execution.Input".to_owned(), 38)]);
    /// # Ok::<(), stepfn::syntax::SyntaxError>(())
    /// ```
    #[must_use]
    pub fn paths(&self) -> Vec<(&Path, usize)> {
        let mut found = Vec::new();
        let mut stack: Vec<std::slice::Iter<'_, Arg>> = vec![self.args.iter()];
        while let Some(top) = stack.last_mut() {
            let Some(arg) = top.next() else {
                stack.pop();
                continue;
            };
            match &arg.value {
                ArgValue::Path(path) => found.push((path, arg.offset)),
                ArgValue::Call(call) => stack.push(call.args.iter()),
                _ => {}
            }
        }
        found
    }
}

impl PartialEq for Call {
    /// Same function and equal arguments; offsets are not compared.
    fn eq(&self, other: &Call) -> bool {
        self.function == other.function && self.args == other.args
    }
}

impl PartialEq for Arg {
    /// Equal values; offsets are not compared.
    fn eq(&self, other: &Arg) -> bool {
        self.value == other.value
    }
}

impl Display for Call {
    /// Writes `States.Name(arg, arg, …)`, arguments separated by `, `
    /// (example on [`Call`]).
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "{}(", self.function)?;
        for (i, arg) in self.args.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            arg.value.fmt(f)?;
        }
        f.write_str(")")
    }
}

impl Display for ArgValue {
    /// Writes the argument as ASL text: literals quoted and escaped, Paths
    /// and calls as their canonical text.
    ///
    /// ```
    /// use stepfn::syntax::intrinsic::ArgValue;
    /// assert_eq!(ArgValue::String("it's".into()).to_string(), r"'it\'s'");
    /// assert_eq!(ArgValue::Template(vec!["a".into(), "{b}".into()]).to_string(), r"'a{}\{b\}'");
    /// assert_eq!(ArgValue::Null.to_string(), "null");
    /// ```
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            ArgValue::String(text) => f.write_str(&string_literal(text)),
            ArgValue::Template(pieces) => f.write_str(&template_literal(pieces)),
            ArgValue::Number(n) => n.fmt(f),
            ArgValue::Bool(b) => b.fmt(f),
            ArgValue::Null => f.write_str("null"),
            ArgValue::Path(path) => path.fmt(f),
            ArgValue::Call(call) => call.fmt(f),
        }
    }
}
