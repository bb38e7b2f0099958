//! The comparison in presentation mode: a slide of the key figures and the sentence, then each
//! of the comparison's charts over as many slides as its rows need, in the projector's palette
//! and the slides' type, stepped through with the keys presenter clickers send (as the
//! dashboard's slides are, with their look and their hooks).

use std::sync::Arc;

use leptos::prelude::*;

use crate::charts::Chart;
use crate::charts::compare::CompareChart;
use crate::components::present::slides::{BuildDeck, Deck, SlideGeometry, slide_frame};
use crate::domain::caption::Caption;
use crate::domain::compare::KpiLine;
use crate::state::BoardState;

/// A chart the slides show, with its title in Chinese and English.
#[derive(Clone, Copy)]
pub struct SlideChart {
    pub heading: (&'static str, &'static str),
    pub chart: Memo<CompareChart>,
}

/// One slide: the key figures, or a page of a chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Page {
    Figures,
    Chart {
        chart: usize,
        page: usize,
        pages: usize,
    },
}

/// What the comparison's deck shows, for [`compare_deck`].
#[derive(Clone)]
struct CompareDeck {
    span: Signal<String>,
    sentence: Signal<String>,
    kpis: Signal<Vec<KpiLine>>,
    heads: Signal<(String, String)>,
    charts: StoredValue<Vec<SlideChart>>,
    caption: Memo<Caption>,
    on_exit: Callback<()>,
}

/// The comparison's slides, in the dashboard's slide show (asked for from the `present` chunk).
#[component]
pub fn CompareSlides(
    /// "2021年 → 2022年".
    #[prop(into)]
    span: Signal<String>,
    #[prop(into)] sentence: Signal<String>,
    #[prop(into)] kpis: Signal<Vec<KpiLine>>,
    #[prop(into)] heads: Signal<(String, String)>,
    charts: Vec<SlideChart>,
    caption: Memo<Caption>,
    on_exit: Callback<()>,
) -> impl IntoView {
    let deck = CompareDeck {
        span,
        sentence,
        kpis,
        heads,
        charts: StoredValue::new(charts),
        caption,
        on_exit,
    };
    crate::on_demand::view_with(slide_frame, true, move |show: fn(BuildDeck) -> AnyView| {
        show(compare_deck(deck.clone()))
    })
}

/// The deck: the key figures and the sentence, then each chart over as many slides as its rows
/// need at the show's size.
fn compare_deck(deck: CompareDeck) -> BuildDeck {
    Box::new(move |geometry: SlideGeometry| {
        let CompareDeck {
            span,
            sentence,
            kpis,
            heads,
            charts,
            caption,
            on_exit,
        } = deck;
        let state = BoardState::expect();
        let lang = state.lang;
        let rows = geometry.rows;
        let slides = Memo::new(move |_| {
            let per_slide = rows.get();
            let mut slides = vec![Page::Figures];
            charts.with_value(|charts| {
                for (n, slide) in charts.iter().enumerate() {
                    let count = slide.chart.with(Chart::rows);
                    let pages = count.div_ceil(per_slide);
                    slides.extend((0..pages).map(|page| Page::Chart {
                        chart: n,
                        page,
                        pages,
                    }));
                }
            });
            slides
        });
        let count = Memo::new(move |_| slides.with(Vec::len));
        let position = geometry.position(count);
        let content = Memo::new(move |_| {
            let Page::Chart { chart, page, pages } = slides.with(|s| s[position.get()]) else {
                return None;
            };
            let SlideChart { heading, chart } = charts.with_value(|c| c[chart]);
            let per_slide = rows.get();
            let title = lang.get().pick(heading.0, heading.1).to_string();
            let title = if pages > 1 {
                lang.get()
                    .with_aside(&title, &format!("{}/{pages}", page + 1))
            } else {
                title
            };
            Some((title, chart.with(|c| c.page(page * per_slide, per_slide))))
        });
        let title = Arc::new(move || match content.get() {
            Some((title, _)) => title,
            None => match lang.get() {
                crate::domain::Lang::Zh => format!("两年比较：{}", span.get()),
                crate::domain::Lang::En => format!("Year over year: {}", span.get()),
            },
        });
        let figures = move || {
            let (head_a, head_b) = heads.get();
            view! {
                <div class="pb-compare-slide__figures" data-testid="compare-slide-figures">
                    <p class="pb-compare-slide__sentence">{move || sentence.get()}</p>
                    <table class="pb-compare-slide__kpis">
                        <thead>
                            <tr>
                                <th scope="col"></th>
                                <th scope="col">{head_a}</th>
                                <th scope="col">{head_b}</th>
                                <th scope="col">{state.tr("变化", "Change")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {kpis.get().into_iter().map(|line| view! {
                                <tr data-kpi=line.key>
                                    <th scope="row">{line.label}</th>
                                    <td>{line.a}</td>
                                    <td>{line.b}</td>
                                    <td>{line.change}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }
        };
        Deck {
            count,
            position,
            caption: Arc::new(move || caption.get()),
            title,
            charted: Arc::new(move || content.with(Option::is_some)),
            label: Arc::new(move || {
                content.with(|c| c.as_ref().map(|(t, _)| t.clone()).unwrap_or_default())
            }),
            bars: Arc::new(move || content.with(|c| c.as_ref().map_or(0, |(_, c)| c.rows()))),
            description: None,
            paint: Arc::new(move |canvas, device, style| {
                content.with(|content| {
                    let Some((_, chart)) = content else { return };
                    let drawn = crate::web::canvas::paint_with(canvas, device, |area| {
                        chart.draw(area, style)
                    });
                    if let Err(error) = drawn {
                        leptos::logging::error!("comparison slide could not be drawn: {error}");
                    }
                })
            }),
            figures: Some(ViewFn::from(figures)),
            on_exit,
        }
    })
}
