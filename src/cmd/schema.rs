//! `breachpage schema`: the JSON Schema of an incident record, for editors.

use crate::content::fields;
use crate::Failure;

pub fn run() -> Result<(), Failure> {
    println!("{}", text());
    Ok(())
}

/// The schema as written to `breachpage.schema.json`.
pub fn text() -> String {
    serde_json::to_string_pretty(&fields::schema()).unwrap_or_default()
}
