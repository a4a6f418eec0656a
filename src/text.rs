//! Languages and translatable text.
//!
//! A text field in the data is either a plain string (shown in every language)
//! or a map from language tag to string:
//! `{"zh-Hans": "产业振兴", "en": "Industry"}`. A missing translation falls
//! back to another language rather than to nothing; this module never
//! converts between scripts.

use serde::de::{self, Deserialize, Deserializer, MapAccess, Unexpected, Visitor};
use std::fmt;

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
        let t = tag.trim().to_ascii_lowercase().replace('_', "-");
        let mut parts = t.split('-');
        match parts.next()? {
            "en" => Some(Lang::En),
            "zh" => {
                let rest: Vec<&str> = parts.collect();
                let hant = rest
                    .iter()
                    .any(|p| matches!(*p, "hant" | "tw" | "hk" | "mo"))
                    && !rest.contains(&"hans");
                Some(if hant { Lang::ZhHant } else { Lang::ZhHans })
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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    // Indexed by `Lang::index`; a plain string is stored in every slot's
    // place through `plain` so that it never counts as a translation.
    by_lang: [Option<String>; 3],
    plain: Option<String>,
}

impl Text {
    /// A text that is the same in every language.
    pub fn plain(s: impl Into<String>) -> Text {
        Text {
            by_lang: [None, None, None],
            plain: Some(s.into()),
        }
    }

    /// A text with a string for each of the given languages.
    pub fn of(pairs: &[(Lang, &str)]) -> Text {
        let mut t = Text {
            by_lang: [None, None, None],
            plain: None,
        };
        for (l, s) in pairs {
            t.by_lang[l.index()] = Some((*s).to_owned());
        }
        t
    }

    /// The string to show in `lang`: its own translation, else the closest
    /// other (the other Chinese script before English, Chinese before English).
    pub fn get(&self, lang: Lang) -> &str {
        let order: [Lang; 3] = match lang {
            Lang::ZhHans => [Lang::ZhHans, Lang::ZhHant, Lang::En],
            Lang::ZhHant => [Lang::ZhHant, Lang::ZhHans, Lang::En],
            Lang::En => [Lang::En, Lang::ZhHans, Lang::ZhHant],
        };
        order
            .iter()
            .find_map(|l| self.by_lang[l.index()].as_deref())
            .or(self.plain.as_deref())
            .unwrap_or("")
    }

    /// Whether the text carries its own translation for `lang`.
    pub fn has(&self, lang: Lang) -> bool {
        self.by_lang[lang.index()].is_some()
    }

    /// Every string in the text (for length checks and search).
    pub fn strings(&self) -> impl Iterator<Item = &str> {
        self.by_lang
            .iter()
            .chain(std::iter::once(&self.plain))
            .filter_map(|s| s.as_deref())
    }
}

const EXPECTED: &str = "a string, or an object of strings keyed by zh-Hans, zh-Hant or en";

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(EXPECTED)
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Text, E> {
                if s.trim().is_empty() {
                    return Err(E::invalid_value(Unexpected::Str(s), &"a non-empty text"));
                }
                Ok(Text::plain(s))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut t = Text {
                    by_lang: [None, None, None],
                    plain: None,
                };
                while let Some(key) = map.next_key::<String>()? {
                    let lang = match key.as_str() {
                        "zh-Hans" => Lang::ZhHans,
                        "zh-Hant" => Lang::ZhHant,
                        "en" => Lang::En,
                        _ => {
                            return Err(de::Error::unknown_field(
                                &key,
                                &["zh-Hans", "zh-Hant", "en"],
                            ))
                        }
                    };
                    let s: String = map.next_value()?;
                    if t.by_lang[lang.index()].is_some() {
                        return Err(de::Error::duplicate_field(lang.tag()));
                    }
                    if !s.trim().is_empty() {
                        t.by_lang[lang.index()] = Some(s);
                    }
                }
                if t.by_lang.iter().all(Option::is_none) {
                    return Err(de::Error::invalid_length(
                        0,
                        &"at least one non-empty translation",
                    ));
                }
                Ok(t)
            }
        }
        d.deserialize_any(V)
    }
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
}
