//! [`Expression`]: compile once, evaluate many times.

use std::borrow::Cow;
use std::cell::Cell;

use bumpalo::Bump;
use stepfn::model::Json;

use crate::compile::{compile, Program};
use crate::error::Error;
use crate::eval::{eval, Ctx, Frame, Limits};
use crate::value::{array_of, flags, from_json, to_json, Value};

/// A compiled JSONata expression.
///
/// Compiling parses the text and prepares it (paths flattened, regular
/// expressions compiled); evaluating runs it against an input document.
/// An `Expression` is immutable, `Send` and `Sync`: compile it once and
/// evaluate it from any thread, as often as needed.
///
/// ```
/// use stepfn::model::Json;
/// use stepfn_jsonata::Expression;
///
/// let total = Expression::compile("$sum(items.(price * qty))")?;
/// let order: Json = serde_json::from_str(r#"{"items": [{"price": 2.5, "qty": 2}, {"price": 1, "qty": 3}]}"#)?;
/// assert_eq!(total.evaluate(&order)?, Some(Json::Number(8u64.into())));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct Expression {
    /// The text it was compiled from.
    source: String,
    /// The compiled tree.
    program: Program,
}

/// Variables bound before evaluation (`$name` in the expression), borrowed
/// from the caller, so binding a large document costs nothing.
///
/// ```
/// use stepfn::model::Json;
/// use stepfn_jsonata::{Bindings, Environment, Expression};
///
/// let states: Json = serde_json::from_str(r#"{"input": {"n": 20}}"#)?;
/// let bindings = Bindings::new().bind("states", &states);
/// let doubled = Expression::compile("$states.input.n * 2")?
///     .evaluate_with(None, &bindings, &Environment::new())?;
/// assert_eq!(doubled, Some(Json::Number(40u64.into())));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Bindings<'a> {
    /// Name (without `$`) and value of each binding.
    vars: Vec<(Cow<'a, str>, &'a Json)>,
}

impl<'a> Bindings<'a> {
    /// No bindings.
    ///
    /// ```
    /// assert!(stepfn_jsonata::Bindings::new().is_empty());
    /// ```
    #[must_use]
    pub fn new() -> Self {
        Bindings { vars: Vec::new() }
    }

    /// Binds `$name` (give the name without `$`) to `value`; a later
    /// binding of the same name wins.
    ///
    /// ```
    /// use stepfn::model::Json;
    /// let n = Json::Number(1u64.into());
    /// let bindings = stepfn_jsonata::Bindings::new().bind("n", &n);
    /// assert_eq!(bindings.len(), 1);
    /// ```
    #[must_use]
    pub fn bind(mut self, name: impl Into<Cow<'a, str>>, value: &'a Json) -> Self {
        self.vars.push((name.into(), value));
        self
    }

    /// The number of bindings.
    ///
    /// ```
    /// assert_eq!(stepfn_jsonata::Bindings::new().len(), 0);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.vars.len()
    }

    /// Whether there are no bindings.
    ///
    /// ```
    /// assert!(stepfn_jsonata::Bindings::default().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.vars.is_empty()
    }
}

/// What an evaluation may use and how far it may go: the clock (`$now`,
/// `$millis`), the random seed (`$random`, `$shuffle`, `$uuid`), and the
/// limits that turn a runaway evaluation into an error.
///
/// With a fixed time and seed, evaluation is deterministic.
///
/// ```
/// use stepfn::model::Json;
/// use stepfn_jsonata::{Bindings, Environment, Expression};
///
/// let env = Environment::new().at_millis(1_521_801_216_617).with_seed(42);
/// let now = Expression::compile("$now()")?.evaluate_with(None, &Bindings::new(), &env)?;
/// assert_eq!(now, Some(Json::from("2018-03-23T10:33:36.617Z")));
/// let id = Expression::compile("$uuid()")?;
/// assert_eq!(
///     id.evaluate_with(None, &Bindings::new(), &env)?,
///     id.evaluate_with(None, &Bindings::new(), &env)?
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Environment {
    /// Milliseconds since the epoch, or `None` for the system clock.
    now: Option<i64>,
    /// The random seed, or `None` for an unpredictable one.
    seed: Option<u64>,
    /// The limits.
    limits: Limits,
}

