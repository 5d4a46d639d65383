//! The state of one evaluation: the arena, the limits and the counters
//! that enforce them, the clock and the random generator.

use std::cell::Cell;

use bumpalo::Bump;

use crate::compile::Program;
use crate::error::{Fault, FaultExt, Result};
use crate::random::Rng;
use crate::value::{text, Value};

/// Limits that turn runaway evaluations into errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Limits {
    /// Deepest nesting of evaluations (error U1001).
    pub(crate) depth: usize,
    /// Most evaluation steps (error U1001).
    pub(crate) steps: u64,
    /// Most bytes of memory for values built (error U1001).
    pub(crate) memory: usize,
    /// Deepest nesting of a value walked (error U1001).
    pub(crate) value_depth: usize,
    /// Most bytes of stack the evaluation may use (error U1001).
    pub(crate) stack: usize,
}

/// The address of a local variable of the caller's frame: where the stack is.
#[inline(never)]
pub(crate) fn stack_position() -> usize {
    let marker = 0u8;
    std::ptr::from_ref(std::hint::black_box(&marker)) as usize
}

/// The state of one evaluation.
pub(crate) struct Ctx<'a> {
    /// Where values live.
    pub(crate) bump: &'a Bump,
    /// The compiled expression.
    pub(crate) program: &'a Program,
    /// The limits.
    pub(crate) limits: Limits,
    /// Current nesting of evaluations.
    depth: Cell<usize>,
    /// Where the stack was when the evaluation started.
    stack_base: usize,
    /// Current nesting of function calls (which a built-in calling a lambda
    /// that returns a tail call can deepen without nesting evaluations).
    calls: Cell<usize>,
    /// Steps taken so far.
    steps: Cell<u64>,
    /// Milliseconds since the epoch, fixed for the evaluation: given, or
    /// read from the clock the first time it is needed.
    now: Cell<Option<f64>>,
    /// Random numbers and UUIDs: seeded when first needed.
    rng: Cell<Option<Rng>>,
    /// The seed, if the caller gave one.
    seed: Option<u64>,
}

impl<'a> Ctx<'a> {
    /// A fresh evaluation state.
    pub(crate) fn new(
        bump: &'a Bump,
        program: &'a Program,
        limits: Limits,
        now: Option<f64>,
        seed: Option<u64>,
    ) -> Self {
        Ctx {
            bump,
            program,
            limits,
            depth: Cell::new(0),
            stack_base: stack_position(),
            calls: Cell::new(0),
            steps: Cell::new(0),
            now: Cell::new(now),
            rng: Cell::new(None),
            seed,
        }
    }

    /// One level deeper: checks the depth and counts a step.
    #[inline]
    pub(crate) fn enter(&self, position: usize) -> Result<()> {
        let depth = self.depth.get() + 1;
        if depth > self.limits.depth {
            return Err(Fault::new("U1001").at(position).detail("depth"));
        }
        self.depth.set(depth);
        self.check_stack(position)?;
        self.step().map_err(|f| f.at(position))
    }

    /// Checks the stack used so far against the limit (the guard behind the
    /// depth count, whatever the size of each level's frames).
    #[inline]
    pub(crate) fn check_stack(&self, position: usize) -> Result<()> {
        if self.stack_base.abs_diff(stack_position()) > self.limits.stack {
            return Err(Fault::new("U1001").at(position).detail("depth"));
        }
        Ok(())
    }

    /// One level back up.
    #[inline]
    pub(crate) fn leave(&self) {
        self.depth.set(self.depth.get().saturating_sub(1));
    }

    /// One function call deeper: checks the call nesting against the depth limit.
    pub(crate) fn enter_call(&self, position: usize) -> Result<()> {
        let calls = self.calls.get() + 1;
        if calls > self.limits.depth {
            return Err(Fault::new("U1001").at(position).detail("depth"));
        }
        self.calls.set(calls);
        self.check_stack(position)
    }

    /// One function call back out.
    pub(crate) fn leave_call(&self) {
        self.calls.set(self.calls.get().saturating_sub(1));
    }

    /// Counts one step; checks the step and memory limits.
    #[inline]
    pub(crate) fn step(&self) -> Result<()> {
        self.steps_n(1)
    }

    /// Counts `n` steps; checks the step and memory limits.
    #[inline]
    pub(crate) fn steps_n(&self, n: u64) -> Result<()> {
        let steps = self.steps.get().saturating_add(n);
        self.steps.set(steps);
        if steps > self.limits.steps {
            return Err(Fault::new("U1001").detail("steps"));
        }
        // the arena's size is cheap to read; checking it now and then is enough
        if steps & 0x3ff < n.min(0x400) && self.bump.allocated_bytes() > self.limits.memory {
            return Err(Fault::new("U1001").detail("memory"));
        }
        Ok(())
    }

    /// Checks the memory limit now.
    pub(crate) fn check_memory(&self) -> Result<()> {
        if self.bump.allocated_bytes() > self.limits.memory {
            return Err(Fault::new("U1001").detail("memory"));
        }
        Ok(())
    }

    /// The binding name of parent slot `slot`.
    pub(crate) fn label(&self, slot: usize) -> &'a str {
        self.program.labels.get(slot).map_or("", String::as_str)
    }

    /// A short JSON rendering of `value` for error messages.
    pub(crate) fn describe(&self, value: Value<'_>) -> String {
        text::describe(value)
    }

    /// Copies `s` into the arena.
    pub(crate) fn alloc_str(&self, s: &str) -> &'a str {
        self.bump.alloc_str(s)
    }

    /// The evaluation's time in milliseconds since the epoch.
    pub(crate) fn now(&self) -> f64 {
        if let Some(now) = self.now.get() {
            return now;
        }
        #[allow(clippy::cast_precision_loss)]
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0.0, |d| d.as_millis() as f64);
        self.now.set(Some(now));
        now
    }

    /// The random generator, seeded on first use.
    fn generator(&self) -> Rng {
        self.rng
            .get()
            .unwrap_or_else(|| self.seed.map_or_else(Rng::unseeded, Rng::seeded))
    }

    /// The next random number in `[0, 1)`.
    pub(crate) fn random(&self) -> f64 {
        let mut rng = self.generator();
        let x = rng.next_f64();
        self.rng.set(Some(rng));
        x
    }

    /// The next 64 random bits.
    pub(crate) fn random_bits(&self) -> u64 {
        let mut rng = self.generator();
        let x = rng.next_u64();
        self.rng.set(Some(rng));
        x
    }
}
