//! [`JsonObject`]: a JSON object, keys in order, one pointer wide.

use std::fmt;
use std::ops::{Deref, DerefMut};

use indexmap::IndexMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Json, NameHasher};

/// The map a [`JsonObject`] holds.
type Members = IndexMap<String, Json, NameHasher>;

/// A JSON object whose keys keep their order: an [`IndexMap`] kept on the
/// heap, so that the handle is one pointer wide. A [`Json`] is then four
/// words whatever it holds, and an absent `Assign` or payload costs a
/// state eight bytes, not the map's nine words.
///
/// Every method of the map is at hand through `Deref`:
///
/// ```
/// use stepfn::model::{Json, JsonObject};
/// let mut object = JsonObject::new();
/// object.insert("b".into(), Json::from(true));
/// object.insert("a".into(), Json::Null);
/// assert_eq!(object.keys().collect::<Vec<_>>(), ["b", "a"]);
/// assert_eq!(serde_json::to_string(&object).unwrap(), r#"{"b":true,"a":null}"#);
/// ```
#[derive(Clone, PartialEq, Default)]
pub struct JsonObject(Box<Members>);

impl JsonObject {
    /// An empty object.
    ///
    /// ```
    /// assert!(stepfn::model::JsonObject::new().is_empty());
    /// ```
    #[must_use]
    pub fn new() -> JsonObject {
        JsonObject::default()
    }

    /// An empty object with room for `capacity` members.
    ///
    /// ```
    /// assert!(stepfn::model::JsonObject::with_capacity(4).capacity() >= 4);
    /// ```
    #[must_use]
    pub fn with_capacity(capacity: usize) -> JsonObject {
        JsonObject(Box::new(IndexMap::with_capacity_and_hasher(
            capacity,
            NameHasher::default(),
        )))
    }

    /// The map itself.
    ///
    /// ```
    /// use stepfn::model::{Json, JsonObject};
    /// let object = JsonObject::from_iter([("a".to_owned(), Json::Null)]);
    /// let map: indexmap::IndexMap<String, Json, stepfn::model::NameHasher> = object.into_inner();
    /// assert_eq!(map.len(), 1);
    /// ```
    #[must_use]
    pub fn into_inner(self) -> IndexMap<String, Json, NameHasher> {
        *self.0
    }
}

impl Deref for JsonObject {
    type Target = Members;

    fn deref(&self) -> &Members {
        &self.0
    }
}

impl DerefMut for JsonObject {
    fn deref_mut(&mut self) -> &mut Members {
        &mut self.0
    }
}

impl fmt::Debug for JsonObject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// From a map with any hasher: the members are moved, in order, into a map
/// that hashes with [`NameHasher`].
impl<S> From<IndexMap<String, Json, S>> for JsonObject {
    fn from(map: IndexMap<String, Json, S>) -> JsonObject {
        map.into_iter().collect()
    }
}

impl From<JsonObject> for IndexMap<String, Json, NameHasher> {
    fn from(object: JsonObject) -> IndexMap<String, Json, NameHasher> {
        object.into_inner()
    }
}

impl FromIterator<(String, Json)> for JsonObject {
    fn from_iter<I: IntoIterator<Item = (String, Json)>>(members: I) -> JsonObject {
        JsonObject(Box::new(members.into_iter().collect()))
    }
}

impl Extend<(String, Json)> for JsonObject {
    fn extend<I: IntoIterator<Item = (String, Json)>>(&mut self, members: I) {
        self.0.extend(members);
    }
}

impl IntoIterator for JsonObject {
    type Item = (String, Json);
    type IntoIter = indexmap::map::IntoIter<String, Json>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a JsonObject {
    type Item = (&'a String, &'a Json);
    type IntoIter = indexmap::map::Iter<'a, String, Json>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<'a> IntoIterator for &'a mut JsonObject {
    type Item = (&'a String, &'a mut Json);
    type IntoIter = indexmap::map::IterMut<'a, String, Json>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter_mut()
    }
}

impl Serialize for JsonObject {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter())
    }
}

impl<'de> Deserialize<'de> for JsonObject {
    /// As a [`Json`] object: a key given twice is an error.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<JsonObject, D::Error> {
        match Json::deserialize(deserializer)? {
            Json::Object(object) => Ok(object),
            other => Err(serde::de::Error::custom(format!(
                "expected an object, found {}",
                other.type_name()
            ))),
        }
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for JsonObject {
    fn inline_schema() -> bool {
        <IndexMap<String, Json> as schemars::JsonSchema>::inline_schema()
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        <IndexMap<String, Json> as schemars::JsonSchema>::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <IndexMap<String, Json> as schemars::JsonSchema>::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_one_pointer_wide_and_keeps_a_json_at_four_words() {
        assert_eq!(std::mem::size_of::<JsonObject>(), 8);
        assert_eq!(std::mem::size_of::<Option<JsonObject>>(), 8);
        assert_eq!(std::mem::size_of::<Json>(), 32);
    }

    #[test]
    fn reads_a_repeated_key_as_an_error_like_a_json_object() {
        let repeated = serde_json::from_str::<JsonObject>(r#"{"a": 1, "a": 2}"#);
        assert!(repeated.is_err());
        let not_an_object = serde_json::from_str::<JsonObject>("[1]").unwrap_err();
        assert!(not_an_object.to_string().contains("expected an object"));
    }
}
