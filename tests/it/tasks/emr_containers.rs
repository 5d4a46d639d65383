//! The EMR on EKS and EKS integrations against the CDK.

use stepfn::builder::*;
use stepfn::tasks::*;

use super::Case;

pub(super) const CASES: &[Case] = &[
    ("emr-containers-virtual-clusters", virtual_clusters),
    ("emr-containers-start-job-run", start_job_run),
    ("eks-call", eks_call),
    ("emr-containers-jsonata", jsonata),
    ("eks-call-jsonata", eks_call_jsonata),
];

fn virtual_clusters() -> StateMachine {
    StateMachine::new(
        EmrContainersCreateVirtualCluster::new("Create", "analytics-eks")
            .eks_namespace("spark")
            .virtual_cluster_name("analytics")
            .tag("team", "data")
            .next(EmrContainersCreateVirtualCluster::new(
                "Create default",
                "analytics-eks",
            ))
            .next(
                EmrContainersDeleteVirtualCluster::new("Delete", JsonPath::new("$.cluster.Id"))
                    .run_job(),
            )
            .next(EmrContainersDeleteVirtualCluster::new("Delete now", "vc-1")),
    )
}

const ROLE: &str = "arn:aws:iam::123456789012:role/SparkJob";

fn start_job_run() -> StateMachine {
    type Config = EmrContainersApplicationConfiguration;
    let full = EmrContainersStartJobRun::new(
        "Spark",
        JsonPath::new("$.cluster.Id"),
        "emr-6.3.0-latest",
        ROLE,
        "s3://jobs/job.py",
    )
    .entry_point_arguments(["--day", "2026-01-01"])
    .spark_submit_parameters("--conf spark.executor.instances=2")
    .job_name("daily")
    .application_config(
        Config::new("spark-defaults").property("spark.dynamicAllocation.enabled", "false"),
    )
    .application_config(
        Config::new("spark-env")
            .nested(Config::new("export").property("JAVA_HOME", "/usr/lib/jvm")),
    )
    .monitoring(
        EmrContainersMonitoring::new()
            .log_group("/emr/jobs")
            .log_stream_name_prefix("daily")
            .log_bucket("emr-logs")
            .persistent_app_ui(false),
    )
    .tag("team", "data");
    let now = EmrContainersStartJobRun::new(
        "Spark now",
        "vc-1",
        "emr-7.0.0-latest",
        ROLE,
        "s3://jobs/quick.py",
    )
    .request_response();
    StateMachine::new(full.next(now))
}

fn eks_call() -> StateMachine {
    let cluster = EksCluster::new(
        "apps",
        "https://ABC.gr7.us-east-1.eks.amazonaws.com",
        "LS0tLS1C",
    );
    StateMachine::new(
        EksCall::new(
            "List pods",
            cluster.clone(),
            EksHttpMethod::Get,
            "/api/v1/namespaces/default/pods",
        )
        .query_parameter("labelSelector", ["app=web"])
        .next(
            EksCall::new(
                "Delete pod",
                cluster,
                EksHttpMethod::Delete,
                JsonPath::new("$.path"),
            )
            .request_body(serde_json::json!({"kind": "DeleteOptions"})),
        ),
    )
}

fn jsonata() -> StateMachine {
    let jsonata = QueryLanguage::Jsonata;
    let cluster = || Jsonata::new("$states.input.cluster.Id");
    let create = EmrContainersCreateVirtualCluster::new("Create", "analytics-eks")
        .query_language(jsonata)
        .eks_namespace("spark")
        .virtual_cluster_name(Jsonata::new("$states.input.name"));
    let spark = EmrContainersStartJobRun::new(
        "Spark",
        cluster(),
        "emr-6.3.0-latest",
        ROLE,
        "s3://jobs/job.py",
    )
    .query_language(jsonata)
    .entry_point_arguments(Jsonata::new("$states.input.args"))
    .job_name(Jsonata::new("$states.input.job"));
    let delete = EmrContainersDeleteVirtualCluster::new("Delete", cluster())
        .query_language(jsonata)
        .run_job();
    StateMachine::new(create.next(spark).next(delete))
}

fn eks_call_jsonata() -> StateMachine {
    let cluster = EksCluster::new(
        "apps",
        "https://ABC.gr7.us-east-1.eks.amazonaws.com",
        "LS0tLS1C",
    );
    StateMachine::new(
        EksCall::new(
            "Delete pod",
            cluster,
            EksHttpMethod::Delete,
            Jsonata::new("$states.input.path"),
        )
        .query_language(QueryLanguage::Jsonata)
        .query_parameter("gracePeriodSeconds", ["0"])
        .request_body(serde_json::json!({"kind": "DeleteOptions"})),
    )
}

#[test]
fn emr_containers_and_eks_match_the_cdk() {
    super::check(CASES);
}

#[test]
fn an_unnamed_virtual_cluster_gets_a_valid_jsonata_name() {
    let machine = StateMachine::new(
        EmrContainersCreateVirtualCluster::new("Create", "analytics-eks").jsonata(),
    )
    .query_language(QueryLanguage::Jsonata);
    let json = machine.to_json().expect("the name is valid JSONata");
    assert!(
        json.contains(
            r#""Name":"{% $states.context.Execution.Name & '/' & $states.context.State.Name %}""#
        ),
        "{json}"
    );
}
