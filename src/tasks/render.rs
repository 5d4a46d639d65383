//! [`Fields`]: the object an integration sends to AWS, written as
//! `Parameters` (JSONPath: paths under `Key.$`) or `Arguments` (JSONata:
//! `{% ... %}` strings), with the problems found on the way.

use std::time::Duration;

use crate::model::{Json, JsonObject, Number, QueryLanguage};
use crate::problem::Path;
use crate::Code;

use super::input::{Literal, Repr};
use super::Input;

/// A problem in one field of the rendered object, reported at the task.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Problem {
    /// Where in the object, e.g. `Key.id.S`; the root for the object itself.
    pub(crate) field: Path,
    pub(crate) code: Code,
    pub(crate) message: String,
}

/// An object being rendered in one query language.
#[derive(Debug, Clone)]
pub(crate) struct Fields {
    language: QueryLanguage,
    object: JsonObject,
    problems: Vec<Problem>,
}

impl Fields {
    /// An empty object rendered in `language`.
    pub(crate) fn new(language: QueryLanguage) -> Fields {
        Fields {
            language,
            object: JsonObject::new(),
            problems: Vec::new(),
        }
    }

    /// An empty object in the same language, to nest in this one.
    pub(crate) fn child(&self) -> Fields {
        Fields::new(self.language)
    }

    /// The query language this object is written in.
    pub(crate) fn language(&self) -> QueryLanguage {
        self.language
    }

    /// `key` with a literal, `key.$` with a path, `key` with a `{% %}`
    /// expression; a value of the other query language is a problem.
    pub(crate) fn input<T: Literal>(&mut self, key: &str, input: &Input<T>) -> &mut Fields {
        self.input_with(key, input, Literal::to_json)
    }

    /// As [`Fields::input`] when there is a value.
    pub(crate) fn opt<T: Literal>(&mut self, key: &str, input: Option<&Input<T>>) -> &mut Fields {
        if let Some(input) = input {
            self.input(key, input);
        }
        self
    }

    /// As [`Fields::input`], the literal written by `write`.
    pub(crate) fn input_with<T>(
        &mut self,
        key: &str,
        input: &Input<T>,
        write: impl FnOnce(&T) -> Json,
    ) -> &mut Fields {
        match (&input.0, self.language) {
            (Repr::Literal(value), _) => {
                self.object.insert(key.to_owned(), write(value));
            }
            (Repr::Path(path), QueryLanguage::JsonPath) => {
                self.object
                    .insert(format!("{key}.$"), Json::String(path.clone()));
            }
            (Repr::Jsonata(expression), QueryLanguage::Jsonata) => {
                self.object
                    .insert(key.to_owned(), Json::String(expression.clone()));
            }
            (Repr::Path(path), QueryLanguage::Jsonata) => {
                self.problem(
                    key,
                    Code::ValueForOtherQueryLanguage,
                    format!(
                        "`{path}` is a JSONPath path or intrinsic, but this task renders JSONata \
                         `Arguments`: use a `Jsonata` expression such as `$states.input.field`"
                    ),
                );
                self.object
                    .insert(key.to_owned(), Json::String(path.clone()));
            }
            (Repr::Jsonata(expression), QueryLanguage::JsonPath) => {
                self.problem(
                    key,
                    Code::ValueForOtherQueryLanguage,
                    format!(
                        "`{expression}` is a JSONata expression, but this task renders JSONPath \
                         `Parameters`: use a `JsonPath` or an `Intrinsic`, or call `.jsonata()` \
                         on the task"
                    ),
                );
                self.object
                    .insert(key.to_owned(), Json::String(expression.clone()));
            }
        }
        self
    }

    /// `key` with a literal, whatever the language.
    pub(crate) fn literal(&mut self, key: &str, value: impl Into<Json>) -> &mut Fields {
        self.object.insert(key.to_owned(), value.into());
        self
    }

    /// `key` with an integer literal.
    pub(crate) fn int(&mut self, key: &str, value: i64) -> &mut Fields {
        self.literal(key, Json::Number(Number::from(value)))
    }

    /// `key` with the nested object `child`; its problems are reported under `key`.
    pub(crate) fn object(&mut self, key: &str, child: Fields) -> &mut Fields {
        let (json, problems) = child.finish();
        self.adopt(Path::root().key(key), problems);
        self.object.insert(key.to_owned(), json);
        self
    }

