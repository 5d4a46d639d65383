//! [`Problems`]: every problem found, at once.

use std::fmt;

use super::Problem;

/// Every problem found in a definition (never empty), in document order.
///
/// `Display` prints one problem per line. `Debug` prints the same lines under a
/// count, so a `main` or `build.rs` that returns `Result<(), stepfn::Error>`
/// shows the problems as a person reads them; `{:#?}` shows the structure.
///
/// ```
/// let problems = stepfn::read::read_str(r#"{"StartAt": 1, "States": []}"#).unwrap_err();
/// assert_eq!(format!("{problems:?}"), "\
/// 2 problems:
///   1:13: StartAt: WRONG_TYPE: expected a string, found a number
///   1:26: States: WRONG_TYPE: expected an object, found an array");
/// assert!(format!("{problems:#?}").starts_with("Problems(\n    [\n        Problem {"));
/// ```
///
/// ```
/// let problems = stepfn::read::read_str(r#"{"StartAt": 1, "States": []}"#).unwrap_err();
/// assert_eq!(problems.len(), 2);
/// assert_eq!(problems.to_string(), "\
/// 1:13: StartAt: WRONG_TYPE: expected a string, found a number
/// 1:26: States: WRONG_TYPE: expected an object, found an array");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Problems(Vec<Problem>);

impl Problems {
    /// The problems, or `None` when there are none.
    ///
    /// ```
    /// use stepfn::problem::{Path, Problem, Problems};
    /// assert!(Problems::new(Vec::new()).is_none());
    /// let one = Problem::error(stepfn::Code::InvalidJson, Path::root(), "not JSON");
    /// assert_eq!(Problems::new(vec![one]).map(|p| p.len()), Some(1));
    /// ```
    #[must_use]
    pub fn new(problems: Vec<Problem>) -> Option<Problems> {
        (!problems.is_empty()).then_some(Problems(problems))
    }

    /// The problems, in document order.
    ///
    /// ```
    /// let problems = stepfn::read::read_str("[]").unwrap_err();
    /// assert_eq!(problems.as_slice()[0].code(), stepfn::Code::WrongType);
    /// ```
    #[must_use]
    pub fn as_slice(&self) -> &[Problem] {
        &self.0
    }

    /// An iterator over the problems.
    ///
    /// ```
    /// let problems = stepfn::read::read_str("[]").unwrap_err();
    /// assert_eq!(problems.iter().count(), 1);
    /// ```
    pub fn iter(&self) -> std::slice::Iter<'_, Problem> {
        self.0.iter()
    }

    /// How many problems there are (at least one).
    ///
    /// ```
    /// assert_eq!(stepfn::read::read_str("[]").unwrap_err().len(), 1);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Always `false`: a `Problems` holds at least one problem.
    ///
    /// ```
    /// assert!(!stepfn::read::read_str("[]").unwrap_err().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The problems as a vector.
    ///
    /// ```
    /// let problems: Vec<stepfn::problem::Problem> = stepfn::read::read_str("[]").unwrap_err().into_vec();
    /// assert_eq!(problems.len(), 1);
    /// ```
    #[must_use]
    pub fn into_vec(self) -> Vec<Problem> {
        self.0
    }
}

impl From<Problem> for Problems {
    /// A list of one problem.
    fn from(problem: Problem) -> Problems {
        Problems(vec![problem])
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            return f.debug_tuple("Problems").field(&self.0).finish();
        }
        match self.0.len() {
            1 => f.write_str("1 problem:")?,
            n => write!(f, "{n} problems:")?,
        }
        for problem in &self.0 {
            write!(f, "\n  {problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Problems {}

impl IntoIterator for Problems {
    type Item = Problem;
    type IntoIter = std::vec::IntoIter<Problem>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Problems {
    type Item = &'a Problem;
    type IntoIter = std::slice::Iter<'a, Problem>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}