impl Default for Environment {
    fn default() -> Self {
        Environment::new()
    }
}

impl Environment {
    /// The system clock, unpredictable random numbers, default limits:
    /// evaluation depth 500 (about what jsonata-js reaches on Node's
    /// default stack, and safe on a 2 MiB thread), 100,000,000 steps,
    /// 1 GiB of memory, values nested 1,000 deep.
    ///
    /// ```
    /// let env = stepfn_jsonata::Environment::new();
    /// assert_eq!(env.limits(), (500, 100_000_000, 1 << 30));
    /// ```
    #[must_use]
    pub fn new() -> Self {
        Environment {
            now: None,
            seed: None,
            limits: Limits {
                depth: 500,
                steps: 100_000_000,
                memory: 1 << 30,
                value_depth: 1000,
                stack: 1 << 20,
            },
        }
    }

    /// Evaluates as if the time were `millis` milliseconds since the epoch.
    ///
    /// ```
    /// let env = stepfn_jsonata::Environment::new().at_millis(0);
    /// # let _ = env;
    /// ```
    #[must_use]
    pub fn at_millis(mut self, millis: i64) -> Self {
        self.now = Some(millis);
        self
    }

    /// Seeds the random numbers (`$random()`, `$shuffle`, `$uuid`).
    ///
    /// ```
    /// let env = stepfn_jsonata::Environment::new().with_seed(7);
    /// # let _ = env;
    /// ```
    #[must_use]
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.seed = Some(seed);
        self
    }

    /// The deepest nesting of evaluations (function calls, nested
    /// expressions) before error `U1001`. Each level takes stack: keep the
    /// default on threads with 2 MiB of stack.
    ///
    /// ```
    /// let env = stepfn_jsonata::Environment::new().max_depth(300);
    /// assert_eq!(env.limits().0, 300);
    /// ```
    #[must_use]
    pub fn max_depth(mut self, depth: usize) -> Self {
        self.limits.depth = depth;
        self
    }

    /// The most evaluation steps before error `U1001`.
    ///
    /// ```
    /// let env = stepfn_jsonata::Environment::new().max_steps(1_000);
    /// assert_eq!(env.limits().1, 1_000);
    /// ```
    #[must_use]
    pub fn max_steps(mut self, steps: u64) -> Self {
        self.limits.steps = steps;
        self
    }

    /// The most bytes of stack the evaluation may use before error `U1001`
    /// (1 MiB by default, for threads with at least 2 MiB of stack). The
    /// depth limit counts levels; this bounds what they take, whatever the
    /// build or the shape of the recursion.
    ///
    /// ```
    /// let env = stepfn_jsonata::Environment::new().max_stack(256 << 10);
    /// # let _ = env;
    /// ```
    #[must_use]
    pub fn max_stack(mut self, bytes: usize) -> Self {
        self.limits.stack = bytes;
        self
    }

    /// The most bytes of memory values may take before error `U1001`.
    ///
    /// ```
    /// let env = stepfn_jsonata::Environment::new().max_memory(64 << 20);
    /// assert_eq!(env.limits().2, 64 << 20);
    /// ```
    #[must_use]
    pub fn max_memory(mut self, bytes: usize) -> Self {
        self.limits.memory = bytes;
        self
    }

    /// The limits as (depth, steps, memory bytes).
    ///
    /// ```
    /// let (depth, steps, memory) = stepfn_jsonata::Environment::new().limits();
    /// assert!(depth > 0 && steps > 0 && memory > 0);
    /// ```
    #[must_use]
    pub fn limits(&self) -> (usize, u64, usize) {
        (self.limits.depth, self.limits.steps, self.limits.memory)
    }
}

thread_local! {
    /// An arena kept between evaluations on this thread, so repeated
    /// evaluations reuse its memory.
    static ARENA: Cell<Option<Bump>> = const { Cell::new(None) };
}

