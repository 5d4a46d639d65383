//! Amazon EMR on EKS: [`EmrContainersCreateVirtualCluster`],
//! [`EmrContainersDeleteVirtualCluster`], [`EmrContainersStartJobRun`].

mod create_virtual_cluster;
mod delete_virtual_cluster;
mod start_job_run;

pub use create_virtual_cluster::{
    EmrContainersCreateVirtualCluster, EmrContainersCreateVirtualClusterProps,
};
pub use delete_virtual_cluster::{
    EmrContainersDeleteVirtualCluster, EmrContainersDeleteVirtualClusterProps,
};
pub use start_job_run::{
    EmrContainersApplicationConfiguration, EmrContainersMonitoring, EmrContainersStartJobRun,
    EmrContainersStartJobRunProps,
};
