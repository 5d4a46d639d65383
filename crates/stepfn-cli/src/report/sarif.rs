//! `--format sarif`: one SARIF 2.1.0 log for the whole run, as code-scanning
//! tools (GitHub code scanning, IDE viewers) read it. Each code found is a
//! rule with its description; each problem a result with its file, line and
//! column (in characters), and the state machine and path as its logical
//! location.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde_json::{json, Value};
use stepfn::Code;

use super::Checked;

/// Collects the results of every file, written at the end.
#[derive(Default)]
pub(crate) struct Log {
    results: Vec<Value>,
    rules: BTreeMap<&'static str, Code>,
}

impl Log {
    /// Adds the problems of one file.
    pub(crate) fn add(&mut self, checked: &Checked) {
        for f in &checked.findings {
            let p = &f.problem;
            let code = p.code();
            self.rules.insert(code.as_str(), code);
            let mut region = serde_json::Map::new();
            if let Some(pos) = p.position() {
                region.insert("startLine".into(), json!(pos.line));
                region.insert("startColumn".into(), json!(pos.column));
            }
            let mut physical = json!({"artifactLocation": {"uri": uri(&f.file)}});
            if !region.is_empty() {
                physical["region"] = Value::Object(region);
            }
            let path = p.path().to_string();
            let name = match &f.machine {
                Some(m) => format!("{m}/{path}"),
                None => path,
            };
            let machine = f
                .machine
                .as_deref()
                .map(|m| format!("{m}: "))
                .unwrap_or_default();
            self.results.push(json!({
                "ruleId": code.as_str(),
                "level": if f.is_error() { "error" } else { "warning" },
                "message": {"text": format!("{machine}{}: {}", p.path(), p.message())},
                "locations": [{
                    "physicalLocation": physical,
                    "logicalLocations": [{"fullyQualifiedName": name, "kind": "member"}],
                }],
            }));
        }
    }

    /// Writes the log.
    pub(crate) fn write(self, out: &mut impl Write) -> io::Result<()> {
        let index: BTreeMap<&str, usize> = self
            .rules
            .keys()
            .enumerate()
            .map(|(i, id)| (*id, i))
            .collect();
        let rules: Vec<Value> = self
            .rules
            .values()
            .map(|code| {
                json!({
                    "id": code.as_str(),
                    "shortDescription": {"text": code.description()},
                    "helpUri": "https://github.com/stepfn/stepfn#problem-codes",
                })
            })
            .collect();
        let mut results = self.results;
        for result in &mut results {
            let id = result["ruleId"].as_str().unwrap_or_default();
            if let Some(i) = index.get(id) {
                result["ruleIndex"] = json!(i);
            }
        }
        let log = json!({
            "$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "stepfn",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://github.com/stepfn/stepfn",
                    "rules": rules,
                }},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }],
        });
        serde_json::to_writer_pretty(&mut *out, &log)?;
        writeln!(out)
    }
}

/// A file name as a URI reference: relative names stay relative (code
/// scanning resolves them against the repository), `/` separates folders,
/// and characters a URI may not hold are percent-encoded.
fn uri(file: &str) -> String {
    let file = file.replace('\\', "/");
    let (prefix, path) = if file.starts_with('/') {
        ("file://", file.as_str())
    } else {
        ("", file.strip_prefix("./").unwrap_or(&file))
    };
    let mut out = String::from(prefix);
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn names_become_uri_references() {
        assert_eq!(
            uri("examples/definitions/mistakes.asl.json"),
            "examples/definitions/mistakes.asl.json"
        );
        assert_eq!(uri("./a b/c.json"), "a%20b/c.json");
        assert_eq!(uri("/srv/x.json"), "file:///srv/x.json");
        assert_eq!(uri("<stdin>"), "%3Cstdin%3E");
    }
}
