//! The browser's localStorage, through gloo-storage, said plainly: whether there is one at
//! all (disabled, private mode), and whether each write really happened. A write that fails
//! is reported as failed, never as saved.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::{JsCast, JsValue};

/// The work: dataset as loaded, edit history, view (`domain::saved`).
pub const SESSION_KEY: &str = "pilot-board.session";
/// The work that was on screen before the user opened another dataset.
pub const PREVIOUS_KEY: &str = "pilot-board.previous";
/// Written (the time) when a tab has changed the library in IndexedDB, which has no event of
/// its own: the other tabs hear of it by the `storage` event and read the catalog again.
pub const LIBRARY_KEY: &str = "pilot-board.library";
/// Stored values this version could not read are kept under this prefix, never overwritten.
pub const SET_ASIDE_PREFIX: &str = "pilot-board.unreadable.";

/// Why a write did not happen.
#[derive(Clone, Debug, PartialEq)]
pub enum WriteError {
    /// The browser's quota for this site is used up.
    Quota,
    /// There is no storage (disabled, or a private window that refuses it).
    Unavailable,
    /// Anything else the browser said.
    Other(String),
}

/// Whether this page may use localStorage. Reading `window.localStorage` itself throws where
/// storage is disabled, which gloo-storage would turn into a panic: ask first.
pub fn available() -> bool {
    web_sys::window().is_some_and(|w| matches!(w.local_storage(), Ok(Some(_))))
}

/// The key a value is stored under on this page. A standalone file's keys carry its id: a
/// browser may give every `file://` page one storage (Chromium does), and one file's work must
/// not open in another.
pub fn scoped(key: &str) -> String {
    match super::standalone::field("id") {
        Some(mut id) => {
            id.push('/');
            id.push_str(key);
            id
        }
        None => key.to_string(),
    }
}

/// A standalone file in a browser that lets a `file://` page store nothing: edits live only in
/// the page, which must say so before any is made.
pub fn off_in_standalone() -> bool {
    super::standalone::is_standalone() && !available()
}

pub fn read(key: &str) -> Option<String> {
    if !available() {
        return None;
    }
    LocalStorage::raw().get_item(&scoped(key)).ok().flatten()
}

pub fn write(key: &str, value: &str) -> Result<(), WriteError> {
    if !available() {
        return Err(WriteError::Unavailable);
    }
    LocalStorage::raw()
        .set_item(&scoped(key), value)
        .map_err(|error| describe(&error))
}

pub fn remove(key: &str) {
    if available() {
        LocalStorage::delete(scoped(key));
    }
}

fn describe(error: &JsValue) -> WriteError {
    if let Some(exception) = error.dyn_ref::<web_sys::DomException>() {
        // Chromium and Safari name it QuotaExceededError (code 22); Firefox once used
        // NS_ERROR_DOM_QUOTA_REACHED (code 1014).
        let name = exception.name();
        if name.contains("Quota") || name.contains("QUOTA") || matches!(exception.code(), 22 | 1014)
        {
            return WriteError::Quota;
        }
        return WriteError::Other(format!("{name}: {}", exception.message()));
    }
    WriteError::Other(
        error
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| format!("{error:?}")),
    )
}
