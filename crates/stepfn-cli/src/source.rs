//! Reading the one definition `graph` and `diff` work on, named on the
//! command line (`-` for standard input): an ASL file in JSON or YAML, or one
//! state machine of a CloudFormation, SAM or CDK template (`--machine ID`
//! when the template holds several).

use std::io::Read;
use std::path::Path;

use stepfn::model::StateMachine;
use stepfn::source::{Definition, Syntax};

/// What reading a definition ended with.
pub(crate) enum Source {
    Machine(StateMachine),
    /// The file holds text that is not a readable definition; one line per
    /// problem, `file:line:col: path: CODE: message`.
    Problems(Vec<String>),
    /// The file could not be read, or holds no definition to pick.
    Unreadable(String),
}

/// The name a file is reported under.
pub(crate) fn display_name(file: &Path) -> String {
    if file.as_os_str() == "-" {
        "<stdin>".to_owned()
    } else {
        file.display().to_string()
    }
}

/// Reads the definition in `file`: the only one it holds, or the state
/// machine whose logical id is `machine`.
pub(crate) fn read_machine(file: &Path, machine: Option<&str>) -> Source {
    let name = display_name(file);
    let source = if file.as_os_str() == "-" {
        let mut bytes = Vec::new();
        if let Err(e) = std::io::stdin().lock().read_to_end(&mut bytes) {
            return Source::Unreadable(format!("cannot read {name}: {e}"));
        }
        let syntax = std::str::from_utf8(&bytes).map_or(Syntax::Json, Syntax::of_text);
        stepfn::source::read_slice(&bytes, syntax)
    } else {
        match stepfn::source::read_file(file) {
            Ok(source) => source,
            Err(e) => return Source::Unreadable(format!("cannot read {name}: {e}")),
        }
    };
    let definitions = source.definitions();
    let chosen = match (machine, definitions) {
        (Some(id), _) => match definitions.iter().find(|d| d.machine() == Some(id)) {
            Some(found) => found,
            None => {
                return Source::Unreadable(format!(
                    "{name} has no state machine `{id}`{}",
                    listed(definitions)
                ))
            }
        },
        (None, [only]) => only,
        (None, []) => {
            return Source::Unreadable(format!("{name} holds no state machine definition"))
        }
        (None, several) => {
            return Source::Unreadable(format!(
                "{name} holds {} state machines{}: choose one with `--machine ID`",
                several.len(),
                listed(several)
            ))
        }
    };
    let shown = chosen
        .file()
        .map_or_else(|| name.clone(), |f| f.display().to_string());
    // `file:line:col: machine: path: CODE: message`, as `validate` writes it.
    let place = |problem: stepfn::problem::Problem| {
        let line = chosen.locate(problem).to_string();
        let position = line
            .split_once(": ")
            .filter(|(at, _)| at.bytes().all(|b| b.is_ascii_digit() || b == b':'));
        match (chosen.machine(), position) {
            (Some(id), Some((at, rest))) => format!("{shown}:{at}: {id}: {rest}"),
            (Some(id), None) => format!("{shown}: {id}: {line}"),
            (None, _) => format!("{shown}:{line}"),
        }
    };
    let assembly: Vec<String> = chosen.problems().iter().cloned().map(place).collect();
    let Some(text) = chosen.text() else {
        return Source::Problems(assembly);
    };
    if !assembly.is_empty()
        && chosen
            .problems()
            .iter()
            .any(|p| p.severity() == stepfn::problem::Severity::Error)
    {
        return Source::Problems(assembly);
    }
    match stepfn::read::read_str(text) {
        Ok(machine) => Source::Machine(machine),
        Err(errors) => Source::Problems(errors.into_iter().map(place).collect()),
    }
}

/// `: A, B, C`: the logical ids of the state machines, to choose from.
fn listed(definitions: &[Definition]) -> String {
    let ids: Vec<&str> = definitions.iter().filter_map(Definition::machine).collect();
    if ids.is_empty() {
        String::new()
    } else {
        format!(" ({})", ids.join(", "))
    }
}
