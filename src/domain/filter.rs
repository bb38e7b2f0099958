//! Which records the user is looking at: batch, level and major filters and a name search,
//! with the semantics of docs/dataset-format.md.

use std::collections::BTreeSet;

use super::lang::{Lang, count_noun, format_count};
pub use super::model::batch_key;
use super::model::{Level, Record};

/// A filter over records. Within a dimension the chosen values are alternatives (OR); across
/// dimensions they all apply (AND); an empty dimension does not filter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Batch keys (see [`batch_key`]).
    pub batches: BTreeSet<String>,
    pub levels: BTreeSet<Level>,
    /// Majors by `Major::key` (the code, or the name of a major without one): a record
    /// matches when any of its majors is one of them.
    pub majors: BTreeSet<String>,
    /// Words that must all occur in the certificate name (case, white space and the width of
    /// brackets do not matter).
    pub search: String,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.batches.is_empty()
            && self.levels.is_empty()
            && self.majors.is_empty()
            && self.search.trim().is_empty()
    }

    pub fn matches(&self, record: &Record) -> bool {
        (self.batches.is_empty() || self.batches.contains(&batch_key(&record.batch)))
            && (self.levels.is_empty() || self.levels.contains(&record.level))
            && (self.majors.is_empty()
                || record.majors.iter().any(|major| {
                    // By its code, or by its name (a major of several codes).
                    self.majors.contains(major.key()) || self.majors.contains(&major.name)
                }))
            && self.matches_search(&record.certificate)
    }

    /// Takes out the value a chip of this filter stands for (a chip's remove button).
    pub fn remove(&mut self, chip: &Chip) {
        match *chip {
            Chip::Batch { key, .. } => {
                self.batches.remove(key);
            }
            Chip::Level(level) => {
                self.levels.remove(&level);
            }
            Chip::Major { code, .. } => {
                self.majors.remove(code);
            }
            Chip::Search(_) => self.search.clear(),
        }
    }

    fn matches_search(&self, certificate: &str) -> bool {
        let name = fold_for_search(certificate);
        self.search
            .split_whitespace()
            .all(|word| name.contains(&fold_for_search(word)))
    }

    /// The records that match, in data order.
    pub fn apply<'a>(&'a self, records: &'a [Record]) -> impl Iterator<Item = &'a Record> + 'a {
        records.iter().filter(move |record| self.matches(record))
    }
}

/// One value of an active filter, as its removable chip names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chip<'a> {
    /// A batch: its key in the filter, and the label the data spells it with.
    Batch {
        key: &'a str,
        label: &'a str,
    },
    Level(Level),
    /// A major's code and name (the name may be empty when no record has the code).
    Major {
        code: &'a str,
        name: &'a str,
    },
    /// The search words, trimmed.
    Search(&'a str),
}

impl Chip<'_> {
    /// `批次：2021年第一批`, `Level: Intermediate`.
    pub fn text(&self, lang: Lang) -> String {
        match (*self, lang) {
            (Chip::Batch { label, .. }, Lang::Zh) => format!("批次：{label}"),
            (Chip::Batch { label, .. }, Lang::En) => format!("Batch: {label}"),
            (Chip::Level(level), Lang::Zh) => format!("等级：{}", level.label(lang)),
            (Chip::Level(level), Lang::En) => format!("Level: {}", level.label(lang)),
            (Chip::Major { code, name }, lang) => {
                // A major without a code is known by its name (`code` is then the name too).
                let major = if name.is_empty() || name == code {
                    code.to_string()
                } else {
                    format!("{code} {name}")
                };
                format!("{}{major}", lang.pick("专业：", "Major: "))
            }
            (Chip::Search(words), Lang::Zh) => format!("名称含：{words}"),
            (Chip::Search(words), Lang::En) => format!("Name contains: {words}"),
        }
    }

    /// What the chip's remove button is called: `移除筛选 批次：2021年第一批`.
    pub fn remove_label(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("移除筛选 {}", self.text(lang)),
            Lang::En => format!("Remove filter {}", self.text(lang)),
        }
    }
}

