//! Colour: on a terminal, unless `NO_COLOR` is set; never when the output is
//! piped or redirected. `--color always` and `--color never` decide instead.

use std::io::IsTerminal;

use clap::ValueEnum;

/// The `--color` choice.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorChoice {
    /// Colour on a terminal, unless `NO_COLOR` is set.
    Auto,
    /// Colour, even when piped.
    Always,
    /// No colour.
    Never,
}

/// Whether to colour one output stream.
#[derive(Clone, Copy)]
pub(crate) struct Style {
    on: bool,
}

impl Style {
    /// The style for standard output.
    pub(crate) fn stdout(choice: ColorChoice) -> Style {
        Style::new(choice, std::io::stdout().is_terminal())
    }

    /// The style for standard error.
    pub(crate) fn stderr(choice: ColorChoice) -> Style {
        Style::new(choice, std::io::stderr().is_terminal())
    }

    fn new(choice: ColorChoice, terminal: bool) -> Style {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let on = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => terminal && !no_color,
        };
        Style { on }
    }

    fn paint(self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    /// Where a problem is.
    pub(crate) fn location(self, text: &str) -> String {
        self.paint("1", text)
    }

    /// An error's code, or a count of errors.
    pub(crate) fn error(self, text: &str) -> String {
        self.paint("1;31", text)
    }

    /// A warning's code and mark, or a count of warnings.
    pub(crate) fn warning(self, text: &str) -> String {
        self.paint("1;33", text)
    }

    /// Good news.
    pub(crate) fn success(self, text: &str) -> String {
        self.paint("1;32", text)
    }
}
