//! The definition, pinned: any change to the ASL it produces shows up here
//! for review before it is deployed.

#[test]
fn order_workflow_matches_its_snapshot() {
    let json = order_definitions::order()
        .to_json_pretty()
        .unwrap_or_else(|problems| panic!("the order workflow does not build:\n{problems}"));
    insta::assert_snapshot!("order", json);
}

#[test]
fn the_file_build_rs_wrote_is_the_definition() {
    let json = order_definitions::order()
        .to_json_pretty()
        .unwrap_or_else(|problems| panic!("{problems}"));
    assert_eq!(order_deploy::ORDER_ASL, json);
}
