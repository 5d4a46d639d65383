//! [`JsonPath`]: a Path (`$…`, `$$…`, `$name…`) built from typed steps.

use std::fmt;

use crate::syntax::path::write_field;

/// A JSONPath Path as ASL writes it: `$` (the input), `$$` (the context
/// object) or `$name` (a variable), followed by steps.
///
/// [`JsonPath::new`] takes any text unchecked (the validator judges it
/// later); [`field`](JsonPath::field) and [`index`](JsonPath::index) append
/// steps with the quoting done for you.
///
/// ```
/// use stepfn::builder::JsonPath;
/// let path = JsonPath::input().field("order").field("line items").index(0);
/// assert_eq!(path.to_string(), "$.order['line items'][0]");
/// assert_eq!(String::from(path), "$.order['line items'][0]");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[must_use]
pub struct JsonPath(String);

impl JsonPath {
    /// The path text exactly as given, not checked.
    ///
    /// ```
    /// use stepfn::builder::JsonPath;
    /// assert_eq!(JsonPath::new("$.items[*].id").as_str(), "$.items[*].id");
    /// ```
    pub fn new(path: impl Into<String>) -> JsonPath {
        JsonPath(path.into())
    }

    /// `$`: the input the field applies to.
    ///
    /// ```
    /// use stepfn::builder::JsonPath;
    /// assert_eq!(JsonPath::input().as_str(), "$");
    /// ```
    pub fn input() -> JsonPath {
        JsonPath::new("$")
    }

    /// `$$`: the context object (see [`Context`](super::Context) for its
    /// fields).
    ///
    /// ```
    /// use stepfn::builder::JsonPath;
    /// assert_eq!(JsonPath::context().as_str(), "$$");
    /// ```
    pub fn context() -> JsonPath {
        JsonPath::new("$$")
    }

    /// `$name`: the workflow variable `name` (set by an `Assign`). The name
    /// is not checked: ASL wants an identifier of at most 80 characters,
    /// other than `states`.
    ///
    /// ```
    /// use stepfn::builder::JsonPath;
    /// assert_eq!(JsonPath::variable("total").field("amount").as_str(), "$total.amount");
    /// ```
    pub fn variable(name: impl AsRef<str>) -> JsonPath {
        JsonPath(format!("${}", name.as_ref()))
    }

    /// Appends the object field `name`: `.name` when `name` is a plain
    /// identifier (ASCII letter or `_`, then ASCII letters, digits or `_`),
    /// otherwise `['name']` with `'` and `\` escaped by a backslash.
    ///
    /// ```
    /// use stepfn::builder::JsonPath;
    /// let p = JsonPath::input();
    /// assert_eq!(p.clone().field("user_id").as_str(), "$.user_id");
    /// assert_eq!(p.clone().field("order-id").as_str(), "$['order-id']");
    /// assert_eq!(p.clone().field("it's").as_str(), r"$['it\'s']");
    /// assert_eq!(p.field("0").as_str(), "$['0']");
    /// ```
    pub fn field(mut self, name: impl AsRef<str>) -> JsonPath {
        // Writing into a `String` cannot fail.
        let _ = write_field(&mut self.0, name.as_ref());
        self
    }

    /// Appends the array index `[index]` (zero-based). AWS reads indexes as
    /// 32-bit signed integers, so an index above `i32::MAX` makes an invalid
    /// path (no payload is that large anyway).
    ///
    /// ```
    /// use stepfn::builder::JsonPath;
    /// assert_eq!(JsonPath::input().field("items").index(3).as_str(), "$.items[3]");
    /// ```
    pub fn index(mut self, index: usize) -> JsonPath {
        self.0.push('[');
        self.0.push_str(&index.to_string());
        self.0.push(']');
        self
    }

