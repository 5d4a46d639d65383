//! [`IntoInput`]: what an execution may be started with.

use stepfn::model::Json;

use crate::error::SimError;

/// What can be an execution input: JSON text, a `serde_json::Value`, a
/// [`Json`].
pub trait IntoInput {
    /// The input as a payload.
    ///
    /// # Errors
    /// [`SimError::Input`] when text is not JSON.
    fn into_input(self) -> Result<Json, SimError>;
}

impl IntoInput for &str {
    /// Parses the text (blank text is `{}`, as an execution started without
    /// input gets).
    fn into_input(self) -> Result<Json, SimError> {
        if self.trim().is_empty() {
            return Ok(Json::Object(Default::default()));
        }
        serde_json::from_str(self).map_err(|e| SimError::Input(e.to_string()))
    }
}

impl IntoInput for &String {
    fn into_input(self) -> Result<Json, SimError> {
        self.as_str().into_input()
    }
}

impl IntoInput for Json {
    fn into_input(self) -> Result<Json, SimError> {
        Ok(self)
    }
}

impl IntoInput for serde_json::Value {
    fn into_input(self) -> Result<Json, SimError> {
        Ok(Json::from(self))
    }
}
