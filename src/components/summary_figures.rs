//! The report-level figures that are not per certificate (teachers, sites, investment).

use leptos::prelude::*;

use crate::domain::figures::format_number;
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
                        let value = format_number(item.value, lang);
                        let unit = item.unit.clone().unwrap_or_default();
                        view! {
                            <li class="pb-summary__item">
                                <span class="pb-summary__label">{item.label.clone()}</span>
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
