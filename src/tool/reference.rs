//! The format reference kept in the README: a table per object, written
//! from the field declarations with the English words for each type. A
//! test checks the README against it.

use crate::model::format::TABLES;
use crate::model::text::Lang;
use crate::words;

/// The format reference (Markdown tables), as kept in the README.
pub fn reference() -> String {
    let mut out = String::new();
    for t in TABLES {
        out.push_str(&format!(
            "**{}**: {}\n\n| field | type | required | meaning |\n|---|---|---|---|\n",
            t.name, t.doc
        ));
        for fl in t.fields {
            out.push_str(&format!(
                "| `{}` | {} | {} | {} |\n",
                fl.name,
                words::expected(Lang::En, fl.ty),
                if fl.required { "yes" } else { "no" },
                fl.doc
            ));
        }
        out.push('\n');
    }
    out
}
