//! A non-recursive walk over a Choice state's rules, nested `And`/`Or`/`Not` included.

use super::payloads::Step;
use crate::model::{Choice, ChoiceCondition};

/// Calls `f` with every condition of `choice`, outermost first, with the steps
/// from the state to it (`Choices[0].And[1].Not`).
pub(crate) fn for_each_condition<'m>(
    choice: &'m Choice,
    mut f: impl FnMut(&[Step<'m>], &'m ChoiceCondition),
) {
    let mut path: Vec<Step<'m>> = Vec::new();
    let mut stack: Vec<(usize, Vec<Step<'m>>, &'m ChoiceCondition)> = choice
        .choices
        .iter()
        .enumerate()
        .rev()
        .map(|(i, rule)| {
            (
                0,
                vec![Step::Key("Choices"), Step::Index(i)],
                &rule.condition,
            )
        })
        .collect();
    while let Some((depth, steps, condition)) = stack.pop() {
        path.truncate(depth);
        path.extend(steps);
        f(&path, condition);
        let depth = path.len();
        match condition {
            ChoiceCondition::And(rules) | ChoiceCondition::Or(rules) => {
                let key = if matches!(condition, ChoiceCondition::And(_)) {
                    "And"
                } else {
                    "Or"
                };
                for (i, rule) in rules.iter().enumerate().rev() {
                    stack.push((depth, vec![Step::Key(key), Step::Index(i)], &rule.condition));
                }
            }
            ChoiceCondition::Not(rule) => {
                stack.push((depth, vec![Step::Key("Not")], &rule.condition));
            }
            ChoiceCondition::Jsonata(_) | ChoiceCondition::Data(_) => {}
        }
    }
}
