//! Fields that belong to one query language, found in a state of the other.

use super::super::decoder::Decoder;
use super::super::fields::Fields;
use super::state::report_language;
use crate::model::QueryLanguage;

/// Drops a field of the wrong query language from `f`, reporting it.
pub(crate) fn check_language(
    decoder: &mut Decoder,
    f: &mut Fields<'_, '_>,
    name: &'static str,
    field_language: QueryLanguage,
    language: QueryLanguage,
) {
    if field_language != language {
        if let Some(slot) = f.take(name) {
            report_language(decoder, slot.key_at, &f.loc.key(name), name, language);
        }
    }
}
