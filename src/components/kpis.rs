//! The key figures of the records on screen, as cards.

use leptos::prelude::*;

use crate::domain::figures::format_rate;
use crate::state::BoardState;

#[component]
pub fn Kpis() -> impl IntoView {
    let state = BoardState::expect();
    let totals = state.totals;
    let read = move |figure: fn(&crate::domain::Totals) -> String| {
        Signal::derive(move || totals.with(figure))
    };
    view! {
        <section class="pb-kpis" aria-label="关键指标">
            <KpiCard
                label="证书等级（条）"
                test_id="kpi-records"
                value=read(|t| t.records.to_string())
                hint=read(|t| format!("{} 个试点", t.pilots))
            />
            <KpiCard
                label="报考人数"
                test_id="kpi-registered"
                value=read(|t| t.registered.to_string())
                hint=read(|t| format!("涵盖 {} 个专业", t.majors))
            />
            <KpiCard
                label="获证人数"
                test_id="kpi-certified"
                value=read(|t| t.certified.to_string())
                hint=read(|_| "已公布成绩的试点".to_string())
            />
            <KpiCard
                label="待出成绩"
                test_id="kpi-pending"
                value=read(|t| t.pending_registered.to_string())
                hint=read(|t| format!("{} 个试点尚未公布成绩", t.pending_records))
            />
            <KpiCard
                label="通过率（已公布）"
                test_id="kpi-pass-rate"
                value=read(|t| format_rate(t.pass_rate_published()))
                hint=read(|t| format!("{} / {}，只计已出成绩", t.certified, t.registered_published))
                accent=true
            />
            <KpiCard
                label="通过率（全部报考）"
                test_id="kpi-pass-rate-all"
                value=read(|t| format_rate(t.pass_rate_all_registered()))
                hint=read(|t| format!("{} / {}，未出成绩计为未获证", t.certified, t.registered))
            />
        </section>
    }
}

/// One key figure.
#[component]
fn KpiCard(
    /// What the figure is, in the interface language.
    label: &'static str,
    /// The `data-testid` of the element that holds the figure alone.
    test_id: &'static str,
    /// The figure, as shown.
    #[prop(into)]
    value: Signal<String>,
    /// A line that says how the figure is made.
    #[prop(into)]
    hint: Signal<String>,
    /// Draws the card as the headline figure.
    #[prop(optional)]
    accent: bool,
) -> impl IntoView {
    view! {
        <div class="pb-kpi" class:pb-kpi--accent=accent>
            <div class="pb-kpi__label">{label}</div>
            <div class="pb-kpi__value" data-testid=test_id>{value}</div>
            <div class="pb-kpi__hint">{hint}</div>
        </div>
    }
}
