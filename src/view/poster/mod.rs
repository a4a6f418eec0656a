//! The poster: a programme as a standalone SVG image, for where scripts
//! cannot run (a WeChat article takes images; a printed page, a graphic).
//! The overview shows the programme's figures and one row per task force;
//! a task force's poster, its focus, leader and every measure. 750 px wide
//! (a phone article's image width), as tall as it needs; text is text, in
//! the fonts Chinese systems have; every status is written as a word, so
//! the poster reads in greyscale print. Built from the same model and
//! words as the widget, as a tree of [`Node`]s, and written as XML.
//! [`caption`] says the same figures in a sentence, the image's alt text.

use crate::model::summary::Summary;
use crate::model::text::Lang;
use crate::model::Programme;
use crate::tree::{el, Node};
use crate::words;
use draw::{rect, WIDTH};

mod blocks;
mod draw;
mod lines;
mod overview;
mod task_force;

/// Which poster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sheet {
    /// The whole programme.
    Overview,
    /// The task force at this index.
    TaskForce(usize),
}

impl Sheet {
    /// The poster of the task force `id`, if the programme has one.
    pub fn task_force(p: &Programme, id: &str) -> Option<Sheet> {
        p.position(id).map(Sheet::TaskForce)
    }
}

/// The fonts a poster asks for: the common Chinese system fonts of each
/// platform (Apple, Windows, Android and Linux), then any sans-serif.
pub fn fonts(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhHans => "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Source Han Sans SC', 'Noto Sans CJK SC', 'Noto Sans SC', 'WenQuanYi Micro Hei', sans-serif",
        Lang::ZhHant => "'PingFang TC', 'Microsoft JhengHei', 'Source Han Sans TC', 'Noto Sans CJK TC', 'Noto Sans TC', sans-serif",
        Lang::En => "'Helvetica Neue', Arial, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif",
    }
}

/// The poster as a tree: an `<svg>` with its caption as its `<title>`.
pub fn poster(p: &Programme, lang: Lang, sheet: Sheet) -> Node {
    let board = match sheet {
        Sheet::TaskForce(i) if i < p.task_forces.len() => task_force::draw(p, &p.task_forces[i], lang),
        _ => overview::draw(p, lang),
    };
    let height = (board.y + 40.0).round();
    let h = height.to_string();
    el("svg")
        .attr("xmlns", "http://www.w3.org/2000/svg")
        .attr("width", WIDTH.to_string())
        .attr("height", h.clone())
        .attr("viewBox", format!("0 0 {WIDTH} {h}"))
        .attr("role", "img")
        .attr("aria-labelledby", "caption")
        .attr("xml:lang", lang.tag())
        .attr("font-family", fonts(lang))
        .child(el("title").attr("id", "caption").text(caption(p, lang, sheet)))
        .child(draw::patterns())
        .child(rect(0.0, 0.0, WIDTH, height, "#ffffff"))
        .children(board.into_nodes())
        .into()
}

/// The poster as a standalone SVG file.
pub fn svg(p: &Programme, lang: Lang, sheet: Sheet) -> String {
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}\n", poster(p, lang, sheet).to_html())
}

/// The poster's caption: its figures in a sentence, from the same
/// [`Summary`] as the widget's `summary`.
pub fn caption(p: &Programme, lang: Lang, sheet: Sheet) -> String {
    let summary = Summary::of(p, lang, "");
    let task_force = match sheet {
        Sheet::TaskForce(i) => summary.task_forces.get(i),
        Sheet::Overview => None,
    };
    words::caption(lang, &summary, task_force)
}

#[cfg(test)]
mod tests {
    use super::draw::{fill, LEFT, RIGHT};
    use super::lines::width;
    use super::*;
    use crate::model::Status;

    /// Long names, titles and notes, in Chinese and in English.
    fn wordy() -> Programme {
        let zh = "德州市全面推进乡村振兴五大专班重点工作任务（二〇二四年度）进展情况，含《实施方案》所列全部措施";
        let en = "Comprehensively advancing the key tasks of rural revitalisation, including every measure listed in the implementation plan";
        let text = format!(r#"{{"zh-Hans":"{zh}","en":"{en}"}}"#);
        let ms: Vec<String> = (0..12)
            .map(|m| {
                let status = Status::ALL[m % 6].key();
                format!(r#"{{"id":"m{m}","title":{text},"status":"{status}","due":"2024-0{}-01"}}"#, 1 + m % 9)
            })
            .collect();
        let json = format!(
            r#"{{"title":{text},"asOf":"2024-06-30","sample":true,"source":{{"title":{text},"publisher":{text},"date":"2024-01-01"}},"taskForces":[{{"id":"a","name":{text},"focus":{text},"leader":{text},"measures":[{}]}},{{"id":"b","name":"{}","measures":[]}}]}}"#,
            ms.join(","),
            "x".repeat(200)
        );
        crate::model::parse(&json).expect("valid").programme
    }

    #[test]
    fn every_line_stays_inside_the_margins() {
        let programmes = [wordy(), crate::model::parse(crate::default_programme_json()).unwrap().programme];
        for p in &programmes {
            for lang in Lang::ALL {
                for sheet in [Sheet::Overview, Sheet::TaskForce(0), Sheet::TaskForce(1)] {
                    let tree = poster(p, lang, sheet);
                    let root = tree.element().unwrap();
                    for e in root.children.iter().filter_map(|n| n.element()).filter(|e| e.tag == "text") {
                        let num = |k| e.get_attr(k).unwrap().parse::<f32>().unwrap();
                        let w = width(&Node::Element(Box::new(e.clone())).text_content(), num("font-size"));
                        let (from, to) = match e.get_attr("text-anchor") {
                            Some("end") => (num("x") - w, num("x")),
                            _ => (num("x"), num("x") + w),
                        };
                        assert!(from >= LEFT - 0.5 && to <= RIGHT + 0.5, "{lang:?} {sheet:?}: {from}–{to} {e:?}");
                    }
                }
            }
        }
    }

    /// The grey a colour prints as (ITU-R BT.601 luma).
    fn grey(hex: &str) -> Option<i32> {
        let v = i32::from_str_radix(hex.strip_prefix('#')?, 16).ok()?;
        Some(((v >> 16) * 299 + ((v >> 8) & 255) * 587 + (v & 255) * 114) / 1000)
    }

    #[test]
    fn every_status_prints_apart_in_greyscale() {
        for (i, a) in Status::ALL.iter().enumerate() {
            for b in &Status::ALL[i + 1..] {
                let (fa, fb) = (fill(*a), fill(*b));
                let apart = match (grey(fa), grey(fb)) {
                    // Two plain fills: far enough apart in grey.
                    (Some(x), Some(y)) => (x - y).abs() >= 40,
                    // A pattern and a plain fill, or two different patterns.
                    _ => fa != fb,
                };
                assert!(apart, "{a:?} ({fa}) and {b:?} ({fb}) print alike");
            }
        }
    }
}
