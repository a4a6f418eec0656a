//! Spreadsheet export (CSV) → programme JSON, for `tft import-csv`: the
//! file's bytes decoded (UTF-8 with or without BOM, or GB18030) and the
//! command line's settings; the sheet itself is read by [`crate::sheet`].

use crate::sheet::{Kind, Normalised, Place, Problem, Settings};
use encoding_rs::{GB18030, UTF_8};

/// How the CSV bytes are encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// GB18030 (a superset of GBK and GB2312).
    Gb18030,
    /// UTF-8 if the bytes are valid UTF-8, else GB18030.
    Auto,
}

impl std::str::FromStr for Encoding {
    type Err = String;

    /// Reads `utf-8`, `gb18030` (also `gbk`, `gb2312`) or `auto`.
    fn from_str(name: &str) -> Result<Encoding, String> {
        Encoding::from_name(name).ok_or_else(|| format!("`{name}` is not utf-8, gb18030 or auto"))
    }
}

impl Encoding {
    /// Reads `utf-8`, `gb18030` (also `gbk`, `gb2312`) or `auto`.
    pub fn from_name(name: &str) -> Option<Encoding> {
        match name.to_ascii_lowercase().as_str() {
            "utf-8" | "utf8" => Some(Encoding::Utf8),
            "gb18030" | "gbk" | "gb2312" => Some(Encoding::Gb18030),
            "auto" => Some(Encoding::Auto),
            _ => None,
        }
    }
}

/// Programme-level settings the CSV does not carry; also `tft import-csv`'s
/// options (their help is these comments).
#[derive(Debug, Clone, clap::Args)]
pub struct ImportOptions {
    /// Programme title (zh-Hans)
    #[arg(long)]
    pub title: String,
    /// Programme title in English
    #[arg(long = "title-en")]
    pub title_en: Option<String>,
    /// The date the statuses describe (YYYY-MM-DD)
    #[arg(long = "as-of")]
    pub as_of: String,
    /// Cited source title
    #[arg(long = "source-title")]
    pub source_title: Option<String>,
    /// Cited source URL
    #[arg(long = "source-url")]
    pub source_url: Option<String>,
    /// Cited source publisher
    #[arg(long = "source-publisher")]
    pub source_publisher: Option<String>,
    /// Mark every status and figure as sample data
    #[arg(long)]
    pub sample: bool,
    /// How the file is encoded: utf-8, gb18030 or auto
    #[arg(long, default_value = "auto")]
    pub encoding: Encoding,
}

impl ImportOptions {
    /// The settings the sheet does not carry.
    pub fn settings(&self) -> Settings {
        Settings {
            title: self.title.clone(),
            title_en: self.title_en.clone(),
            as_of: self.as_of.clone(),
            source_title: self.source_title.clone(),
            source_url: self.source_url.clone(),
            source_publisher: self.source_publisher.clone(),
            sample: self.sample,
            ..Settings::default()
        }
    }
}

/// A successful import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The programme JSON, pretty-printed.
    pub json: String,
    /// What was written differently from the sheet, once per column.
    pub notes: Vec<Normalised>,
}

/// Converts CSV bytes to programme JSON (pretty-printed), or every problem.
pub fn import(bytes: &[u8], opts: &ImportOptions) -> Result<String, Vec<Problem>> {
    import_with_notes(bytes, opts).map(|i| i.json)
}

/// Converts CSV bytes to programme JSON, with notes on what was normalised.
pub fn import_with_notes(bytes: &[u8], opts: &ImportOptions) -> Result<Imported, Vec<Problem>> {
    let text = decode(bytes, opts.encoding)?;
    let sheet = crate::sheet::read(&text, &opts.settings())?;
    Ok(Imported { json: super::pretty(&sheet.value), notes: sheet.notes })
}

/// CSV bytes as text: UTF-8 (with or without a byte-order mark) or GB18030.
pub fn decode(bytes: &[u8], encoding: Encoding) -> Result<String, Vec<Problem>> {
    let (text, had_errors) = match encoding {
        Encoding::Utf8 => UTF_8.decode_with_bom_removal(bytes),
        Encoding::Gb18030 => {
            let (t, _, bad) = GB18030.decode(bytes);
            (t, bad)
        }
        Encoding::Auto if std::str::from_utf8(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes)).is_ok() => {
            UTF_8.decode_with_bom_removal(bytes)
        }
        Encoding::Auto => {
            let (t, _, bad) = GB18030.decode(bytes);
            (t, bad)
        }
    };
    if had_errors {
        return Err(vec![Problem { place: Place::File, kind: Kind::BadEncoding }]);
    }
    Ok(text.into_owned())
}
