//! Any text: `Condition::parse` never panics; a condition that parses
//! displays as text that parses to the same model.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stepfn::builder::Condition;
use stepfn::model::ChoiceCondition;

fuzz_target!(|text: &str| {
    let Ok(condition) = Condition::parse(text) else {
        return;
    };
    let shown = condition.to_string();
    let _ = condition.to_json();
    if let (Ok(model), Ok(again)) = (
        ChoiceCondition::try_from(condition),
        Condition::parse(&shown).map(ChoiceCondition::try_from),
    ) {
        if let Ok(again) = again {
            assert_eq!(model, again, "{shown}");
        }
    }
});
