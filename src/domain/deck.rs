//! Presentation mode's slides: the three charts, each over as many slides as its bars need at
//! the room's type size, then (when asked) the pass rate by certificate within each value of
//! the current grouping. A deck is a list of small descriptions; a slide's chart is prepared
//! only when it is shown, so a deck over 100,000 records costs nothing to step through.

use super::chart_data::{BarValue, CountsChart, CountsRow, RateBar, RateChart};
use super::index::Selection;
use super::lang::Lang;
use super::terms::GroupBy;

/// Which chart a slide shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlideChart {
    PassRate,
    Counts,
    ByGroup,
    /// The pass rate by certificate within one group (its position in [`group_members`]).
    GroupPassRate(usize),
}

/// One slide: a chart and which page of its bars.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slide {
    pub chart: SlideChart,
    /// 0-based.
    pub page: usize,
    pub pages: usize,
}

/// What the deck is made of: how many records match, how many of them have a rate (the
/// pass-rate chart's bars: the others are named under its last slide instead of filling
/// slides of "无人报考"), how many have anybody registered (the counts chart's bars: the
/// others are named under its last slide too), how many group bars have a rate, and how many
/// records with a rate each group has (for the per-group slides, when asked).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeckPlan {
    pub records: usize,
    pub rated: usize,
    pub registered: usize,
    pub groups: usize,
    pub per_group: Option<Vec<usize>>,
}

/// The slides of a deck, with `rows` bars per slide (at least one).
pub fn deck(plan: &DeckPlan, rows: usize) -> Vec<Slide> {
    let rows = rows.max(1);
    let paged = |chart: SlideChart, bars: usize| {
        let pages = bars.div_ceil(rows).max(1);
        (0..pages).map(move |page| Slide { chart, page, pages })
    };
    let mut slides: Vec<Slide> = paged(SlideChart::PassRate, plan.rated)
        .chain(paged(SlideChart::Counts, plan.registered))
        .chain(paged(SlideChart::ByGroup, plan.groups))
        .collect();
    for (group, &size) in plan.per_group.iter().flatten().enumerate() {
        slides.extend(paged(SlideChart::GroupPassRate(group), size));
    }
    slides
}

/// The bars of a slide's page of a rate chart whose bars with a rate come first (as every
/// rate chart orders them): those of `page` that have a rate; and, on the last page, a line
/// naming the bars without one (`unrated`, the first few of `unrated_total`), appended to the
/// chart's note.
pub fn rated_page(
    mut chart: RateChart,
    rows: usize,
    last_page: bool,
    unrated: &[RateBar],
    unrated_total: usize,
) -> RateChart {
    chart
        .bars
        .retain(|bar| matches!(bar.value, BarValue::Rate { .. }));
    chart.bars.truncate(rows.max(1));
    if last_page && unrated_total > 0 {
        let lang = chart.lang;
        let footnote = unrated_footnote(unrated, unrated_total, lang);
        chart.note = if chart.bars.is_empty() {
            footnote
        } else {
            lang.then(&chart.note, &footnote)
        };
    }
    chart
}

/// The rows of a slide's page of a counts chart (most registered first, so the rows nobody
/// registered for come last): those of `page` with anybody registered; and, on the last page,
/// a line naming the rows without (`nobody`, the first few of `nobody_total`), appended to
/// the chart's note, as [`rated_page`] does for the rates.
pub fn counted_page(
    mut chart: CountsChart,
    rows: usize,
    last_page: bool,
    nobody: &[CountsRow],
    nobody_total: usize,
) -> CountsChart {
    chart.rows.retain(|row| row.registered > 0);
    chart.rows.truncate(rows.max(1));
    if last_page && nobody_total > 0 {
        let lang = chart.lang;
        let names: Vec<&str> = nobody.iter().map(|row| row.short_label.as_str()).collect();
        let footnote = footnote_of(&[], &names, nobody_total, lang);
        chart.note = if chart.rows.is_empty() {
            footnote
        } else {
            lang.then(&chart.note, &footnote)
        };
    }
    chart
}

/// "未出成绩：数字创意建模 · 中级；无人报考：智能制造单元集成应用 · 中级、…等 5 个", naming
/// the bars of `unrated` (of `total` in all).
pub fn unrated_footnote(unrated: &[RateBar], total: usize, lang: Lang) -> String {
    let names = |wanted: fn(&BarValue) -> bool| {
        unrated
            .iter()
            .filter(|bar| wanted(&bar.value))
            .map(|bar| bar.short_label.as_str())
            .collect::<Vec<_>>()
    };
    let pending = names(|v| matches!(v, BarValue::Pending));
    let nobody = names(|v| matches!(v, BarValue::Nobody));
    footnote_of(&pending, &nobody, total, lang)
}

