//! The pure view: programme + state → a tree of [`Node`]s.
//!
//! The view decides everything a reader sees and every attribute assistive
//! technology reads; the DOM layer only copies the tree into the page. The
//! same tree serialises to HTML ([`Node::to_html`]) for static snapshots.
//! Data text only ever becomes [`Node::Text`]; nothing here builds markup
//! from strings, and only validated http(s) links become `href`s.

use crate::model::text::{Lang, Text};
use crate::model::{Measure, Problem, Programme, Status, Tally, TaskForce};
use crate::view::i18n::{
    elsewhere, format_date, language_name, matching, overdue_count, show_more, showing, status_label, strings,
    updated_count, Strings,
};
pub use crate::view::state::State;
use crate::view::state::{measure_id, measure_key, PAGE};

pub mod diff;
pub mod export;
pub mod fallback;
pub mod i18n;
pub mod state;
pub mod timeline;

/// A node of the view tree.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// An element (boxed: see [`El`]).
    Element(El),
    /// A text node; its content is never parsed as markup.
    Text(String),
}

/// An element of the view tree.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    /// Tag name.
    pub tag: &'static str,
    /// Attributes, in order.
    pub attrs: Vec<(&'static str, String)>,
    /// CSS custom properties set through the CSSOM (allowed under a strict
    /// `style-src`, unlike a `style` attribute).
    pub vars: Vec<(&'static str, String)>,
    /// Child nodes.
    pub children: Vec<Node>,
}

/// An element being built. Boxed, so that every builder call passes and
/// returns one pointer: by value, the 44-byte element went through a stack
/// slot and a copy at each of the view's hundreds of calls (1.5 KB of
/// brotli'd wasm).
pub type El = Box<Element>;

/// Starts an element.
#[inline(never)]
pub fn el(tag: &'static str) -> El {
    Box::new(Element { tag, attrs: Vec::new(), vars: Vec::new(), children: Vec::new() })
}

impl Element {
    /// Adds an attribute.
    pub fn attr(self: El, name: &'static str, value: impl Into<String>) -> El {
        self.attr_string(name, value.into())
    }
    // The builder's work is out of line, once: inlined at each of the view's
    // hundreds of calls it cost kilobytes of wasm.
    #[inline(never)]
    fn attr_string(mut self: El, name: &'static str, value: String) -> El {
        self.attrs.push((name, value));
        self
    }
    /// Adds an attribute when `cond` holds.
    pub fn attr_if(self: El, cond: bool, name: &'static str, value: impl Into<String>) -> El {
        if cond {
            self.attr(name, value)
        } else {
            self
        }
    }
    /// Sets the `class` attribute.
    pub fn class(self: El, value: impl Into<String>) -> El {
        self.attr("class", value)
    }
    /// Sets a CSS custom property.
    pub fn var(self: El, name: &'static str, value: impl Into<String>) -> El {
        self.var_string(name, value.into())
    }
    #[inline(never)]
    fn var_string(mut self: El, name: &'static str, value: String) -> El {
        self.vars.push((name, value));
        self
    }
    /// Appends a child.
    pub fn child(self: El, node: impl Into<Node>) -> El {
        self.child_node(node.into())
    }
    #[inline(never)]
    fn child_node(mut self: El, node: Node) -> El {
        self.children.push(node);
        self
    }
    /// Appends a text child.
    pub fn text(self: El, s: impl Into<String>) -> El {
        self.child(Node::Text(s.into()))
    }
    /// Appends children.
    pub fn children(mut self: El, nodes: impl IntoIterator<Item = impl Into<Node>>) -> El {
        // A plain loop over the out-of-line push: `Vec::extend`'s machinery,
        // instantiated for each of the view's iterators, cost more.
        for node in nodes {
            self = self.child_node(node.into());
        }
        self
    }
    /// Value of an attribute.
    pub fn get_attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.as_str())
    }
}

impl From<El> for Node {
    fn from(e: El) -> Node {
        Node::Element(e)
    }
}

