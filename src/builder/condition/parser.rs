//! The condition expression language: tokens to a [`ChoiceCondition`].
//!
//! The grammar is documented on [`Condition::parse`](super::Condition::parse).
//! Parentheses, `!` and `and(…)`/`or(…)` may nest at most [`MAX_DEPTH`] levels,
//! which bounds the recursion; `&&`/`||` chains are read in loops.

use crate::model::{ChoiceCondition, Comparison};

use super::compare::{build, Kind, Operand, Value};
use super::error::ConditionParseError;
use super::lexer::{Lexer, Tok, Token};
use super::{data_test as data, nested};

/// How deeply `(`, `!`, `and(…)` and `or(…)` may nest.
pub(super) const MAX_DEPTH: usize = 100;

/// An ASL type-test operator, such as `Comparison::IsNull`.
type TypeTest = fn(bool) -> Comparison;

/// The predicate functions and the operator each tests with `true`.
const PREDICATES: [(&str, TypeTest); 6] = [
    ("is_null", Comparison::IsNull),
    ("is_present", Comparison::IsPresent),
    ("is_numeric", Comparison::IsNumeric),
    ("is_string", Comparison::IsString),
    ("is_boolean", Comparison::IsBoolean),
    ("is_timestamp", Comparison::IsTimestamp),
];

/// Every name the language knows, for suggestions.
const NAMES: [&str; 16] = [
    "true",
    "false",
    "null",
    "number",
    "string",
    "timestamp",
    "bool",
    "is_null",
    "is_present",
    "is_numeric",
    "is_string",
    "is_boolean",
    "is_timestamp",
    "matches",
    "and",
    "or",
];

/// Parses a whole expression.
pub(super) fn parse(src: &str) -> Result<ChoiceCondition, ConditionParseError> {
    let mut p = Parser::new(src)?;
    let condition = p.disjunction()?;
    if p.next.tok == Tok::Eof {
        Ok(condition)
    } else {
        Err(p.unexpected_after_condition(Closer::End))
    }
}

/// What may follow a complete condition where one ends.
#[derive(Debug, Clone, Copy)]
enum Closer {
    /// The end of the input.
    End,
    /// `)` of the `(` at this column.
    Paren(usize),
    /// `,` or `)` of `and(`/`or(` at this column.
    Args(&'static str, usize),
}

/// A recursive-descent parser with one token of lookahead.
struct Parser<'a> {
    src: &'a str,
    lexer: Lexer<'a>,
    /// The lookahead token.
    next: Token,
    /// The last token taken, for "after `>`" messages.
    prev: Option<Tok>,
    /// Current nesting of `(`, `!`, `and(` and `or(`.
    depth: usize,
}

impl<'a> Parser<'a> {
    fn new(src: &'a str) -> Result<Self, ConditionParseError> {
        let mut lexer = Lexer::new(src);
        let next = lexer.next_token()?;
        Ok(Parser {
            src,
            lexer,
            next,
            prev: None,
            depth: 0,
        })
    }

    /// Takes the lookahead token and reads the next one.
    fn bump(&mut self) -> Result<Token, ConditionParseError> {
        let following = self.lexer.next_token()?;
        let taken = std::mem::replace(&mut self.next, following);
        self.prev = Some(taken.tok.clone());
        Ok(taken)
    }

    fn error(&self, column: usize, message: impl Into<String>) -> ConditionParseError {
        ConditionParseError::new(self.src, column, message)
    }

