//! `tft`'s command line: its commands, their flags and their help, parsed
//! by clap. An unknown flag or a missing value is an error with exit code 2,
//! never silently ignored.

use clap::{Parser, Subcommand};
use task_force_tracker::tool::csv_import::{Encoding, ImportOptions};
use task_force_tracker::tool::import::SettingFlags;

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

Nothing is written unless the whole file is valid; problems are reported
as FILE:ROW: column COLUMN: message. Exit 0, 1 on data errors.";

const HELP_IMPORT_BOOKS: &str = "tft import FILE... [--title T] [--as-of YYYY-MM-DD] [options] [-o OUT.json]

Merges workbooks (.xlsx, .xls, .ods: Excel, WPS, LibreOffice) and CSV files
into one programme JSON: one file per task force, or one workbook with a
sheet per task force, or both. Cells are read by their type: a date cell is
a date. The programme's own fields (title, as-of date, source) come from a
workbook's instructions sheet (what `tft export` and `tft template` write);
each option given here replaces it. Each task force comes from one sheet of
one file: a task force id in two places, or a measure id used twice, is
refused with both places named.

Prints what each file gave, then every problem by file, sheet, row and
column; nothing is written unless all is valid. Exit 0, 1 on data errors.";

const HELP_RENDER: &str = "tft render-html FILE.json [--lang L] [--page] [-o OUT.html]

Writes a static HTML snapshot of a programme. Without --page the output is
a fragment to paste inside <task-force-tracker> as its no-JavaScript
fallback: every class starts with tft-, each measure is a collapsed
<details>, and it needs no style attribute and no script; link
task-force-tracker-fallback.css from the release folder to style it. With
--page it is a whole printable, indexable HTML page in the widget's own
layout, every task force and measure expanded.";

const HELP_SVG: &str = "tft render-svg FILE.json [--task-force ID] [--lang zh|zh-Hant|en] [-o OUT.svg] [--caption]

Draws a programme as a long image for where scripts cannot run: a WeChat
article, a printed page. The overview has the title, as-of date, source,
the measures by status and one row per task force; --task-force ID draws
that task force's focus, leader and every measure with its status,
progress, deadline and overdue mark. 750 px wide, text as text, every
status written as a word so that it reads in greyscale print. --caption
prints a sentence of the same figures, to paste under the image and to use
as its alt text (with -o, the SVG is written too). Exit 1 when the data is
not valid, 2 for an unknown task force.";

const HELP_DIFF: &str = "tft diff OLD.json NEW.json [--format text|markdown|json] [--lang zh|en]

Compares two publications of a programme: task forces and measures added or
removed, status changes (from → to), progress changes, new reports,
milestones reached, deadlines moved, measures newly overdue at the newer
asOf, and the tallies before and after. --format markdown writes a section
an editor can paste into a story.

Exit 0 when nothing changed, 1 when something did, 2 for a wrong command
line, 3 when a file cannot be read or is not a valid programme.";

const HELP_SCHEMA: &str = "tft schema [-o OUT.json]

Prints the JSON Schema (draft 2020-12) of the data format, generated from
the same field tables the validator uses.";

/// The command line, parsed by clap: an unknown flag or a missing
/// value is an error with exit code 2, never silently ignored.
#[derive(Parser)]
#[command(name = "tft", version, about = "Programme data tool for task-force-tracker", after_help = EXIT_CODES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

const EXIT_CODES: &str = "Exit codes: 0 success, 1 the data has errors, 2 bad command line, 3 file error.";

