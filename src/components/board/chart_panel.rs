//! One chart on a `<canvas>`: sized to its container and to the screen's pixel density,
//! redrawn when the data, the size or the theme changes, with a tooltip on hover, a click that
//! filters to the bar, the same figures as a table for screen readers and copying, and the
//! chart's way out: PNG and SVG at a slide's size, with a caption, and the PNG on the clipboard.

use leptos::html::{Canvas, Div};
use leptos::prelude::*;

use crate::charts::framed::{framed_svg, rows_per_page};
use crate::charts::layout::{BarLayout, chart_height_at};
use crate::charts::{ChartSpec, ChartStyle};
use crate::domain::Lang;
use crate::domain::caption::Caption;
use crate::domain::chart_data::BarTarget;
use crate::domain::table::file_name;
use crate::state::BoardState;
use crate::web::canvas::paint;
use crate::web::download::{download, download_blob, today};
use crate::web::export::{copy_png, fonts_ready, framed_canvas, png_blob};
use crate::web::hooks::use_element_width;
use crate::web::prefs::Prefs;

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
    /// Whether a chart longer than a slide is exported as one tall picture rather than pages.
    #[prop(into)]
    export_tall: Signal<bool>,
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
                (chart_height_at(css_width, spec.rows()) * scale).round() as u32,
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
                    let labels = if drawn.stacked { "above" } else { "beside" };
                    let _ = canvas.set_attribute("data-labels", labels);
                }
                Err(error) => {
                    leptos::logging::error!("chart {test_id} could not be drawn: {error}");
                    failed.set(true);
                }
            }
        });
    });

    let css_height = move || {
        let rows = spec.with(|s| s.rows());
        format!("{}px", chart_height_at(width.get(), rows))
    };
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
        table_open.get().then(|| {
            crate::on_demand::view_with(chart_table, true, move |build: BuildTable| {
                build(spec, on_select)
            })
        })
    };
    let label = move || {
        let note = spec.with(|s| s.note().to_string());
        state.lang.get().then(&title.get(), &note)
    };

    view! {
        <figure class="pb-chart" data-testid=format!("{test_id}-section")>
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
                <ExportButtons title spec caption export_size export_tall/>
            </div>
        </figure>
    }
}

/// What the data tables' chunk hands over: builds a chart's table, following its data.
type BuildTable = fn(Signal<ChartSpec>, Callback<BarTarget>) -> AnyView;

crate::on_demand! { rest:
    fn chart_table() -> BuildTable {
        |spec, on_select| (move || spec.with(|spec| data_table(spec, on_select))).into_any()
    }
}

