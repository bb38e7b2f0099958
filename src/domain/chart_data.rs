//! What each chart shows, prepared from the matching records: bars with their labels, values,
//! sample sizes and intervals. The drawing code in `src/charts` only places these.

use super::figures::{PassRate, Totals};
use super::index::Selection;
use super::lang::{Lang, count_noun, format_count};
use super::model::{Level, Record};
use super::stats::wilson_interval;
pub use super::terms::BarTarget;
use super::terms::{GroupBy, RateDefinition};

/// Below this many registered, a rate is marked as a small sample and gets a whisker.
pub const SMALL_SAMPLE: u64 = 10;

/// The value of one bar.
#[derive(Clone, Debug, PartialEq)]
pub enum BarValue {
    Rate {
        percent: f64,
        text: String,
        /// The 95% Wilson interval, in percent, for small samples.
        interval: Option<(f64, f64)>,
    },
    /// Registered, results not yet published.
    Pending,
    /// Nobody registered.
    Nobody,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RateBar {
    /// The label as it should read in full (tooltips and the data table).
    pub label: String,
    /// The label on the chart: certificate names without the suffix every one of them shares.
    pub short_label: String,
    pub value: BarValue,
    /// Everyone registered.
    pub registered: u64,
    /// The rate's base under the chosen definition: the registered whose results count (all
    /// registered, or those with published results).
    pub rate_base: u64,
    /// `None` while none of the bar's records has published results.
    pub certified: Option<u64>,
    pub target: BarTarget,
    /// The language of the bar's texts.
    pub lang: Lang,
}

impl RateBar {
    /// The sample size a bar states: the rate's base, or, while results are pending, the
    /// registered who wait for them.
    pub fn n(&self) -> u64 {
        match self.value {
            BarValue::Pending => self.registered,
            _ => self.rate_base,
        }
    }

    pub fn is_small_sample(&self) -> bool {
        matches!(self.value, BarValue::Rate { .. }) && self.rate_base < SMALL_SAMPLE
    }

    pub fn value_text(&self) -> String {
        match &self.value {
            BarValue::Rate { text, .. } => text.clone(),
            BarValue::Pending => rate_value_text(PassRate::Pending, self.lang),
            BarValue::Nobody => rate_value_text(PassRate::Nobody, self.lang),
        }
    }

    /// The label a bar carries: its value with n, `86.00%（n=50）` or `86.00% (n=50)`; the
    /// value alone where n is 0.
    pub fn value_with_n(&self) -> String {
        let value = self.value_text();
        let n = format_count(self.n(), self.lang);
        match self.lang {
            _ if self.n() == 0 => value,
            Lang::Zh => format!("{value}（n={n}）"),
            Lang::En => format!("{value} (n={n})"),
        }
    }
}

/// A horizontal bar chart of pass rates with an overall reference line.
#[derive(Clone, Debug, PartialEq)]
pub struct RateChart {
    pub bars: Vec<RateBar>,
    /// The overall rate of the filtered records, in percent, and its legend text.
    pub reference: Option<(f64, String)>,
    pub whiskers: bool,
    /// A line under the chart: which bars of how many, or how records are counted.
    pub note: String,
    /// Which rate the bars show (the data table names its base).
    pub definition: RateDefinition,
    pub lang: Lang,
}

/// One row of the registered-vs-certified chart.
#[derive(Clone, Debug, PartialEq)]
pub struct CountsRow {
    pub label: String,
    pub short_label: String,
    pub registered: u64,
    /// `None` while results are pending.
    pub certified: Option<u64>,
    /// The rate's base and the rate under the chosen definition (the data table states them).
    pub rate_base: u64,
    pub rate: PassRate,
    pub target: BarTarget,
}

impl CountsRow {
    /// The label a row carries: "200 / 164", "200 / 未出成绩".
    pub fn value_label(&self, lang: Lang) -> String {
        format!(
            "{} / {}",
            format_count(self.registered, lang),
            certified_text(self.certified, lang)
        )
    }

