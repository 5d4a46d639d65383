//! Checking arguments against a function signature, as jsonata-js does.
//!
//! jsonata-js writes each argument's type as one letter (`s`, `n`, `b`,
//! `l`, `a`, `o`, `f`, or `m` for a missing value) and matches that string
//! against a regular expression built from the signature: one group per
//! parameter, `?` for optional and `-` parameters, `+` for variadic ones,
//! greedy, first match wins. The same match is found here with a table of
//! which parameter suffixes can match which argument suffixes, then a
//! greedy walk. The validated arguments follow jsonata-js exactly: a
//! missing `-` argument is the context value, a single value for an array
//! parameter becomes an array of one, and array item types are checked.

use std::borrow::Cow;

use stepfn::syntax::jsonata::{Signature, SignatureParam};

use crate::error::{Fault, FaultExt, Result};
use crate::eval::Ctx;
use crate::value::{array_of, Value};

/// Validates `args` against `sig`; `context` stands in for a missing `-`
/// argument. Returns the arguments to call with.
pub(crate) fn validate<'x, 'a>(
    ctx: &Ctx<'a>,
    sig: &Signature,
    args: &'x [Value<'a>],
    context: Value<'a>,
) -> Result<Cow<'x, [Value<'a>]>> {
    if let Some(quick) = positional(ctx, sig, args, context)? {
        return Ok(quick);
    }
    general(ctx, sig, args, context).map(Cow::Owned)
}

/// The common case: each argument fits the parameter at its position (no
/// variadic parameter), so the greedy match is the positional one.
/// `None` when that is not the case.
fn positional<'x, 'a>(
    ctx: &Ctx<'a>,
    sig: &Signature,
    args: &'x [Value<'a>],
    context: Value<'a>,
) -> Result<Option<Cow<'x, [Value<'a>]>>> {
    if args.len() > sig.params.len() || sig.params.iter().any(|p| p.variadic) {
        return Ok(None);
    }
    let aligned = args
        .iter()
        .zip(&sig.params)
        .all(|(a, p)| p.accepts(a.signature_symbol()));
    let missing = sig.params.get(args.len()..).unwrap_or(&[]);
    if !aligned || !missing.iter().all(|p| p.optional) {
        return Ok(None);
    }
    let wraps = args
        .iter()
        .zip(&sig.params)
        .any(|(a, p)| p.symbol == 'a' && !a.is_array() && !a.is_undefined());
    let checks = args
        .iter()
        .zip(&sig.params)
        .any(|(a, p)| p.symbol == 'a' && p.subtype.is_some() && !a.is_undefined());
    if !wraps && !checks && missing.is_empty() {
        return Ok(Some(Cow::Borrowed(args)));
    }
    let mut out = Vec::with_capacity(sig.params.len());
    for (i, (arg, param)) in args.iter().zip(&sig.params).enumerate() {
        let mut item = *arg;
        if param.symbol == 'a' && !item.is_undefined() {
            let single = item.signature_symbol();
            let matched = [single];
            if !array_ok(param, single, &matched, item) {
                return Err(Fault::new("T0412")
                    .index(i + 1)
                    .value(ctx.describe(item))
                    .detail(plural(param.subtype.as_deref().unwrap_or(""))));
            }
            if single != 'a' {
                item = array_of(ctx.bump, &[item], 0);
            }
        }
        out.push(item);
    }
    for param in missing {
        if param.use_context {
            if !param.accepts(context.signature_symbol()) {
                return Err(Fault::new("T0411")
                    .index(out.len() + 1)
                    .value(ctx.describe(context)));
            }
            out.push(context);
        } else {
            out.push(Value::Undefined);
        }
    }
    Ok(Some(Cow::Owned(out)))
}

/// Any arguments, as jsonata-js's regular expression matches them.
fn general<'a>(
    ctx: &Ctx<'a>,
    sig: &Signature,
    args: &[Value<'a>],
    context: Value<'a>,
) -> Result<Vec<Value<'a>>> {
    let symbols: Vec<char> = args.iter().map(|a| a.signature_symbol()).collect();
    let Some(runs) = first_match(&sig.params, &symbols, true) else {
        return Err(mismatch(ctx, sig, args, &symbols));
    };
    let mut validated = Vec::with_capacity(args.len().max(sig.params.len()));
    let mut index = 0usize;
    for (param, &(start, len)) in sig.params.iter().zip(&runs) {
        let arg = args.get(index).copied().unwrap_or(Value::Undefined);
        if len == 0 {
            if param.use_context {
                if param.accepts(context.signature_symbol()) {
                    validated.push(context);
                } else {
                    return Err(Fault::new("T0411")
                        .index(index + 1)
                        .value(ctx.describe(context)));
                }
            } else {
                validated.push(arg);
                index += 1;
            }
            continue;
        }
        let matched = symbols.get(start..start + len).unwrap_or(&[]);
        for &single in matched {
            if param.symbol == 'a' {
                let mut item = Value::Undefined;
                if single != 'm' {
                    item = args.get(index).copied().unwrap_or(Value::Undefined);
                    if !array_ok(param, single, matched, item) {
                        return Err(Fault::new("T0412")
                            .index(index + 1)
                            .value(ctx.describe(item))
                            .detail(plural(param.subtype.as_deref().unwrap_or(""))));
                    }
                    if single != 'a' {
                        item = array_of(ctx.bump, &[item], 0);
                    }
                }
                validated.push(item);
            } else {
                // jsonata-js passes the parameter's first argument for each
                // one a variadic parameter matched
                validated.push(arg);
            }
            index += 1;
        }
    }
    Ok(validated)
}

