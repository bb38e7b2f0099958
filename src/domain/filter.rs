//! Which records the user is looking at: batch, level and major filters and a name search,
//! with the semantics of docs/dataset-format.md.

use std::collections::BTreeSet;

use super::model::{Level, Record};

/// The key two batch spellings share when they name the same batch: white space removed and
/// a final 次 dropped ("2021 年第一批次" and "2021年第一批" are one batch).
pub fn batch_key(label: &str) -> String {
    let squeezed: String = label.chars().filter(|c| !c.is_whitespace()).collect();
    match squeezed.strip_suffix('次') {
        Some(stem) => stem.to_string(),
        None => squeezed,
    }
}

/// A filter over records. Within a dimension the chosen values are alternatives (OR); across
/// dimensions they all apply (AND); an empty dimension does not filter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Batch keys (see [`batch_key`]).
    pub batches: BTreeSet<String>,
    pub levels: BTreeSet<Level>,
    /// Major codes: a record matches when any of its majors has one of them.
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
                || record
                    .majors
                    .iter()
                    .any(|major| self.majors.contains(&major.code)))
            && self.matches_search(&record.certificate)
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