const VOID: [&str; 4] = ["br", "hr", "img", "input"];

impl Node {
    /// Serialises to HTML, escaping all text and attribute values.
    pub fn to_html(&self) -> String {
        let mut s = String::new();
        self.write_html(&mut s);
        s
    }

    fn write_html(&self, out: &mut String) {
        match self {
            Node::Text(t) => escape(out, t),
            Node::Element(e) => {
                out.push('<');
                out.push_str(e.tag);
                for (k, v) in &e.attrs {
                    out.push(' ');
                    out.push_str(k);
                    out.push_str("=\"");
                    escape(out, v);
                    out.push('"');
                }
                if !e.vars.is_empty() {
                    out.push_str(" style=\"");
                    for (k, v) in &e.vars {
                        escape(out, k);
                        out.push(':');
                        escape(out, v);
                        out.push(';');
                    }
                    out.push('"');
                }
                out.push('>');
                if VOID.contains(&e.tag) {
                    return;
                }
                e.children.iter().for_each(|c| c.write_html(out));
                out.push_str("</");
                out.push_str(e.tag);
                out.push('>');
            }
        }
    }

    /// All text in the subtree, concatenated (for tests and search).
    pub fn text_content(&self) -> String {
        match self {
            Node::Text(t) => t.clone(),
            Node::Element(e) => e.children.iter().map(Node::text_content).collect(),
        }
    }

    /// Depth-first search for the first element satisfying `pred`.
    pub fn find(&self, pred: &dyn Fn(&Element) -> bool) -> Option<&Element> {
        match self {
            Node::Text(_) => None,
            Node::Element(e) if pred(e) => Some(e),
            Node::Element(e) => e.children.iter().find_map(|c| c.find(pred)),
        }
    }
}

