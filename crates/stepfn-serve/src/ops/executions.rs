//! StartExecution, StartSyncExecution, DescribeExecution, StopExecution,
//! ListExecutions.

use std::time::{Duration, Instant};

use serde_json::{json, Map, Value};
use stepfn_sim::{IntoInput, Status};

use super::machines::does_not_exist;
use super::{now_millis, put, random_u64, uuid};
use crate::arn::{check_name, Kind};
use crate::error::ApiError;
use crate::request::{page, timestamp, Request};
use crate::store::{Changes, Exec};
use crate::{Shared, Time};

/// How long an Express execution may run: five minutes.
const EXPRESS_LIMIT: Duration = Duration::from_secs(5 * 60);

pub(crate) fn does_not_exist_execution(arn: &str) -> ApiError {
    ApiError::new(
        "ExecutionDoesNotExist",
        format!("Execution Does Not Exist: '{arn}'"),
    )
}

/// Starts an execution (or finds the running one of the same name and
/// input): its ARN and start date.
fn begin(shared: &Shared, request: &Request, sync: bool) -> Result<(String, i64), ApiError> {
    let given = request.required("stateMachineArn")?;
    let (machine_arn, test_case) = match given.split_once('#') {
        Some((arn, case)) => (arn, Some(case)),
        None => (given, None),
    };
    shared.arns.check(machine_arn, &[Kind::StateMachine])?;
    let name = match request.string("name")? {
        Some(name) => {
            check_name(name, "execution")?;
            name.to_owned()
        }
        None => uuid(),
    };
    let input_text = request.string("input")?.unwrap_or("{}");
    let input = input_text.into_input().map_err(|e| {
        ApiError::new(
            "InvalidExecutionInput",
            format!("Invalid State Machine Execution Input: '{e}'"),
        )
    })?;
    let mut store = shared.lock();
    let machine = store
        .machines
        .get(machine_arn)
        .ok_or_else(|| does_not_exist(machine_arn))?;
    if sync && !machine.express {
        return Err(ApiError::new(
            "StateMachineTypeNotSupported",
            format!("State Machine Type Not Supported: StartSyncExecution runs EXPRESS state machines only; '{machine_arn}' is STANDARD"),
        ));
    }
    let arn = shared.arns.execution(machine.express, &machine.name, &name);
    if let Some(existing) = store.executions.get(&arn) {
        if existing.input == input_text && existing.run.status() == Status::Running && !sync {
            return Ok((arn, existing.start_millis));
        }
    }
    if store.has_execution(&arn) {
        return Err(ApiError::new(
            "ExecutionAlreadyExists",
            format!("Execution Already Exists: '{arn}'"),
        ));
    }
    let mut sim = machine
        .sim
        .clone()
        .name(machine.name.clone())
        .execution_name(name.clone())
        .seed(random_u64())
        .paced(shared.settings.time == Time::Real);
    if let Some(case) = test_case {
        let mocks = shared.settings.mocks.as_ref().ok_or_else(|| {
            ApiError::validation(format!(
                "the state machine ARN names the test case '{case}', but stepfn serve was started without --mocks"
            ))
        })?;
        let case = mocks
            .machine_test_case(&machine.name, case)
            .map_err(|e| ApiError::validation(e.to_string()))?;
        let hint = format!(
            "give it a response in the mock file's test case `{}`",
            case.name()
        );
        sim = sim.mocks(case).unanswered_hint(hint);
    } else {
        sim = sim.unanswered_hint(
            "give it a response in a Step Functions Local mock file: start stepfn serve \
             with `--mocks MockConfigFile.json` and end the state machine ARN with \
             `#TestCaseName`",
        );
    }
    let start = now_millis();
    let run = sim.start_millis(start).run(input).map_err(|e| {
        ApiError::new(
            "InvalidExecutionInput",
            format!("Invalid State Machine Execution Input: '{e}'"),
        )
    })?;
    store.executions.insert(
        arn.clone(),
        Exec {
            arn: arn.clone(),
            name,
            machine_arn: machine_arn.to_owned(),
            input: input_text.to_owned(),
            start_millis: start,
            stop_millis: None,
            run,
            clock_at: Instant::now(),
        },
    );
    store.started.push(arn.clone());
    let changes = store.after_step(&arn);
    drop(store);
    shared.signal(changes);
    shared.save()?;
    Ok((arn, start))
}

