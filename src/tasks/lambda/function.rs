//! [`LambdaFunction`]: the function a task invokes.

use crate::tasks::input::{from_dynamic, Repr};
use crate::tasks::Input;

/// A Lambda function: by ARN (a version or alias ARN invokes that version),
/// by name, or read from the state at run time (a [`JsonPath`](crate::builder::JsonPath),
/// [`Intrinsic`](crate::builder::Intrinsic) or [`Jsonata`](crate::builder::Jsonata) value).
///
/// ```
/// use stepfn::builder::JsonPath;
/// use stepfn::tasks::LambdaFunction;
/// let f = LambdaFunction::from_arn("arn:aws:lambda:us-east-1:123456789012:function:charge:live");
/// assert_eq!(f.arn(), Some("arn:aws:lambda:us-east-1:123456789012:function:charge:live"));
/// assert_eq!(LambdaFunction::from_name("charge").arn(), None);
/// let dynamic = LambdaFunction::from(JsonPath::new("$.function"));
/// assert_eq!(dynamic.arn(), None);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct LambdaFunction {
    pub(crate) name: Input<String>,
    arn: bool,
}

impl LambdaFunction {
    /// The function with this ARN (`arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]`).
    /// (Example on [`LambdaFunction`].)
    pub fn from_arn(arn: impl Into<String>) -> LambdaFunction {
        LambdaFunction {
            name: Input(Repr::Literal(arn.into())),
            arn: true,
        }
    }

    /// The function with this name (or `name:qualifier`), in the region and
    /// account of the state machine. (Example on [`LambdaFunction`].)
    pub fn from_name(name: impl Into<String>) -> LambdaFunction {
        LambdaFunction {
            name: Input(Repr::Literal(name.into())),
            arn: false,
        }
    }

    /// The ARN, when the function was given by ARN. (Example on
    /// [`LambdaFunction`].)
    #[must_use]
    pub fn arn(&self) -> Option<&str> {
        self.name.literal().filter(|_| self.arn).map(String::as_str)
    }
}

/// An ARN (`arn:...`) is taken as [`LambdaFunction::from_arn`], anything else
/// as [`LambdaFunction::from_name`].
///
/// ```
/// use stepfn::tasks::LambdaFunction;
/// assert!(LambdaFunction::from("arn:aws:lambda:us-east-1:123456789012:function:f").arn().is_some());
/// assert!(LambdaFunction::from("f").arn().is_none());
/// ```
impl From<&str> for LambdaFunction {
    fn from(text: &str) -> LambdaFunction {
        if text.starts_with("arn:") {
            LambdaFunction::from_arn(text)
        } else {
            LambdaFunction::from_name(text)
        }
    }
}

impl From<String> for LambdaFunction {
    fn from(text: String) -> LambdaFunction {
        LambdaFunction::from(text.as_str())
    }
}

from_dynamic!(LambdaFunction, |name| LambdaFunction { name, arn: false });
