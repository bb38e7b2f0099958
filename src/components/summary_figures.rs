//! The report-level figures that are not per certificate (teachers, sites, investment).

use leptos::prelude::*;

use crate::state::BoardState;

#[component]
pub fn SummaryFigures() -> impl IntoView {
    let state = BoardState::expect();
    move || {
        state.dataset.with(|dataset| {
            (!dataset.summary.is_empty()).then(|| {
                let items = dataset
                    .summary
                    .iter()
                    .map(|item| {
                        let value = if item.value.fract() == 0.0 {
                            format!("{:.0}", item.value)
                        } else {
                            item.value.to_string()
                        };
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
                    <section class="pb-summary" aria-label="报告中的其他数字">
                        <ul class="pb-summary__list">{items}</ul>
                    </section>
                }
            })
        })
    }
}