/// Appends `s` with `&`, `<`, `>`, `"` and `'` escaped for HTML text and
/// attribute values.
pub fn escape(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// The whole widget for a valid programme.
pub fn view(p: &Programme, st: &State) -> Node {
    let lang = st.lang;
    let s = strings(lang);
    let selected = st.selected.min(p.task_forces.len().saturating_sub(1));
    let ids = Ids(&st.id_prefix);
    let filtering = st.filter.active();
    let show_results = filtering && st.filter.all && !st.print;
    // Counted once per render: the tabs, the panel and the overall summary share them.
    let tallies: Vec<Tally> = p.task_forces.iter().map(|tf| tf.tally(p.as_of)).collect();

    let tabs = p.task_forces.iter().enumerate().map(|(i, tf)| {
        let tally = &tallies[i];
        let on = i == selected;
        // While filtering, the matches alone: short enough for one line.
        let count = if filtering {
            matching(lang, tf.measures.iter().filter(|m| st.shows(tf, m, p.as_of)).count())
        } else {
            done_of(tally, s)
        };
        let overdue = (tally.overdue > 0 && !filtering).then(|| {
            el("span").class("tab-overdue").attr("part", "overdue").text(overdue_count(lang, tally.overdue as usize))
        });
        button("tab", "tab")
            .attr("part", if on { "tab tab-selected" } else { "tab" })
            .attr("role", "tab")
            .attr("id", ids.tab(tf))
            .attr("aria-selected", if on { "true" } else { "false" })
            .attr("aria-controls", ids.panel(tf))
            .attr("tabindex", if on { "0" } else { "-1" })
            .attr("data-arg", i.to_string())
            .child(el("span").class("tab-name").child(data(&tf.name, lang)))
            .child(
                el("span")
                    .class("tab-line")
                    .child(el("span").class("tab-count").attr("part", "muted").text(count))
                    .children(overdue),
            )
            .child(status_bar(tally))
    });

    let panels = p.task_forces.iter().enumerate().map(|(i, tf)| {
        if st.print {
            // Static: every task force in turn, no tabs to label it.
            let section = el("section").class("panel").attr("part", "panel").attr("aria-label", tf.name.get(lang));
            return task_force_panel(section, p, tf, &tallies[i], st);
        }
        let panel = el("div")
            .class("panel")
            .attr("part", "panel")
            .attr("role", "tabpanel")
            .attr("id", ids.panel(tf))
            .attr("aria-labelledby", ids.tab(tf))
            .attr("tabindex", "0");
        if i == selected && !show_results {
            task_force_panel(panel, p, tf, &tallies[i], st)
        } else {
            // Unselected panels stay empty: cheap to render, and hidden anyway.
            panel.attr("hidden", "")
        }
    });

    let root = el("div")
        .class(if st.print { "tft print" } else { "tft" })
        .attr("part", "root")
        .attr("lang", lang.tag())
        .child(header(p, st, s))
        .child(overall(tallies.iter().copied().sum(), lang, s));
    if st.print {
        // For paper and the static snapshot: no controls, everything open.
        return root.children(panels).into();
    }
    let mut root = root
        .child(filters(p, st, s))
        .child(
            el("div")
                .class("tabs")
                .attr("part", "tabs")
                .attr("role", "tablist")
                .attr("aria-label", s.task_forces)
                .children(tabs),
        )
        .children(panels);
    if show_results {
        root = root.child(results(p, st, s));
    }
    root = root.children(about(st, s));
    // Present from the first render, so that later changes are announced.
    root.child(el("p").class("sr-only").attr("role", "status").text(st.announcement.as_str())).into()
}

/// Which data this is, in words: the code also names downloaded files, so a
/// reader (or an editor answering one) can tell versions apart.
fn about(st: &State, s: &Strings) -> Option<El> {
    let v = st.version.as_ref()?;
    Some(
        el("p")
            .class("about")
            .attr("part", "muted")
            .child(el("span").class("version").text(format!("{} ", s.version)).child(el("code").text(v.as_str())))
            .text(s.version_help),
    )
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

struct Ids<'a>(&'a str);

impl Ids<'_> {
    fn tab(&self, tf: &TaskForce) -> String {
        format!("{}-tab-{}", self.0, tf.id.as_str())
    }
    fn panel(&self, tf: &TaskForce) -> String {
        format!("{}-panel-{}", self.0, tf.id.as_str())
    }
    fn details(&self, tf: &TaskForce, m: &Measure) -> String {
        format!("{}-details-{}-{}", self.0, tf.id.as_str(), m.id.as_str())
    }
}

pub(crate) fn done_of(t: &Tally, s: &Strings) -> String {
    format!("{}/{} {}", t.done(), t.total(), s.measures_done)
}

fn header(p: &Programme, st: &State, s: &Strings) -> El {
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
            button("chip", "lang")
                .attr("lang", l.tag())
                .attr("aria-pressed", if l == lang { "true" } else { "false" })
                .attr("data-arg", l.tag())
                .text(language_name(l))
        });
        tools = tools
            .child(el("div").class("group").attr("role", "group").attr("aria-label", s.language).children(buttons));
    }
    let download = |fmt: &'static str| {
        button("chip", "download")
            .attr("data-arg", fmt)
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
                    button("chip", "updated")
                        .attr("aria-pressed", if st.filter.updated { "true" } else { "false" })
                        .text(s.only_updated),
                ),
        );
    }
    head.child(tools)
}

