//! What a JSONPath-mode state computes from a `.$` value: a Path (`$.a`,
//! `$$.Execution.Id`, `$name.b`) applied to the input, the Context Object
//! or a variable, or an intrinsic function call (`States.Format(…)`).
//!
//! Paths follow the Jayway dialect AWS runs: a path that names one node
//! (only names and indexes) gives that node and fails with
//! `States.Runtime` when it is missing; any other path (`[*]`, `..`,
//! slices, unions, filters) gives an array of every match, `[]` for none.
//! Intrinsic calls fail with `States.IntrinsicFailure`.

mod compare;
mod intrinsic;
mod select;

use stepfn::model::Json;
use stepfn::syntax::intrinsic::parse_intrinsic;
use stepfn::syntax::path::{parse_path, Path, PathRoot};

use crate::functions::random::Rng;
use crate::{Bindings, Environment, Error};

/// What a JSONPath-mode value reads: the input (`$`), the Context Object
/// (`$$`) and the workflow variables (`$name`).
///
/// ```
/// use stepfn::model::Json;
/// use stepfn_jsonata::{Bindings, JsonPathScope};
/// let input: Json = serde_json::from_str(r#"{"a": 1}"#)?;
/// let scope = JsonPathScope::new(&input).context(&input).variables(Bindings::new());
/// assert_eq!(scope.input(), &input);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct JsonPathScope<'a> {
    /// What `$` reads.
    input: &'a Json,
    /// What `$$` reads, if given.
    context: Option<&'a Json>,
    /// What `$name` reads.
    variables: Bindings<'a>,
}

impl<'a> JsonPathScope<'a> {
    /// A scope with `input` as `$`, no Context Object and no variables.
    ///
    /// ```
    /// use stepfn::model::Json;
    /// let input = Json::Null;
    /// assert_eq!(stepfn_jsonata::JsonPathScope::new(&input).input(), &Json::Null);
    /// ```
    #[must_use]
    pub fn new(input: &'a Json) -> Self {
        JsonPathScope {
            input,
            context: None,
            variables: Bindings::new(),
        }
    }

    /// Sets the Context Object `$$` reads.
    ///
    /// ```
    /// use stepfn::model::Json;
    /// use stepfn_jsonata::{evaluate_jsonpath, Environment, JsonPathScope};
    /// let context: Json = serde_json::from_str(r#"{"State": {"Name": "Go"}}"#)?;
    /// let input = Json::Null;
    /// let scope = JsonPathScope::new(&input).context(&context);
    /// let name = evaluate_jsonpath("$$.State.Name", &scope, &Environment::new());
    /// assert_eq!(name, Ok(Json::from("Go")));
    /// # Ok::<(), serde_json::Error>(())
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
    /// use stepfn_jsonata::{evaluate_jsonpath, Bindings, Environment, JsonPathScope};
    /// let total: Json = serde_json::from_str(r#"{"amount": 7}"#)?;
    /// let input = Json::Null;
    /// let scope = JsonPathScope::new(&input).variables(Bindings::new().bind("total", &total));
    /// let amount = evaluate_jsonpath("$total.amount", &scope, &Environment::new());
    /// assert_eq!(amount, Ok(Json::Number(7u64.into())));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn variables(mut self, variables: Bindings<'a>) -> Self {
        self.variables = variables;
        self
    }

    /// What `$` reads (example on [`JsonPathScope`]).
    #[must_use]
    pub fn input(&self) -> &'a Json {
        self.input
    }
}

/// Evaluates a JSONPath-mode value as a `.$` field of a JSONPath state
/// does: a Path, a Reference Path or an intrinsic function call.
/// `States.UUID()` and `States.MathRandom` without a seed draw from the
/// environment's seed when it has one.
///
/// ```
/// use stepfn::model::Json;
/// use stepfn_jsonata::{evaluate_jsonpath, Environment, JsonPathScope};
/// let input: Json = serde_json::from_str(r#"{"items": [{"n": 1}, {"n": 5}], "who": "Ann"}"#)?;
/// let scope = JsonPathScope::new(&input);
/// let env = Environment::new();
/// let big = evaluate_jsonpath("$.items[?(@.n > 2)].n", &scope, &env).unwrap();
/// assert_eq!(serde_json::to_string(&big)?, "[5]");
/// let hello = evaluate_jsonpath("States.Format('Hi {}', $.who)", &scope, &env).unwrap();
/// assert_eq!(hello, Json::from("Hi Ann"));
/// let missing = evaluate_jsonpath("$.nope", &scope, &env).unwrap_err();
/// assert_eq!(missing.code, "States.Runtime");
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// # Errors
///
/// `INVALID_PATH` or `INVALID_INTRINSIC` when the text does not parse
/// (the validator's codes); `States.Runtime` when a path that names one
/// node finds nothing; `States.IntrinsicFailure` when an intrinsic function
/// cannot compute its result. The position is the byte offset of the part
/// that failed.
pub fn evaluate_jsonpath(
    text: &str,
    scope: &JsonPathScope<'_>,
    env: &Environment,
) -> Result<Json, Error> {
    let mut rng = env.seed().map_or_else(Rng::unseeded, Rng::seeded);
    if text.starts_with('$') {
        let path = parse_path(text).map_err(|e| Error {
            code: "INVALID_PATH",
            position: e.offset,
            message: e.message,
        })?;
        return evaluate_path(&path, 0, scope);
    }
    let call = parse_intrinsic(text).map_err(|e| Error {
        code: "INVALID_INTRINSIC",
        position: e.offset,
        message: e.message,
    })?;
    intrinsic::call(&call, scope, &mut rng)
}

/// The value of `path` (written at byte `position`): the node a path that
/// names one node finds, or an array of what any other path finds.
fn evaluate_path(path: &Path, position: usize, scope: &JsonPathScope<'_>) -> Result<Json, Error> {
    let root = match &path.root {
        PathRoot::Input => scope.input,
        PathRoot::Context => scope.context.ok_or_else(|| Error {
            code: "States.Runtime",
            position,
            message: format!(
                "Invalid path '{path}': no Context Object was given to read `$$` from (give one: `--context FILE` on the command line, `JsonPathScope::context` in code)"
            ),
        })?,
        PathRoot::Variable(name) => scope.variables.get(name).ok_or_else(|| Error {
            code: "States.Runtime",
            position,
            message: format!(
                "Invalid path '{path}': the variable ${name} is not assigned; assign it in an earlier state's Assign"
            ),
        })?,
    };
    let found = select::select(&path.steps, root);
    if path.is_single_node() {
        return found
            .first()
            .map(|&node| node.clone())
            .ok_or_else(|| Error {
                code: "States.Runtime",
                position,
                message: format!(
                    "Invalid path '{path}' : No results for path: {}",
                    select::normalized(path)
                ),
            });
    }
    Ok(Json::Array(found.into_iter().cloned().collect()))
}
