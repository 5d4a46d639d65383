//! The layout agrees with rustfmt: generated statements of every kind of
//! expression, nested, at several indentations, are left unchanged by
//! `rustfmt --check`.

use super::{Expr, Layout};

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const WORDS: &[&str] = &[
    "a",
    "id",
    "Payload",
    "FunctionName",
    "arn:aws:states:::lambda:invoke",
    "arn:aws:lambda:us-east-1:123456789012:function:ProcessTheIncomingOrderQuickly",
    "$.detail.order.lines[0].sku",
    "States.ALL",
    "{% $states.input.order.total * 1.2 %}",
    "Wait X Seconds",
    "x",
    "States.Format('order {} of {}', $.id, $.count)",
];

fn lit(rng: &mut Rng) -> Expr {
    match rng.below(6) {
        0 => Expr::Lit(rng.below(100_000).to_string()),
        1 => Expr::Lit("true".to_owned()),
        2 => Expr::path("Discard"),
        3 => Expr::path("Json::Null"),
        _ => Expr::str(WORDS[rng.below(WORDS.len() as u64) as usize]),
    }
}

fn expr(rng: &mut Rng, depth: u32) -> Expr {
    if depth == 0 {
        return lit(rng);
    }
    match rng.below(7) {
        0 | 1 => lit(rng),
        2 => {
            let n = rng.below(4) as usize;
            Expr::call("Goto::new", (0..n).map(|_| expr(rng, depth - 1)).collect())
        }
        3 => {
            let n = rng.below(6) as usize;
            Expr::Array((0..n).map(|_| expr(rng, depth - 1)).collect())
        }
        4 if rng.below(3) == 0 => {
            // Many short literals: filled several to a line.
            let n = 8 + rng.below(24) as usize;
            let items = (0..n).map(|_| {
                let bits = rng.below(30);
                Expr::Lit(format!("-{}.5", rng.below(1 << bits)))
            });
            Expr::Array(items.collect())
        }
        _ => {
            let mut e = if rng.below(2) == 0 {
                Expr::call("Payload::new", vec![])
            } else {
                Expr::path("submit_job")
            };
            for _ in 0..=rng.below(5) {
                let n = rng.below(3) as usize;
                let args = (0..n).map(|_| expr(rng, depth - 1)).collect();
                e = e.method(
                    ["field", "next", "when", "retry", "or"][rng.below(5) as usize],
                    args,
                );
            }
            e
        }
    }
}

/// rustfmt's output for `source` (rustfmt comes with the toolchain).
pub(crate) fn rustfmt(source: &str) -> String {
    use std::io::Write;
    let mut child = std::process::Command::new("rustfmt")
        .args(["--edition", "2021", "--emit", "stdout", "--quiet"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("rustfmt runs (it comes with the Rust toolchain: rustup component add rustfmt)");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(source.as_bytes())
        .expect("write to rustfmt");
    let out = child.wait_with_output().expect("rustfmt finishes");
    assert!(out.status.success(), "rustfmt failed on:\n{source}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn generated_statements_are_as_rustfmt_writes_them() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut layout = Layout::default();
    let mut source = String::new();
    let mut count = 0;
    for f in 0..60 {
        let indent = 4;
        source.push_str(&format!("fn f{f}() {{\n"));
        for s in 0..20 {
            let e = expr(&mut rng, 1 + (s % 4));
            let stmt = layout.let_statement(&format!("v{s}"), &e, indent);
            source.push_str("    ");
            source.push_str(&stmt);
            source.push('\n');
            count += 1;
        }
        let e = expr(&mut rng, 3);
        source.push_str("    ");
        source.push_str(&layout.tail_expression(&e, indent));
        source.push_str("\n}\n");
    }
    let formatted = rustfmt(&source);
    if formatted != source {
        let ours: Vec<&str> = source.lines().collect();
        let theirs: Vec<&str> = formatted.lines().collect();
        let at = ours
            .iter()
            .zip(&theirs)
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        let from = at.saturating_sub(8);
        panic!(
            "{count} statements; first difference at line {}:\n--- ours\n{}\n--- rustfmt\n{}",
            at + 1,
            ours[from..(at + 12).min(ours.len())].join("\n"),
            theirs[from..(at + 12).min(theirs.len())].join("\n"),
        );
    }
}
