//! The comparison in words: changes as the tables and the sentence write them, the sentence in
//! the report's words, the key figures of both sides, the caption of its pictures and slides,
//! and the warning when the two sides are two schools.

use super::matching::{Comparison, RowStatus, points_between};
use crate::domain::figures::Ratio;
use crate::domain::lang::{Lang, format_count};

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
        a: crate::domain::figures::format_rate(x),
        b: crate::domain::figures::format_rate(y),
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
    view: &crate::domain::view::CompareView,
    majors: &[(String, String)],
    as_of: (Option<&str>, Option<&str>),
    lang: Lang,
) -> crate::domain::caption::Caption {
    use crate::domain::filter::Chip;
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
    let date = |d: Option<&str>| d.map(|d| crate::domain::lang::format_date(d, lang));
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
    crate::domain::caption::Caption {
        dataset: format!("{} → {}", titles.0, titles.1),
        filters,
        as_of,
    }
}
