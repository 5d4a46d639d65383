//! Reading a whole document from its text, the top-level `States` one state
//! at a time: each state is parsed and decoded before the next is read, so
//! the tree of located nodes in memory is one state's, never the document's.
//!
//! What is read is what [`machine`] reads from the document's whole tree,
//! problems included; only the order in which problems are found differs
//! (readers sort them by offset).

use super::super::decoder::Decoder;
use super::super::location::Loc;
use super::super::parse::{self, Member, Node, Parser, SyntaxError, Value};
use super::machine::{machine, state_member};
use crate::model::{QueryLanguage, StateMachine, States};

/// Reads the document `text`. A syntax error anywhere is the only problem
/// then: the caller reports it, and what was decoded before it is dropped.
pub(crate) fn document(
    decoder: &mut Decoder,
    text: &str,
) -> Result<Option<StateMachine>, SyntaxError> {
    parse::check_length(text)?;
    let mut p = Parser::new(text);
    if p.peek() != Some(b'{') {
        // Not an object: the machine reader says what is wrong with it.
        let node = parse::value(&mut p, 0)?;
        p.end()?;
        return Ok(machine(decoder, node, None));
    }
    let at = p.offset();
    p.advance();
    let mut members = Vec::new();
    let mut read_states = None;
    let mut states_seen = false;
    // The first `QueryLanguage` member's language (`Some(None)` when it is
    // not one), as the machine reader takes it.
    let mut language_written: Option<Option<QueryLanguage>> = None;
    if p.peek() == Some(b'}') {
        p.advance();
    } else {
        loop {
            let (key_at, key) = p.key()?;
            let first_states = key == "States" && !states_seen;
            states_seen |= key == "States";
            let value = if first_states && p.peek() == Some(b'{') {
                let value_at = p.offset();
                let language = language_written.flatten().unwrap_or_default();
                read_states = Some(Streamed {
                    value_at,
                    language,
                    problems_before: decoder.problems.len(),
                    unreadable_states_before: decoder.unreadable.states.len(),
                    unreadable_scopes_before: decoder.unreadable.scopes.len(),
                    states: states(decoder, &mut p, language)?,
                });
                // A stand-in the machine reader takes as the field's place.
                Node {
                    at: value_at,
                    value: Value::Object(Vec::new()),
                }
            } else {
                let node = parse::value(&mut p, 1)?;
                if key == "QueryLanguage" && language_written.is_none() {
                    language_written = Some(match &node.value {
                        Value::String(name) => QueryLanguage::parse(name),
                        _ => None,
                    });
                }
                node
            };
            members.push(Member { key_at, key, value });
            match p.peek() {
                Some(b',') => p.advance(),
                Some(b'}') => {
                    p.advance();
                    break;
                }
                _ => return Err(p.error("expected ',' or '}' in an object")),
            }
        }
    }
    p.end()?;
    let read_states = match read_states {
        None => None,
        Some(read) => {
            let language = language_written.flatten().unwrap_or_default();
            if read.language == language {
                Some(read.states)
            } else {
                // `QueryLanguage` came after `States`: read them again in
                // the machine's language, forgetting what the first reading
                // found.
                decoder.problems.truncate(read.problems_before);
                let unreadable = &mut decoder.unreadable;
                unreadable.states.truncate(read.unreadable_states_before);
                unreadable.scopes.truncate(read.unreadable_scopes_before);
                let mut again = Parser::at(text, read.value_at as usize);
                Some(states(decoder, &mut again, language)?)
            }
        }
    };
    let root = Node {
        at,
        value: Value::Object(members),
    };
    Ok(machine(decoder, root, read_states))
}

/// The top-level `States`, read ahead of the rest of the machine, and what
/// is needed to read them again should the machine's language turn out to
/// be another.
struct Streamed {
    value_at: u32,
    language: QueryLanguage,
    problems_before: usize,
    unreadable_states_before: usize,
    unreadable_scopes_before: usize,
    states: States,
}

/// The most states [`states`] makes room for before it sees them (the
/// `States` of a definition under AWS's 1 MiB limit is about the size of
/// 16,000 small states).
const MAX_GUESS: usize = 1 << 14;

