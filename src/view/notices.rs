//! What shows instead of, or above, the tracker when data cannot be shown:
//! readers get a short notice in their language (over the last good data,
//! or over the page's own fallback); editors, with `preview`, the detail
//! (which file, where, what was expected) in place; a crashed widget says
//! it has stopped. Every word comes from `crate::words`.

use crate::model::date::Date;
use crate::model::text::Lang;
use crate::model::LoadError;
use crate::tree::{el, Node};
use crate::words::{format_date, load_error, ui};

/// The message shown in place of the tracker when data cannot be shown.
/// `source` names the file (a URL, or "inline JSON").
pub fn error_view(err: &LoadError, source: &str, lang: Lang) -> Node {
    let s = ui(lang);
    el("div")
        .class("tft tft-error")
        .attr("part", "root error")
        .attr("lang", lang.tag())
        .attr("role", "alert")
        .child(el("p").class("err-title").child(el("strong").text(s.load_failed)))
        .child(el("p").class("err-detail").child(el("code").text(source)).text(format!(" — {}", load_error(lang, err))))
        .child(el("p").class("err-help").text(s.what_to_do))
        .into()
}

/// What readers see when data cannot be shown and no earlier data is: a
/// short notice in their language above the page's own fallback (the
/// element's children, through a slot: the pasted snapshot, if any). The
/// detail goes to the console and `tft-error`, and shows with `preview`.
pub fn unavailable_view(has_fallback: bool, lang: Lang) -> Vec<Node> {
    let s = ui(lang);
    let text = if has_fallback { s.not_updated } else { s.unavailable };
    vec![
        el("p").class("stale unavailable").attr("part", "notice").attr("lang", lang.tag()).text(text).into(),
        el("slot").into(),
    ]
}

/// The readers' notice above data still shown after a later load failed.
pub fn stale_reader_notice(as_of: Date, lang: Lang) -> Node {
    let s = ui(lang);
    let (open, close) = s.paren;
    el("p")
        .class("stale")
        .attr("part", "notice")
        .attr("lang", lang.tag())
        .text(format!("{} {}{open}{}{close}", s.showing_as_of, format_date(as_of, lang), s.update_pending))
        .into()
}

/// The editors' notice (with `preview`) above data that is still shown
/// after a later load failed: which file, and what is wrong with it.
pub fn stale_notice(err: &LoadError, source: &str, as_of: Date, lang: Lang) -> Node {
    let s = ui(lang);
    el("p")
        .class("stale")
        .attr("part", "notice")
        .attr("lang", lang.tag())
        .text(format!("{} {} · ", s.showing_as_of, format_date(as_of, lang)))
        .text(format!("{} ", s.update_failed))
        .child(el("code").text(source))
        .text(format!(" — {}", load_error(lang, err)))
        .into()
}

/// What a widget that hit an internal error shows in place of itself.
pub fn crashed_view(lang: Lang) -> Node {
    el("div")
        .class("tft tft-error")
        .attr("part", "root error")
        .attr("lang", lang.tag())
        .attr("role", "alert")
        .child(el("p").text(ui(lang).crashed))
        .into()
}
