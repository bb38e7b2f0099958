//! The three charts of the dashboard and their shared switches: the pass-rate definition and
//! the small-sample whiskers (both kept in the view, and so in the address), the size pictures
//! are exported at, and presentation mode.

use leptos::prelude::*;

use crate::components::board::chart_panel::ChartPanel;
use crate::components::present::presentation::Presentation;
use crate::domain::chart_data::BarTarget;
use crate::domain::view::{GroupBy, RateDefinition};
use crate::on_demand;
use crate::state::BoardState;
use crate::state::charts::{
    BARS_PER_PAGE, ChartKind, ChartsContext, caption_of, counts_spec, group_spec, pass_rate_spec,
    window_of,
};
use crate::web::export::SLIDE_SIZES;

/// What the section's later chunk hands over: builds one of its parts.
type Part = fn(ChartsContext) -> AnyView;

/// The first chart and the switches it reads are part of the first screen; presentation mode,
/// the export size and the two other charts come in a chunk fetched right after it.
#[component]
pub fn ChartsSection() -> impl IntoView {
    let state = BoardState::expect();
    let view = state.view;
    let select = Callback::new(move |target: BarTarget| {
        state
            .dataset
            .with_untracked(|dataset| view.update(|v| v.toggle_focus(&target, dataset)));
    });

    let rate_page = RwSignal::new(0usize);
    let records = move || state.totals.with(|t| t.records);
    let pass_rate =
        Memo::new(move |_| pass_rate_spec(state, window_of(rate_page.get(), records())));
    let shared = ChartsContext {
        state,
        select,
        // Read only when a picture is exported: worked out then, not on every filter change.
        caption: Signal::derive(move || caption_of(state)),
        summary: state.summary,
        export_size: RwSignal::new(SLIDE_SIZES[0]),
        export_tall: RwSignal::new(false),
        rate_page,
        counts_page: RwSignal::new(0),
        per_group: RwSignal::new(false),
    };
    let title = move |kind: ChartKind| Signal::derive(move || kind.title(state.lang.get()));

    view! {
        <section class="pb-charts" aria-labelledby="pb-charts-title">
            <div class="pb-charts__head">
                <h2 id="pb-charts-title" class="pb-section-title">{state.tr("图表", "Charts")}</h2>
                {on_demand::view_with(head_controls, false, move |part: Part| part(shared))}
                <div class="pb-charts__switches">
                    <fieldset class="pb-segmented" data-testid="rate-definition">
                        <legend class="pb-visually-hidden">{state.tr("通过率口径", "Pass rate definition")}</legend>
                        {[RateDefinition::Published, RateDefinition::AllRegistered]
                            .into_iter()
                            .map(|definition| view! {
                                <label
                                    class="pb-segmented__option"
                                    title=move || definition.label(state.lang.get())
                                >
                                    <input
                                        type="radio"
                                        name="rate-definition"
                                        value=if definition == RateDefinition::Published { "published" } else { "all" }
                                        prop:checked=move || view.with(|v| v.rate == definition)
                                        on:change=move |_| view.update(|v| v.rate = definition)
                                    />
                                    <span>
                                        {state.tr("通过率：", "Pass rate: ")}
                                        {move || definition.short_label(state.lang.get())}
                                    </span>
                                </label>
                            })
                            .collect_view()}
                    </fieldset>
                    <label class="pb-check">
                        <input
                            type="checkbox"
                            data-testid="toggle-whiskers"
                            prop:checked=move || view.with(|v| v.whiskers)
                            on:change:target=move |ev| {
                                let on = ev.target().checked();
                                view.update(|v| v.whiskers = on);
                            }
                        />
                        {state.tr(
                            "小样本（n<10）显示 95% 置信区间",
                            "95% interval for small samples (n<10)",
                        )}
                    </label>
                    {on_demand::view_with(export_controls, false, move |part: Part| part(shared))}
                </div>
            </div>
            <ChartPanel
                title=title(ChartKind::PassRate)
                test_id="chart-pass-rate"
                spec=pass_rate
                on_select=select
                caption=shared.caption
                description=shared.summary
                export_size=shared.export_size
                export_tall=shared.export_tall
            >
                <Pager page=rate_page/>
            </ChartPanel>
            {on_demand::view_with(other_charts, false, move |part: Part| part(shared))}
        </section>
    }
}

on_demand! { rest:
    /// Presentation mode's button and its switch.
    fn head_controls() -> Part {
        |shared| {
            let state = shared.state;
            let by_group = Memo::new(move |_| group_spec(state));
            view! {
                <Presentation by_group caption=shared.caption per_group=shared.per_group/>
                <crate::components::report_files::ReportFiles shared/>
            }
            .into_any()
        }
    }
}

