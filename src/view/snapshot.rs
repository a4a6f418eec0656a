//! The static HTML snapshot (`tft render-html --page`): the widget's own
//! view, every task force and measure open, with its stylesheet.

use crate::model::Programme;
use crate::tree::escape;
use crate::view::{view, State};

/// The static HTML snapshot of a programme, every task force and measure
/// open (render `state` with `print: true`): a fragment for the inside of
/// `<task-force-tracker>` (its no-JS fallback), or with `page` a whole
/// document with the widget's stylesheet, for print and search engines.
pub fn snapshot(p: &Programme, state: &State, page: bool) -> String {
    let body = view(p, state).to_html();
    if !page {
        return body + "\n";
    }
    let mut title = String::new();
    escape(&mut title, p.title.get(state.lang));
    let css = crate::STYLES.replace(":host", ":root");
    format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>\n{css}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n",
        state.lang.tag()
    )
}