fn overall(tally: Tally, lang: Lang, s: &Strings) -> El {
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

/// A stacked bar of status counts; its segments are decorative, since the
/// counts are also text.
fn status_bar(t: &Tally) -> El {
    let segs = Status::ALL.iter().filter(|st| t.count(**st) > 0).map(|st| {
        el("span")
            .class(format!("seg st-{}", st.key()))
            .attr("aria-hidden", "true")
            .var("--n", t.count(*st).to_string())
    });
    el("span").class("bar").children(segs)
}

fn filters(p: &Programme, st: &State, s: &Strings) -> El {
    let lang = st.lang;
    let f = &st.filter;
    let option = |value: &str, label: String, on: bool| {
        el("option").attr("value", value).attr_if(on, "selected", "").text(label)
    };
    let statuses = core::iter::once(option("", s.all_statuses.into(), f.status.is_none() && !f.overdue))
        .chain(Status::ALL.iter().map(|x| option(x.key(), status_label(*x, lang).into(), f.status == Some(*x))))
        .chain(core::iter::once(option("overdue", s.overdue_only.into(), f.overdue)));
    let field = |label: &str, control: El| {
        el("label")
            .class("field")
            .child(el("span").class("field-label").attr("part", "label").text(label))
            .child(control)
    };
    let mut bar = el("div")
        .class("filters")
        .attr("part", "filters")
        .attr("role", "search")
        .attr("aria-label", s.filters)
        .child(field(
            s.search,
            el("input")
                .attr("type", "search")
                .attr("part", "field")
                .attr("data-act", "query")
                .attr("placeholder", s.search_hint)
                .attr("value", f.query.as_str())
                .attr("autocomplete", "off"),
        ))
        .child(field(s.status, el("select").attr("part", "field").attr("data-act", "status").children(statuses)))
        .child(field(
            s.scope,
            el("select")
                .attr("part", "field")
                .attr("data-act", "scope")
                .child(option("one", s.scope_one.into(), !f.all))
                .child(option("all", s.scope_all.into(), f.all)),
        ));
    if f.active() {
        // Counted only while a filter is on: otherwise every render would
        // walk every measure in scope for a number nobody sees.
        let (shown, total) = st.counts(p);
        bar = bar
            .child(el("p").class("count").attr("part", "muted").text(showing(lang, shown, total)))
            .child(button("chip", "clear").text(s.clear));
        if !f.all {
            // Matches the reader cannot see from here: say where they are.
            let others = st.counts_in(p, true).0 - shown;
            if others > 0 {
                bar = bar.child(
                    el("p")
                        .class("elsewhere")
                        .child(el("span").text(elsewhere(lang, others)))
                        .child(button("chip", "scope-all").text(s.search_all)),
                );
            }
        }
    }
    bar
}

fn results(p: &Programme, st: &State, s: &Strings) -> El {
    let mut budget = st.limit;
    let mut hidden = 0;
    let mut region = el("section").class("results").attr("part", "panel").attr("aria-label", s.results_all);
    let mut any = false;
    for tf in &p.task_forces {
        let matching = || tf.measures.iter().filter(|m| st.shows(tf, m, p.as_of));
        let count = matching().count();
        let take = count.min(budget);
        budget -= take;
        hidden += count - take;
        if take > 0 {
            any = true;
            let items = matching().take(take).map(|m| measure(m, tf, p, st, 4));
            region = region.child(
                el("section")
                    .class("group-results")
                    .child(el("h3").class("tf-name").child(data(&tf.name, st.lang)))
                    .child(el("ol").class("measures").children(items)),
            );
        }
    }
    if !any {
        region = region.child(el("p").class("empty").attr("part", "muted").text(s.no_results));
    }
    region.children(more_button(hidden, st.lang))
}

/// "Show more" under a list that is longer than the reader has asked for.
fn more_button(hidden: usize, lang: Lang) -> Option<El> {
    (hidden > 0).then(|| button("chip more", "more").text(show_more(lang, hidden)))
}

pub(crate) fn quoted(s: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("\u{201c}{s}\u{201d}"),
        _ => format!("《{s}》"),
    }
}

/// A button whose clicks the controller handles as `act` (`data-arg`, when
/// set, says on what).
fn button(class: &'static str, act: &'static str) -> El {
    let b = el("button").class(class).attr("type", "button").attr("data-act", act);
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
fn bidi(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'
        | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        | '\u{10800}'..='\u{10FFF}' | '\u{1E800}'..='\u{1EFFF}')
}

/// A date for people, with its ISO form for machines.
pub(crate) fn time(date: crate::model::date::Date, lang: Lang) -> El {
    el("time").attr("datetime", date.to_string()).text(format_date(date, lang))
}

