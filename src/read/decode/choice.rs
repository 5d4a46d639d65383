//! Reading a Choice state and its rules.

use super::super::cx::Cx;
use super::super::fields::Fields;
use super::super::location::Loc;
use super::super::parse::{Member, Node};
use super::state::{report_language, StateCx};
use crate::model::{
    Choice, ChoiceCondition, ChoiceRule, Comparison, DataTest, Json, JsonObject, NestedRule,
    Operand, OperandKind, QueryLanguage,
};
use crate::problem::suggest::closest;
use crate::problem::Code;

pub(crate) fn choice(cx: &mut Cx, f: &mut Fields<'_, '_>, s: &StateCx) -> Option<Choice> {
    let language = s.language;
    let choices = f.required(cx, "Choices", |cx, node, loc| {
        cx.array_of(node, loc, |cx, node, loc| top_rule(cx, node, loc, language))
    });
    Some(Choice {
        comment: f.get(cx, "Comment", Cx::string),
        query_language: s.own_language,
        input_path: f.get(cx, "InputPath", Cx::nullable_string),
        default: f.get(cx, "Default", Cx::string),
        output_path: f.get(cx, "OutputPath", Cx::nullable_string),
        output: f.get(cx, "Output", Cx::json),
        assign: f.get(cx, "Assign", Cx::json_object),
        choices: choices?,
    })
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
    cx: &mut Cx,
    node: Node<'_>,
    loc: &Loc<'_>,
    language: QueryLanguage,
) -> Option<ChoiceRule> {
    let at = node.at;
    let parts = rule(cx, node, loc, language, false)?;
    if !parts.next_given {
        let message = "the required field `Next` is missing: every rule in `Choices` names \
                       the state to go to";
        cx.report(at, &loc.key("Next"), Code::MissingField, message);
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
    cx: &mut Cx,
    node: Node<'_>,
    loc: &Loc<'_>,
    language: QueryLanguage,
) -> Option<NestedRule> {
    let parts = rule(cx, node, loc, language, true)?;
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
    cx: &mut Cx,
    node: Node<'_>,
    loc: &Loc<'_>,
    language: QueryLanguage,
    nested: bool,
) -> Option<Parts> {
    let at = node.at;
    let members = cx.object(node, loc)?;
    let mut parts = Parts::default();
    let mut variable: Option<Member<'_>> = None;
    let mut tests: Vec<Member<'_>> = Vec::new();
    for member in members {
        let key_loc = loc.key(&member.key);
        if let Some(field_language) = rule_field_language(&member.key) {
            if field_language != language {
                report_language(cx, member.key_at, &key_loc, &member.key, language);
                continue;
            }
        }
        match &*member.key {
            "Comment" => parts.comment = cx.string(member.value, &key_loc),
            "Next" | "Assign" | "Output" if nested => {
                let message = format!(
                    "`{}` is not allowed in a rule nested in `And`, `Or` or `Not`: put it on \
                     the top-level rule",
                    member.key
                );
                cx.report(member.key_at, &key_loc, Code::FieldNotAllowed, message);
            }
            "Next" => {
                parts.next_given = true;
                parts.next = cx.string(member.value, &key_loc);
            }
            "Assign" => parts.assign = cx.json_object(member.value, &key_loc),
            "Output" => parts.output = cx.json(member.value, &key_loc),
            "Variable" => variable = Some(member),
            "And" | "Or" | "Not" | "Condition" => tests.push(member),
            key if Comparison::operand_kind(key).is_some() => tests.push(member),
            key => {
                let mut message = format!("`{key}` is not a field of a Choice rule");
                let names = RULE_FIELDS.iter().chain(Comparison::OPERATORS);
                if let Some(best) = closest(key, names.copied()) {
                    message.push_str(&format!("; did you mean `{best}`?"));
                }
                cx.report(member.key_at, &key_loc, Code::UnknownField, message);
            }
        }
    }
    parts.condition = condition(cx, at, loc, variable, tests, language);
    Some(parts)
}

fn condition(
    cx: &mut Cx,
    at: u32,
    loc: &Loc<'_>,
    variable: Option<Member<'_>>,
    mut tests: Vec<Member<'_>>,
    language: QueryLanguage,
) -> Option<ChoiceCondition> {
    if tests.len() > 1 {
        let names: Vec<&str> = tests.iter().map(|t| &*t.key).collect();
        let message = format!(
            "a Choice rule takes exactly one test, found {}: split it, or combine tests with \
             `And`/`Or`",
            names.join(", ")
        );
        cx.report(
            tests[1].key_at,
            loc,
            Code::ChoiceRuleMultipleOperators,
            message,
        );
        return None;
    }
    let Some(test) = tests.pop() else {
        let message = match language {
            QueryLanguage::Jsonata => "the rule has no `Condition`",
            QueryLanguage::JsonPath => {
                "the rule has no test: give `Variable` with a comparison operator \
                 (`StringEquals`, ...), or `And`, `Or`, `Not`"
            }
        };
        cx.report(at, loc, Code::ChoiceRuleNoOperator, message);
        return None;
    };
    let key = test.key;
    let key_loc = loc.key(&key);
    let node = test.value;
    match &*key {
        "And" | "Or" | "Not" | "Condition" => {
            if let Some(v) = variable {
                let message = format!("`Variable` is not used with `{key}`: remove it");
                cx.report(
                    v.key_at,
                    &loc.key("Variable"),
                    Code::FieldNotAllowed,
                    message,
                );
                return None;
            }
            match &*key {
                "And" => cx
                    .array_of(node, &key_loc, |cx, n, l| nested_rule(cx, n, l, language))
                    .map(ChoiceCondition::And),
                "Or" => cx
                    .array_of(node, &key_loc, |cx, n, l| nested_rule(cx, n, l, language))
                    .map(ChoiceCondition::Or),
                "Not" => nested_rule(cx, node, &key_loc, language)
                    .map(|rule| ChoiceCondition::Not(Box::new(rule))),
                _ => cx
                    .or_jsonata(node, &key_loc, language, Cx::boolean)
                    .map(ChoiceCondition::Jsonata),
            }
        }
        operator => {
            let Some(variable) = variable else {
                let message = format!(
                    "the required field `Variable` is missing: `{operator}` compares the value \
                     at that path"
                );
                cx.report(at, &loc.key("Variable"), Code::MissingField, message);
                return None;
            };
            let variable = cx.string(variable.value, &loc.key("Variable"));
            let comparison = comparison(cx, operator, node, &key_loc);
            Some(ChoiceCondition::Data(DataTest {
                variable: variable?,
                comparison: comparison?,
            }))
        }
    }
}

fn comparison(cx: &mut Cx, operator: &str, node: Node<'_>, loc: &Loc<'_>) -> Option<Comparison> {
    let operand = match Comparison::operand_kind(operator)? {
        OperandKind::Str => Operand::Str(cx.string(node, loc)?),
        OperandKind::Num => Operand::Num(cx.number(node, loc)?),
        OperandKind::Bool => Operand::Bool(cx.boolean(node, loc)?),
    };
    Comparison::new(operator, operand)
}
