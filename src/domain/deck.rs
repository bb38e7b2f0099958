//! Presentation mode's slides: the three charts, each over as many slides as its bars need at
//! the room's type size, then (when asked) the pass rate by certificate within each value of
//! the current grouping. A deck is a list of small descriptions; a slide's chart is prepared
//! only when it is shown, so a deck over 100,000 records costs nothing to step through.

use super::index::Selection;
use super::lang::Lang;
use super::view::GroupBy;

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

/// What the deck is made of: how many records match, how many bars the by-group chart has,
/// and how many records each group has (for the per-group slides, when asked).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeckPlan {
    pub records: usize,
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
    let mut slides: Vec<Slide> = paged(SlideChart::PassRate, plan.records)
        .chain(paged(SlideChart::Counts, plan.records))
        .chain(paged(SlideChart::ByGroup, plan.groups))
        .collect();
    for (group, &size) in plan.per_group.iter().flatten().enumerate() {
        slides.extend(paged(SlideChart::GroupPassRate(group), size));
    }
    slides
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

    #[test]
    fn each_chart_takes_the_slides_its_bars_need() {
        let plan = DeckPlan {
            records: 38,
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
    fn an_empty_selection_still_has_one_slide_per_chart() {
        let slides = deck(&DeckPlan::default(), 7);
        assert_eq!(slides.len(), 3);
    }

    #[test]
    fn per_group_slides_follow_the_charts() {
        let plan = DeckPlan {
            records: 5,
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
    fn groups_hold_their_matching_records() {
        let dataset = builtin::report_2021();
        let index = DatasetIndex::new(&dataset);
        let all = Selected::new(
            &dataset,
            &index,
            (0..dataset.records.len() as u32).collect(),
        );
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
