//! Any bytes through everything that reads data: the JSON reader (whole and
//! in slices), the decoder and validator, the view (HTML), the controller
//! with its diff, the CSV export and the CSV reader. Nothing may panic,
//! however malformed the input, and a load in slices must end exactly as a
//! load in one go.
#![no_main]
use libfuzzer_sys::fuzz_target;
use task_force_tracker::controller::Controller;
use task_force_tracker::{tool::csv_import, view::export, model, view::state::State, model::text::Lang, view};

fuzz_target!(|data: &[u8]| {
    let Some((&budget, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let _ = csv_import::parse_csv(text);
    let (result, warnings) = model::check(text);

    // The same file in slices of 1-256 bytes.
    let mut loader = model::Loader::new(text.to_string());
    let sliced = loop {
        if let Some(done) = loader.step(usize::from(budget) + 1) {
            break done;
        }
    };
    assert_eq!(format!("{:?}", sliced.1), format!("{warnings:?}"));
    assert_eq!(sliced.0.is_ok(), result.is_ok());
    assert_eq!(loader.version(), export::content_hash(text));

    // The controller: load, then input that depends on what loaded.
    let mut c = Controller::new("f", Some("a".into()));
    c.set_lang(Some("en"), None);
    let mut ops = c.load(text.to_string(), "fuzz.json", "#f-a/b");
    while ops.ends_with(task_force_tracker::dom::patch::op::CONTINUE) {
        ops = c.step();
    }
    c.step();
    for (kind, act, arg, value) in [
        ("click", "tab", "1", ""),
        ("keydown", "tab", "1", "End"),
        ("input", "query", "", "a"),
        ("change", "scope", "", "all"),
        ("click", "more", "", ""),
        ("popstate", "", "", "#f-b/c"),
        ("beforeprint", "", "", ""),
    ] {
        c.event(kind, act, arg, value);
    }
    c.fail("http", "500", "fuzz.json");
    let _ = c.export_body("csv");

    let Ok(p) = result else { return };
    for (i, lang) in [Lang::ZhHans, Lang::En].into_iter().enumerate() {
        let st = State { selected: i, lang, ..State::default() };
        let _ = view::view(&p, &st).to_html();
        let _ = view::view(&p, &State { print: true, ..st }).to_html();
        let _ = export::to_csv(&p, lang);
    }
});