/// An external link; `href` must already be a validated http(s) URL.
pub(crate) fn link(href: &str, label: impl Into<String>) -> El {
    el("a").attr("href", href).attr("target", "_blank").attr("rel", "noopener noreferrer").text(label)
}

fn copy_button(s: &Strings, what: &str, key: String) -> El {
    button("chip copy", "copy")
        .attr("data-arg", key)
        .attr("aria-label", format!("{}：{what}", s.copy_link))
        .text(s.copy_link)
}

/// The link a failed "copy link" could not copy, in a field to copy by hand
/// (plain-http pages and in-app browsers have no clipboard access).
fn copy_field(st: &State, s: &Strings, key: &str) -> Option<El> {
    let (_, url) = st.copy_field.as_ref().filter(|(k, _)| k == key)?;
    Some(
        el("label").class("copy-field").child(el("span").text(s.copy_here)).child(
            el("input")
                .attr("type", "text")
                .attr("readonly", "")
                .attr("data-act", "copy-field")
                .attr("value", url.as_str()),
        ),
    )
}

fn task_force_panel(panel: El, p: &Programme, tf: &TaskForce, tally: &Tally, st: &State) -> El {
    let lang = st.lang;
    let s = strings(lang);
    let fact = |label: &str, value: El| el("div").child(el("dt").attr("part", "muted").text(label)).child(value);
    let unknown = || el("dd").class("unknown").attr("part", "muted").text(s.not_published);
    let mut facts = el("dl").class("facts");
    if let Some(f) = &tf.focus {
        facts = facts.child(fact(s.focus, el("dd").child(data(f, lang))));
    }
    facts = facts.child(fact(s.leader, tf.leader.as_ref().map_or_else(unknown, |l| el("dd").child(data(l, lang)))));
    let members = if tf.members.is_empty() {
        unknown()
    } else {
        let sep = if lang == Lang::En { ", " } else { "、" };
        // Each member its own node: an override in one cannot reorder the next.
        let mut dd = el("dd");
        for (i, m) in tf.members.iter().enumerate() {
            if i > 0 {
                dd = dd.text(sep);
            }
            dd = dd.child(data(m, lang));
        }
        dd
    };
    facts = facts.child(fact(s.members, members));

    let matching = || tf.measures.iter().filter(|m| st.print || st.shows(tf, m, p.as_of));
    let count = matching().count();
    let shown = if st.print { count } else { count.min(st.limit) };
    let list = if tf.measures.is_empty() {
        el("p").class("empty").attr("part", "muted").text(s.no_measures)
    } else if shown == 0 {
        el("p").class("empty").attr("part", "muted").text(s.no_results)
    } else if st.timeline && !st.print {
        let rows: Vec<&Measure> = matching().take(shown).collect();
        timeline::timeline(p, tf, &rows, st)
    } else {
        el("ol").class("measures").children(matching().take(shown).map(|m| measure(m, tf, p, st, 5)))
    };
    // On paper and in the static snapshot, the timeline follows the list
    // (its first rows: a picture of thousands would not be read).
    let printed_timeline = (st.print && shown > 0).then(|| {
        let rows: Vec<&Measure> = matching().take(shown.min(4 * PAGE)).collect();
        timeline::timeline(p, tf, &rows, st)
    });
    let layout = (!st.print && !tf.measures.is_empty()).then(|| {
        let choice = |arg: &'static str, label: &str, on: bool| {
            button("chip", "layout")
                .attr("data-arg", arg)
                .attr("aria-pressed", if on { "true" } else { "false" })
                .text(label)
        };
        el("div")
            .class("group layout")
            .attr("role", "group")
            .attr("aria-label", s.layout)
            .child(el("span").class("group-label").attr("part", "muted").attr("aria-hidden", "true").text(s.layout))
            .child(choice("list", s.list, !st.timeline))
            .child(choice("timeline", s.timeline, st.timeline))
    });
    panel
        .child(
            el("div")
                .class("panel-head")
                .child(el("h3").class("tf-name").child(data(&tf.name, lang)))
                .child(copy_button(s, tf.name.get(lang), tf.id.as_str().to_string()))
                .children(copy_field(st, s, tf.id.as_str())),
        )
        .child(facts)
        .child(
            el("h4")
                .class("measures-head")
                .text(format!("{} ", s.measures))
                .child(el("span").class("muted").attr("part", "muted").text(done_of(tally, s))),
        )
        .child(list)
        .children(printed_timeline)
        // Below what it switches, so that the keyboard reaches the first
        // measure right after the task force's own controls.
        .children(layout)
        .children(more_button(count - shown, lang))
}