/// `StartExecution`; the same name and input as a running execution
/// answers as the first call did.
pub(crate) fn start(shared: &Shared, request: &Request) -> Result<Value, ApiError> {
    let (arn, start) = begin(shared, request, false)?;
    Ok(json!({"executionArn": arn, "startDate": timestamp(start)}))
}

/// `StartSyncExecution`: runs an Express execution and answers when it
/// ends.
pub(crate) async fn start_sync(shared: &Shared, request: &Request) -> Result<Value, ApiError> {
    let (arn, _) = begin(shared, request, true)?;
    let deadline = tokio::time::Instant::now() + EXPRESS_LIMIT;
    loop {
        let ended = shared.execution_ended.notified();
        tokio::pin!(ended);
        ended.as_mut().enable();
        {
            let store = shared.lock();
            let record = store
                .summary(&arn)
                .ok_or_else(|| does_not_exist_execution(&arn))?;
            if record.status != Status::Running.as_str() {
                let mut out = record.describe();
                out.remove("redriveCount");
                out.remove("redriveStatus");
                return Ok(Value::Object(out));
            }
        }
        if tokio::time::timeout_at(deadline, ended).await.is_err() {
            let mut store = shared.lock();
            if let Some(exec) = store.executions.get_mut(&arn) {
                exec.run.stop(
                    Some("States.Timeout"),
                    Some("The Express execution ran past five minutes."),
                );
            }
            let changes = store.after_step(&arn);
            drop(store);
            shared.signal(changes);
        }
    }
}

fn execution_arn<'r>(shared: &Shared, request: &'r Request) -> Result<&'r str, ApiError> {
    let arn = request.required("executionArn")?;
    shared.arns.check(arn, &[Kind::Execution, Kind::Express])?;
    Ok(arn)
}

/// `DescribeExecution`.
pub(crate) fn describe(shared: &Shared, request: &Request) -> Result<Value, ApiError> {
    let arn = execution_arn(shared, request)?;
    let record = shared
        .lock()
        .summary(arn)
        .ok_or_else(|| does_not_exist_execution(arn))?;
    Ok(Value::Object(record.describe()))
}

/// `StopExecution`: a running execution ends `ABORTED`; stopping one
/// that has ended changes nothing.
pub(crate) fn stop(shared: &Shared, request: &Request) -> Result<Value, ApiError> {
    let arn = execution_arn(shared, request)?;
    let error = request.string("error")?;
    let cause = request.string("cause")?;
    let mut store = shared.lock();
    let mut changes = Changes::default();
    if let Some(exec) = store.executions.get_mut(arn) {
        exec.run.stop(error, cause);
        changes = store.after_step(arn);
    }
    let stop = store
        .summary(arn)
        .ok_or_else(|| does_not_exist_execution(arn))?
        .stop_millis
        .unwrap_or_else(now_millis);
    drop(store);
    shared.signal(changes);
    Ok(json!({"stopDate": timestamp(stop)}))
}

/// `ListExecutions` of a state machine, newest first, optionally of one
/// status.
pub(crate) fn list(shared: &Shared, request: &Request) -> Result<Value, ApiError> {
    let machine = request.string("stateMachineArn")?.ok_or_else(|| {
        ApiError::validation(
            "ListExecutions needs stateMachineArn (Map Runs are not listed by this endpoint)",
        )
    })?;
    shared.arns.check(machine, &[Kind::StateMachine])?;
    let status = request.string("statusFilter")?;
    let size = request.page_size(100)?;
    let start = request.page_start()?;
    let store = shared.lock();
    let mut any = false;
    let items: Vec<Value> = store
        .started
        .iter()
        .rev()
        .filter(|arn| {
            store
                .machine_and_status(arn)
                .is_some_and(|(of, of_status)| {
                    any |= of == machine;
                    of == machine && status.is_none_or(|s| s == of_status)
                })
        })
        .filter_map(|arn| store.list_item(arn).map(Value::Object))
        .collect();
    if !any && !store.machines.contains_key(machine) {
        return Err(does_not_exist(machine));
    }
    drop(store);
    let (items, next) = page(items, start, size);
    let mut out = Map::new();
    out.insert("executions".into(), Value::Array(items));
    put(&mut out, "nextToken", next);
    Ok(Value::Object(out))
}
