//! The checks on a call's arguments: their number, the kinds of literal
//! arguments against the catalogue, and the rules on particular literals
//! (a positive chunk size, a non-zero step, a known hash algorithm, no deep
//! merge, and a `States.Format` template with one `{}` per value).
//!
//! Paths and nested calls are not type-checked: their values are known
//! only at run time.

use super::ast::ArgValue;
use super::catalogue::{Function, HashAlgorithm};
use super::parse::{Literal, ParsedArg};
use crate::syntax::SyntaxError;

/// Checks the arguments of a call of `function` written at byte `at`, and
/// turns a literal `States.Format` template into its pieces.
pub(super) fn check_call(
    function: Function,
    args: &mut [ParsedArg<'_>],
    at: usize,
) -> Result<(), SyntaxError> {
    check_arity(function, args.len(), at)?;
    for (i, parsed) in args.iter().enumerate() {
        if let Some(literal) = &parsed.literal {
            check_kind(function, i, literal)?;
        }
    }
    check_values(function, args)
}

/// Checks the number of arguments.
fn check_arity(function: Function, found: usize, at: usize) -> Result<(), SyntaxError> {
    let arity = function.arity();
    if arity.accepts(found) {
        return Ok(());
    }
    let expected = match (arity.min, arity.max) {
        (0, Some(0)) => "no arguments".to_string(),
        (min, Some(max)) if min == max => plural(min),
        (min, Some(max)) => format!("{min} or {max} arguments"),
        (min, None) => format!("at least {}", plural(min)),
    };
    Err(SyntaxError::new(
        at,
        format!("`{function}` takes {expected}, found {found}"),
    ))
}

/// "1 argument" / "3 arguments".
fn plural(n: usize) -> String {
    if n == 1 {
        "1 argument".to_string()
    } else {
        format!("{n} arguments")
    }
}

/// Checks that literal argument `index` fits the catalogue's kind.
fn check_kind(function: Function, index: usize, literal: &Literal<'_>) -> Result<(), SyntaxError> {
    let kind = function.param(index);
    if kind.accepts_literal(literal.kind) {
        return Ok(());
    }
    Err(SyntaxError::new(
        literal.at,
        format!(
            "argument {} of `{function}` must be {}, found {} `{}`",
            index + 1,
            kind.describe(),
            literal.kind.describe(),
            literal.src
        ),
    ))
}

/// The per-function rules on literal values.
fn check_values(function: Function, args: &mut [ParsedArg<'_>]) -> Result<(), SyntaxError> {
    let literal = |i: usize| args.get(i).and_then(|a| a.literal.as_ref());
    match function {
        Function::Format => {
            let values = args.len().saturating_sub(1);
            if let Some(template) = args.first_mut() {
                if let Some(pieces) = format_template(template, values)? {
                    template.arg.value = ArgValue::Template(pieces);
                }
            }
        }
        Function::ArrayPartition => {
            if let Some(size) = literal(1) {
                if is_zero(size.src) || size.src.starts_with('-') {
                    return Err(SyntaxError::new(
                        size.at,
                        format!(
                            "the chunk size of `States.ArrayPartition` must be greater than 0, \
                             found `{}`",
                            size.src
                        ),
                    ));
                }
            }
        }
        Function::ArrayRange => {
            if let Some(step) = literal(2) {
                if is_zero(step.src) {
                    return Err(SyntaxError::new(
                        step.at,
                        "the step of `States.ArrayRange` (third argument) must not be 0",
                    ));
                }
            }
        }
        Function::Hash => {
            if let Some(algorithm) = literal(1) {
                let name = algorithm
                    .src
                    .strip_prefix('\'')
                    .and_then(|b| b.strip_suffix('\''))
                    .unwrap_or("");
                if HashAlgorithm::from_name(name).is_none() {
                    return Err(SyntaxError::new(
                        algorithm.at,
                        format!(
                            "the `States.Hash` algorithm must be one of {} (case-sensitive), \
                             found {}",
                            HashAlgorithm::ALL.map(|a| format!("'{a}'")).join(", "),
                            algorithm.src
                        ),
                    ));
                }
            }
        }
        Function::JsonMerge => {
            if let Some(deep) = args.get(2).filter(|a| a.arg.value == ArgValue::Bool(true)) {
                return Err(SyntaxError::new(
                    deep.arg.offset,
                    "`States.JsonMerge` does not support deep merging: the third argument \
                     must be `false`",
                ));
            }
        }
        _ => {}
    }
    Ok(())
}

/// Whether a number literal is zero (`0`, `-0`, `0.0`, `0e5`).
fn is_zero(src: &str) -> bool {
    let mantissa = src.split(['e', 'E']).next().unwrap_or("");
    mantissa.bytes().all(|b| matches!(b, b'0' | b'-' | b'.'))
}

/// Checks a literal `States.Format` template (no unescaped lone brace, one
/// `{}` placeholder per value) and splits it at its placeholders; `None`
/// when the template is not a string literal.
fn format_template(
    template: &ParsedArg<'_>,
    values: usize,
) -> Result<Option<Vec<String>>, SyntaxError> {
    let (Some(literal), ArgValue::String(text)) = (&template.literal, &template.arg.value) else {
        return Ok(None);
    };
    let mut pieces = Vec::new();
    let mut piece_start = 0;
    let mut braces = literal.braces.iter().peekable();
    while let Some(brace) = braces.next() {
        let closes = braces
            .peek()
            .is_some_and(|next| next.brace == '}' && next.at_source == brace.at_source + 1);
        if brace.brace == '{' && closes {
            braces.next();
            pieces.push(
                text.get(piece_start..brace.at_text)
                    .unwrap_or("")
                    .to_owned(),
            );
            piece_start = brace.at_text + 2;
            continue;
        }
        let c = brace.brace;
        return Err(SyntaxError::new(
            brace.at_source,
            format!(
                "unescaped `{c}` in the `States.Format` template: `{{}}` is a placeholder; \
                 write a literal brace as \\{c} (\\\\{c} in the JSON source)"
            ),
        ));
    }
    pieces.push(text.get(piece_start..).unwrap_or("").to_owned());
    let placeholders = pieces.len() - 1;
    if placeholders != values {
        return Err(SyntaxError::new(
            literal.at,
            format!(
                "the `States.Format` template has {placeholders} `{{}}` placeholder(s) but \
                 {values} value argument(s) follow it; the numbers must match"
            ),
        ));
    }
    Ok(Some(pieces))
}
