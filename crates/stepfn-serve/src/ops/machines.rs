//! CreateStateMachine, DescribeStateMachine, UpdateStateMachine,
//! DeleteStateMachine, ListStateMachines.

use serde_json::{json, Map, Value};
use stepfn_sim::{SimError, Simulator};

use super::{now_millis, put};
use crate::arn::{check_name, Kind};
use crate::error::ApiError;
use crate::request::{page, timestamp, Request};
use crate::store::Machine;
use crate::Shared;

/// Validates and compiles a definition as AWS does at creation, with the
/// Express rules for an Express machine.
fn compile(definition: &str, express: bool) -> Result<Simulator, ApiError> {
    let report = stepfn::validate::Validator::new()
        .express(express)
        .check_str(definition);
    if let Err(problems) = report.into_result() {
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        return Err(invalid_definition(&text.join("; ")));
    }
    match Simulator::from_json(definition) {
        Ok(sim) => Ok(sim.express(express)),
        Err(SimError::Invalid(problems)) => Err(invalid_definition(&problems.to_string())),
        Err(other) => Err(invalid_definition(&other.to_string())),
    }
}

fn invalid_definition(problems: &str) -> ApiError {
    ApiError::new(
        "InvalidDefinition",
        format!("Invalid State Machine Definition: '{problems}'"),
    )
}

/// `STANDARD` (the default) or `EXPRESS`: whether it is Express.
fn express(request: &Request) -> Result<bool, ApiError> {
    match request.string("type")? {
        None | Some("STANDARD") => Ok(false),
        Some("EXPRESS") => Ok(true),
        Some(other) => Err(ApiError::validation(format!(
            "1 validation error detected: Value '{other}' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]"
        ))),
    }
}

fn role_arn(request: &Request) -> Result<Option<String>, ApiError> {
    match request.string("roleArn")? {
        None => Ok(None),
        Some(arn) if arn.starts_with("arn:") && arn.contains(":iam:") => Ok(Some(arn.to_owned())),
        Some(arn) => Err(ApiError::new("InvalidArn", format!("Invalid Arn: 'Resource type not valid in this context: {arn}' (roleArn names an IAM role: arn:aws:iam::<account>:role/<name>)"))),
    }
}

pub(crate) fn does_not_exist(arn: &str) -> ApiError {
    ApiError::new(
        "StateMachineDoesNotExist",
        format!("State Machine Does Not Exist: '{arn}'"),
    )
}

/// `CreateStateMachine`; the same name with the same definition, role
/// and type is answered as the first time.
pub(crate) fn create(shared: &Shared, request: &Request) -> Result<Value, ApiError> {
    let name = request.required("name")?;
    let definition = request.required("definition")?;
    request.required("roleArn")?;
    let role = role_arn(request)?.unwrap_or_default();
    check_name(name, "state machine")?;
    let express = express(request)?;
    let arn = shared.arns.state_machine(name);
    if let Some(existing) = shared.lock().machines.get(&arn) {
        if existing.definition == definition
            && existing.role_arn == role
            && existing.express == express
        {
            return Ok(
                json!({"stateMachineArn": arn, "creationDate": timestamp(existing.created_millis)}),
            );
        }
        return Err(ApiError::new(
            "StateMachineAlreadyExists",
            format!("State Machine Already Exists: '{arn}'"),
        ));
    }
    let sim = compile(definition, express)?;
    let created = now_millis();
    let machine = Machine {
        arn: arn.clone(),
        name: name.to_owned(),
        definition: definition.to_owned(),
        role_arn: role,
        express,
        created_millis: created,
        revision: 1,
        logging: request
            .value("loggingConfiguration")
            .cloned()
            .unwrap_or_else(|| json!({"level": "OFF", "includeExecutionData": false})),
        tracing: request
            .value("tracingConfiguration")
            .cloned()
            .unwrap_or_else(|| json!({"enabled": false})),
        sim,
    };
    let mut store = shared.lock();
    if store.machines.contains_key(&arn) {
        return Err(ApiError::new(
            "StateMachineAlreadyExists",
            format!("State Machine Already Exists: '{arn}'"),
        ));
    }
    store.machines.insert(arn.clone(), machine);
    drop(store);
    shared.save()?;
    Ok(json!({"stateMachineArn": arn, "creationDate": timestamp(created)}))
}

