//! [`Seconds`]: a duration for a field AWS takes in whole seconds.

use std::time::Duration;

/// A number of seconds for `TimeoutSeconds`, `HeartbeatSeconds`, a Wait's
/// `Seconds`, a retrier's `IntervalSeconds` and `MaxDelaySeconds`: an integer,
/// or a [`Duration`] rounded up to whole seconds (a timeout is never shorter
/// than asked). A negative integer is a build error at that field.
///
/// ```
/// use std::time::Duration;
/// use stepfn::builder::{Task, Wait};
/// let task = Task::new("T", "arn:aws:states:::lambda:invoke").timeout_seconds(Duration::from_secs(90));
/// assert!(task.to_json().contains(r#""TimeoutSeconds":90"#));
/// let wait = Wait::seconds("W", Duration::from_millis(1500));
/// assert!(wait.to_json().contains(r#""Seconds":2"#));
/// assert!(Wait::seconds("W", 30).to_json().contains(r#""Seconds":30"#));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seconds(Result<u64, i64>);

impl Seconds {
    /// The whole seconds, or the negative number given.
    pub(crate) fn get(self) -> Result<u64, i64> {
        self.0
    }
}

impl From<Duration> for Seconds {
    fn from(duration: Duration) -> Seconds {
        let whole = duration.as_secs();
        let up = u64::from(duration.subsec_nanos() > 0);
        Seconds(Ok(whole.saturating_add(up)))
    }
}

macro_rules! unsigned_seconds {
    ($($t:ty),*) => {$(
        impl From<$t> for Seconds {
            fn from(seconds: $t) -> Seconds {
                Seconds(Ok(u64::from(seconds)))
            }
        }
    )*};
}
unsigned_seconds!(u8, u16, u32, u64);

impl From<usize> for Seconds {
    fn from(seconds: usize) -> Seconds {
        Seconds(Ok(u64::try_from(seconds).unwrap_or(u64::MAX)))
    }
}

macro_rules! signed_seconds {
    ($($t:ty),*) => {$(
        impl From<$t> for Seconds {
            fn from(seconds: $t) -> Seconds {
                let seconds = i64::from(seconds);
                Seconds(u64::try_from(seconds).map_err(|_| seconds))
            }
        }
    )*};
}
signed_seconds!(i8, i16, i32, i64);

/// The problem of a negative number of seconds in `field`.
pub(crate) fn negative(field: &str, seconds: i64) -> String {
    format!("`{field}` is {seconds}; a number of seconds cannot be negative")
}
