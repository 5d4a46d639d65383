//! EMR and EMR on EKS.

use crate::iam::Statement;

use super::Grant;

/// The clusters of the account.
fn clusters(g: &Grant<'_>) -> Vec<String> {
    vec![g.arn("elasticmapreduce", "cluster/*")]
}

/// The `elasticmapreduce:*` integrations.
pub(super) fn emr(g: &mut Grant<'_>, action: &str) {
    match action {
        "createCluster" => create_cluster(g),
        "addStep" => {
            let c = clusters(g);
            g.allow(
                [
                    "elasticmapreduce:AddJobFlowSteps",
                    "elasticmapreduce:DescribeStep",
                    "elasticmapreduce:CancelSteps",
                ],
                c,
            );
            if g.sync {
                g.events_rule("StepFunctionsGetEventForEMRAddJobFlowStepsRule");
            }
        }
        "cancelStep" => {
            let c = clusters(g);
            g.allow(["elasticmapreduce:CancelSteps"], c);
        }
        "terminateCluster" => {
            let c = clusters(g);
            g.allow(
                [
                    "elasticmapreduce:DescribeCluster",
                    "elasticmapreduce:TerminateJobFlows",
                ],
                c,
            );
            if g.sync {
                g.events_rule("StepFunctionsGetEventForEMRTerminateJobFlowsRule");
            }
        }
        "setClusterTerminationProtection" => {
            let c = clusters(g);
            g.allow(["elasticmapreduce:SetTerminationProtection"], c);
        }
        "modifyInstanceFleetByName" => {
            let c = clusters(g);
            g.allow(
                [
                    "elasticmapreduce:ModifyInstanceFleet",
                    "elasticmapreduce:ListInstanceFleets",
                ],
                c,
            );
        }
        "modifyInstanceGroupByName" => {
            let c = clusters(g);
            g.allow(
                [
                    "elasticmapreduce:ModifyInstanceGroups",
                    "elasticmapreduce:ListInstanceGroups",
                ],
                c,
            );
        }
        _ => {}
    }
}

/// `createCluster`: running the job flow, passing its roles, the cleanup
/// service-linked role, tagging, and the `.sync` rule.
fn create_cluster(g: &mut Grant<'_>) {
    g.allow(
        [
            "elasticmapreduce:RunJobFlow",
            "elasticmapreduce:DescribeCluster",
            "elasticmapreduce:TerminateJobFlows",
            "elasticmapreduce:AddTags",
        ],
        vec!["*".to_owned()],
    );
    let role = |g: &Grant<'_>, key: &str| g.params.get(key).text().map(|r| g.role_arn(r));
    let roles: Vec<String> = [role(g, "ServiceRole"), role(g, "JobFlowRole")]
        .into_iter()
        .flatten()
        .collect();
    g.allow(["iam:PassRole"], roles);
    let cleanup = format!(
        "arn:{}:iam::{}:role/aws-service-role/elasticmapreduce.amazonaws.com*/AWSServiceRoleForEMRCleanup*",
        g.env.partition, g.env.account
    );
    let names = crate::model::Json::Array(vec![
        crate::model::Json::from("elasticmapreduce.amazonaws.com"),
        crate::model::Json::from("elasticmapreduce.amazonaws.com.cn"),
    ]);
    g.push(
        Statement::allow(["iam:CreateServiceLinkedRole"], [cleanup])
            .condition("StringEquals", "iam:AWSServiceName", names)
            .sid("ElasticMapReduceServiceLinkedRole"),
    );
    if let Some(scaling) = role(g, "AutoScalingRole") {
        g.allow(["iam:PassRole"], vec![scaling]);
    }
    if g.params.has("Tags") {
        let c = clusters(g);
        g.allow(["elasticmapreduce:AddTags"], c);
    }
    if g.sync {
        g.events_rule("StepFunctionsGetEventForEMRRunJobFlowRule");
    }
}

/// The `emr-containers:*` integrations.
pub(super) fn emr_containers(g: &mut Grant<'_>, action: &str) {
    let virtual_cluster = |g: &Grant<'_>, key: &str, tail: &str| {
        let id = g.name_or_any(key);
        let name = if id == "*" { id } else { format!("{id}{tail}") };
        g.arn("emr-containers", &format!("/virtualclusters/{name}"))
    };
    match action {
        "createVirtualCluster" => {
            g.allow(
                ["emr-containers:CreateVirtualCluster"],
                vec!["*".to_owned()],
            );
            let role = format!(
                "arn:{}:iam::{}:role/aws-service-role/emr-containers.amazonaws.com/AWSServiceRoleForAmazonEMRContainers",
                g.env.partition, g.env.account
            );
            g.push(
                Statement::allow(["iam:CreateServiceLinkedRole"], [role]).condition(
                    "StringLike",
                    "iam:AWSServiceName",
                    "emr-containers.amazonaws.com",
                ),
            );
        }
        "deleteVirtualCluster" => {
            let cluster = virtual_cluster(g, "Id", "");
            if g.sync {
                g.allow(
                    [
                        "emr-containers:DeleteVirtualCluster",
                        "emr-containers:DescribeVirtualCluster",
                    ],
                    vec![cluster],
                );
            } else {
                g.allow(["emr-containers:DeleteVirtualCluster"], vec![cluster]);
            }
        }
        "startJobRun" => {
            let cluster = virtual_cluster(g, "VirtualClusterId", "");
            let role = g
                .params
                .get("ExecutionRoleArn")
                .text()
                .unwrap_or("*")
                .to_owned();
            g.push(
                Statement::allow(["emr-containers:StartJobRun"], [cluster]).condition(
                    "StringEquals",
                    "emr-containers:ExecutionRoleArn",
                    role,
                ),
            );
            if g.sync {
                let runs = virtual_cluster(g, "VirtualClusterId", "/jobruns/*");
                g.allow(
                    [
                        "emr-containers:DescribeJobRun",
                        "emr-containers:CancelJobRun",
                    ],
                    vec![runs],
                );
            }
        }
        _ => {}
    }
}
