//! The 18 intrinsic functions of JSONPath states, with AWS's results and
//! limits. A call is compiled once (its Path arguments ready to select)
//! and evaluated against an [`Env`]; a Path argument that selects nothing
//! is `States.Runtime`, every other failure `States.IntrinsicFailure`.
//!
//! Files: `text` (Format, StringToJson, JsonToString, StringSplit, the
//! Base64 pair), `array` (the Array functions and JsonMerge), `math`
//! (MathAdd, MathRandom, UUID), `hash`, `base64`.

mod array;
mod base64;
mod hash;
mod math;
mod text;

use std::borrow::Cow;

use stepfn::model::Json;
use stepfn::syntax::intrinsic::{Arg, ArgValue, Call, Function};

use super::jsonpath::{Found, JsonPath};
use super::{Env, EvalError};

/// An intrinsic call compiled once per definition.
#[derive(Debug, Clone)]
pub(crate) struct Intrinsic {
    /// The compiled call.
    call: Compiled,
}

/// A call with its arguments ready to evaluate.
#[derive(Debug, Clone)]
struct Compiled {
    function: Function,
    args: Vec<Argument>,
    /// The byte offset of each argument in the call's text.
    offsets: Vec<usize>,
}

/// One compiled argument.
#[derive(Debug, Clone)]
enum Argument {
    /// A literal value.
    Value(Json),
    /// The literal template of `States.Format`: the text around each `{}`.
    Template(Vec<String>),
    /// A Path, read when the call is evaluated.
    Path(JsonPath),
    /// A nested call.
    Call(Box<Compiled>),
}

impl Intrinsic {
    /// Parses and compiles a call.
    #[cfg(test)]
    pub(crate) fn parse(text: &str) -> Result<Intrinsic, stepfn::syntax::SyntaxError> {
        let call = stepfn::syntax::intrinsic::parse_intrinsic(text)?;
        Ok(Intrinsic::from_call(&call))
    }

    /// Compiles a parsed call.
    pub(crate) fn from_call(call: &Call) -> Intrinsic {
        Intrinsic {
            call: compile(call),
        }
    }

    /// Evaluates the call.
    pub(crate) fn evaluate(&self, env: Env<'_>) -> Result<Json, EvalError> {
        evaluate(&self.call, env)
    }
}

/// Compiles a call; calls nest at most 10 deep (the parser's limit).
fn compile(call: &Call) -> Compiled {
    Compiled {
        function: call.function,
        args: call.args.iter().map(compile_arg).collect(),
        offsets: call.args.iter().map(|arg| arg.offset).collect(),
    }
}

fn compile_arg(arg: &Arg) -> Argument {
    match &arg.value {
        ArgValue::String(s) => Argument::Value(Json::String(s.clone())),
        ArgValue::Template(pieces) => Argument::Template(pieces.clone()),
        ArgValue::Number(n) => Argument::Value(Json::Number(n.clone())),
        ArgValue::Bool(b) => Argument::Value(Json::Bool(*b)),
        ArgValue::Null => Argument::Value(Json::Null),
        ArgValue::Path(path) => {
            Argument::Path(JsonPath::from_tree(&path.to_string(), path.clone()))
        }
        ArgValue::Call(inner) => Argument::Call(Box::new(compile(inner))),
    }
}

/// Evaluates a compiled call.
fn evaluate(call: &Compiled, env: Env<'_>) -> Result<Json, EvalError> {
    let args = Args { call, env };
    match call.function {
        Function::Format => text::format(&args),
        Function::StringToJson => text::string_to_json(&args),
        Function::JsonToString => text::json_to_string(&args),
        Function::StringSplit => text::string_split(&args),
        Function::Base64Encode => text::base64_encode(&args),
        Function::Base64Decode => text::base64_decode(&args),
        Function::Array => {
            let mut items = Vec::with_capacity(args.len());
            for i in 0..args.len() {
                items.push(args.json(i)?.into_owned());
            }
            Ok(Json::Array(items))
        }
        Function::ArrayPartition => array::partition(&args),
        Function::ArrayContains => array::contains(&args),
        Function::ArrayRange => array::range(&args),
        Function::ArrayGetItem => array::get_item(&args),
        Function::ArrayLength => array::length(&args),
        Function::ArrayUnique => array::unique(&args),
        Function::JsonMerge => array::json_merge(&args),
        Function::Hash => hash::hash(&args),
        Function::MathRandom => math::random(&args, env),
        Function::MathAdd => math::add(&args),
        Function::Uuid => Ok(math::uuid(env)),
    }
}