    /// A sentence for screen readers and tooltips: the figures of the row.
    pub fn describe(&self, lang: Lang) -> String {
        figures_sentence(&self.label, self.registered, self.certified, lang)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct CountsChart {
    pub rows: Vec<CountsRow>,
    /// The most registered of any row of the whole chart, not only of the rows it holds: every
    /// page of a long chart (a slide, a picture, a figure) draws its count axis to it, so that
    /// one length means one count on all of them.
    pub largest: u64,
    pub note: String,
    /// Which rate the data table gives beside the counts.
    pub definition: RateDefinition,
    pub lang: Lang,
}

/// A window onto a long list of bars: `first` is 0-based.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub first: usize,
    pub size: usize,
}

/// "产品创意设计职业技能等级证书 · 中级", with the batch where two records share that name.
pub fn record_label(record: &Record, with_batch: bool, lang: Lang) -> String {
    labelled(&record.certificate, record, with_batch, lang)
}

/// A certificate name with the record's level (in `lang`) and, where asked, its batch.
fn labelled(name: &str, record: &Record, with_batch: bool, lang: Lang) -> String {
    let level = record.level.label(lang);
    match (with_batch, lang) {
        (false, _) => format!("{name} · {level}"),
        (true, Lang::Zh) => format!("{name} · {level}（{}）", record.batch),
        (true, Lang::En) => format!("{name} · {level} ({})", record.batch),
    }
}

/// A certificate name without "职业技能等级证书" / "技能等级证书" / "等级证书", which nearly every
/// name ends with and which crowds a chart label: "物流管理职业技能等级证书" → "物流管理".
pub fn short_certificate(name: &str) -> &str {
    let name = name.trim();
    ["职业技能等级证书", "技能等级证书", "等级证书"]
        .into_iter()
        .find_map(|suffix| name.strip_suffix(suffix))
        .filter(|stem| !stem.trim().is_empty())
        .unwrap_or(name)
}

fn short_record_label(record: &Record, with_batch: bool, lang: Lang) -> String {
    labelled(
        short_certificate(&record.certificate),
        record,
        with_batch,
        lang,
    )
}

fn rate_value(rate: PassRate) -> BarValue {
    match rate {
        PassRate::Rate(rate) => BarValue::Rate {
            percent: rate.percent(),
            text: rate.format_percent(),
            interval: (rate.whole < SMALL_SAMPLE)
                .then(|| wilson_interval(rate.part, rate.whole))
                .flatten()
                .map(|(low, high)| (low * 100.0, high * 100.0)),
        },
        PassRate::Pending => BarValue::Pending,
        PassRate::Nobody => BarValue::Nobody,
    }
}

/// One record's rate and its base under `definition` (a record's rate is as a set of one
/// record's: pending until its results are published).
fn record_rate(record: &Record, definition: RateDefinition) -> (PassRate, u64) {
    let rate = PassRate::new(record.pass_rate(), record.registered, record.is_pending());
    let base = match definition {
        RateDefinition::Published if record.is_pending() => 0,
        _ => record.registered,
    };
    (rate, base)
}

fn overall(totals: &Totals, definition: RateDefinition, lang: Lang) -> Option<(f64, String)> {
    let rate = totals.pass_rate(definition).ratio()?;
    let (rate_text, definition) = (rate.format_percent(), definition.short_label(lang));
    let legend = match lang {
        Lang::Zh => format!("总体 {rate_text}（{definition}）"),
        Lang::En => format!("Overall {rate_text} ({})", definition.to_lowercase()),
    };
    Some((rate.percent(), legend))
}

/// Which bars of how many a chart shows: "第 1–40 个证书等级，共 120 个".
fn window_note(window: Window, shown: usize, total: usize, lang: Lang) -> String {
    let count = |n: usize| format_count(n as u64, lang);
    match lang {
        _ if total == 0 => lang
            .pick("没有符合筛选条件的记录", "No records match the filters")
            .into(),
        Lang::Zh if shown == total => format!("共 {total} 个证书等级"),
        Lang::Zh => format!(
            "第 {}–{} 个证书等级，共 {total} 个",
            window.first + 1,
            window.first + shown
        ),
        Lang::En if shown == total => {
            count_noun(total as u64, "certificate level", "certificate levels")
        }
        Lang::En => format!(
            "Certificate levels {}–{} of {}",
            count(window.first + 1),
            count(window.first + shown),
            count(total)
        ),
    }
}

/// Pass rate by certificate: one bar per matching record, highest rate first.
pub fn pass_rate_by_certificate(
    selection: Selection,
    definition: RateDefinition,
    whiskers: bool,
    window: Window,
    lang: Lang,
) -> RateChart {
    let Selection {
        dataset,
        index,
        members,
        totals,
        ..
    } = selection;
    let bars: Vec<RateBar> = index
        .by_rate(members)
        .skip(window.first)
        .take(window.size)
        .map(|i| {
            let record = &dataset.records[i];
            let (rate, rate_base) = record_rate(record, definition);
            RateBar {
                label: record_label(record, index.shares_name(i), lang),
                short_label: short_record_label(record, index.shares_name(i), lang),
                value: rate_value(rate),
                registered: record.registered,
                rate_base,
                certified: record.certified,
                target: BarTarget::Record(i),
                lang,
            }
        })
        .collect();
    RateChart {
        note: window_note(window, bars.len(), totals.records, lang)
            + &small_sample_note(&bars, whiskers, lang),
        bars,
        reference: overall(totals, definition, lang),
        whiskers,
        definition,
        lang,
    }
}

/// Registered and certified per certificate, most registered first; the rate under
/// `definition` is for the data table.
pub fn registered_certified(
    selection: Selection,
    definition: RateDefinition,
    window: Window,
    lang: Lang,
) -> CountsChart {
    let Selection {
        dataset,
        index,
        members,
        totals,
        ..
    } = selection;
    let rows: Vec<CountsRow> = index
        .by_registered(members)
        .skip(window.first)
        .take(window.size)
        .map(|i| {
            let record = &dataset.records[i];
            let (rate, rate_base) = record_rate(record, definition);
            CountsRow {
                label: record_label(record, index.shares_name(i), lang),
                short_label: short_record_label(record, index.shares_name(i), lang),
                registered: record.registered,
                certified: record.certified,
                rate_base,
                rate,
                target: BarTarget::Record(i),
            }
        })
        .collect();
    CountsChart {
        note: window_note(window, rows.len(), totals.records, lang),
        largest: index
            .by_registered(members)
            .next()
            .map_or(0, |i| dataset.records[i].registered),
        rows,
        definition,
        lang,
    }
}

/// Pass rate per batch, level or major of the matching records. A record counts once for
/// each of its majors, so the major bars add up to more than the records.
pub fn pass_rate_by_group(
    selection: Selection,
    group_by: GroupBy,
    definition: RateDefinition,
    whiskers: bool,
    lang: Lang,
) -> RateChart {
    let Selection {
        dataset,
        index,
        matching,
        totals,
        ..
    } = selection;
    let mut sums = vec![Totals::default(); index.group_count(group_by)];
    for &i in matching {
        let record = &dataset.records[i as usize];
        index.for_each_group(group_by, i as usize, record.level, |group| {
            sums[group].add(record)
        });
    }
    let mut bars: Vec<RateBar> = sums
        .iter()
        .enumerate()
        .filter(|(_, sum)| sum.records > 0)
        .map(|(group, sum)| {
            let label = index.group_name(group_by, group, lang);
            let target = match group_by {
                GroupBy::Batch => BarTarget::Batch(index.batches[group].key.clone()),
                GroupBy::Level => BarTarget::Level(Level::ALL[group]),
                GroupBy::Major => BarTarget::Major(index.majors[group].key().to_string()),
            };
            RateBar {
                short_label: label.clone(),
                label,
                value: rate_value(sum.pass_rate(definition)),
                registered: sum.registered,
                rate_base: sum.rate_base(definition),
                certified: sum.certified_if_published(),
                target,
                lang,
            }
        })
        .collect();
    if group_by == GroupBy::Major {
        bars.sort_by(|a, b| bar_percent(b).total_cmp(&bar_percent(a)));
    }
    let note = match (group_by, lang) {
        (GroupBy::Major, Lang::Zh) => format!(
            "{} 个专业；一条记录涵盖几个专业，就在每个专业下各计一次，各专业合计会多于总数",
            bars.len()
        ),
        (GroupBy::Major, Lang::En) => format!(
            "{} majors; a record counts once under each of its majors, so the majors add up to more than the total",
            bars.len()
        ),
        (_, Lang::Zh) => format!("{} 组，{} 条记录", bars.len(), totals.records),
        (_, Lang::En) => format!(
            "{} groups, {} records",
            bars.len(),
            format_count(totals.records as u64, lang)
        ),
    } + &small_sample_note(&bars, whiskers, lang);
    RateChart {
        bars,
        reference: overall(totals, definition, lang),
        whiskers,
        note,
        definition,
        lang,
    }
}

/// Explains the lighter bars (and their whiskers) when a chart has any.
fn small_sample_note(bars: &[RateBar], whiskers: bool, lang: Lang) -> String {
    if !bars.iter().any(RateBar::is_small_sample) {
        return String::new();
    }
    match (lang, whiskers) {
        (Lang::Zh, true) => {
            format!("；浅色条：报考不足 {SMALL_SAMPLE} 人的小样本，黑线为 95% 置信区间")
        }
        (Lang::Zh, false) => format!("；浅色条：报考不足 {SMALL_SAMPLE} 人的小样本"),
        (Lang::En, true) => format!(
            "; light bars: fewer than {SMALL_SAMPLE} registered, black line the 95% interval"
        ),
        (Lang::En, false) => format!("; light bars: fewer than {SMALL_SAMPLE} registered"),
    }
}

fn bar_percent(bar: &RateBar) -> f64 {
    match bar.value {
        BarValue::Rate { percent, .. } => percent,
        BarValue::Pending => -1.0,
        BarValue::Nobody => -2.0,
    }
}

/// A certified count as the charts write it: the number, or "未出成绩" / "pending" while the
/// results are not published.
pub fn certified_text(certified: Option<u64>, lang: Lang) -> String {
    certified.map_or_else(
        || lang.pick("未出成绩", "pending").to_string(),
        |c| format_count(c, lang),
    )
}

/// "证书 · 中级：报考 50 人，获证 43", "…: 50 registered, 43 certified"; while results are
/// pending, "…：报考 200 人，成绩未公布", "…: 200 registered, results pending".
fn figures_sentence(label: &str, registered: u64, certified: Option<u64>, lang: Lang) -> String {
    let registered = format_count(registered, lang);
    match (certified, lang) {
        (Some(certified), Lang::Zh) => format!(
            "{label}：报考 {registered} 人，获证 {}",
            format_count(certified, lang)
        ),
        (Some(certified), Lang::En) => format!(
            "{label}: {registered} registered, {} certified",
            format_count(certified, lang)
        ),
        (None, Lang::Zh) => format!("{label}：报考 {registered} 人，成绩未公布"),
        (None, Lang::En) => format!("{label}: {registered} registered, results pending"),
    }
}

/// A sentence for screen readers and tooltips: the figures of one bar.
pub fn describe_bar(bar: &RateBar) -> String {
    let lang = bar.lang;
    let mut text = figures_sentence(&bar.label, bar.registered, bar.certified, lang);
    match (&bar.value, lang) {
        // The figures already say that results are pending.
        (BarValue::Pending, _) if bar.certified.is_none() => {}
        (_, Lang::Zh) => text.push_str(&format!("，通过率 {}", bar.value_text())),
        (_, Lang::En) => text.push_str(&format!(", pass rate {}", bar.value_text())),
    }
    if let BarValue::Rate {
        interval: Some((low, high)),
        ..
    } = bar.value
    {
        text.push_str(&match lang {
            Lang::Zh => format!("（样本较小，95% 置信区间 {low:.1}%–{high:.1}%）"),
            Lang::En => format!(" (small sample, 95% interval {low:.1}%–{high:.1}%)"),
        });
    }
    text
}

/// A column of a chart's data table, by what it holds (`data-field` in the page).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableField {
    Registered,
    /// The registered the rate is taken over.
    RateBase,
    Certified,
    Rate,
    /// The 95% interval of a small sample.
    Interval,
}

impl TableField {
    pub fn as_str(self) -> &'static str {
        match self {
            TableField::Registered => "registered",
            TableField::RateBase => "rate_base",
            TableField::Certified => "certified",
            TableField::Rate => "rate",
            TableField::Interval => "interval",
        }
    }

