//! What a Word report's own text says that a dataset carries: its title (the document's title
//! or first heading), the day its figures stand at ("截止到 2021 年 12 月 31 日"), and the
//! report-level figures of the format's `summary` (考评员, 专项培训, 考核站点, 投入资金), each with
//! the sentence it was read from, for the preview to propose and the user to confirm.

use crate::domain::model::SummaryItem;

/// A paragraph of the document outside its tables.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Paragraph {
    pub text: String,
    /// Styled as the document's title or a heading.
    pub heading: bool,
}

/// What the text gives.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportText {
    pub title: Option<String>,
    /// `YYYY-MM-DD`.
    pub as_of: Option<String>,
    pub figures: Vec<Proposed>,
}

/// A report-level figure, and the sentence that states it.
#[derive(Clone, Debug, PartialEq)]
pub struct Proposed {
    pub figure: SummaryItem,
    pub sentence: String,
}

/// A kind of report-level figure: the words a sentence stating it holds (all of the first
/// list, one of the second), the unit after its number, and the label and unit it is kept
/// under (the built-in report's).
struct Kind {
    all: &'static [&'static str],
    any: &'static [&'static str],
    units: &'static [&'static str],
    label: &'static str,
    unit: &'static str,
}

const KINDS: &[Kind] = &[
    Kind {
        all: &["考评员"],
        any: &["取得", "获得", "具备"],
        units: &["名", "人"],
        label: "取得考评员资格的教师",
        unit: "名",
    },
    Kind {
        all: &["培训"],
        any: &["骨干教师", "教师", "师资"],
        units: &["人次"],
        label: "参加证书专项培训的骨干教师",
        unit: "人次",
    },
    Kind {
        all: &["站点"],
        any: &["考核", "考点", "获批"],
        units: &["个"],
        label: "获批考核站点",
        unit: "个",
    },
    Kind {
        all: &["投入"],
        any: &["资金", "经费"],
        units: &["多万", "余万", "万"],
        label: "基地建设投入资金",
        unit: "万元",
    },
];

/// The longest title taken from a paragraph, in characters.
const TITLE_CHARS: usize = 80;

/// What `paragraphs` (the document's text outside its tables, in order) give.
pub fn read_report(paragraphs: &[Paragraph]) -> ReportText {
    let written: Vec<&Paragraph> = paragraphs
        .iter()
        .filter(|p| !p.text.trim().is_empty())
        .collect();
    // The title: the first paragraph styled as one, else a first line short enough to be one.
    let title = written
        .iter()
        .find(|p| p.heading)
        .or_else(|| written.first().filter(|p| p.text.chars().count() <= 40))
        .map(|p| p.text.trim().chars().take(TITLE_CHARS).collect());
    let sentences: Vec<&str> = written
        .iter()
        .flat_map(|p| p.text.split(['。', '；', ';']))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let as_of = sentences.iter().find_map(|s| as_of_in(s));
    let mut figures = Vec::new();
    for kind in KINDS {
        let found = sentences.iter().find_map(|sentence| {
            let cued = kind.all.iter().all(|w| sentence.contains(w))
                && kind.any.iter().any(|w| sentence.contains(w));
            let (value, unit) = cued.then(|| number_before(sentence, kind.units))??;
            Some(Proposed {
                figure: SummaryItem {
                    label: kind.label.to_string(),
                    value,
                    // "260 多万": about 2.6 million, kept as the report says it.
                    unit: Some(match unit {
                        "多万" => "多万元".to_string(),
                        "余万" => "余万元".to_string(),
                        _ => kind.unit.to_string(),
                    }),
                },
                sentence: sentence.to_string(),
            })
        });
        figures.extend(found);
    }
    ReportText {
        title,
        as_of,
        figures,
    }
}

/// The day a sentence like "截止到 2021 年 12 月 31 日" or "截至2021年12月31日" names.
fn as_of_in(sentence: &str) -> Option<String> {
    let start = ["截止到", "截至", "截止"]
        .iter()
        .find_map(|cue| sentence.find(cue).map(|at| at + cue.len()))?;
    let rest: String = sentence[start..]
        .chars()
        .filter(|c| !c.is_whitespace())
        .take(12)
        .collect();
    let (year, rest) = rest.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let (day, _) = rest.split_once('日')?;
    let (year, month, day): (u32, u32, u32) =
        (year.parse().ok()?, month.parse().ok()?, day.parse().ok()?);
    ((1990..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// The first number in `sentence` followed (after spaces) by one of `units`, and that unit.
fn number_before<'u>(sentence: &str, units: &[&'u str]) -> Option<(f64, &'u str)> {
    let chars: Vec<(usize, char)> = sentence.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].1.is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = chars[i].0;
        while i < chars.len() && (chars[i].1.is_ascii_digit() || chars[i].1 == '.') {
            i += 1;
        }
        let end = chars.get(i).map_or(sentence.len(), |c| c.0);
        let after = sentence[end..].trim_start();
        // ("人" is not "人次": 212 人次 of training is not 212 people.)
        let unit = units
            .iter()
            .find(|u| after.starts_with(**u) && !(**u == "人" && after.starts_with("人次")));
        if let Some(unit) = unit
            && let Ok(value) = sentence[start..end].parse::<f64>()
        {
            return Some((value, unit));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(lines: &[(&str, bool)]) -> Vec<Paragraph> {
        lines
            .iter()
            .map(|(text, heading)| Paragraph {
                text: text.to_string(),
                heading: *heading,
            })
            .collect()
    }

    #[test]
    fn the_reports_title_day_and_figures_are_read_from_its_text() {
        let text = paragraphs(&[
            ("2021年“1+X”证书制度试点工作报告", true),
            (
                "现将截止到 2021 年 12 月 31 日的试点工作情况报告如下。",
                false,
            ),
            (
                "2021 年，学校选派 212 人次专业骨干教师参加职业技能等级证书专项培训，共有 111 名教师取得了“1+X”证书考评员资格。",
                false,
            ),
            (
                "学校投入了 260 多万资金用于汽车运用与维修职业技能等级证书试点建设，目前一共获批有 43 个考核站点。",
                false,
            ),
        ]);
        let report = read_report(&text);
        assert_eq!(
            report.title.as_deref(),
            Some("2021年“1+X”证书制度试点工作报告")
        );
        assert_eq!(report.as_of.as_deref(), Some("2021-12-31"));
        let figures: Vec<(&str, f64, &str)> = report
            .figures
            .iter()
            .map(|p| {
                (
                    p.figure.label.as_str(),
                    p.figure.value,
                    p.figure.unit.as_deref().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            figures,
            [
                ("取得考评员资格的教师", 111.0, "名"),
                ("参加证书专项培训的骨干教师", 212.0, "人次"),
                ("获批考核站点", 43.0, "个"),
                ("基地建设投入资金", 260.0, "多万元"),
            ]
        );
        assert!(report.figures[0].sentence.contains("考评员资格"));
    }

    #[test]
    fn text_that_states_nothing_gives_nothing() {
        let report = read_report(&paragraphs(&[
            ("一、试点证书", false),
            ("学校共获批36个试点，详情见表1。考核站点正在建设中。", false),
        ]));
        assert_eq!(report.title.as_deref(), Some("一、试点证书"));
        assert_eq!(report.as_of, None);
        assert!(report.figures.is_empty(), "{:?}", report.figures);
        assert_eq!(as_of_in("截至2021年13月1日"), None);
        assert_eq!(
            as_of_in("截至 2022 年 6 月 30 日止").as_deref(),
            Some("2022-06-30")
        );
    }
}
