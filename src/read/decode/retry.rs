//! Reading `Retry`: the retriers of a Task, Parallel or Map state.

use super::super::decoder::Decoder;
use super::super::fields::{Fields, Shape};
use super::super::location::Loc;
use super::super::parse::Node;
use crate::model::{JitterStrategy, Retrier};
use crate::problem::Code;

const RETRIER: Shape = Shape {
    what: "a retrier",
    names: &[
        "ErrorEquals",
        "IntervalSeconds",
        "MaxAttempts",
        "BackoffRate",
        "MaxDelaySeconds",
        "JitterStrategy",
        "Comment",
    ],
    elsewhere: &[
        (
            "Next",
            "retriers retry the same state; use `Catch` to go elsewhere",
        ),
        ("ResultPath", "it belongs on catchers"),
    ],
};

/// Reads `Retry`.
pub(crate) fn retry(decoder: &mut Decoder, node: Node<'_>, loc: &Loc<'_>) -> Option<Vec<Retrier>> {
    decoder.array_of(node, loc, retrier)
}

fn retrier(decoder: &mut Decoder, node: Node<'_>, loc: &Loc<'_>) -> Option<Retrier> {
    let mut f = Fields::read(decoder, node, loc, RETRIER)?;
    let error_equals = f.required(decoder, "ErrorEquals", Decoder::string_array);
    let retrier = Retrier {
        comment: f.get(decoder, "Comment", Decoder::string),
        interval_seconds: f.get(decoder, "IntervalSeconds", Decoder::u64),
        max_attempts: f.get(decoder, "MaxAttempts", Decoder::u64),
        backoff_rate: f.get(decoder, "BackoffRate", Decoder::number),
        max_delay_seconds: f.get(decoder, "MaxDelaySeconds", Decoder::u64),
        jitter_strategy: f.get(decoder, "JitterStrategy", jitter_strategy),
        error_equals: error_equals?,
    };
    f.finish(decoder, RETRIER.what);
    Some(retrier)
}

fn jitter_strategy(decoder: &mut Decoder, node: Node<'_>, loc: &Loc<'_>) -> Option<JitterStrategy> {
    let at = node.at;
    let name = decoder.string(node, loc)?;
    let strategy = JitterStrategy::parse(&name);
    if strategy.is_none() {
        let message = format!("`{name}` is not a jitter strategy: use \"FULL\" or \"NONE\"");
        decoder.report(at, loc, Code::InvalidValue, message);
    }
    strategy
}
