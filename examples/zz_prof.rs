use std::time::Instant;
use stepfn::builder::{Chain, Pass, StateMachine};
fn main() {
    for _ in 0..3 {
        let t = Instant::now();
        let mut chain = Chain::start(Pass::new("S0"));
        for i in 1..10_000 {
            chain = chain.next(Pass::new(format!("S{i}")));
        }
        let t1 = t.elapsed();
        let m = StateMachine::new(chain).validator(stepfn::validate::Validator::new());
        let t2 = t.elapsed();
        let model = m.build().unwrap();
        let t3 = t.elapsed();
        let s = model.to_json_compact().unwrap();
        let t4 = t.elapsed();
        let r = stepfn::validate::Validator::new().check(&model);
        let t5 = t.elapsed();
        println!("{t1:?} {t2:?} {t3:?} {t4:?} {t5:?} {} {}", s.len(), r.is_valid());
    }
}
