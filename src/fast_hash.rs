//! The maps and sets the reader and the validator keep while they work on
//! one document (state names, payload keys, problem paths): the standard
//! library's, hashing with the model's [`NameHasher`] instead of SipHash.

use std::collections::{HashMap, HashSet};

use crate::model::NameHasher;

/// A `HashMap` with [`NameHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, NameHasher>;

/// A `HashSet` with [`NameHasher`].
pub(crate) type FastSet<T> = HashSet<T, NameHasher>;

#[cfg(test)]
mod tests {
    use super::{FastMap, FastSet};

    #[test]
    fn tells_names_apart_and_finds_them_again() {
        let names: Vec<String> = (0..10_000).map(|i| format!("State{i}")).collect();
        let mut map = FastMap::default();
        for (i, name) in names.iter().enumerate() {
            assert_eq!(map.insert(name.as_str(), i), None);
        }
        for (i, name) in names.iter().enumerate() {
            assert_eq!(map.get(name.as_str()), Some(&i));
        }
        let set: FastSet<&str> = ["a", "a\0", "", "\0", "abcdefgh", "abcdefgh\0"]
            .into_iter()
            .collect();
        assert_eq!(set.len(), 6);
    }
}
