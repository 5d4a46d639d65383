//! One `.$` value evaluated on its own, as a JSONPath state's payload
//! template evaluates it: a Path (`$.a`, `$$.Execution.Id`, `$name.b`) or an
//! intrinsic function call (`States.Format(…)`), with the same evaluator,
//! results and AWS errors as a run. `stepfn eval --jsonpath` is built on it.

use std::cell::{Cell, RefCell};

use stepfn::model::{Json, JsonObject};
use stepfn::syntax::{parse_path_or_intrinsic, PathOrIntrinsic};
use stepfn_jsonata::random::Rng;
use stepfn_jsonata::Error;

use crate::eval::intrinsic::Intrinsic;
use crate::eval::jsonpath::JsonPath;
use crate::eval::{Env, EvalError, Roots};

/// What a `.$` value reads: the input (`$`), the Context Object (`$$`), the
/// workflow variables (`$name`), and the seed of `States.UUID()` and
/// `States.MathRandom` without a seed.
///
/// ```
/// use stepfn::model::Json;
/// use stepfn_sim::JsonPathScope;
/// let input = Json::from(serde_json::json!({"a": 1}));
/// let scope = JsonPathScope::new(&input).seed(7);
/// assert_eq!(scope.input(), &input);
/// ```
#[derive(Debug, Clone)]
pub struct JsonPathScope<'a> {
    /// What `$` reads.
    input: &'a Json,
    /// What `$$` reads, if given.
    context: Option<&'a Json>,
    /// What `$name` reads, if given.
    variables: Option<&'a JsonObject>,
    /// The seed of the random generator, if given.
    seed: Option<u64>,
}

impl<'a> JsonPathScope<'a> {
    /// A scope with `input` as `$`, no Context Object, no variables and an
    /// unpredictable seed.
    ///
    /// ```
    /// use stepfn::model::Json;
    /// let input = Json::Null;
    /// assert_eq!(stepfn_sim::JsonPathScope::new(&input).input(), &Json::Null);
    /// ```
    #[must_use]
    pub fn new(input: &'a Json) -> Self {
        JsonPathScope {
            input,
            context: None,
            variables: None,
            seed: None,
        }
    }

    /// Sets the Context Object `$$` reads.
    ///
    /// ```
    /// use stepfn::model::Json;
    /// use stepfn_sim::{evaluate_jsonpath, JsonPathScope};
    /// let context = Json::from(serde_json::json!({"State": {"Name": "Go"}}));
    /// let input = Json::from(serde_json::json!({}));
    /// let scope = JsonPathScope::new(&input).context(&context);
    /// assert_eq!(evaluate_jsonpath("$$.State.Name", &scope), Ok("Go".into()));
    /// ```
    #[must_use]
    pub fn context(mut self, context: &'a Json) -> Self {
        self.context = Some(context);
        self
    }

    /// Sets the workflow variables `$name` reads.
    ///
    /// ```
    /// use stepfn::model::Json;
    /// use stepfn_sim::{evaluate_jsonpath, JsonPathScope};
    /// let Json::Object(variables) = Json::from(serde_json::json!({"total": {"amount": 7}})) else {
    ///     unreachable!()
    /// };
    /// let input = Json::from(serde_json::json!({}));
    /// let scope = JsonPathScope::new(&input).variables(&variables);
    /// assert_eq!(evaluate_jsonpath("$total.amount", &scope), Ok(Json::from(serde_json::json!(7))));
    /// ```
    #[must_use]
    pub fn variables(mut self, variables: &'a JsonObject) -> Self {
        self.variables = Some(variables);
        self
    }

    /// Seeds `States.UUID()` and `States.MathRandom` without a seed, for
    /// repeatable results.
    ///
    /// ```
    /// use stepfn::model::Json;
    /// use stepfn_sim::{evaluate_jsonpath, JsonPathScope};
    /// let input = Json::from(serde_json::json!({}));
    /// let scope = JsonPathScope::new(&input).seed(3);
    /// assert_eq!(evaluate_jsonpath("States.UUID()", &scope), evaluate_jsonpath("States.UUID()", &scope));
    /// ```
    #[must_use]
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = Some(seed);
        self
    }

    /// What `$` reads (example on [`JsonPathScope`]).
    #[must_use]
    pub fn input(&self) -> &'a Json {
        self.input
    }
}

