//! The catalogue of the 18 intrinsic functions: names, arities, argument
//! kinds and whether each returns a string. The parser, the validator, the
//! builder's typed constructors and the simulator all read it from here.

use std::fmt;

/// One of the 18 intrinsic functions of JSONPath states.
///
/// ```
/// use stepfn::syntax::intrinsic::{ArgKind, Function};
/// let f = Function::from_name("States.ArrayGetItem").unwrap();
/// assert_eq!(f, Function::ArrayGetItem);
/// assert_eq!(f.name(), "States.ArrayGetItem");
/// assert_eq!(f.params(), [ArgKind::Array, ArgKind::Integer]);
/// assert!(f.returns_string());
/// assert_eq!(Function::ALL.len(), 18);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Function {
    /// `States.Format(template, values…)`: each `{}` of the template
    /// replaced by the next value.
    Format,
    /// `States.StringToJson(text)`: the JSON value the text holds.
    StringToJson,
    /// `States.JsonToString(value)`: the value as compact JSON text.
    JsonToString,
    /// `States.Array(values…)`: an array of the values.
    Array,
    /// `States.ArrayPartition(array, size)`: the array in chunks of `size`.
    ArrayPartition,
    /// `States.ArrayContains(array, value)`: whether the array holds the value.
    ArrayContains,
    /// `States.ArrayRange(start, end, step)`: integers from `start` towards
    /// `end` by `step`.
    ArrayRange,
    /// `States.ArrayGetItem(array, index)`: the element at a zero-based index.
    ArrayGetItem,
    /// `States.ArrayLength(array)`: the number of elements.
    ArrayLength,
    /// `States.ArrayUnique(array)`: the array without duplicates.
    ArrayUnique,
    /// `States.Base64Encode(text)`: the Base64 of the text's UTF-8 bytes.
    Base64Encode,
    /// `States.Base64Decode(text)`: the text Base64 data decodes to.
    Base64Decode,
    /// `States.Hash(data, algorithm)`: the lowercase hex digest of the data.
    Hash,
    /// `States.JsonMerge(a, b, false)`: a shallow merge where `b`'s keys win.
    JsonMerge,
    /// `States.MathRandom(start, end[, seed])`: a pseudo-random integer.
    MathRandom,
    /// `States.MathAdd(a, b)`: the integer sum.
    MathAdd,
    /// `States.StringSplit(text, delimiters)`: the text split on any of the
    /// delimiter characters, empty pieces dropped.
    StringSplit,
    /// `States.UUID()`: a random version-4 UUID.
    Uuid,
}

/// What an argument slot takes. A Path or a nested call fits every kind
/// when checking a definition, since its value is known only at run time;
/// the kind decides which literals the slot accepts.
///
/// ```
/// use stepfn::syntax::intrinsic::{ArgKind, Function};
/// assert_eq!(Function::JsonToString.param(0), ArgKind::Path);
/// assert!(!ArgKind::Path.accepts_literals());
/// assert_eq!(Function::Array.param(5), ArgKind::Any);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ArgKind {
    /// Any value: a literal of any type, a Path or a call.
    Any,
    /// A string.
    String,
    /// An integer (a number literal without fraction or exponent).
    Integer,
    /// Any number (AWS rounds non-integers where it needs an integer).
    Number,
    /// A boolean.
    Boolean,
    /// An array, which has no literal form: a Path or a call.
    Array,
    /// A JSON object, which has no literal form: a Path or a call.
    Object,
    /// Any value, but given as a Path (or a call): AWS takes no literal.
    Path,
}

/// The kinds of literal an argument can be written as.
///
/// ```
/// use stepfn::syntax::intrinsic::{ArgKind, LiteralKind};
/// assert!(ArgKind::Number.accepts_literal(LiteralKind::Decimal));
/// assert!(!ArgKind::Integer.accepts_literal(LiteralKind::Decimal));
/// assert_eq!(LiteralKind::Null.describe(), "the literal");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LiteralKind {
    /// `'text'`.
    String,
    /// A number written without fraction or exponent (`42`, `-1`).
    Integer,
    /// A number written with a fraction or an exponent (`1.5`, `2e3`).
    Decimal,
    /// `true` or `false`.
    Boolean,
    /// `null`.
    Null,
}

impl LiteralKind {
    /// How the literal reads in a message ("found …"; example on
    /// [`LiteralKind`]).
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            LiteralKind::String => "a string literal",
            LiteralKind::Integer => "an integer literal",
            LiteralKind::Decimal => "a non-integer number literal",
            LiteralKind::Boolean => "a boolean literal",
            LiteralKind::Null => "the literal",
        }
    }
}

impl ArgKind {
    /// Whether a literal may fill the slot at all (`false` for arrays,
    /// objects and Path-only slots; example on [`ArgKind`]).
    #[must_use]
    pub fn accepts_literals(self) -> bool {
        !matches!(self, ArgKind::Array | ArgKind::Object | ArgKind::Path)
    }