/// The arguments of one call, evaluated when a function reads them (each
/// once, left to right): a Path argument is borrowed from the document, not
/// copied. Typed accessors fail with `States.IntrinsicFailure` naming the
/// function and the argument; a Path that selects nothing is
/// `States.Runtime`.
struct Args<'c, 'e> {
    call: &'c Compiled,
    env: Env<'e>,
}

impl<'c, 'e> Args<'c, 'e>
where
    'c: 'e,
{
    /// The function's name.
    fn name(&self) -> &'static str {
        self.call.function.name()
    }

    /// How many arguments there are.
    fn len(&self) -> usize {
        self.call.args.len()
    }

    /// Argument `i`'s value.
    fn json(&self, i: usize) -> Result<Cow<'e, Json>, EvalError> {
        match self.call.args.get(i) {
            Some(Argument::Value(value)) => Ok(Cow::Borrowed(value)),
            Some(Argument::Template(pieces)) => Ok(Cow::Owned(Json::String(pieces.join("{}")))),
            Some(Argument::Path(path)) => match path.select(self.env) {
                Ok(Found::Node(node)) => Ok(Cow::Borrowed(node)),
                Ok(Found::Built(value)) => Ok(Cow::Owned(value)),
                Err(missing) => Err(EvalError::runtime(format!(
                    "Invalid path '{}' : {}",
                    path.text(),
                    missing.0
                ))
                .at(self.offset(i))),
            },
            Some(Argument::Call(inner)) => evaluate(inner, self.env).map(Cow::Owned),
            None => Err(self.fail(i, "is missing")),
        }
    }

    /// `States.Format`'s literal template pieces, when argument `i` is one.
    fn template(&self, i: usize) -> Option<&'c [String]> {
        match self.call.args.get(i) {
            Some(Argument::Template(pieces)) => Some(pieces),
            _ => None,
        }
    }

    /// Argument `i`, which must be a string.
    fn string(&self, i: usize) -> Result<Cow<'e, str>, EvalError> {
        match self.json(i)? {
            Cow::Borrowed(Json::String(s)) => Ok(Cow::Borrowed(s)),
            Cow::Owned(Json::String(s)) => Ok(Cow::Owned(s)),
            other => Err(self.wrong(i, "a string", &other)),
        }
    }

    /// Argument `i`, which must be an array.
    fn array(&self, i: usize) -> Result<Cow<'e, [Json]>, EvalError> {
        match self.json(i)? {
            Cow::Borrowed(Json::Array(items)) => Ok(Cow::Borrowed(items)),
            Cow::Owned(Json::Array(items)) => Ok(Cow::Owned(items)),
            other => Err(self.wrong(i, "an array", &other)),
        }
    }

    /// Argument `i`, which must be an integer (`3` or `3.0`).
    fn integer(&self, i: usize) -> Result<i64, EvalError> {
        let value = self.json(i)?;
        crate::json::as_integer(&value).ok_or_else(|| self.wrong(i, "an integer", &value))
    }

    /// The failure "argument `i` must be `what`, found …".
    fn wrong(&self, i: usize, what: &str, found: &Json) -> EvalError {
        self.fail(
            i,
            &format!(
                "must be {what}, but it is {}",
                crate::json::text(found)
                    .chars()
                    .take(100)
                    .collect::<String>()
            ),
        )
    }

    /// The failure "argument `i` …".
    fn fail(&self, i: usize, detail: &str) -> EvalError {
        EvalError::intrinsic(format!(
            "Invalid arguments in {}: argument {} {detail}",
            self.name(),
            i + 1
        ))
        .at(self.offset(i))
    }

    /// Where argument `i` was written, or the call itself when it is missing.
    fn offset(&self, i: usize) -> usize {
        self.call.offsets.get(i).copied().unwrap_or(0)
    }

    /// A failure of the function itself.
    fn error(&self, detail: &str) -> EvalError {
        EvalError::intrinsic(format!("Invalid arguments in {}: {detail}", self.name()))
    }
}

#[cfg(test)]
mod tests;