impl Expression {
    /// Parses and compiles `text`.
    ///
    /// ```
    /// use stepfn_jsonata::Expression;
    /// assert!(Expression::compile("Account.Order[0].OrderID").is_ok());
    /// let e = Expression::compile("(1; 2").unwrap_err();
    /// assert_eq!(e.code, "S0203");
    /// ```
    ///
    /// # Errors
    ///
    /// An [`Error`] with jsonata-js's code (`S0xxx`) when the text is not
    /// a JSONata 2.0.6 expression.
    pub fn compile(text: &str) -> Result<Expression, Error> {
        let tree = stepfn::syntax::jsonata::parse(text)?;
        let program = compile(&tree).map_err(|f| f.into_error())?;
        Ok(Expression {
            source: text.to_string(),
            program,
        })
    }

    /// The text the expression was compiled from.
    ///
    /// ```
    /// let e = stepfn_jsonata::Expression::compile("a.b")?;
    /// assert_eq!(e.source(), "a.b");
    /// # Ok::<(), stepfn_jsonata::Error>(())
    /// ```
    #[must_use]
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Evaluates against `input` with no bindings and the default
    /// [`Environment`]. `Ok(None)` means the result is undefined (nothing
    /// matched), which is not JSON `null`.
    ///
    /// ```
    /// use stepfn::model::Json;
    /// let e = stepfn_jsonata::Expression::compile("missing")?;
    /// assert_eq!(e.evaluate(&Json::Null)?, None);
    /// # Ok::<(), stepfn_jsonata::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// An [`Error`] with jsonata-js's code when evaluation fails.
    pub fn evaluate(&self, input: &Json) -> Result<Option<Json>, Error> {
        self.evaluate_with(Some(input), &Bindings::new(), &Environment::new())
    }

    /// Evaluates against `input` (`None`: no input at all) with variables
    /// `bindings`, in `env`.
    ///
    /// ```
    /// use stepfn::model::Json;
    /// use stepfn_jsonata::{Bindings, Environment, Expression};
    /// let limit = Json::Number(2u64.into());
    /// let e = Expression::compile("[1, 2, 3][$ < $limit]")?;
    /// let out = e.evaluate_with(None, &Bindings::new().bind("limit", &limit), &Environment::new())?;
    /// assert_eq!(out, Some(Json::Number(1u64.into())));
    /// # Ok::<(), stepfn_jsonata::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// An [`Error`] with jsonata-js's code when evaluation fails or goes
    /// past a limit (`U1001`).
    pub fn evaluate_with(
        &self,
        input: Option<&Json>,
        bindings: &Bindings<'_>,
        env: &Environment,
    ) -> Result<Option<Json>, Error> {
        let mut bump = ARENA.with(Cell::take).unwrap_or_default();
        bump.reset();
        let result = self.run(&bump, input, bindings, env);
        // keep a modest arena for the next evaluation
        if bump.allocated_bytes() <= 16 << 20 {
            ARENA.with(|cell| cell.set(Some(bump)));
        }
        result
    }

    /// One evaluation in the arena `bump`.
    fn run(
        &self,
        bump: &Bump,
        input: Option<&Json>,
        bindings: &Bindings<'_>,
        env: &Environment,
    ) -> Result<Option<Json>, Error> {
        #[allow(clippy::cast_precision_loss)]
        let now = env.now.map(|millis| millis as f64);
        let ctx = Ctx::new(bump, &self.program, env.limits, now, env.seed);
        let root = Frame::root(&ctx);
        for (name, value) in &bindings.vars {
            root.bind(name, from_json(value));
        }
        let input = input.map_or(Value::Undefined, from_json);
        root.bind("$", input);
        let context = if input.is_array() {
            array_of(bump, &[input], flags::SEQUENCE | flags::OUTER_WRAPPER)
        } else {
            input
        };
        let result = eval(&ctx, &self.program.root, context, root).map_err(|f| f.into_error())?;
        to_json(&ctx, result).map_err(|f| f.into_error())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn expressions_are_shareable() {
        assert_send_sync::<Expression>();
        assert_send_sync::<Environment>();
    }
}
