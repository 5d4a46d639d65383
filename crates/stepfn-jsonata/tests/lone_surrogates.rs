//! A `\uD800`–`\uDFFF` escape without its other half, written in a string
//! literal: jsonata-js holds a lone surrogate, which `$encodeUrl` and
//! `$encodeUrlComponent` reject with D3140; here it reads as U+FFFF and is
//! rejected the same way, while U+FFFD and real pairs encode.

use stepfn_jsonata::{to_json_text, Bindings, Environment, Expression};

/// Evaluates `expr` with no input, as compact JSON text (the error code for
/// an error).
fn eval(expr: &str) -> String {
    match Expression::compile(expr)
        .and_then(|e| e.evaluate_with(None, &Bindings::new(), &Environment::new()))
    {
        Ok(Some(json)) => to_json_text(&json, 0),
        Ok(None) => "undefined".to_string(),
        Err(e) => e.code.to_string(),
    }
}

#[test]
fn url_encoding_rejects_a_lone_surrogate() {
    assert_eq!(eval(r"$encodeUrl('\ud800')"), "D3140");
    assert_eq!(eval(r"$encodeUrlComponent('a\udc00b')"), "D3140");
    assert_eq!(eval(r"$encodeUrl('x' & '\uDBFF' & 'y')"), "D3140");
}

#[test]
fn url_encoding_accepts_pairs_and_the_replacement_character() {
    assert_eq!(eval(r"$encodeUrl('\ufffd')"), r#""%EF%BF%BD""#);
    assert_eq!(
        eval(r"$encodeUrlComponent('\uD83D\uDE00 ok')"),
        r#""%F0%9F%98%80%20ok""#
    );
}

#[test]
fn a_lone_surrogate_is_one_character() {
    assert_eq!(eval(r"$length('a\ud800b')"), "3");
    assert_eq!(eval(r"$substring('a\ud800b', 2)"), r#""b""#);
    assert_eq!(eval(r"'\ud800' = '\ufffd'"), "false");
}

#[test]
fn the_error_names_the_function() {
    let err = Expression::compile(r"$encodeUrlComponent('\ud800')")
        .and_then(|e| e.evaluate_with(None, &Bindings::new(), &Environment::new()))
        .expect_err("a lone surrogate cannot be URL-encoded");
    assert_eq!(err.code, "D3140");
    assert!(err.message.contains("encodeUrlComponent"), "{err}");
}