/// Reads the top-level `States` object at the parser's position (its
/// opening brace), one state at a time, in the machine language `language`.
fn states(
    decoder: &mut Decoder,
    p: &mut Parser<'_>,
    language: QueryLanguage,
) -> Result<States, SyntaxError> {
    decoder.machine_language = language;
    // A guess at how many states follow (a pretty-printed Pass state with
    // `Next` takes about 64 bytes), so the map seldom grows while it fills.
    let guess = (p.remaining() / 64).min(MAX_GUESS);
    let mut states = States::with_capacity_and_hasher(guess, crate::model::NameHasher::default());
    p.advance();
    if p.peek() == Some(b'}') {
        p.advance();
        return Ok(states);
    }
    let loc = Loc::ROOT.key("States");
    let mut targets = Vec::new();
    let mut members = Members {
        p,
        buffers: parse::Buffers::default(),
        done: false,
    };
    // The list each state's fields were read into, handed back to the
    // parser for the next state.
    let mut spare = Vec::new();
    while let Some(member) = members.next() {
        state_member(
            decoder,
            &mut states,
            &mut targets,
            &mut spare,
            member?,
            &Loc::ROOT,
            &loc,
        );
        members.buffers.reuse_members(&mut spare);
    }
    Ok(states)
}

/// The members of the top-level `States` object, parsed from the text one
/// at a time; the parser starts at the first key.
struct Members<'s, 'p> {
    p: &'p mut Parser<'s>,
    buffers: parse::Buffers<'s>,
    done: bool,
}

impl<'s> Iterator for Members<'s, '_> {
    type Item = Result<Member<'s>, SyntaxError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let member = self.member();
        if member.is_err() {
            self.done = true;
        }
        Some(member)
    }
}