    fn heading(self, definition: RateDefinition, lang: Lang) -> &'static str {
        match (self, definition) {
            (TableField::Registered, _) => lang.pick("报考人数", "Registered"),
            (TableField::RateBase, RateDefinition::Published) => lang.pick(
                "已公布成绩的报考人数（n）",
                "Registered with published results (n)",
            ),
            (TableField::RateBase, RateDefinition::AllRegistered) => lang.pick(
                "通过率的分母（n，全部报考）",
                "Rate base (n, all registered)",
            ),
            (TableField::Certified, _) => lang.pick("获证人数", "Certified"),
            (TableField::Rate, _) => definition.label(lang),
            (TableField::Interval, _) => {
                lang.pick("95% 置信区间（小样本）", "95% interval (small samples)")
            }
        }
    }
}

/// A chart's figures as a table: the row label's heading, the columns, then one row per bar.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartTable {
    pub label_heading: &'static str,
    pub columns: Vec<(TableField, &'static str)>,
    pub rows: Vec<ChartTableRow>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartTableRow {
    /// The row's label as shown.
    pub key: String,
    /// One cell per column.
    pub cells: Vec<String>,
}

impl ChartTable {
    /// The cell of `row` in the column that holds `field`.
    pub fn cell(&self, row: usize, field: TableField) -> Option<&str> {
        let column = self.columns.iter().position(|(f, _)| *f == field)?;
        Some(self.rows.get(row)?.cells.get(column)?.as_str())
    }
}

impl ChartTable {
    /// A table of `rows` under the columns of `fields`, headed in `lang` for `definition`.
    fn new(
        label_heading: &'static str,
        fields: &[TableField],
        definition: RateDefinition,
        lang: Lang,
        rows: Vec<ChartTableRow>,
    ) -> ChartTable {
        ChartTable {
            label_heading,
            columns: fields
                .iter()
                .map(|&field| (field, field.heading(definition, lang)))
                .collect(),
            rows,
        }
    }
}

impl RateChart {
    /// The bars' figures: registered, the rate's base, certified, the rate, and the interval
    /// of small samples.
    pub fn table(&self) -> ChartTable {
        let lang = self.lang;
        let fields = [
            TableField::Registered,
            TableField::RateBase,
            TableField::Certified,
            TableField::Rate,
            TableField::Interval,
        ];
        let rows = self
            .bars
            .iter()
            .map(|bar| {
                let interval = match bar.value {
                    BarValue::Rate {
                        interval: Some((low, high)),
                        ..
                    } => format!("{low:.1}%–{high:.1}%"),
                    _ => String::new(),
                };
                ChartTableRow {
                    key: bar.label.clone(),
                    cells: vec![
                        format_count(bar.registered, lang),
                        format_count(bar.rate_base, lang),
                        certified_text(bar.certified, lang),
                        bar.value_text(),
                        interval,
                    ],
                }
            })
            .collect();
        let heading = lang.pick("项目", "Item");
        ChartTable::new(heading, &fields, self.definition, lang, rows)
    }
}

impl CountsChart {
    /// The rows' figures, with the rate under the chosen definition and its base.
    pub fn table(&self) -> ChartTable {
        let lang = self.lang;
        let fields = [
            TableField::Registered,
            TableField::RateBase,
            TableField::Certified,
            TableField::Rate,
        ];
        let rows = self
            .rows
            .iter()
            .map(|row| ChartTableRow {
                key: row.label.clone(),
                cells: vec![
                    format_count(row.registered, lang),
                    format_count(row.rate_base, lang),
                    certified_text(row.certified, lang),
                    rate_value_text(row.rate, lang),
                ],
            })
            .collect();
        let heading = lang.pick("证书 · 等级", "Certificate · level");
        ChartTable::new(heading, &fields, self.definition, lang, rows)
    }
}

/// A rate as a bar states it: `72.16%`, `未出成绩`, `无人报考`.
fn rate_value_text(rate: PassRate, lang: Lang) -> String {
    match rate {
        PassRate::Nobody => lang.pick("无人报考", "Nobody registered").into(),
        rate => rate.text(lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A bar of "证书 · 中级" with these figures.
    fn bar(
        value: BarValue,
        registered: u64,
        rate_base: u64,
        certified: Option<u64>,
        lang: Lang,
    ) -> RateBar {
        RateBar {
            label: "证书 · 中级".into(),
            short_label: "证书 · 中级".into(),
            value,
            registered,
            rate_base,
            certified,
            target: BarTarget::Record(0),
            lang,
        }
    }

    #[test]
    fn n_is_written_as_the_language_writes_counts() {
        let half = BarValue::Rate {
            percent: 50.0,
            text: "50.00%".into(),
            interval: None,
        };
        let bar = |lang| bar(half.clone(), 1200, 1200, Some(600), lang);
        assert_eq!(bar(Lang::Zh).value_with_n(), "50.00%（n=1200）");
        assert_eq!(bar(Lang::En).value_with_n(), "50.00% (n=1,200)");
        assert_eq!(
            describe_bar(&bar(Lang::En)),
            "证书 · 中级: 1,200 registered, 600 certified, pass rate 50.00%"
        );
    }

    #[test]
    fn a_pending_bar_says_so_once() {
        let bar = |lang| bar(BarValue::Pending, 200, 0, None, lang);
        assert_eq!(
            describe_bar(&bar(Lang::En)),
            "证书 · 中级: 200 registered, results pending"
        );
        assert_eq!(
            describe_bar(&bar(Lang::Zh)),
            "证书 · 中级：报考 200 人，成绩未公布"
        );
        assert_eq!(bar(Lang::Zh).value_with_n(), "未出成绩（n=200）");
    }
}
