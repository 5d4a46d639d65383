//! Coverage across runs: which states were entered, which Choice rules
//! (and `Default`s) taken, which catchers fired, which retriers retried,
//! and which transitions were followed. A report in text or JSON, and an
//! assertion for tests.

use std::fmt;
use std::sync::Arc;

use stepfn::model::{Json, JsonObject};

use crate::error::SimError;
use crate::execution::Execution;
use crate::program::{Kind, Program};
use crate::record::Hits;
use crate::simulator::Simulator;

/// What coverage counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CoverageKind {
    /// States entered.
    States,
    /// Choice rules and `Default`s taken.
    ChoiceRules,
    /// Catchers that fired.
    Catchers,
    /// Retriers that retried.
    Retriers,
    /// Transitions followed: `Next`, each Choice rule's and `Default`'s
    /// target, each catcher's `Next`.
    Transitions,
}

impl CoverageKind {
    /// Every kind, in report order.
    pub const ALL: [CoverageKind; 5] = [
        CoverageKind::States,
        CoverageKind::ChoiceRules,
        CoverageKind::Catchers,
        CoverageKind::Retriers,
        CoverageKind::Transitions,
    ];

    /// The name in reports: `states`, `choice_rules`, `catchers`,
    /// `retriers`, `transitions`.
    ///
    /// ```
    /// assert_eq!(stepfn_sim::CoverageKind::ChoiceRules.name(), "choice_rules");
    /// ```
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            CoverageKind::States => "states",
            CoverageKind::ChoiceRules => "choice_rules",
            CoverageKind::Catchers => "catchers",
            CoverageKind::Retriers => "retriers",
            CoverageKind::Transitions => "transitions",
        }
    }
}

/// Counters gathered from the runs of one definition.
///
/// ```
/// use stepfn_sim::{CoverageKind, Simulator};
/// let sim = Simulator::from_json(r#"{"StartAt": "C", "States": {
///     "C": {"Type": "Choice", "Choices": [{"Variable": "$.go", "BooleanEquals": true, "Next": "Yes"}],
///           "Default": "No"},
///     "Yes": {"Type": "Succeed"}, "No": {"Type": "Succeed"}}}"#)?;
/// let mut coverage = sim.coverage();
/// coverage.add(&sim.run(r#"{"go": true}"#)?)?;
/// assert_eq!(coverage.percent(CoverageKind::States), 200.0 / 3.0);
/// coverage.add(&sim.run(r#"{"go": false}"#)?)?;
/// coverage.assert_at_least(100.0);
/// # Ok::<(), stepfn_sim::SimError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Coverage {
    program: Arc<Program>,
    hits: Vec<Hits>,
    runs: usize,
}

/// One kind's numbers.
#[derive(Debug, Clone, PartialEq)]
struct Tally {
    covered: usize,
    total: usize,
    missing: Vec<String>,
}

impl Simulator {
    /// Empty coverage of this definition, to add runs to.
    ///
    /// ```
    /// # let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#)?;
    /// assert_eq!(sim.coverage().runs(), 0);
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn coverage(&self) -> Coverage {
        let program = self.program_arc();
        let hits = vec![Hits::default(); program.states.len()];
        Coverage {
            program,
            hits,
            runs: 0,
        }
    }
}

impl Coverage {
    /// Adds what `run` exercised. Runs of the simulator the coverage was
    /// taken from count, and so do runs of simulators cloned from it with
    /// other handlers, mocks or settings: they share its definition.
    ///
    /// ```
    /// # let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#)?;
    /// let mut coverage = sim.coverage();
    /// coverage.add(&sim.run("{}")?)?.add(&sim.run("[]")?)?;
    /// assert_eq!(coverage.runs(), 2);
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    ///
    /// # Errors
    /// [`SimError::OtherDefinition`] when `run` is of another definition.
    pub fn add(&mut self, run: &Execution) -> Result<&mut Coverage, SimError> {
        let (program, state) = run.parts();
        if !std::ptr::eq(program, &*self.program) {
            return Err(SimError::OtherDefinition);
        }
        for (total, hits) in self.hits.iter_mut().zip(&state.log.hits) {
            total.entered += hits.entered;
            total.next += hits.next;
            total.default += hits.default;
            add_counts(&mut total.rules, &hits.rules);
            add_counts(&mut total.catchers, &hits.catchers);
            add_counts(&mut total.retriers, &hits.retriers);
        }
        self.runs += 1;
        Ok(self)
    }

    /// How many runs were added.
    ///
    /// ```
    /// # let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#)?;
    /// let mut coverage = sim.coverage();
    /// coverage.add(&sim.run("{}")?)?;
    /// assert_eq!(coverage.runs(), 1);
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn runs(&self) -> usize {
        self.runs
    }

    /// The share of `kind` exercised, in percent (100 when there is none).
    ///
    /// ```
    /// # let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#)?;
    /// use stepfn_sim::CoverageKind;
    /// let mut coverage = sim.coverage();
    /// assert_eq!(coverage.percent(CoverageKind::States), 0.0);
    /// assert_eq!(coverage.percent(CoverageKind::Catchers), 100.0); // there are none
    /// coverage.add(&sim.run("{}")?)?;
    /// assert_eq!(coverage.percent(CoverageKind::States), 100.0);
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn percent(&self, kind: CoverageKind) -> f64 {
        let tally = self.tally(kind);
        if tally.total == 0 {
            return 100.0;
        }
        #[allow(clippy::cast_precision_loss)]
        let percent = tally.covered as f64 * 100.0 / tally.total as f64;
        percent
    }

