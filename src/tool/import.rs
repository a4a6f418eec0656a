//! `tft import`: workbooks (.xlsx, .xls, .ods) and CSV files read from disk
//! and merged into one programme by [`crate::sheet`]; the programme's own
//! fields from the workbooks' instructions sheets, each one the command
//! line gives replacing theirs.

use super::csv_import::{decode, Encoding};
use crate::sheet::{gather, is_workbook, Content, Gathered, Place, Settings, Within};
use std::rc::Rc;

/// The programme's own fields on the command line (their help is these
/// comments); each one given replaces a workbook's.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct SettingFlags {
    /// Programme title (zh-Hans)
    #[arg(long)]
    pub title: Option<String>,
    /// Programme title in English
    #[arg(long = "title-en")]
    pub title_en: Option<String>,
    /// The date the statuses describe (YYYY-MM-DD)
    #[arg(long = "as-of")]
    pub as_of: Option<String>,
    /// Cited source title
    #[arg(long = "source-title")]
    pub source_title: Option<String>,
    /// Cited source title in English
    #[arg(long = "source-title-en")]
    pub source_title_en: Option<String>,
    /// Cited source URL
    #[arg(long = "source-url")]
    pub source_url: Option<String>,
    /// Cited source publisher
    #[arg(long = "source-publisher")]
    pub source_publisher: Option<String>,
    /// Cited source publisher in English
    #[arg(long = "source-publisher-en")]
    pub source_publisher_en: Option<String>,
    /// Cited source date (YYYY-MM-DD)
    #[arg(long = "source-date")]
    pub source_date: Option<String>,
    /// Mark every status and figure as sample data
    #[arg(long)]
    pub sample: bool,
}

impl SettingFlags {
    /// The settings given.
    pub fn settings(&self) -> Settings {
        Settings {
            title: self.title.clone().unwrap_or_default(),
            title_en: self.title_en.clone(),
            as_of: self.as_of.clone().unwrap_or_default(),
            source_title: self.source_title.clone(),
            source_title_en: self.source_title_en.clone(),
            source_url: self.source_url.clone(),
            source_publisher: self.source_publisher.clone(),
            source_publisher_en: self.source_publisher_en.clone(),
            source_date: self.source_date.clone(),
            sample: self.sample,
        }
    }
}

/// Reads the files at `paths` (CSV decoded as `encoding`) and gathers
/// them; a file that cannot be read is the error, with its path.
pub fn load(paths: &[String], encoding: Encoding) -> Result<Gathered, (String, std::io::Error)> {
    let mut files = Vec::new();
    let mut undecodable = Vec::new();
    for path in paths {
        let bytes = std::fs::read(path).map_err(|e| (path.clone(), e))?;
        let name = std::path::Path::new(path).file_name().map_or(path.clone(), |n| n.to_string_lossy().into_owned());
        if is_workbook(path, &bytes) {
            files.push((name, Content::Workbook(bytes)));
        } else {
            match decode(&bytes, encoding) {
                Ok(text) => files.push((name, Content::Csv(text))),
                Err(problems) => undecodable.extend(problems.into_iter().map(|mut p| {
                    p.place = Place::Whole(Rc::new(Within { file: Some(name.clone()), ..Within::default() }));
                    p
                })),
            }
        }
    }
    let mut g = gather(files, true);
    g.problems.extend(undecodable);
    Ok(g)
}