#[derive(Subcommand)]
pub enum Command {
    /// Check programme JSON files and report every problem
    #[command(long_about = HELP_VALIDATE)]
    Validate {
        /// The files to check
        #[arg(required = true, value_name = "FILE")]
        files: Vec<String>,
        /// Language of messages: zh (zh-Hans), zh-Hant or en (default: from LC_ALL / LANG)
        #[arg(long)]
        lang: Option<String>,
    },
    /// Turn a spreadsheet export (CSV) into programme JSON
    #[command(name = "import-csv", long_about = HELP_IMPORT)]
    ImportCsv {
        /// The CSV file (UTF-8 with or without BOM, or GB18030)
        file: String,
        #[command(flatten)]
        opts: ImportOptions,
        /// Write the JSON here (default: standard output)
        #[arg(short = 'o', value_name = "OUT.json")]
        out: Option<String>,
        /// Language of messages: zh (zh-Hans), zh-Hant or en (default: from LC_ALL / LANG)
        #[arg(long)]
        lang: Option<String>,
    },
    /// Merge workbooks (.xlsx, .xls, .ods) and CSV files into programme JSON
    #[command(long_about = HELP_IMPORT_BOOKS)]
    Import {
        /// The workbooks and CSV files, one per task force or one for all
        #[arg(required = true, value_name = "FILE")]
        files: Vec<String>,
        #[command(flatten)]
        settings: SettingFlags,
        /// How CSV files are encoded: utf-8, gb18030 or auto
        #[arg(long, default_value = "auto")]
        encoding: Encoding,
        /// Write the JSON here (default: standard output)
        #[arg(short = 'o', value_name = "OUT.json")]
        out: Option<String>,
        /// Language of messages: zh (zh-Hans), zh-Hant or en (default: from LC_ALL / LANG)
        #[arg(long)]
        lang: Option<String>,
    },
    /// Write a programme as the Excel workbook staff fill in (import reads it back)
    Export {
        /// The programme JSON file
        file: String,
        /// The workbook to write
        #[arg(short = 'o', value_name = "OUT.xlsx", required = true)]
        out: String,
        /// The workbook's language: zh (zh-Hans, the default), zh-Hant or en
        #[arg(long)]
        lang: Option<String>,
    },
    /// Write the blank workbook to fill in
    Template {
        /// The workbook to write
        #[arg(short = 'o', value_name = "OUT.xlsx", required = true)]
        out: String,
        /// The workbook's language: zh (zh-Hans, the default), zh-Hant or en
        #[arg(long)]
        lang: Option<String>,
    },
    /// Write a programme as the spreadsheet staff keep (import-csv reads it back)
    #[command(name = "export-csv")]
    ExportCsv {
        /// The programme JSON file
        file: String,
        /// Write the CSV here (default: standard output)
        #[arg(short = 'o', value_name = "OUT.csv")]
        out: Option<String>,
    },
    /// Write the static HTML snapshot of a programme
    #[command(name = "render-html", long_about = HELP_RENDER)]
    RenderHtml {
        /// The programme JSON file
        file: String,
        /// zh-Hans, zh-Hant or en
        #[arg(long, default_value = "zh-Hans")]
        lang: String,
        /// A whole printable page instead of a fragment
        #[arg(long)]
        page: bool,
        /// The widget's first screen, controls and all (the benchmark's
        /// static-HTML floor), instead of the all-open snapshot
        #[arg(long = "widget-view", hide = true)]
        widget_view: bool,
        /// With --widget-view: the task force selected (the floor of a switch)
        #[arg(long, hide = true)]
        selected: Option<usize>,
        /// With --widget-view: the search text (the floor of a search)
        #[arg(long, hide = true)]
        query: Option<String>,
        /// Write the HTML here (default: standard output)
        #[arg(short = 'o', value_name = "OUT.html")]
        out: Option<String>,
    },
    /// Draw a programme as a long image (SVG) for WeChat articles and print
    #[command(name = "render-svg", long_about = HELP_SVG)]
    RenderSvg {
        /// The programme JSON file
        file: String,
        /// One task force's poster (by its id) instead of the overview
        #[arg(long = "task-force", value_name = "ID")]
        task_force: Option<String>,
        /// The poster's language: zh (zh-Hans, the default), zh-Hant or en
        #[arg(long, value_parser = ["zh", "zh-Hans", "zh-Hant", "en"])]
        lang: Option<String>,
        /// Write the SVG here (default: standard output)
        #[arg(short = 'o', value_name = "OUT.svg")]
        out: Option<String>,
        /// Print the caption (the image's alt text) instead of the SVG
        #[arg(long)]
        caption: bool,
    },
    /// What changed between two publications of a programme
    #[command(long_about = HELP_DIFF)]
    Diff {
        /// The older file
        old: String,
        /// The newer file
        new: String,
        /// text, markdown (to paste into a story) or json
        #[arg(long, default_value = "text", value_parser = ["text", "markdown", "json"])]
        format: String,
        /// zh (Simplified Chinese), zh-Hant or en; default from LC_ALL / LANG
        #[arg(long, value_parser = ["zh", "zh-Hans", "zh-Hant", "en"])]
        lang: Option<String>,
        /// Write the result here (default: standard output)
        #[arg(short = 'o', value_name = "OUT")]
        out: Option<String>,
    },
    /// Print the JSON Schema of the data format
    #[command(long_about = HELP_SCHEMA)]
    Schema {
        /// Write the schema here (default: standard output)
        #[arg(short = 'o', value_name = "OUT.json")]
        out: Option<String>,
    },
    /// Print the format reference (Markdown) kept in the README
    #[command(hide = true)]
    Reference,
    /// Print the embed contract as JSON: the element's tag, attributes,
    /// events, reader actions, source names, the shim's words, and
    /// example event details (for the contract tests)
    #[command(hide = true)]
    Contract,
}
