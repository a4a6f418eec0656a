//! Any bytes through everything that reads data: the JSON reader, the
//! decoder and validator, the view (HTML), the CSV export and the CSV reader.
//! Nothing may panic, however malformed the input.
#![no_main]
use libfuzzer_sys::fuzz_target;
use task_force_tracker::{csv_import, export, model, state::State, text::Lang, view};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = csv_import::parse_csv(text);
    let (result, _warnings) = model::check(text);
    let Ok(p) = result else { return };
    for (i, lang) in [Lang::ZhHans, Lang::En].into_iter().enumerate() {
        let st = State { selected: i, lang, ..State::default() };
        let _ = view::view(&p, &st).to_html();
        let _ = view::view(&p, &State { print: true, ..st }).to_html();
        let _ = export::to_csv(&p, lang);
    }
});
