//! The key figures of the records on screen, as cards.

use leptos::prelude::*;

use crate::domain::figures::count_noun;
use crate::domain::lang::format_count;
use crate::domain::view::RateDefinition;
use crate::domain::{Lang, Totals};
use crate::state::BoardState;

#[component]
pub fn Kpis() -> impl IntoView {
    let state = BoardState::expect();
    let (totals, lang) = (state.totals, state.lang);
    // A figure of the totals, in the interface language.
    let read = move |figure: fn(&Totals, Lang) -> String| {
        Signal::derive(move || {
            let lang = lang.get();
            totals.with(|t| figure(t, lang))
        })
    };
    view! {
        <section class="pb-kpis" aria-label=state.tr("关键指标", "Key figures")>
            <KpiCard
                label=state.tr("证书等级（各批次）", "Certificate levels (by batch)")
                test_id="kpi-records"
                value=read(|t, lang| format_count(t.records as u64, lang))
                hint=read(|t, lang| match lang {
                    Lang::Zh => format!("{} 个试点", t.pilots),
                    Lang::En => count_noun(t.pilots as u64, "pilot", "pilots"),
                })
            />
            <KpiCard
                label=state.tr("报考人数", "Registered")
                test_id="kpi-registered"
                value=read(|t, lang| format_count(t.registered, lang))
                hint=read(|t, lang| match lang {
                    Lang::Zh => format!("涵盖 {} 个专业", t.majors),
                    Lang::En => format!(
                        "{} covered",
                        count_noun(t.majors as u64, "major", "majors")
                    ),
                })
            />
            <KpiCard
                label=state.tr("获证人数", "Certified")
                test_id="kpi-certified"
                value=read(|t, lang| format_count(t.certified, lang))
                hint=read(|_, lang| {
                    lang.pick("已公布成绩的试点", "In pilots with published results").to_string()
                })
            />
            <KpiCard
                label=state.tr("待出成绩", "Results pending")
                test_id="kpi-pending"
                value=read(|t, lang| format_count(t.pending_registered, lang))
                hint=read(|t, lang| match lang {
                    Lang::Zh => format!("{} 个试点尚未公布成绩", t.pending_records),
                    Lang::En => format!(
                        "{} yet to publish results",
                        count_noun(t.pending_records as u64, "pilot", "pilots")
                    ),
                })
            />
            <KpiCard
                label=state.tr("通过率（已公布）", "Pass rate (published)")
                test_id="kpi-pass-rate"
                value=read(|t, lang| t.pass_rate(RateDefinition::Published).text(lang))
                hint=read(|t, lang| match lang {
                    Lang::Zh => format!("{} / {}，只计已出成绩", t.certified, t.registered_published),
                    Lang::En => format!(
                        "{} / {}, published results only",
                        format_count(t.certified, lang),
                        format_count(t.registered_published, lang)
                    ),
                })
                accent=true
            />
            <KpiCard
                label=state.tr("通过率（全部报考）", "Pass rate (all registered)")
                test_id="kpi-pass-rate-all"
                value=read(|t, lang| t.pass_rate(RateDefinition::AllRegistered).text(lang))
                hint=read(|t, lang| match lang {
                    Lang::Zh => format!("{} / {}，未出成绩计为未获证", t.certified, t.registered),
                    Lang::En => format!(
                        "{} / {}, pending counted as not certified",
                        format_count(t.certified, lang),
                        format_count(t.registered, lang)
                    ),
                })
            />
        </section>
    }
}

/// One key figure.
#[component]
fn KpiCard(
    /// What the figure is, in the interface language.
    #[prop(into)]
    label: Signal<&'static str>,
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