    /// Whether a literal of this kind may fill the slot (example on
    /// [`LiteralKind`]).
    #[must_use]
    pub fn accepts_literal(self, literal: LiteralKind) -> bool {
        match self {
            ArgKind::Any => true,
            ArgKind::String => literal == LiteralKind::String,
            ArgKind::Integer => literal == LiteralKind::Integer,
            ArgKind::Number => matches!(literal, LiteralKind::Integer | LiteralKind::Decimal),
            ArgKind::Boolean => literal == LiteralKind::Boolean,
            ArgKind::Array | ArgKind::Object | ArgKind::Path => false,
        }
    }

    /// How the kind reads in a message ("must be …").
    ///
    /// ```
    /// use stepfn::syntax::intrinsic::ArgKind;
    /// assert_eq!(ArgKind::Integer.describe(), "an integer");
    /// ```
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            ArgKind::Any => "a value",
            ArgKind::String => "a string",
            ArgKind::Integer => "an integer",
            ArgKind::Number => "a number",
            ArgKind::Boolean => "a boolean",
            ArgKind::Array => "an array (a Path or an intrinsic call such as `States.Array(…)`)",
            ArgKind::Object => {
                "a JSON object (a Path or an intrinsic call such as `States.StringToJson(…)`)"
            }
            ArgKind::Path => "a Path such as `$.value` (or an intrinsic call), not a literal",
        }
    }
}

/// How many arguments a function takes.
///
/// ```
/// use stepfn::syntax::intrinsic::{Arity, Function};
/// assert_eq!(Function::MathRandom.arity(), Arity { min: 2, max: Some(3) });
/// assert!(Function::Format.arity().accepts(7));
/// assert!(!Function::Uuid.arity().accepts(1));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Arity {
    /// Fewest arguments.
    pub min: usize,
    /// Most arguments; `None` when there is no limit.
    pub max: Option<usize>,
}

impl Arity {
    /// Whether `count` arguments are allowed (example on [`Arity`]).
    #[must_use]
    pub fn accepts(self, count: usize) -> bool {
        count >= self.min && self.max.is_none_or(|max| count <= max)
    }
}

/// One catalogue row.
struct Row {
    /// Canonical name.
    name: &'static str,
    /// Kinds of the positional parameters; later (variadic) ones are `Any`.
    params: &'static [ArgKind],
    /// Argument count.
    arity: Arity,
    /// Whether the result is a string.
    returns_string: bool,
}

/// Shorthand for a catalogue row.
const fn row(
    name: &'static str,
    params: &'static [ArgKind],
    min: usize,
    max: Option<usize>,
    returns_string: bool,
) -> Row {
    Row {
        name,
        params,
        arity: Arity { min, max },
        returns_string,
    }
}

impl Function {
    /// Every function, in the order AWS documents them.
    pub const ALL: [Function; 18] = [
        Function::Format,
        Function::StringToJson,
        Function::JsonToString,
        Function::Array,
        Function::ArrayPartition,
        Function::ArrayContains,
        Function::ArrayRange,
        Function::ArrayGetItem,
        Function::ArrayLength,
        Function::ArrayUnique,
        Function::Base64Encode,
        Function::Base64Decode,
        Function::Hash,
        Function::JsonMerge,
        Function::MathRandom,
        Function::MathAdd,
        Function::StringSplit,
        Function::Uuid,
    ];

    /// This function's row of the catalogue.
    fn row(self) -> Row {
        use ArgKind::{Any, Array, Boolean, Integer, Number, Object, Path, String};
        match self {
            Function::Format => row("States.Format", &[String], 1, None, true),
            Function::StringToJson => row("States.StringToJson", &[String], 1, Some(1), false),
            Function::JsonToString => row("States.JsonToString", &[Path], 1, Some(1), true),
            Function::Array => row("States.Array", &[], 0, None, false),
            Function::ArrayPartition => row(
                "States.ArrayPartition",
                &[Array, Integer],
                2,
                Some(2),
                false,
            ),
            Function::ArrayContains => {
                row("States.ArrayContains", &[Array, Any], 2, Some(2), false)
            }
            Function::ArrayRange => row(
                "States.ArrayRange",
                &[Integer, Integer, Integer],
                3,
                Some(3),
                false,
            ),
            Function::ArrayGetItem => {
                row("States.ArrayGetItem", &[Array, Integer], 2, Some(2), true)
            }
            Function::ArrayLength => row("States.ArrayLength", &[Array], 1, Some(1), false),
            Function::ArrayUnique => row("States.ArrayUnique", &[Array], 1, Some(1), false),
            Function::Base64Encode => row("States.Base64Encode", &[String], 1, Some(1), true),
            Function::Base64Decode => row("States.Base64Decode", &[String], 1, Some(1), true),
            Function::Hash => row("States.Hash", &[Any, String], 2, Some(2), true),
            Function::JsonMerge => row(
                "States.JsonMerge",
                &[Object, Object, Boolean],
                3,
                Some(3),
                false,
            ),
            Function::MathRandom => row(
                "States.MathRandom",
                &[Number, Number, Number],
                2,
                Some(3),
                false,
            ),
            Function::MathAdd => row("States.MathAdd", &[Number, Number], 2, Some(2), false),
            Function::StringSplit => {
                row("States.StringSplit", &[String, String], 2, Some(2), false)
            }
            Function::Uuid => row("States.UUID", &[], 0, Some(0), true),
        }
    }