/// The footnote naming rows pending and rows nobody registered for, of `total` in all.
fn footnote_of(pending: &[&str], nobody: &[&str], total: usize, lang: Lang) -> String {
    let (list_mark, part_mark) = match lang {
        Lang::Zh => ("、", "；"),
        Lang::En => (", ", "; "),
    };
    let mut parts = Vec::new();
    for (names, zh, en) in [
        (pending, "未出成绩：", "Results pending: "),
        (nobody, "无人报考：", "Nobody registered: "),
    ] {
        if !names.is_empty() {
            parts.push(format!("{}{}", lang.pick(zh, en), names.join(list_mark)));
        }
    }
    let mut text = parts.join(part_mark);
    let rest = total.saturating_sub(pending.len() + nobody.len());
    if rest > 0 {
        text.push_str(&match lang {
            Lang::Zh => format!("，另有 {rest} 个"),
            Lang::En => format!(", and {rest} more"),
        });
    }
    text
}

/// The matching records of each group of `group_by` that has any, with the group's name, in
/// the order the filter panel lists the values. A record is in each of its majors' groups.
pub fn group_members(
    selection: Selection,
    group_by: GroupBy,
    lang: Lang,
) -> Vec<(String, Vec<u32>)> {
    let Selection {
        dataset,
        index,
        matching,
        ..
    } = selection;
    let mut members = vec![Vec::new(); index.group_count(group_by)];
    for &i in matching {
        let level = dataset.records[i as usize].level;
        index.for_each_group(group_by, i as usize, level, |group| members[group].push(i));
    }
    members
        .into_iter()
        .enumerate()
        .filter(|(_, records)| !records.is_empty())
        .map(|(group, records)| (index.group_name(group_by, group, lang), records))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::builtin;
    use crate::domain::index::{DatasetIndex, Selected};
    use crate::domain::model::Dataset;

    fn report_2021() -> (Dataset, DatasetIndex) {
        let dataset = builtin::report_2021();
        let index = DatasetIndex::new(&dataset);
        (dataset, index)
    }

    /// Every record of the dataset, selected.
    fn everything(dataset: &Dataset, index: &DatasetIndex) -> Selected {
        Selected::new(dataset, index, (0..dataset.records.len() as u32).collect())
    }

    #[test]
    fn each_chart_takes_the_slides_its_bars_need() {
        let plan = DeckPlan {
            records: 38,
            rated: 38,
            registered: 38,
            groups: 3,
            per_group: None,
        };
        let slides = deck(&plan, 7);
        let count = |chart: SlideChart| slides.iter().filter(|s| s.chart == chart).count();
        assert_eq!(count(SlideChart::PassRate), 6);
        assert_eq!(count(SlideChart::Counts), 6);
        assert_eq!(count(SlideChart::ByGroup), 1);
        assert_eq!(slides.len(), 13);
        assert_eq!(slides[5].page, 5);
        assert_eq!(slides[5].pages, 6);
        assert_eq!(slides[6].chart, SlideChart::Counts);
    }

    #[test]
    fn bars_without_a_rate_take_no_slide_of_their_own() {
        // The 2021 report: 31 of its 38 records have a rate; at 6 bars a slide the rates take
        // 6 slides, not 7 (the seventh would hold only "未出成绩" and "无人报考").
        let plan = DeckPlan {
            records: 38,
            rated: 31,
            registered: 35,
            groups: 3,
            per_group: None,
        };
        let slides = deck(&plan, 6);
        let pass: Vec<_> = slides
            .iter()
            .filter(|s| s.chart == SlideChart::PassRate)
            .collect();
        assert_eq!(pass.len(), 6);
        assert_eq!(pass[5].pages, 6);
    }

    #[test]
    fn rows_nobody_registered_for_take_no_counts_slide_of_their_own() {
        use crate::domain::chart_data::{Window, registered_certified};
        use crate::domain::view::RateDefinition;
        // The 2021 report: 33 of its 38 records have somebody registered; at 12 rows a slide
        // the counts take 3 slides, not 4, and the third holds no row of 0 / 0.
        let (dataset, index) = report_2021();
        let all = everything(&dataset, &index);
        let registered = dataset.records.iter().filter(|r| r.registered > 0).count();
        assert_eq!(registered, 33);
        let plan = DeckPlan {
            records: 38,
            rated: 31,
            registered,
            groups: 3,
            per_group: None,
        };
        let counts = deck(&plan, 12)
            .into_iter()
            .filter(|s| s.chart == SlideChart::Counts)
            .count();
        assert_eq!(counts, 3, "33 rows at 12 a slide");
        let chart = |first, size| {
            registered_certified(
                all.selection(&dataset, &index),
                RateDefinition::Published,
                Window { first, size },
                Lang::Zh,
            )
        };
        let nobody = chart(33, 12).rows;
        assert_eq!(nobody.len(), 5);
        assert!(nobody.iter().all(|r| r.registered == 0));
        let last = counted_page(chart(24, 12), 12, true, &nobody, 5);
        assert_eq!(last.rows.len(), 9, "rows 25–33, without the rows of 0 / 0");
        assert!(last.rows.iter().all(|r| r.registered > 0));
        assert!(last.note.contains("无人报考："), "{}", last.note);
        assert!(
            last.note.contains("数控车铣加工 · 中级（2021年第二批）"),
            "{}",
            last.note
        );
        assert_eq!(last.largest, chart(0, 12).largest, "one axis");
        let earlier = counted_page(chart(0, 12), 12, false, &nobody, 5);
        assert_eq!(earlier.rows.len(), 12);
        assert!(!earlier.note.contains("无人报考"));
    }

    #[test]
    fn an_empty_selection_still_has_one_slide_per_chart() {
        let slides = deck(&DeckPlan::default(), 7);
        assert_eq!(slides.len(), 3);
    }

    #[test]
    fn per_group_slides_follow_the_charts() {
        let plan = DeckPlan {
            records: 5,
            rated: 5,
            registered: 5,
            groups: 2,
            per_group: Some(vec![3, 9]),
        };
        let slides = deck(&plan, 4);
        let tail: Vec<_> = slides[5..].iter().map(|s| (s.chart, s.page)).collect();
        assert_eq!(
            tail,
            vec![
                (SlideChart::GroupPassRate(0), 0),
                (SlideChart::GroupPassRate(1), 0),
                (SlideChart::GroupPassRate(1), 1),
                (SlideChart::GroupPassRate(1), 2),
            ]
        );
    }

    #[test]
    fn the_last_slide_names_the_bars_without_a_rate() {
        use crate::domain::chart_data::{Window, pass_rate_by_certificate};
        use crate::domain::view::RateDefinition;
        let (dataset, index) = report_2021();
        let all = everything(&dataset, &index);
        let chart = |first, size| {
            pass_rate_by_certificate(
                all.selection(&dataset, &index),
                RateDefinition::Published,
                true,
                Window { first, size },
                Lang::Zh,
            )
        };
        let unrated = chart(31, 12).bars;
        assert_eq!(unrated.len(), 7);
        let last = rated_page(chart(30, 6), 6, true, &unrated, 7);
        assert_eq!(last.bars.len(), 1, "only the one bar with a rate");
        assert!(
            last.note
                .contains("未出成绩：数字创意建模 · 中级、智能网联汽车测试装调 · 中级；无人报考："),
            "{}",
            last.note
        );
        assert!(!last.note.contains("另有"));
        let earlier = rated_page(chart(0, 6), 6, false, &unrated, 7);
        assert_eq!(earlier.bars.len(), 6);
        assert!(!earlier.note.contains("无人报考"));
        let english = unrated_footnote(&unrated[..2], 7, Lang::En);
        assert!(english.starts_with("Results pending: "), "{english}");
        assert!(english.ends_with(", and 5 more"), "{english}");
    }

    #[test]
    fn groups_hold_their_matching_records() {
        let (dataset, index) = report_2021();
        let all = everything(&dataset, &index);
        let first = Selected::new(&dataset, &index, vec![0]);
        let levels = group_members(all.selection(&dataset, &index), GroupBy::Level, Lang::Zh);
        let sizes: usize = levels.iter().map(|(_, r)| r.len()).sum();
        assert_eq!(sizes, dataset.records.len());
        assert_eq!(
            levels
                .iter()
                .find(|(n, _)| n == "初级")
                .map(|(_, r)| r.len()),
            Some(3)
        );
        let majors = group_members(all.selection(&dataset, &index), GroupBy::Major, Lang::Zh);
        // A record counts under each of its majors.
        assert!(majors.iter().map(|(_, r)| r.len()).sum::<usize>() > dataset.records.len());
        let english = group_members(first.selection(&dataset, &index), GroupBy::Level, Lang::En);
        assert_eq!(english.len(), 1);
        assert!(["Elementary", "Intermediate", "Advanced"].contains(&english[0].0.as_str()));
    }
}
