//! Regular expressions and the functions that take a pattern: `$contains`,
//! `$match`, `$replace`, `$split`.
//!
//! A pattern is a string or a *matcher*: a function that, called with a
//! string, returns the first match as `{match, start, end, groups, next}`,
//! where `next()` returns the following match. A regex literal is such a
//! function; any function that follows the protocol works too. Offsets in
//! match objects count UTF-16 units, as in JavaScript.

use super::arg;
use crate::error::{Fault, FaultExt, Result};
use crate::eval::call::Function;
use crate::eval::{apply, Ctx};
use crate::regex::{byte_offset, utf16_offset, CompiledRegex};
use crate::value::{flags, ArrayBuilder, ObjectBuilder, Value};

/// One match, with byte offsets into the searched string.
struct Found<'a> {
    /// The matched text.
    text: &'a str,
    /// Byte offset of the start.
    start: usize,
    /// Byte offset of the end.
    end: usize,
    /// Captured groups (undefined for a group that took no part).
    groups: Vec<Value<'a>>,
    /// The match object, for a replacement function.
    object: Value<'a>,
    /// The `next` function.
    next: Value<'a>,
}

/// Runs `regex` on `text` from byte `from`.
fn find<'a>(
    regex: &'a CompiledRegex,
    text: &'a str,
    from: usize,
) -> Option<(usize, usize, Vec<Value<'a>>)> {
    let captures = regex.regex.captures_at(text, from)?;
    let whole = captures.get(0)?;
    let groups = captures
        .iter()
        .skip(1)
        .map(|g| g.map_or(Value::Undefined, |m| Value::String(m.as_str())))
        .collect();
    Some((whole.start(), whole.end(), groups))
}

/// The match object jsonata-js's regex closure returns.
fn match_object<'a>(
    ctx: &Ctx<'a>,
    regex: &'a CompiledRegex,
    text: &'a str,
    (start, end, groups): (usize, usize, Vec<Value<'a>>),
) -> Value<'a> {
    let mut object = ObjectBuilder::new(ctx.bump);
    object.insert("match", Value::String(text.get(start..end).unwrap_or("")));
    #[allow(clippy::cast_precision_loss)]
    {
        object.insert("start", Value::Number(utf16_offset(text, start) as f64));
        object.insert("end", Value::Number(utf16_offset(text, end) as f64));
    }
    let mut array = ArrayBuilder::with_capacity(ctx.bump, groups.len());
    array.extend(groups);
    object.insert("groups", array.finish(0));
    let next = Function::RegexNext {
        regex,
        text,
        from: end,
    };
    object.insert("next", Value::Function(ctx.bump.alloc(next)));
    object.finish()
}

/// A regex literal called with `text` (from byte `from`): the first match.
pub(crate) fn match_at<'a>(
    ctx: &Ctx<'a>,
    regex: &'a CompiledRegex,
    text: Value<'a>,
    from: usize,
    _position: usize,
) -> Result<Value<'a>> {
    let Value::String(text) = text else {
        return Ok(Value::Undefined);
    };
    ctx.steps_n((text.len().saturating_sub(from) / 256) as u64)?;
    Ok(match find(regex, text, from) {
        Some(found) => match_object(ctx, regex, text, found),
        None => Value::Undefined,
    })
}

/// A match's `next()`: the following match; an empty one is error D1004
/// (it would never advance).
pub(crate) fn next_match<'a>(
    ctx: &Ctx<'a>,
    regex: &'a CompiledRegex,
    text: &'a str,
    from: usize,
    position: usize,
) -> Result<Value<'a>> {
    if from >= text.len() {
        return Ok(Value::Undefined);
    }
    ctx.steps_n((text.len().saturating_sub(from) / 256) as u64)?;
    match find(regex, text, from) {
        Some((start, end, _)) if start == end => {
            Err(Fault::new("D1004").at(position).value(regex.source.clone()))
        }
        Some(found) => Ok(match_object(ctx, regex, text, found)),
        None => Ok(Value::Undefined),
    }
}

/// Walks the matches of a matcher over a string.
struct Matches<'a> {
    /// The string.
    text: &'a str,
    /// The matcher function.
    matcher: Value<'a>,
    /// The match to return next (already computed), if any.
    pending: Option<Found<'a>>,
    /// Whether the first match has been looked for.
    started: bool,
    /// The call's position.
    position: usize,
}

impl<'a> Matches<'a> {
    /// Starts matching `text` with `matcher`.
    fn new(matcher: Value<'a>, text: &'a str, position: usize) -> Self {
        Matches {
            text,
            matcher,
            pending: None,
            started: false,
            position,
        }
    }

