//! `States.Hash(data, algorithm)`: the lowercase hex digest of the data
//! (a string as it is, any other value as its JSON text).

use md5::Md5;
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha384, Sha512};
use stepfn::model::Json;
use stepfn::syntax::intrinsic::HashAlgorithm;

use super::text::check_length;
use super::Args;
use crate::eval::EvalError;
use crate::json;

/// `States.Hash(data, algorithm)`.
pub(super) fn hash(args: &Args) -> Result<Json, EvalError> {
    let data = match &*args.json(0)? {
        Json::String(s) => s.clone(),
        other => json::text(other),
    };
    check_length(args, &data)?;
    let name = args.string(1)?;
    let algorithm = HashAlgorithm::from_name(&name).ok_or_else(|| {
        args.error(&format!(
            "the algorithm {name:?} is not one of MD5, SHA-1, SHA-256, SHA-384, SHA-512"
        ))
    })?;
    let bytes = data.as_bytes();
    let digest: Vec<u8> = match algorithm {
        HashAlgorithm::Md5 => Md5::digest(bytes).to_vec(),
        HashAlgorithm::Sha1 => Sha1::digest(bytes).to_vec(),
        HashAlgorithm::Sha256 => Sha256::digest(bytes).to_vec(),
        HashAlgorithm::Sha384 => Sha384::digest(bytes).to_vec(),
        HashAlgorithm::Sha512 => Sha512::digest(bytes).to_vec(),
    };
    let mut hex = String::with_capacity(digest.len() * 2);
    for byte in digest {
        hex.push_str(&format!("{byte:02x}"));
    }
    Ok(Json::String(hex))
}
