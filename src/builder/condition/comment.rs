//! A condition's `Comment`: written on the rule the condition becomes.

use super::Condition;

impl Condition {
    /// Sets the `Comment` of the rule this condition becomes: inside
    /// [`Condition::and`], [`Condition::or`] or [`Condition::not`], the
    /// nested rule's; given to [`Choice::when`](crate::builder::Choice::when),
    /// the Choice rule's (unless [`When::comment`](crate::builder::When::comment)
    /// sets another).
    ///
    /// ```
    /// use stepfn::builder::{Choice, Condition, Pass};
    /// let c = Condition::and([
    ///     Condition::is_present("$.id", true).comment("has an id"),
    ///     Condition::not(Condition::is_null("$.id", true).comment("and it is not null")),
    /// ]);
    /// assert_eq!(c.to_json()?, r#"{"And":[{"Comment":"has an id","Variable":"$.id","IsPresent":true},{"Not":{"Comment":"and it is not null","Variable":"$.id","IsNull":true}}]}"#);
    /// let choice = Choice::new("C").when(Condition::boolean_equals("$.ok", true).comment("ready"), Pass::new("Go"));
    /// assert!(choice.to_json().contains(r#"{"Comment":"ready","Variable":"$.ok","BooleanEquals":true,"Next":"Go"}"#));
    /// # Ok::<(), stepfn::builder::ConditionParseError>(())
    /// ```
    pub fn comment(mut self, comment: impl Into<String>) -> Condition {
        self.comment = Some(comment.into());
        self
    }

    /// The comment set with [`Condition::comment`], taken out.
    pub(crate) fn take_comment(&mut self) -> Option<String> {
        self.comment.take()
    }
}

#[cfg(test)]
mod tests {
    use super::Condition;

    #[test]
    fn a_comment_stays_with_its_own_rule_at_any_depth() {
        let c = Condition::or([
            Condition::string_equals("$.a", "1"),
            Condition::and([Condition::string_equals("$.b", "2").comment("inner")])
                .comment("outer"),
        ])
        .comment("unused at the top");
        assert_eq!(
            c.to_json().unwrap(),
            r#"{"Or":[{"Variable":"$.a","StringEquals":"1"},{"Comment":"outer","And":[{"Comment":"inner","Variable":"$.b","StringEquals":"2"}]}]}"#
        );
    }
}
