//! The builder examples rebuild the CDK's reference workflows: each must print
//! ASL equal, as a JSON value, to what the CDK renders, and matches its
//! snapshot.

use std::path::Path;

use crate::fixtures::cdk_reference;

#[allow(dead_code)]
#[path = "../../examples/fragment_prefix.rs"]
mod fragment_prefix;
#[allow(dead_code)]
#[path = "../../examples/job_poller.rs"]
mod job_poller;
#[allow(dead_code)]
#[path = "../../examples/map_inline.rs"]
mod map_inline;
#[allow(dead_code)]
#[path = "../../examples/parallel_catch_retry.rs"]
mod parallel_catch_retry;

fn check(name: &str, machine: stepfn::builder::StateMachine) {
    let json = match machine.to_json_pretty() {
        Ok(json) => json,
        Err(errors) => panic!("{name} does not build:\n{errors}"),
    };
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(Path::new(env!("CARGO_MANIFEST_DIR")).join("snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!(format!("builder-{name}"), json));

    let cdk = cdk_reference(name);
    let ours: serde_json::Value = serde_json::from_str(&json).expect("our output is JSON");
    assert_eq!(
        ours,
        cdk,
        "{name}: our ASL differs from the CDK's\nours: {json}\ncdk: {}",
        serde_json::to_string_pretty(&cdk).unwrap_or_default()
    );
}

#[test]
fn job_poller_matches_the_cdk() {
    check("job-poller", job_poller::definition());
}

#[test]
fn parallel_catch_retry_matches_the_cdk() {
    check("parallel-catch-retry", parallel_catch_retry::definition());
}

#[test]
fn map_inline_matches_the_cdk() {
    check("map-inline", map_inline::definition());
}

#[test]
fn fragment_prefix_matches_the_cdk() {
    check("fragment-prefix", fragment_prefix::definition());
}