/// How many records the filter lets through, of how many: `全部 38 条记录` when nothing is
/// filtered, `筛选出 3 / 38 条记录`, `3 of 38 records`.
pub fn matched_text(matched: usize, all: usize, filtered: bool, lang: Lang) -> String {
    let (matched, all) = (matched as u64, all as u64);
    match (filtered, lang) {
        (false, Lang::Zh) => format!("全部 {all} 条记录"),
        (true, Lang::Zh) => format!("筛选出 {matched} / {all} 条记录"),
        (false, Lang::En) if all == 1 => "1 record".into(),
        (false, Lang::En) => format!("All {}", count_noun(all, "record", "records")),
        (true, Lang::En) => format!(
            "{} of {}",
            format_count(matched, lang),
            count_noun(all, "record", "records")
        ),
    }
}

/// Lower case, no white space, full-width ASCII forms (（ＢＩＭ）) folded to half width.
pub(crate) fn fold_for_search(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            other => other,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_spellings_of_the_report_share_a_key() {
        assert_eq!(batch_key("2021 年第一批次"), batch_key("2021年第一批"));
        assert_eq!(batch_key("2021 年沿用批次"), "2021年沿用批");
        assert_ne!(batch_key("2021年第一批"), batch_key("2021年第二批"));
    }

    #[test]
    fn chips_name_each_filter_in_both_languages() {
        let batch = Chip::Batch {
            key: "2021年第二批",
            label: "2021年第二批",
        };
        assert_eq!(batch.text(Lang::Zh), "批次：2021年第二批");
        assert_eq!(batch.remove_label(Lang::Zh), "移除筛选 批次：2021年第二批");
        assert_eq!(batch.text(Lang::En), "Batch: 2021年第二批");
        assert_eq!(
            batch.remove_label(Lang::En),
            "Remove filter Batch: 2021年第二批"
        );
        assert_eq!(
            Chip::Level(Level::Intermediate).text(Lang::Zh),
            "等级：中级"
        );
        assert_eq!(
            Chip::Level(Level::Intermediate).text(Lang::En),
            "Level: Intermediate"
        );
        let major = Chip::Major {
            code: "630302",
            name: "会计",
        };
        assert_eq!(major.text(Lang::Zh), "专业：630302 会计");
        assert_eq!(major.text(Lang::En), "Major: 630302 会计");
        assert_eq!(Chip::Search("web").text(Lang::Zh), "名称含：web");
        assert_eq!(Chip::Search("web").text(Lang::En), "Name contains: web");
    }

    #[test]
    fn a_chip_removes_its_own_value() {
        let mut filter = Filter {
            batches: [batch_key("2021年第一批"), batch_key("2021年第二批")].into(),
            levels: [Level::Intermediate].into(),
            majors: ["630302".to_string()].into(),
            search: "物流".into(),
        };
        let key = batch_key("2021年第二批");
        filter.remove(&Chip::Batch {
            key: &key,
            label: "2021年第二批",
        });
        filter.remove(&Chip::Level(Level::Intermediate));
        filter.remove(&Chip::Major {
            code: "630302",
            name: "会计",
        });
        assert_eq!(filter.batches, [batch_key("2021年第一批")].into());
        assert!(filter.levels.is_empty() && filter.majors.is_empty());
        filter.remove(&Chip::Search("物流"));
        assert_eq!(filter.search, "");
    }

    #[test]
    fn the_matched_count_in_both_languages() {
        assert_eq!(matched_text(38, 38, false, Lang::Zh), "全部 38 条记录");
        assert_eq!(matched_text(3, 38, true, Lang::Zh), "筛选出 3 / 38 条记录");
        assert_eq!(matched_text(38, 38, false, Lang::En), "All 38 records");
        assert_eq!(matched_text(1, 1, false, Lang::En), "1 record");
        assert_eq!(
            matched_text(1200, 12000, true, Lang::En),
            "1,200 of 12,000 records"
        );
        assert_eq!(
            matched_text(12000, 12000, false, Lang::Zh),
            "全部 12000 条记录"
        );
    }

    #[test]
    fn search_ignores_case_spaces_and_bracket_width() {
        let filter = Filter {
            search: "bim （".into(),
            ..Filter::default()
        };
        assert!(filter.matches_search("建筑信息模型(BIM)职业技能等级证书"));
        let filter = Filter {
            search: "Web 前端".into(),
            ..Filter::default()
        };
        assert!(filter.matches_search("Web前端开发职业技能等级证书"));
        assert!(!filter.matches_search("移动应用开发职业技能等级证书"));
    }
}
