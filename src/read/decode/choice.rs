//! Reading a Choice state and its rules.

use super::super::decoder::Decoder;
use super::super::fields::Fields;
use super::super::location::Loc;
use super::super::parse::{Member, Node};
use super::state::{report_language, StateContext};
use crate::model::{
    Choice, ChoiceCondition, ChoiceRule, Comparison, DataTest, Json, JsonObject, NestedRule,
    Operand, OperandKind, QueryLanguage,
};
use crate::problem::suggest::closest;
use crate::problem::Code;

pub(crate) fn choice(
    decoder: &mut Decoder,
    f: &mut Fields<'_, '_>,
    s: &StateContext,
) -> Option<Box<Choice>> {
    let language = s.language;
    let choices = f.required(decoder, "Choices", |decoder, node, loc| {
        decoder.array_of(node, loc, |decoder, node, loc| {
            top_rule(decoder, node, loc, language)
        })
    });
    Some(Box::new(Choice {
        comment: f.get(decoder, "Comment", Decoder::string),
        query_language: s.own_language,
        input_path: f.get(decoder, "InputPath", Decoder::nullable_string),
        default: f.get(decoder, "Default", Decoder::string),
        output_path: f.get(decoder, "OutputPath", Decoder::nullable_string),
        output: f.get(decoder, "Output", Decoder::json),
        assign: f.get(decoder, "Assign", Decoder::json_object),
        choices: choices?,
    }))
}

/// The parts of a rule object, before top-level and nested rules part ways.
#[derive(Default)]
struct Parts {
    comment: Option<String>,
    condition: Option<ChoiceCondition>,
    assign: Option<JsonObject>,
    output: Option<Json>,
    next: Option<String>,
    next_given: bool,
}

fn top_rule(
    decoder: &mut Decoder,
    node: Node<'_>,
    loc: &Loc<'_>,
    language: QueryLanguage,
) -> Option<ChoiceRule> {
    let at = node.at;
    let parts = rule(decoder, node, loc, language, false)?;
    if !parts.next_given {
        let message = "the required field `Next` is missing: every rule in `Choices` names \
                       the state to go to";
        decoder.report(at, &loc.key("Next"), Code::MissingField, message);
    }
    Some(ChoiceRule {
        comment: parts.comment,
        condition: parts.condition?,
        assign: parts.assign,
        output: parts.output,
        next: parts.next?,
    })
}

fn nested_rule(
    decoder: &mut Decoder,
    node: Node<'_>,
    loc: &Loc<'_>,
    language: QueryLanguage,
) -> Option<NestedRule> {
    let parts = rule(decoder, node, loc, language, true)?;
    Some(NestedRule {
        comment: parts.comment,
        condition: parts.condition?,
    })
}

/// Which language a rule field belongs to, if only one.
fn rule_field_language(name: &str) -> Option<QueryLanguage> {
    match name {
        "Condition" | "Output" => Some(QueryLanguage::Jsonata),
        "Variable" | "And" | "Or" | "Not" => Some(QueryLanguage::JsonPath),
        _ if Comparison::operand_kind(name).is_some() => Some(QueryLanguage::JsonPath),
        _ => None,
    }
}

const RULE_FIELDS: [&str; 9] = [
    "Variable",
    "And",
    "Or",
    "Not",
    "Condition",
    "Next",
    "Comment",
    "Assign",
    "Output",
];

fn rule(
    decoder: &mut Decoder,
    node: Node<'_>,
    loc: &Loc<'_>,
    language: QueryLanguage,
    nested: bool,
) -> Option<Parts> {
    let at = node.at;
    let members = decoder.object(node, loc)?;
    let mut parts = Parts::default();
    let mut variable: Option<Member<'_>> = None;
    // A rule has one test; any more are kept only to be reported.
    let mut test: Option<Member<'_>> = None;
    let mut more_tests: Vec<Member<'_>> = Vec::new();
    let mut add_test = |member| match test {
        None => test = Some(member),
        Some(_) => more_tests.push(member),
    };
    for member in members {
        let key_loc = loc.key(&member.key);
        if let Some(field_language) = rule_field_language(&member.key) {
            if field_language != language {
                report_language(decoder, member.key_at, &key_loc, &member.key, language);
                continue;
            }
        }
        match &*member.key {
            "Comment" => parts.comment = decoder.string(member.value, &key_loc),
            "Next" | "Assign" | "Output" if nested => {
                let message = format!(
                    "`{}` is not allowed in a rule nested in `And`, `Or` or `Not`: put it on \
                     the top-level rule",
                    member.key
                );
                decoder.report(member.key_at, &key_loc, Code::FieldNotAllowed, message);
            }
            "Next" => {
                parts.next_given = true;
                parts.next = decoder.string(member.value, &key_loc);
            }
            "Assign" => parts.assign = decoder.json_object(member.value, &key_loc),
            "Output" => parts.output = decoder.json(member.value, &key_loc),
            "Variable" => variable = Some(member),
            "And" | "Or" | "Not" | "Condition" => add_test(member),
            key if Comparison::operand_kind(key).is_some() => add_test(member),
            key => {
                let mut message = format!("`{key}` is not a field of a Choice rule");
                let names = RULE_FIELDS.iter().chain(Comparison::OPERATORS);
                if let Some(best) = closest(key, names.copied()) {
                    message.push_str(&format!("; did you mean `{best}`?"));
                }
                decoder.report(member.key_at, &key_loc, Code::UnknownField, message);
            }
        }
    }
    parts.condition = condition(decoder, at, loc, variable, (test, more_tests), language);
    Some(parts)
}

