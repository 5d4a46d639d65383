//! The DynamoDB integrations against the CDK.

use stepfn::builder::*;
use stepfn::model::Json;
use stepfn::tasks::{DynamoAttributeValue as V, *};

use super::Case;

pub(super) const CASES: &[Case] = &[
    ("dynamodb-get-item", get_item),
    ("dynamodb-get-item-options", get_item_options),
    ("dynamodb-put-item", put_item),
    ("dynamodb-update-item", update_item),
    ("dynamodb-delete-item", delete_item),
    ("dynamodb-jsonata", jsonata),
    ("dynamodb-update-delete-jsonata", update_delete_jsonata),
    ("dynamodb-jsonata-options", jsonata_options),
];

fn get_item() -> StateMachine {
    StateMachine::new(
        DynamoGetItem::new("Get", DynamoTable::from_name("orders"))
            .key("id", V::from_string(JsonPath::new("$.id"))),
    )
}

fn get_item_options() -> StateMachine {
    let table = DynamoTable::from_arn("arn:aws:dynamodb:us-east-1:123456789012:table/people");
    StateMachine::new(
        DynamoGetItem::new("Get", table)
            .key("pk", V::from_string("person"))
            .key("sk", V::from_number(JsonPath::new("$.n")))
            .consistent_read(true)
            .expression_attribute_name("#n", "name")
            .projection_expression([
                DynamoProjectionExpression::new().with_attribute("#n"),
                DynamoProjectionExpression::new()
                    .with_attribute("address")
                    .with_attribute("lines")
                    .at_index(0),
            ])
            .return_consumed_capacity(DynamoConsumedCapacity::Total),
    )
}

fn put_item() -> StateMachine {
    StateMachine::new(
        DynamoPutItem::new("Put", DynamoTable::from_name("orders"))
            .item("s", V::from_string("text"))
            .item("n", V::from_number(1.5))
            .item("ns", V::number_from_string("10"))
            .item("b", V::from_binary("AAE="))
            .item("ss", V::from_string_set(["a", "b"]))
            .item("nset", V::from_number_set([1.0, 2.5]))
            .item("nsf", V::number_set_from_strings(["3", "4"]))
            .item("bs", V::from_binary_set(["AA=="]))
            .item(
                "m",
                V::from_map([
                    ("inner", V::from_boolean(true)),
                    ("deep", V::from_map([("x", V::from_null(true))])),
                ]),
            )
            .item("mp", V::map_from(JsonPath::new("$.map")))
            .item("l", V::from_list([V::from_string("x"), V::from_number(2)]))
            // The CDK's `listFromJsonPath` writes the path as a literal string.
            .item("lp", V::list_from(Json::from("$.list")))
            .item("bp", V::from_boolean(JsonPath::new("$.flag")))
            .item("sp", V::from_string(JsonPath::new("$.s")))
            .condition_expression("attribute_not_exists(#s)")
            .expression_attribute_name("#s", "s")
            .expression_attribute_value(":zero", V::from_number(0))
            .return_consumed_capacity(DynamoConsumedCapacity::Indexes)
            .return_item_collection_metrics(DynamoItemCollectionMetrics::Size)
            .return_values(DynamoReturnValues::AllOld),
    )
}

fn update_item() -> StateMachine {
    StateMachine::new(
        DynamoUpdateItem::new("Update", DynamoTable::from_name("stats"))
            .key("id", V::from_string("visits"))
            .update_expression("SET #n = #n + :one")
            .condition_expression("attribute_exists(id)")
            .expression_attribute_name("#n", "count")
            .expression_attribute_value(":one", V::from_number(1))
            .return_consumed_capacity(DynamoConsumedCapacity::None)
            .return_item_collection_metrics(DynamoItemCollectionMetrics::None)
            .return_values(DynamoReturnValues::UpdatedNew)
            .result_selector(Payload::new().field("count", JsonPath::new("$.Attributes.count.N"))),
    )
}

