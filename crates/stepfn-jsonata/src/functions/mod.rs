//! The built-in functions: JSONata 2.0.6's library (without `$eval`) and
//! the functions AWS Step Functions adds (`$partition`, `$range`, `$hash`,
//! `$random` with a seed, `$uuid`, `$parse`).
//!
//! Each function has jsonata-js's signature (its arguments are checked and
//! completed before the function runs), its arity (how many arguments a
//! higher-order function passes it) and its parameter count (what a
//! partial application binds).

mod aggregate;
mod array;
mod aws;
mod datetime;
pub(crate) mod encoding;
mod format_integer;
mod format_number;
mod hof;
mod number_words;
mod numeric;
mod object;
pub(crate) mod regex;
mod string;

use std::sync::LazyLock;

use stepfn::syntax::jsonata::Signature;

use crate::error::Result;
use crate::eval::Ctx;
use crate::value::Value;

/// The Rust type of a built-in's implementation: the evaluation, the
/// validated arguments and the call's position.
pub(crate) type Implementation = for<'a> fn(&Ctx<'a>, &[Value<'a>], usize) -> Result<Value<'a>>;

/// A built-in function.
pub(crate) struct Builtin {
    /// The name, without `$`.
    pub(crate) name: &'static str,
    /// The signature.
    signature: LazyLock<Signature>,
    /// Arguments passed by higher-order functions (value, index, array).
    pub(crate) arity: usize,
    /// Parameters bound by partial application.
    pub(crate) params: usize,
    /// The implementation.
    pub(crate) implementation: Implementation,
}

impl std::fmt::Debug for Builtin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "${}", self.name)
    }
}

/// The signature of a built-in.
pub(crate) fn signature_of(builtin: &Builtin) -> &Signature {
    &builtin.signature
}

/// The argument `i`, or undefined.
pub(crate) fn arg<'a>(args: &[Value<'a>], i: usize) -> Value<'a> {
    args.get(i).copied().unwrap_or(Value::Undefined)
}

/// Declares the table of built-ins: name, signature, arity, parameters,
/// implementation.
macro_rules! builtins {
    ($( $name:literal, $sig:literal, $arity:literal, $params:literal, $imp:path; )*) => {
        /// How many built-ins there are.
        const COUNT: usize = [$($name),*].len();
        /// Every built-in, sorted by name.
        static BUILTINS: [Builtin; COUNT] = [
            $( Builtin {
                name: $name,
                signature: LazyLock::new(|| {
                    Signature::parse($sig).unwrap_or_else(|_| Signature {
                        text: String::new(),
                        params: Vec::new(),
                    })
                }),
                arity: $arity,
                params: $params,
                implementation: $imp,
            }, )*
        ];
    };
}