    /// Goes one nesting level deeper, or fails at the lookahead token.
    fn enter(&mut self) -> Result<(), ConditionParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error(
                self.next.column,
                format!(
                    "the condition nests `(`, `!`, `and(…)` or `or(…)` more than {MAX_DEPTH} \
                     levels deep; simplify it"
                ),
            ));
        }
        Ok(())
    }

    /// " after `>`", or nothing at the start.
    fn after_prev(&self) -> String {
        self.prev
            .as_ref()
            .map(|t| format!(" after {}", t.describe()))
            .unwrap_or_default()
    }

    /// `expected <what> after <prev>, found <next>`, at the lookahead token.
    fn expected(&self, what: &str) -> ConditionParseError {
        if self.prev.is_none() && self.next.tok == Tok::Eof {
            return self.error(self.next.column, "the condition is empty");
        }
        self.expected_here(&format!("{what}{}", self.after_prev()))
    }

    /// `expected <what>, found <next>`, at the lookahead token.
    fn expected_here(&self, what: &str) -> ConditionParseError {
        let found = match &self.next.tok {
            Tok::Eof => String::new(),
            other => format!(", found {}", other.describe()),
        };
        self.error(self.next.column, format!("expected {what}{found}"))
    }

    /// Takes the `(` after a function's name.
    fn open_call(&mut self) -> Result<usize, ConditionParseError> {
        if self.next.tok != Tok::LParen {
            return Err(self.expected("`(`"));
        }
        Ok(self.bump()?.column)
    }

    /// Takes the `)` that closes the call of `name`.
    fn close_call(&mut self, name: &str, open: usize) -> Result<(), ConditionParseError> {
        if self.next.tok != Tok::RParen {
            return Err(self.expected_here(&format!("`)` to close `{name}(` at column {open}")));
        }
        self.bump()?;
        Ok(())
    }

    /// `conjunction ('||' conjunction)*`: a chain is one `Or`.
    fn disjunction(&mut self) -> Result<ChoiceCondition, ConditionParseError> {
        let first = self.conjunction()?;
        if self.next.tok != Tok::OrOr {
            return Ok(first);
        }
        let mut rules = vec![nested(first)];
        while self.next.tok == Tok::OrOr {
            self.bump()?;
            rules.push(nested(self.conjunction()?));
        }
        Ok(ChoiceCondition::Or(rules))
    }

    /// `negation ('&&' negation)*`: a chain is one `And`.
    fn conjunction(&mut self) -> Result<ChoiceCondition, ConditionParseError> {
        let first = self.negation()?;
        if self.next.tok != Tok::AndAnd {
            return Ok(first);
        }
        let mut rules = vec![nested(first)];
        while self.next.tok == Tok::AndAnd {
            self.bump()?;
            rules.push(nested(self.negation()?));
        }
        Ok(ChoiceCondition::And(rules))
    }

    /// `'!'* atom`. The `!` right before a predicate call flips its
    /// operand (`!is_present($.x)` is `IsPresent: false`); every other `!`
    /// is a `Not`.
    fn negation(&mut self) -> Result<ChoiceCondition, ConditionParseError> {
        let mut bangs = 0;
        let mut last_bang = 0;
        while self.next.tok == Tok::Bang {
            self.enter()?;
            bangs += 1;
            last_bang = self.bump()?.column;
        }
        if bangs > 0 && self.starts_value() {
            return Err(self.error(
                last_bang,
                "`!` negates a condition, not a value: put the comparison in parentheses, \
                 `!(… == …)`, or use `!=`",
            ));
        }
        let (mut condition, predicate) = self.atom()?;
        for i in 0..bangs {
            condition = match condition {
                ChoiceCondition::Data(mut test) if i == 0 && predicate => {
                    test.comparison = flip_predicate(test.comparison);
                    ChoiceCondition::Data(test)
                }
                other => ChoiceCondition::Not(Box::new(nested(other))),
            };
        }
        self.depth -= bangs;
        Ok(condition)
    }

    /// Whether the lookahead token starts a value rather than a condition.
    fn starts_value(&self) -> bool {
        match &self.next.tok {
            Tok::Path(_) | Tok::Str(_) | Tok::Num(_) => true,
            Tok::Ident(name) => {
                matches!(name.as_str(), "true" | "false" | "null")
                    || Kind::from_name(name).is_some()
            }
            _ => false,
        }
    }

    /// A parenthesized condition, a call or a comparison; `true` when it is
    /// a bare predicate call such as `is_present($.x)`.
    fn atom(&mut self) -> Result<(ChoiceCondition, bool), ConditionParseError> {
        let name = match &self.next.tok {
            Tok::LParen => {
                self.enter()?;
                let open = self.bump()?.column;
                let condition = self.disjunction()?;
                if self.next.tok != Tok::RParen {
                    return Err(self.unexpected_after_condition(Closer::Paren(open)));
                }
                self.bump()?;
                self.depth -= 1;
                return Ok((condition, false));
            }
            Tok::Ident(name) => name.clone(),
            Tok::Path(_) | Tok::Str(_) | Tok::Num(_) => return Ok((self.comparison()?, false)),
            _ => return Err(self.expected("a condition")),
        };
        if let Some(&(_, operator)) = PREDICATES.iter().find(|(n, _)| *n == name) {
            self.bump()?;
            let open = self.open_call()?;
            let variable = self.path_argument(&name)?;
            self.close_call(&name, open)?;
            return Ok((data(variable, operator(true)), true));
        }
        match name.as_str() {
            "matches" => Ok((self.matches()?, false)),
            "and" | "or" => Ok((self.group(&name)?, false)),
            _ if self.starts_value() => Ok((self.comparison()?, false)),
            _ => Err(self.unknown_name(&name)),
        }
    }

    /// The path argument of the function `name`.
    fn path_argument(&mut self, name: &str) -> Result<String, ConditionParseError> {
        match &self.next.tok {
            Tok::Path(p) => {
                let p = p.clone();
                self.bump()?;
                Ok(p)
            }
            _ => Err(self.expected_here(&format!("a path such as `$.x` in `{name}(…)`"))),
        }
    }

    /// `matches(path, 'pattern')` after the name.
    fn matches(&mut self) -> Result<ChoiceCondition, ConditionParseError> {
        self.bump()?;
        let open = self.open_call()?;
        let variable = self.path_argument("matches")?;
        if self.next.tok != Tok::Comma {
            return Err(self
                .expected_here("`,` and a quoted pattern, as in `matches($.file, 'log-*.txt')`"));
        }
        self.bump()?;
        let Tok::Str(pattern) = &self.next.tok else {
            return Err(self.expected("a quoted pattern such as `'log-*.txt'`"));
        };
        let pattern = pattern.clone();
        self.bump()?;
        self.close_call("matches", open)?;
        Ok(data(variable, Comparison::StringMatches(pattern)))
    }

    /// `and(c, …)` or `or(c, …)` after the name: one `And`/`Or` with exactly
    /// these rules, however many.
    fn group(&mut self, name: &str) -> Result<ChoiceCondition, ConditionParseError> {
        let name: &'static str = if name == "and" { "and" } else { "or" };
        self.enter()?;
        self.bump()?;
        let open = self.open_call()?;
        if self.next.tok == Tok::RParen {
            return Err(self.error(
                self.next.column,
                format!("`{name}(…)` needs at least one condition"),
            ));
        }
        let mut rules = vec![nested(self.disjunction()?)];
        while self.next.tok == Tok::Comma {
            self.bump()?;
            rules.push(nested(self.disjunction()?));
        }
        if self.next.tok != Tok::RParen {
            return Err(self.unexpected_after_condition(Closer::Args(name, open)));
        }
        self.bump()?;
        self.depth -= 1;
        Ok(if name == "and" {
            ChoiceCondition::And(rules)
        } else {
            ChoiceCondition::Or(rules)
        })
    }

    /// `value op value`.
    fn comparison(&mut self) -> Result<ChoiceCondition, ConditionParseError> {
        let left = self.operand()?;
        let Tok::Cmp(op) = self.next.tok else {
            if matches!(left.value, Value::Path(_)) {
                return Err(self.expected(
                    "a comparison operator such as `==`",
                )
                .with_hint("a path alone is not a condition: compare it (`$.flag == true`) or test it (`is_present($.x)`)"));
            }
            return Err(self.expected("a comparison operator such as `==`"));
        };
        let op_column = self.bump()?.column;
        let right = self.operand()?;
        build(self.src, left, op, op_column, right)
    }

    /// A path, literal or cast.
    fn operand(&mut self) -> Result<Operand, ConditionParseError> {
        let column = self.next.column;
        let value = match &self.next.tok {
            Tok::Path(p) => Value::Path(p.clone()),
            Tok::Str(s) => Value::Str(s.clone()),
            Tok::Num(n) => Value::Num(n.clone()),
            Tok::Ident(name) => match name.as_str() {
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                "null" => Value::Null,
                other => match Kind::from_name(other) {
                    Some(kind) => {
                        return Ok(Operand {
                            value: self.cast(kind)?,
                            column,
                        })
                    }
                    None if PREDICATES.iter().any(|(n, _)| *n == other)
                        || matches!(other, "matches" | "and" | "or") =>
                    {
                        return Err(self.error(
                            column,
                            format!(
                                "`{other}(…)` is a condition, not a value: it cannot be compared"
                            ),
                        ))
                    }
                    None => return Err(self.unknown_name(other)),
                },
            },
            _ => return Err(self.expected("a value")),
        };
        self.bump()?;
        Ok(Operand { value, column })
    }

    /// `number($.x)`, `string($.x)`, `bool($.x)`, `timestamp($.x)` or
    /// `timestamp('…')` after the name.
    fn cast(&mut self, kind: Kind) -> Result<Value, ConditionParseError> {
        let name = kind.name();
        self.bump()?;
        let open = self.open_call()?;
        let value = match (&self.next.tok, kind) {
            (Tok::Path(p), _) => Value::Typed(kind, p.clone()),
            (Tok::Str(s), Kind::Timestamp) => Value::Timestamp(s.clone()),
            (_, Kind::Timestamp) => return Err(self.expected_here(
                "a quoted timestamp such as `'2024-01-31T09:30:00Z'` or a path in `timestamp(…)`",
            )),
            _ => {
                return Err(self.expected_here(&format!(
                    "a path such as `$.x` in `{name}(…)` (to compare with a literal, write the \
                     literal itself)"
                )))
            }
        };
        self.bump()?;
        self.close_call(name, open)?;
        Ok(value)
    }

    /// An unknown bare word at the lookahead token, with a suggestion.
    fn unknown_name(&self, name: &str) -> ConditionParseError {
        let squash = |s: &str| s.to_lowercase().replace('_', "");
        let alias = match squash(name).as_str() {
            "not" => Some("`!`"),
            "boolean" => Some("`bool(…)`"),
            "isnumber" | "isint" | "isinteger" => Some("`is_numeric(…)`"),
            "isbool" => Some("`is_boolean(…)`"),
            "exists" | "isdefined" | "present" => Some("`is_present(…)`"),
            "like" | "glob" | "stringmatches" => Some("`matches(…)`"),
            _ => None,
        };
        let hint = match (alias, NAMES.iter().find(|n| squash(n) == squash(name))) {
            (Some(alias), _) => format!("use {alias}"),
            (None, Some(known)) => format!("did you mean `{known}`?"),
            (None, None) => {
                format!("quote strings (`'{name}'`) and start paths with `$` (`$.{name}`)")
            }
        };
        self.error(self.next.column, format!("unknown name `{name}`: {hint}"))
    }

    /// What is wrong with the lookahead token where a condition may end.
    fn unexpected_after_condition(&self, closer: Closer) -> ConditionParseError {
        let column = self.next.column;
        let found = self.next.tok.describe();
        let message = match (&self.next.tok, closer) {
            (Tok::Cmp(_), _) => format!(
                "unexpected {found}: a condition cannot be compared again; join comparisons \
                 with `&&` or `||`"
            ),
            (Tok::Ident(word), _) if word == "and" => "unexpected `and`: use `&&`".to_owned(),
            (Tok::Ident(word), _) if word == "or" => "unexpected `or`: use `||`".to_owned(),
            (Tok::RParen, Closer::End) => "unmatched `)`".to_owned(),
            (_, Closer::End) => {
                format!("expected `&&`, `||` or the end of the condition, found {found}")
            }
            (_, Closer::Paren(open)) => format!(
                "expected `&&`, `||` or `)` to close the `(` at column {open}, found {found}"
            ),
            (_, Closer::Args(name, open)) => {
                format!("expected `,` or `)` to close `{name}(` at column {open}, found {found}")
            }
        };
        self.error(column, message)
    }
}

