//! `tft`: the programme-data tool for staff and editors, built from the same
//! model, validation and view code as the widget, so the two never disagree.
//!
//! ```text
//! tft validate FILE...                         check data files, report every problem
//! tft import FILE.xlsx|FILE.csv...             workbooks and sheets → programme JSON
//! tft export FILE.json -o OUT.xlsx             programme → the workbook to fill in
//! tft template -o OUT.xlsx                     the blank workbook
//! tft import-csv FILE.csv --title T --as-of D  spreadsheet export → programme JSON
//! tft render-html FILE [--lang L] [--page]     static HTML snapshot of a programme
//! tft render-svg FILE [--task-force ID]        the long image for WeChat and print
//! tft schema                                   the JSON Schema of the data format
//! ```
//!
//! Exit codes: 0 success; 1 the data has errors; 2 the command line is wrong;
//! 3 a file could not be read or written.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run());
}

#[cfg(not(target_arch = "wasm32"))]
mod args;

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use crate::args::{Cli, Command};
    use clap::Parser;
    use std::fs;
    use task_force_tracker::model::format;
    use task_force_tracker::model::json::Lines;
    use task_force_tracker::model::problem::{Kind, Syntax};
    use task_force_tracker::model::text::Lang;
    use task_force_tracker::model::{self, ParseError, Problem};
    use task_force_tracker::sheet::{self, Counts};
    use task_force_tracker::tool::import::SettingFlags;
    use task_force_tracker::tool::{self, csv_import, csv_import::Encoding, csv_import::ImportOptions};
    use task_force_tracker::view;
    use task_force_tracker::view::poster::{self, Sheet};
    use task_force_tracker::view::state::State;
    use task_force_tracker::words::{self, tft as say};

    pub fn run() -> i32 {
        let cli = match Cli::try_parse() {
            Ok(cli) => cli,
            Err(e) => {
                let _ = e.print();
                return if e.use_stderr() { 2 } else { 0 };
            }
        };
        match cli.command {
            Command::Validate { files, lang } => validate(&files, language(lang.as_deref())),
            Command::ImportCsv { file, opts, out, lang } => {
                import_csv(&file, &opts, out.as_deref(), language(lang.as_deref()))
            }
            Command::Import { files, settings, encoding, out, lang } => {
                import(&files, &settings, encoding, out.as_deref(), language(lang.as_deref()))
            }
            Command::Export { file, out, lang } => {
                let lang = book_language(lang.as_deref());
                match programme(&file, language(None)) {
                    Ok(p) => write_book(Some(&p), &out, lang),
                    Err(_) => 3,
                }
            }
            Command::Template { out, lang } => write_book(None, &out, book_language(lang.as_deref())),
            Command::ExportCsv { file, out } => match programme(&file, language(None)) {
                Ok(p) => write_out(&sheet::export(&p), out.as_deref()),
                Err(code) => code,
            },
            Command::RenderHtml { file, lang, page, widget_view, selected, query, out } => {
                let Some(lang) = Lang::from_tag(&lang) else {
                    eprintln!("tft render-html: --lang must be zh-Hans, zh-Hant or en, not `{lang}`");
                    return 2;
                };
                let mut state = State { lang, print: !widget_view, ..State::default() };
                state.selected = selected.unwrap_or(0);
                state.filter.query = query.unwrap_or_default();
                render_html(&file, &state, page, out.as_deref(), language(None))
            }
            Command::RenderSvg { file, task_force, lang, out, caption } => {
                render_svg(&file, task_force.as_deref(), book_language(lang.as_deref()), out.as_deref(), caption)
            }
            Command::Diff { old, new, format, lang, out } => diff(&old, &new, &format, lang.as_deref(), out.as_deref()),
            Command::Schema { out } => write_out(&tool::pretty(&format::schema()), out.as_deref()),
            Command::Reference => write_out(&tool::reference::reference(), None),
            Command::Contract => write_out(&tool::contract::contract(), None),
        }
    }

    fn write_out(text: &str, path: Option<&str>) -> i32 {
        match path {
            None => {
                print!("{text}");
                0
            }
            Some(p) => match fs::write(p, text) {
                Ok(()) => 0,
                Err(e) => {
                    eprintln!("tft: cannot write {p}: {e}");
                    3
                }
            },
        }
    }

    fn read_utf8(path: &str, lang: Lang) -> Result<String, i32> {
        let bytes = fs::read(path).map_err(|e| {
            eprintln!("{path}: {e}");
            3
        })?;
        String::from_utf8(bytes).map_err(|e| {
            let (line, col) = line_col_bytes(e.as_bytes(), e.utf8_error().valid_up_to());
            let problem = Problem::new(Kind::Syntax(Syntax::NotUtf8), Default::default(), 0);
            eprintln!("{path}:{line}:{col}: {}", say::line(lang, true, &problem));
            eprintln!("{path}: {}", say::not_utf8(lang));
            1
        })
    }

    fn line_col_bytes(bytes: &[u8], at: usize) -> (usize, usize) {
        let before = String::from_utf8_lossy(&bytes[..at]);
        task_force_tracker::model::json::line_col(&before, before.len())
    }

    /// Prints one problem; `lines` locates those the check left unlocated
    /// (past the first 50), in one pass while they come in file order.
    fn report(path: &str, lines: &mut Lines, error: bool, p: &Problem, lang: Lang) {
        let (line, col) = if p.line > 0 { (p.line, p.col) } else { lines.at(p.at) };
        eprintln!("{path}:{line}:{col}: {}", say::line(lang, error, p));
    }

    fn validate(files: &[String], lang: Lang) -> i32 {
        let mut worst = 0;
        for file in files {
            let text = match read_utf8(file, lang) {
                Ok(t) => t,
                Err(code) => {
                    worst = worst.max(code);
                    continue;
                }
            };
            let (result, warnings) = model::check(&text);
            let mut lines = Lines::new(&text);
            warnings.iter().for_each(|w| report(file, &mut lines, false, w, lang));
            let colon = words::ui(lang).colon;
            match result {
                Ok(p) => {
                    let measures: usize = p.task_forces.iter().map(|t| t.measures.len()).sum();
                    println!("{file}{colon}{}", say::valid(lang, p.task_forces.len(), measures, warnings.len()));
                }
                Err(ParseError::Syntax(problem)) => {
                    report(file, &mut lines, true, &problem, lang);
                    if problem.kind == Kind::Syntax(Syntax::Html) {
                        eprintln!("{file}{colon}{}", say::html_page(lang));
                    }
                    println!("{file}{colon}{}", say::not_json(lang));
                    worst = worst.max(1);
                }
                Err(ParseError::Invalid(problems)) => {
                    problems.iter().for_each(|p| report(file, &mut lines, true, p, lang));
                    println!("{file}{colon}{}", say::refused(lang, problems.len(), warnings.len()));
                    worst = worst.max(1);
                }
            }
        }
        worst
    }

    fn import_csv(file: &str, opts: &ImportOptions, out: Option<&str>, lang: Lang) -> i32 {
        // A wrong command line is the command line's fault, not the file's.
        if model::date::Date::parse(&opts.as_of).is_none() {
            let example = sheet::normalise_date(&opts.as_of).ok().map(|(d, _)| d.to_string());
            eprintln!("tft import-csv: {}", say::as_of_flag(lang, &opts.as_of, example.as_deref()));
            return 2;
        }
        let bytes = match fs::read(file) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{file}: {e}");
                return 3;
            }
        };
        let colon = words::ui(lang).colon;
        match csv_import::import_with_notes(&bytes, opts) {
            Ok(imported) => {
                let code = write_out(&imported.json, out);
                if code == 0 {
                    for note in &imported.notes {
                        eprintln!("{file}: {}", words::normalised(lang, note));
                    }
                    let p = model::parse(&imported.json).expect("checked by the import").programme;
                    eprintln!("{}", say::imported(lang, &Counts::of(&p), out));
                }
                code
            }
            Err(problems) => {
                for p in &problems {
                    eprintln!("{file}:{}", words::sheet_problem(lang, p));
                }
                eprintln!("{file}{colon}{}", say::nothing_written(lang, problems.len()));
                1
            }
        }
    }

    /// Reads files into one programme: what each gave, then the JSON or
    /// every problem.
    fn import(files: &[String], flags: &SettingFlags, encoding: Encoding, out: Option<&str>, lang: Lang) -> i32 {
        let gathered = match tool::import::load(files, encoding) {
            Ok(g) => g,
            Err((file, e)) => {
                eprintln!("{file}: {e}");
                return 3;
            }
        };
        let settings = gathered.settings.clone().overridden_by(&flags.settings());
        let read = sheet::read_tables(gathered.tables, &settings);
        for c in &read.contributions {
            eprintln!("{}", words::contribution(lang, c));
        }
        let mut problems = gathered.problems;
        match read.result {
            Ok(sheet) if problems.is_empty() => {
                let json = tool::pretty(&sheet.value);
                let code = write_out(&json, out);
                if code == 0 {
                    for note in &sheet.notes {
                        eprintln!("{}", words::normalised(lang, note));
                    }
                    let p = model::parse(&json).expect("checked by the import").programme;
                    eprintln!("{}", say::imported(lang, &Counts::of(&p), out));
                }
                code
            }
            Ok(_) => report_problems(&problems, lang),
            Err(found) => {
                problems.extend(found);
                report_problems(&problems, lang)
            }
        }
    }

    fn report_problems(problems: &[sheet::Problem], lang: Lang) -> i32 {
        for p in problems {
            eprintln!("{}", words::sheet_problem(lang, p));
        }
        eprintln!("{}", say::nothing_written(lang, problems.len()));
        1
    }

    /// Writes the workbook of `p` (the blank template when `None`).
    fn write_book(p: Option<&model::Programme>, out: &str, lang: Lang) -> i32 {
        let bytes = match sheet::workbook::write(p, &words::book(lang)) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{out}: {e}");
                return 3;
            }
        };
        if let Err(e) = fs::write(out, bytes) {
            eprintln!("{out}: {e}");
            return 3;
        }
        eprintln!("{}", say::wrote(lang, out));
        0
    }

    /// A workbook's language: the flag, else Simplified Chinese (offices').
    fn book_language(flag: Option<&str>) -> Lang {
        flag.and_then(Lang::from_tag).unwrap_or(Lang::ZhHans)
    }

    /// The language of `tft`'s words: the flag, else the locale (`zh`,
    /// `zh-Hans`, `zh_CN.UTF-8`, `zh-TW`…; anything else is English).
    fn language(flag: Option<&str>) -> Lang {
        let locale =
            || ["LC_ALL", "LC_MESSAGES", "LANG"].iter().find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()));
        let tag = flag.map(String::from).or_else(locale).unwrap_or_default();
        // A locale names its encoding after a dot: `zh_TW.UTF-8`.
        Lang::from_tag(tag.split('.').next().unwrap_or_default()).unwrap_or(Lang::En)
    }

    fn diff(old: &str, new: &str, format: &str, lang: Option<&str>, out: Option<&str>) -> i32 {
        let lang = language(lang);
        let (before, after) = match (programme(old, lang).map_err(|_| 3), programme(new, lang).map_err(|_| 3)) {
            (Ok(a), Ok(b)) => (a, b),
            (Err(code), _) | (_, Err(code)) => return code,
        };
        let d = model::diff::diff(&before, &after);
        let text = match format {
            "json" => format!(
                "{}\n",
                serde_json::to_string_pretty(&tool::diff_json(&d, lang)).expect("JSON values serialise")
            ),
            "markdown" => view::diff::describe(&d, lang, view::diff::Layout::Markdown),
            _ => view::diff::describe(&d, lang, view::diff::Layout::Text),
        };
        match write_out(&text, out) {
            0 if d.is_empty() => 0,
            0 => 1,
            code => code,
        }
    }

    /// Reads a programme, saying why when it cannot: exit 3 when it cannot
    /// be read, 1 when it is not valid (`diff` and `export` answer 3 to both).
    fn programme(file: &str, lang: Lang) -> Result<model::Programme, i32> {
        let text = read_utf8(file, lang)?;
        model::parse(&text).map(|p| p.programme).map_err(|_| {
            eprintln!("{file}: {}", say::not_a_programme(lang, file));
            1
        })
    }

    fn render_svg(file: &str, task_force: Option<&str>, lang: Lang, out: Option<&str>, caption: bool) -> i32 {
        let programme = match programme(file, lang) {
            Ok(p) => p,
            Err(code) => return code,
        };
        let sheet = match task_force {
            None => Sheet::Overview,
            Some(id) => match Sheet::task_force(&programme, id) {
                Some(sheet) => sheet,
                None => {
                    let ids: Vec<&str> = programme.task_forces.iter().map(|t| t.id.as_str()).collect();
                    eprintln!("tft render-svg: {}", say::no_task_force(lang, id, &ids));
                    return 2;
                }
            },
        };
        if caption {
            println!("{}", poster::caption(&programme, lang, sheet));
            if out.is_none() {
                return 0;
            }
        }
        write_out(&poster::svg(&programme, lang, sheet), out)
    }

    fn render_html(file: &str, state: &State, page: bool, out: Option<&str>, lang: Lang) -> i32 {
        let programme = match programme(file, lang) {
            Ok(p) => p,
            Err(code) => return code,
        };
        let html = if page || !state.print {
            view::snapshot(&programme, state, page)
        } else {
            view::fallback::fallback_html(&programme, state.lang)
        };
        write_out(&html, out)
    }
}