fn delete_item() -> StateMachine {
    StateMachine::new(
        DynamoDeleteItem::new("Delete", DynamoTable::from_name("orders"))
            .key("id", V::from_string(JsonPath::new("$.id")))
            .condition_expression("#s = :done")
            .expression_attribute_name("#s", "status")
            .expression_attribute_value(":done", V::from_string("DONE"))
            .return_consumed_capacity(DynamoConsumedCapacity::Total)
            .return_item_collection_metrics(DynamoItemCollectionMetrics::Size)
            .return_values(DynamoReturnValues::AllOld),
    )
}

fn jsonata() -> StateMachine {
    let put = DynamoPutItem::new("Put", DynamoTable::from_name("orders"))
        .jsonata()
        .item("id", V::from_string(Jsonata::new("$states.input.id")))
        .item("m", V::map_from(Jsonata::new("$states.input.map")))
        .item("l", V::list_from(Jsonata::new("$states.input.list")))
        .item("b", V::from_boolean(Jsonata::new("$states.input.flag")));
    let get = DynamoGetItem::new("Get", DynamoTable::from_name("orders"))
        .jsonata()
        .key("id", V::from_string(Jsonata::new("$states.input.id")))
        .output(Jsonata::new("$states.result.Item"));
    StateMachine::new(put.next(get)).query_language(QueryLanguage::Jsonata)
}

fn update_delete_jsonata() -> StateMachine {
    let update = DynamoUpdateItem::new("Update", DynamoTable::from_name("stats"))
        .jsonata()
        .key("id", V::from_string(Jsonata::new("$states.input.id")))
        .update_expression("SET #n = #n + :one")
        .expression_attribute_name("#n", "count")
        .expression_attribute_value(":one", V::from_number(1))
        .return_values(DynamoReturnValues::UpdatedNew);
    let delete = DynamoDeleteItem::new("Delete", DynamoTable::from_name("orders"))
        .jsonata()
        .key("id", V::from_string(Jsonata::new("$states.input.order")))
        .condition_expression("#s = :done")
        .expression_attribute_name("#s", "status")
        .expression_attribute_value(":done", V::from_string("DONE"))
        .return_values(DynamoReturnValues::AllOld);
    StateMachine::new(update.next(delete)).query_language(QueryLanguage::Jsonata)
}

fn jsonata_options() -> StateMachine {
    let put = DynamoPutItem::new("Put", DynamoTable::from_name("orders"))
        .jsonata()
        .item("s", V::from_string("text"))
        .item("n", V::from_number(1.5))
        .item(
            "ns",
            V::number_from_string(Jsonata::new("$string($states.input.count)")),
        )
        .item("b", V::from_binary("AAE="))
        .item("ss", V::from_string_set(["a", "{% $states.input.tag %}"]))
        .item("nset", V::from_number_set([1.0, 2.5]))
        .item("nsf", V::number_set_from_strings(["3", "4"]))
        .item("bs", V::from_binary_set(["AA=="]))
        .item(
            "m",
            V::from_map([
                ("inner", V::from_boolean(true)),
                ("deep", V::from_map([("x", V::from_null(true))])),
            ]),
        )
        .item("l", V::from_list([V::from_string("x"), V::from_number(2)]))
        .condition_expression("attribute_not_exists(#s)")
        .expression_attribute_name("#s", "s")
        .expression_attribute_value(":zero", V::from_number(0))
        .return_consumed_capacity(DynamoConsumedCapacity::Indexes)
        .return_item_collection_metrics(DynamoItemCollectionMetrics::Size)
        .return_values(DynamoReturnValues::AllOld);
    let table = DynamoTable::from_arn("arn:aws:dynamodb:us-east-1:123456789012:table/people");
    let get = DynamoGetItem::new("Get", table)
        .jsonata()
        .key("pk", V::from_string("person"))
        .key("sk", V::from_number(7))
        .consistent_read(true)
        .expression_attribute_name("#n", "name")
        .projection_expression([
            DynamoProjectionExpression::new().with_attribute("#n"),
            DynamoProjectionExpression::new()
                .with_attribute("address")
                .with_attribute("lines")
                .at_index(0),
        ])
        .return_consumed_capacity(DynamoConsumedCapacity::Total);
    StateMachine::new(put.next(get)).query_language(QueryLanguage::Jsonata)
}

#[test]
fn dynamodb_matches_the_cdk() {
    super::check(CASES);
}
