//! Amazon EKS: [`EksCall`].

mod call;

pub use call::{EksCall, EksCallProps, EksCluster, EksHttpMethod};
