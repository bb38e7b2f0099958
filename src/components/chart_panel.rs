//! One chart on a `<canvas>`: sized to its container and to the screen's pixel density,
//! redrawn when either the data or the size changes, with a tooltip on hover, a click that
//! filters to the bar, and the same figures as a table for screen readers and copying.

use crate::canvas::Canvas as CanvasSurface;
use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;

use crate::charts::layout::{BarLayout, chart_height};
use crate::charts::{ChartSpec, ChartStyle};
use crate::domain::chart_data::BarTarget;
use crate::hooks::use_element_width;

#[component]
pub fn ChartPanel(
    /// The chart's heading.
    title: &'static str,
    /// The `data-testid` of the canvas.
    test_id: &'static str,
    /// What to draw.
    #[prop(into)]
    spec: Signal<ChartSpec>,
    /// Called with what a clicked bar stands for.
    on_select: Callback<BarTarget>,
    /// Controls shown beside the heading (grouping, paging).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
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
        spec.with(|spec| {
            let scale = window().device_pixel_ratio().max(1.0);
            let height = chart_height(spec.rows());
            // Resizing a canvas reallocates and clears it: only when the size really changes
            // (the chart paints its own white background anyway).
            let (device_width, device_height) = (
                (css_width * scale).round() as u32,
                (height * scale).round() as u32,
            );
            if canvas.width() != device_width {
                canvas.set_width(device_width);
            }
            if canvas.height() != device_height {
                canvas.set_height(device_height);
            }
            let Some(backend) = CanvasSurface::new(canvas.clone()) else {
                failed.set(true);
                return;
            };
            let area = backend.into_drawing_area();
            let style = ChartStyle {
                scale,
                ..ChartStyle::default()
            };
            match spec
                .draw(&area, &style)
                .and_then(|drawn| area.present().map(|_| drawn))
            {
                Ok(drawn) => {
                    layout.set_value(Some(drawn));
                    // Counted on the element, so tests and benchmarks can tell a redraw happened.
                    draws.update_value(|n| *n += 1);
                    let _ = canvas.set_attribute("data-draw-count", &draws.get_value().to_string());
                }
                Err(error) => {
                    leptos::logging::error!("chart {test_id} could not be drawn: {error:?}");
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
                        <div class="pb-chart__tooltip-hint">"点击筛选到这一项"</div>
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
                                        "筛选"
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
    let description = move || format!("{title}。{}", spec.with(|s| s.note().to_string()));

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
                    aria-label=description
                    style:height=css_height
                    on:mousemove=on_move
                    on:mouseleave=move |_| hover.set(None)
                    on:click=on_click
                ></canvas>
                {tooltip}
            </div>
            <Show when=move || failed.get()>
                <p class="pb-muted">"这个图表没能画出来；下面的数据表里有同样的数字。"</p>
            </Show>
            <details
                class="pb-chart__data"
                on:toggle:target=move |ev| table_open.set(ev.target().open())
            >
                <summary>"数据表"</summary>
                {table}
            </details>
        </figure>
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