/// The machine's ARN from a request (without a `#TestCase` suffix).
fn machine_arn<'r>(shared: &Shared, request: &'r Request) -> Result<&'r str, ApiError> {
    let arn = request.required("stateMachineArn")?;
    let arn = arn.split_once('#').map_or(arn, |(arn, _)| arn);
    shared.arns.check(arn, &[Kind::StateMachine])?;
    Ok(arn)
}

/// `DescribeStateMachine`.
pub(crate) fn describe(shared: &Shared, request: &Request) -> Result<Value, ApiError> {
    let arn = machine_arn(shared, request)?;
    let store = shared.lock();
    let machine = store.machines.get(arn).ok_or_else(|| does_not_exist(arn))?;
    Ok(json!({
        "stateMachineArn": machine.arn,
        "name": machine.name,
        "status": "ACTIVE",
        "definition": machine.definition,
        "roleArn": machine.role_arn,
        "type": machine.type_name(),
        "creationDate": timestamp(machine.created_millis),
        "loggingConfiguration": machine.logging,
        "tracingConfiguration": machine.tracing,
        "revisionId": revision_id(machine.revision),
    }))
}

fn revision_id(revision: u64) -> String {
    format!("{revision:08x}-0000-4000-8000-000000000000")
}

/// `UpdateStateMachine`: a new definition, role, logging or tracing for
/// the executions started from now on.
pub(crate) fn update(shared: &Shared, request: &Request) -> Result<Value, ApiError> {
    let arn = machine_arn(shared, request)?;
    let definition = request.string("definition")?;
    let role = role_arn(request)?;
    let logging = request.value("loggingConfiguration").cloned();
    let tracing = request.value("tracingConfiguration").cloned();
    if definition.is_none() && role.is_none() && logging.is_none() && tracing.is_none() {
        return Err(ApiError::new(
            "MissingRequiredParameter",
            "Missing Required Parameter: give at least one of definition, roleArn, loggingConfiguration or tracingConfiguration",
        ));
    }
    let express = shared
        .lock()
        .machines
        .get(arn)
        .map(|m| m.express)
        .ok_or_else(|| does_not_exist(arn))?;
    let sim = definition.map(|d| compile(d, express)).transpose()?;
    let mut store = shared.lock();
    let machine = store
        .machines
        .get_mut(arn)
        .ok_or_else(|| does_not_exist(arn))?;
    if let (Some(definition), Some(sim)) = (definition, sim) {
        machine.definition = definition.to_owned();
        machine.sim = sim;
    }
    if let Some(role) = role {
        machine.role_arn = role;
    }
    if let Some(logging) = logging {
        machine.logging = logging;
    }
    if let Some(tracing) = tracing {
        machine.tracing = tracing;
    }
    machine.revision += 1;
    let revision = machine.revision;
    drop(store);
    shared.save()?;
    Ok(json!({"updateDate": timestamp(now_millis()), "revisionId": revision_id(revision)}))
}

/// `DeleteStateMachine`: gone for new executions; those running go on.
pub(crate) fn delete(shared: &Shared, request: &Request) -> Result<Value, ApiError> {
    let arn = machine_arn(shared, request)?;
    shared.lock().machines.remove(arn);
    shared.save()?;
    Ok(json!({}))
}

/// `ListStateMachines`, by name.
pub(crate) fn list(shared: &Shared, request: &Request) -> Result<Value, ApiError> {
    let size = request.page_size(100)?;
    let start = request.page_start()?;
    let items: Vec<Value> = shared
        .lock()
        .machines
        .values()
        .map(|m| json!({"stateMachineArn": m.arn, "name": m.name, "type": m.type_name(), "creationDate": timestamp(m.created_millis)}))
        .collect();
    let (items, next) = page(items, start, size);
    let mut out = Map::new();
    out.insert("stateMachines".into(), Value::Array(items));
    put(&mut out, "nextToken", next);
    Ok(Value::Object(out))
}
