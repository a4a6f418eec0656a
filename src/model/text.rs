//! Languages and translatable text.
//!
//! A text field in the data is either a plain string (shown in every language)
//! or a map from language tag to string:
//! `{"zh-Hans": "产业振兴", "en": "Industry"}`. A missing translation falls
//! back to another language rather than to nothing; this module never
//! converts between scripts.

/// A language the widget's interface speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Simplified Chinese, the default.
    ZhHans,
    /// Traditional Chinese.
    ZhHant,
    /// English.
    En,
}

impl Lang {
    /// All languages, in the order a language switch lists them.
    pub const ALL: [Lang; 3] = [Lang::ZhHans, Lang::ZhHant, Lang::En];

    /// The BCP 47 tag used in data and in the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhHans => "zh-Hans",
            Lang::ZhHant => "zh-Hant",
            Lang::En => "en",
        }
    }

    /// Maps a page or attribute language tag to a supported language:
    /// `zh`, `zh-CN`, `zh-SG`, `zh-Hans…` → zh-Hans; `zh-TW`, `zh-HK`, `zh-MO`,
    /// `zh-Hant…` → zh-Hant; `en…` → en. Anything else is `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let t = tag.trim_ascii().to_ascii_lowercase();
        let mut parts = t.as_bytes().split(|b| matches!(b, b'-' | b'_'));
        match parts.next()? {
            b"en" => Some(Lang::En),
            b"zh" => {
                let (mut hant, mut hans) = (false, false);
                for part in parts {
                    hant |= matches!(part, b"hant" | b"tw" | b"hk" | b"mo");
                    hans |= part == b"hans";
                }
                Some(if hant && !hans { Lang::ZhHant } else { Lang::ZhHans })
            }
            _ => None,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Text in one or more languages. Never empty: parsing rejects a text with no
/// non-blank string in it.
///
/// Two words and a tag: a plain string (most texts) needs no second
/// allocation, and the model's many texts move cheaply while being built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Text {
    /// The same in every language; it never counts as a translation.
    Plain(String),
    /// Translations indexed by `Lang::index`, at least one present.
    Langs(Box<[Option<String>; 3]>),
}

impl Text {
    /// A text that is the same in every language.
    pub fn plain(s: impl Into<String>) -> Text {
        Text::Plain(s.into())
    }

    /// A text with a string for each of the given languages.
    pub fn of(pairs: &[(Lang, &str)]) -> Text {
        let mut parts: [Option<String>; 3] = [None, None, None];
        for (l, s) in pairs {
            parts[l.index()] = Some((*s).to_owned());
        }
        Text::Langs(Box::new(parts))
    }

    /// The string to show in `lang`: its own translation, else the closest
    /// other (the other Chinese script before English, Chinese before English).
    pub fn get(&self, lang: Lang) -> &str {
        let parts = match self {
            Text::Plain(s) => return s,
            Text::Langs(parts) => parts,
        };
        let order: [Lang; 3] = match lang {
            Lang::ZhHans => [Lang::ZhHans, Lang::ZhHant, Lang::En],
            Lang::ZhHant => [Lang::ZhHant, Lang::ZhHans, Lang::En],
            Lang::En => [Lang::En, Lang::ZhHans, Lang::ZhHant],
        };
        order.iter().find_map(|l| parts[l.index()].as_deref()).unwrap_or("")
    }

    /// The string to show in `lang` (as [`Text::get`]), with the language it
    /// is actually in when that is another one (a name given only in
    /// English, shown in the Chinese view); `None` for a plain text.
    pub fn get_in(&self, lang: Lang) -> (&str, Option<Lang>) {
        let shown = self.get(lang);
        let other = match self {
            Text::Langs(parts) if parts[lang.index()].is_none() => {
                Lang::ALL.into_iter().find(|l| parts[l.index()].as_deref() == Some(shown))
            }
            _ => None,
        };
        (shown, other)
    }

    /// Whether the text carries its own translation for `lang`.
    pub fn has(&self, lang: Lang) -> bool {
        matches!(self, Text::Langs(parts) if parts[lang.index()].is_some())
    }

    /// Every string in the text (for length checks and search).
    pub fn strings(&self) -> impl Iterator<Item = &str> {
        let all: [Option<&str>; 3] = match self {
            Text::Plain(s) => [Some(s), None, None],
            Text::Langs(p) => [p[0].as_deref(), p[1].as_deref(), p[2].as_deref()],
        };
        all.into_iter().flatten()
    }

    /// A text from one optional string per language (`Lang::ALL` order);
    /// `None` when every one is missing or blank.
    pub fn from_parts(parts: [Option<String>; 3]) -> Option<Text> {
        let parts = parts.map(|p| p.filter(|s| !s.trim().is_empty()));
        parts.iter().any(Option::is_some).then(|| Text::Langs(Box::new(parts)))
    }
}

/// `s` as a whole number written in ASCII digits only (no sign, no
/// spaces: `parse` alone would take `+5`), if it fits in `T`.
pub fn number<T: core::str::FromStr>(s: &str) -> Option<T> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_tags_map_to_languages() {
        for (tag, lang) in [
            ("zh-CN", Lang::ZhHans),
            ("zh", Lang::ZhHans),
            ("zh-Hans-CN", Lang::ZhHans),
            ("zh-TW", Lang::ZhHant),
            ("zh_HK", Lang::ZhHant),
            ("zh-Hant", Lang::ZhHant),
            ("EN-gb", Lang::En),
        ] {
            assert_eq!(Lang::from_tag(tag), Some(lang), "{tag}");
        }
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn missing_translation_falls_back() {
        let t = Text::of(&[(Lang::ZhHans, "生态振兴"), (Lang::En, "Ecology")]);
        assert_eq!(t.get(Lang::ZhHant), "生态振兴");
        assert_eq!(t.get(Lang::En), "Ecology");
        assert_eq!(Text::of(&[(Lang::En, "Only")]).get(Lang::ZhHans), "Only");
        assert_eq!(Text::plain("x").get(Lang::En), "x");
    }

    #[test]
    fn dates_write_iso() {
        let d = crate::model::date::Date::new(2020, 4, 7).unwrap();
        assert_eq!(format!("{d}/{}", crate::model::date::Date::new(1999, 12, 31).unwrap()), "2020-04-07/1999-12-31");
    }

    #[test]
    fn numbers_are_plain_digits_that_fit() {
        use super::number;
        assert_eq!(number::<u16>("404"), Some(404));
        assert_eq!(number::<u16>("70000"), None);
        assert_eq!(number::<u64>("18446744073709551615"), Some(u64::MAX));
        assert_eq!(number::<u64>("18446744073709551616"), None);
        for bad in ["", "-1", "+1", "1.0", " 1", "1e3"] {
            assert_eq!(number::<usize>(bad), None, "{bad}");
        }
    }
}
