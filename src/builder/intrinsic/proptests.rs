//! Property tests of the typed intrinsic constructors: every call they can
//! build is accepted by the parser and is its canonical text; literals
//! round-trip through the escape decoder.

use std::num::{NonZeroI64, NonZeroU64};

use proptest::prelude::*;

use super::args::StrRepr;
use super::tests::placeholders;
use super::*;
use crate::builder::JsonPath;
use crate::syntax::intrinsic::{parse_intrinsic, unescape};

/// Whether the parser accepts a call.
fn check_intrinsic(text: &str) -> Result<(), crate::syntax::SyntaxError> {
    parse_intrinsic(text).map(|_| ())
}

/// Decodes the body of a literal (between the quotes) with the parser's
/// decoder.
fn decode(body: &str) -> Option<String> {
    unescape(body).ok()
}

/// Builds pseudo-random intrinsic calls from proptest-chosen numbers and
/// strings, never more than 10 calls in one tree.
struct Gen<'a> {
    /// Choices; cycled.
    seeds: &'a [u64],
    /// Next choice.
    at: usize,
    /// String pool; cycled.
    strings: &'a [String],
    /// Next string.
    string_at: usize,
    /// Calls made so far.
    calls: usize,
}

impl Gen<'_> {
    fn next(&mut self) -> u64 {
        let n = self.seeds.get(self.at % self.seeds.len().max(1)).copied();
        self.at += 1;
        n.unwrap_or(0)
    }

    fn pick(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn string(&mut self) -> String {
        let s = self.strings.get(self.string_at % self.strings.len().max(1));
        self.string_at += 1;
        s.cloned().unwrap_or_default()
    }

    fn path(&mut self) -> JsonPath {
        let mut p = match self.pick(3) {
            0 => JsonPath::input(),
            1 => JsonPath::context(),
            _ => JsonPath::variable("v"),
        };
        for _ in 0..self.pick(3) {
            p = if self.pick(3) == 0 {
                p.index(usize::from(
                    u16::try_from(self.next() & 0xffff).unwrap_or(0),
                ))
            } else {
                let name = self.string();
                p.field(name)
            };
        }
        p
    }

    /// A nested call if the budget allows, else a Path.
    fn dynamic(&mut self) -> PathOrCall {
        if self.calls < 10 && self.pick(3) == 0 {
            self.call().into()
        } else {
            self.path().into()
        }
    }

    fn any(&mut self) -> IntrinsicArg {
        match self.pick(8) {
            0 => self.string().into(),
            1 => i64::from_ne_bytes(self.next().to_ne_bytes()).into(),
            2 => f64::from_bits(self.next()).into(),
            3 => (self.next() % 2 == 0).into(),
            4 => IntrinsicArg::null(),
            5 => (self.next() % 3 == 0).then_some(1.5f32).into(),
            _ => self.dynamic().into(),
        }
    }

    fn str_arg(&mut self) -> StrArg {
        match self.pick(3) {
            0 => StrArg(StrRepr::Dynamic(self.dynamic().0)),
            _ => self.string().into(),
        }
    }

    fn int(&mut self) -> IntArg {
        match self.pick(3) {
            0 => IntArg(self.dynamic().0),
            1 => self.next().into(),
            _ => i64::from_ne_bytes(self.next().to_ne_bytes()).into(),
        }
    }

    fn values(&mut self, n: usize) -> Vec<IntrinsicArg> {
        (0..n).map(|_| self.any()).collect()
    }

    fn call(&mut self) -> Intrinsic {
        self.calls += 1;
        match self.pick(19) {
            0 => {
                if self.pick(4) == 0 {
                    let template = self.dynamic();
                    let n = usize::try_from(self.pick(4)).unwrap_or(0);
                    let values = self.values(n);
                    Intrinsic::format(StrArg(StrRepr::Dynamic(template.0)), values)
                } else {
                    let template = self.string();
                    let values = self.values(placeholders(&template));
                    Intrinsic::format(template, values)
                }
            }
            1 => Intrinsic::string_to_json(self.str_arg()),
            2 => Intrinsic::json_to_string(self.dynamic()),
            3 => {
                let n = usize::try_from(self.pick(4)).unwrap_or(0);
                Intrinsic::array(self.values(n))
            }
            4 => {
                let size = if self.pick(2) == 0 {
                    CountArg(self.dynamic().0)
                } else {
                    NonZeroU64::new(self.next())
                        .unwrap_or(NonZeroU64::MAX)
                        .into()
                };
                Intrinsic::array_partition(self.dynamic(), size)
            }
            5 => Intrinsic::array_contains(self.dynamic(), self.any()),
            6 => {
                let step = if self.pick(2) == 0 {
                    StepArg(self.dynamic().0)
                } else {
                    let n = i64::from_ne_bytes(self.next().to_ne_bytes());
                    NonZeroI64::new(n).unwrap_or(NonZeroI64::MIN).into()
                };
                Intrinsic::array_range(self.int(), self.int(), step)
            }
            7 => Intrinsic::array_get_item(self.dynamic(), self.int()),
            8 => Intrinsic::array_length(self.dynamic()),
            9 => Intrinsic::array_unique(self.dynamic()),
            10 => Intrinsic::base64_encode(self.str_arg()),
            11 => Intrinsic::base64_decode(self.str_arg()),
            12 => {
                let alg = HashAlgorithm::ALL
                    .get(usize::try_from(self.pick(5)).unwrap_or(0))
                    .copied()
                    .unwrap_or(HashAlgorithm::Md5);
                Intrinsic::hash(self.any(), alg)
            }
            13 => Intrinsic::json_merge(self.dynamic(), self.dynamic()),
            14 => Intrinsic::math_random(self.int(), self.int()),
            15 => Intrinsic::math_random_with_seed(self.int(), self.int(), self.int()),
            16 => Intrinsic::math_add(self.int(), self.int()),
            17 => Intrinsic::string_split(self.str_arg(), self.str_arg()),
            _ => Intrinsic::uuid(),
        }
    }
}

