//! Two datasets side by side, as a yearly report compares this year with last: each side's
//! figures and their change, and the certificate + level pilots matched across the two (batches
//! summed within a side; names matched by a rule that forgives how colleges spell them, with the
//! links and unlinks the user made where the rule is wrong).

use std::collections::{BTreeSet, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::figures::{Ratio, Totals};
use super::lang::{Lang, format_count};
use super::model::{Level, Record};
pub use super::terms::RowOrder;

/// The endings a certificate's name may carry or not: "Web前端开发职业技能等级证书" and
/// "Web前端开发" are the same certificate. Longest first.
const NAME_ENDINGS: [&str; 3] = ["职业技能等级证书", "技能等级证书", "证书"];

/// A side has too few examinees for its rate to say much below this.
pub const FEW_EXAMINEES: u64 = 10;

/// A certificate's name as the rule matches it: white space removed, full-width brackets
/// folded to half-width, and a final 职业技能等级证书 / 技能等级证书 / 证书 dropped.
/// "建筑信息模型（BIM） 职业技能等级证书" → "建筑信息模型(BIM)".
pub fn normalize_certificate(name: &str) -> String {
    let folded: String = name
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '［' => '[',
            '］' => ']',
            '｛' => '{',
            '｝' => '}',
            other => other,
        })
        .collect();
    for ending in NAME_ENDINGS {
        if let Some(stem) = folded.strip_suffix(ending)
            && !stem.is_empty()
        {
            return stem.to_string();
        }
    }
    folded
}

/// The key a certificate at a level is matched by across the two sides: the normalised name,
/// `|`, the level as the file writes it (`Web前端开发|中级`).
pub fn pilot_key(certificate: &str, level: Level) -> String {
    format!("{}|{}", normalize_certificate(certificate), level.as_str())
}

/// The user's corrections of the rule, kept with the comparison: pilots of the earlier side
/// linked to pilots of the later one under another key, and keys the rule matched that are
/// not the same pilot.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pairing {
    /// (earlier key, later key).
    #[serde(default)]
    pub linked: Vec<(String, String)>,
    /// Keys whose match by the rule the user took apart.
    #[serde(default)]
    pub unlinked: BTreeSet<String>,
}

impl Pairing {
    /// Makes the earlier side's `a` and the later side's `b` one row, taking each out of any
    /// other link.
    pub fn link(&mut self, a: &str, b: &str) {
        self.linked.retain(|(x, y)| x != a && y != b);
        if a == b {
            self.unlinked.remove(a);
        } else {
            self.linked.push((a.to_string(), b.to_string()));
        }
    }

    /// Takes the row of the earlier side's `a` apart: a link the user made is removed, a match
    /// of the rule is refused from now on.
    pub fn unlink(&mut self, a: &str) {
        let before = self.linked.len();
        self.linked.retain(|(x, _)| x != a);
        if self.linked.len() == before {
            self.unlinked.insert(a.to_string());
        }
    }

    pub fn is_empty(&self) -> bool {
        self.linked.is_empty() && self.unlinked.is_empty()
    }
}

/// One certificate at one level within one side, its batches summed.
#[derive(Clone, Debug, PartialEq)]
pub struct Pilot {
    pub key: String,
    /// The name as the side first spells it.
    pub name: String,
    pub level: Level,
    pub totals: Totals,
}

impl Pilot {
    /// The rate of published results.
    pub fn rate(&self) -> Option<Ratio> {
        self.totals.pass_rate_published()
    }
}

/// A side's pilots, in the order they first appear.
pub fn pilots<'a>(records: impl IntoIterator<Item = &'a Record>) -> Vec<Pilot> {
    let mut order: Vec<Pilot> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    for record in records {
        let key = pilot_key(&record.certificate, record.level);
        let place = *at.entry(key.clone()).or_insert_with(|| {
            order.push(Pilot {
                key,
                name: record.certificate.trim().to_string(),
                level: record.level,
                totals: Totals::default(),
            });
            order.len() - 1
        });
        order[place].totals.add(record);
    }
    for pilot in &mut order {
        pilot.totals.pilots = 1;
    }
    order
}

/// Whether a row is on both sides, only the later (a new pilot) or only the earlier (dropped).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowStatus {
    Both,
    New,
    Dropped,
}

/// A certificate at a level, on one side or both.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareRow {
    /// The earlier side's key where it has the pilot, else the later side's.
    pub key: String,
    pub a: Option<Pilot>,
    pub b: Option<Pilot>,
    /// Matched by a link the user made, not by the rule.
    pub linked: bool,
}