    /// The next match.
    fn next(&mut self, ctx: &Ctx<'a>) -> Result<Option<Found<'a>>> {
        let result = if self.started {
            let Some(previous) = self.pending.take() else {
                return Ok(None);
            };
            apply(ctx, previous.next, &[], Value::Undefined, self.position)?
        } else {
            self.started = true;
            apply(
                ctx,
                self.matcher,
                &[Value::String(self.text)],
                Value::Undefined,
                self.position,
            )?
        };
        let found = self.read(ctx, result)?;
        if let Some(found) = &found {
            self.pending = Some(Found {
                text: found.text,
                start: found.start,
                end: found.end,
                groups: Vec::new(),
                object: found.object,
                next: found.next,
            });
        }
        Ok(found)
    }

    /// Reads a match object a matcher returned.
    fn read(&self, ctx: &Ctx<'a>, result: Value<'a>) -> Result<Option<Found<'a>>> {
        if result.is_undefined() {
            return Ok(None);
        }
        let start = result.field("start");
        let groups = result.field("groups");
        let next = result.field("next");
        let shaped = matches!(start, Some(Value::Number(_)))
            || groups.is_some_and(Value::is_array)
            || next.is_some_and(Value::is_function);
        if !shaped {
            return Err(Fault::new("T1010").at(self.position));
        }
        let to_byte = |v: Option<Value<'a>>| match v {
            Some(Value::Number(n)) if n >= 0.0 => {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let units = n as usize;
                byte_offset(self.text, units)
            }
            _ => 0,
        };
        let text = match result.field("match") {
            Some(Value::String(s)) => s,
            _ => "",
        };
        let start = to_byte(start);
        let end = match result.field("end") {
            Some(end @ Value::Number(_)) => to_byte(Some(end)),
            _ => start + text.len(),
        };
        ctx.step()?;
        Ok(Some(Found {
            text,
            start,
            end,
            groups: groups.map(|g| g.items().collect()).unwrap_or_default(),
            object: result,
            next: next.unwrap_or(Value::Undefined),
        }))
    }
}

/// A limit argument: `None` when absent, the number otherwise; negative is `code`.
fn limit(value: Value<'_>, code: &'static str, index: usize) -> Result<Option<f64>> {
    match value {
        Value::Number(n) if n < 0.0 => Err(Fault::new(code).index(index)),
        Value::Number(n) => Ok(Some(n)),
        _ => Ok(None),
    }
}

/// Whether `count` matches are still below `limit`.
fn below(count: usize, limit: Option<f64>) -> bool {
    #[allow(clippy::cast_precision_loss)]
    limit.is_none_or(|l| (count as f64) < l)
}

/// `$contains(string, pattern)`.
pub(crate) fn contains<'a>(
    ctx: &Ctx<'a>,
    args: &[Value<'a>],
    position: usize,
) -> Result<Value<'a>> {
    let Value::String(text) = arg(args, 0) else {
        return Ok(Value::Undefined);
    };
    Ok(Value::Bool(match arg(args, 1) {
        Value::String(token) => text.contains(token),
        matcher => Matches::new(matcher, text, position).next(ctx)?.is_some(),
    }))
}

/// `$match(string, pattern, limit)`: `{match, index, groups}` per match.
pub(crate) fn match_<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], position: usize) -> Result<Value<'a>> {
    let Value::String(text) = arg(args, 0) else {
        return Ok(Value::Undefined);
    };
    let limit = limit(arg(args, 2), "D3040", 3)?;
    let mut out = ArrayBuilder::new(ctx.bump);
    if below(0, limit) {
        let mut matches = Matches::new(arg(args, 1), text, position);
        while let Some(found) = matches.next(ctx)? {
            let mut object = ObjectBuilder::new(ctx.bump);
            object.insert("match", Value::String(found.text));
            object.insert(
                "index",
                found.object.field("start").unwrap_or(Value::Undefined),
            );
            object.insert(
                "groups",
                found.object.field("groups").unwrap_or(Value::Undefined),
            );
            out.push(object.finish());
            if !below(out.len(), limit) {
                break;
            }
        }
    }
    Ok(out.finish(flags::SEQUENCE))
}

/// `$replace(string, pattern, replacement, limit)`.
pub(crate) fn replace<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], position: usize) -> Result<Value<'a>> {
    let Value::String(text) = arg(args, 0) else {
        return Ok(Value::Undefined);
    };
    let pattern = arg(args, 1);
    if pattern.as_str() == Some("") {
        return Err(Fault::new("D3010").index(2));
    }
    let limit = limit(arg(args, 3), "D3011", 4)?;
    let replacement = arg(args, 2);
    if !below(0, limit) {
        return Ok(Value::String(text));
    }
    let mut out = String::with_capacity(text.len());
    let mut count = 0usize;
    let mut rest = 0usize;
    if let Value::String(pattern) = pattern {
        // jsonata-js inserts whatever it was given, as JavaScript writes it
        let insert = match replacement {
            Value::String(r) => r,
            Value::Undefined => "undefined",
            Value::Function(_) => "[object Object]",
            _ => "",
        };
        while below(count, limit) {
            let Some(found) = text.get(rest..).and_then(|t| t.find(pattern)) else {
                break;
            };
            ctx.step()?;
            out.push_str(text.get(rest..rest + found).unwrap_or(""));
            out.push_str(insert);
            rest += found + pattern.len();
            count += 1;
        }
        out.push_str(text.get(rest..).unwrap_or(""));
        return Ok(Value::String(ctx.alloc_str(&out)));
    }
    let mut matches = Matches::new(pattern, text, position);
    let mut any = false;
    while below(count, limit) {
        let Some(found) = matches.next(ctx)? else {
            break;
        };
        any = true;
        out.push_str(text.get(rest..found.start.max(rest)).unwrap_or(""));
        match replacement {
            Value::String(r) => substitute(r, &found, &mut out),
            function => match apply(ctx, function, &[found.object], Value::Undefined, position)? {
                Value::String(s) => out.push_str(s),
                other => {
                    return Err(Fault::new("D3012").value(ctx.describe(other)));
                }
            },
        }
        rest = found.start + found.text.len();
        count += 1;
        if out.len() > 1 << 28 {
            return Err(Fault::new("U1001").detail("memory"));
        }
    }
    if !any {
        return Ok(Value::String(text));
    }
    out.push_str(text.get(rest.min(text.len())..).unwrap_or(""));
    Ok(Value::String(ctx.alloc_str(&out)))
}

