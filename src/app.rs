//! The whole page: the state, provided once, and the components laid out; and what the page
//! as a whole listens to: files dropped or pasted on it, `?data=` in its address, and work
//! saved by the app in another tab.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::board::charts_section::ChartsSection;
use crate::components::board::filters::Filters;
use crate::components::board::header::Header;
use crate::components::board::kpis::Kpis;
use crate::components::board::reconciliation::ReconciliationPanel;
use crate::components::board::summary::Summary;
use crate::components::board::summary_figures::SummaryFigures;
use crate::components::files::load_errors::LoadErrors;
use crate::components::files::preview::ImportPreview;
use crate::components::notices::LinkDataMissing;
use crate::components::notices::UpdateNotice;
use crate::components::records::editing::StorageNotice;
use crate::components::records::table::RecordsTable;
use crate::domain::Lang;
use crate::domain::builtin;
use crate::domain::link::DatasetLink;
use crate::domain::saved::{Saved, Unreadable};
use crate::on_demand;
use crate::on_demand::Unavailable;
use crate::on_demand::{Build, OnDemand, UnavailableNotice};
use crate::state::{BoardState, SaveStatus, read_stored};
use crate::web::address::{
    address_names_view, data_param, linked_dataset, query_of, sync_view_with_address,
    view_from_address,
};
use crate::web::file_reader::{open_bytes, open_picked};
use crate::web::offline;
use crate::web::prefs::Prefs;
use crate::web::standalone;
use crate::web::storage::{self, WriteError};
use crate::web::storage::{LIBRARY_KEY, SESSION_KEY};

/// The page. Work stored in this browser is read first (its reader loads on demand, only for
/// a browser that holds some), then the board starts. A standalone file opens its own work
/// when this browser holds none of it yet.
#[component]
pub fn App() -> impl IntoView {
    let stored = storage::read(SESSION_KEY).or_else(|| standalone::field("session"));
    let Some(text) = stored else {
        return Board(BoardProps { stored: None }).into_any();
    };
    // The reading waits here until the board takes it (once: the phase then stays Ready).
    let text = StoredValue::new(text);
    let work = StoredValue::new(None::<Result<Saved, Unreadable>>);
    let phase = RwSignal::new(Phase::Reading);
    let read = move || {
        phase.set(Phase::Reading);
        leptos::task::spawn_local(async move {
            match read_stored(text.get_value()).await {
                Ok(read) => {
                    work.set_value(Some(read));
                    phase.try_set(Phase::Ready);
                }
                Err(Unavailable) => {
                    phase.try_set(Phase::Failed);
                }
            }
        });
    };
    read();
    (move || match phase.get() {
        Phase::Reading => ().into_any(),
        Phase::Failed => on_demand::failed_line(Signal::stored(Lang::Zh), read).into_any(),
        Phase::Ready => {
            let stored = work
                .try_update_value(Option::take)
                .flatten()
                .map(|read| (text.get_value(), read));
            Board(BoardProps { stored }).into_any()
        }
    })
    .into_any()
}

/// Where reading the stored work stands.
#[derive(Clone, Copy, PartialEq)]
enum Phase {
    Reading,
    Ready,
    Failed,
}