impl<'s> Members<'s, '_> {
    /// One `"name": state` member and the `,` or `}` after it.
    fn member(&mut self) -> Result<Member<'s>, SyntaxError> {
        let (key_at, key) = self.p.key()?;
        // Inside the document and its `States`.
        let value = parse::value_with(self.p, 2, &mut self.buffers)?;
        match self.p.peek() {
            Some(b',') => self.p.advance(),
            Some(b'}') => {
                self.p.advance();
                self.done = true;
            }
            _ => return Err(self.p.error("expected ',' or '}' in an object")),
        }
        Ok(Member { key_at, key, value })
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::decoder::Decoder;
    use super::super::super::parse;
    use super::super::machine;
    use super::document;
    use crate::model::StateMachine;

    /// What a reading gave: the machine, its text as written (which shows
    /// the order of its states, which comparing maps does not), and each
    /// problem as `offset path: CODE: message`, in source order.
    type Outcome = (Option<StateMachine>, Option<String>, Vec<String>);

    fn outcome(decoder: Decoder, machine: Option<StateMachine>) -> Outcome {
        let mut found = decoder.problems;
        found.sort_by_key(|f| f.at);
        let problems = found
            .into_iter()
            .map(|f| format!("{} {}", f.at, f.problem))
            .collect();
        let text = machine.as_ref().and_then(|m| serde_json::to_string(m).ok());
        (machine, text, problems)
    }

    /// Reading one state at a time.
    fn streamed(text: &str) -> Result<Outcome, String> {
        let mut decoder = Decoder::default();
        let machine =
            document(&mut decoder, text).map_err(|e| format!("{} {}", e.at, e.message))?;
        Ok(outcome(decoder, machine))
    }

    /// Reading the whole tree first.
    fn whole(text: &str) -> Result<Outcome, String> {
        let node = parse::parse(text).map_err(|e| format!("{} {}", e.at, e.message))?;
        let mut decoder = Decoder::default();
        let machine = machine(&mut decoder, node, None);
        Ok(outcome(decoder, machine))
    }

    fn same(text: &str) -> Result<Outcome, String> {
        let one_at_a_time = streamed(text);
        assert_eq!(one_at_a_time, whole(text), "{text}");
        one_at_a_time
    }

    #[test]
    fn a_query_language_written_after_the_states_applies_to_them() {
        let text = r#"{"StartAt": "A", "States": {
            "A": {"Type": "Pass", "Output": "{% $states.input %}", "InputPath": "$", "End": true}
        }, "QueryLanguage": "JSONata"}"#;
        let (machine, _, problems) = same(text).unwrap();
        assert!(machine.is_some());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("States.A.InputPath"), "{problems:?}");
        // The same states before the language: the same verdict.
        let before = r#"{"QueryLanguage": "JSONata", "StartAt": "A", "States": {
            "A": {"Type": "Pass", "Output": "{% $states.input %}", "InputPath": "$", "End": true}
        }}"#;
        assert_eq!(same(before).unwrap().2.len(), 1);
    }

    #[test]
    fn reads_the_same_as_the_whole_tree_in_every_shape_of_document() {
        for text in [
            r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#,
            r#"{"States": {}, "StartAt": "A"}"#,
            r#"{"States": {"A": {"Type": "Pass", "End": true}}, "States": {"B": {"Type": "Fail"}}, "StartAt": "A"}"#,
            r#"{"States": [], "StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}"#,
            r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "A"}, "A": {"Type": "Fail"}}}"#,
            r#"{"StartAt": "A", "States": {"A": {"Type": "Nope"}, "B": 3, "C": {"Type": "Pass", "End": "yes"}}}"#,
            r#"{"QueryLanguage": "JSONata", "QueryLanguage": "JSONPath", "StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {}, "End": true}}}"#,
            r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {}, "End": true}}, "QueryLanguage": "Jsonata"}"#,
            r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Arguments": {}, "End": true}}, "QueryLanguage": 7}"#,
            r#"{"Comment": "x", "StartAt": 1, "Version": "1.0", "TimeoutSeconds": -1, "Extra": true, "States": {"P": {"Type": "Parallel", "Branches": [{"StartAt": "Q", "States": {"Q": {"Type": "Succeed"}}}], "End": true}}}"#,
            "[1, 2]",
            "{}",
            "\u{feff} {\"StartAt\": \"A\", \"States\": {}} ",
        ] {
            same(text).unwrap();
        }
    }

    #[test]
    fn a_syntax_error_after_some_states_is_the_only_problem() {
        for text in [
            r#"{"StartAt": "A", "States": {"A": {"Type": "Nope"}, "B": {"Type": "Pass", "End": true},}}"#,
            r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}} "x": 1}"#,
            r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}} trailing"#,
            r#"{"StartAt": "A", "States": {"A" {"Type": "Pass"}}}"#,
            r#"{"StartAt": "A", "States": {"A": {"Type": "Pass"}"#,
            "",
            "  ",
            r#"{"States": {"A": {"Type": "Pass", "End": true}}"#,
        ] {
            let error = streamed(text).unwrap_err();
            assert_eq!(Err(error), whole(text), "{text}");
        }
    }

    #[test]
    fn nesting_is_counted_from_the_document_as_a_whole() {
        let depth = crate::read::MAX_NESTING_DEPTH;
        // The document, `States` and the state hold the payload: three levels.
        for (payload_depth, fits) in [(depth - 3, true), (depth - 2, false)] {
            let payload = format!("{}{}", "[".repeat(payload_depth), "]".repeat(payload_depth));
            let text = format!(
                r#"{{"StartAt": "A", "States": {{"A": {{"Type": "Pass", "Result": {payload}, "End": true}}}}}}"#
            );
            let read = streamed(&text);
            assert_eq!(read.is_ok(), fits, "{payload_depth}: {read:?}");
            assert_eq!(read, whole(&text), "{payload_depth}");
        }
    }

    #[test]
    fn every_corpus_file_reads_the_same_one_state_at_a_time() {
        let root =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/asl-corpus");
        let mut folders = vec![root];
        let mut read = 0;
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    folders.push(path);
                } else if path.extension().is_some_and(|e| e == "json") {
                    let Ok(text) = std::fs::read_to_string(&path) else {
                        continue;
                    };
                    assert_eq!(streamed(&text), whole(&text), "{}", path.display());
                    read += 1;
                }
            }
        }
        assert!(read > 500, "only {read} corpus files found");
    }

    /// A definition with the parts the reader treats specially: a language
    /// after the states, nested scopes, a repeated `States` and payloads.
    const SAMPLE: &str = r#"{"Comment": "c", "StartAt": "A", "States": {
        "A": {"Type": "Pass", "Result": {"x": [1, 2.5, null]}, "Next": "B"},
        "B": {"Type": "Parallel", "Branches": [{"StartAt": "C", "States": {"C": {"Type": "Succeed"}}}], "Next": "D"},
        "D": {"Type": "Choice", "Choices": [{"Variable": "$.v", "IsPresent": true, "Next": "A"}], "Default": "E"},
        "E": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": {"a": "{% 1 %}"}, "End": true}
    }, "QueryLanguage": "JSONata", "States": {}}"#;

    proptest::proptest! {
        #[test]
        fn mutated_text_reads_the_same_one_state_at_a_time(
            edits in proptest::collection::vec(
                (0..SAMPLE.len(), proptest::sample::select(vec!["", "{", "}", "[", "]", ",", ":", "\"", "\"States\"", "\"QueryLanguage\"", "\"JSONPath\"", " "])),
                1..4,
            )
        ) {
            let mut text = SAMPLE.to_owned();
            for (at, insert) in edits {
                let at = at.min(text.len());
                if text.is_char_boundary(at) {
                    let end = (at + 1).min(text.len());
                    if text.is_char_boundary(end) {
                        text.replace_range(at..end, insert);
                    }
                }
            }
            proptest::prop_assert_eq!(streamed(&text), whole(&text), "{}", text);
        }
    }
}
