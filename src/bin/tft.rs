//! `tft`: the programme-data tool for staff and editors, built from the same
//! model, validation and view code as the widget, so the two never disagree.
//!
//! ```text
//! tft validate FILE...                         check data files, report every problem
//! tft import-csv FILE.csv --title T --as-of D  spreadsheet export → programme JSON
//! tft render-html FILE [--lang L] [--page]     static HTML snapshot of a programme
//! tft schema                                   the JSON Schema of the data format
//! ```
//!
//! Exit codes: 0 success; 1 the data has errors; 2 the command line is wrong;
//! 3 a file could not be read or written.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::fs;
    use task_force_tracker::model::format;
    use task_force_tracker::model::json::Lines;
    use task_force_tracker::model::text::Lang;
    use task_force_tracker::model::{self, ParseError, Problem};
    use task_force_tracker::tool::csv_import::{self, ImportOptions};
    use task_force_tracker::view;
    use task_force_tracker::view::state::State;

    const USAGE: &str = "tft: programme data tool for task-force-tracker

Usage:
  tft validate FILE...
  tft import-csv FILE.csv --title TITLE --as-of YYYY-MM-DD [options] [-o OUT.json]
  tft render-html FILE.json [--lang zh-Hans|zh-Hant|en] [--page] [-o OUT.html]
  tft schema [-o OUT.json]
  tft reference
  tft help [COMMAND]

Exit codes: 0 success, 1 the data has errors, 2 bad command line, 3 file error.";

    const HELP_VALIDATE: &str = "tft validate FILE...

Checks each programme JSON file with every rule the widget applies and
reports all problems, one per line:
  FILE:LINE:COLUMN: error: JSON.PATH (…): what was found, what was expected
Warnings (valid but suspicious data) are reported the same way and do not
fail the check. Exit 0 when every file is valid, 1 otherwise.";

    const HELP_IMPORT: &str = "tft import-csv FILE.csv --title TITLE --as-of YYYY-MM-DD [options]

Turns a spreadsheet export into programme JSON. The CSV may be UTF-8 (with
or without BOM) or GB18030; see data/template.csv for the columns. One row
per measure; rows with type=report add a dated status report to the
measure named by task_force_id + measure_id.

Options:
  --title TEXT        programme title (zh-Hans)
  --title-en TEXT     programme title in English
  --as-of DATE        the date the statuses describe (YYYY-MM-DD)
  --source-title T    cited source title; --source-url URL; --source-publisher P
  --sample            mark every status and figure as sample data
  --encoding E        utf-8, gb18030 or auto (default auto)
  -o FILE             write the JSON here (default: standard output)

Nothing is written unless the whole file is valid; problems are reported
as FILE:ROW: column COLUMN: message. Exit 0, 1 on data errors.";

    const HELP_RENDER: &str = "tft render-html FILE.json [--lang L] [--page] [-o OUT.html]

Writes the static HTML snapshot of a programme, from the widget's own view
code, with every task force and measure expanded. Without --page the output
is a fragment to paste inside <task-force-tracker> as its no-JavaScript
fallback; with --page it is a whole printable, indexable HTML page.";

    const HELP_SCHEMA: &str = "tft schema [-o OUT.json]

