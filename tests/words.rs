//! Every kind of problem, every interface string and every sentence the
//! staff tools say, in every language: none is empty, none in Chinese holds
//! an English sentence, none in Traditional Chinese holds a Simplified
//! character. Each kind comes from an exhaustive `match` over the kinds'
//! discriminants, so a new kind fails to compile here until it has an
//! example, and then fails here until it has its words.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;
use strum::IntoEnumIterator;
use task_force_tracker::model::date::Date;
use task_force_tracker::model::diff::{Change, Place as DiffPlace};
use task_force_tracker::model::format::{measure, programme, Ty, MEASURE};
use task_force_tracker::model::problem::{
    Context, Found, IdFault, IdHint, Kind, KindDiscriminants, LoadError, LoadErrorDiscriminants, Named, Path, Problem,
    Scope, Seg, Syntax, ValueFault,
};
use task_force_tracker::model::text::{Lang, Text};
use task_force_tracker::model::{Status, Tally};
use task_force_tracker::sheet::{
    self, Column, Contribution, Counts, DateFault, KindDiscriminants as SheetKinds, Normalised, Place, Setting, Spot,
    Within,
};
use task_force_tracker::view::poster::{self, Sheet};
use task_force_tracker::words::{self, tft};

fn date(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// Every way something can be found instead of what was expected.
fn founds() -> Vec<Found> {
    vec![
        Found::Null,
        Found::Bool(true),
        Found::Number("12.5".into()),
        Found::Str("finished".into()),
        Found::Str(String::new()),
        Found::LongStr(3500),
        Found::Array(3),
        Found::Object,
    ]
}

/// One example of each kind, and more where a kind has several shapes.
fn kinds() -> Vec<Kind> {
    let mut out = Vec::new();
    for d in KindDiscriminants::iter() {
        match d {
            KindDiscriminants::Syntax => out.extend(Syntax::iter().map(Kind::Syntax)),
            KindDiscriminants::Missing => out.push(Kind::Missing { field: &programme::AS_OF }),
            KindDiscriminants::WrongType => {
                let tys = [
                    Ty::Text(300),
                    Ty::Date,
                    Ty::Id,
                    Ty::Link,
                    Ty::Percent,
                    Ty::Status,
                    Ty::Bool,
                    Ty::Str,
                    Ty::Object(&MEASURE),
                    Ty::TextList(200, 300),
                    Ty::List(&MEASURE, 5000),
                ];
                for (expected, found) in tys.into_iter().zip(founds().into_iter().cycle()) {
                    out.push(Kind::WrongType { expected, found });
                }
            }
            KindDiscriminants::TooLong => out.push(Kind::TooLong { length: 301, max: 300 }),
            KindDiscriminants::TooMany => out.push(Kind::TooMany { count: 201, max: 200 }),
            KindDiscriminants::TooManyMeasures => out.push(Kind::TooManyMeasures { count: 20_001, max: 20_000 }),
            KindDiscriminants::NoTaskForces => out.push(Kind::NoTaskForces),
            KindDiscriminants::UnknownLanguage => out.push(Kind::UnknownLanguage { key: "fr".into() }),
            KindDiscriminants::BadId => out.extend([
                Kind::BadId(IdFault::Char { position: 3, length: 7, ch: 'о', hint: None }),
                Kind::BadId(IdFault::Char { position: 1, length: 7, ch: 'T', hint: Some(IdHint::Lowercase) }),
                Kind::BadId(IdFault::Char { position: 1, length: 3, ch: '-', hint: Some(IdHint::Start) }),
                Kind::BadId(IdFault::Empty),
                Kind::BadId(IdFault::TooLong { length: 65 }),
            ]),
            KindDiscriminants::BadStatus => out.extend([
                Kind::BadStatus { found: Found::Str("按时推进".into()), nearest: Some("按序时推进") },
                Kind::BadStatus { found: Found::Str("finished".into()), nearest: None },
            ]),
            KindDiscriminants::DuplicateId => {
                let first = Path::root().then(Seg::Field(&programme::TASK_FORCES)).then(Seg::Index(0));
                out.extend([Scope::TaskForces, Scope::Measures].map(|scope| Kind::DuplicateId {
                    id: "industry".into(),
                    scope,
                    first: first.clone(),
                }))
            }
            KindDiscriminants::DuplicateMember => out.push(Kind::DuplicateMember { name: "title".into() }),
            KindDiscriminants::UnknownField => out.push(Kind::UnknownField { name: "colour".into(), table: &MEASURE }),
            KindDiscriminants::CompletedBelowFull => out.push(Kind::CompletedBelowFull { progress: 80 }),
            KindDiscriminants::DueBeforeStart => {
                out.push(Kind::DueBeforeStart { due: date("2020-01-01"), start: date("2020-02-01") })
            }
            KindDiscriminants::ReportAfterAsOf => {
                out.push(Kind::ReportAfterAsOf { date: date("2020-07-01"), as_of: date("2020-06-30") })
            }
            KindDiscriminants::RepeatedTitle => out.push(Kind::RepeatedTitle { title: "改厕".into() }),
        }
    }
    out
}

fn problems() -> Vec<Problem> {
    let path = Path::root()
        .then(Seg::Field(&programme::TASK_FORCES))
        .then(Seg::Index(2))
        .then(Seg::Key("measures".into()))
        .then(Seg::Index(1))
        .then(Seg::Field(&measure::DUE));
    let context = Context {
        task_force: Named { id: Some("culture".into()), name: Some("文化".into()) },
        measure: Some(Named { id: Some("four-virtues".into()), name: Some("四德".into()) }),
    };
    kinds()
        .into_iter()
        .map(|kind| Problem { kind, path: path.clone(), line: 25, col: 18, at: 0, context: Some(context.clone()) })
        .collect()
}

fn load_errors() -> Vec<LoadError> {
    let syntax = Problem { line: 1, col: 9, ..Problem::new(Kind::Syntax(Syntax::EndInString), Path::root(), 9) };
    let html = Problem::new(Kind::Syntax(Syntax::Html), Path::root(), 0);
    let mut out = Vec::new();
    for d in LoadErrorDiscriminants::iter() {
        match d {
            LoadErrorDiscriminants::Http => out.push(LoadError::Http(404)),
            LoadErrorDiscriminants::Timeout => out.push(LoadError::Timeout(10)),
            LoadErrorDiscriminants::Network => out.push(LoadError::Network("Failed to fetch".into())),
            LoadErrorDiscriminants::NoResponse => out.push(LoadError::NoResponse),
            LoadErrorDiscriminants::TooLarge => out.push(LoadError::TooLarge(12 << 20)),
            LoadErrorDiscriminants::NotUtf8 => out.push(LoadError::NotUtf8),
            LoadErrorDiscriminants::NotJson => {
                out.extend([LoadError::NotJson(Box::new(syntax.clone())), LoadError::NotJson(Box::new(html.clone()))])
            }
            LoadErrorDiscriminants::NotJsonValue => out.extend([
                LoadError::NotJsonValue(ValueFault::TooDeep { path: "self.self".into(), max: 64 }),
                LoadError::NotJsonValue(ValueFault::NotJson { path: "taskForces[0].x".into() }),
                LoadError::NotJsonValue(ValueFault::Threw("Error: no".into())),
            ]),
            LoadErrorDiscriminants::Invalid => out.push(LoadError::Invalid(problems())),
        }
    }
    out
}

fn sheet_kinds() -> Vec<sheet::Kind> {
    use sheet::Kind as K;
    let mut out = Vec::new();
    for d in SheetKinds::iter() {
        match d {
            SheetKinds::Data => out.extend(kinds().into_iter().map(K::Data)),
            SheetKinds::EmptyFile => out.push(K::EmptyFile),
            SheetKinds::ReadersTable => out.push(K::ReadersTable),
            SheetKinds::NotCsv => out.push(K::NotCsv("CSV error: record 3".into())),
            SheetKinds::UnclosedQuote => out.push(K::UnclosedQuote),
            SheetKinds::BadEncoding => out.push(K::BadEncoding),
            SheetKinds::UnknownColumn => out.push(K::UnknownColumn { header: "colour".into() }),
            SheetKinds::MissingColumn => out.push(K::MissingColumn),
            SheetKinds::BadRowType => out.push(K::BadRowType { found: "note".into() }),
            SheetKinds::EmptyId => out.push(K::EmptyId),
            SheetKinds::NoTaskForceAbove => out.push(K::NoTaskForceAbove { id: "eco".into() }),
            SheetKinds::NoMeasureAbove => out.push(K::NoMeasureAbove { id: "toilets".into() }),
            SheetKinds::DuplicateMeasure => {
                for first in spots() {
                    out.push(K::DuplicateMeasure { id: "toilets".into(), task_force: "eco".into(), first })
                }
            }
            SheetKinds::DuplicateTaskForce => {
                out.extend(spots().into_iter().map(|first| K::DuplicateTaskForce { id: "eco".into(), first }))
            }
            SheetKinds::NotWorkbook => out.push(K::NotWorkbook("invalid Zip archive".into())),
            SheetKinds::NoDataSheet => out.push(K::NoDataSheet),
            SheetKinds::ChineseRequired => out.push(K::ChineseRequired { filled: Column::TitleEn }),
            SheetKinds::MilestoneStatus => out.push(K::MilestoneStatus { found: "done".into() }),
            SheetKinds::ReportOnMeasureRow => out.push(K::ReportOnMeasureRow),
            SheetKinds::MilestoneNeedsDue => out.push(K::MilestoneNeedsDue),
            SheetKinds::ReportNeedsDate => out.push(K::ReportNeedsDate),
            SheetKinds::BadDate => out.extend([
                K::BadDate(DateFault::Unreadable { cell: "soon".into() }),
                K::BadDate(DateFault::Ambiguous {
                    cell: "6/7/2024".into(),
                    month_first: date("2024-06-07"),
                    day_first: date("2024-07-06"),
                }),
            ]),
        }
    }
    out
}

/// A header as a workbook writes it: the file's own text, which the words
/// show as it is (taken out before looking for English in Chinese).
const LABELLED: &str = "Deadline (due)";

/// A CSV file's rows, and a workbook's sheet with labelled headers.
fn withins() -> Vec<Rc<Within>> {
    let labelled = Within {
        file: Some("a.xlsx".into()),
        sheet: Some("Sheet1".into()),
        headers: vec![(Column::Due, LABELLED.into())],
    };
    vec![Rc::new(Within::default()), Rc::new(labelled)]
}

fn spots() -> Vec<Spot> {
    withins().into_iter().map(|within| Spot { within, row: 2 }).collect()
}

fn places() -> Vec<Place> {
    let mut out = vec![Place::File];
    for within in withins() {
        out.push(Place::Whole(within.clone()));
        out.push(Place::Cell { within: within.clone(), row: 3, column: None });
        out.extend(Column::ALL.map(|c| Place::Cell { within: within.clone(), row: 3, column: Some(c) }));
    }
    out.extend(Setting::ALL.map(Place::Setting));
    out
}

fn changes() -> Vec<Change> {
    let place = DiffPlace {
        task_force: "eco".into(),
        task_force_name: Text::of(&[(Lang::ZhHans, "生态振兴"), (Lang::ZhHant, "生態振興"), (Lang::En, "Ecology")]),
        measure: Some(("toilets".into(), Text::plain("工程"))),
    };
    let note = Text::plain("工程");
    let p = || place.clone();
    vec![
        Change::TaskForceAdded(p()),
        Change::TaskForceRemoved(p()),
        Change::MeasureAdded(p(), Status::NotStarted),
        Change::MeasureRemoved(p()),
        Change::Status(p(), Status::NotStarted, Status::Blocked),
        Change::Progress(p(), 30, 45),
        Change::Report(p(), date("2020-06-28"), note.clone()),
        Change::MilestoneReached(p(), note, date("2020-06-15")),
        Change::DeadlineMoved(p(), Some(date("2020-11-30")), None),
        Change::NewlyOverdue(p(), date("2020-06-15")),
    ]
}

/// A programme to caption: two task forces named in each language, one
/// measure done and one due on `due` (overdue when that is past).
fn captioned(sample: bool, due: &str) -> task_force_tracker::model::Programme {
    let name = |hans: &str, hant: &str, en: &str| format!(r#"{{"zh-Hans":"{hans}","zh-Hant":"{hant}","en":"{en}"}}"#);
    let json = format!(
        r#"{{"title":"计划","asOf":"2024-06-30","sample":{sample},"taskForces":[
            {{"id":"a","name":{},"measures":[{{"id":"m","title":"措施","status":"completed"}},{{"id":"n","title":"措施","status":"behind","due":"{due}"}}]}},
            {{"id":"b","name":{},"measures":[{{"id":"m","title":"措施","status":"blocked"}}]}}]}}"#,
        name("产业振兴", "產業振興", "Industry"),
        name("生态振兴", "生態振興", "Ecology")
    );
    task_force_tracker::model::parse(&json).expect("valid").programme
}

