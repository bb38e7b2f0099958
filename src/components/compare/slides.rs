//! The comparison in presentation mode: a slide of the key figures and the sentence, then each
//! of the comparison's charts over as many slides as its rows need, in the projector's palette
//! and the slides' type, stepped through with the keys presenter clickers send (as the
//! dashboard's slides are, with their look and their hooks).

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::charts::compare::CompareChart;
use crate::charts::layout::{SLIDE_ROW_HEIGHT, rows_fitting_in};
use crate::charts::style::Palette;
use crate::charts::{Chart, ChartStyle};
use crate::components::present::presentation::{fullscreen, type_scale};
use crate::domain::caption::Caption;
use crate::domain::compare::KpiLine;
use crate::state::BoardState;
use crate::web::hooks::use_element_size;

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

/// Asks for full screen as the show starts.
pub fn start_full_screen() {
    fullscreen(
        "requestFullscreen",
        document().document_element().map(Into::into),
    );
}

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
    let state = BoardState::expect();
    let lang = state.lang;
    let current = RwSignal::new(0usize);
    let root = NodeRef::<Div>::new();
    let stage = NodeRef::<Div>::new();
    let screen = use_element_size(root);
    let stage_size = use_element_size(stage);
    let scale = Memo::new(move |_| {
        let (width, height) = screen.get();
        type_scale(width.max(1.0), height.max(1.0))
    });
    let rows = Memo::new(move |_| {
        let (width, height) = stage_size.get();
        let scale = scale.get();
        rows_fitting_in(width / scale, height / scale, SLIDE_ROW_HEIGHT).max(1)
    });
    let charts = StoredValue::new(charts);
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
    let position = move || current.get().min(slides.with(Vec::len) - 1);
    let slide = Memo::new(move |_| slides.with(|s| s[position()]));
    let chart_of = move |page: Page| -> Option<(String, CompareChart)> {
        let Page::Chart { chart, page, pages } = page else {
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
    };
    let content = Memo::new(move |_| chart_of(slide.get()));

    let canvas = NodeRef::<leptos::html::Canvas>::new();
    Effect::new(move || {
        let (Some(canvas), (width, height)) = (canvas.get(), stage_size.get()) else {
            return;
        };
        if width <= 0.0 || height <= 0.0 {
            return;
        }
        let dpr = window().device_pixel_ratio().max(1.0);
        let style = ChartStyle {
            scale: dpr * scale.get(),
            palette: Palette::PROJECTOR,
            row_height: SLIDE_ROW_HEIGHT,
            ..ChartStyle::default()
        };
        let device = ((width * dpr).round() as u32, (height * dpr).round() as u32);
        content.with(|content| {
            let Some((_, chart)) = content else { return };
            let drawn =
                crate::web::canvas::paint_with(&canvas, device, |area| chart.draw(area, &style));
            if let Err(error) = drawn {
                leptos::logging::error!("comparison slide could not be drawn: {error}");
            }
        });
    });

    let go = move |step: isize| {
        let last = slides.with(Vec::len) - 1;
        current.set(position().saturating_add_signed(step).min(last));
    };
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let on_button = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlButtonElement>().ok())
            .is_some();
        match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" | "PageDown" => go(1),
            " " | "Enter" if !on_button => go(if ev.shift_key() { -1 } else { 1 }),
            "ArrowLeft" | "ArrowUp" | "PageUp" => go(-1),
            "Home" => current.set(0),
            "End" => current.set(slides.with(Vec::len) - 1),
            "Escape" => on_exit.run(()),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || keys.remove());
    // Leaving full screen (Esc, which the browser keeps for itself there) ends the show.
    let was_fullscreen = StoredValue::new(false);
    let fullscreen_change = window_event_listener_untyped("fullscreenchange", move |_| {
        let now = document().fullscreen_element().is_some();
        if was_fullscreen.get_value() && !now {
            on_exit.run(());
        }
        was_fullscreen.set_value(now);
    });
    on_cleanup(move || fullscreen_change.remove());
    Effect::new(move || {
        if let Some(root) = root.get() {
            let _ = root.focus();
        }
    });

    let title = move || match content.get() {
        Some((title, _)) => title,
        None => match lang.get() {
            crate::domain::Lang::Zh => format!("两年比较：{}", span.get()),
            crate::domain::Lang::En => format!("Year over year: {}", span.get()),
        },
    };
    let counter = move || format!("{} / {}", position() + 1, slides.with(Vec::len));
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
    view! {
        <div
            class="pb-slide"
            data-testid="slide"
            node_ref=root
            tabindex="-1"
            role="region"
            aria-roledescription=state.tr("幻灯片", "slide")
            aria-label=move || format!("{} {}", title(), counter())
            data-slide=move || position().to_string()
            data-slides=move || slides.with(Vec::len).to_string()
        >
            <header class="pb-slide__head">
                <p class="pb-slide__dataset">{move || caption.with(|c| c.dataset.clone())}</p>
                <h2 class="pb-slide__title" data-testid="slide-title" aria-live="polite">{title}</h2>
                <p class="pb-slide__filters">{move || caption.with(|c| c.filters.clone())}</p>
            </header>
            <div class="pb-slide__stage" node_ref=stage>
                <Show when=move || content.with(Option::is_none) fallback=move || view! {
                    <canvas
                        node_ref=canvas
                        class="pb-slide__canvas"
                        data-testid="slide-chart"
                        data-type-scale=move || format!("{:.3}", scale.get())
                        data-bars=move || content.with(|c| c.as_ref().map_or(0, |(_, c)| c.rows()).to_string())
                        role="img"
                        aria-label=move || content.with(|c| c.as_ref().map(|(t, _)| t.clone()).unwrap_or_default())
                    ></canvas>
                }>
                    {figures}
                </Show>
            </div>
            <footer class="pb-slide__foot">
                <span>{move || caption.with(|c| c.as_of.clone())}</span>
                <span class="pb-slide__nav">
                    <button class="pb-slide__button" disabled=move || position() == 0
                        on:click=move |_| go(-1)>
                        {state.tr("‹ 上一页", "‹ Back")}
                    </button>
                    <span data-testid="slide-counter">{counter}</span>
                    <button class="pb-slide__button"
                        disabled=move || { position() + 1 >= slides.with(Vec::len) }
                        on:click=move |_| go(1)>
                        {state.tr("下一页 ›", "Next ›")}
                    </button>
                    <button class="pb-slide__button" data-testid="present-exit"
                        aria-keyshortcuts="Escape" on:click=move |_| on_exit.run(())>
                        {state.tr("退出", "Exit")}
                    </button>
                </span>
            </footer>
        </div>
    }
}
