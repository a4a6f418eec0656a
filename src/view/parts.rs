//! Pieces every region of the view is made of: data text (isolated and
//! marked with its language), dates, links, buttons that carry an action,
//! status tags and bars, element ids.

use crate::model::date::Date;
use crate::model::text::{Lang, Text};
use crate::model::{Measure, Programme, Status, Tally, TaskForce};
use crate::tree::{el, El, Node};
use crate::view::act::{self, Act};
use crate::view::state::State;
use crate::words::{format_date, quoted, show_more, status_label, Strings};

pub(crate) struct Ids<'a>(pub(crate) &'a str);

impl Ids<'_> {
    pub(crate) fn tab(&self, tf: &TaskForce) -> String {
        format!("{}-tab-{}", self.0, tf.id.as_str())
    }
    pub(crate) fn panel(&self, tf: &TaskForce) -> String {
        format!("{}-panel-{}", self.0, tf.id.as_str())
    }
    pub(crate) fn details(&self, tf: &TaskForce, m: &Measure) -> String {
        format!("{}-details-{}-{}", self.0, tf.id.as_str(), m.id.as_str())
    }
}

pub(crate) fn done_of(t: &Tally, s: &Strings) -> String {
    format!("{}/{} {}", t.done(), t.total(), s.measures_done)
}

/// Where the data comes from, as readers of `lang` cite it (publisher,
/// quoted title, date), with its validated http(s) link.
pub(crate) fn source_label(p: &Programme, lang: Lang) -> Option<(String, Option<&str>)> {
    let src = p.source.as_ref()?;
    let mut label = String::new();
    if let Some(publisher) = &src.publisher {
        label.push_str(publisher.get(lang));
        label.push(' ');
    }
    label.push_str(&quoted(src.title.get(lang), lang));
    if let Some(d) = src.date {
        label.push(' ');
        label.push_str(&format_date(d, lang));
    }
    Some((label, src.url.as_ref().map(|u| u.as_str())))
}

/// A stacked bar of status counts; its segments are decorative, since the
/// counts are also text.
pub(crate) fn status_bar(t: &Tally) -> El {
    let segs = Status::ALL.iter().filter(|st| t.count(**st) > 0).map(|st| {
        el("span")
            .class(format!("seg st-{}", st.key()))
            .attr("aria-hidden", "true")
            .var("--n", t.count(*st).to_string())
    });
    el("span").class("bar").children(segs)
}

/// A status as text with its colour class.
pub(crate) fn status_tag(status: Status, lang: Lang) -> El {
    el("span").class(format!("tag st-{}", status.key())).attr("part", "tag").text(status_label(status, lang))
}

/// "Show more" under a list that is longer than the reader has asked for.
pub(crate) fn more_button(hidden: usize, lang: Lang) -> Option<El> {
    (hidden > 0).then(|| button("chip more", Act::More).text(show_more(lang, hidden)))
}

/// A button carrying reader action `act` (`data-arg`, when set, says on what).
pub(crate) fn button(class: &'static str, act: Act) -> El {
    let b = el("button").class(class).attr("type", "button").attr(act::ATTR, act.name());
    // Tabs carry their own part names (`tab`, `tab-selected`).
    if class == "tab" {
        b
    } else {
        b.attr("part", "button")
    }
}

/// Text from the data, as a node. Plain text in the common case; isolated
/// in a `<bdi>` when it holds right-to-left letters or bidi controls (so an
/// override cannot reorder what follows it), and marked with its own `lang`
/// when it is not in the interface's language (a name given only in
/// English, in the Chinese view), so that it is read and hyphenated right.
pub(crate) fn data(t: &Text, lang: Lang) -> Node {
    let (s, other) = t.get_in(lang);
    if other.is_none() && !s.chars().any(bidi) {
        return Node::Text(s.to_string());
    }
    let mut el = el("bdi");
    if let Some(other) = other {
        el = el.attr("lang", other.tag());
    }
    el.text(s).into()
}

/// A label written in two languages ("示例数据 · Sample data"): the second
/// half is marked as the other language, for screen readers' voices.
pub(crate) fn two_languages(label: &'static str, lang: Lang) -> Vec<Node> {
    let Some((first, second)) = label.split_once(" · ") else { return vec![Node::Text(label.into())] };
    let other = if lang == Lang::En { Lang::ZhHans } else { Lang::En };
    vec![Node::Text(format!("{first} · ")), el("span").attr("lang", other.tag()).text(second).into()]
}

/// Right-to-left letters and the characters that set direction.
pub(crate) fn bidi(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'
        | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        | '\u{10800}'..='\u{10FFF}' | '\u{1E800}'..='\u{1EFFF}')
}

/// A date for people, with its ISO form for machines.
pub(crate) fn time(date: Date, lang: Lang) -> El {
    el("time").attr("datetime", date.to_string()).text(format_date(date, lang))
}

/// An external link; `href` must already be a validated http(s) URL.
pub(crate) fn link(href: &str, label: impl Into<String>) -> El {
    el("a").attr("href", href).attr("target", "_blank").attr("rel", "noopener noreferrer").text(label)
}

pub(crate) fn copy_button(s: &Strings, what: &str, key: String) -> El {
    button("chip copy", Act::Copy)
        .attr(act::ARG, key)
        .attr("aria-label", format!("{}：{what}", s.copy_link))
        .text(s.copy_link)
}

/// The link a failed "copy link" could not copy, in a field to copy by hand
/// (plain-http pages and in-app browsers have no clipboard access).
pub(crate) fn copy_field(st: &State, s: &Strings, key: &str) -> Option<El> {
    let (_, url) = st.copy_field.as_ref().filter(|(k, _)| k == key)?;
    Some(
        el("label").class("copy-field").child(el("span").text(s.copy_here)).child(
            el("input")
                .attr("type", "text")
                .attr("readonly", "")
                .attr(act::ATTR, Act::CopyField.name())
                .attr("value", url.as_str()),
        ),
    )
}
