//! Property: any model value, written out and read back, is the same value.

use proptest::prelude::*;
use stepfn::model::Json;
use stepfn_testkit::{for_any_machine, json};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_payload_keeps_key_order_and_nulls(payload in json()) {
        let written = serde_json::to_string(&payload).unwrap();
        let back: Json = serde_json::from_str(&written).unwrap();
        prop_assert_eq!(back, payload);
    }

    #[test]
    fn the_reader_never_panics_on_mutated_documents(
        cut in 0usize..2000,
        at in 0usize..2000,
        insert in "[\\[\\]{}\",:0-9a-zA-Z.$ -]{0,8}",
    ) {
        let text = include_str!("../../examples/definitions/order-pipeline.asl.json");
        let mut mutated: String = text.chars().take(text.len().saturating_sub(cut % 50)).collect();
        let at = mutated.char_indices().map(|(i, _)| i).nth(at % mutated.len().max(1)).unwrap_or(0);
        mutated.insert_str(at, &insert);
        if let Err(errors) = stepfn::read::read_str(&mutated) {
            prop_assert!(!errors.is_empty());
        }
    }

    #[test]
    fn the_reader_never_panics_on_arbitrary_text(text in "\\PC{0,200}") {
        let _ = stepfn::read::read_str(&text);
    }
}

#[test]
fn any_machine_reads_back_as_itself() {
    for_any_machine(256, |machine| {
        for written in [
            machine.to_json_pretty().unwrap(),
            machine.to_json_compact().unwrap(),
        ] {
            let back = stepfn::read::read_str(&written);
            prop_assert!(back.is_ok(), "{written}\n{}", back.unwrap_err());
            prop_assert_eq!(back.unwrap(), machine.clone(), "{}", written);
        }
        Ok(())
    });
}