/// A measure's card; its title is a heading of `level` (5 under a task
/// force's "measures" heading, 4 in the all-task-forces results).
fn measure(m: &Measure, tf: &TaskForce, p: &Programme, st: &State, level: u8) -> El {
    let lang = st.lang;
    let s = strings(lang);
    let key = measure_key(tf.id.as_str(), m.id.as_str());
    let open = st.print || st.open.contains(&key);
    let details_id = Ids(&st.id_prefix).details(tf, m);
    let overdue = m.is_overdue(p.as_of);
    let progress = m.progress();
    let schedule = m.schedule(p.as_of);

    let mut tags = el("p").class("tags").child(status_tag(m.status, lang));
    if overdue {
        tags = tags.text(" ").child(el("span").class("tag overdue").attr("part", "tag").text(s.overdue));
    }
    if m.sample {
        tags = tags.text(" ").child(el("span").class("tag sample").attr("part", "tag").text(s.sample_short));
    }
    if !st.print && st.updated.contains(&key) {
        tags = tags.text(" ").child(el("span").class("tag updated").attr("part", "badge updated").text(s.updated));
    }

    let mut figures = format!("{} {progress}%", s.progress);
    let mut meter = el("span")
        .class("meter")
        .attr("role", "progressbar")
        .attr("aria-label", format!("{}：{}", s.progress, m.title.get(lang)))
        .attr("aria-valuemin", "0")
        .attr("aria-valuemax", "100")
        .attr("aria-valuenow", progress.to_string())
        .child(el("span").class(format!("fill st-{}", m.status.key())).var("--v", format!("{progress}%")));
    if let Some(sch) = schedule {
        figures.push_str(&format!(" · {} {sch}%", s.schedule));
        meter = meter.child(el("span").class("mark").var("--v", format!("{sch}%")));
    }
    meter = meter.attr("aria-valuetext", figures.as_str());

    let due = match m.due {
        Some(d) => el("p")
            .class(if overdue { "due late" } else { "due" })
            .attr("part", if overdue { "overdue" } else { "muted" })
            .text(format!("{} ", s.due))
            .child(time(d, lang)),
        None => el("p").class("due").attr("part", "muted").text(s.no_due),
    };

    let report = match m.latest_report() {
        Some(r) => {
            let mut block = el("p")
                .class("report")
                .child(el("span").class("report-label").attr("part", "muted").text(format!("{} ", s.latest_report)))
                .child(time(r.date, lang))
                .text(colon(lang))
                .child(el("span").class("report-note").child(data(&r.note, lang)));
            if let Some(url) = &r.url {
                block = block.text(" ").child(link(url.as_str(), s.report_source));
            }
            block
        }
        None => el("p").class("report muted").attr("part", "muted").text(s.no_reports),
    };

    let (title_tag, sub_tag) = if level == 4 { ("h4", "h5") } else { ("h5", "h6") };
    let title = el(title_tag).class("m-title");
    let title = if st.print {
        title.child(data(&m.title, lang))
    } else {
        title.child(
            button("disclosure", "toggle")
                .attr("aria-expanded", if open { "true" } else { "false" })
                .attr("aria-controls", details_id.as_str())
                .attr("data-arg", key.as_str())
                .child(el("span").class("chevron").attr("aria-hidden", "true"))
                .child(data(&m.title, lang)),
        )
    };
    let mut details = el("div").class("details").attr_if(!st.print, "id", details_id);
    if open {
        details = measure_details(details, m, p, s, lang, sub_tag);
        if !st.print {
            let field = copy_field(st, s, &key);
            details = details.child(copy_button(s, m.title.get(lang), key)).children(field);
        }
    } else {
        details = details.attr("hidden", "");
    }

    el("li")
        .class(format!("measure st-{}", m.status.key()))
        .attr("id", measure_id(&st.id_prefix, tf.id.as_str(), m.id.as_str()))
        .child(title)
        .child(tags)
        .child(
            el("div")
                .class("progress")
                .child(meter)
                .child(el("span").class("figures").attr("part", "muted").text(figures)),
        )
        .child(due)
        .child(report)
        .child(details)
}