#[component]
fn Board(stored: Option<(String, Result<Saved, Unreadable>)>) -> impl IntoView {
    let state = BoardState::start(
        stored,
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
    // (The closures take the signals they read, not the whole state.)
    let (index, source_name, link) = (state.index, state.source_name, state.link);
    sync_view_with_address(
        state.view,
        move |view| index.with(|index| query_of(view, index)),
        move |bare| {
            (!bare || source_name.with(Option::is_some)).then(|| link.with(DatasetLink::to_param))
        },
    );

    // The browser tab names the dataset on screen.
    Effect::new(move || {
        let title = state.dataset.with(|d| d.title.clone());
        let board = state.lang.get().pick("1+X 试点看板", "1+X Pilot Board");
        document().set_title(&format!("{title} · {board}"));
    });

    listen_to_other_tabs(state);
    accept_dropped_and_pasted_files(state);
    // The library of datasets is read after the first screen, and after the `?data=` file:
    // nothing of it stands in the way of the data the address asks for.
    let asked = link_fragment()
        .map(FromAddress::Link)
        .or_else(|| data_param_to_fetch(state).map(FromAddress::File));
    match asked {
        Some(what) => on_demand::run(open_from_address(state, what)),
        None => start_library(state),
    }
    // After one visit the app opens with no network; a new deployment offers a reload.
    let update_ready = RwSignal::new(false);
    offline::register(update_ready);

    view! {
        <div class="pb-app">
            <Header/>
            <Show when=move || state.notice.with(Option::is_some) || storage_off(state)>
                <OnDemand load=storage_notice/>
            </Show>
            <Show when=move || update_ready.get()>
                {on_demand::view_with(update_notice, false, move |show: fn(RwSignal<bool>) -> AnyView| show(update_ready))}
            </Show>
            <UnavailableNotice/>
            <Show when=move || state.refused.with(Option::is_some)>
                <OnDemand load=load_errors/>
            </Show>
            <Show when=move || state.import.with(Option::is_some) || state.import_busy.with(Option::is_some)>
                <OnDemand load=import_preview waiting=true/>
            </Show>
            <Show when=move || state.link_missing.with(Option::is_some)>
                <OnDemand load=link_missing/>
            </Show>
            // On a wide screen the filters stand beside the figures and charts they govern, so
            // that a laptop's first screen shows the key figures and the first chart.
            <main class="pb-main">
                <Show when=move || state.view.with(|v| v.compare.is_some())>
                    <OnDemand load=compare_panel waiting=true/>
                </Show>
                <div class="pb-main__top">
                    <Filters/>
                    <div class="pb-main__figures">
                        <Kpis/>
                        <ChartsSection/>
                    </div>
                </div>
                <OnDemand load=below_first_screen/>
            </main>
        </div>
    }
}

on_demand! { files:
    fn load_errors() -> Build {
        || view! { <LoadErrors/> }.into_any()
    }
}

on_demand! { files:
    fn import_preview() -> Build {
        || view! { <ImportPreview/> }.into_any()
    }
}

on_demand! { rest:
    fn storage_notice() -> Build {
        || view! { <StorageNotice/> }.into_any()
    }
}

/// The browser keeps none of the work (the notices say so); a standalone file knows at once.
fn storage_off(state: BoardState) -> bool {
    matches!(
        state.save_status.get(),
        SaveStatus::NotSaved(WriteError::Unavailable | WriteError::Quota)
    ) || storage::off_in_standalone()
}

on_demand! { rest:
    fn update_notice() -> fn(RwSignal<bool>) -> AnyView {
        |update_ready| view! { <UpdateNotice update_ready/> }.into_any()
    }
}

on_demand! { library:
    fn compare_panel() -> Build {
        || view! { <crate::components::compare::panel::ComparePanel/> }.into_any()
    }
}

on_demand! { library:
    fn library_panel() -> Build {
        || view! { <crate::components::library::LibraryPanel/> }.into_any()
    }
}

on_demand! { rest:
    fn link_missing() -> Build {
        || view! { <LinkDataMissing/> }.into_any()
    }
}

on_demand! { rest:
    /// What lies below the first screen: the summary, its figures, the reconciliation and the
    /// records table with its editing.
    fn below_first_screen() -> Build {
        || view! {
            <OnDemand load=library_panel/>
            <Summary/>
            <SummaryFigures/>
            <ReconciliationPanel/>
            <RecordsTable/>
        }
        .into_any()
    }
}

/// Work saved by another tab of the app shows up here (the `storage` event fires in every
/// other tab of the same site).
fn listen_to_other_tabs(state: BoardState) {
    let handle = window_event_listener(leptos::ev::storage, move |ev| {
        let key = ev.key().unwrap_or_default();
        if key == storage::scoped(SESSION_KEY)
            && let Some(text) = ev.new_value()
        {
            state.on_stored_elsewhere(&text);
        } else if key == storage::scoped(LIBRARY_KEY) {
            state.reread_library();
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
        on_demand::run(open_picked(state, file));
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
        on_demand::run(open_bytes(state, name.to_string(), text.into_bytes()));
    });
    on_cleanup(move || {
        over.remove();
        drop.remove();
        paste.remove();
    });
}

/// The fragment of a link that carries data (`#d=…`), when the address is one. (Read through
/// `Reflect`, as `web::address::drop_fragment` writes: a second caller of web-sys's wrappers
/// would take them out of line, into the first load.)
fn link_fragment() -> Option<String> {
    js_sys::Reflect::get(&window().location(), &"hash".into())
        .ok()
        .and_then(|h| h.as_string())
        .filter(|h| {
            h.strip_prefix('#')
                .is_some_and(|f| f.starts_with(crate::domain::share::FRAGMENT_KEY))
        })
}

/// `?data=2022.json` opens that file from beside the app, unless the work restored from this
/// browser came from it and has edits (they are kept; without edits the file is fetched
/// again, so a newer copy on the site shows). The address of the file to fetch, if any.
fn data_param_to_fetch(state: BoardState) -> Option<String> {
    let address = data_param()?;
    if state.source_name.get_untracked().as_deref() == Some(address.as_str()) && state.has_edits() {
        return None;
    }
    Some(address)
}

fn start_library(state: BoardState) {
    on_demand::run(crate::library::act(state, crate::library::Action::Start));
}

/// What the address asks to open before the library starts.
enum FromAddress {
    /// A file beside the app (`?data=`).
    File(String),
    /// The data a link carries (`#d=…`).
    Link(String),
}

on_demand! { files:
    fn open_from_address(state: BoardState, what: FromAddress) -> () {
        match what {
            FromAddress::File(address) => fetch_and_open(state, address),
            FromAddress::Link(fragment) => leptos::task::spawn_local(async move {
                state.open_link(&fragment).await;
                start_library(state);
            }),
        }
    }
}

/// Fetches `address` and opens it; a file that cannot be fetched is refused. Then the
/// library starts.
fn fetch_and_open(state: BoardState, address: String) {
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
        start_library(state);
    });
}

