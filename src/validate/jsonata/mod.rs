//! Checks JSONata expressions the way AWS Step Functions does at
//! `CreateStateMachine` time.
//!
//! A JSONata state writes expressions as whole JSON strings `"{% … %}"`;
//! [`check`] takes the text between the delimiters and
//!
//! * parses it with the full JSONata 2.x grammar (reporting what the
//!   reference implementation rejects while parsing, as a [`SyntaxError`],
//!   which AWS reports as `INVALID_JSONATA_EXPRESSION`), and
//! * analyses the references it makes ([`Analysis`]): the top-level `$`,
//!   field and `$$` references AWS rejects as
//!   `UNSUPPORTED_JSONATA_EXPRESSION`, every `$states.<field>` use (so callers
//!   can check `$states.result`/`$states.errorOutput` availability), and the
//!   variables the expression reads from outside itself.
//!
//! A valid expression is never rejected: where JSONata's parser is stricter
//! than is practical to mirror exactly, this module errs on the side of
//! accepting.
//!
//! The parser is the shared one in [`crate::syntax::jsonata`]; this module
//! adds the reference analysis (`refs`).

mod refs;

use crate::syntax::SyntaxError;

/// What an accepted expression refers to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Analysis {
    /// Problems AWS reports as UNSUPPORTED_JSONATA_EXPRESSION, in source order.
    pub(crate) unsupported: Vec<Unsupported>,
    /// Every `$states.<field>` reference anywhere in the expression (field =
    /// "input", "context", "result", "errorOutput", or anything else
    /// written), with the byte offset of its `$states`, in source order.
    pub(crate) states_fields: Vec<(String, usize)>,
    /// Every variable referenced (`$name`, without the `$`), excluding
    /// `$states`, lambda parameters and variables bound inside the expression
    /// with `:=` (or `@`/`#`); with the offset of the `$`, in source order.
    /// Built-in function names such as `count` in `$count(x)` are included.
    pub(crate) variables: Vec<(String, usize)>,
}

/// One unsupported reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unsupported {
    /// Byte offset of the reference within the expression.
    pub(crate) offset: usize,
    /// What was referenced.
    pub(crate) kind: UnsupportedKind,
}

/// The kinds of unsupported reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum UnsupportedKind {
    /// A bare field name at the top level, e.g. `phone` or `states` in `states.input`.
    TopLevelField(String),
    /// A bare `$` (the context value) at the top level.
    TopLevelContext,
    /// `$$` anywhere.
    DoubleDollar,
}

impl UnsupportedKind {
    /// The message AWS gives for this kind of reference.
    pub(crate) fn message(&self) -> String {
        match self {
            UnsupportedKind::TopLevelField(name) => {
                format!("Reference to '{name}' at the top level is not supported.")
            }
            UnsupportedKind::TopLevelContext => {
                "Reference to '$' at the top level is not supported.".to_string()
            }
            UnsupportedKind::DoubleDollar => "Reference to '$$' is not supported.".to_string(),
        }
    }
}

