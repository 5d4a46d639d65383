//! ASL to Rust: the builder code that builds a given definition.
//!
//! [`Import::to_rust`] writes a Rust file with `pub fn state_machine()`,
//! which builds the definition with the typed builder of
//! [`crate::builder`] (through `use stepfn::prelude::*;`), and the typed
//! integrations of [`crate::tasks`] where a Task's `Resource` and input are
//! exactly what one of them renders. Run, it builds JSON equal to the
//! definition (fields in canonical order).
//!
//! - Each state is one `let`, in the order the definition writes them,
//!   named after the state in snake case. States reached by `Next` are put
//!   together with `.next(...)`; Choice rules, `Default` and `Catch` go to
//!   states by name with `Goto::new("...")`; states reached only that way
//!   are added with [`IntoChain::with_states`](crate::builder::IntoChain::with_states).
//! - Each Parallel branch and Map item processor is a function of its own
//!   returning its states, so nesting stays flat in the code (and costs the
//!   generator no recursion).
//! - The text is laid out as rustfmt lays it out (`rustfmt --check` leaves
//!   it unchanged), without running rustfmt.
//! - Where the definition has something no builder call writes exactly,
//!   [`RustCode::notes`] says what and where. A Map whose `ProcessorConfig`
//!   is none of the shapes the Map builders write is a
//!   [`CustomState`](crate::builder::CustomState) with its JSON.
//!
//! ```
//! use stepfn::import::Import;
//! let machine = stepfn::read::read_str(r#"{"StartAt": "Greet", "States": {
//!     "Greet": {"Type": "Pass", "Result": {"hello": "world"}, "Next": "Done"},
//!     "Done": {"Type": "Succeed"}}}"#)?;
//! let rust = Import::new().to_rust(&machine);
//! assert!(rust.notes().is_empty());
//! assert!(rust.code().contains(r#"
//! pub fn state_machine() -> Result<Built, Problems> {
//!     let greet = Pass::new("Greet").result(Payload::new().field("hello", "world"));
//!     let done = Succeed::new("Done");
//!
//!     let definition = greet.next(done);
//!     StateMachine::new(definition).build()
//! }
//! "#));
//! # Ok::<(), stepfn::problem::Problems>(())
//! ```

mod code;
mod condition;
mod cx;
mod distributed;
mod fields;
mod file;
mod integrations;
mod json;
mod jsonata;
mod layout;
mod literal;
mod names;
mod scope;
mod states;

use crate::model::StateMachine;

/// What to generate: the options of [`Import::to_rust`].
///
/// ```
/// use stepfn::import::Import;
/// let machine = stepfn::read::read_str(r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#)?;
/// let program = Import::new().main(true).to_rust(&machine);
/// assert!(program.code().contains("fn main() -> Result<(), Box<dyn std::error::Error>> {"));
/// # Ok::<(), stepfn::problem::Problems>(())
/// ```
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct Import {
    main: bool,
    allow_resource_placeholders: bool,
}

impl Import {
    /// A library file: `pub fn state_machine()` and the functions it uses.
    ///
    /// ```
    /// use stepfn::import::Import;
    /// let machine = stepfn::read::read_str(r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#)?;
    /// let code = Import::new().to_rust(&machine).into_code();
    /// assert!(code.contains("    let a = Succeed::new(\"A\");\n\n    StateMachine::new(a).build()\n}\n"));
    /// assert!(!code.contains("fn main"));
    /// # Ok::<(), stepfn::problem::Problems>(())
    /// ```
    pub fn new() -> Import {
        Import::default()
    }

    /// Also writes `fn main`, printing the ASL, so the file is a program.
    ///
    /// ```
    /// use stepfn::import::Import;
    /// let machine = stepfn::read::read_str(r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#)?;
    /// assert!(Import::new().main(true).to_rust(&machine).code().ends_with("    Ok(())\n}\n"));
    /// # Ok::<(), stepfn::problem::Problems>(())
    /// ```
    pub fn main(mut self, main: bool) -> Import {
        self.main = main;
        self
    }

    /// Builds the machine with a validator that accepts Resource
    /// placeholders (`${FunctionArn}`), as definitions in CloudFormation,
    /// SAM and CDK templates have them.
    ///
    /// ```
    /// use stepfn::import::Import;
    /// let machine = stepfn::read::read_str(r#"{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "${FnArn}", "End": true}}}"#)?;
    /// let code = Import::new().allow_resource_placeholders(true).to_rust(&machine).into_code();
    /// assert!(code.contains(".validator(Validator::new().allow_resource_placeholders(true))"));
    /// # Ok::<(), stepfn::problem::Problems>(())
    /// ```
    pub fn allow_resource_placeholders(mut self, allow: bool) -> Import {
        self.allow_resource_placeholders = allow;
        self
    }

    /// The Rust file building `machine`.
    ///
    /// ```
    /// use stepfn::import::Import;
    /// let machine = stepfn::read::read_str(r#"{"StartAt": "Wait", "States": {
    ///     "Wait": {"Type": "Wait", "Seconds": 5, "End": true}}}"#)?;
    /// let rust = Import::new().to_rust(&machine);
    /// assert!(rust.code().contains(r#"    let wait = Wait::seconds("Wait", 5);"#));
    /// assert!(rust.code().contains("    StateMachine::new(wait).build()\n"));
    /// # Ok::<(), stepfn::problem::Problems>(())
    /// ```
    pub fn to_rust(&self, machine: &StateMachine) -> RustCode {
        let mut file = cx::FileCx::default();
        let top = scope::Top {
            allow_resource_placeholders: self.allow_resource_placeholders,
        };
        let functions = scope::functions(&mut file, machine, &top);
        let code = file::write(&functions, &file.uses, self.main);
        RustCode {
            code,
            notes: file.notes,
        }
    }
}

/// A generated Rust file, and what in the definition it could not write
/// exactly.
///
/// ```
/// use stepfn::import::Import;
/// let machine = stepfn::read::read_str(r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#)?;
/// let rust = Import::new().to_rust(&machine);
/// assert!(rust.code().starts_with("//! "));
/// assert!(rust.notes().is_empty());
/// # Ok::<(), stepfn::problem::Problems>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RustCode {
    code: String,
    notes: Vec<String>,
}

impl RustCode {
    /// The file's text.
    ///
    /// ```
    /// use stepfn::import::Import;
    /// let machine = stepfn::read::read_str(r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#)?;
    /// assert!(Import::new().to_rust(&machine).code().contains("use stepfn::prelude::*;"));
    /// # Ok::<(), stepfn::problem::Problems>(())
    /// ```
    #[must_use]
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The file's text, owned.
    ///
    /// ```
    /// use stepfn::import::Import;
    /// let machine = stepfn::read::read_str(r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#)?;
    /// let code: String = Import::new().to_rust(&machine).into_code();
    /// assert!(code.ends_with("}\n"));
    /// # Ok::<(), stepfn::problem::Problems>(())
    /// ```
    #[must_use]
    pub fn into_code(self) -> String {
        self.code
    }

    /// What the code writes differently from the definition, one line
    /// each, naming the state (empty when the code builds equal JSON).
    ///
    /// ```
    /// use stepfn::import::Import;
    /// let machine = stepfn::read::read_str(r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#)?;
    /// assert_eq!(Import::new().to_rust(&machine).notes(), [] as [String; 0]);
    /// # Ok::<(), stepfn::problem::Problems>(())
    /// ```
    #[must_use]
    pub fn notes(&self) -> &[String] {
        &self.notes
    }
}
