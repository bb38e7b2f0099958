//! The dashboard's charts and its deck as the views show them, read from the state: each
//! chart's spec (the records on screen, the window of bars), the caption pictures carry, what
//! the parts of the charts section share, and what each slide of the deck shows. It imports no
//! view: the charts section, presentation mode and the report files all use it.

use leptos::prelude::*;

use crate::charts::ChartSpec;
use crate::domain::Lang;
use crate::domain::caption::Caption;
use crate::domain::chart_data::{
    BarTarget, BarValue, Window, pass_rate_by_certificate, pass_rate_by_group, registered_certified,
};
use crate::domain::deck::{DeckPlan, Slide, SlideChart, counted_page, rated_page};
use crate::domain::index::Selected;
use crate::domain::view::GroupBy;
use crate::state::BoardState;

/// Bars per chart page: a whole report of ~40 rows fits; larger datasets page through.
pub const BARS_PER_PAGE: usize = 40;

/// The dashboard's charts, for titles and for presentation mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKind {
    PassRate,
    Counts,
    ByGroup(GroupBy),
}

impl ChartKind {
    pub fn title(self, lang: Lang) -> String {
        match self {
            ChartKind::PassRate => lang.pick("各证书通过率", "Pass rate by certificate").into(),
            ChartKind::Counts => lang
                .pick("报考人数与获证人数", "Registered and certified")
                .into(),
            ChartKind::ByGroup(group) => match lang {
                Lang::Zh => format!("按{}的通过率", group.label(lang)),
                Lang::En => format!("Pass rate by {}", group.label(lang).to_lowercase()),
            },
        }
    }
}

/// The pass rate by certificate of the records on screen, the bars in `window`. Reads the
/// state, so inside a memo it follows every change.
pub fn pass_rate_spec(state: BoardState, window: Window) -> ChartSpec {
    let (definition, whiskers) = state.view.with(|v| (v.rate, v.whiskers));
    let lang = state.lang.get();
    state.with_selection(|selection| {
        ChartSpec::Rate(pass_rate_by_certificate(
            selection, definition, whiskers, window, lang,
        ))
    })
}

/// Registered and certified per certificate, the rows in `window`.
pub fn counts_spec(state: BoardState, window: Window) -> ChartSpec {
    let definition = state.view.with(|v| v.rate);
    let lang = state.lang.get();
    state.with_selection(|selection| {
        ChartSpec::Counts(registered_certified(selection, definition, window, lang))
    })
}

/// The pass rate by the grouping the view names, every group.
pub fn group_spec(state: BoardState) -> ChartSpec {
    let (group_by, definition, whiskers) = state.view.with(|v| (v.group_by, v.rate, v.whiskers));
    let lang = state.lang.get();
    state.with_selection(|selection| {
        ChartSpec::Rate(pass_rate_by_group(
            selection, group_by, definition, whiskers, lang,
        ))
    })
}

/// What an exported picture or a slide says about the records: dataset, filters, date.
pub fn caption_of(state: BoardState) -> Caption {
    let lang = state.lang.get();
    state.dataset.with(|d| {
        state
            .index
            .with(|i| state.view.with(|v| Caption::new(d, i, &v.filter, lang)))
    })
}

/// What the parts of the charts section (its charts, presentation mode, the report files) share: the clicked bar's filter, the caption and description
/// every chart and picture has, and the size pictures are exported at.
#[derive(Clone, Copy)]
pub struct ChartsContext {
    pub state: BoardState,
    pub select: Callback<BarTarget>,
    pub caption: Signal<Caption>,
    pub summary: Memo<String>,
    /// The size pictures are exported at; its shape is the PowerPoint deck's.
    pub export_size: RwSignal<(u32, u32)>,
    pub export_tall: RwSignal<bool>,
    /// The page of bars the pass-rate chart and the counts chart show.
    pub rate_page: RwSignal<usize>,
    pub counts_page: RwSignal<usize>,
    /// Whether the deck has a slide per group too.
    pub per_group: RwSignal<bool>,
}

/// The window of bars on `page`, clamped to the records there are.
pub fn window_of(page: usize, records: usize) -> Window {
    let pages = records.div_ceil(BARS_PER_PAGE).max(1);
    Window {
        first: page.min(pages - 1) * BARS_PER_PAGE,
        size: BARS_PER_PAGE,
    }
}

/// What a deck is made of, read from the state: the records on screen, how many of them have a
/// rate (`rated`), the by-group chart's bars with a rate, and each group's records with a rate
/// when the per-group slides are asked for (`groups`).
pub fn deck_plan(
    state: BoardState,
    rated: usize,
    by_group: &ChartSpec,
    groups: Option<&[(String, Vec<u32>)]>,
) -> DeckPlan {
    DeckPlan {
        records: state.totals.with(|t| t.records),
        rated,
        registered: state
            .dataset
            .with(|d| state.matching.with(|m| with_registrants(d, m))),
        groups: match by_group {
            ChartSpec::Rate(chart) => chart
                .bars
                .iter()
                .filter(|bar| matches!(bar.value, BarValue::Rate { .. }))
                .count(),
            spec => spec.rows(),
        },
        per_group: groups.map(|groups| {
            state.dataset.with(|d| {
                groups
                    .iter()
                    .map(|(_, members)| with_a_rate(d, members))
                    .collect()
            })
        }),
    }
}

