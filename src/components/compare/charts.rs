//! The comparison's charts on the page: a canvas drawn by `charts::compare`, with its PNG
//! and SVG exports, and the charts' titles (on the page, on slides and in pictures).

use leptos::prelude::*;

use crate::charts::compare::CompareChart;
use crate::charts::style::Palette;
use crate::charts::{Chart, ChartStyle};
use crate::domain::Lang;
use crate::domain::caption::Caption;
use crate::state::BoardState;

/// The charts' titles, in Chinese and English.
pub const RATE_HEADING: (&str, &str) = (
    "各证书等级通过率：A（空心）→ B（实心）",
    "Pass rate by certificate level: A (hollow) → B (filled)",
);
pub const REGISTERED_HEADING: (&str, &str) = (
    "各证书等级报考人数：A（浅色斜线）、B（深色）",
    "Registered by certificate level: A (light, hatched), B (dark)",
);
pub const SERIES_HEADING: (&str, &str) = ("历年报考与获证人数", "Registered and certified by year");

/// One of the comparison's charts on a canvas (drawn by `charts::compare`), redrawn when the
/// rows, the width or the theme change, with its exports: PNG pictures a slide in size (a
/// long chart over several) and one SVG, both under the chart's title and `caption`, as the
/// dashboard's charts leave the page. `heading` and `file` (a file name's start) are in
/// Chinese and English.
#[component]
pub fn CompareCanvas(
    #[prop(into)] chart: Signal<CompareChart>,
    #[prop(into)] caption: Signal<Caption>,
    testid: &'static str,
    png_testid: &'static str,
    svg_testid: &'static str,
    heading: (&'static str, &'static str),
    file: (&'static str, &'static str),
) -> impl IntoView {
    use crate::charts::layout::chart_height_at;
    use leptos::html::{Canvas, Div};
    let state = BoardState::expect();
    let prefs = use_context::<crate::web::prefs::Prefs>();
    let container = NodeRef::<Div>::new();
    let canvas = NodeRef::<Canvas>::new();
    let width = crate::web::hooks::use_element_width(container);
    let height = move || chart_height_at(width.get(), chart.with(Chart::rows));
    Effect::new(move || {
        let (Some(canvas), css_width) = (canvas.get(), width.get()) else {
            return;
        };
        if css_width <= 0.0 {
            return;
        }
        let scale = window().device_pixel_ratio().max(1.0);
        let style = ChartStyle {
            scale,
            palette: prefs.map_or(Palette::LIGHT, crate::web::prefs::Prefs::palette),
            ..ChartStyle::default()
        };
        let device = (
            (css_width * scale).round() as u32,
            (height() * scale).round() as u32,
        );
        chart.with(|chart| {
            match crate::web::canvas::paint_with(&canvas, device, |area| chart.draw(area, &style)) {
                Ok(layout) => {
                    let _ = canvas.set_attribute("data-rows", &layout.rows.to_string());
                }
                Err(error) => leptos::logging::error!("the comparison chart: {error}"),
            }
        });
    });
    let status = RwSignal::new(None::<(bool, String)>);
    let export = move |png: bool| {
        let (chart, caption) = (chart.get_untracked(), caption.get_untracked());
        let lang = state.lang.get_untracked();
        let title = lang.pick(heading.0, heading.1).to_string();
        let (a, b) = chart.span();
        let stem = format!("{} {a}→{b}", lang.pick(file.0, file.1));
        let pictures = export_pages(&chart, &title, &stem, png, lang);
        leptos::task::spawn_local(async move {
            use crate::web::download::{download, download_blob};
            use crate::web::export::{SLIDE_SIZES, fonts_ready, framed_canvas, png_blob};
            fonts_ready().await;
            let size = SLIDE_SIZES[0];
            let mut outcome = Ok(true);
            for (chart, title, name) in &pictures {
                outcome = if png {
                    match framed_canvas(chart, title, &caption, size) {
                        Ok(canvas) => png_blob(&canvas)
                            .await
                            .map(|blob| download_blob(name, &blob)),
                        Err(error) => Err(error),
                    }
                } else {
                    crate::charts::framed::framed_svg(chart, title, &caption, size)
                        .map(|svg| download(name, "image/svg+xml", svg.as_bytes()))
                };
                if !matches!(outcome, Ok(true)) {
                    break;
                }
            }
            let what = if png { "PNG" } else { "SVG" };
            status.set(Some(match (outcome, lang) {
                (Ok(true), Lang::Zh) => (true, format!("已导出 {} 个 {what} 文件", pictures.len())),
                (Ok(true), Lang::En) => {
                    (true, format!("{} {what} file(s) exported", pictures.len()))
                }
                (_, Lang::Zh) => (false, format!("{what} 没能导出")),
                (_, Lang::En) => (false, format!("The {what} could not be exported")),
            }));
        });
    };
    let label = move || {
        let (a, b) = chart.with(CompareChart::span);
        format!("{}：{a} → {b}", state.lang.get().pick(heading.0, heading.1))
    };
    view! {
        <figure class="pb-compare__figure">
            <figcaption class="pb-compare__figure-head">
                <span>{state.tr(heading.0, heading.1)}</span>
                <span class="pb-compare__exports">
                    <button type="button" class="pb-button" data-testid=png_testid
                        on:click=move |_| export(true)>
                        {state.tr("导出 PNG", "Export PNG")}
                    </button>
                    <button type="button" class="pb-button" data-testid=svg_testid
                        on:click=move |_| export(false)>
                        {state.tr("导出 SVG", "Export SVG")}
                    </button>
                </span>
            </figcaption>
            {move || status.get().map(|(ok, text)| view! {
                <p class="pb-compare__export-status" class:pb-compare__export-status--failed=!ok
                    role="status">{text}</p>
            })}
            <div class="pb-compare__chart" node_ref=container>
                <canvas node_ref=canvas data-testid=testid role="img"
                    aria-label=label style:height=move || format!("{}px", height())
                    style:width="100%"></canvas>
            </div>
        </figure>
    }
}

/// The pictures a chart leaves the page as: for PNG, a slide-sized page each for as many rows
/// as a slide holds (numbered where there are several); for SVG one picture of every row.
fn export_pages(
    chart: &CompareChart,
    title: &str,
    stem: &str,
    png: bool,
    lang: Lang,
) -> Vec<(CompareChart, String, String)> {
    use crate::domain::table::file_name;
    let today = crate::web::download::today();
    let per_page = crate::charts::framed::rows_per_page(crate::web::export::SLIDE_SIZES[0]);
    let pages = if png {
        chart.rows().div_ceil(per_page).max(1)
    } else {
        1
    };
    let ext = if png { "png" } else { "svg" };
    if pages == 1 {
        return vec![(
            chart.clone(),
            title.to_string(),
            file_name(stem, &today, ext),
        )];
    }
    (0..pages)
        .map(|page| {
            let part = match lang {
                Lang::Zh => format!("第{}页（共{pages}页）", page + 1),
                Lang::En => format!("page {} of {pages}", page + 1),
            };
            (
                chart.page(page * per_page, per_page),
                lang.with_aside(title, &format!("{}/{pages}", page + 1)),
                file_name(&format!("{stem} {part}"), &today, ext),
            )
        })
        .collect()
}