/// Result of checking one JSONata expression (the text between `{%` and
/// `%}`, delimiters already removed).
pub(crate) fn check(expr: &str) -> Result<Analysis, SyntaxError> {
    let tree = crate::syntax::jsonata::parse(expr)?;
    Ok(refs::analyze(&tree))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brief_examples() {
        let top = |src: &str| check(src).expect(src).unsupported;
        let kind = |src: &str| top(src).into_iter().map(|u| u.kind).collect::<Vec<_>>();
        assert_eq!(
            kind("phone"),
            vec![UnsupportedKind::TopLevelField("phone".into())]
        );
        assert_eq!(
            kind("states.input.x"),
            vec![UnsupportedKind::TopLevelField("states".into())]
        );
        assert_eq!(kind("$"), vec![UnsupportedKind::TopLevelContext]);
        assert_eq!(kind("$.x"), vec![UnsupportedKind::TopLevelContext]);
        assert_eq!(kind("$$"), vec![UnsupportedKind::DoubleDollar]);
        assert_eq!(kind("$$.x"), vec![UnsupportedKind::DoubleDollar]);
        assert_eq!(
            kind("$count(items)"),
            vec![UnsupportedKind::TopLevelField("items".into())]
        );
        for fine in [
            "$states.input.items[price > 5]",
            "$states.input.(a + b)",
            "$map($states.input.xs, function($v){ $v.a + b })",
            "($x := 5; $x + 1)",
        ] {
            assert_eq!(top(fine), vec![], "{fine}");
        }
        let e = check("420.").expect_err("420.");
        assert_eq!(e.offset, 4);
        assert_eq!(e.message, "expected an expression after `.`");
        assert_eq!(
            e.to_string(),
            "expected an expression after `.` (at byte 4)"
        );
    }

    #[test]
    fn aws_messages() {
        assert_eq!(
            UnsupportedKind::TopLevelField("phone".into()).message(),
            "Reference to 'phone' at the top level is not supported."
        );
        assert_eq!(
            UnsupportedKind::DoubleDollar.message(),
            "Reference to '$$' is not supported."
        );
        assert_eq!(
            UnsupportedKind::TopLevelContext.message(),
            "Reference to '$' at the top level is not supported."
        );
    }

    #[test]
    fn full_analysis() {
        let found = check("$f($states.result.a, $x, $y := 1, $y)").expect("valid");
        assert_eq!(found.states_fields, vec![("result".to_string(), 3)]);
        assert_eq!(
            found.variables,
            vec![("f".to_string(), 0), ("x".to_string(), 21)]
        );
        assert!(found.unsupported.is_empty());
    }

    #[test]
    fn never_panics_on_odd_input() {
        let samples = [
            "\u{0}",
            "é",
            "$é",
            "\"é",
            "'\\",
            "`",
            "/",
            "/*",
            "*/",
            "\\",
            "λ(",
            "function(",
            "<",
            "$f(?",
            "a[",
            "a{",
            "a^",
            "a@",
            "a#",
            "|",
            "||",
            "a ? :",
            "?",
            "??",
            "?:",
            ":=",
            "..",
            "[1..]",
            "{:}",
            "%",
            "a.%.%",
            "1e",
            "1e+",
            "0x1",
            "1.2.3",
            "\u{feff}a",
            "a\u{a0}b",
            "\"\\u",
            "\"\\u12",
            "\"\\ud800\"",
            "/[/",
            "/(/)/",
            "$$$$",
            "`é",
            "é.è",
            "🙂 + 1",
        ];
        for sample in samples {
            let _ = check(sample);
            for cut in 0..=sample.len() {
                if let Some(prefix) = sample.get(..cut) {
                    let _ = check(prefix);
                }
            }
        }
        // every prefix of a large valid expression
        let big = "( $x := $states.input.items[price > 5]{`k`: $sum(v)}; $map($x, function($v, $i)<x-n:x>{ {\"a\": $v.a ? 'd', 'b': [1..$i], 'c': /re(g)[/]x/i} }) ~> | ** | {'z': %.y}, ['q'] | ; -$x@$w^(>a)#$j.b /* end */ )";
        assert!(check(big).is_ok(), "{:?}", check(big));
        for (cut, _) in big.char_indices() {
            let _ = check(&big[..cut]);
        }
    }

    #[test]
    fn deep_input_is_an_error_not_an_overflow() {
        for (open, close) in [("(", ")"), ("[", "]"), ("-", "")] {
            let src = format!("{}1{}", open.repeat(100_000), close.repeat(100_000));
            let e = check(&src).expect_err(open);
            assert_eq!(e.message, "expression nests too deeply");
        }
    }

    #[test]
    fn one_megabyte_shapes_are_linear() {
        let mb = 1_000_000;
        let shapes = [
            format!("a{}{}", "[0]".repeat(mb / 6), ".b".repeat(mb / 4)),
            format!("({})", "$x := 1;".repeat(mb / 8)),
            format!("({} 1)", "$v; ".repeat(mb / 4)),
            format!("function($a){{ {} 1 }}", "$b + ".repeat(mb / 5)),
            vec!["$states.input.a"; mb / 16].join(" & "),
            format!("[{}]", vec!["{'k': [1, \"s\", /r/]}"; mb / 24].join(",")),
            "/* comment */ ".repeat(mb / 14) + "1",
            format!("{}1", "a ? 1 : ".repeat(mb / 8)),
        ];
        for src in &shapes {
            let started = std::time::Instant::now();
            let _ = check(src);
            let took = started.elapsed().as_secs_f64();
            assert!(took < 5.0, "{took}s for {}", &src[..40]);
        }
    }

    #[test]
    fn one_megabyte_is_fast() {
        let unit = "$states.input.items[price > 5].name & 'x' & $f(a, [1, 2]) + ";
        let src = format!("{}1", unit.repeat(1_000_000 / unit.len()));
        assert!(src.len() > 990_000);
        let started = std::time::Instant::now();
        let found = check(&src).expect("valid");
        assert!(
            started.elapsed().as_secs_f64() < 5.0,
            "{:?}",
            started.elapsed()
        );
        assert!(!found.unsupported.is_empty());
        let long_string = format!("'{}'", "x".repeat(1_000_000));
        assert!(check(&long_string).is_ok());
        let long_name = "n".repeat(1_000_000);
        assert_eq!(check(&long_name).expect("valid").unsupported.len(), 1);
    }
}