/// Evaluates a JSONPath-mode value as a `.$` field of a JSONPath state
/// does: a Path gives the node it names (or, for `[*]`, `..`, slices,
/// unions and filters, an array of every match), an intrinsic call gives
/// its result.
///
/// ```
/// use stepfn::model::Json;
/// use stepfn_sim::{evaluate_jsonpath, JsonPathScope};
/// let input = Json::from(serde_json::json!({"items": [{"n": 1}, {"n": 5}], "who": "Ann"}));
/// let scope = JsonPathScope::new(&input);
/// let big = Json::from(serde_json::json!([5]));
/// assert_eq!(evaluate_jsonpath("$.items[?(@.n > 2)].n", &scope), Ok(big));
/// assert_eq!(evaluate_jsonpath("States.Format('Hi {}', $.who)", &scope), Ok("Hi Ann".into()));
/// assert_eq!(evaluate_jsonpath("$.nope", &scope).unwrap_err().code, "States.Runtime");
/// ```
///
/// # Errors
///
/// `INVALID_PATH` or `INVALID_INTRINSIC` (the validator's codes) when the
/// text does not parse, at the byte where it stops; otherwise the AWS error
/// a run raises, at the intrinsic argument that failed (byte 0 for a Path
/// on its own): `States.Runtime` when a Path that names one
/// node finds nothing or reads an unassigned variable,
/// `States.IntrinsicFailure` when an intrinsic call cannot compute its
/// result.
pub fn evaluate_jsonpath(text: &str, scope: &JsonPathScope<'_>) -> Result<Json, Error> {
    let parsed = parse_path_or_intrinsic(text).map_err(|e| Error {
        code: if text.starts_with('$') {
            "INVALID_PATH"
        } else {
            "INVALID_INTRINSIC"
        },
        position: e.offset,
        message: e.message,
    })?;
    let empty = JsonObject::new();
    let roots = ScopeRoots {
        context: scope.context,
        context_read: Cell::new(false),
        variables: scope.variables.unwrap_or(&empty),
        rng: RefCell::new(scope.seed.map_or_else(Rng::unseeded, Rng::seeded)),
    };
    let env = Env {
        input: scope.input,
        roots: &roots,
    };
    let result = match parsed {
        PathOrIntrinsic::Path(path) => {
            let path = JsonPath::from_tree(text, path);
            path.select(env)
                .map(crate::eval::jsonpath::Found::into_owned)
                .map_err(|missing| {
                    EvalError::runtime(format!("Invalid path '{text}': {}", missing.0))
                })
        }
        PathOrIntrinsic::Intrinsic(call) => Intrinsic::from_call(&call).evaluate(env),
    };
    result.map_err(|e| {
        let mut message = e.cause;
        if roots.context_read.get() {
            message.push_str(
                " (no Context Object was given to read `$$` from: give one with \
                 `--context FILE` on the command line, `JsonPathScope::context` in code)",
            );
        }
        Error {
            code: e.error,
            position: e.offset.unwrap_or(0),
            message,
        }
    })
}

/// The roots of a [`JsonPathScope`]: an empty Context Object when none was
/// given, noting that it was read so the error can say so.
struct ScopeRoots<'a> {
    context: Option<&'a Json>,
    context_read: Cell<bool>,
    variables: &'a JsonObject,
    rng: RefCell<Rng>,
}

/// The Context Object read when none is given.
static NO_CONTEXT: Json = Json::Null;

impl Roots for ScopeRoots<'_> {
    fn context(&self) -> &Json {
        match self.context {
            Some(context) => context,
            None => {
                self.context_read.set(true);
                &NO_CONTEXT
            }
        }
    }

    fn variable(&self, name: &str) -> Option<&Json> {
        self.variables.get(name)
    }

    fn random(&self) -> u64 {
        self.rng.borrow_mut().next_u64()
    }
}
