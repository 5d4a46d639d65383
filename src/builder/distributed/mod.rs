//! What a Distributed Map reads, batches and writes: [`ItemReader`],
//! [`ItemBatcher`] and [`ResultWriter`], with the value sets AWS accepts as
//! enums.

mod item_batcher;
mod item_reader;
mod result_writer;

pub use item_batcher::ItemBatcher;
pub use item_reader::ItemReader;
pub use result_writer::ResultWriter;

use crate::builder::{Payload, PayloadValue};
use crate::model::Json;

/// `{"Bucket": bucket, name: value}` as a payload template: literal strings
/// as they are, paths and intrinsics under `.$` keys.
fn bucket_and(bucket: PayloadValue, name: &str, value: PayloadValue) -> Json {
    Payload::new()
        .field("Bucket", bucket)
        .field(name, value)
        .into()
}
