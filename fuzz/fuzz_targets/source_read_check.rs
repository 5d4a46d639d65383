//! Any bytes, read as a JSON or YAML definition or template and checked:
//! never a panic or an overflow, and every problem placed within the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stepfn::source::{read_slice, Syntax};
use stepfn::validate::Validator;

fuzz_target!(|bytes: &[u8]| {
    for syntax in [Syntax::Json, Syntax::Yaml] {
        let source = read_slice(bytes, syntax);
        for definition in source.definitions() {
            let report = definition.check(&Validator::new());
            for problem in report.problems() {
                if let Some(position) = problem.position() {
                    assert!(position.offset <= bytes.len());
                }
            }
        }
    }
});