impl CompareRow {
    pub fn status(&self) -> RowStatus {
        match (&self.a, &self.b) {
            (Some(_), Some(_)) => RowStatus::Both,
            (None, _) => RowStatus::New,
            (_, None) => RowStatus::Dropped,
        }
    }

    /// The name to show: the later side's spelling where it has one.
    pub fn name(&self) -> &str {
        self.b.as_ref().or(self.a.as_ref()).map_or("", |p| &p.name)
    }

    pub fn level(&self) -> Level {
        self.b
            .as_ref()
            .or(self.a.as_ref())
            .map_or(Level::Elementary, |p| p.level)
    }

    pub fn registered_a(&self) -> Option<u64> {
        self.a.as_ref().map(|p| p.totals.registered)
    }

    pub fn registered_b(&self) -> Option<u64> {
        self.b.as_ref().map(|p| p.totals.registered)
    }

    pub fn rate_a(&self) -> Option<Ratio> {
        self.a.as_ref().and_then(Pilot::rate)
    }

    pub fn rate_b(&self) -> Option<Ratio> {
        self.b.as_ref().and_then(Pilot::rate)
    }

    /// The change of the published-results rate in hundredths of a percentage point, from the
    /// rates as printed (so that the table's figures subtract to it), or `None` where either
    /// rate is undefined.
    pub fn rate_change(&self) -> Option<i64> {
        points_between(self.rate_a(), self.rate_b())
    }

    /// Where a change is shown and either side's rate rests on fewer than
    /// [`FEW_EXAMINEES`] examinees: both bases, earlier first.
    pub fn caution(&self) -> Option<(u64, u64)> {
        self.rate_change()?;
        let a = self.a.as_ref()?.totals.registered_published;
        let b = self.b.as_ref()?.totals.registered_published;
        (a < FEW_EXAMINEES || b < FEW_EXAMINEES).then_some((a, b))
    }
}

/// The change between two rates in hundredths of a percentage point, from the rates as printed.
pub fn points_between(a: Option<Ratio>, b: Option<Ratio>) -> Option<i64> {
    Some(b?.hundredths_of_percent() as i64 - a?.hundredths_of_percent() as i64)
}

/// A side's figures.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SideFigures {
    pub totals: Totals,
    /// Certificate + level pilots (batches summed).
    pub pilots: usize,
}

/// The two sides compared.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comparison {
    pub a: SideFigures,
    pub b: SideFigures,
    /// Rows on both sides and dropped ones in the earlier side's order, then the new ones in
    /// the later side's order.
    pub rows: Vec<CompareRow>,
}

/// Compares the records of the earlier side with those of the later one, under the user's
/// corrections.
pub fn compare<'a, 'b>(
    a: impl IntoIterator<Item = &'a Record>,
    b: impl IntoIterator<Item = &'b Record>,
    pairing: &Pairing,
) -> Comparison {
    let (a, b): (Vec<&Record>, Vec<&Record>) = (a.into_iter().collect(), b.into_iter().collect());
    let (pilots_a, pilots_b) = (pilots(a.iter().copied()), pilots(b.iter().copied()));
    let keys_a: HashSet<&str> = pilots_a.iter().map(|p| p.key.as_str()).collect();
    let at_b: HashMap<&str, usize> = pilots_b
        .iter()
        .enumerate()
        .map(|(n, p)| (p.key.as_str(), n))
        .collect();
    // Links whose two ends are both here, each end at most once (the latest link wins).
    let mut manual: HashMap<&str, &str> = HashMap::new();
    let mut linked_b: HashSet<&str> = HashSet::new();
    for (x, y) in pairing.linked.iter().rev() {
        if keys_a.contains(x.as_str())
            && at_b.contains_key(y.as_str())
            && !manual.contains_key(x.as_str())
            && linked_b.insert(y.as_str())
        {
            manual.insert(x, y);
        }
    }
    let mut taken = vec![false; pilots_b.len()];
    let mut rows = Vec::with_capacity(pilots_a.len() + pilots_b.len());
    for pilot in &pilots_a {
        let key = pilot.key.as_str();
        let (partner, linked) = match manual.get(key) {
            Some(other) => (at_b.get(other).copied(), true),
            None if pairing.unlinked.contains(key) || linked_b.contains(key) => (None, false),
            None => (at_b.get(key).copied(), false),
        };
        if let Some(n) = partner {
            taken[n] = true;
        }
        rows.push(CompareRow {
            key: pilot.key.clone(),
            a: Some(pilot.clone()),
            b: partner.map(|n| pilots_b[n].clone()),
            linked,
        });
    }
    for (n, pilot) in pilots_b.iter().enumerate() {
        if !taken[n] {
            rows.push(CompareRow {
                key: pilot.key.clone(),
                a: None,
                b: Some(pilot.clone()),
                linked: false,
            });
        }
    }
    Comparison {
        a: SideFigures {
            totals: Totals::of(a.iter().copied()),
            pilots: pilots_a.len(),
        },
        b: SideFigures {
            totals: Totals::of(b.iter().copied()),
            pilots: pilots_b.len(),
        },
        rows,
    }
}

