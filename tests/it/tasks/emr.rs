//! The EMR integrations against the CDK.

use std::time::Duration;

use stepfn::builder::*;
use stepfn::tasks::*;

use super::Case;

pub(super) const CASES: &[Case] = &[
    ("emr-create-cluster", create),
    ("emr-create-cluster-options", create_options),
    ("emr-create-cluster-instance-fleets", create_fleets),
    ("emr-steps", steps),
    ("emr-cluster-management", management),
    (
        "emr-steps-and-management-jsonata",
        steps_and_management_jsonata,
    ),
    ("emr-create-cluster-jsonata-options", create_jsonata_options),
];

fn roles(cluster: EmrCreateCluster) -> EmrCreateCluster {
    cluster
        .service_role("arn:aws:iam::123456789012:role/EmrService")
        .cluster_role("arn:aws:iam::123456789012:role/EmrInstance")
        .auto_scaling_role("arn:aws:iam::123456789012:role/EmrScaling")
}

fn create() -> StateMachine {
    let instances = EmrInstances::new()
        .instance_count(3)
        .master_instance_type("m5.xlarge")
        .slave_instance_type("m5.xlarge");
    StateMachine::new(roles(
        EmrCreateCluster::new("Cluster", "analytics", instances).release_label("emr-7.1.0"),
    ))
}

