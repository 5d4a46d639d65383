//! Writes `workflows/order.asl.json` from the typed definition: any problem
//! fails the build, warnings show as cargo warnings, and the file is written
//! again whenever it was edited or deleted by hand.

fn main() -> Result<(), stepfn::Error> {
    stepfn::emit::definition("workflows/order.asl.json", order_definitions::order())?;
    Ok(())
}
