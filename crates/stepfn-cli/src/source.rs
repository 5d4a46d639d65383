//! Reading the one definition `graph`, `diff`, `import` and `run` work on, named on the
//! command line (`-` for standard input): an ASL file in JSON or YAML, or one
//! state machine of a CloudFormation, SAM or CDK template (`--machine ID`
//! when the template holds several).

use std::io::Read;
use std::path::Path;

use stepfn::model::StateMachine;
use stepfn::source::{Definition, Syntax};
use stepfn::validate::Validator;

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
    let (name, source) = match load(file) {
        Ok(loaded) => loaded,
        Err(message) => return Source::Unreadable(message),
    };
    let chosen = match choose(&name, source.definitions(), machine) {
        Ok(chosen) => chosen,
        Err(message) => return Source::Unreadable(message),
    };
    let place = |problem: stepfn::problem::Problem| line(&name, chosen, &chosen.locate(problem));
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

/// A definition that validates, read from `file` (as [`read_machine`]
/// chooses it), and whether it comes from a template (whose `Resource`s may
/// be placeholders). A definition with errors gives every one of them, as
/// `stepfn validate` writes them.
pub(crate) fn read_valid_machine(
    file: &Path,
    machine: Option<&str>,
    validator: &Validator,
) -> Result<(StateMachine, bool), Refused> {
    let (name, source) = load(file).map_err(Refused::Unreadable)?;
    let chosen = choose(&name, source.definitions(), machine).map_err(Refused::Unreadable)?;
    let report = chosen.check(validator);
    if !report.is_valid() {
        let lines = report
            .errors()
            .iter()
            .map(|e| line(&name, chosen, e))
            .collect();
        return Err(Refused::Problems(lines));
    }
    let text = chosen.text().unwrap_or_default();
    match stepfn::read::read_str(text) {
        Ok(model) => Ok((model, chosen.machine().is_some())),
        Err(errors) => Err(Refused::Problems(
            errors
                .into_iter()
                .map(|e| line(&name, chosen, &chosen.locate(e)))
                .collect(),
        )),
    }
}

/// The simulator of the definition in `file` (as [`read_machine`] chooses
/// it), checked by `validator`, with placeholder `Resource`s allowed for a
/// template's state machine, whose ARNs are filled in at deploy time. A
/// definition with errors has them written to standard error.
pub(crate) fn read_simulator(
    file: &Path,
    machine: Option<&str>,
    validator: Validator,
) -> Result<stepfn_sim::Simulator, crate::Outcome> {
    let (model, from_template) = match read_valid_machine(file, machine, &validator) {
        Ok(read) => read,
        Err(Refused::Problems(lines)) => {
            for line in &lines {
                crate::output::warn(line);
            }
            return Err(crate::Outcome::Failed(format!(
                "{} does not validate",
                display_name(file)
            )));
        }
        Err(Refused::Unreadable(message)) => return Err(crate::Outcome::Failed(message)),
    };
    let validator = if from_template {
        validator.allow_resource_placeholders(true)
    } else {
        validator
    };
    stepfn_sim::Simulator::with_validator(model, &validator)
        .map_err(|e| crate::Outcome::Failed(e.to_string()))
}

/// Why [`read_valid_machine`] gives no definition.
pub(crate) enum Refused {
    /// The definition has errors; one line per problem, as `validate`
    /// writes them.
    Problems(Vec<String>),
    /// The file could not be read, or holds no definition to pick.
    Unreadable(String),
}

/// The file (or standard input) read: its name and what it holds.
fn load(file: &Path) -> Result<(String, stepfn::source::Source), String> {
    let name = display_name(file);
    let source = if file.as_os_str() == "-" {
        let mut bytes = Vec::new();
        if let Err(e) = std::io::stdin().lock().read_to_end(&mut bytes) {
            return Err(format!("cannot read {name}: {e}"));
        }
        let syntax = std::str::from_utf8(&bytes).map_or(Syntax::Json, Syntax::of_text);
        stepfn::source::read_slice(&bytes, syntax)
    } else {
        stepfn::source::read_file(file).map_err(|e| format!("cannot read {name}: {e}"))?
    };
    Ok((name, source))
}

/// The definition to work on: the only one, or the one named `machine`.
fn choose<'d>(
    name: &str,
    definitions: &'d [Definition],
    machine: Option<&str>,
) -> Result<&'d Definition, String> {
    match (machine, definitions) {
        (Some(id), _) => definitions
            .iter()
            .find(|d| d.machine() == Some(id))
            .ok_or_else(|| format!("{name} has no state machine `{id}`{}", listed(definitions))),
        (None, [only]) => Ok(only),
        (None, []) => Err(format!("{name} holds no state machine definition")),
        (None, several) => Err(format!(
            "{name} holds {} state machines{}: choose one with `--machine ID`",
            several.len(),
            listed(several)
        )),
    }
}

/// `file:line:col: machine: path: CODE: message`, as `validate` writes a
/// problem already placed in the file.
fn line(name: &str, chosen: &Definition, problem: &stepfn::problem::Problem) -> String {
    let shown = chosen
        .file()
        .map_or_else(|| name.to_owned(), |f| f.display().to_string());
    let line = problem.to_string();
    let position = line
        .split_once(": ")
        .filter(|(at, _)| at.bytes().all(|b| b.is_ascii_digit() || b == b':'));
    match (chosen.machine(), position) {
        (Some(id), Some((at, rest))) => format!("{shown}:{at}: {id}: {rest}"),
        (Some(id), None) => format!("{shown}: {id}: {line}"),
        (None, _) => format!("{shown}:{line}"),
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
