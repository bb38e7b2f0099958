//! The languages the interface speaks. Chinese is the default; every message the domain
//! produces also has an English form.

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// Picks the Chinese or the English text.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The BCP 47 tag, for `<html lang>` and number formatting.
    /// Two sentences as the language writes them one after the other: "甲。乙", "A. B".
    pub fn then(self, first: &str, second: &str) -> String {
        match self {
            Lang::Zh => format!("{first}。{second}"),
            Lang::En => format!("{first}. {second}"),
        }
    }

    /// `text` followed by `aside` in brackets: "标题（1/3）", "Title (1/3)".
    pub fn with_aside(self, text: &str, aside: &str) -> String {
        match self {
            Lang::Zh => format!("{text}（{aside}）"),
            Lang::En => format!("{text} ({aside})"),
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The short code remembered in the browser: `zh` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// The language's own name, as a switch shows it.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Zh => "中文",
            Lang::En => "English",
        }
    }
}

/// A count as each language writes it: `3482` in Chinese (as the report writes it), `3,482`
/// in English.
pub fn format_count(n: u64, lang: Lang) -> String {
    let digits = n.to_string();
    match lang {
        Lang::Zh => digits,
        Lang::En => group_digits(&digits),
    }
}

/// `1234567` → `1,234,567`: a comma every three digits from the right.
pub(crate) fn group_digits(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// A checked `YYYY-MM-DD` date as people write it: `2021年12月31日`, or `31 Dec 2021`.
pub fn format_date(iso: &str, lang: Lang) -> String {
    let parts: Vec<u32> = iso
        .split('-')
        .filter_map(|part| part.parse().ok())
        .collect();
    let [year, month, day] = parts[..] else {
        return iso.to_string();
    };
    match lang {
        Lang::Zh => format!("{year}年{month}月{day}日"),
        Lang::En => {
            const MONTHS: [&str; 12] = [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ];
            let name = MONTHS.get(month as usize - 1).copied().unwrap_or("?");
            format!("{day} {name} {year}")
        }
    }
}

/// A count with its English noun, singular or plural as the count asks: `1 pilot`,
/// `3,482 records`.
pub fn count_noun(count: u64, one: &str, many: &str) -> String {
    let noun = if count == 1 { one } else { many };
    format!("{} {noun}", format_count(count, Lang::En))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_in_english_only() {
        assert_eq!(format_count(3482, Lang::Zh), "3482");
        assert_eq!(format_count(3482, Lang::En), "3,482");
        assert_eq!(format_count(1_234_567, Lang::En), "1,234,567");
        assert_eq!(format_count(999, Lang::En), "999");
        assert_eq!(format_count(0, Lang::En), "0");
    }

    #[test]
    fn dates_read_as_people_write_them() {
        assert_eq!(format_date("2021-12-31", Lang::Zh), "2021年12月31日");
        assert_eq!(format_date("2022-01-05", Lang::Zh), "2022年1月5日");
        assert_eq!(format_date("2022-01-05", Lang::En), "5 Jan 2022");
        assert_eq!(format_date("garbage", Lang::Zh), "garbage");
    }

    #[test]
    fn sentences_and_asides_in_each_language() {
        assert_eq!(
            Lang::Zh.then("各证书通过率", "共 38 个"),
            "各证书通过率。共 38 个"
        );
        assert_eq!(Lang::En.then("Pass rate", "38 bars"), "Pass rate. 38 bars");
        assert_eq!(
            Lang::Zh.with_aside("各证书通过率", "1/3"),
            "各证书通过率（1/3）"
        );
        assert_eq!(Lang::En.with_aside("Pass rate", "1/3"), "Pass rate (1/3)");
    }
}