pub(crate) fn colon(lang: Lang) -> &'static str {
    if lang == Lang::En {
        ": "
    } else {
        "："
    }
}

/// Milestones as a short timeline, then every report, newest first.
fn measure_details(mut details: El, m: &Measure, p: &Programme, s: &Strings, lang: Lang, heading: &'static str) -> El {
    if !m.milestones.is_empty() {
        let mut ms: Vec<_> = m.milestones.iter().collect();
        ms.sort_by_key(|x| x.due);
        let items = ms.into_iter().map(|x| {
            let (class, label) = if x.done {
                ("ms done", s.ms_done)
            } else if x.due < p.as_of {
                ("ms late", s.ms_late)
            } else {
                ("ms pending", s.ms_pending)
            };
            el("li")
                .class(class)
                .child(el("span").class("ms-state").attr("part", "label").text(label))
                .text(" ")
                .child(time(x.due, lang))
                .text(colon(lang))
                .child(data(&x.title, lang))
        });
        details = details
            .child(el(heading).class("details-head").attr("part", "muted").text(s.milestones))
            .child(el("ol").class("milestones").children(items));
    }
    if m.reports.len() < 2 {
        // None, or the one already shown as the latest report.
        return details;
    }
    details = details.child(el(heading).class("details-head").attr("part", "muted").text(s.history));
    let items = m.reports.iter().map(|r| {
        let mut li = el("li").child(time(r.date, lang));
        if let Some(st) = r.status {
            li = li.text(" ").child(status_tag(st, lang));
        }
        if let Some(pr) = r.progress {
            li = li.text(format!(" {}%", pr.get()));
        }
        if r.sample {
            li = li.text(" ").child(el("span").class("tag sample").attr("part", "tag").text(s.sample_short));
        }
        li = li.child(el("span").class("note").child(data(&r.note, lang)));
        if let Some(url) = &r.url {
            li = li.text(" ").child(link(url.as_str(), s.report_source));
        }
        li
    });
    details.child(el("ol").class("history").children(items))
}

/// A status as text with its colour class.
fn status_tag(status: Status, lang: Lang) -> El {
    el("span").class(format!("tag st-{}", status.key())).attr("part", "tag").text(status_label(status, lang))
}

/// Why data could not be shown; the DOM layer fills in where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The server answered with a non-success HTTP status.
    Http(u16),
    /// No answer within the time limit (seconds).
    Timeout(u32),
    /// The request failed before any answer (offline, CORS, DNS…) or broke off.
    Network(String),
    /// The body was larger than the limit (bytes) and was not read.
    TooLarge(u32),
    /// The body is not UTF-8 text.
    NotUtf8,
    /// The body was not JSON; `html` when it looked like a web page.
    NotJson {
        /// The body starts like an HTML document.
        html: bool,
        /// The parser's message.
        detail: String,
    },
    /// The JSON did not pass validation.
    Invalid(Vec<Problem>),
}

