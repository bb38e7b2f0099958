//! The width of an element in CSS pixels, kept current by a `ResizeObserver`.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// The content width of `target`, 0 until it is first laid out. It follows every change of the
/// element's size (window resizes, print layout, a panel opening), not only window resizes.
pub fn use_element_width(target: NodeRef<Div>) -> ReadSignal<f64> {
    let (width, set_width) = signal(0.0);
    Effect::new(move |observing: Option<bool>| {
        if observing == Some(true) {
            return true;
        }
        let Some(element) = target.get() else {
            return false;
        };
        let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
                set_width.set(entry.content_rect().width());
            }
        });
        match web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            Ok(observer) => {
                observer.observe(&element);
                // The observer lives as long as the page: the charts it serves never unmount.
                on_resize.forget();
                std::mem::forget(observer);
            }
            Err(_) => set_width.set(element.client_width() as f64),
        }
        true
    });
    width
}