fn condition(
    decoder: &mut Decoder,
    at: u32,
    loc: &Loc<'_>,
    variable: Option<Member<'_>>,
    (test, more_tests): (Option<Member<'_>>, Vec<Member<'_>>),
    language: QueryLanguage,
) -> Option<ChoiceCondition> {
    if let (Some(first), Some(second)) = (&test, more_tests.first()) {
        let names: Vec<&str> = std::iter::once(&*first.key)
            .chain(more_tests.iter().map(|t| &*t.key))
            .collect();
        let message = format!(
            "a Choice rule takes exactly one test, found {}: split it, or combine tests with \
             `And`/`Or`",
            names.join(", ")
        );
        decoder.report(
            second.key_at,
            loc,
            Code::ChoiceRuleMultipleOperators,
            message,
        );
        return None;
    }
    let Some(test) = test else {
        let message = match language {
            QueryLanguage::Jsonata => "the rule has no `Condition`",
            QueryLanguage::JsonPath => {
                "the rule has no test: give `Variable` with a comparison operator \
                 (`StringEquals`, ...), or `And`, `Or`, `Not`"
            }
        };
        decoder.report(at, loc, Code::ChoiceRuleNoOperator, message);
        return None;
    };
    let key = test.key;
    let key_loc = loc.key(&key);
    let node = test.value;
    match &*key {
        "And" | "Or" | "Not" | "Condition" => {
            if let Some(v) = variable {
                let message = format!("`Variable` is not used with `{key}`: remove it");
                decoder.report(
                    v.key_at,
                    &loc.key("Variable"),
                    Code::FieldNotAllowed,
                    message,
                );
                return None;
            }
            match &*key {
                "And" => decoder
                    .array_of(node, &key_loc, |decoder, n, l| {
                        nested_rule(decoder, n, l, language)
                    })
                    .map(ChoiceCondition::And),
                "Or" => decoder
                    .array_of(node, &key_loc, |decoder, n, l| {
                        nested_rule(decoder, n, l, language)
                    })
                    .map(ChoiceCondition::Or),
                "Not" => nested_rule(decoder, node, &key_loc, language)
                    .map(|rule| ChoiceCondition::Not(Box::new(rule))),
                _ => decoder
                    .or_jsonata(node, &key_loc, language, Decoder::boolean)
                    .map(ChoiceCondition::Jsonata),
            }
        }
        operator => {
            let Some(variable) = variable else {
                let message = format!(
                    "the required field `Variable` is missing: `{operator}` compares the value \
                     at that path"
                );
                decoder.report(at, &loc.key("Variable"), Code::MissingField, message);
                return None;
            };
            let variable = decoder.string(variable.value, &loc.key("Variable"));
            let comparison = comparison(decoder, operator, node, &key_loc);
            Some(ChoiceCondition::Data(DataTest {
                variable: variable?,
                comparison: comparison?,
            }))
        }
    }
}

fn comparison(
    decoder: &mut Decoder,
    operator: &str,
    node: Node<'_>,
    loc: &Loc<'_>,
) -> Option<Comparison> {
    let operand = match Comparison::operand_kind(operator)? {
        OperandKind::Str => Operand::Str(decoder.string(node, loc)?),
        OperandKind::Num => Operand::Num(decoder.number(node, loc)?),
        OperandKind::Bool => Operand::Bool(decoder.boolean(node, loc)?),
    };
    Comparison::new(operator, operand)
}
