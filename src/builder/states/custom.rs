//! `CustomState`: a state written as raw ASL JSON, for fields or state shapes
//! the builder does not cover.

use crate::model::{Json, QueryLanguage, State};
use crate::problem::{Path, Problem};
use crate::read::read_state;

use crate::builder::graph::{Link, Pending, Piece};
use crate::Code;

/// A state given as its ASL JSON. It is read like any definition: a shape
/// problem is a build error with the field's path. Its `Retry` and `Catch`
/// are kept as written. A `Next` or `End` in the JSON is kept too, and the
/// chain does not continue from such a state: a state chained after it is
/// reported unreachable when the machine is built, never silently rewired.
///
/// ```
/// use stepfn::builder::{CustomState, Pass, StateMachine};
/// let custom = CustomState::new("Raw", serde_json::json!({
///     "Type": "Task",
///     "Resource": "arn:aws:states:::dynamodb:putItem",
///     "Parameters": {"TableName": "orders", "Item": {"id": {"S.$": "$.id"}}},
///     "ResultPath": null
/// }));
/// let chain = custom.next(Pass::new("After"));
/// let json = StateMachine::new(chain).build()?.to_json_compact()?;
/// assert!(json.contains(r#""ResultPath":null,"Next":"After""#), "{json}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct CustomState {
    name: String,
    state: State,
    link: Link,
    problems: Vec<Pending>,
}

impl CustomState {
    /// A state named `name` whose JSON is `json` (an object with a `Type`).
    ///
    /// ```
    /// use stepfn::builder::CustomState;
    /// let bad = CustomState::new("Say hi", serde_json::json!({"Type": "Pass", "Resultt": 1}));
    /// assert_eq!(bad.problems()[0].to_string(),
    ///     r#"States["Say hi"].Resultt: UNKNOWN_FIELD: `Resultt` is not an ASL state field; did you mean `Result`?"#);
    /// ```
    pub fn new(name: impl Into<String>, json: impl Into<Json>) -> CustomState {
        let name = name.into();
        let json = json.into();
        let (state, link, problems) = decode(&name, json);
        CustomState {
            name,
            state,
            link,
            problems,
        }
    }

    /// The state's name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The problems found reading the JSON, at the paths they would have in
    /// a machine with this state at its top level (the build reports them at
    /// the state's real place).
    #[must_use]
    pub fn problems(&self) -> Vec<Problem> {
        self.problems
            .iter()
            .map(|p| {
                let path = p
                    .field
                    .segments()
                    .iter()
                    .fold(Path::root().key("States").key(&p.state), |path, s| {
                        path.push(s.clone())
                    });
                Problem::error(p.code, path, p.message.clone())
            })
            .collect()
    }

    /// Continues with `then`: this state's `Next` is `then`'s first state.
    ///
    /// ```
    /// use stepfn::builder::{CustomState, Succeed};
    /// let chain = CustomState::new("Raw", serde_json::json!({"Type": "Pass"})).next(Succeed::new("Done"));
    /// assert_eq!(chain.state_names(), ["Raw", "Done"]);
    /// ```
    pub fn next<S: crate::builder::IntoChain>(self, then: S) -> S::Output {
        crate::builder::Chain::start(self).next(then)
    }
}

impl crate::builder::chain::Sealed for CustomState {
    fn into_piece(self) -> Piece {
        let mut piece = Piece::state(self.name, self.state, self.link);
        piece.problems.extend(self.problems);
        piece
    }
}

impl crate::builder::IntoChain for CustomState {
    type Output = crate::builder::Chain;
}

/// Reads the state with the reader's own state decoder, in JSONPath and,
/// failing that, JSONata mode (the state's language is the machine's,
/// unknown here).
fn decode(name: &str, json: Json) -> (State, Link, Vec<Pending>) {
    let Json::Object(mut object) = json else {
        let problem = Pending::new(
            name,
            Path::root(),
            Code::WrongType,
            format!("a state must be a JSON object, not {}", json.type_name()),
        );
        return (fallback(), Link::Terminal, vec![problem]);
    };
    let link = match (object.get("Next"), object.get("End")) {
        (Some(Json::String(next)), _) => Link::Next(next.clone()),
        (_, Some(Json::Bool(true))) => Link::End,
        _ => Link::Open,
    };
    let terminal = matches!(
        object.get("Type").and_then(Json::as_str),
        Some("Choice" | "Succeed" | "Fail")
    );
    if !terminal && !object.contains_key("Next") && !object.contains_key("End") {
        object.insert("End".to_owned(), Json::Bool(true));
    }
    let link = if terminal { Link::Terminal } else { link };
    let mut first_errors = None;
    for language in [QueryLanguage::JsonPath, QueryLanguage::Jsonata] {
        match read_state(Json::Object(object.clone()), language) {
            Ok(state) => return (state, link, Vec::new()),
            Err(problems) => {
                first_errors.get_or_insert(problems);
            }
        }
    }
    let problems = first_errors
        .unwrap_or_default()
        .into_iter()
        .map(|p| Pending::new(name, p.path().clone(), p.code(), p.message()))
        .collect();
    (fallback(), link, problems)
}

/// Stands in for a state that could not be read; the build reports why.
fn fallback() -> State {
    State::from(crate::model::Succeed::default())
}
