//! What the comparison's charts draw: the pass rates A to B (a dumbbell a row), the registered
//! of both sides (paired bars), and the years of one school (the counts chart, a row a year).

use super::matching::Comparison;
use crate::domain::figures::Totals;
use crate::domain::lang::{Lang, format_count};

/// One row of the comparison's rate chart: a certificate at a level with a published-results
/// rate in both years.
#[derive(Clone, Debug, PartialEq)]
pub struct RateShift {
    /// "name · level", the name without its common ending (as the dashboard's charts).
    pub label: String,
    /// Both rates in percent, earlier first.
    pub a: f64,
    pub b: f64,
    /// The change in hundredths of a percentage point, as the table prints it.
    pub change: i64,
}

/// What the comparison's rate chart draws: a dumbbell per certificate and level, from the
/// earlier rate to the later one, the largest fall first.
#[derive(Clone, Debug, PartialEq)]
pub struct RateShiftChart {
    pub rows: Vec<RateShift>,
    /// The two sides' names (the years, or the titles), earlier first.
    pub legend: (String, String),
    /// A line under the chart: which rows of how many.
    pub note: String,
}

/// The rate chart of a comparison: every row with a rate on both sides, sorted by change
/// (largest fall first; ties by name), since what changed most is what a report discusses.
pub fn rate_shift_chart(
    comparison: &Comparison,
    legend: (String, String),
    lang: Lang,
) -> RateShiftChart {
    let mut rows: Vec<RateShift> = comparison
        .rows
        .iter()
        .filter_map(|row| {
            Some(RateShift {
                label: format!(
                    "{} · {}",
                    crate::domain::chart_data::short_certificate(row.name()).trim(),
                    row.level().label(lang)
                ),
                a: row.rate_a()?.percent(),
                b: row.rate_b()?.percent(),
                change: row.rate_change()?,
            })
        })
        .collect();
    rows.sort_by(|x, y| x.change.cmp(&y.change).then_with(|| x.label.cmp(&y.label)));
    let without = comparison.rows.len() - rows.len();
    let note = match lang {
        Lang::Zh => format!(
            "{} 个证书等级两年都有已公布成绩，按通过率变化排序（降幅最大的在上）；另有 {without} 个新增、不再开展或未出成绩。",
            rows.len()
        ),
        Lang::En => format!(
            "{} certificate levels with published results in both years, by change of pass rate (largest fall first); {without} more are new, dropped or without results.",
            rows.len()
        ),
    };
    RateShiftChart { rows, legend, note }
}

/// One row of the comparison's registered chart: a certificate at a level on either side.
#[derive(Clone, Debug, PartialEq)]
pub struct RegisteredShift {
    /// "name · level", as the rate chart writes it.
    pub label: String,
    /// Registered examinees in each year, earlier first; `None` where the year has no such
    /// pilot (new or dropped).
    pub a: Option<u64>,
    pub b: Option<u64>,
}

impl RegisteredShift {
    /// The change in people, a missing year counting as nobody.
    pub fn change(&self) -> i64 {
        self.b.unwrap_or(0) as i64 - self.a.unwrap_or(0) as i64
    }

    /// Both counts as the chart writes them beside the bars: `166 → 133`, `-- → 40`.
    pub fn figures(&self, lang: Lang) -> String {
        let count = |n: Option<u64>| n.map_or_else(|| "--".to_string(), |n| format_count(n, lang));
        format!("{} → {}", count(self.a), count(self.b))
    }
}

/// What the comparison's registered chart draws: two bars per certificate and level, the
/// earlier year's above the later one's.
#[derive(Clone, Debug, PartialEq)]
pub struct RegisteredChart {
    pub rows: Vec<RegisteredShift>,
    /// The most registered of either year over every row: each page of the chart draws its
    /// axis to it.
    pub largest: u64,
    /// The two sides' names (the years, or the titles), earlier first.
    pub legend: (String, String),
    pub note: String,
    pub lang: Lang,
}

/// The registered chart of a comparison: every row, sorted by the change in people (the
/// largest fall first, so dropped pilots lead and new ones close; ties by name).
pub fn registered_chart(
    comparison: &Comparison,
    legend: (String, String),
    lang: Lang,
) -> RegisteredChart {
    let mut rows: Vec<RegisteredShift> = comparison
        .rows
        .iter()
        .map(|row| RegisteredShift {
            label: format!(
                "{} · {}",
                crate::domain::chart_data::short_certificate(row.name()).trim(),
                row.level().label(lang)
            ),
            a: row.registered_a(),
            b: row.registered_b(),
        })
        .collect();
    rows.sort_by(|x, y| {
        x.change()
            .cmp(&y.change())
            .then_with(|| x.label.cmp(&y.label))
    });
    let note = match lang {
        Lang::Zh => format!(
            "{} 个证书等级，按报考人数变化排序（减少最多的在上）；“--”表示该年没有这个证书等级。",
            rows.len()
        ),
        Lang::En => format!(
            "{} certificate levels, by change of registered examinees (largest fall first); “--” means the year has no such pilot.",
            rows.len()
        ),
    };
    RegisteredChart {
        largest: rows
            .iter()
            .flat_map(|row| [row.a, row.b])
            .flatten()
            .max()
            .unwrap_or(0),
        rows,
        legend,
        note,
        lang,
    }
}

/// One year of a school's series: the year, the dataset's title, and its totals (under the
/// comparison's filters).
#[derive(Clone, Debug, PartialEq)]
pub struct YearFigures {
    pub year: i32,
    pub title: String,
    pub totals: Totals,
}

impl YearFigures {
    /// "2021年" / "2021".
    pub fn label(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("{}年", self.year),
            Lang::En => self.year.to_string(),
        }
    }
}

/// The series over the years as the dashboard's counts chart draws it: a row a year,
/// registered and certified (its rate in the data table), earliest first.
pub fn series_chart(
    years: &[YearFigures],
    school: &str,
    lang: Lang,
) -> crate::domain::chart_data::CountsChart {
    use crate::domain::chart_data::{BarTarget, CountsChart, CountsRow};
    use crate::domain::figures::PassRate;
    let rows: Vec<CountsRow> = years
        .iter()
        .map(|year| {
            let totals = &year.totals;
            let pending = totals.registered_published == 0 && totals.pending_registered > 0;
            CountsRow {
                label: format!("{} · {}", year.label(lang), year.title),
                short_label: year.label(lang),
                registered: totals.registered,
                certified: (!pending).then_some(totals.certified),
                rate_base: totals.registered_published,
                rate: match totals.pass_rate_published() {
                    Some(rate) => PassRate::Rate(rate),
                    None if pending => PassRate::Pending,
                    None => PassRate::Nobody,
                },
                target: BarTarget::Batch(year.year.to_string()),
            }
        })
        .collect();
    let span = match (years.first(), years.last()) {
        (Some(first), Some(last)) => format!("{}–{}", first.year, last.year),
        _ => String::new(),
    };
    let note = match lang {
        Lang::Zh => format!("{school}，{span} 年，每年一个数据集，各批次合计"),
        Lang::En => format!("{school}, {span}, one dataset a year, its batches summed"),
    };
    CountsChart {
        largest: rows.iter().map(|row| row.registered).max().unwrap_or(0),
        rows,
        note,
        definition: crate::domain::terms::RateDefinition::Published,
        lang,
    }
}
