//! Values as text: `$string` (JSON with numbers to 15 significant digits
//! and functions as `""`), and short renderings for error messages.

use std::fmt::Write as _;

use super::number::{to_precision, write_number};
use super::{flags, Value};
use crate::error::{Fault, FaultExt, Result};
use crate::eval::Ctx;

/// Appends `$string(value)` for a defined value: strings as they are,
/// functions as `""`, anything else as JSON (`pretty`: indented by two).
pub(crate) fn string_into(
    ctx: &Ctx<'_>,
    value: Value<'_>,
    pretty: bool,
    out: &mut String,
) -> Result<()> {
    match value {
        Value::String(s) => {
            ctx.steps_n((s.len() / 64) as u64)?;
            out.push_str(s);
            Ok(())
        }
        Value::Function(_) | Value::Undefined => Ok(()),
        Value::Number(n) if !n.is_finite() => Err(Fault::new("D3001").value(describe(value))),
        _ => {
            let value = if value.has_flag(flags::OUTER_WRAPPER) {
                value.get(0).unwrap_or(Value::Undefined)
            } else {
                value
            };
            let indent = if pretty { Some(0) } else { None };
            write_json(ctx, value, indent, 0, out)
        }
    }
}

/// Writes `value` as `JSON.stringify` with jsonata's replacer would.
fn write_json(
    ctx: &Ctx<'_>,
    value: Value<'_>,
    indent: Option<usize>,
    depth: usize,
    out: &mut String,
) -> Result<()> {
    if depth > ctx.limits.value_depth {
        return Err(Fault::new("U1001").detail("value depth"));
    }
    ctx.check_stack(0).map_err(|f| f.detail("value depth"))?;
    ctx.step()?;
    match value {
        Value::Undefined | Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if b { "true" } else { "false" }),
        Value::Number(n) => {
            if n.is_infinite() {
                return Err(Fault::new("D1001").value(describe(value)));
            }
            if n.is_nan() {
                out.push_str("null");
            } else {
                write_number(out, to_precision(n, 15));
            }
        }
        Value::String(s) => {
            ctx.steps_n((s.len() / 64) as u64)?;
            write_quoted(out, s);
        }
        Value::Function(_) => out.push_str("\"\""),
        Value::Array(_) | Value::JArray(_) => {
            if value.len() == 0 {
                out.push_str("[]");
                return Ok(());
            }
            out.push('[');
            for (i, item) in value.items().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent.map(|n| n + 1));
                write_json(ctx, item, indent.map(|n| n + 1), depth + 1, out)?;
            }
            newline(out, indent);
            out.push(']');
        }
        Value::Object(_) | Value::JObject(_) | Value::Tuple(_) => {
            let entries: Vec<(&str, Value<'_>)> = match value {
                Value::Object(o) => o.entries.iter().map(|(k, v)| (*k, *v)).collect(),
                Value::JObject(map) => map
                    .iter()
                    .map(|(k, v)| (k.as_str(), Value::of_json(v)))
                    .collect(),
                Value::Tuple(t) => return write_json(ctx, t.focus, indent, depth, out),
                _ => Vec::new(),
            };
            let mut first = true;
            out.push('{');
            for (key, item) in entries {
                if item.is_undefined() {
                    continue;
                }
                if !first {
                    out.push(',');
                }
                first = false;
                newline(out, indent.map(|n| n + 1));
                write_quoted(out, key);
                out.push(':');
                if indent.is_some() {
                    out.push(' ');
                }
                write_json(ctx, item, indent.map(|n| n + 1), depth + 1, out)?;
            }
            if !first {
                newline(out, indent);
            }
            out.push('}');
        }
    }
    Ok(())
}

/// In pretty mode, a line break and `level` levels of indentation.
fn newline(out: &mut String, level: Option<usize>) {
    if let Some(level) = level {
        out.push('\n');
        for _ in 0..level {
            out.push_str("  ");
        }
    }
}

/// Appends `s` as a JSON string literal, escaped as `JSON.stringify` does.
pub(crate) fn write_quoted(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A short JSON rendering of `value` for an error message.
pub(crate) fn describe(value: Value<'_>) -> String {
    let mut out = String::new();
    describe_into(value, 0, &mut out);
    if out.len() > 200 {
        let cut = (0..=200)
            .rev()
            .find(|&i| out.is_char_boundary(i))
            .unwrap_or(0);
        out.truncate(cut);
        out.push('…');
    }
    out
}

/// [`describe`] with a small depth bound.
fn describe_into(value: Value<'_>, depth: usize, out: &mut String) {
    if out.len() > 200 {
        return;
    }
    match value {
        Value::Undefined => out.push_str("undefined"),
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if b { "true" } else { "false" }),
        Value::Number(n) => write_number(out, n),
        Value::String(s) => write_quoted(out, s),
        Value::Function(_) => out.push_str("a function"),
        Value::Array(_) | Value::JArray(_) => {
            if depth > 3 {
                out.push_str("[…]");
                return;
            }
            out.push('[');
            for (i, item) in value.items().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if out.len() > 200 {
                    break;
                }
                describe_into(item, depth + 1, out);
            }
            out.push(']');
        }
        Value::Object(_) | Value::JObject(_) | Value::Tuple(_) => {
            if depth > 3 {
                out.push_str("{…}");
                return;
            }
            if let Value::Tuple(t) = value {
                describe_into(t.focus, depth, out);
                return;
            }
            out.push('{');
            for (i, key) in super::order::object_keys(value).into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if out.len() > 200 {
                    break;
                }
                write_quoted(out, key);
                out.push(':');
                describe_into(value.field(key).unwrap_or(Value::Undefined), depth + 1, out);
            }
            out.push('}');
        }
    }
}

/// `$string(value)` as a new string in the arena (undefined stays undefined).
pub(crate) fn string_value<'a>(ctx: &Ctx<'a>, value: Value<'a>, pretty: bool) -> Result<Value<'a>> {
    match value {
        Value::Undefined => Ok(Value::Undefined),
        Value::String(_) => Ok(value),
        _ => {
            let mut out = String::new();
            string_into(ctx, value, pretty, &mut out).map_err(|f| f.index(1))?;
            Ok(Value::String(ctx.alloc_str(&out)))
        }
    }
}