/// The chart's figures as a table, each row with a button that filters to it.
fn data_table(spec: &ChartSpec, on_select: Callback<BarTarget>) -> impl IntoView + use<> {
    let state = BoardState::expect();

    let table = spec.table();
    let head = table
        .columns
        .iter()
        .map(|(field, heading)| view! { <th scope="col" data-field=field.as_str()>{*heading}</th> })
        .collect_view();
    let fields: Vec<&'static str> = table.columns.iter().map(|(f, _)| f.as_str()).collect();
    let body = table
        .rows
        .into_iter()
        .enumerate()
        .map(|(row, line)| {
            let target = spec.target(row);
            let cells = line
                .cells
                .into_iter()
                .zip(fields.iter().copied())
                .map(|(c, field)| view! { <td class="pb-num" data-field=field>{c}</td> })
                .collect_view();
            let key = line.key.clone();
            view! {
                <tr data-testid="chart-table-row" data-key=key>
                    <th scope="row">
                        {line.key}
                        {target.map(|target| view! {
                            <button
                                class="pb-link"
                                on:click=move |_| on_select.run(target.clone())
                            >
                                {state.tr("筛选", "Filter")}
                            </button>
                        })}
                    </th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="pb-table pb-chart__table" data-testid="chart-table">
            <thead><tr><th scope="col">{table.label_heading}</th>{head}</tr></thead>
            <tbody>{body}</tbody>
        </table>
    }
}

/// PNG, SVG and "copy image" for one chart, with a line saying how it went. A chart longer
/// than a slide is exported as slide-sized pages, a file each (copied: the first page), unless
/// one tall picture is asked for.
#[component]
fn ExportButtons(
    title: Signal<String>,
    spec: Signal<ChartSpec>,
    caption: Signal<Caption>,
    export_size: Signal<(u32, u32)>,
    export_tall: Signal<bool>,
) -> impl IntoView {
    let state = BoardState::expect();
    let status = RwSignal::new(None::<(bool, String)>);
    let job = PictureJob {
        state,
        title,
        spec,
        caption,
        export_size,
        export_tall,
        status,
    };
    let export = move |kind: PictureKind| crate::on_demand::run(export_pictures(job, kind));
    let export_svg = move |_| export(PictureKind::Svg);
    view! {
        <div class="pb-chart__export" role="group" aria-label=state.tr("导出图表", "Export chart")>
            <button class="pb-button" data-testid="export-png" on:click=move |_| export(PictureKind::Png)>
                {state.tr("导出 PNG", "Export PNG")}
            </button>
            <button class="pb-button" data-testid="export-svg" on:click=export_svg>
                {state.tr("导出 SVG", "Export SVG")}
            </button>
            <button class="pb-button" data-testid="copy-image" on:click=move |_| export(PictureKind::Copy)>
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

/// What a chart's export buttons hand to the exporter.
#[derive(Clone, Copy)]
struct PictureJob {
    state: BoardState,
    title: Signal<String>,
    spec: Signal<ChartSpec>,
    caption: Signal<Caption>,
    export_size: Signal<(u32, u32)>,
    export_tall: Signal<bool>,
    /// What the buttons' status line says when the export is done.
    status: RwSignal<Option<(bool, String)>>,
}

#[derive(Clone, Copy)]
enum PictureKind {
    Png,
    Svg,
    Copy,
}

crate::on_demand! { exports:
    fn export_pictures(job: PictureJob, kind: PictureKind) -> () {
        make_pictures(job, kind)
    }
}

/// Makes the chart's pictures (a file per slide-sized page, or one tall picture) and hands
/// them over as files, or copies the first to the clipboard.
fn make_pictures(job: PictureJob, kind: PictureKind) {
    let PictureJob {
        state,
        title,
        spec,
        caption,
        export_size,
        export_tall,
        status,
    } = job;
    // The pictures to make: the whole chart, or a page each, with their titles and file names.
    let pictures = move |ext: &'static str| {
        let (spec, title, size) = (
            spec.get_untracked(),
            title.get_untracked(),
            export_size.get_untracked(),
        );
        let lang = state.lang.get_untracked();
        let dataset = caption.with_untracked(|c| c.dataset.clone());
        let per_page = rows_per_page(size);
        let pages = if export_tall.get_untracked() {
            1
        } else {
            spec.rows().div_ceil(per_page).max(1)
        };
        (0..pages)
            .map(|page| {
                if pages == 1 {
                    let file = file_name(&format!("{dataset} {title}"), &today(), ext);
                    return (spec.clone(), title.clone(), file);
                }
                let numbered = lang.with_aside(&title, &format!("{}/{pages}", page + 1));
                let part = match lang {
                    Lang::Zh => format!("第{}页（共{pages}页）", page + 1),
                    Lang::En => format!("page {} of {pages}", page + 1),
                };
                let file = file_name(&format!("{dataset} {title} {part}"), &today(), ext);
                (spec.page(page * per_page, per_page), numbered, file)
            })
            .collect::<Vec<_>>()
    };
    let done = move |ok: bool, count: usize, what: &str| {
        let lang = state.lang.get_untracked();
        let text = match (ok, count, lang) {
            (true, 1, Lang::Zh) => format!("已导出 {what}"),
            (true, 1, Lang::En) => format!("{what} exported"),
            (true, n, Lang::Zh) => format!("已导出 {n} 页 {what}"),
            (true, n, Lang::En) => format!("{n} pages exported as {what}"),
            (false, _, Lang::Zh) => format!("{what} 没能导出"),
            (false, _, Lang::En) => format!("The {what} could not be exported"),
        };
        status.set(Some((ok, text)));
    };
    let export = move |copy: bool| {
        let caption = caption.get_untracked();
        let lang = state.lang.get_untracked();
        let mut pictures = pictures("png");
        if copy {
            pictures.truncate(1);
        }
        leptos::task::spawn_local(async move {
            fonts_ready().await;
            let count = pictures.len();
            let mut outcome = Ok(());
            for (spec, title, file) in pictures {
                outcome = async {
                    let canvas =
                        framed_canvas(&spec, &title, &caption, export_size.get_untracked())?;
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
                if outcome.is_err() {
                    break;
                }
            }
            match (outcome, copy) {
                (Ok(()), true) => status.set(Some((
                    true,
                    lang.pick(
                        "图片已复制，可直接粘贴到 Word 或 PowerPoint",
                        "Image copied: paste it into Word or PowerPoint",
                    )
                    .to_string(),
                ))),
                (Ok(()), false) => done(true, count, "PNG"),
                (Err(error), true) => {
                    leptos::logging::warn!("copy image: {error}");
                    status.set(Some((
                        false,
                        lang.pick(
                            "此浏览器不允许复制图片，请改用“导出 PNG”",
                            "This browser does not allow copying images; use Export PNG instead",
                        )
                        .to_string(),
                    )));
                }
                (Err(error), false) => {
                    leptos::logging::error!("PNG export: {error}");
                    done(false, count, "PNG");
                }
            }
        });
    };
    let export_svg = move || {
        let pictures = pictures("svg");
        let count = pictures.len();
        let ok = caption.with_untracked(|caption| {
            pictures.into_iter().all(|(spec, title, file)| {
                match framed_svg(&spec, &title, caption, export_size.get_untracked()) {
                    Ok(text) => download(&file, "image/svg+xml", text.as_bytes()),
                    Err(error) => {
                        leptos::logging::error!("SVG export: {error}");
                        false
                    }
                }
            })
        });
        done(ok, count, "SVG");
    };
    match kind {
        PictureKind::Png => export(false),
        PictureKind::Copy => export(true),
        PictureKind::Svg => export_svg(),
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
