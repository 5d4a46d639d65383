//! A JSON document given on the command line (`run --input`, `eval --input`,
//! `eval --context`): a file when one exists at that path, `-` for standard
//! input, or else the JSON text itself.

use std::io::Read;
use std::path::Path;

use stepfn::model::Json;

/// Where the document behind an option comes from, and whether standard
/// input is free to hold it.
pub(crate) struct JsonArgument<'a> {
    /// The option, as the user wrote it: `--input`.
    pub(crate) option: &'a str,
    /// What standard input already holds, if it is taken: "the definition".
    pub(crate) stdin_holds: Option<&'a str>,
    /// What a blank document stands for, if anything (`stepfn run`: `{}`,
    /// the input AWS gives an execution started without one).
    pub(crate) blank: Option<fn() -> Json>,
}

impl JsonArgument<'_> {
    /// The document `value` names or holds.
    pub(crate) fn read(&self, value: &str) -> Result<Json, String> {
        let option = self.option;
        if value == "-" {
            if let Some(held) = self.stdin_holds {
                return Err(format!(
                    "{option} -: standard input already holds {held}: give {option} a file or \
                     the JSON text itself"
                ));
            }
            let mut text = String::new();
            std::io::stdin()
                .lock()
                .read_to_string(&mut text)
                .map_err(|e| format!("cannot read standard input for {option}: {e}"))?;
            return self
                .parse(&text)
                .map_err(|e| format!("standard input ({option}) is not JSON: {e}"));
        }
        if Path::new(value).is_file() {
            let text = std::fs::read_to_string(value)
                .map_err(|e| format!("cannot read {value} ({option}): {e}"))?;
            return self
                .parse(&text)
                .map_err(|e| format!("{value} ({option}) is not JSON: {e}"));
        }
        self.parse(value).map_err(|e| {
            // Text that opens like an object or an array was meant as JSON:
            // say where it breaks. Anything else was most likely a path.
            let what = if value.trim_start().starts_with(['{', '[']) {
                format!("{option} is not valid JSON text ({e})")
            } else {
                format!("{option} {value}: there is no file at that path, and it is not JSON text")
            };
            format!(
                "{what}: give a file path, `-` for standard input, or JSON such as \
                 '{{\"key\": 1}}'"
            )
        })
    }

    fn parse(&self, text: &str) -> Result<Json, serde_json::Error> {
        match self.blank {
            Some(blank) if text.trim().is_empty() => Ok(blank()),
            _ => serde_json::from_str(text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::JsonArgument;
    use stepfn::model::Json;

    fn text(json: &Json) -> String {
        serde_json::to_string(json).unwrap()
    }

    const INPUT: JsonArgument<'static> = JsonArgument {
        option: "--input",
        stdin_holds: Some("the definition"),
        blank: None,
    };

    #[test]
    fn json_text_is_read_as_it_is() {
        assert_eq!(
            text(&INPUT.read(r#"{"a": [1, 2]}"#).unwrap()),
            r#"{"a":[1,2]}"#
        );
        assert_eq!(text(&INPUT.read("3").unwrap()), "3");
    }

    #[test]
    fn a_file_at_that_path_is_read_instead() {
        let path =
            std::env::temp_dir().join(format!("stepfn-json-arg-{}.json", std::process::id()));
        std::fs::write(&path, r#"{"from": "file"}"#).unwrap();
        let read = INPUT.read(&path.to_string_lossy());
        std::fs::write(&path, "not json").unwrap();
        let broken = INPUT.read(&path.to_string_lossy());
        std::fs::remove_file(&path).unwrap();
        assert_eq!(text(&read.unwrap()), r#"{"from":"file"}"#);
        let message = broken.unwrap_err();
        assert!(message.contains("(--input) is not JSON"), "{message}");
    }

    #[test]
    fn neither_a_file_nor_json_says_what_to_give() {
        assert_eq!(
            INPUT.read("orders.jsn").unwrap_err(),
            "--input orders.jsn: there is no file at that path, and it is not JSON text: give a \
             file path, `-` for standard input, or JSON such as '{\"key\": 1}'"
        );
        assert_eq!(
            INPUT.read(r#"{"key": 1,}"#).unwrap_err(),
            "--input is not valid JSON text (trailing comma at line 1 column 11): give a file \
             path, `-` for standard input, or JSON such as '{\"key\": 1}'"
        );
    }

    #[test]
    fn a_blank_document_is_what_the_command_says() {
        assert!(INPUT.read(" ").is_err());
        let run_input = JsonArgument {
            blank: Some(|| Json::Object(stepfn::model::JsonObject::new())),
            ..INPUT
        };
        assert_eq!(text(&run_input.read(" ").unwrap()), "{}");
    }

    #[test]
    fn standard_input_holding_the_definition_is_not_read_twice() {
        let message = INPUT.read("-").unwrap_err();
        assert!(
            message.contains("standard input already holds the definition"),
            "{message}"
        );
    }
}
