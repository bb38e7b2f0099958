//! What a chart shown away from the dashboard must say about itself (on a slide, in an
//! exported picture): which dataset, which records (the filters) and as of when.

use super::filter::{Chip, Filter};
use super::index::DatasetIndex;
use super::lang::{Lang, format_date};
use super::model::Dataset;

/// The three lines under a chart's title.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Caption {
    /// The dataset's title.
    pub dataset: String,
    /// The active filters, or that every record is shown.
    pub filters: String,
    /// "数据截至 2021年12月31日", empty when the dataset has no date.
    pub as_of: String,
}

impl Caption {
    pub fn new(dataset: &Dataset, index: &DatasetIndex, filter: &Filter, lang: Lang) -> Caption {
        Caption {
            dataset: dataset.title.clone(),
            filters: describe_filter(filter, index, lang),
            as_of: dataset.as_of.as_deref().map_or_else(String::new, |date| {
                let date = format_date(date, lang);
                match lang {
                    Lang::Zh => format!("数据截至 {date}"),
                    Lang::En => format!("Data as of {date}"),
                }
            }),
        }
    }

    /// The caption as one line: "title · filters · as of".
    pub fn one_line(&self) -> String {
        join_parts(&[&self.dataset, &self.filters, &self.as_of])
    }

    /// The lines under a file's title (a document, a deck's opening slide): the filters, the
    /// data's date and the day the file was made, `YYYY-MM-DD`; none of them empty.
    pub fn file_lines(&self, made_on: &str, lang: Lang) -> Vec<String> {
        let made = match lang {
            Lang::Zh => format!("导出于 {made_on}"),
            Lang::En => format!("Exported on {made_on}"),
        };
        [self.filters.clone(), self.as_of.clone(), made]
            .into_iter()
            .filter(|line| !line.is_empty())
            .collect()
    }

    /// The line under the dataset's title in an exported picture: "filters · as of".
    pub fn details(&self) -> String {
        join_parts(&[&self.filters, &self.as_of])
    }
}

/// The parts that are not empty, with " · " between them.
fn join_parts(parts: &[&str]) -> String {
    parts
        .iter()
        .copied()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The active filters as chips, in the order the filter panel shows them: batches, levels,
/// majors, then the search words. A major code the data does not have keeps an empty name.
pub fn chips<'a>(filter: &'a Filter, index: &'a DatasetIndex) -> Vec<Chip<'a>> {
    let batches = filter.batches.iter().map(|key| Chip::Batch {
        key,
        label: index
            .batches
            .iter()
            .find(|b| &b.key == key)
            .map_or(key.as_str(), |b| b.label.as_str()),
    });
    let levels = filter.levels.iter().map(|&level| Chip::Level(level));
    let majors = filter.majors.iter().map(|code| Chip::Major {
        code,
        name: index.major_named(code).map_or("", |m| m.name.as_str()),
    });
    let words = filter.search.trim();
    let search = (!words.is_empty()).then_some(Chip::Search(words));
    batches.chain(levels).chain(majors).chain(search).collect()
}

/// The filters as one phrase: "筛选：等级：中级；批次：2021年第一批", or "全部记录".
pub fn describe_filter(filter: &Filter, index: &DatasetIndex, lang: Lang) -> String {
    let phrases: Vec<String> = chips(filter, index)
        .iter()
        .map(|chip| chip.text(lang).trim_end().to_string())
        .collect();
    match (phrases.is_empty(), lang) {
        (true, _) => lang.pick("全部记录", "All records").to_string(),
        (false, Lang::Zh) => format!("筛选：{}", phrases.join("；")),
        (false, Lang::En) => format!("Filtered by {}", phrases.join("; ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Level;
    use crate::domain::builtin;
    use crate::domain::filter::batch_key;

    #[test]
    fn a_caption_names_the_dataset_the_filters_and_the_date() {
        let dataset = builtin::report_2021();
        let index = DatasetIndex::new(&dataset);
        let mut filter = Filter::default();
        let all = Caption::new(&dataset, &index, &filter, Lang::Zh);
        assert_eq!(all.filters, "全部记录");
        assert_eq!(all.as_of, "数据截至 2021年12月31日");
        assert!(all.one_line().starts_with(&dataset.title));

        filter.levels.insert(Level::Intermediate);
        filter.batches.insert(batch_key("2021年第一批"));
        filter.search = "物流".into();
        let some = Caption::new(&dataset, &index, &filter, Lang::Zh);
        assert_eq!(
            some.filters,
            "筛选：批次：2021年第一批；等级：中级；名称含：物流"
        );
        let english = Caption::new(&dataset, &index, &filter, Lang::En);
        assert_eq!(
            english.filters,
            "Filtered by Batch: 2021年第一批; Level: Intermediate; Name contains: 物流"
        );
        assert_eq!(english.as_of, "Data as of 31 Dec 2021");
    }

    #[test]
    fn a_major_is_named_by_code_and_name() {
        let dataset = builtin::report_2021();
        let index = DatasetIndex::new(&dataset);
        let major = index.majors[0].clone();
        let filter = Filter {
            majors: [major.code.clone(), "999999".to_string()].into(),
            ..Filter::default()
        };
        let phrases: Vec<String> = chips(&filter, &index)
            .iter()
            .map(|chip| chip.text(Lang::Zh))
            .collect();
        assert!(phrases.contains(&format!("专业：{} {}", major.code, major.name)));
        // A code the data does not have is still shown, as it is.
        assert!(phrases.contains(&"专业：999999".to_string()));
    }
}
