//! English for the words a report writes around its figures: the labels and units of the
//! report-level figures (`取得考评员资格的教师 111 名`). They come from the dataset, so English
//! mode shows the English of the labels it knows and the dataset's own words for the rest.

use super::figures::format_number;
use super::lang::Lang;
use super::model::SummaryItem;

/// Report labels and their English.
const LABELS: [(&str, &str); 12] = [
    ("取得考评员资格的教师", "Teachers qualified as assessors"),
    (
        "参加证书专项培训的骨干教师",
        "Lead teachers trained for the certificates",
    ),
    ("获批考核站点", "Approved assessment sites"),
    ("基地建设投入资金", "Investment in training bases"),
    ("考评员", "Assessors"),
    ("考核站点", "Assessment sites"),
    ("培训教师", "Trained teachers"),
    ("试点专业", "Pilot majors"),
    ("试点证书", "Pilot certificates"),
    ("参与学生", "Students taking part"),
    ("合作企业", "Partner companies"),
    ("投入资金", "Investment"),
];

/// One report-level figure as shown: its label, its value and its unit, in `lang`.
pub fn summary_item_parts(item: &SummaryItem, lang: Lang) -> (String, String, String) {
    let unit = item.unit.as_deref().unwrap_or("").trim();
    let value = format_number(item.value, lang);
    if lang == Lang::Zh {
        return (item.label.clone(), value, unit.to_string());
    }
    let label = LABELS
        .iter()
        .find(|(zh, _)| *zh == item.label.trim())
        .map_or_else(|| item.label.clone(), |(_, en)| en.to_string());
    let (value, unit) = match unit {
        "名" | "人" | "个" | "所" | "家" | "项" => (value, String::new()),
        "人次" => (value, "person-times".to_string()),
        "人日" => (value, "person-days".to_string()),
        "元" => (value, "yuan".to_string()),
        // 万 is ten thousand: 260 万元 is 2.6 million yuan; 260 多万元 more than that.
        "万元" => (format_number(item.value * 10_000.0, lang), "yuan".into()),
        "多万元" => (
            format!("over {}", format_number(item.value * 10_000.0, lang)),
            "yuan".into(),
        ),
        other => (value, other.to_string()),
    };
    (label, value, unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(label: &str, value: f64, unit: Option<&str>) -> SummaryItem {
        SummaryItem {
            label: label.into(),
            value,
            unit: unit.map(Into::into),
        }
    }

    #[test]
    fn the_reports_figures_in_english() {
        let parts = |i: &SummaryItem| summary_item_parts(i, Lang::En);
        assert_eq!(
            parts(&item("取得考评员资格的教师", 111.0, Some("名"))),
            (
                "Teachers qualified as assessors".into(),
                "111".into(),
                "".into()
            )
        );
        assert_eq!(
            parts(&item("参加证书专项培训的骨干教师", 212.0, Some("人次"))).2,
            "person-times"
        );
        assert_eq!(
            parts(&item("基地建设投入资金", 260.0, Some("多万元"))),
            (
                "Investment in training bases".into(),
                "over 2,600,000".into(),
                "yuan".into()
            )
        );
        // A label it does not know stays as the dataset writes it.
        assert_eq!(parts(&item("其他", 5.0, Some("台"))).0, "其他");
    }

    #[test]
    fn chinese_is_the_datasets_own_words() {
        assert_eq!(
            summary_item_parts(&item("获批考核站点", 43.0, Some("个")), Lang::Zh),
            ("获批考核站点".into(), "43".into(), "个".into())
        );
    }

    #[test]
    fn every_built_in_figure_has_english() {
        for item in crate::domain::builtin::report_2021().summary {
            let (label, ..) = summary_item_parts(&item, Lang::En);
            assert!(label.is_ascii(), "{label}");
        }
    }
}
