//! The tracker's head: title, as-of date and source, the sample-data note,
//! the language switch and downloads, "since your last visit"; then the
//! overall progress with its legend.

use crate::model::text::Lang;
use crate::model::{Programme, Status, Tally};
use crate::tree::{el, El};
use crate::view::act::{self, Act};
use crate::view::parts::{button, data, done_of, link, source_label, status_bar, time, two_languages};
use crate::view::state::State;
use crate::words::{language_name, overdue_count, status_label, updated_count, Strings};

pub(crate) fn header(p: &Programme, st: &State, s: &Strings) -> El {
    let lang = st.lang;
    let mut meta = el("p")
        .class("meta")
        .attr("part", "muted")
        .child(el("span").text(format!("{} ", s.as_of)).child(time(p.as_of, lang)));
    if let Some((label, url)) = source_label(p, lang) {
        let cite = match url {
            Some(url) => link(url, label),
            None => el("cite").text(label),
        };
        meta = meta.text(" · ").child(el("span").class("source").text(format!("{} ", s.source)).child(cite));
    }

    let mut head = el("header")
        .class("head")
        .attr("part", "header")
        .child(el("h2").class("title").attr("part", "title").child(data(&p.title, lang)))
        .child(meta);
    if p.has_sample() {
        head = head.child(
            el("p")
                .class("sample-note")
                .attr("part", "muted")
                .child(
                    el("strong")
                        .class("badge sample")
                        .attr("part", "badge")
                        .children(two_languages(s.sample_badge, lang)),
                )
                .text(" ")
                .text(s.sample_note),
        );
    }

    let mut tools = el("div").class("tools");
    if p.languages().count() > 1 {
        let buttons = p.languages().map(|l| {
            button("chip", Act::Lang)
                .attr("lang", l.tag())
                .attr("aria-pressed", if l == lang { "true" } else { "false" })
                .attr(act::ARG, l.tag())
                .text(language_name(l))
        });
        tools = tools
            .child(el("div").class("group").attr("role", "group").attr("aria-label", s.language).children(buttons));
    }
    let download = |fmt: &'static str| {
        button("chip", Act::Download)
            .attr(act::ARG, fmt)
            .attr("aria-label", format!("{} {fmt}", s.download))
            .text(fmt.to_ascii_uppercase())
    };
    tools = tools.child(
        el("div")
            .class("group")
            .attr("role", "group")
            .attr("aria-label", s.download)
            .child(el("span").class("group-label").attr("part", "muted").attr("aria-hidden", "true").text(s.download))
            .child(download("json"))
            .child(download("csv")),
    );
    if st.print {
        return head;
    }
    if !st.updated.is_empty() {
        // Since the reader's last visit (remembered in their browser only).
        head = head.child(
            el("p")
                .class("updates")
                .child(
                    el("span")
                        .class("tag updated")
                        .attr("part", "badge updated")
                        .text(updated_count(lang, st.updated.len())),
                )
                .text(" ")
                .child(
                    button("chip", Act::Updated)
                        .attr("aria-pressed", if st.filter.updated { "true" } else { "false" })
                        .text(s.only_updated),
                ),
        );
    }
    head.child(tools)
}

pub(crate) fn overall(tally: Tally, lang: Lang, s: &Strings) -> El {
    let mut summary = el("p")
        .class("overall-head")
        .child(el("span").class("overall-label").attr("part", "muted").text(s.overall))
        .text(" ")
        .child(el("strong").text(format!("{}/{}", tally.done(), tally.total())))
        .text(format!(" {}", s.measures_done));
    if tally.overdue > 0 {
        summary = summary.text(" · ").child(
            el("span").class("overdue-count").attr("part", "overdue").text(overdue_count(lang, tally.overdue as usize)),
        );
    }
    let legend = Status::ALL.iter().filter(|st| tally.count(**st) > 0).map(|st| {
        el("li")
            .class(format!("st-{}", st.key()))
            .child(el("span").class("dot").attr("aria-hidden", "true"))
            .text(format!("{} {}", status_label(*st, lang), tally.count(*st)))
    });
    let bar = status_bar(&tally)
        .attr("role", "progressbar")
        .attr("aria-label", s.overall)
        .attr("aria-valuemin", "0")
        .attr("aria-valuemax", tally.total().to_string())
        .attr("aria-valuenow", tally.done().to_string())
        .attr("aria-valuetext", done_of(&tally, s));
    el("section")
        .class("overall")
        .attr("part", "overall")
        .attr("aria-label", s.overall)
        .child(summary)
        .child(bar)
        .child(el("ul").class("legend").children(legend))
}