impl Comparison {
    pub fn count(&self, status: RowStatus) -> usize {
        self.rows.iter().filter(|r| r.status() == status).count()
    }

    /// The majors of either side, by key, with their names: what the comparison's major filter
    /// offers.
    /// A major under an old and a new code is one (`domain::majors::distinct`), offered by its
    /// key: its name where it has several codes, which the filter matches on either side.
    pub fn majors<'a>(records: impl IntoIterator<Item = &'a Record>) -> Vec<(String, String)> {
        let mut majors: Vec<(String, String)> =
            super::majors::distinct(records.into_iter().flat_map(|r| r.majors.iter()))
                .into_iter()
                .map(|major| (major.key().to_string(), major.name))
                .collect();
        majors.sort_by(|x, y| x.1.cmp(&y.1));
        majors
    }
}

impl RowOrder {
    /// The rows' places in this order (ties keep the data order).
    pub fn arrange(self, rows: &[CompareRow]) -> Vec<usize> {
        let mut places: Vec<usize> = (0..rows.len()).collect();
        let sign = match self {
            RowOrder::Data => return places,
            RowOrder::Rise => -1,
            RowOrder::Fall => 1,
        };
        places.sort_by_key(|&n| match rows[n].rate_change() {
            Some(change) => (0, change * sign),
            None => (1, 0),
        });
        places
    }
}

/// A count's change with its sign: `+12`, `−517`, `0` (a true minus sign, as print sets it).
pub fn format_signed_count(change: i64, lang: Lang) -> String {
    let magnitude = format_count(change.unsigned_abs(), lang);
    match change.signum() {
        1 => format!("+{magnitude}"),
        -1 => format!("−{magnitude}"),
        _ => magnitude,
    }
}

/// Hundredths of a percentage point with a sign and two decimals: `+3.20`, `−12.00`, `0.00`.
pub fn format_points(hundredths: i64) -> String {
    let sign = match hundredths.signum() {
        1 => "+",
        -1 => "−",
        _ => "",
    };
    format!("{sign}{}", points_size(hundredths))
}

/// The change of `from` to `to` in tenths of a percent of `from`, rounded half away from zero,
/// or `None` when `from` is 0.
pub fn percent_change_tenths(from: u64, to: u64) -> Option<i64> {
    if from == 0 {
        return None;
    }
    let difference = i128::from(to) - i128::from(from);
    let scaled = difference.unsigned_abs() * 1_000 * 2 + u128::from(from);
    let tenths = (scaled / (u128::from(from) * 2)) as i64;
    Some(if difference < 0 { -tenths } else { tenths })
}

/// Tenths with a sign and a percent: `+3.1%`, `−14.8%`.
pub fn format_percent_change(tenths: i64) -> String {
    let sign = match tenths.signum() {
        1 => "+",
        -1 => "−",
        _ => "",
    };
    let n = tenths.unsigned_abs();
    format!("{sign}{}.{}%", n / 10, n % 10)
}

/// Hundredths of a point as the sentence says them: one decimal, rounded half away from zero.
/// The size of a change in points as the tables write it (two decimals), without its sign: the
/// sentence and the tables state one figure.
fn points_size(hundredths: i64) -> String {
    let n = hundredths.unsigned_abs();
    format!("{}.{:02}", n / 100, n % 100)
}

