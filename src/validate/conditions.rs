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
    // Each condition to visit: how many steps lead to its parent, the steps
    // from there (one or two), and the condition.
    let mut stack: Vec<(usize, [Option<Step<'m>>; 2], &'m ChoiceCondition)> = choice
        .choices
        .iter()
        .enumerate()
        .rev()
        .map(|(i, rule)| {
            let steps = [Some(Step::Key("Choices")), Some(Step::Index(i))];
            (0, steps, &rule.condition)
        })
        .collect();
    while let Some((depth, steps, condition)) = stack.pop() {
        path.truncate(depth);
        path.extend(steps.into_iter().flatten());
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
                    let steps = [Some(Step::Key(key)), Some(Step::Index(i))];
                    stack.push((depth, steps, &rule.condition));
                }
            }
            ChoiceCondition::Not(rule) => {
                stack.push((depth, [Some(Step::Key("Not")), None], &rule.condition));
            }
            ChoiceCondition::Jsonata(_) | ChoiceCondition::Data(_) => {}
        }
    }
}