/// JavaScript's `parseInt(text, 10)`: leading blanks, a sign, then digits.
fn parse_int(text: &str) -> Option<i64> {
    let t = text.trim_start();
    let (negative, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, t.get(1..).unwrap_or("")),
        Some(b'+') => (false, t.get(1..).unwrap_or("")),
        _ => (false, t),
    };
    let run: String = digits.chars().take_while(char::is_ascii_digit).collect();
    let value: i64 = run.parse().ok()?;
    Some(if negative { -value } else { value })
}

/// Appends a replacement string with `$$`, `$0` and `$n` substituted.
fn substitute(replacement: &str, found: &Found<'_>, out: &mut String) {
    let groups = &found.groups;
    let mut position = 0usize;
    while let Some(offset) = replacement.get(position..).and_then(|r| r.find('$')) {
        let index = position + offset;
        out.push_str(replacement.get(position..index).unwrap_or(""));
        position = index + 1;
        match replacement.as_bytes().get(position) {
            Some(b'$') => {
                out.push('$');
                position += 1;
            }
            Some(b'0') => {
                out.push_str(found.text);
                position += 1;
            }
            _ => {
                let max_digits = if groups.is_empty() {
                    1
                } else {
                    groups.len().to_string().len()
                };
                let take = |n: usize| {
                    let end = (position + n).min(replacement.len());
                    replacement.get(position..end).and_then(parse_int)
                };
                let mut number = take(max_digits);
                if max_digits > 1
                    && number.is_some_and(|n| n > i64::try_from(groups.len()).unwrap_or(i64::MAX))
                {
                    number = take(max_digits - 1);
                }
                match number {
                    Some(n) => {
                        if let Some(Value::String(s)) =
                            usize::try_from(n - 1).ok().and_then(|i| groups.get(i))
                        {
                            out.push_str(s);
                        }
                        position += n.to_string().len();
                    }
                    None => out.push('$'),
                }
            }
        }
        if position >= replacement.len() {
            break;
        }
    }
    out.push_str(
        replacement
            .get(position.min(replacement.len())..)
            .unwrap_or(""),
    );
}

/// `$split(string, separator, limit)`.
pub(crate) fn split<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], position: usize) -> Result<Value<'a>> {
    let Value::String(text) = arg(args, 0) else {
        return Ok(Value::Undefined);
    };
    let limit = limit(arg(args, 2), "D3020", 3)?;
    let mut out = ArrayBuilder::new(ctx.bump);
    if !below(0, limit) {
        return Ok(out.finish(0));
    }
    match arg(args, 1) {
        Value::String(separator) => {
            // a string separator takes the limit as an unsigned integer
            let limit = limit.map(f64::trunc);
            let parts: Box<dyn Iterator<Item = &'a str>> = if separator.is_empty() {
                Box::new(
                    text.char_indices()
                        .map(move |(i, c)| text.get(i..i + c.len_utf8()).unwrap_or("")),
                )
            } else {
                Box::new(text.split(separator))
            };
            for part in parts {
                if !below(out.len(), limit) {
                    break;
                }
                ctx.step()?;
                out.push(Value::String(part));
            }
        }
        matcher => {
            let mut matches = Matches::new(matcher, text, position);
            let mut start = 0usize;
            let mut count = 0usize;
            let mut any = false;
            while below(count, limit) {
                let Some(found) = matches.next(ctx)? else {
                    break;
                };
                any = true;
                out.push(Value::String(
                    text.get(start..found.start.max(start)).unwrap_or(""),
                ));
                start = found.end;
                count += 1;
            }
            if !any {
                out.push(Value::String(text));
            } else if below(count, limit) {
                out.push(Value::String(
                    text.get(start.min(text.len())..).unwrap_or(""),
                ));
            }
        }
    }
    Ok(out.finish(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_int_reads_leading_digits() {
        assert_eq!(parse_int("12x"), Some(12));
        assert_eq!(parse_int(" 7"), Some(7));
        assert_eq!(parse_int("-3"), Some(-3));
        assert_eq!(parse_int("x"), None);
    }
}