/// The comparison in the report's words, from the later side's point of view:
/// "与2021年相比，报考人数减少517人（−14.8%），已公布成绩的通过率下降12.87个百分点（72.16%→59.29%）…".
/// `earlier` names the earlier side ("2021年", or its title in quotes).
pub fn sentence(comparison: &Comparison, earlier: &str, lang: Lang) -> String {
    let (a, b) = (&comparison.a.totals, &comparison.b.totals);
    let people = b.registered as i64 - a.registered as i64;
    let percent = percent_change_tenths(a.registered, b.registered)
        .map(format_percent_change)
        .map(|p| match lang {
            Lang::Zh => format!("（{p}）"),
            Lang::En => format!(" ({p})"),
        })
        .unwrap_or_default();
    let (rate_a, rate_b) = (a.pass_rate_published(), b.pass_rate_published());
    let points = points_between(rate_a, rate_b);
    let (new, dropped) = (
        comparison.count(RowStatus::New),
        comparison.count(RowStatus::Dropped),
    );
    match lang {
        Lang::Zh => {
            let mut text = format!("与{earlier}相比，报考人数");
            text += &match people.signum() {
                1 => format!("增加{}人{percent}", people),
                -1 => format!("减少{}人{percent}", -people),
                _ => "持平".to_string(),
            };
            if let (Some(points), Some(ra), Some(rb)) = (points, rate_a, rate_b) {
                let shift = match points.signum() {
                    1 => format!("上升{}个百分点", points_size(points)),
                    -1 => format!("下降{}个百分点", points_size(points)),
                    _ => "持平".to_string(),
                };
                text += &format!(
                    "，已公布成绩的通过率{shift}（{}→{}）",
                    ra.format_percent(),
                    rb.format_percent()
                );
            }
            text += &format!("；新增证书等级{new}项，不再开展{dropped}项。");
            text
        }
        Lang::En => {
            let mut text = format!("Against {earlier}, registered examinees ");
            text += &match people.signum() {
                1 => format!("rose by {}{percent}", format_count(people as u64, lang)),
                -1 => format!("fell by {}{percent}", format_count((-people) as u64, lang)),
                _ => "held level".to_string(),
            };
            if let (Some(points), Some(ra), Some(rb)) = (points, rate_a, rate_b) {
                let shift = match points.signum() {
                    1 => format!("rose by {} percentage points", points_size(points)),
                    -1 => format!("fell by {} percentage points", points_size(points)),
                    _ => "held level".to_string(),
                };
                text += &format!(
                    " and the pass rate of published results {shift} ({} → {})",
                    ra.format_percent(),
                    rb.format_percent()
                );
            }
            let is = |n: usize| if n == 1 { "level is" } else { "levels are" };
            text += &format!(
                "; {new} certificate {} new and {dropped} {} no longer run.",
                is(new),
                is(dropped)
            );
            text
        }
    }
}

/// One line of the comparison's key figures: what it counts, each side, and the change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KpiLine {
    /// `registered`, `certified`, `rate-published`, `rate-all`, `records`, `majors`.
    pub key: &'static str,
    pub label: &'static str,
    pub a: String,
    pub b: String,
    /// People and percent for counts (`−517（−14.8%）`), percentage points for rates
    /// (`−12.87个百分点`), `--` where a rate is undefined.
    pub change: String,
}

/// The key figures of both sides and their change, in the interface language.
pub fn kpi_lines(comparison: &Comparison, lang: Lang) -> Vec<KpiLine> {
    let (a, b) = (&comparison.a.totals, &comparison.b.totals);
    let count = |key, label, x: u64, y: u64| {
        let people = format_signed_count(y as i64 - x as i64, lang);
        let change = match percent_change_tenths(x, y).map(format_percent_change) {
            Some(percent) => match lang {
                Lang::Zh => format!("{people}（{percent}）"),
                Lang::En => format!("{people} ({percent})"),
            },
            None => people,
        };
        KpiLine {
            key,
            label,
            a: format_count(x, lang),
            b: format_count(y, lang),
            change,
        }
    };
    let rate = |key, label, x: Option<Ratio>, y: Option<Ratio>| KpiLine {
        key,
        label,
        a: super::figures::format_rate(x),
        b: super::figures::format_rate(y),
        // The rates are in %, their change in points: said so beside the figure.
        change: points_between(x, y).map_or_else(
            || "--".to_string(),
            |points| match lang {
                Lang::Zh => format!("{}个百分点", format_points(points)),
                Lang::En => format!("{} points", format_points(points)),
            },
        ),
    };
    vec![
        count(
            "registered",
            lang.pick("报考人数", "Registered"),
            a.registered,
            b.registered,
        ),
        count(
            "certified",
            lang.pick("取得证书人数", "Certified"),
            a.certified,
            b.certified,
        ),
        rate(
            "rate-published",
            lang.pick("通过率（已公布成绩）", "Pass rate, published results"),
            a.pass_rate_published(),
            b.pass_rate_published(),
        ),
        rate(
            "rate-all",
            lang.pick("通过率（全部报考）", "Pass rate, all registered"),
            a.pass_rate_all_registered(),
            b.pass_rate_all_registered(),
        ),
        count(
            "records",
            lang.pick("记录数", "Records"),
            a.records as u64,
            b.records as u64,
        ),
        count(
            "majors",
            lang.pick("专业数", "Majors"),
            a.majors as u64,
            b.majors as u64,
        ),
    ]
}

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
                    super::chart_data::short_certificate(row.name()).trim(),
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
                super::chart_data::short_certificate(row.name()).trim(),
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
) -> super::chart_data::CountsChart {
    use super::chart_data::{BarTarget, CountsChart, CountsRow};
    use super::figures::PassRate;
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
        definition: super::terms::RateDefinition::Published,
        lang,
    }
}