/// Everything each language says, with what it was said of.
fn everything(lang: Lang) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut say = |what: String, text: String| out.push((what, text));
    let ui = serde_json::to_value(words::ui(lang)).unwrap();
    for (k, v) in ui.as_object().unwrap() {
        match v {
            serde_json::Value::String(s) => say(format!("ui.{k}"), s.clone()),
            serde_json::Value::Array(parts) => parts.iter().for_each(|p| say(format!("ui.{k}"), p.to_string())),
            other => panic!("ui.{k}: {other}"),
        }
    }
    let desk = serde_json::to_value(words::desk(lang)).unwrap();
    for (k, v) in desk.as_object().unwrap() {
        say(format!("desk.{k}"), v.as_str().unwrap().to_string());
    }
    for p in problems() {
        say(format!("{:?}", p.kind), words::problem(lang, &p));
    }
    for e in load_errors() {
        say(format!("{e:?}"), words::load_error(lang, &e));
    }
    for k in sheet_kinds() {
        say(format!("{k:?}"), words::sheet_message(lang, &k));
    }
    for place in places() {
        say(format!("{place:?}"), words::place(lang, &place));
    }
    for c in changes() {
        say(format!("{c:?}"), words::diff::change(lang, &c, "工程"));
    }
    for c in Column::ALL {
        say(format!("column {c:?}"), words::column(lang, c).into());
    }
    for within in withins() {
        let c = Contribution { within, task_forces: 1, measures: 2, milestones: 0, reports: 3 };
        say(format!("{c:?}"), words::contribution(lang, &c));
    }
    let book = words::book(lang).text;
    say("book".into(), book.instructions.into());
    book.help.iter().for_each(|l| say("book help".into(), l.to_string()));
    for t in [book.settings_head, book.status_error, book.progress_error, book.date_error] {
        t.iter().for_each(|l| say("book".into(), l.to_string()));
    }
    say("book sheet".into(), book.blank_sheet.into());
    say("wrote".into(), tft::wrote(lang, "out.xlsx"));
    let poster = words::poster(lang);
    for t in [poster.kicker, poster.by_task_force, poster.overview] {
        say("poster".into(), t.into());
    }
    for (sample, overdue_due) in [(false, "2030-01-01"), (true, "2020-01-01")] {
        let p = captioned(sample, overdue_due);
        for n in 0..=p.task_forces.len() {
            let sheet = if n == 0 { Sheet::Overview } else { Sheet::TaskForce(n - 1) };
            say(format!("caption {n} sample {sample}"), poster::caption(&p, lang, sheet));
        }
        say(format!("measures total {sample}"), words::measures_total(lang, u32::from(sample)));
    }
    say("no task force".into(), tft::no_task_force(lang, "ecolgy", &["industry", "ecology"]));
    let tally = Tally::default();
    say("diff heading".into(), words::diff::heading(lang, date("2020-06-30"), date("2020-05-31")));
    say("diff totals".into(), words::diff::totals(lang, &tally, &tally));
    say("diff nothing".into(), words::diff::nothing(lang).into());
    for n in [0, 1, 2] {
        say(format!("showing {n}"), words::showing(lang, n, 23));
        say(format!("show more {n}"), words::show_more(lang, n));
        say(format!("matching {n}"), words::matching(lang, n));
        say(format!("overdue {n}"), words::overdue_count(lang, n));
        say(format!("elsewhere {n}"), words::elsewhere(lang, n));
        say(format!("updated {n}"), words::updated_count(lang, n));
        say(format!("problems {n}"), words::desk_verdict(lang, None, n));
        say(format!("nothing written {n}"), tft::nothing_written(lang, n));
        say(format!("valid {n}"), tft::valid(lang, n, n, n));
        say(format!("refused {n}"), tft::refused(lang, n, n));
        let note = Normalised { column: Column::Due, count: n.max(1), first: "2024年6月30日".into() };
        say(format!("normalised {n}"), words::normalised(lang, &note));
        let counts = Counts { task_forces: n, measures: n, completed: n, overdue: n, reports: n, milestones: n };
        say(format!("counts {n}"), words::counts(lang, &counts));
        say(format!("imported {n}"), tft::imported(lang, &counts, Some("out.json")));
        say(format!("imported {n} stdout"), tft::imported(lang, &counts, None));
    }
    say("no problems".into(), words::desk_verdict(lang, Some("…"), 0));
    say("date".into(), words::format_date(date("2020-04-17"), lang));
    say("month".into(), words::format_month(date("2020-04-17"), lang));
    say("quoted".into(), words::quoted("德州召开乡村振兴五大专班专题会议", lang));
    say(
        "timeline".into(),
        words::timeline_summary(lang, "文化", 6, "2020年1月1日", "2020年12月31日", "2020年4月17日", 2),
    );
    say("not json".into(), tft::not_json(lang).into());
    say("html".into(), tft::html_page(lang).into());
    say("as-of".into(), tft::as_of_flag(lang, "2024/06/30", Some("2024-06-30")));
    say("as-of bad".into(), tft::as_of_flag(lang, "soon", None));
    say("not a programme".into(), tft::not_a_programme(lang, "x.json"));
    say("not utf-8".into(), tft::not_utf8(lang).into());
    let line = Problem::new(Kind::NoTaskForces, Path::root(), 0);
    say("line".into(), tft::line(lang, true, &line));
    say("warning line".into(), tft::line(lang, false, &line));
    for status in Status::ALL {
        say(format!("{status:?}"), words::status_label(status, lang).into());
    }
    out
}