/// Whether an argument of type `single` fits the array parameter's item type.
fn array_ok(param: &SignatureParam, single: char, matched: &[char], item: Value<'_>) -> bool {
    let Some(subtype) = param.subtype.as_deref() else {
        return true;
    };
    if single != 'a' {
        let matched: String = matched.iter().collect();
        return matched == subtype;
    }
    let Some(first) = item.get(0) else {
        return true;
    };
    let item_type = first.signature_symbol();
    if !subtype.starts_with(item_type) {
        return false;
    }
    item.items().all(|v| v.signature_symbol() == item_type)
}

/// The plural noun for an array item type, for T0412.
fn plural(subtype: &str) -> &'static str {
    match subtype {
        "a" => "arrays",
        "b" => "booleans",
        "f" => "functions",
        "n" => "numbers",
        "o" => "objects",
        "s" => "strings",
        _ => "values of the declared type",
    }
}

/// T0410 at the first argument that does not fit.
fn mismatch<'a>(
    ctx: &Ctx<'a>,
    sig: &Signature,
    args: &[Value<'a>],
    symbols: &[char],
) -> Box<Fault> {
    let mut good_to = 0usize;
    for count in 1..=sig.params.len() {
        let prefix = sig.params.get(..count).unwrap_or(&[]);
        match first_match(prefix, symbols, false) {
            Some(runs) => {
                good_to = runs.last().map_or(0, |&(start, len)| start + len);
            }
            None => break,
        }
    }
    let value = args.get(good_to).copied().unwrap_or(Value::Undefined);
    Fault::new("T0410")
        .index(good_to + 1)
        .value(ctx.describe(value))
}

/// How many items each parameter takes in the first match of `params`
/// against `symbols` (greedy, as a backtracking regex finds it), as
/// (start, length) per parameter. With `to_end`, the match must use every
/// symbol.
fn first_match(
    params: &[SignatureParam],
    symbols: &[char],
    to_end: bool,
) -> Option<Vec<(usize, usize)>> {
    let n = symbols.len();
    let width = n + 1;
    // can[p * width + a]: params[p..] match symbols[a..] (to the end if `to_end`)
    let mut can = vec![false; (params.len() + 1) * width];
    for a in 0..=n {
        if let Some(cell) = can.get_mut(params.len() * width + a) {
            *cell = !to_end || a == n;
        }
    }
    let at = |can: &[bool], p: usize, a: usize| can.get(p * width + a).copied().unwrap_or(false);
    for (p, param) in params.iter().enumerate().rev() {
        for a in (0..=n).rev() {
            let here = symbols.get(a).is_some_and(|s| param.accepts(*s));
            let mut ok = (param.optional || param.use_context) && at(&can, p + 1, a);
            if here {
                ok |= at(&can, p + 1, a + 1);
                if param.variadic {
                    ok |=
                        at(&can, p, a + 1) && symbols.get(a + 1).is_some_and(|s| param.accepts(*s));
                }
            }
            if let Some(cell) = can.get_mut(p * width + a) {
                *cell = ok;
            }
        }
    }
    if !at(&can, 0, 0) {
        return None;
    }
    let mut runs = Vec::with_capacity(params.len());
    let mut a = 0usize;
    for (p, param) in params.iter().enumerate() {
        let run = symbols
            .get(a..)
            .unwrap_or(&[])
            .iter()
            .take_while(|s| param.accepts(**s))
            .count();
        let most = if param.variadic { run } else { run.min(1) };
        let least = usize::from(!(param.optional || param.use_context));
        let chosen = (least..=most).rev().find(|k| at(&can, p + 1, a + k))?;
        runs.push((a, chosen));
        a += chosen;
    }
    Some(runs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(sig: &str, symbols: &str) -> Option<Vec<usize>> {
        let sig = Signature::parse(sig).expect("signature");
        let symbols: Vec<char> = symbols.chars().collect();
        first_match(&sig.params, &symbols, true).map(|r| r.iter().map(|&(_, len)| len).collect())
    }

    #[test]
    fn greedy_first_match() {
        assert_eq!(runs("<s-nn?:s>", "snn"), Some(vec![1, 1, 1]));
        assert_eq!(runs("<s-nn?:s>", "nn"), Some(vec![0, 1, 1]));
        assert_eq!(runs("<s-nn?:s>", "n"), Some(vec![0, 1, 0]));
        assert_eq!(runs("<s-nn?:s>", "ss"), None);
        assert_eq!(runs("<a+>", "aaa"), Some(vec![3]));
        assert_eq!(runs("<nn+:a>", "nnn"), Some(vec![1, 2]));
        assert_eq!(runs("<x-:b>", ""), Some(vec![0]));
        assert_eq!(runs("<af>", "af"), Some(vec![1, 1]));
        assert_eq!(runs("<af>", "mf"), Some(vec![1, 1]));
        assert_eq!(runs("<af>", "am"), None);
        assert_eq!(runs("<(sf)(sf)n?:s>", "sfn"), Some(vec![1, 1, 1]));
    }

    #[test]
    fn long_argument_lists_are_linear() {
        let symbols = "n".repeat(20_000);
        assert_eq!(runs("<n+>", &symbols).map(|r| r[0]), Some(20_000));
    }
}