fn create_options() -> StateMachine {
    let instances = EmrInstances::new()
        .additional_master_security_groups(["sg-m"])
        .additional_slave_security_groups(["sg-s"])
        .ec2_key_name("ops")
        .ec2_subnet_ids(["subnet-1", "subnet-2"])
        .emr_managed_master_security_group("sg-em")
        .emr_managed_slave_security_group("sg-es")
        .hadoop_version("3.3")
        .instance_count(3)
        .master_instance_type("m5.xlarge")
        .slave_instance_type("m5.xlarge")
        .availability_zone("us-east-1a")
        .service_access_security_group("sg-sa")
        .termination_protected(true);
    let cluster = EmrCreateCluster::new("Cluster", JsonPath::new("$.name"), instances)
        .request_response()
        .additional_info(r#"{"x":1}"#)
        .application(
            EmrApplication::new("Spark")
                .version("3.5.0")
                .args(["--x"])
                .additional_info("k", "v"),
        )
        .application(EmrApplication::new("Hive"))
        .bootstrap_action(EmrBootstrapAction::new("setup", "s3://ops/setup.sh").args(["--fast"]))
        .configuration(
            EmrConfiguration::new("spark-env").configuration(
                EmrConfiguration::new("export").property("PYSPARK_PYTHON", "python3"),
            ),
        )
        .configuration(
            EmrConfiguration::new("spark").property("maximizeResourceAllocation", "true"),
        )
        .custom_ami_id("ami-1")
        .ebs_root_volume_size_gib(20)
        .ebs_root_volume_iops(3000)
        .ebs_root_volume_throughput(125)
        .kerberos_attributes(
            EmrKerberosAttributes::new("EC2.INTERNAL")
                .kdc_admin_password("kdc")
                .ad_domain_join_user("joiner")
                .ad_domain_join_password("join")
                .cross_realm_trust_principal_password("trust"),
        )
        .log_uri("s3://logs/emr/")
        .managed_scaling_policy(
            EmrManagedScalingPolicy::new(ComputeLimitsUnitType::Instances, 2, 10)
                .maximum_on_demand_capacity_units(4)
                .maximum_core_capacity_units(3),
        )
        .release_label("emr-7.1.0")
        .scale_down_behavior(EmrClusterScaleDownBehavior::TerminateAtTaskCompletion)
        .security_configuration("secure")
        .step_concurrency_level(2)
        .tag("team", "data")
        .visible_to_all_users(false)
        .auto_termination_policy_idle_timeout(Duration::from_secs(3600));
    StateMachine::new(roles(cluster))
}

fn create_fleets() -> StateMachine {
    let fleets = serde_json::json!([{
        "InstanceFleetType": "MASTER",
        "InstanceTypeConfigs": [{"InstanceType": "m5.xlarge", "WeightedCapacity": 1}],
        "Name": "master",
        "TargetOnDemandCapacity": 1
    }]);
    let instances = EmrInstances::new()
        .ec2_subnet_id("subnet-1")
        .instance_fleets(fleets)
        .availability_zones(["us-east-1a", "us-east-1b"]);
    StateMachine::new(
        EmrCreateCluster::new("Cluster", Jsonata::new("$states.input.name"), instances)
            .query_language(QueryLanguage::Jsonata)
            .service_role("EmrService")
            .cluster_role("EmrInstance")
            .scale_down_behavior(EmrClusterScaleDownBehavior::TerminateAtInstanceHour),
    )
}

fn steps() -> StateMachine {
    let step = EmrAddStep::new(
        "Step",
        JsonPath::new("$.ClusterId"),
        "spark",
        "command-runner.jar",
    )
    .action_on_failure(ActionOnFailure::TerminateCluster)
    .main_class("Main")
    .args(["spark-submit", "s3://jobs/job.py"])
    .property("k", "v")
    .execution_role_arn("arn:aws:iam::123456789012:role/Step");
    let quick = EmrAddStep::new("Quick step", "j-1", "quick", "a.jar")
        .request_response()
        .action_on_failure(ActionOnFailure::CancelAndWait);
    let cancel = EmrCancelStep::new("Cancel", "j-1", JsonPath::new("$.StepId"));
    let last = EmrAddStep::new("Last step", "j-1", "last", "a.jar")
        .action_on_failure(ActionOnFailure::Continue);
    StateMachine::new(step.next(quick).next(cancel).next(last))
}

fn management() -> StateMachine {
    let change = EmrInstanceGroupModifyConfig::new()
        .instance_count(4)
        .ec2_instance_ids_to_terminate(["i-1"])
        .configuration(EmrConfiguration::new("yarn-site").property("k", "v"))
        .decommission_timeout(Duration::from_secs(300))
        .instances_to_protect(["i-2"])
        .instances_to_terminate(["i-3"])
        .instance_termination_timeout(Duration::from_secs(60));
    StateMachine::new(
        EmrSetClusterTerminationProtection::new("Protect", "j-1", false)
            .next(EmrModifyInstanceFleetByName::new(
                "Resize fleet",
                "j-1",
                "core",
                2,
                4,
            ))
            .next(EmrModifyInstanceGroupByName::new(
                "Resize group",
                "j-1",
                "core",
                change,
            ))
            .next(EmrTerminateCluster::new(
                "Terminate",
                JsonPath::new("$.ClusterId"),
            ))
            .next(EmrTerminateCluster::new("Terminate now", "j-2").request_response()),
    )
}

fn steps_and_management_jsonata() -> StateMachine {
    let cluster = || Jsonata::new("$states.input.ClusterId");
    let step = EmrAddStep::new("Step", cluster(), "spark", "command-runner.jar")
        .jsonata()
        .args(["spark-submit", "{% $states.input.script %}"])
        .action_on_failure(ActionOnFailure::Continue);
    let cancel =
        EmrCancelStep::new("Cancel", cluster(), Jsonata::new("$states.input.StepId")).jsonata();
    let protect = EmrSetClusterTerminationProtection::new("Protect", cluster(), true).jsonata();
    let fleet =
        EmrModifyInstanceFleetByName::new("Resize fleet", cluster(), "core", 2, 0).jsonata();
    let group = EmrModifyInstanceGroupByName::new(
        "Resize group",
        cluster(),
        Jsonata::new("$states.input.group"),
        EmrInstanceGroupModifyConfig::new().instance_count(4),
    )
    .jsonata();
    let terminate = EmrTerminateCluster::new("Terminate", cluster()).jsonata();
    StateMachine::new(
        step.next(cancel)
            .next(protect)
            .next(fleet)
            .next(group)
            .next(terminate),
    )
    .query_language(QueryLanguage::Jsonata)
}

fn create_jsonata_options() -> StateMachine {
    let instances = EmrInstances::new()
        .ec2_subnet_ids(["subnet-1"])
        .instance_count(3)
        .master_instance_type("m5.xlarge")
        .slave_instance_type("m5.xlarge")
        .termination_protected(true);
    let cluster = EmrCreateCluster::new("Cluster", "analytics", instances)
        .jsonata()
        .request_response()
        .application(EmrApplication::new("Spark").version("3.5.0"))
        .bootstrap_action(
            EmrBootstrapAction::new("setup", "s3://ops/setup.sh")
                .args(["{% $states.input.mode %}"]),
        )
        .configuration(
            EmrConfiguration::new("spark").property("maximizeResourceAllocation", "true"),
        )
        .ebs_root_volume_size_gib(20)
        .log_uri(Jsonata::new("$states.input.logUri"))
        .managed_scaling_policy(EmrManagedScalingPolicy::new(
            ComputeLimitsUnitType::Instances,
            2,
            10,
        ))
        .release_label("emr-7.1.0")
        .step_concurrency_level(2)
        .tag("team", "data")
        .visible_to_all_users(false)
        .auto_termination_policy_idle_timeout(Duration::from_secs(3600));
    let step = EmrAddStep::new(
        "Step",
        Jsonata::new("$states.input.ClusterId"),
        "spark",
        "command-runner.jar",
    )
    .jsonata()
    .action_on_failure(ActionOnFailure::TerminateCluster)
    .main_class("Main")
    .property("k", "{% $states.input.k %}")
    .execution_role_arn("arn:aws:iam::123456789012:role/Step");
    StateMachine::new(roles(cluster).next(step)).query_language(QueryLanguage::Jsonata)
}

#[test]
fn emr_matches_the_cdk() {
    super::check(CASES);
}