Prints the JSON Schema (draft 2020-12) of the data format, generated from
the same field tables the validator uses.";

    pub fn run(args: Vec<String>) -> i32 {
        let Some(cmd) = args.first() else {
            eprintln!("{USAGE}");
            return 2;
        };
        let rest = &args[1..];
        if rest.iter().any(|a| a == "--help" || a == "-h") {
            return help(Some(cmd));
        }
        match cmd.as_str() {
            "validate" => validate(rest),
            "import-csv" => import_csv(rest),
            "render-html" => render_html(rest),
            "schema" => write_out(&format::schema_text(), flag(rest, "-o").as_deref()),
            "reference" => write_out(&format::reference(), None),
            "help" | "--help" | "-h" => help(rest.first()),
            other => {
                eprintln!("tft: unknown command `{other}`\n\n{USAGE}");
                2
            }
        }
    }

    fn help(cmd: Option<&String>) -> i32 {
        let text = match cmd.map(String::as_str) {
            Some("validate") => HELP_VALIDATE,
            Some("import-csv") => HELP_IMPORT,
            Some("render-html") => HELP_RENDER,
            Some("schema") => HELP_SCHEMA,
            _ => USAGE,
        };
        println!("{text}");
        0
    }

    /// The value after `name`, if given.
    fn flag(args: &[String], name: &str) -> Option<String> {
        args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned()
    }

    /// Arguments that are neither flags nor flag values.
    fn positional(args: &[String], with_value: &[&str]) -> Vec<String> {
        let mut out = Vec::new();
        let mut skip = false;
        for a in args {
            if skip {
                skip = false;
            } else if with_value.contains(&a.as_str()) {
                skip = true;
            } else if !a.starts_with("--") && a != "-o" {
                out.push(a.clone());
            }
        }
        out
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

    fn read_utf8(path: &str) -> Result<String, i32> {
        let bytes = fs::read(path).map_err(|e| {
            eprintln!("{path}: cannot read: {e}");
            3
        })?;
        String::from_utf8(bytes).map_err(|e| {
            let (line, col) = line_col_bytes(e.as_bytes(), e.utf8_error().valid_up_to());
            eprintln!(
                "{path}:{line}:{col}: error: the file is not UTF-8 text; save it as UTF-8 (JSON files must be UTF-8)"
            );
            1
        })
    }

    fn line_col_bytes(bytes: &[u8], at: usize) -> (usize, usize) {
        let before = String::from_utf8_lossy(&bytes[..at]);
        task_force_tracker::model::json::line_col(&before, before.len())
    }

    /// Prints one problem; `lines` locates those the check left unlocated
    /// (past the first 50), in one pass while they come in file order.
    fn report(path: &str, lines: &mut Lines, kind: &str, p: &Problem) {
        let where_ = if p.path.is_empty() { String::new() } else { format!("{}: ", p.path) };
        let (line, col) = if p.line > 0 { (p.line, p.col) } else { lines.at(p.at) };
        eprintln!("{path}:{line}:{col}: {kind}: {where_}{}", p.message);
    }

    fn validate(args: &[String]) -> i32 {
        let files = positional(args, &[]);
        if files.is_empty() {
            eprintln!("tft validate: name at least one file\n\n{HELP_VALIDATE}");
            return 2;
        }
        let mut worst = 0;
        for file in &files {
            let text = match read_utf8(file) {
                Ok(t) => t,
                Err(code) => {
                    worst = worst.max(code);
                    continue;
                }
            };
            let (result, warnings) = model::check(&text);
            let mut lines = Lines::new(&text);
            warnings.iter().for_each(|w| report(file, &mut lines, "warning", w));
            match result {
                Ok(p) => {
                    let measures: usize = p.task_forces.iter().map(|t| t.measures.len()).sum();
                    println!(
                        "{file}: ok ({} task forces, {measures} measures, {} warnings)",
                        p.task_forces.len(),
                        warnings.len()
                    );
                }
                Err(ParseError::Syntax { problem, html }) => {
                    report(file, &mut lines, "error", &problem);
                    if html {
                        eprintln!("{file}: this is an HTML page, not a JSON data file");
                    }
                    println!("{file}: not JSON");
                    worst = worst.max(1);
                }
                Err(ParseError::Invalid(problems)) => {
                    problems.iter().for_each(|p| report(file, &mut lines, "error", p));
                    println!("{file}: {} errors, {} warnings", problems.len(), warnings.len());
                    worst = worst.max(1);
                }
            }
        }
        worst
    }

    fn import_csv(args: &[String]) -> i32 {
        let with_value = [
            "--title",
            "--title-en",
            "--as-of",
            "--source-title",
            "--source-url",
            "--source-publisher",
            "--encoding",
            "-o",
        ];
        let files = positional(args, &with_value);
        let (Some(file), Some(title), Some(as_of)) = (files.first(), flag(args, "--title"), flag(args, "--as-of"))
        else {
            eprintln!("tft import-csv: name a CSV file, --title and --as-of\n\n{HELP_IMPORT}");
            return 2;
        };
        let encoding = flag(args, "--encoding").unwrap_or_else(|| "auto".into());
        let Some(encoding) = csv_import::Encoding::from_name(&encoding) else {
            eprintln!("tft import-csv: --encoding must be utf-8, gb18030 or auto, not `{encoding}`");
            return 2;
        };
        let bytes = match fs::read(file) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{file}: cannot read: {e}");
                return 3;
            }
        };
        let opts = ImportOptions {
            title,
            title_en: flag(args, "--title-en"),
            as_of,
            source_title: flag(args, "--source-title"),
            source_url: flag(args, "--source-url"),
            source_publisher: flag(args, "--source-publisher"),
            sample: args.iter().any(|a| a == "--sample"),
            encoding,
        };
        match csv_import::import(&bytes, &opts) {
            Ok(json) => write_out(&json, flag(args, "-o").as_deref()),
            Err(problems) => {
                for p in &problems {
                    eprintln!("{file}:{p}");
                }
                eprintln!("{file}: {} problems; nothing was written", problems.len());
                1
            }
        }
    }

    fn render_html(args: &[String]) -> i32 {
        let files = positional(args, &["--lang", "-o", "--selected", "--query"]);
        let Some(file) = files.first() else {
            eprintln!("tft render-html: name a JSON file\n\n{HELP_RENDER}");
            return 2;
        };
        let lang = match flag(args, "--lang") {
            None => Lang::ZhHans,
            Some(tag) => match Lang::from_tag(&tag) {
                Some(l) => l,
                None => {
                    eprintln!("tft render-html: --lang must be zh-Hans, zh-Hant or en, not `{tag}`");
                    return 2;
                }
            },
        };
        let text = match read_utf8(file) {
            Ok(t) => t,
            Err(code) => return code,
        };
        let programme = match model::parse(&text) {
            Ok(p) => p.programme,
            Err(_) => {
                eprintln!("{file}: not a valid programme; run `tft validate {file}` for the details");
                return 1;
            }
        };
        // --widget-view: the widget's first screen, controls and all (the
        // benchmark's static-HTML floor), instead of the all-open snapshot;
        // --selected N and --query Q give the floor of a switch or a search.
        let print = !args.iter().any(|a| a == "--widget-view");
        let mut state = State { lang, print, ..State::default() };
        state.selected = flag(args, "--selected").and_then(|n| n.parse().ok()).unwrap_or(0);
        state.filter.query = flag(args, "--query").unwrap_or_default();
        let html = view::snapshot(&programme, &state, args.iter().any(|a| a == "--page"));
        write_out(&html, flag(args, "-o").as_deref())
    }
}