/// `text` with what it quotes taken out: data values, field names, commands.
fn unquoted(text: &str) -> String {
    let mut out = String::new();
    let mut close: Option<char> = None;
    for c in text.chars() {
        match close {
            Some(end) if c == end => close = None,
            Some(_) => {}
            None => match c {
                '“' => close = Some('”'),
                '「' => close = Some('」'),
                '`' => close = Some('`'),
                '"' => close = Some('"'),
                '《' => close = Some('》'),
                c => out.push(c),
            },
        }
    }
    out
}

/// Two English words in a row, outside quotes: an English sentence.
fn english_sentence(text: &str) -> Option<String> {
    let rest = unquoted(text);
    let words: Vec<&str> = rest.split(|c: char| !(c.is_ascii_alphanumeric() || "-_'./:".contains(c))).collect();
    let wordy = |w: &str| w.chars().filter(char::is_ascii_alphabetic).count() >= 2;
    // Adjacent only when separated by ASCII space or punctuation, not by Chinese.
    let mut at = 0;
    let mut last: Option<(usize, &str)> = None;
    for w in words {
        let start = rest[at..].find(w).map_or(at, |i| at + i);
        at = start + w.len();
        if !wordy(w) {
            continue;
        }
        if let Some((end, prev)) = last {
            let between = &rest[end..start];
            if between.chars().all(|c| c.is_ascii() && !c.is_ascii_alphanumeric()) && !between.is_empty() {
                return Some(format!("{prev}{between}{w}"));
            }
        }
        last = Some((at, w));
    }
    None
}

