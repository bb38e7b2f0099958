//! Keeps the view in the page address, so that a copied link opens the same filters and chart,
//! a reload keeps them, and back and forward step through filter changes.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::domain::index::DatasetIndex;
use crate::domain::link::{self, DatasetLink};
use crate::domain::view::ViewState;

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

/// The dataset a copied link names (`dataset=标题~1a2b3c4d`), where it names one.
pub fn linked_dataset() -> Option<DatasetLink> {
    let search = window().location().search().unwrap_or_default();
    DatasetLink::from_query(&search)
}

/// The `data` parameter: a dataset file to open, beside the app (`?data=2022.json`).
pub fn data_param() -> Option<String> {
    let search = window().location().search().unwrap_or_default();
    form_urlencoded::parse(search.trim_start_matches('?').as_bytes())
        .find(|(key, value)| key == "data" && !value.trim().is_empty())
        .map(|(_, value)| value.into_owned())
}

/// `view` as a query (without the `?`), with each batch spelt as the data spell it, so links
/// stay readable.
pub fn query_of(view: &ViewState, index: &DatasetIndex) -> String {
    view.to_query(|key| {
        index
            .batches
            .iter()
            .find(|batch| batch.key == key)
            .map_or_else(|| key.to_string(), |batch| batch.label.clone())
    })
}

/// Writes every change of the view into the address, and reads it back on back / forward.
/// Ticking a box adds a history entry. Typing in the search box adds one at its first
/// keystroke and replaces it at the next ones, so that "back" goes to the view before the
/// search, not through every keystroke nor past the last change before it.
///
/// `query` writes a view as a query (reading what it needs, tracked); `dataset` gives the
/// dataset's link (`DatasetLink::to_param`) where the address is to name it, told whether the
/// view's query is empty (the built-in data in its default view is a bare address).
pub fn sync_view_with_address(
    view: RwSignal<ViewState>,
    query: impl Fn(&ViewState) -> String + 'static,
    dataset: impl Fn(bool) -> Option<String> + 'static,
) {
    // The view last written, and whether that write was typing (so the next keystroke replaces).
    Effect::new(move |previous: Option<(ViewState, bool)>| {
        let view = view.get();
        let query = query(&view);
        // Which dataset the view is of goes in front of the view: the file `?data=` names, or
        // the dataset's link.
        let named = match data_param() {
            Some(data) => Some(("data", data)),
            None => dataset(query.is_empty()).map(|param| (link::PARAM, param)),
        };
        let query = match named {
            Some((key, value)) => {
                let named = form_urlencoded::Serializer::new(String::new())
                    .append_pair(key, &value)
                    .finish();
                if query.is_empty() {
                    named
                } else {
                    format!("{named}&{query}")
                }
            }
            None => query,
        };
        let location = window().location();
        let current = location.search().unwrap_or_default();
        // Nothing to write (the view came from the address: back or forward): typing, if it was,
        // goes on only where the view is the one last written.
        let mut typing = previous
            .as_ref()
            .is_some_and(|(before, typed)| *typed && *before == view);
        if current.trim_start_matches('?') != query {
            let path = location.pathname().unwrap_or_default();
            let hash = location.hash().unwrap_or_default();
            let url = if query.is_empty() {
                format!("{path}{hash}")
            } else {
                format!("{path}?{query}{hash}")
            };
            typing = previous
                .as_ref()
                .is_some_and(|(before, _)| only_search_changed(before, &view));
            // A keystroke after a keystroke replaces the entry the search's first one added.
            let still_typing = typing && previous.as_ref().is_some_and(|(_, typed)| *typed);
            if let Ok(history) = window().history() {
                // The first write on start-up only tidies the address the page was opened with.
                let result = if previous.is_none() || still_typing {
                    history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
                } else {
                    history.push_state_with_url(&JsValue::NULL, "", Some(&url))
                };
                if let Err(error) = result {
                    leptos::logging::warn!("could not write the view into the address: {error:?}");
                }
            }
        }
        (view, typing)
    });

    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        view.set(view_from_address());
    });
    on_cleanup(move || handle.remove());
}

/// Whether `after` differs from `before` in the search text alone (a keystroke).
fn only_search_changed(before: &ViewState, after: &ViewState) -> bool {
    let mut typed = before.clone();
    typed.filter.search = after.filter.search.clone();
    before.filter.search != after.filter.search && typed == *after
}

/// A part of the page's address (`location.pathname`, `.search`, `.origin`), read through
/// `Reflect`: web-sys's wrappers, called from a second place (the `files` and `exports`
/// chunks), would be taken out of line into the first load.
fn location_part(name: &str) -> String {
    js_sys::Reflect::get(&window().location(), &name.into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// The page's address without its query and fragment: where a link to it points.
pub fn page_address() -> String {
    format!("{}{}", location_part("origin"), location_part("pathname"))
}

/// Takes the fragment (`#…`) out of the page's address, without a history entry (through
/// `Reflect`, as [`location_part`]).
pub fn drop_fragment() {
    use js_sys::Reflect;
    use wasm_bindgen::JsCast;
    let bare = format!("{}{}", location_part("pathname"), location_part("search"));
    let history = Reflect::get(&window(), &"history".into()).ok();
    let replace = history
        .as_ref()
        .and_then(|h| Reflect::get(h, &"replaceState".into()).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let (Some(history), Some(replace)) = (history, replace) {
        let _ = replace.call3(&history, &JsValue::NULL, &"".into(), &bare.into());
    }
}