    /// What of `kind` was never exercised, named as in the definition
    /// (`Check.Choices[1]`, `Fetch.Catch[0]`, `A -> B`).
    ///
    /// ```
    /// # let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#)?;
    /// assert_eq!(sim.coverage().missing(stepfn_sim::CoverageKind::States), ["A"]);
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn missing(&self, kind: CoverageKind) -> Vec<String> {
        self.tally(kind).missing
    }

    /// Panics, with the report, unless every kind is covered at least
    /// `percent`.
    ///
    /// ```should_panic
    /// # let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#).unwrap();
    /// sim.coverage().assert_at_least(50.0); // no run yet: states at 0%
    /// ```
    ///
    /// # Panics
    /// When some kind is below `percent`: that is the assertion.
    pub fn assert_at_least(&self, percent: f64) {
        let short: Vec<&str> = CoverageKind::ALL
            .into_iter()
            .filter(|&kind| self.percent(kind) < percent)
            .map(CoverageKind::name)
            .collect();
        assert!(
            short.is_empty(),
            "coverage below {percent}% for {}:\n{self}",
            short.join(", ")
        );
    }

    /// The report as JSON: per kind `covered`, `total`, `percent` and
    /// `missing`, and the number of `runs`.
    ///
    /// ```
    /// # let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#)?;
    /// let mut coverage = sim.coverage();
    /// coverage.add(&sim.run("{}")?)?;
    /// let text = stepfn_sim::json_text(&coverage.to_json());
    /// assert!(text.starts_with(r#"{"runs":1,"states":{"covered":1,"total":1,"percent":100"#));
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn to_json(&self) -> Json {
        let mut out = JsonObject::new();
        out.insert(
            "runs".into(),
            crate::json::int(i64::try_from(self.runs).unwrap_or(i64::MAX)),
        );
        for kind in CoverageKind::ALL {
            let tally = self.tally(kind);
            let count = |n: usize| crate::json::int(i64::try_from(n).unwrap_or(i64::MAX));
            let mut entry = JsonObject::new();
            entry.insert("covered".into(), count(tally.covered));
            entry.insert("total".into(), count(tally.total));
            entry.insert("percent".into(), crate::json::double(self.percent(kind)));
            entry.insert(
                "missing".into(),
                Json::Array(tally.missing.into_iter().map(Json::String).collect()),
            );
            out.insert(kind.name().into(), Json::Object(entry));
        }
        Json::Object(out)
    }

    fn tally(&self, kind: CoverageKind) -> Tally {
        let mut tally = Tally {
            covered: 0,
            total: 0,
            missing: Vec::new(),
        };
        let mut count = |hit: bool, name: &dyn Fn() -> String| {
            tally.total += 1;
            if hit {
                tally.covered += 1;
            } else {
                tally.missing.push(name());
            }
        };
        for (node, hits) in self.program.states.iter().zip(&self.hits) {
            let name = &*node.name;
            let target = |idx: u32| self.program.node(idx).name.to_string();
            match kind {
                CoverageKind::States => count(hits.entered > 0, &|| name.to_owned()),
                CoverageKind::ChoiceRules => {
                    if let Kind::Choice(choice) = &node.kind {
                        for (i, _) in choice.rules.iter().enumerate() {
                            let hit = hits.rules.get(i).is_some_and(|&n| n > 0);
                            count(hit, &|| format!("{name}.Choices[{i}]"));
                        }
                        if choice.default.is_some() {
                            count(hits.default > 0, &|| format!("{name}.Default"));
                        }
                    }
                }
                CoverageKind::Catchers => {
                    for i in 0..node.catch.len() {
                        let hit = hits.catchers.get(i).is_some_and(|&n| n > 0);
                        count(hit, &|| format!("{name}.Catch[{i}]"));
                    }
                }
                CoverageKind::Retriers => {
                    for i in 0..node.retry.len() {
                        let hit = hits.retriers.get(i).is_some_and(|&n| n > 0);
                        count(hit, &|| format!("{name}.Retry[{i}]"));
                    }
                }
                CoverageKind::Transitions => {
                    if let Some(next) = node.next {
                        count(hits.next > 0, &|| format!("{name} -> {}", target(next)));
                    }
                    if let Kind::Choice(choice) = &node.kind {
                        for (i, rule) in choice.rules.iter().enumerate() {
                            let hit = hits.rules.get(i).is_some_and(|&n| n > 0);
                            count(hit, &|| format!("{name} -> {}", target(rule.next)));
                        }
                        if let Some(default) = choice.default {
                            count(hits.default > 0, &|| {
                                format!("{name} -> {}", target(default))
                            });
                        }
                    }
                    for (i, catcher) in node.catch.iter().enumerate() {
                        let hit = hits.catchers.get(i).is_some_and(|&n| n > 0);
                        count(hit, &|| {
                            format!("{name} -> {} (Catch[{i}])", target(catcher.next))
                        });
                    }
                }
            }
        }
        tally
    }
}

impl fmt::Display for Coverage {
    /// One line per kind: `states        5/6  83.3%  missing: Recover`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "coverage over {} run(s)", self.runs)?;
        for kind in CoverageKind::ALL {
            let tally = self.tally(kind);
            write!(
                f,
                "{:<13} {:>4}/{:<4} {:>6.1}%",
                kind.name(),
                tally.covered,
                tally.total,
                self.percent(kind)
            )?;
            if !tally.missing.is_empty() {
                write!(f, "  missing: {}", tally.missing.join(", "))?;
            }
            writeln!(f)?;
        }
        Ok(())
    }
}

fn add_counts(total: &mut Vec<u64>, counts: &[u64]) {
    if total.len() < counts.len() {
        total.resize(counts.len(), 0);
    }
    for (t, c) in total.iter_mut().zip(counts) {
        *t += c;
    }
}