#[test]
fn every_kind_has_words_in_every_language() {
    for lang in Lang::ALL {
        let all = everything(lang);
        assert!(all.len() > 300, "{lang:?}: {} sentences", all.len());
        for (what, text) in &all {
            let place = what.starts_with("File");
            assert!(place || !text.trim().is_empty(), "{lang:?} {what}: empty");
        }
    }
}

#[test]
fn chinese_words_hold_no_english_sentence() {
    for lang in [Lang::ZhHans, Lang::ZhHant] {
        for (what, text) in everything(lang) {
            // The sample badge and the desk's title name themselves in both
            // languages on purpose.
            if what == "ui.sample_badge" || what == "desk.otherTitle" {
                continue;
            }
            if let Some(found) = english_sentence(&text.replace(LABELLED, "")) {
                panic!("{lang:?} {what}: English \"{found}\" in {text}");
            }
        }
    }
    // The check itself catches what it is for.
    assert!(english_sentence("数据有误：taskForces[0].x: expected a whole number").is_some());
    assert!(english_sentence("应为“CSV UTF-8”，或 zh-Hans、zh-Hant 或 en，true 或 false，HTTP 404").is_none());
}

#[test]
fn traditional_words_hold_no_simplified_character() {
    let list = include_str!("data/simplified-only.txt");
    let simplified: std::collections::HashSet<char> =
        list.lines().filter(|l| !l.starts_with('#')).flat_map(str::chars).collect();
    assert!(simplified.len() > 3000 && simplified.contains(&'数') && !simplified.contains(&'數'));
    for (what, text) in everything(Lang::ZhHant) {
        // The badge's other half, and data values quoted in examples, are Simplified on purpose.
        let own = if what == "ui.sample_badge" { String::new() } else { unquoted(&text) };
        let found: String = own.chars().filter(|c| simplified.contains(c)).collect();
        assert!(found.is_empty(), "zh-Hant {what}: Simplified \"{found}\" in {text}");
    }
}

#[test]
fn english_is_the_words_the_tools_and_tests_have_always_used() {
    let p = &problems()[0];
    assert_eq!(
        words::problem(Lang::En, p),
        "taskForces[2].measures[1].due (line 25, column 18): unexpected end of file, expected a value (in task force \"culture\" 文化, measure \"four-virtues\" 四德)"
    );
    let wrong = Kind::WrongType { expected: Ty::Percent, found: Found::Str("abc".into()) };
    assert_eq!(words::message(Lang::En, &wrong), "expected a whole number from 0 to 100, found the string \"abc\"");
    assert_eq!(words::message(Lang::ZhHans, &wrong), "应为0 到 100 的整数，实际是文字“abc”");
    assert_eq!(words::message(Lang::ZhHant, &wrong), "應為0 到 100 的整數，實際是文字「abc」");
}
