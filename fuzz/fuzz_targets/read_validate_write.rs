//! Any bytes: validating never panics; what reads writes back and reads again
//! to an equal model, and the written text validates like the model.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stepfn::validate::Validator;

fuzz_target!(|bytes: &[u8]| {
    let report = Validator::new().check_slice(bytes);
    let Ok(machine) = stepfn::read::read_slice(bytes) else {
        assert!(!report.is_valid());
        return;
    };
    let Ok(pretty) = machine.to_json_pretty() else {
        return;
    };
    let again = stepfn::read::read_str(&pretty).expect("written text reads back");
    assert_eq!(machine, again);
    let compact = machine.to_json_compact().expect("writes compact too");
    assert_eq!(stepfn::read::read_str(&compact).expect("reads back"), machine);
    assert_eq!(
        Validator::new().check(&machine).is_valid(),
        Validator::new().check_str(&pretty).is_valid()
    );
});