on_demand! { rest:
    /// The size exported pictures are made at, and whether a long chart is one tall picture.
    fn export_controls() -> Part {
        |shared| view! { <ExportControls shared/> }.into_any()
    }
}

on_demand! { rest:
    /// The registered and certified counts, and the pass rate by group.
    fn other_charts() -> Part {
        |shared| view! { <OtherCharts shared/> }.into_any()
    }
}

#[component]
fn ExportControls(shared: ChartsContext) -> impl IntoView {
    let ChartsContext {
        state,
        export_size,
        export_tall,
        ..
    } = shared;
    view! {
        <label class="pb-check">
            {state.tr("导出尺寸", "Export size")}
            <select
                class="pb-select"
                data-testid="export-size"
                on:change:target=move |ev| {
                    let chosen = ev.target().value();
                    if let Some(size) = SLIDE_SIZES
                        .into_iter()
                        .find(|(w, h)| format!("{w}x{h}") == chosen)
                    {
                        export_size.set(size);
                    }
                }
            >
                {SLIDE_SIZES
                    .into_iter()
                    .map(|(w, h)| view! {
                        <option value=format!("{w}x{h}") selected=(w, h) == export_size.get_untracked()>
                            {format!("{w} × {h}")}
                        </option>
                    })
                    .collect_view()}
            </select>
        </label>
        <label
            class="pb-check"
            title=state.tr(
                "不勾选时，比一页幻灯片长的图表分页导出，每页一张图",
                "Unticked, a chart longer than a slide is exported as slide-sized pages, a picture each",
            )
        >
            <input
                type="checkbox"
                data-testid="export-tall"
                prop:checked=move || export_tall.get()
                on:change:target=move |ev| export_tall.set(ev.target().checked())
            />
            {state.tr("长图不分页", "Tall charts as one picture, not pages")}
        </label>
    }
}

#[component]
fn OtherCharts(shared: ChartsContext) -> impl IntoView {
    let ChartsContext {
        state,
        select,
        caption,
        summary,
        export_size,
        export_tall,
        counts_page,
        ..
    } = shared;
    let view = state.view;
    let records = move || state.totals.with(|t| t.records);
    let counts = Memo::new(move |_| counts_spec(state, window_of(counts_page.get(), records())));
    let by_group = Memo::new(move |_| group_spec(state));
    let group_title = Signal::derive(move || {
        ChartKind::ByGroup(view.with(|v| v.group_by)).title(state.lang.get())
    });
    view! {
        <ChartPanel
            title=Signal::derive(move || ChartKind::Counts.title(state.lang.get()))
            test_id="chart-registered-certified"
            spec=counts
            on_select=select
            caption
            description=summary
            export_size
            export_tall
        >
            <Pager page=counts_page/>
        </ChartPanel>
        <ChartPanel
            title=group_title
            test_id="chart-by-group"
            spec=by_group
            on_select=select
            caption
            description=summary
            export_size
            export_tall
        >
            <fieldset class="pb-segmented" data-testid="group-by">
                <legend class="pb-visually-hidden">{state.tr("分组方式", "Group by")}</legend>
                {GroupBy::ALL
                    .into_iter()
                    .map(|group| view! {
                        <label class="pb-segmented__option">
                            <input
                                type="radio"
                                name="group-by"
                                value=group.as_param()
                                prop:checked=move || view.with(|v| v.group_by == group)
                                on:change=move |_| view.update(|v| v.group_by = group)
                            />
                            <span>
                                {state.tr("按", "By ")}
                                {move || group.label(state.lang.get())}
                            </span>
                        </label>
                    })
                    .collect_view()}
            </fieldset>
        </ChartPanel>
    }
}

/// "上一组 / 下一组" for a chart with more bars than fit on one page.
#[component]
fn Pager(
    /// The page shown, 0-based; clamped to the pages there are.
    page: RwSignal<usize>,
) -> impl IntoView {
    let state = BoardState::expect();
    let pages = move || {
        state
            .totals
            .with(|t| t.records)
            .div_ceil(BARS_PER_PAGE)
            .max(1)
    };
    let current = move || page.get().min(pages() - 1);
    view! {
        <Show when=move || { pages() > 1 }>
            <div class="pb-chart__pager">
                <button
                    class="pb-button"
                    disabled=move || current() == 0
                    on:click=move |_| page.set(current().saturating_sub(1))
                >
                    {state.tr("上一组", "Previous")}
                </button>
                <span>{move || format!("{} / {}", current() + 1, pages())}</span>
                <button
                    class="pb-button"
                    disabled=move || { current() + 1 >= pages() }
                    on:click=move |_| page.set(current() + 1)
                >
                    {state.tr("下一组", "Next")}
                </button>
            </div>
        </Show>
    }
}
