//! What each chart shows, prepared from the matching records: bars with their labels, values,
//! sample sizes and intervals. The drawing code in `src/charts` only places these.

use super::figures::{Ratio, Totals};
use super::index::{DatasetIndex, Membership};
use super::model::{Dataset, Level, Record};
use super::stats::wilson_interval;
use super::view::{GroupBy, RateDefinition};

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

/// What clicking a bar filters to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BarTarget {
    Record(usize),
    Batch(String),
    Level(Level),
    Major(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct RateBar {
    /// The label as it should read in full (tooltips and the data table).
    pub label: String,
    /// The label on the chart: certificate names without the suffix every one of them shares.
    pub short_label: String,
    pub value: BarValue,
    /// Registered (the sample size).
    pub n: u64,
    pub certified: Option<u64>,
    pub target: BarTarget,
}

impl RateBar {
    pub fn is_small_sample(&self) -> bool {
        matches!(self.value, BarValue::Rate { .. }) && self.n < SMALL_SAMPLE
    }

    pub fn value_text(&self) -> String {
        match &self.value {
            BarValue::Rate { text, .. } => text.clone(),
            BarValue::Pending => "未出成绩".into(),
            BarValue::Nobody => "无人报考".into(),
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
}

/// One row of the registered-vs-certified chart.
#[derive(Clone, Debug, PartialEq)]
pub struct CountsRow {
    pub label: String,
    pub short_label: String,
    pub registered: u64,
    /// `None` while results are pending.
    pub certified: Option<u64>,
    pub target: BarTarget,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CountsChart {
    pub rows: Vec<CountsRow>,
    pub note: String,
}

/// A window onto a long list of bars: `first` is 0-based.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub first: usize,
    pub size: usize,
}

/// "产品创意设计职业技能等级证书 · 中级", with the batch where two records share that name.
pub fn record_label(record: &Record, with_batch: bool) -> String {
    if with_batch {
        format!(
            "{} · {}（{}）",
            record.certificate,
            record.level.as_str(),
            record.batch
        )
    } else {
        format!("{} · {}", record.certificate, record.level.as_str())
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

fn short_record_label(record: &Record, with_batch: bool) -> String {
    let name = short_certificate(&record.certificate);
    if with_batch {
        format!("{name} · {}（{}）", record.level.as_str(), record.batch)
    } else {
        format!("{name} · {}", record.level.as_str())
    }
}

fn rate_value(rate: Option<Ratio>, pending: bool, n: u64) -> BarValue {
    match rate {
        Some(rate) => BarValue::Rate {
            percent: rate.percent(),
            text: rate.format_percent(),
            interval: (n < SMALL_SAMPLE)
                .then(|| wilson_interval(rate.part, rate.whole))
                .flatten()
                .map(|(low, high)| (low * 100.0, high * 100.0)),
        },
        None if pending && n > 0 => BarValue::Pending,
        None => BarValue::Nobody,
    }
}

fn overall(totals: &Totals, definition: RateDefinition) -> Option<(f64, String)> {
    let rate = match definition {
        RateDefinition::Published => totals.pass_rate_published(),
        RateDefinition::AllRegistered => totals.pass_rate_all_registered(),
    }?;
    Some((
        rate.percent(),
        format!(
            "总体 {}（{}）",
            rate.format_percent(),
            definition.short_label()
        ),
    ))
}

fn window_note(window: Window, shown: usize, total: usize, what: &str) -> String {
    if total == 0 {
        "没有符合筛选条件的记录".into()
    } else if shown == total {
        format!("共 {total} 个{what}")
    } else {
        format!(
            "第 {}–{} 个{what}，共 {total} 个",
            window.first + 1,
            window.first + shown
        )
    }
}

/// Pass rate by certificate: one bar per matching record, highest rate first.
pub fn pass_rate_by_certificate(
    dataset: &Dataset,
    index: &DatasetIndex,
    matches: &Membership,
    totals: &Totals,
    definition: RateDefinition,
    whiskers: bool,
    window: Window,
) -> RateChart {
    let bars: Vec<RateBar> = index
        .by_rate(matches)
        .skip(window.first)
        .take(window.size)
        .map(|i| {
            let record = &dataset.records[i];
            RateBar {
                label: record_label(record, index.shares_name(i)),
                short_label: short_record_label(record, index.shares_name(i)),
                value: rate_value(record.pass_rate(), record.is_pending(), record.registered),
                n: record.registered,
                certified: record.certified,
                target: BarTarget::Record(i),
            }
        })
        .collect();
    RateChart {
        note: window_note(window, bars.len(), totals.records, "证书等级")
            + &small_sample_note(&bars, whiskers),
        bars,
        reference: overall(totals, definition),
        whiskers,
    }
}

/// Registered and certified per certificate, most registered first.
pub fn registered_certified(
    dataset: &Dataset,
    index: &DatasetIndex,
    matches: &Membership,
    totals: &Totals,
    window: Window,
) -> CountsChart {
    let rows: Vec<CountsRow> = index
        .by_registered(matches)
        .skip(window.first)
        .take(window.size)
        .map(|i| {
            let record = &dataset.records[i];
            CountsRow {
                label: record_label(record, index.shares_name(i)),
                short_label: short_record_label(record, index.shares_name(i)),
                registered: record.registered,
                certified: record.certified,
                target: BarTarget::Record(i),
            }
        })
        .collect();
    CountsChart {
        note: window_note(window, rows.len(), totals.records, "证书等级"),
        rows,
    }
}

/// Pass rate per batch, level or major of the matching records. A record counts once for
/// each of its majors, so the major bars add up to more than the records.
pub fn pass_rate_by_group(
    dataset: &Dataset,
    index: &DatasetIndex,
    matching: &[u32],
    totals: &Totals,
    group_by: GroupBy,
    definition: RateDefinition,
    whiskers: bool,
) -> RateChart {
    let groups = match group_by {
        GroupBy::Batch => index.batches.len(),
        GroupBy::Level => Level::ALL.len(),
        GroupBy::Major => index.majors.len(),
    };
    let mut sums = vec![Totals::default(); groups];
    for &i in matching {
        let i = i as usize;
        let record = &dataset.records[i];
        match group_by {
            GroupBy::Batch => sums[index.batch_of(i) as usize].add(record),
            GroupBy::Level => sums[record.level.ordinal()].add(record),
            GroupBy::Major => {
                for &major in index.majors_of(i) {
                    sums[major as usize].add(record);
                }
            }
        }
    }
    let mut bars: Vec<RateBar> = sums
        .iter()
        .enumerate()
        .filter(|(_, sum)| sum.records > 0)
        .map(|(group, sum)| {
            let (label, target) = match group_by {
                GroupBy::Batch => {
                    let batch = &index.batches[group];
                    (batch.label.clone(), BarTarget::Batch(batch.key.clone()))
                }
                GroupBy::Level => {
                    let level = Level::ALL[group];
                    (level.as_str().to_string(), BarTarget::Level(level))
                }
                GroupBy::Major => {
                    let major = &index.majors[group];
                    (
                        format!("{} {}", major.code, major.name),
                        BarTarget::Major(major.code.clone()),
                    )
                }
            };
            let rate = match definition {
                RateDefinition::Published => sum.pass_rate_published(),
                RateDefinition::AllRegistered => sum.pass_rate_all_registered(),
            };
            let n = match definition {
                RateDefinition::Published => sum.registered_published,
                RateDefinition::AllRegistered => sum.registered,
            };
            RateBar {
                short_label: label.clone(),
                label,
                value: rate_value(rate, sum.pending_records > 0, sum.registered),
                n,
                certified: Some(sum.certified),
                target,
            }
        })
        .collect();
    if group_by == GroupBy::Major {
        bars.sort_by(|a, b| bar_percent(b).total_cmp(&bar_percent(a)));
    }
    let note = match group_by {
        GroupBy::Major => format!(
            "{} 个专业；一条记录涵盖几个专业，就在每个专业下各计一次，各专业合计会多于总数",
            bars.len()
        ),
        _ => format!("{} 组，{} 条记录", bars.len(), totals.records),
    } + &small_sample_note(&bars, whiskers);
    RateChart {
        bars,
        reference: overall(totals, definition),
        whiskers,
        note,
    }
}

/// Explains the lighter bars (and their whiskers) when a chart has any.
fn small_sample_note(bars: &[RateBar], whiskers: bool) -> String {
    match (bars.iter().any(RateBar::is_small_sample), whiskers) {
        (false, _) => String::new(),
        (true, true) => {
            format!("；浅色条：报考不足 {SMALL_SAMPLE} 人的小样本，黑线为 95% 置信区间")
        }
        (true, false) => format!("；浅色条：报考不足 {SMALL_SAMPLE} 人的小样本"),
    }
}

fn bar_percent(bar: &RateBar) -> f64 {
    match bar.value {
        BarValue::Rate { percent, .. } => percent,
        BarValue::Pending => -1.0,
        BarValue::Nobody => -2.0,
    }
}

/// A sentence for screen readers and tooltips: the figures of one bar.
pub fn describe_bar(bar: &RateBar) -> String {
    let certified = bar
        .certified
        .map_or_else(|| "未出成绩".to_string(), |c| c.to_string());
    let mut text = format!(
        "{}：报考 {} 人，获证 {}，通过率 {}",
        bar.label,
        bar.n,
        certified,
        bar.value_text()
    );
    if let BarValue::Rate {
        interval: Some((low, high)),
        ..
    } = bar.value
    {
        text.push_str(&format!("（样本较小，95% 置信区间 {low:.1}%–{high:.1}%）"));
    }
    text
}
