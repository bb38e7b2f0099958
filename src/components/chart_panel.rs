//! One chart on a `<canvas>`: sized to its container and to the screen's pixel density,
//! redrawn when the data, the size or the theme changes, with a tooltip on hover, a click that
//! filters to the bar, the same figures as a table for screen readers and copying, and the
//! chart's way out: PNG and SVG at a slide's size, with a caption, and the PNG on the clipboard.

use leptos::html::{Canvas, Div};
use leptos::prelude::*;

use crate::canvas::paint;
use crate::charts::framed::framed_svg;
use crate::charts::layout::{BarLayout, chart_height};
use crate::charts::{ChartSpec, ChartStyle};
use crate::domain::caption::Caption;
use crate::domain::chart_data::BarTarget;
use crate::domain::table::file_name;
use crate::download::{download, download_blob, today};
use crate::export::{copy_png, fonts_ready, framed_canvas, png_blob};
use crate::hooks::use_element_width;
use crate::prefs::Prefs;
use crate::state::BoardState;

#[component]
pub fn ChartPanel(
    /// The chart's heading.
    #[prop(into)]
    title: Signal<String>,
    /// The `data-testid` of the canvas.
    test_id: &'static str,
    /// What to draw.
    #[prop(into)]
    spec: Signal<ChartSpec>,
    /// Called with what a clicked bar stands for.
    on_select: Callback<BarTarget>,
    /// Which dataset, filters and date an exported picture states.
    #[prop(into)]
    caption: Signal<Caption>,
    /// A sentence about the figures (the summary), the canvas's `aria-description`.
    #[prop(into)]
    description: Signal<String>,
    /// The slide size pictures are exported at, in device pixels.
    #[prop(into)]
    export_size: Signal<(u32, u32)>,
    /// Controls shown beside the heading (grouping, paging).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let state = BoardState::expect();
    let prefs = use_context::<Prefs>();
    let container = NodeRef::<Div>::new();
    let canvas = NodeRef::<Canvas>::new();
    let width = use_element_width(container);
    let layout = StoredValue::new(None::<BarLayout>);
    let hover = RwSignal::new(None::<(usize, f64, f64)>);
    let failed = RwSignal::new(false);
    let draws = StoredValue::new(0u32);

    Effect::new(move || {
        let (Some(canvas), css_width) = (canvas.get(), width.get()) else {
            return;
        };
        if css_width <= 0.0 {
            return;
        }
        let palette = prefs.map_or(crate::charts::style::Palette::LIGHT, Prefs::palette);
        spec.with(|spec| {
            let scale = window().device_pixel_ratio().max(1.0);
            let device = (
                (css_width * scale).round() as u32,
                (chart_height(spec.rows()) * scale).round() as u32,
            );
            let style = ChartStyle {
                scale,
                palette,
                ..ChartStyle::default()
            };
            match paint(&canvas, spec, device, &style) {
                Ok(drawn) => {
                    layout.set_value(Some(drawn));
                    // Counted on the element, so tests and benchmarks can tell a redraw happened.
                    draws.update_value(|n| *n += 1);
                    let _ = canvas.set_attribute("data-draw-count", &draws.get_value().to_string());
                }
                Err(error) => {
                    leptos::logging::error!("chart {test_id} could not be drawn: {error}");
                    failed.set(true);
                }
            }
        });
    });

    let css_height = move || format!("{}px", chart_height(spec.with(|s| s.rows())));
    let row_at = move |y: f64| layout.get_value().and_then(|l| l.row_at(y));
    let on_move = move |ev: leptos::ev::MouseEvent| {
        let (x, y) = (ev.offset_x() as f64, ev.offset_y() as f64);
        hover.set(row_at(y).map(|row| (row, x, y)));
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some(target) =
            row_at(ev.offset_y() as f64).and_then(|row| spec.with(|s| s.target(row)))
        {
            on_select.run(target);
        }
    };
    let tooltip = move || {
        hover.get().and_then(|(row, x, y)| {
            spec.with(|s| s.describe_row(row)).map(|text| {
                view! {
                    <div
                        class="pb-chart__tooltip"
                        role="tooltip"
                        style:left=format!("{}px", tooltip_left(x, width.get_untracked()))
                        style:top=format!("{}px", y + 14.0)
                    >
                        {text}
                        <div class="pb-chart__tooltip-hint">
                            {state.tr("点击筛选到这一项", "Click to filter to this item")}
                        </div>
                    </div>
                }
            })
        })
    };
    // The table is built only while it is open: closed, it would be rebuilt on every filter
    // change for nobody.
    let table_open = RwSignal::new(false);
    let table = move || {
        if !table_open.get() {
            return None;
        }
        Some(spec.with(|spec| {
            let (headers, rows) = spec.table();
            let head = headers
                .into_iter()
                .map(|h| view! { <th scope="col">{h}</th> })
                .collect_view();
            let body = rows
                .into_iter()
                .enumerate()
                .map(|(row, cells)| {
                    let target = spec.target(row);
                    let mut cells = cells.into_iter();
                    let first = cells.next().unwrap_or_default();
                    let rest = cells
                        .map(|c| view! { <td class="pb-num">{c}</td> })
                        .collect_view();
                    view! {
                        <tr>
                            <th scope="row">
                                {first}
                                {target.map(|target| view! {
                                    <button
                                        class="pb-link"
                                        on:click=move |_| on_select.run(target.clone())
                                    >
                                        {state.tr("筛选", "Filter")}
                                    </button>
                                })}
                            </th>
                            {rest}
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table class="pb-table pb-chart__table">
                    <thead><tr>{head}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            }
        }))
    };
    let label = move || {
        let note = spec.with(|s| s.note().to_string());
        state.lang.get().then(&title.get(), &note)
    };

    view! {
        <figure class="pb-chart">
            <figcaption class="pb-chart__head">
                <h3 class="pb-chart__title">{title}</h3>
                <div class="pb-chart__controls">{children.map(|c| c())}</div>
            </figcaption>
            <div class="pb-chart__stage" node_ref=container>
                <canvas
                    node_ref=canvas
                    data-testid=test_id
                    class="pb-chart__canvas"
                    class:pb-chart__canvas--pointing=move || hover.get().is_some()
                    role="img"
                    aria-label=label
                    aria-description=description
                    style:height=css_height
                    on:mousemove=on_move
                    on:mouseleave=move |_| hover.set(None)
                    on:click=on_click
                ></canvas>
                {tooltip}
            </div>
            <Show when=move || failed.get()>
                <p class="pb-muted">
                    {state.tr(
                        "这个图表没能画出来；下面的数据表里有同样的数字。",
                        "This chart could not be drawn; the data table below has the same figures.",
                    )}
                </p>
            </Show>
            <div class="pb-chart__foot">
                <details
                    class="pb-chart__data"
                    on:toggle:target=move |ev| table_open.set(ev.target().open())
                >
                    <summary>{state.tr("数据表", "Data table")}</summary>
                    {table}
                </details>
                <ExportButtons title spec caption export_size/>
            </div>
        </figure>
    }
}

/// PNG, SVG and "copy image" for one chart, with a line saying how it went.
#[component]
fn ExportButtons(
    title: Signal<String>,
    spec: Signal<ChartSpec>,
    caption: Signal<Caption>,
    export_size: Signal<(u32, u32)>,
) -> impl IntoView {
    let state = BoardState::expect();
    let status = RwSignal::new(None::<(bool, &'static str)>);
    let name = move |ext: &str| {
        caption.with_untracked(|c| {
            file_name(
                &format!("{} {}", c.dataset, title.get_untracked()),
                &today(),
                ext,
            )
        })
    };
    let export = move |copy: bool| {
        let (spec, title, caption, size) = (
            spec.get_untracked(),
            title.get_untracked(),
            caption.get_untracked(),
            export_size.get_untracked(),
        );
        let lang = state.lang.get_untracked();
        let file = name("png");
        leptos::task::spawn_local(async move {
            fonts_ready().await;
            let outcome = async {
                let canvas = framed_canvas(&spec, &title, &caption, size)?;
                let blob = png_blob(&canvas).await?;
                if copy {
                    copy_png(blob).await
                } else if download_blob(&file, &blob) {
                    Ok(())
                } else {
                    Err("download refused".to_string())
                }
            }
            .await;
            status.set(Some(match (outcome, copy) {
                (Ok(()), true) => (
                    true,
                    lang.pick(
                        "图片已复制，可直接粘贴到 Word 或 PowerPoint",
                        "Image copied: paste it into Word or PowerPoint",
                    ),
                ),
                (Ok(()), false) => (true, lang.pick("已导出 PNG", "PNG exported")),
                (Err(error), true) => {
                    leptos::logging::warn!("copy image: {error}");
                    (
                        false,
                        lang.pick(
                            "此浏览器不允许复制图片，请改用“导出 PNG”",
                            "This browser does not allow copying images; use Export PNG instead",
                        ),
                    )
                }
                (Err(error), false) => {
                    leptos::logging::error!("PNG export: {error}");
                    (
                        false,
                        lang.pick("PNG 没能导出", "The PNG could not be exported"),
                    )
                }
            }));
        });
    };
    let export_svg = move |_| {
        let text = spec.with_untracked(|spec| {
            caption.with_untracked(|caption| {
                framed_svg(
                    spec,
                    &title.get_untracked(),
                    caption,
                    export_size.get_untracked(),
                )
            })
        });
        let done = match text {
            Ok(text) => download(&name("svg"), "image/svg+xml", text.as_bytes()),
            Err(error) => {
                leptos::logging::error!("SVG export: {error}");
                false
            }
        };
        status.set(Some(if done {
            (
                true,
                state
                    .lang
                    .get_untracked()
                    .pick("已导出 SVG", "SVG exported"),
            )
        } else {
            (
                false,
                state
                    .lang
                    .get_untracked()
                    .pick("SVG 没能导出", "The SVG could not be exported"),
            )
        }));
    };
    view! {
        <div class="pb-chart__export" role="group" aria-label=state.tr("导出图表", "Export chart")>
            <button class="pb-button" data-testid="export-png" on:click=move |_| export(false)>
                {state.tr("导出 PNG", "Export PNG")}
            </button>
            <button class="pb-button" data-testid="export-svg" on:click=export_svg>
                {state.tr("导出 SVG", "Export SVG")}
            </button>
            <button class="pb-button" data-testid="copy-image" on:click=move |_| export(true)>
                {state.tr("复制图片", "Copy image")}
            </button>
            <span class="pb-chart__export-status" role="status">
                {move || status.get().map(|(ok, text)| view! {
                    <span class:pb-save--ok=ok class:pb-save--bad=!ok>{text}</span>
                })}
            </span>
        </div>
    }
}

/// The tooltip's left edge: right of the pointer, or left of it near the chart's right edge, so
/// it never sticks out of the page.
fn tooltip_left(pointer_x: f64, chart_width: f64) -> f64 {
    const WIDTH: f64 = 360.0;
    const GAP: f64 = 14.0;
    if pointer_x + GAP + WIDTH <= chart_width {
        pointer_x + GAP
    } else {
        (pointer_x - GAP - WIDTH).max(0.0)
    }
}
