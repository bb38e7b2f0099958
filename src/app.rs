//! The whole page: the state, provided once, and the components laid out; and what the page
//! as a whole listens to: files dropped or pasted on it, `?data=` in its address, and work
//! saved by the app in another tab.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::address::{
    address_names_view, data_param, linked_dataset, sync_view_with_address, view_from_address,
};
use crate::components::charts_section::ChartsSection;
use crate::components::editing::StorageNotice;
use crate::components::filters::Filters;
use crate::components::header::Header;
use crate::components::import_preview::ImportPreview;
use crate::components::kpis::Kpis;
use crate::components::link_notice::LinkDataMissing;
use crate::components::load_errors::LoadErrors;
use crate::components::reconciliation::ReconciliationPanel;
use crate::components::records_table::RecordsTable;
use crate::components::summary::Summary;
use crate::components::summary_figures::SummaryFigures;
use crate::components::update_notice::UpdateNotice;
use crate::domain::builtin;
use crate::file_reader::open_on_board;
use crate::offline;
use crate::prefs::Prefs;
use crate::state::BoardState;
use crate::storage::SESSION_KEY;

#[component]
pub fn App() -> impl IntoView {
    let state = BoardState::start(
        builtin::report_2021,
        view_from_address(),
        address_names_view(),
    )
    .provide();
    Prefs::start(state.lang);
    // A link to a view of data this browser does not hold: say so, and show the data here.
    if data_param().is_none()
        && let Some(wanted) = linked_dataset()
    {
        state.check_link(wanted);
    }
    sync_view_with_address(state);

    // The browser tab names the dataset on screen.
    Effect::new(move || {
        let title = state.dataset.with(|d| d.title.clone());
        let board = state.lang.get().pick("1+X 试点看板", "1+X Pilot Board");
        document().set_title(&format!("{title} · {board}"));
    });

    listen_to_other_tabs(state);
    accept_dropped_and_pasted_files(state);
    open_data_param(state);
    // After one visit the app opens with no network; a new deployment offers a reload.
    let update_ready = RwSignal::new(false);
    offline::register(update_ready);

    view! {
        <div class="pb-app">
            <Header/>
            <StorageNotice/>
            <UpdateNotice update_ready/>
            <LoadErrors/>
            <ImportPreview/>
            <LinkDataMissing/>
            // On a wide screen the filters stand beside the figures and charts they govern, so
            // that a laptop's first screen shows the key figures and the first chart.
            <main class="pb-main">
                <div class="pb-main__top">
                    <Filters/>
                    <div class="pb-main__figures">
                        <Kpis/>
                        <ChartsSection/>
                    </div>
                </div>
                <Summary/>
                <SummaryFigures/>
                <ReconciliationPanel/>
                <RecordsTable/>
            </main>
        </div>
    }
}

/// Work saved by another tab of the app shows up here (the `storage` event fires in every
/// other tab of the same site).
fn listen_to_other_tabs(state: BoardState) {
    let handle = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() == Some(SESSION_KEY)
            && let Some(text) = ev.new_value()
        {
            state.on_stored_elsewhere(&text);
        }
    });
    on_cleanup(move || handle.remove());
}

/// A file dropped anywhere on the page opens as if picked; a table pasted on the page (not
/// into a text box), as Excel and WPS copy it (tab-separated), opens as a dataset.
fn accept_dropped_and_pasted_files(state: BoardState) {
    let over = window_event_listener(leptos::ev::dragover, move |ev| {
        // Without this the browser opens the dropped file itself, leaving the app.
        ev.prevent_default();
    });
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        let Some(file) = ev
            .data_transfer()
            .and_then(|t| t.files())
            .and_then(|files| files.get(0))
        else {
            return;
        };
        open_on_board(state, file);
    });
    let paste = window_event_listener(leptos::ev::paste, move |ev| {
        if crate::components::in_form_control(ev.target()) {
            return;
        }
        let Some(text) = ev
            .clipboard_data()
            .and_then(|d| d.get_data("text/plain").ok())
        else {
            return;
        };
        if !text.contains('\t') {
            return;
        }
        ev.prevent_default();
        let name = state
            .lang
            .get_untracked()
            .pick("粘贴的表格.tsv", "Pasted table.tsv");
        state.open_file(name, text.as_bytes());
    });
    on_cleanup(move || {
        over.remove();
        drop.remove();
        paste.remove();
    });
}

/// `?data=2022.json` opens that file from beside the app, unless the work restored from this
/// browser came from it and has edits (they are kept; without edits the file is fetched
/// again, so a newer copy on the site shows).
fn open_data_param(state: BoardState) {
    let Some(address) = data_param() else {
        return;
    };
    if state.source_name.get_untracked().as_deref() == Some(address.as_str()) && state.has_edits() {
        return;
    }
    leptos::task::spawn_local(async move {
        match fetch_beside_app(&address).await {
            Ok(bytes) => {
                state.open_file(&address, &bytes);
            }
            Err(reason) => {
                leptos::logging::warn!("could not fetch {address}: {reason}");
                state.refuse_unreadable(&address);
            }
        }
    });
}

/// Fetches a file from the app's own site: another site's address is refused.
async fn fetch_beside_app(address: &str) -> Result<Vec<u8>, String> {
    let location = window().location();
    let base = location.href().map_err(|e| format!("{e:?}"))?;
    let url = web_sys::Url::new_with_base(address, &base).map_err(|e| format!("{e:?}"))?;
    if url.origin() != location.origin().unwrap_or_default() {
        return Err("not on this site".into());
    }
    let response: web_sys::Response =
        wasm_bindgen_futures::JsFuture::from(window().fetch_with_str(&url.href()))
            .await
            .map_err(|e| format!("{e:?}"))?
            .dyn_into()
            .map_err(|e| format!("{e:?}"))?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(
        response.array_buffer().map_err(|e| format!("{e:?}"))?,
    )
    .await
    .map_err(|e| format!("{e:?}"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