/// Strings rich in the characters that need escaping.
fn nasty_string() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[{}'\\\\\"$.,() a]{0,12}",
        "(\\PC|[{}'\\\\]){0,16}",
    ]
}

proptest! {
    #[test]
    fn generated_calls_always_pass_the_validator(
        seeds in prop::collection::vec(any::<u64>(), 1..64),
        strings in prop::collection::vec(nasty_string(), 1..8),
    ) {
        let mut g = Gen { seeds: &seeds, at: 0, strings: &strings, string_at: 0, calls: 0 };
        let f = g.call();
        prop_assert!(g.calls <= 10);
        let parsed = parse_intrinsic(f.as_str());
        prop_assert_eq!(parsed.map(|c| c.to_string()), Ok(f.to_string()));
    }

    #[test]
    fn string_literals_round_trip(s in nasty_string()) {
        let f = Intrinsic::base64_encode(s.as_str());
        let text = f.to_string();
        prop_assert!(check_intrinsic(&text).is_ok(), "{}", text);
        let body = text
            .strip_prefix("States.Base64Encode('")
            .and_then(|t| t.strip_suffix("')"));
        prop_assert_eq!(body.and_then(decode), Some(s));
    }

    #[test]
    fn format_templates_round_trip_and_count_placeholders(s in nasty_string()) {
        let n = placeholders(&s);
        let f = Intrinsic::format(s.as_str(), vec![IntrinsicArg::from(0); n]);
        let text = f.to_string();
        prop_assert!(check_intrinsic(&text).is_ok(), "{}", text);
        let zeros = ", 0".repeat(n);
        let body = text
            .strip_prefix("States.Format('")
            .and_then(|t| t.strip_suffix(&format!("'{zeros})")));
        prop_assert_eq!(body.and_then(decode), Some(s));
    }
}
