//! The report-level figures that are not per certificate (teachers, sites, investment).

use leptos::prelude::*;

use crate::domain::glossary::summary_item_parts;
use crate::state::BoardState;

#[component]
pub fn SummaryFigures() -> impl IntoView {
    let state = BoardState::expect();
    move || {
        let lang = state.lang.get();
        state.dataset.with(|dataset| {
            (!dataset.summary.is_empty()).then(|| {
                let items = dataset
                    .summary
                    .iter()
                    .map(|item| {
                        let (label, value, unit) = summary_item_parts(item, lang);
                        view! {
                            <li class="pb-summary__item" data-testid="summary-figure">
                                <span class="pb-summary__label">{label}</span>
                                <span class="pb-summary__value">{value}</span>
                                <span class="pb-summary__unit">{unit}</span>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <section
                        class="pb-summary"
                        aria-label=lang.pick("报告中的其他数字", "Other figures in the report")
                    >
                        <ul class="pb-summary__list">{items}</ul>
                    </section>
                }
            })
        })
    }
}
