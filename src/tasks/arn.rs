//! Pieces of ARNs the integrations derive one identifier from another with.

/// The domain suffix of service endpoints in `partition`.
pub(crate) fn url_suffix(partition: &str) -> &'static str {
    match partition {
        "aws-cn" => "amazonaws.com.cn",
        "aws-iso" => "c2s.ic.gov",
        "aws-iso-b" => "sc2s.sgov.gov",
        _ => "amazonaws.com",
    }
}

/// The resource part of an ARN after `<type>/` (`table/orders` → `orders`),
/// when `arn` is an ARN of `service` with that resource type.
pub(crate) fn resource_name<'a>(arn: &'a str, service: &str, kind: &str) -> Option<&'a str> {
    let mut parts = arn.splitn(6, ':');
    let (Some("arn"), Some(_), Some(s), Some(_), Some(_), Some(resource)) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return None;
    };
    if s != service {
        return None;
    }
    resource.strip_prefix(kind)?.strip_prefix(['/', ':'])
}

/// Unit tests.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resource_names_follow_their_type() {
        assert_eq!(
            resource_name(
                "arn:aws:dynamodb:us-east-1:1:table/orders",
                "dynamodb",
                "table"
            ),
            Some("orders")
        );
        assert_eq!(
            resource_name("arn:aws:glue:us-east-1:1:job/etl", "glue", "job"),
            Some("etl")
        );
        assert_eq!(resource_name("arn:aws:s3:::b", "dynamodb", "table"), None);
        assert_eq!(resource_name("orders", "dynamodb", "table"), None);
        assert_eq!(url_suffix("aws"), "amazonaws.com");
    }
}