/// What two schools are compared by: the `institution` without white space; `None` for none.
pub fn school_key(institution: Option<&str>) -> Option<String> {
    let name: String = institution?.split_whitespace().collect();
    (!name.is_empty()).then_some(name)
}

/// A warning above the figures when the two sides may not be one school: their `institution`
/// differs (white space aside), or one side names none. `None` when both name the same school,
/// or neither names any (a table has no place for it).
pub fn institution_warning(a: Option<&str>, b: Option<&str>, lang: Lang) -> Option<String> {
    let school = school_key;
    let (key_a, key_b) = (school(a), school(b));
    match (&key_a, &key_b) {
        (Some(x), Some(y)) if x == y => None,
        (None, None) => None,
        (Some(_), Some(_)) => {
            let (a, b) = (a.unwrap_or_default().trim(), b.unwrap_or_default().trim());
            Some(match lang {
                Lang::Zh => format!(
                    "注意：A 是“{a}”的数据，B 是“{b}”的数据。两所学校的数字放在一起比较，变化并不是一所学校的变化。"
                ),
                Lang::En => format!(
                    "Note: A is the data of “{a}” and B of “{b}”. These are two schools: the changes below are not one school's changes."
                ),
            })
        }
        (Some(_), None) | (None, Some(_)) => {
            let (named, unnamed, school) = if key_a.is_some() {
                ("A", "B", a.unwrap_or_default().trim())
            } else {
                ("B", "A", b.unwrap_or_default().trim())
            };
            Some(match lang {
                Lang::Zh => format!(
                    "注意：{named} 是“{school}”的数据，{unnamed} 的数据没有写明学校，无法确认两边是同一所学校。"
                ),
                Lang::En => format!(
                    "Note: {named} is the data of “{school}”; {unnamed} names no school, so it cannot be told whether both are one school."
                ),
            })
        }
    }
}

/// What a comparison's chart says about itself away from the page (an exported picture, a
/// slide): both datasets, the filters that apply to both, each side's date.
pub fn caption(
    titles: (&str, &str),
    view: &super::view::CompareView,
    majors: &[(String, String)],
    as_of: (Option<&str>, Option<&str>),
    lang: Lang,
) -> super::caption::Caption {
    use super::filter::Chip;
    let mut phrases: Vec<String> = view
        .levels
        .iter()
        .map(|&l| Chip::Level(l).text(lang))
        .collect();
    if let Some(code) = view.major.as_deref() {
        let name = majors
            .iter()
            .find(|(key, _)| key == code)
            .map_or("", |(_, name)| name.as_str());
        phrases.push(Chip::Major { code, name }.text(lang));
    }
    let filters = match (phrases.is_empty(), lang) {
        (true, _) => lang.pick("全部记录", "All records").to_string(),
        (false, Lang::Zh) => format!("两年均筛选：{}", phrases.join("；")),
        (false, Lang::En) => format!("Both years filtered by {}", phrases.join("; ")),
    };
    let date = |d: Option<&str>| d.map(|d| super::lang::format_date(d, lang));
    let as_of = match (date(as_of.0), date(as_of.1), lang) {
        (None, None, _) => String::new(),
        (a, b, Lang::Zh) => format!(
            "数据截至 {} 与 {}",
            a.as_deref().unwrap_or("--"),
            b.as_deref().unwrap_or("--")
        ),
        (a, b, Lang::En) => format!(
            "Data as of {} and {}",
            a.as_deref().unwrap_or("--"),
            b.as_deref().unwrap_or("--")
        ),
    };
    super::caption::Caption {
        dataset: format!("{} → {}", titles.0, titles.1),
        filters,
        as_of,
    }
}