impl LoadError {
    /// One sentence for the reader: what went wrong, where to look.
    pub fn describe(&self, lang: Lang) -> String {
        let zh = lang != Lang::En;
        match self {
            LoadError::Http(code) if zh => format!("服务器返回 HTTP {code} 错误"),
            LoadError::Http(code) => format!("the server answered HTTP {code}"),
            LoadError::Timeout(secs) if zh => format!("{secs} 秒内没有响应"),
            LoadError::Timeout(secs) => format!("no answer within {secs} seconds"),
            LoadError::TooLarge(limit) if zh => format!("文件超过 {} MB 上限，未读取", limit >> 20),
            LoadError::TooLarge(limit) => {
                format!("the file is larger than the {} MB limit and was not read", limit >> 20)
            }
            LoadError::NotUtf8 if zh => "文件不是 UTF-8 编码（not UTF-8），请另存为 UTF-8".into(),
            LoadError::NotUtf8 => "the file is not UTF-8 text; save it as UTF-8 (JSON files must be UTF-8)".into(),
            LoadError::Network(d) if zh => format!("网络错误（{d}）"),
            LoadError::Network(d) => format!("network error ({d})"),
            LoadError::NotJson { html: true, .. } if zh => "收到的是网页（HTML），不是 JSON 数据文件".into(),
            LoadError::NotJson { html: true, .. } => "received a web page (HTML), expected a JSON data file".into(),
            LoadError::NotJson { detail, .. } if zh => format!("不是有效的 JSON：{detail}"),
            LoadError::NotJson { detail, .. } => format!("not valid JSON: {detail}"),
            LoadError::Invalid(problems) => {
                let mut out = if zh { "数据有误：" } else { "invalid data: " }.to_string();
                if let Some(first) = problems.first() {
                    out.push_str(&first.text());
                }
                if problems.len() > 1 {
                    let more = problems.len() - 1;
                    out.push_str(&if zh {
                        format!("（另有 {more} 处问题）")
                    } else {
                        format!(" (and {more} more)")
                    });
                }
                out
            }
        }
    }
}

/// The message shown in place of the tracker when data cannot be shown.
/// `source` names the file (a URL, or "inline JSON").
pub fn error_view(err: &LoadError, source: &str, lang: Lang) -> Node {
    let s = strings(lang);
    el("div")
        .class("tft tft-error")
        .attr("part", "root error")
        .attr("lang", lang.tag())
        .attr("role", "alert")
        .child(el("p").class("err-title").child(el("strong").text(s.load_failed)))
        .child(el("p").class("err-detail").child(el("code").text(source)).text(format!(" — {}", err.describe(lang))))
        .child(el("p").class("err-help").text(s.what_to_do))
        .into()
}

/// What readers see when data cannot be shown and no earlier data is: a
/// short notice in their language above the page's own fallback (the
/// element's children, through a slot: the pasted snapshot, if any). The
/// detail goes to the console and `tft-error`, and shows with `preview`.
pub fn unavailable_view(has_fallback: bool, lang: Lang) -> Vec<Node> {
    let s = strings(lang);
    let text = if has_fallback { s.not_updated } else { s.unavailable };
    vec![
        el("p").class("stale unavailable").attr("part", "notice").attr("lang", lang.tag()).text(text).into(),
        el("slot").into(),
    ]
}

/// The readers' notice above data still shown after a later load failed.
pub fn stale_reader_notice(as_of: crate::model::date::Date, lang: Lang) -> Node {
    let s = strings(lang);
    let (open, close) = if lang == Lang::En { (" (", ")") } else { ("（", "）") };
    el("p")
        .class("stale")
        .attr("part", "notice")
        .attr("lang", lang.tag())
        .text(format!("{} {}{open}{}{close}", s.showing_as_of, format_date(as_of, lang), s.update_pending))
        .into()
}

/// The editors' notice (with `preview`) above data that is still shown
/// after a later load failed: which file, and what is wrong with it.
pub fn stale_notice(err: &LoadError, source: &str, as_of: crate::model::date::Date, lang: Lang) -> Node {
    let s = strings(lang);
    el("p")
        .class("stale")
        .attr("part", "notice")
        .attr("lang", lang.tag())
        .text(format!("{} {} · ", s.showing_as_of, format_date(as_of, lang)))
        .text(format!("{} ", s.update_failed))
        .child(el("code").text(source))
        .text(format!(" — {}", err.describe(lang)))
        .into()
}

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
