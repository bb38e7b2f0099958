//! The width of an element in CSS pixels, kept current by a `ResizeObserver`.

use leptos::html::Div;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// The content width of `target`, 0 until it is first laid out. It follows every change of the
/// element's size (window resizes, print layout, a panel opening), not only window resizes.
/// The observer is disconnected when the component that asked for it goes away.
pub fn use_element_width(target: NodeRef<Div>) -> ReadSignal<f64> {
    let (width, set_width) = signal(0.0);
    Effect::new(move || {
        let Some(element) = target.get() else {
            return;
        };
        let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() else {
                return;
            };
            // Height changes (a chart growing by a row) report too: only a new width counts.
            let new_width = entry.content_rect().width();
            if width
                .try_get_untracked()
                .is_some_and(|old| old != new_width)
            {
                set_width.try_set(new_width);
            }
        });
        match web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            Ok(observer) => {
                observer.observe(&element);
                let held = SendWrapper::new((observer, on_resize));
                on_cleanup(move || held.0.disconnect());
            }
            Err(_) => set_width.set(element.client_width() as f64),
        }
    });
    width
}
