//! The three charts of the dashboard and their shared switches: the pass-rate definition and
//! the small-sample whiskers, both kept in the view (and so in the address).

use leptos::prelude::*;

use crate::charts::ChartSpec;
use crate::components::chart_panel::ChartPanel;
use crate::domain::chart_data::{
    BarTarget, Window, pass_rate_by_certificate, pass_rate_by_group, registered_certified,
};
use crate::domain::view::{GroupBy, RateDefinition};
use crate::state::BoardState;

/// Bars per chart page: a whole report of ~40 rows fits; larger datasets page through.
const BARS_PER_PAGE: usize = 40;

#[component]
pub fn ChartsSection() -> impl IntoView {
    let state = BoardState::expect();
    let view = state.view;
    let select = Callback::new(move |target: BarTarget| {
        state
            .dataset
            .with_untracked(|dataset| view.update(|v| v.focus(&target, dataset)));
    });

    let rate_page = RwSignal::new(0usize);
    let counts_page = RwSignal::new(0usize);
    let pass_rate = Memo::new(move |_| {
        let window = window_of(rate_page.get(), state.totals.with(|t| t.records));
        let (definition, whiskers) = view.with(|v| (v.rate, v.whiskers));
        state.dataset.with(|d| {
            state.index.with(|i| {
                state.membership.with(|m| {
                    state.totals.with(|t| {
                        ChartSpec::Rate(pass_rate_by_certificate(
                            d, i, m, t, definition, whiskers, window,
                        ))
                    })
                })
            })
        })
    });
    let counts = Memo::new(move |_| {
        let window = window_of(counts_page.get(), state.totals.with(|t| t.records));
        state.dataset.with(|d| {
            state.index.with(|i| {
                state.membership.with(|m| {
                    state
                        .totals
                        .with(|t| ChartSpec::Counts(registered_certified(d, i, m, t, window)))
                })
            })
        })
    });
    let by_group = Memo::new(move |_| {
        let (group_by, definition, whiskers) = view.with(|v| (v.group_by, v.rate, v.whiskers));
        state.dataset.with(|d| {
            state.index.with(|i| {
                state.matching.with(|m| {
                    state.totals.with(|t| {
                        ChartSpec::Rate(pass_rate_by_group(
                            d, i, m, t, group_by, definition, whiskers,
                        ))
                    })
                })
            })
        })
    });

    view! {
        <section class="pb-charts" aria-labelledby="pb-charts-title">
            <div class="pb-charts__head">
                <h2 id="pb-charts-title" class="pb-section-title">"图表"</h2>
                <div class="pb-charts__switches">
                    <fieldset class="pb-segmented" data-testid="rate-definition">
                        <legend class="pb-visually-hidden">"通过率口径"</legend>
                        {[RateDefinition::Published, RateDefinition::AllRegistered]
                            .into_iter()
                            .map(|definition| view! {
                                <label class="pb-segmented__option" title=definition.label()>
                                    <input
                                        type="radio"
                                        name="rate-definition"
                                        value=if definition == RateDefinition::Published { "published" } else { "all" }
                                        prop:checked=move || view.with(|v| v.rate == definition)
                                        on:change=move |_| view.update(|v| v.rate = definition)
                                    />
                                    <span>"通过率：" {definition.short_label()}</span>
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
                        "小样本（n<10）显示 95% 置信区间"
                    </label>
                </div>
            </div>
            <ChartPanel
                title="各证书通过率"
                test_id="chart-pass-rate"
                spec=pass_rate
                on_select=select
            >
                <Pager page=rate_page/>
            </ChartPanel>
            <ChartPanel
                title="报考人数与获证人数"
                test_id="chart-registered-certified"
                spec=counts
                on_select=select
            >
                <Pager page=counts_page/>
            </ChartPanel>
            <ChartPanel
                title="分组通过率"
                test_id="chart-by-group"
                spec=by_group
                on_select=select
            >
                <fieldset class="pb-segmented" data-testid="group-by">
                    <legend class="pb-visually-hidden">"分组方式"</legend>
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
                                <span>"按" {group.label()}</span>
                            </label>
                        })
                        .collect_view()}
                </fieldset>
            </ChartPanel>
        </section>
    }
}

/// The window of bars on `page`, clamped to the records there are.
fn window_of(page: usize, records: usize) -> Window {
    let pages = records.div_ceil(BARS_PER_PAGE).max(1);
    Window {
        first: page.min(pages - 1) * BARS_PER_PAGE,
        size: BARS_PER_PAGE,
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
                    "上一组"
                </button>
                <span>{move || format!("{} / {}", current() + 1, pages())}</span>
                <button
                    class="pb-button"
                    disabled=move || { current() + 1 >= pages() }
                    on:click=move |_| page.set(current() + 1)
                >
                    "下一组"
                </button>
            </div>
        </Show>
    }
}
