//! Hands bytes to the user as a downloaded file.

use wasm_bindgen::JsCast;

/// Offers `bytes` as a file called `name`. Returns false where the browser refused.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> bool {
    let blob = || -> Result<web_sys::Blob, wasm_bindgen::JsValue> {
        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
    };
    match blob() {
        Ok(blob) => download_blob(name, &blob),
        Err(error) => {
            leptos::logging::error!("download of {name} failed: {error:?}");
            false
        }
    }
}

/// Offers a blob (a picture drawn on a canvas, a file built in memory) as a file called `name`.
/// Returns false where the browser refused.
pub fn download_blob(name: &str, blob: &web_sys::Blob) -> bool {
    let attempt = || -> Result<(), wasm_bindgen::JsValue> {
        let url = web_sys::Url::create_object_url_with_blob(blob)?;
        let document = leptos::prelude::document();
        let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
        link.set_href(&url);
        link.set_download(name);
        link.set_attribute("hidden", "")?;
        document.body().ok_or("no body")?.append_child(&link)?;
        link.click();
        link.remove();
        // The download has started from the URL; it can go once the click is handled.
        let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        });
        leptos::prelude::window().set_timeout_with_callback_and_timeout_and_arguments_0(
            revoke.unchecked_ref(),
            10_000,
        )?;
        Ok(())
    };
    match attempt() {
        Ok(()) => true,
        Err(error) => {
            leptos::logging::error!("download of {name} failed: {error:?}");
            false
        }
    }
}

/// Today's date as `YYYY-MM-DD`, by the user's clock, for file names.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}
