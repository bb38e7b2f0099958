//! The whole page: the state, provided once, and the components laid out.

use leptos::prelude::*;

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
    let state = BoardState::new(builtin::report_2021()).provide();

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
                <Kpis/>
                <SummaryFigures/>
                <ReconciliationPanel/>
                <RecordsTable/>
            </main>
        </div>
    }
}