    /// The path text.
    ///
    /// ```
    /// use stepfn::builder::JsonPath;
    /// assert_eq!(JsonPath::context().field("Execution").as_str(), "$$.Execution");
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for JsonPath {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl From<JsonPath> for String {
    fn from(path: JsonPath) -> String {
        path.0
    }
}

/// Unit tests.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::path::{parse_path, parse_reference_path, Path, PathRoot, Selector, Step};
    use proptest::prelude::*;

    #[test]
    fn roots_render_as_asl_writes_them() {
        assert_eq!(JsonPath::input().as_str(), "$");
        assert_eq!(JsonPath::context().as_str(), "$$");
        assert_eq!(JsonPath::variable("x").as_str(), "$x");
        assert_eq!(JsonPath::new("anything at all").as_str(), "anything at all");
    }

    #[test]
    fn plain_fields_use_dots_and_others_brackets() {
        let p = |name: &str| JsonPath::input().field(name).to_string();
        assert_eq!(p("a"), "$.a");
        assert_eq!(p("_a9"), "$._a9");
        assert_eq!(p("A_b_C"), "$.A_b_C");
        assert_eq!(p(""), "$['']");
        assert_eq!(p("9a"), "$['9a']");
        assert_eq!(p("a b"), "$['a b']");
        assert_eq!(p("a.b"), "$['a.b']");
        assert_eq!(p("a'b"), r"$['a\'b']");
        assert_eq!(p(r"a\b"), r"$['a\\b']");
        assert_eq!(p("]"), "$[']']");
        assert_eq!(p("Жа"), "$['Жа']");
        assert_eq!(
            JsonPath::context()
                .field("Map")
                .field("Item")
                .field("Value")
                .field("x y")
                .index(12)
                .to_string(),
            "$$.Map.Item.Value['x y'][12]"
        );
    }

    #[test]
    fn conversions_give_the_text() {
        let p = JsonPath::variable("v").index(0);
        assert_eq!(p.as_ref(), "$v[0]");
        assert_eq!(format!("{p}"), "$v[0]");
        assert_eq!(String::from(p), "$v[0]");
    }

    #[test]
    fn built_paths_are_reference_paths_with_the_right_root() {
        let p = JsonPath::input().field("a b").field("c").index(2);
        assert_eq!(root(p.as_str()), Ok(PathRoot::Input));
        let p = JsonPath::context().field("Execution").field("Id");
        assert_eq!(root(p.as_str()), Ok(PathRoot::Context));
        let p = JsonPath::variable("total").field("x'y");
        assert_eq!(root(p.as_str()), Ok(PathRoot::Variable("total".to_owned())));
    }

    /// The root of a Reference Path.
    fn root(text: &str) -> Result<PathRoot, crate::syntax::SyntaxError> {
        parse_reference_path(text).map(|p| p.root)
    }

    /// The tree [`build`] should give.
    fn tree(root: u8, steps: &[(String, Option<u16>)]) -> Path {
        let root = match root % 3 {
            0 => PathRoot::Input,
            1 => PathRoot::Context,
            _ => PathRoot::Variable("var_1".to_owned()),
        };
        let steps = steps
            .iter()
            .map(|(name, index)| {
                Step::Child(match index {
                    Some(i) => Selector::Index(i32::from(*i)),
                    None => Selector::Name(name.clone()),
                })
            })
            .collect();
        Path { root, steps }
    }

    /// Builds a path from a root choice and steps.
    fn build(root: u8, steps: &[(String, Option<u16>)]) -> JsonPath {
        let mut p = match root % 3 {
            0 => JsonPath::input(),
            1 => JsonPath::context(),
            _ => JsonPath::variable("var_1"),
        };
        for (name, index) in steps {
            p = match index {
                Some(i) => p.index(usize::from(*i)),
                None => p.field(name),
            };
        }
        p
    }

    proptest! {
        #[test]
        fn any_field_names_make_valid_reference_paths(
            root in any::<u8>(),
            steps in prop::collection::vec(
                ("(\\PC|['\\\\\\[\\]{}(),.$@*?: ])*", prop::option::of(any::<u16>())),
                0..6,
            ),
        ) {
            let p = build(root, &steps);
            let expected = tree(root, &steps);
            prop_assert_eq!(parse_path(p.as_str()), Ok(expected.clone()), "{}", p);
            prop_assert_eq!(parse_reference_path(p.as_str()), Ok(expected.clone()), "{}", p);
            prop_assert_eq!(expected.to_string(), p.to_string());
        }
    }
}
