//! Full screen, for the slides: asked for on the page's root element and left on the document.
//! Both calls return a promise the browser may reject (no user gesture, full screen not allowed
//! in a frame); the slides work without full screen, so a refusal is only noted.

use leptos::prelude::document;
use wasm_bindgen::JsCast;

/// Asks for the whole page in full screen (browsers allow it only during a click or a key).
pub fn enter() {
    call(
        "requestFullscreen",
        document().document_element().map(Into::into),
    );
}

/// Leaves full screen, when the page is in it.
pub fn leave() {
    if is_on() {
        call("exitFullscreen", Some(document().into()));
    }
}

/// Whether something on the page is in full screen.
pub fn is_on() -> bool {
    document().fullscreen_element().is_some()
}

fn call(method: &str, target: Option<wasm_bindgen::JsValue>) {
    let Some(target) = target else {
        return;
    };
    let call = js_sys::Reflect::get(&target, &method.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&target).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    if let Some(promise) = call {
        leptos::task::spawn_local(async move {
            if let Err(reason) = wasm_bindgen_futures::JsFuture::from(promise).await {
                leptos::logging::log!("full screen not available: {reason:?}");
            }
        });
    }
}
