//! Keeps the view in the page address, so that a copied link opens the same filters and chart,
//! a reload keeps them, and back and forward step through filter changes.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::domain::index::DatasetIndex;
use crate::domain::view::ViewState;
use crate::state::BoardState;

/// The view the address names now (the default view where it names none).
pub fn view_from_address() -> ViewState {
    let search = window().location().search().unwrap_or_default();
    ViewState::from_query(&search)
}

/// Whether the address names any part of the view (else a stored view may be restored).
pub fn address_names_view() -> bool {
    let search = window().location().search().unwrap_or_default();
    ViewState::from_query(&search) != ViewState::default()
}

/// The `data` parameter: a dataset file to open, beside the app (`?data=2022.json`).
pub fn data_param() -> Option<String> {
    let search = window().location().search().unwrap_or_default();
    form_urlencoded::parse(search.trim_start_matches('?').as_bytes())
        .find(|(key, value)| key == "data" && !value.trim().is_empty())
        .map(|(_, value)| value.into_owned())
}

/// The view as the address writes it, without the `?` (not tracked: for saving).
pub fn view_query(state: &BoardState) -> String {
    state
        .index
        .with_untracked(|index| query_of(&state.view.get_untracked(), index))
}

/// `view` as a query, with each batch spelt as the data spell it, so links stay readable.
fn query_of(view: &ViewState, index: &DatasetIndex) -> String {
    view.to_query(|key| {
        index
            .batches
            .iter()
            .find(|batch| batch.key == key)
            .map_or_else(|| key.to_string(), |batch| batch.label.clone())
    })
}

/// Writes every change of the view into the address, and reads it back on back / forward.
/// Ticking a box adds a history entry; typing in the search box replaces the current one, so
/// that "back" does not step through every keystroke.
pub fn sync_view_with_address(state: BoardState) {
    Effect::new(move |previous: Option<ViewState>| {
        let view = state.view.get();
        let query = state.index.with(|index| query_of(&view, index));
        // The dataset parameter stays in front of the view's.
        let query = match data_param() {
            Some(data) => {
                let data = form_urlencoded::Serializer::new(String::new())
                    .append_pair("data", &data)
                    .finish();
                if query.is_empty() {
                    data
                } else {
                    format!("{data}&{query}")
                }
            }
            None => query,
        };
        let location = window().location();
        let current = location.search().unwrap_or_default();
        if current.trim_start_matches('?') != query {
            let path = location.pathname().unwrap_or_default();
            let hash = location.hash().unwrap_or_default();
            let url = if query.is_empty() {
                format!("{path}{hash}")
            } else {
                format!("{path}?{query}{hash}")
            };
            // Only the search text changed: typing, which replaces the entry instead of adding one.
            let only_typing = previous.as_ref().is_some_and(|before| {
                let mut typed = before.clone();
                typed.filter.search = view.filter.search.clone();
                before.filter.search != view.filter.search && typed == view
            });
            if let Ok(history) = window().history() {
                // The first write on start-up only tidies the address the page was opened with.
                let result = if previous.is_none() || only_typing {
                    history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
                } else {
                    history.push_state_with_url(&JsValue::NULL, "", Some(&url))
                };
                if let Err(error) = result {
                    leptos::logging::warn!("could not write the view into the address: {error:?}");
                }
            }
        }
        view
    });

    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        state.view.set(view_from_address());
    });
    on_cleanup(move || handle.remove());
}