/// How long the page waits for a dataset file before it opens the last copy the service worker
/// kept, itself (the worker answers so after 3 s; this covers a worker that does not).
const DATA_PATIENCE_MS: i32 = 4_000;

/// Fetches a file from the app's own site: another site's address is refused. When the network
/// is slow or gone, the last copy fetched (kept by the service worker) is used.
async fn fetch_beside_app(address: &str) -> Result<Vec<u8>, String> {
    use wasm_bindgen_futures::JsFuture;
    let location = window().location();
    let base = location.href().map_err(|e| format!("{e:?}"))?;
    let url = web_sys::Url::new_with_base(address, &base).map_err(|e| format!("{e:?}"))?;
    if url.origin() != location.origin().unwrap_or_default() {
        return Err("not on this site".into());
    }
    let href = url.href();
    let fetched = window().fetch_with_str(&href);
    let patience = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, DATA_PATIENCE_MS);
    });
    let first = JsFuture::from(js_sys::Promise::race(&js_sys::Array::of2(
        &fetched, &patience,
    )))
    .await;
    let answer = match first {
        Ok(value) if value.is_instance_of::<web_sys::Response>() => Ok(value),
        // Still waiting: the last copy, else the network's answer whenever it comes.
        Ok(_) => match last_copy(&href).await {
            Some(copy) => Ok(copy),
            None => JsFuture::from(fetched).await,
        },
        Err(error) => last_copy(&href).await.ok_or(error),
    };
    let response: web_sys::Response = answer
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|e| format!("{e:?}"))?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|e| format!("{e:?}"))?)
        .await
        .map_err(|e| format!("{e:?}"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The copy of `href` the service worker kept in its data cache (`static/sw.js`), if any.
async fn last_copy(href: &str) -> Option<wasm_bindgen::JsValue> {
    use js_sys::{Function, Object, Reflect};
    let caches = Reflect::get(&window(), &"caches".into()).ok()?;
    let find: Function = Reflect::get(&caches, &"match".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let options = Object::new();
    Reflect::set(&options, &"cacheName".into(), &"pilot-board-data".into()).ok()?;
    let promise: js_sys::Promise = find
        .call2(&caches, &href.into(), &options)
        .ok()?
        .dyn_into()
        .ok()?;
    let found = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    found.is_instance_of::<web_sys::Response>().then_some(found)
}
