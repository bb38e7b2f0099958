//! The size of an element in CSS pixels, kept current by a `ResizeObserver`.

use leptos::html::Div;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// The content size (width, height) of `target`, (0, 0) until it is first laid out. It follows
/// every change of the element's size (window resizes, print layout, a panel opening, full
/// screen), not only window resizes. The observer is disconnected when the component that
/// asked for it goes away.
pub fn use_element_size(target: NodeRef<Div>) -> ReadSignal<(f64, f64)> {
    let (size, set_size) = signal((0.0, 0.0));
    Effect::new(move || {
        let Some(element) = target.get() else {
            return;
        };
        let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() else {
                return;
            };
            let rect = entry.content_rect();
            let new_size = (rect.width(), rect.height());
            if size.try_get_untracked().is_some_and(|old| old != new_size) {
                set_size.try_set(new_size);
            }
        });
        match web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            Ok(observer) => {
                observer.observe(&element);
                let held = SendWrapper::new((observer, on_resize));
                on_cleanup(move || held.0.disconnect());
            }
            Err(_) => set_size.set((
                element.client_width() as f64,
                element.client_height() as f64,
            )),
        }
    });
    size
}

/// The content width of `target`, 0 until it is first laid out. Only a new width notifies: a
/// chart growing by a row changes its container's height, which must not redraw it again.
pub fn use_element_width(target: NodeRef<Div>) -> Memo<f64> {
    let size = use_element_size(target);
    Memo::new(move |_| size.get().0)
}
