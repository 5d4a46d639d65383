//! ASL fields that take one of a fixed set of words (`"InputType": "CSV"`):
//! one enum each, written and read as the word AWS spells.

/// Declares an enum whose variants are written as the given words, with
/// `ALL`, `as_str`, `parse`, `Display` and the serde and schema impls.
macro_rules! value_enum {
    (
        $(#[$doc:meta])*
        $name:ident, $what:literal { $($(#[$vdoc:meta])* $variant:ident = $text:literal,)* }
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vdoc])* #[doc = concat!("\n\nWritten `\"", $text, "\"`.")] $variant,)*
        }

        impl $name {
            /// Every value, in the order AWS documents them.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// What a value of the field is called in messages, with its article.
            pub(crate) const WHAT: &'static str = $what;

            /// The word as ASL writes it.
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }

            /// The value written `text` (exactly, as AWS spells it).
            #[must_use]
            pub fn parse(text: &str) -> Option<$name> {
                match text {
                    $($text => Some($name::$variant),)*
                    _ => None,
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({ "type": "string", "enum": [$($text),*] })
            }
        }
    };
}

pub(crate) use value_enum;

/// The words a value enum takes, for messages: `"CSV", "JSON" or "JSONL"`.
pub(crate) fn listed(words: &[&str]) -> String {
    let quoted: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
    match quoted.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}
