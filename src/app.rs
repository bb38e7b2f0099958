//! The whole page: the state, provided once, and the components laid out.

use leptos::prelude::*;

use crate::address::{sync_view_with_address, view_from_address};
use crate::components::charts_section::ChartsSection;
use crate::components::filters::Filters;
use crate::components::header::Header;
use crate::components::kpis::Kpis;
use crate::components::load_errors::LoadErrors;
use crate::components::reconciliation::ReconciliationPanel;
use crate::components::records_table::RecordsTable;
use crate::components::summary_figures::SummaryFigures;
use crate::domain::builtin;
use crate::state::BoardState;

#[component]
pub fn App() -> impl IntoView {
    let state = BoardState::new(builtin::report_2021(), view_from_address()).provide();
    sync_view_with_address(state);

    // The browser tab names the dataset on screen.
    Effect::new(move || {
        let title = state.dataset.with(|d| d.title.clone());
        document().set_title(&format!("{title} · 1+X 试点看板"));
    });

    view! {
        <div class="pb-app">
            <Header/>
            <LoadErrors/>
            <main class="pb-main">
                <Filters/>
                <Kpis/>
                <SummaryFigures/>
                <ChartsSection/>
                <ReconciliationPanel/>
                <RecordsTable/>
            </main>
        </div>
    }
}