/// A slide's title and chart, `rows` bars a slide: `plan` says how many of the records on
/// screen have a rate and how many anybody registered (as [`deck_plan`] counted them),
/// `by_group` is the dashboard's chart by group, `groups` the per-group slides' records.
/// Reads the state, so inside a memo it follows every change.
pub fn slide_content(
    state: BoardState,
    slide: Slide,
    rows: usize,
    plan: &DeckPlan,
    by_group: &ChartSpec,
    groups: &[(String, Vec<u32>)],
) -> (String, ChartSpec) {
    let (records, rated, counted) = (plan.records, plan.rated, plan.registered);
    let rated_in = |members: &[u32]| state.dataset.with(|d| with_a_rate(d, members));
    let window = Window {
        first: slide.page * rows,
        size: rows,
    };
    let lang = state.lang.get();
    let last_page = slide.page + 1 == slide.pages;
    // A page of the bars with a rate; the last page names those without one.
    let rated_window = |rated: usize| Window {
        first: window.first,
        size: rows.min(rated.saturating_sub(window.first)),
    };
    match slide.chart {
        SlideChart::PassRate => {
            let spec = pass_rate_spec(state, rated_window(rated));
            let unrated = if last_page && records > rated {
                pass_rate_spec(
                    state,
                    Window {
                        first: rated,
                        size: FOOTNOTE_NAMES,
                    },
                )
            } else {
                spec.clone()
            };
            (
                ChartKind::PassRate.title(lang),
                rated_slide(spec, &unrated, rows, last_page, records - rated),
            )
        }
        SlideChart::Counts => {
            // The rows nobody registered for come last (most registered first): the last
            // slide names them instead of drawing them.
            let spec = counts_spec(state, window);
            let nobody = if last_page {
                counts_spec(
                    state,
                    Window {
                        first: counted,
                        size: FOOTNOTE_NAMES,
                    },
                )
            } else {
                spec.clone()
            };
            let chart = match (spec, nobody) {
                (ChartSpec::Counts(chart), ChartSpec::Counts(nobody)) => {
                    let nobody: Vec<_> = nobody
                        .rows
                        .into_iter()
                        .filter(|row| row.registered == 0)
                        .collect();
                    ChartSpec::Counts(counted_page(
                        chart,
                        rows,
                        last_page,
                        &nobody,
                        records.saturating_sub(counted),
                    ))
                }
                (spec, _) => spec,
            };
            (ChartKind::Counts.title(lang), chart)
        }
        SlideChart::ByGroup => {
            let group_by = state.view.with(|v| v.group_by);
            let mut spec = by_group.clone();
            if let ChartSpec::Rate(chart) = &mut spec {
                let (rated, unrated): (Vec<_>, Vec<_>) = chart
                    .bars
                    .drain(..)
                    .partition(|bar| matches!(bar.value, BarValue::Rate { .. }));
                chart.bars = rated.into_iter().skip(window.first).take(rows).collect();
                *chart = rated_page(
                    chart.clone(),
                    rows,
                    last_page,
                    &unrated[..unrated.len().min(FOOTNOTE_NAMES)],
                    unrated.len(),
                );
            }
            (ChartKind::ByGroup(group_by).title(lang), spec)
        }
        SlideChart::GroupPassRate(group) => {
            let (name, members) = &groups[group];
            let (definition, whiskers) = state.view.with(|v| (v.rate, v.whiskers));
            let chart = |window| {
                state.dataset.with(|d| {
                    state.index.with(|i| {
                        let group = Selected::new(d, i, members.clone());
                        ChartSpec::Rate(pass_rate_by_certificate(
                            group.selection(d, i),
                            definition,
                            whiskers,
                            window,
                            lang,
                        ))
                    })
                })
            };
            let rated = rated_in(members);
            let spec = chart(rated_window(rated));
            let unrated = if last_page && members.len() > rated {
                chart(Window {
                    first: rated,
                    size: FOOTNOTE_NAMES,
                })
            } else {
                spec.clone()
            };
            (
                format!("{name} · {}", ChartKind::PassRate.title(lang)),
                rated_slide(spec, &unrated, rows, last_page, members.len() - rated),
            )
        }
    }
}

/// A slide's title with its page, where its chart takes several: "各证书通过率（2/4）".
pub fn slide_title(title: &str, slide: Slide, lang: Lang) -> String {
    if slide.pages > 1 {
        lang.with_aside(title, &format!("{}/{}", slide.page + 1, slide.pages))
    } else {
        title.to_string()
    }
}

/// How many of `members` have a rate (the bars a rate slide pages through).
pub fn with_a_rate(dataset: &crate::domain::Dataset, members: &[u32]) -> usize {
    members
        .iter()
        .filter(|&&i| dataset.records[i as usize].pass_rate().is_some())
        .count()
}

/// How many of `members` have anybody registered (the bars a counts slide pages through).
pub fn with_registrants(dataset: &crate::domain::Dataset, members: &[u32]) -> usize {
    members
        .iter()
        .filter(|&&i| dataset.records[i as usize].registered > 0)
        .count()
}

/// How many bars without a rate the last slide names (the rest are counted).
const FOOTNOTE_NAMES: usize = 8;

/// A rate slide's spec: its bars with a rate, and on the last page the bars of `unrated`
/// named under it (see [`rated_page`]).
fn rated_slide(
    spec: ChartSpec,
    unrated: &ChartSpec,
    rows: usize,
    last_page: bool,
    unrated_total: usize,
) -> ChartSpec {
    match (spec, unrated) {
        (ChartSpec::Rate(chart), ChartSpec::Rate(others)) => {
            let others: Vec<_> = others
                .bars
                .iter()
                .filter(|bar| !matches!(bar.value, BarValue::Rate { .. }))
                .cloned()
                .collect();
            ChartSpec::Rate(rated_page(chart, rows, last_page, &others, unrated_total))
        }
        (spec, _) => spec,
    }
}
