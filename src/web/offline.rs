//! Offline use: the service worker (`static/sw.js`, copied beside `index.html` by `make dist`)
//! keeps the app's files so that after one visit the app opens with no network. A new
//! deployment installs beside the running one; the page then offers to reload into it.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Registers the service worker served beside the page (so its scope is the page's folder,
/// whatever sub-path that is) and sets `update_ready` when a newer version is waiting. Release
/// builds only: during development every build would be a "new version". A standalone file has
/// no worker (browsers refuse one on `file://`): it holds everything itself.
pub fn register(update_ready: RwSignal<bool>) {
    if cfg!(debug_assertions) || super::standalone::is_standalone() {
        return;
    }
    let navigator = window().navigator();
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let container = navigator.service_worker();
    leptos::task::spawn_local(async move {
        // Refused (plain http to another host, a policy) or, under some test drivers and
        // privacy settings, resolved with nothing: the app then simply needs the network.
        let registration = match JsFuture::from(container.register("./sw.js")).await {
            Ok(value) => match value.dyn_into::<web_sys::ServiceWorkerRegistration>() {
                Ok(registration) => registration,
                Err(_) => return,
            },
            Err(reason) => {
                leptos::logging::warn!("offline use not available: {reason:?}");
                return;
            }
        };
        // A first install is not an update: only a worker that waits behind one in control.
        if registration.waiting().is_some() && controlled() {
            update_ready.set(true);
        }
        // A version found while the page was still starting is installing already: its
        // `updatefound` has fired before anyone listened.
        if let Some(installing) = registration.installing() {
            watch_install(installing, update_ready);
        }
        let watched = registration.clone();
        let on_update_found = Closure::<dyn Fn()>::new(move || {
            if let Some(installing) = watched.installing() {
                watch_install(installing, update_ready);
            }
        });
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        // It lives as long as the page.
        on_update_found.forget();
    });
}

/// Sets `update_ready` once `installing` has installed behind a version in control (a first
/// install is not an update).
fn watch_install(installing: web_sys::ServiceWorker, update_ready: RwSignal<bool>) {
    let worker = installing.clone();
    let on_state = Closure::<dyn Fn()>::new(move || {
        if worker.state() == web_sys::ServiceWorkerState::Installed && controlled() {
            update_ready.set(true);
        }
    });
    installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
    // It lives as long as the page.
    on_state.forget();
}

fn controlled() -> bool {
    window().navigator().service_worker().controller().is_some()
}

/// Lets the waiting version take over, then reloads into it.
pub fn reload_into_new_version() {
    let container = window().navigator().service_worker();
    let on_change = Closure::<dyn Fn()>::new(|| {
        let _ = window().location().reload();
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    leptos::task::spawn_local(async move {
        let waiting = JsFuture::from(container.get_registration())
            .await
            .ok()
            .and_then(|value| value.dyn_into::<web_sys::ServiceWorkerRegistration>().ok())
            .and_then(|registration| registration.waiting());
        match waiting {
            Some(waiting) => {
                let _ = waiting.post_message(&JsValue::from_str("take-over"));
            }
            None => {
                let _ = window().location().reload();
            }
        }
    });
}