    /// `key` with an array of nested objects.
    pub(crate) fn array(&mut self, key: &str, items: Vec<Fields>) -> &mut Fields {
        let mut array = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            let (json, problems) = item.finish();
            self.adopt(Path::root().key(key).index(i), problems);
            array.push(json);
        }
        self.object.insert(key.to_owned(), Json::Array(array));
        self
    }

    /// `key` with a duration in whole seconds; a fraction of a second is a problem.
    pub(crate) fn seconds(&mut self, key: &str, input: &Input<Duration>) -> &mut Fields {
        self.duration(key, input, 1)
    }

    /// `key` with a duration in whole minutes; a fraction of a minute is a problem.
    pub(crate) fn minutes(&mut self, key: &str, input: &Input<Duration>) -> &mut Fields {
        self.duration(key, input, 60)
    }

    /// `key` with a duration in whole units of `unit` seconds.
    fn duration(&mut self, key: &str, input: &Input<Duration>, unit: u64) -> &mut Fields {
        let whole = input.literal().and_then(|d| whole_units(*d, unit));
        if let (Some(duration), None) = (input.literal(), whole) {
            let name = if unit == 1 { "seconds" } else { "minutes" };
            self.problem(
                key,
                Code::ValueOutOfRange,
                format!(
                    "{duration:?} is not a whole number of {name}: AWS takes `{key}` in {name}"
                ),
            );
        }
        self.input_with(key, input, |_| {
            Json::Number(Number::from(whole.unwrap_or_default()))
        })
    }

    /// Records a problem at `field`.
    pub(crate) fn problem(&mut self, field: &str, code: Code, message: impl Into<String>) {
        self.problems.push(Problem {
            field: dotted(field),
            code,
            message: message.into(),
        });
    }

    /// Takes `problems` of a nested value, placed under `key`.
    fn adopt(&mut self, at: Path, problems: Vec<Problem>) {
        for mut p in problems {
            p.field = p
                .field
                .segments()
                .iter()
                .fold(at.clone(), |path, segment| path.push(segment.clone()));
            self.problems.push(p);
        }
    }

    /// The object and its problems.
    pub(crate) fn finish(self) -> (Json, Vec<Problem>) {
        (Json::Object(self.object), self.problems)
    }
}

/// A field written `A.B[0].C` as a path (the empty text is the object itself).
fn dotted(field: &str) -> Path {
    let mut path = Path::root();
    for part in field.split('.').filter(|p| !p.is_empty()) {
        let (name, indexes) = part.split_once('[').unwrap_or((part, ""));
        if !name.is_empty() {
            path = path.key(name);
        }
        for index in indexes.split('[') {
            if let Ok(i) = index.trim_end_matches(']').parse::<usize>() {
                path = path.index(i);
            }
        }
    }
    path
}

/// `field` placed under the member `key`.
pub(crate) fn under(key: &str, field: &Path) -> Path {
    field
        .segments()
        .iter()
        .fold(Path::root().key(key), |path, segment| {
            path.push(segment.clone())
        })
}

/// `duration` in whole units of `unit` seconds, if it is one.
fn whole_units(duration: Duration, unit: u64) -> Option<i64> {
    if duration.subsec_nanos() != 0 || duration.as_secs() % unit != 0 {
        return None;
    }
    i64::try_from(duration.as_secs() / unit).ok()
}

/// Unit tests.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::builder::{JsonPath, Jsonata};

    fn text(fields: Fields) -> (String, Vec<Problem>) {
        let (json, problems) = fields.finish();
        (serde_json::to_string(&json).unwrap_or_default(), problems)
    }

    #[test]
    fn paths_get_a_dollar_key_in_jsonpath() {
        let mut f = Fields::new(QueryLanguage::JsonPath);
        f.input("A", &Input::<String>::from("x"))
            .input("B", &Input::<String>::from(JsonPath::new("$.b")));
        assert_eq!(text(f).0, r#"{"A":"x","B.$":"$.b"}"#);
    }

    #[test]
    fn expressions_stay_strings_in_jsonata() {
        let mut f = Fields::new(QueryLanguage::Jsonata);
        f.input("A", &Input::<i64>::from(Jsonata::new("$a")));
        assert_eq!(text(f).0, r#"{"A":"{% $a %}"}"#);
    }

    #[test]
    fn the_other_language_is_a_problem_at_its_field() {
        let mut inner = Fields::new(QueryLanguage::JsonPath);
        inner.input("S", &Input::<String>::from(Jsonata::new("$a")));
        let mut f = Fields::new(QueryLanguage::JsonPath);
        f.object("Key", inner);
        let (_, problems) = text(f);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field.to_string(), "Key.S");
        assert_eq!(problems[0].code, Code::ValueForOtherQueryLanguage);

        let mut f = Fields::new(QueryLanguage::Jsonata);
        f.array(
            "L",
            vec![{
                let mut item = Fields::new(QueryLanguage::Jsonata);
                item.input("P", &Input::<bool>::from(JsonPath::new("$.p")));
                item
            }],
        );
        assert_eq!(text(f).1[0].field.to_string(), "L[0].P");
    }

    #[test]
    fn durations_must_be_whole_units() {
        let mut f = Fields::new(QueryLanguage::JsonPath);
        f.seconds("S", &Duration::from_secs(90).into())
            .minutes("M", &Duration::from_secs(120).into());
        assert_eq!(text(f), (r#"{"S":90,"M":2}"#.to_owned(), Vec::new()));
        let mut f = Fields::new(QueryLanguage::JsonPath);
        f.minutes("M", &Duration::from_secs(90).into())
            .seconds("S", &Duration::from_millis(1500).into());
        let (_, problems) = text(f);
        assert_eq!(problems.len(), 2);
        assert!(problems[0].message.contains("whole number of minutes"));
        assert!(problems[1].message.contains("1.5s"));
    }
}
