//! A Distributed Map's `ItemReader` reads with one of two S3 actions:
//! `s3:getObject` (one file: CSV, JSON, JSON Lines, Parquet or a manifest)
//! or `s3:listObjectsV2` (the objects under a prefix). Any other
//! integration ARN is an error; what is not an ARN at all is the `Resource`
//! rule's to report.

use crate::model::graph::{StateId, StateNode};
use crate::model::{Resource, State};
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::validate::rules::resource::is_integration_arn;
use crate::Code;

/// The actions an ItemReader can read with.
const READER_ACTIONS: [&str; 2] = ["s3:getObject", "s3:listObjectsV2"];

pub(crate) fn check(
    found: &mut Findings<'_>,
    machine: &Definition<'_>,
    id: StateId,
    node: &StateNode<'_>,
) {
    let State::Map(map) = node.state else { return };
    let Some(Resource::Uri(uri)) = map.item_reader.as_ref().map(|r| &r.resource) else {
        return;
    };
    if !is_integration_arn(uri) {
        return;
    }
    let action = uri.splitn(6, ':').nth(5).unwrap_or_default();
    if READER_ACTIONS.contains(&action) {
        return;
    }
    let partition = uri.split(':').nth(1).unwrap_or("aws");
    found.error(
        machine.state_path(id).key("ItemReader").key("Resource"),
        Code::InvalidResource,
        format!(
            "`{uri}` is not an action an ItemReader reads with: use \
             `arn:{partition}:states:::s3:getObject` (one file: CSV, JSON, JSON Lines, Parquet or \
             a manifest) or `arn:{partition}:states:::s3:listObjectsV2` (the objects under a prefix)"
        ),
    );
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::{messages, one_state, paths};
    use crate::Code;

    fn map(resource: &str) -> String {
        one_state(&format!(
            r#"{{"Type": "Map", "Next": "Done", "ItemReader": {{"Resource": "{resource}",
                "Parameters": {{"Bucket": "b", "Prefix": "p"}}}},
              "ItemProcessor": {{"ProcessorConfig": {{"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}},
                "StartAt": "P", "States": {{"P": {{"Type": "Succeed"}}}}}}}}"#
        ))
    }

    #[test]
    fn only_the_two_s3_reader_actions_read_items() {
        for good in [
            "arn:aws:states:::s3:getObject",
            "arn:aws:states:::s3:listObjectsV2",
        ] {
            assert!(
                paths(&map(good), Code::InvalidResource).is_empty(),
                "{good}"
            );
        }
        let bad = map("arn:aws:states:::s3:putObject");
        assert_eq!(
            paths(&bad, Code::InvalidResource),
            ["States.S.ItemReader.Resource"]
        );
        assert!(messages(&bad, Code::InvalidResource)[0].contains("s3:listObjectsV2"));
    }
}