builtins! {
    "abs", "<n-:n>", 1, 1, numeric::abs;
    "append", "<xx:a>", 2, 2, array::append;
    "assert", "<bs?:x>", 2, 2, object::assert;
    "average", "<a<n>:n>", 1, 1, aggregate::average;
    "base64decode", "<s-:s>", 1, 1, encoding::base64decode;
    "base64encode", "<s-:s>", 1, 1, encoding::base64encode;
    "boolean", "<x-:b>", 1, 1, object::boolean;
    "ceil", "<n-:n>", 1, 1, numeric::ceil;
    "clone", "<(oa)-:o>", 1, 1, object::clone;
    "contains", "<s-(sf):b>", 2, 2, regex::contains;
    "count", "<a:n>", 1, 1, aggregate::count;
    "decodeUrl", "<s-:s>", 1, 1, encoding::decode_url;
    "decodeUrlComponent", "<s-:s>", 1, 1, encoding::decode_url_component;
    "distinct", "<x:x>", 1, 1, array::distinct;
    "each", "<o-f:a>", 2, 2, hof::each;
    "encodeUrl", "<s-:s>", 1, 1, encoding::encode_url;
    "encodeUrlComponent", "<s-:s>", 1, 1, encoding::encode_url_component;
    "error", "<s?:x>", 1, 1, object::error;
    "exists", "<x:b>", 1, 1, object::exists;
    "filter", "<af>", 2, 2, hof::filter;
    "floor", "<n-:n>", 1, 1, numeric::floor;
    "formatBase", "<n-n?:s>", 2, 2, numeric::format_base;
    "formatInteger", "<n-s:s>", 2, 2, format_integer::format_integer;
    "formatNumber", "<n-so?:s>", 3, 3, format_number::format_number;
    "fromMillis", "<n-s?s?:s>", 3, 3, datetime::from_millis;
    "hash", "<s-s?:s>", 2, 2, aws::hash;
    "join", "<a<s>s?:s>", 2, 2, string::join;
    "keys", "<x-:a<s>>", 1, 1, object::keys;
    "length", "<s-:n>", 1, 1, string::length;
    "lookup", "<x-s:x>", 2, 2, object::lookup;
    "lowercase", "<s-:s>", 1, 1, string::lowercase;
    "map", "<af>", 2, 2, hof::map;
    "match", "<s-f<s:o>n?:a<o>>", 3, 3, regex::match_;
    "max", "<a<n>:n>", 1, 1, aggregate::max;
    "merge", "<a<o>:o>", 1, 1, object::merge;
    "millis", "<:n>", 0, 0, datetime::millis;
    "min", "<a<n>:n>", 1, 1, aggregate::min;
    "not", "<x-:b>", 1, 1, object::not;
    "now", "<s?s?:s>", 2, 2, datetime::now;
    "number", "<(nsb)-:n>", 1, 1, numeric::number;
    "pad", "<s-ns?:s>", 3, 3, string::pad;
    "parse", "<s-:j>", 1, 1, aws::parse;
    "parseInteger", "<s-s:n>", 2, 2, format_integer::parse_integer;
    "partition", "<an:a>", 2, 2, aws::partition;
    "power", "<n-n:n>", 2, 2, numeric::power;
    "random", "<n?:n>", 1, 1, aws::random;
    "range", "<nnn?:a<n>>", 3, 3, aws::range;
    "reduce", "<afj?:j>", 3, 3, hof::reduce;
    "replace", "<s-(sf)(sf)n?:s>", 4, 4, regex::replace;
    "reverse", "<a:a>", 1, 1, array::reverse;
    "round", "<n-n?:n>", 2, 2, numeric::round;
    "shuffle", "<a:a>", 1, 1, array::shuffle;
    "sift", "<o-f?:o>", 2, 2, hof::sift;
    "single", "<af?>", 2, 2, hof::single;
    "sort", "<af?:a>", 2, 2, array::sort;
    "split", "<s-(sf)n?:a<s>>", 3, 3, regex::split;
    "spread", "<x-:a<o>>", 1, 1, object::spread;
    "sqrt", "<n-:n>", 1, 1, numeric::sqrt;
    "string", "<x-b?:s>", 1, 2, string::string;
    "substring", "<s-nn?:s>", 3, 3, string::substring;
    "substringAfter", "<s-s:s>", 2, 2, string::substring_after;
    "substringBefore", "<s-s:s>", 2, 2, string::substring_before;
    "sum", "<a<n>:n>", 1, 1, aggregate::sum;
    "toMillis", "<s-s?:n>", 2, 2, datetime::to_millis;
    "trim", "<s-:s>", 1, 1, string::trim;
    "type", "<x:s>", 1, 1, object::type_;
    "uppercase", "<s-:s>", 1, 1, string::uppercase;
    "uuid", "<:s>", 0, 0, aws::uuid;
    "zip", "<a+>", 0, 1, array::zip;
}

/// The built-in called `name`.
pub(crate) fn builtin(name: &str) -> Option<&'static Builtin> {
    BUILTINS
        .binary_search_by(|b| b.name.cmp(name))
        .ok()
        .and_then(|i| BUILTINS.get(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_signatures_parse() {
        let names: Vec<&str> = BUILTINS.iter().map(|b| b.name).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        assert_eq!(names, sorted);
        for b in &BUILTINS {
            assert!(builtin(b.name).is_some(), "{}", b.name);
            let sig = signature_of(b);
            assert!(!sig.text.is_empty(), "{}", b.name);
        }
        assert!(builtin("eval").is_none());
    }
}