/// `IsPresent: true` becomes `IsPresent: false`, and so on.
fn flip_predicate(comparison: Comparison) -> Comparison {
    match comparison {
        Comparison::IsNull(b) => Comparison::IsNull(!b),
        Comparison::IsPresent(b) => Comparison::IsPresent(!b),
        Comparison::IsNumeric(b) => Comparison::IsNumeric(!b),
        Comparison::IsString(b) => Comparison::IsString(!b),
        Comparison::IsBoolean(b) => Comparison::IsBoolean(!b),
        Comparison::IsTimestamp(b) => Comparison::IsTimestamp(!b),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::{parse, MAX_DEPTH};

    /// The compact JSON of `src`, which must parse.
    fn json(src: &str) -> String {
        match parse(src) {
            Ok(c) => serde_json::to_string(&c).unwrap(),
            Err(e) => panic!("{src}: {e}"),
        }
    }

    /// The column and message of the error `src` gives.
    fn error(src: &str) -> (usize, String) {
        match parse(src) {
            Ok(c) => panic!("{src} parsed: {c:?}"),
            Err(e) => (e.column(), e.message().to_owned()),
        }
    }

    #[test]
    fn the_example_from_the_brief() {
        assert_eq!(
            json("$.status == 'FAILED' || $.attempts > 5"),
            r#"{"Or":[{"Variable":"$.status","StringEquals":"FAILED"},{"Variable":"$.attempts","NumericGreaterThan":5}]}"#
        );
    }

    #[test]
    fn chains_are_one_rule_and_parentheses_nest() {
        let (a, b, c) = (
            r#"{"Variable":"$.a","NumericEquals":1}"#,
            r#"{"Variable":"$.b","NumericEquals":2}"#,
            r#"{"Variable":"$.c","NumericEquals":3}"#,
        );
        assert_eq!(
            json("$.a == 1 && $.b == 2 && $.c == 3"),
            format!(r#"{{"And":[{a},{b},{c}]}}"#)
        );
        assert_eq!(
            json("$.a == 1 || $.b == 2 || $.c == 3"),
            format!(r#"{{"Or":[{a},{b},{c}]}}"#)
        );
        assert_eq!(
            json("($.a == 1 && $.b == 2) && $.c == 3"),
            format!(r#"{{"And":[{{"And":[{a},{b}]}},{c}]}}"#)
        );
        assert_eq!(
            json("$.a == 1 || $.b == 2 && $.c == 3"),
            format!(r#"{{"Or":[{a},{{"And":[{b},{c}]}}]}}"#)
        );
        assert_eq!(
            json("$.a == 1 && $.b == 2 || $.c == 3"),
            format!(r#"{{"Or":[{{"And":[{a},{b}]}},{c}]}}"#)
        );
        assert_eq!(
            json("$.a == 1 && ($.b == 2 || $.c == 3)"),
            format!(r#"{{"And":[{a},{{"Or":[{b},{c}]}}]}}"#)
        );
        assert_eq!(json("((($.a == 1)))"), a);
        assert_eq!(json("and($.a == 1)"), format!(r#"{{"And":[{a}]}}"#));
        assert_eq!(
            json("or($.a == 1, $.b == 2 && $.c == 3)"),
            format!(r#"{{"Or":[{a},{{"And":[{b},{c}]}}]}}"#)
        );
    }

    #[test]
    fn bang_flips_a_bare_predicate_and_negates_everything_else() {
        let present = r#"{"Variable":"$.x","IsPresent":true}"#;
        let absent = r#"{"Variable":"$.x","IsPresent":false}"#;
        assert_eq!(json("!is_present($.x)"), absent);
        assert_eq!(
            json("!(is_present($.x))"),
            format!(r#"{{"Not":{present}}}"#)
        );
        assert_eq!(json("!!is_present($.x)"), format!(r#"{{"Not":{absent}}}"#));
        assert_eq!(
            json("!!(is_present($.x))"),
            format!(r#"{{"Not":{{"Not":{present}}}}}"#)
        );
        assert_eq!(
            json("!($.a == 'x')"),
            r#"{"Not":{"Variable":"$.a","StringEquals":"x"}}"#
        );
        assert_eq!(
            json("!matches($.f, '*.txt')"),
            r#"{"Not":{"Variable":"$.f","StringMatches":"*.txt"}}"#
        );
        assert_eq!(
            json("!and(is_null($.x))"),
            r#"{"Not":{"And":[{"Variable":"$.x","IsNull":true}]}}"#
        );
    }

    #[test]
    fn literals() {
        assert_eq!(
            json("$.s == \"it's\""),
            r#"{"Variable":"$.s","StringEquals":"it's"}"#
        );
        assert_eq!(
            json(r"$.s == 'a\\b\'c\n\u{1F600}'"),
            r#"{"Variable":"$.s","StringEquals":"a\\b'c\n😀"}"#
        );
        assert_eq!(
            json("$.n == -0"),
            r#"{"Variable":"$.n","NumericEquals":-0}"#
        );
        assert_eq!(
            json("$.n == 1.50"),
            r#"{"Variable":"$.n","NumericEquals":1.5}"#
        );
        assert_eq!(
            json("$.n == -2.5e-3"),
            r#"{"Variable":"$.n","NumericEquals":-0.0025}"#
        );
        assert_eq!(
            json("$.n == 123456789012345678901234567890"),
            r#"{"Variable":"$.n","NumericEquals":123456789012345678901234567890}"#
        );
        assert_eq!(json("$.n==5"), r#"{"Variable":"$.n","NumericEquals":5}"#);
        assert_eq!(
            json("  $.n\t>\n5  "),
            r#"{"Variable":"$.n","NumericGreaterThan":5}"#
        );
    }

    #[test]
    fn paths_of_every_kind() {
        for path in [
            "$",
            "$.a.b",
            "$['x y']",
            "$.items[0]",
            "$$.Execution.Id",
            "$var.field",
            "$.a[?(@.b > 1 && @.c == 'x')].d",
            "$['a)b']",
        ] {
            assert_eq!(
                json(&format!("{path} == 1")),
                format!(
                    r#"{{"Variable":{},"NumericEquals":1}}"#,
                    serde_json::to_string(path).unwrap()
                ),
                "{path}"
            );
        }
        assert_eq!(
            json("is_present($['a,b'])&&$.c==number($.d)"),
            r#"{"And":[{"Variable":"$['a,b']","IsPresent":true},{"Variable":"$.c","NumericEqualsPath":"$.d"}]}"#
        );
    }

    #[test]
    fn errors_name_their_column_and_a_fix() {
        let cases: &[(&str, usize, &str)] = &[
            ("", 1, "the condition is empty"),
            ("   ", 4, "the condition is empty"),
            ("$.status = 'FAILED'", 10, "`=` is not an operator; use `==` to compare"),
            ("$.a >", 6, "expected a value after `>`"),
            ("$.a > )", 7, "expected a value after `>`, found `)`"),
            ("$.a == 'x", 8, "unclosed string: add the closing '"),
            ("$.a == 1 &&", 12, "expected a condition after `&&`"),
            ("$.a == 1 || || $.b == 2", 13, "expected a condition after `||`, found `||`"),
            ("$.a == 1 $.b == 2", 10, "expected `&&`, `||` or the end of the condition, found the path `$.b`"),
            ("$.a == 1 and $.b == 2", 10, "unexpected `and`: use `&&`"),
            ("$.a == 1 or $.b == 2", 10, "unexpected `or`: use `||`"),
            ("$.a == 1)", 9, "unmatched `)`"),
            ("($.a == 1", 10, "expected `&&`, `||` or `)` to close the `(` at column 1, found the end of the condition"),
            ("$.a < 5 < 6", 9, "unexpected `<`: a condition cannot be compared again; join comparisons with `&&` or `||`"),
            ("$.flag", 7, "expected a comparison operator such as `==` after the path `$.flag`; a path alone is not a condition: compare it (`$.flag == true`) or test it (`is_present($.x)`)"),
            ("'x'", 4, "expected a comparison operator such as `==` after a string"),
            ("!$.a == 1", 1, "`!` negates a condition, not a value: put the comparison in parentheses, `!(… == …)`, or use `!=`"),
            ("$.a == FAILED", 8, "unknown name `FAILED`: quote strings (`'FAILED'`) and start paths with `$` (`$.FAILED`)"),
            ("status == 'x'", 1, "unknown name `status`: quote strings (`'status'`) and start paths with `$` (`$.status`)"),
            ("$.a == True", 8, "unknown name `True`: did you mean `true`?"),
            ("isPresent($.a)", 1, "unknown name `isPresent`: did you mean `is_present`?"),
            ("not($.a == 1)", 1, "unknown name `not`: use `!`"),
            ("exists($.a)", 1, "unknown name `exists`: use `is_present(…)`"),
            ("$.a == boolean($.b)", 8, "unknown name `boolean`: use `bool(…)`"),
            ("is_present $.a", 12, "expected `(` after `is_present`, found the path `$.a`"),
            ("is_present('a')", 12, "expected a path such as `$.x` in `is_present(…)`, found a string"),
            ("is_present($.a", 15, "expected `)` to close `is_present(` at column 11"),
            ("is_present($.a) == true", 17, "unexpected `==`: a condition cannot be compared again; join comparisons with `&&` or `||`"),
            ("$.a == is_present($.b)", 8, "`is_present(…)` is a condition, not a value: it cannot be compared"),
            ("matches($.f)", 12, "expected `,` and a quoted pattern, as in `matches($.file, 'log-*.txt')`, found `)`"),
            ("matches($.f, $.g)", 14, "expected a quoted pattern such as `'log-*.txt'` after `,`, found the path `$.g`"),
            ("$.n > number(5)", 14, "expected a path such as `$.x` in `number(…)` (to compare with a literal, write the literal itself), found the number `5`"),
            ("$.t < timestamp(5)", 17, "expected a quoted timestamp such as `'2024-01-31T09:30:00Z'` or a path in `timestamp(…)`, found the number `5`"),
            ("and()", 5, "`and(…)` needs at least one condition"),
            ("or($.a == 1 $.b == 2)", 13, "expected `,` or `)` to close `or(` at column 3, found the path `$.b`"),
            ("and($.a == 1,)", 14, "expected a condition after `,`, found `)`"),
            ("$.a == 1 ,", 10, "expected `&&`, `||` or the end of the condition, found `,`"),
            ("$.a[0 == 1", 4, "unclosed `[` in the path: add the matching `]`"),
            ("$.a == 01", 8, "`01` is not a number: write numbers like `5`, `-2.5` or `1e3`"),
            ("$.a == .5", 8, "unexpected `.`: write a leading zero, e.g. `0.5`"),
            ("$.a == 'x' && #", 15, "unexpected character `#`"),
            ("$.a ~ 'x'", 5, "unexpected character `~`"),
            ("$.a =~ 'x'", 5, "`=~` is not an operator; use `matches($.path, 'pattern*')`"),
        ];
        for (src, column, message) in cases {
            assert_eq!(error(src), (*column, (*message).to_owned()), "{src}");
        }
    }

    #[test]
    fn nesting_is_capped() {
        let deep = |n: usize| format!("{}$.a == 1{}", "(".repeat(n), ")".repeat(n));
        assert!(parse(&deep(MAX_DEPTH)).is_ok());
        assert_eq!(error(&deep(MAX_DEPTH + 1)).0, MAX_DEPTH + 1);
        let bangs = |n: usize| format!("{}is_null($.a)", "!".repeat(n));
        assert!(parse(&bangs(MAX_DEPTH)).is_ok());
        let (column, message) = error(&bangs(MAX_DEPTH + 1));
        assert_eq!(column, MAX_DEPTH + 1);
        assert!(message.contains("more than 100 levels"), "{message}");
        let groups = |n: usize| format!("{}$.a == 1{}", "and(".repeat(n), ")".repeat(n));
        assert!(parse(&groups(MAX_DEPTH)).is_ok());
        assert_eq!(error(&groups(MAX_DEPTH + 1)).0, 4 * MAX_DEPTH + 1);
        // Mixed, and far deeper than the cap: an error, not a stack overflow.
        assert_eq!(error(&"!(".repeat(100_000)).0, MAX_DEPTH + 1);
    }

    #[test]
    fn long_chains_are_read_in_a_loop() {
        let chain = vec!["$.a == 1"; 20_000].join(" && ");
        match parse(&chain).unwrap() {
            crate::model::ChoiceCondition::And(rules) => assert_eq!(rules.len(), 20_000),
            other => panic!("{other:?}"),
        }
    }
}
