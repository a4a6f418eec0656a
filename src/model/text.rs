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
        let parts = parts.map(|p| p.filter(|s| !trim(s).is_empty()));
        parts.iter().any(Option::is_some).then(|| Text::Langs(Box::new(parts)))
    }
}

/// Characters (Unicode scalar values) in `s`: UTF-8 bytes that do not
/// continue a sequence. Same answer as `s.chars().count()`, whose unrolled
/// version costs the wasm about 0.8 KB.
pub fn char_count(s: &str) -> usize {
    s.bytes().filter(|b| (*b as i8) >= -0x40).count()
}

/// `items` joined with `sep`: a small loop instead of std's `join`
/// machinery (1.4 KB of wasm), and no collected Vec.
pub fn join<'a>(items: impl IntoIterator<Item = &'a str>, sep: &str) -> String {
    let mut out = String::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(item);
    }
    out
}

/// `s` without white space (Unicode's, so an ideographic space typed in a
/// Chinese input method goes too) at either end. One pass, no pattern
/// searchers: the helpers below keep std's string searching (memchr and
/// friends, about 1.5 KB) out of the wasm.
pub fn trim(s: &str) -> &str {
    let (mut start, mut end) = (s.len(), 0);
    for (i, c) in s.char_indices() {
        if !c.is_whitespace() {
            start = start.min(i);
            end = i + c.len_utf8();
        }
    }
    s.get(start..end).unwrap_or_default()
}

/// The text before and after the first `byte` (an ASCII character).
pub fn split_at_byte(s: &str, byte: u8) -> Option<(&str, &str)> {
    let i = s.bytes().position(|b| b == byte)?;
    Some((s.get(..i)?, s.get(i + 1..)?))
}

/// `s` as a whole number (ASCII digits only, no sign), if it fits in `T`:
/// one small loop instead of std's `parse` for each integer type.
pub fn number<T: TryFrom<u64>>(s: &str) -> Option<T> {
    if s.is_empty() {
        return None;
    }
    let n = s.bytes().try_fold(0u64, |n, b| {
        if b.is_ascii_digit() {
            n.checked_mul(10)?.checked_add(u64::from(b - b'0'))
        } else {
            None
        }
    })?;
    T::try_from(n).ok()
}

/// Something `cat!` can append to a string.
pub trait Piece {
    /// Appends `self` to `out`.
    fn put(&self, out: &mut String);
}

impl Piece for str {
    fn put(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for String {
    fn put(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl<T: Piece + ?Sized> Piece for &T {
    fn put(&self, out: &mut String) {
        (**self).put(out);
    }
}

impl Piece for char {
    fn put(&self, out: &mut String) {
        out.push(*self);
    }
}

impl Piece for bool {
    fn put(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

macro_rules! unsigned_piece {
    ($($t:ty),*) => {$(
        impl Piece for $t {
            fn put(&self, out: &mut String) {
                put_decimal(*self as u64, out);
            }
        }
    )*};
}
unsigned_piece!(u8, u16, u32, usize);

impl Piece for i64 {
    fn put(&self, out: &mut String) {
        if *self < 0 {
            out.push('-');
        }
        put_decimal(self.unsigned_abs(), out);
    }
}

/// Appends `n` in decimal digits.
#[inline(never)]
pub fn put_decimal(mut n: u64, out: &mut String) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    digits[i..].iter().for_each(|d| out.push(*d as char));
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
    fn char_count_and_join_agree_with_std() {
        for s in ["", "abc", "产业振兴", "a\u{1F600}é\n"] {
            assert_eq!(super::char_count(s), s.chars().count(), "{s}");
        }
        assert_eq!(super::join(["a", "b", "c"], ", "), "a, b, c");
        assert_eq!(super::join([], ", "), "");
    }

    #[test]
    fn pieces_write_what_format_would() {
        for n in [0u64, 7, 10, 99, 100, 65_535, u64::MAX] {
            let mut out = String::new();
            super::put_decimal(n, &mut out);
            assert_eq!(out, n.to_string());
        }
        assert_eq!(
            cat!("a", 1u8, ' ', -42i64, " ", i64::MIN, true, String::from("!")),
            format!("a1 -42 {}true!", i64::MIN)
        );
        let d = crate::model::date::Date::new(2020, 4, 7).unwrap();
        assert_eq!(cat!(d, "/", crate::model::date::Date::new(1999, 12, 31).unwrap()), "2020-04-07/1999-12-31");
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

    #[test]
    fn trim_and_split_agree_with_std() {
        for s in ["", " ", "\u{3000}改厕 \n", "a b", " x", "x\t", "\u{3000}\u{3000}"] {
            assert_eq!(super::trim(s), s.trim(), "{s:?}");
        }
        for s in ["tf/m", "tf/", "/m", "tf", "a/b/c", "产业/措施"] {
            assert_eq!(super::split_at_byte(s, b'/'), s.split_once('/'), "{s}");
        }
    }
}