    /// The function's name as ASL writes it, e.g. `"States.Format"`.
    ///
    /// ```
    /// use stepfn::syntax::intrinsic::Function;
    /// assert_eq!(Function::Uuid.name(), "States.UUID");
    /// ```
    #[must_use]
    pub fn name(self) -> &'static str {
        self.row().name
    }

    /// The function with this exact (case-sensitive) name.
    ///
    /// ```
    /// use stepfn::syntax::intrinsic::Function;
    /// assert_eq!(Function::from_name("States.MathAdd"), Some(Function::MathAdd));
    /// assert_eq!(Function::from_name("States.mathAdd"), None);
    /// ```
    #[must_use]
    pub fn from_name(name: &str) -> Option<Function> {
        Function::ALL.into_iter().find(|f| f.name() == name)
    }

    /// How many arguments the function takes (example on [`Arity`]).
    #[must_use]
    pub fn arity(self) -> Arity {
        self.row().arity
    }

    /// The kinds of the positional parameters (example on [`Function`]).
    /// Functions with no limit on their arguments take any value after
    /// these.
    #[must_use]
    pub fn params(self) -> &'static [ArgKind] {
        self.row().params
    }

    /// The kind of argument `index` (zero-based); [`ArgKind::Any`] past the
    /// positional parameters (example on [`ArgKind`]).
    #[must_use]
    pub fn param(self, index: usize) -> ArgKind {
        self.params().get(index).copied().unwrap_or(ArgKind::Any)
    }

    /// Whether the function returns a string, which makes a call of it
    /// usable in a Fail state's `ErrorPath` and `CausePath` (example on
    /// [`Function`]).
    #[must_use]
    pub fn returns_string(self) -> bool {
        self.row().returns_string
    }
}

impl fmt::Display for Function {
    /// Writes the name.
    ///
    /// ```
    /// use stepfn::syntax::intrinsic::Function;
    /// assert_eq!(Function::JsonMerge.to_string(), "States.JsonMerge");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The algorithms of `States.Hash`, written as ASL spells them
/// (case-sensitive).
///
/// ```
/// use stepfn::syntax::intrinsic::HashAlgorithm;
/// let names: Vec<&str> = HashAlgorithm::ALL.iter().map(|a| a.as_str()).collect();
/// assert_eq!(names, ["MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512"]);
/// assert_eq!(HashAlgorithm::Sha256.to_string(), "SHA-256");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HashAlgorithm {
    /// `MD5`
    Md5,
    /// `SHA-1`
    Sha1,
    /// `SHA-256`
    Sha256,
    /// `SHA-384`
    Sha384,
    /// `SHA-512`
    Sha512,
}

impl HashAlgorithm {
    /// Every algorithm, in the order AWS lists them.
    pub const ALL: [HashAlgorithm; 5] = [
        HashAlgorithm::Md5,
        HashAlgorithm::Sha1,
        HashAlgorithm::Sha256,
        HashAlgorithm::Sha384,
        HashAlgorithm::Sha512,
    ];

    /// The name as ASL writes it, e.g. `"SHA-256"` (example on
    /// [`HashAlgorithm`]).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            HashAlgorithm::Md5 => "MD5",
            HashAlgorithm::Sha1 => "SHA-1",
            HashAlgorithm::Sha256 => "SHA-256",
            HashAlgorithm::Sha384 => "SHA-384",
            HashAlgorithm::Sha512 => "SHA-512",
        }
    }

    /// The algorithm with this exact (case-sensitive) name.
    ///
    /// ```
    /// use stepfn::syntax::intrinsic::HashAlgorithm;
    /// assert_eq!(HashAlgorithm::from_name("SHA-1"), Some(HashAlgorithm::Sha1));
    /// assert_eq!(HashAlgorithm::from_name("sha1"), None);
    /// ```
    #[must_use]
    pub fn from_name(name: &str) -> Option<HashAlgorithm> {
        HashAlgorithm::ALL.into_iter().find(|a| a.as_str() == name)
    }
}

impl fmt::Display for HashAlgorithm {
    /// Writes the name (example on [`HashAlgorithm`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
