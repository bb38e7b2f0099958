//! Charts leaving the page: a PNG drawn on a canvas of its own at the chosen slide size and two
//! device pixels per layout pixel, an SVG from the same drawing code (`charts::framed`), and
//! the PNG on the clipboard where the browser allows it. Drawing waits for the page's fonts,
//! so Chinese text is never drawn in a fallback face that is about to be replaced.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::charts::framed::{EXPORT_SCALE, draw_framed, fill_factor, framed_size};
use crate::charts::{Chart, ChartStyle};
use crate::domain::caption::Caption;
use crate::web::canvas::paint_with;

/// The slide sizes a picture can be exported at, in device pixels; the first is the default.
pub const SLIDE_SIZES: [(u32, u32); 4] = [(1920, 1080), (1280, 720), (2560, 1440), (1024, 768)];

/// Resolves once the fonts the page uses are loaded (`document.fonts.ready`); at once where
/// the browser has no font loading API.
pub async fn fonts_ready() {
    let document = leptos::prelude::document();
    let ready = js_sys::Reflect::get(&document, &JsValue::from_str("fonts"))
        .and_then(|fonts| js_sys::Reflect::get(&fonts, &JsValue::from_str("ready")));
    if let Ok(promise) = ready
        && let Ok(promise) = promise.dyn_into::<js_sys::Promise>()
    {
        let _ = JsFuture::from(promise).await;
    }
}

/// The framed chart drawn on a new, detached canvas.
pub fn framed_canvas(
    spec: &impl Chart,
    title: &str,
    caption: &Caption,
    slide: (u32, u32),
) -> Result<web_sys::HtmlCanvasElement, String> {
    let scale = EXPORT_SCALE * fill_factor(spec, slide);
    let (_, height) = framed_size(spec, slide, scale);
    let canvas: web_sys::HtmlCanvasElement = leptos::prelude::document()
        .create_element("canvas")
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|e| format!("{e:?}"))?;
    let style = ChartStyle {
        scale,
        ..ChartStyle::default()
    };
    // The slide's size exactly (a layout rounded down to whole pixels at an enlarged scale
    // would come out a few pixels short), taller where the chart needs it.
    let device = (slide.0, ((height * scale) as u32).max(slide.1));
    paint_with(&canvas, device, |area| {
        draw_framed(area, spec, title, caption, &style)
    })?;
    Ok(canvas)
}

/// The canvas's picture as PNG bytes.
pub async fn png_blob(canvas: &web_sys::HtmlCanvasElement) -> Result<web_sys::Blob, String> {
    let canvas = canvas.clone();
    let promise = js_sys::Promise::new(&mut |resolve, reject: js_sys::Function| {
        let refuse = reject.clone();
        let done = wasm_bindgen::closure::Closure::once_into_js(move |blob: JsValue| {
            if blob.is_null() {
                let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("toBlob gave nothing"));
            } else {
                let _ = resolve.call1(&JsValue::NULL, &blob);
            }
        });
        if let Err(error) = canvas.to_blob_with_type(done.unchecked_ref(), "image/png") {
            let _ = refuse.call1(&JsValue::NULL, &error);
        }
    });
    JsFuture::from(promise)
        .await
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|e| format!("{e:?}"))
}

/// Puts a PNG on the clipboard (`navigator.clipboard.write` with a `ClipboardItem`). Where the
/// browser has neither, or refuses, says so.
pub async fn copy_png(blob: web_sys::Blob) -> Result<(), String> {
    let global = js_sys::global();
    let constructor = js_sys::Reflect::get(&global, &JsValue::from_str("ClipboardItem"))
        .ok()
        .and_then(|c| c.dyn_into::<js_sys::Function>().ok())
        .ok_or("no ClipboardItem")?;
    let items = js_sys::Object::new();
    js_sys::Reflect::set(&items, &JsValue::from_str("image/png"), &blob)
        .map_err(|e| format!("{e:?}"))?;
    let item = js_sys::Reflect::construct(&constructor, &js_sys::Array::of1(&items))
        .map_err(|e| format!("{e:?}"))?;
    to_clipboard("write", &js_sys::Array::of1(&item)).await
}

/// Puts text on the clipboard (`navigator.clipboard.writeText`); where the browser has no
/// clipboard, or refuses, says so.
pub async fn copy_text(text: &str) -> Result<(), String> {
    to_clipboard("writeText", &JsValue::from_str(text)).await
}

/// Calls `navigator.clipboard[method](arg)` and waits for its promise.
async fn to_clipboard(method: &str, arg: &JsValue) -> Result<(), String> {
    let clipboard =
        js_sys::Reflect::get(&leptos::prelude::window().navigator(), &"clipboard".into())
            .ok()
            .filter(|c| !c.is_undefined())
            .ok_or("no clipboard")?;
    let call: js_sys::Function = js_sys::Reflect::get(&clipboard, &method.into())
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|e| format!("{e:?}"))?;
    let promise: js_sys::Promise = call
        .call1(&clipboard, arg)
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|e| format!("{e:?}"))?;
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|e| format!("{e:?}"))
}

/// `spec` drawn on a new canvas of `layout` layout pixels at `style` (its scale: device pixels
/// per layout pixel), as the PNG picture a document or a deck embeds.
pub async fn chart_picture(
    spec: &impl Chart,
    layout: (f64, f64),
    style: &ChartStyle,
) -> Result<crate::office::package::Picture, String> {
    let canvas: web_sys::HtmlCanvasElement = leptos::prelude::document()
        .create_element("canvas")
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|e| format!("{e:?}"))?;
    let device = (
        (layout.0 * style.scale).round() as u32,
        (layout.1 * style.scale).round() as u32,
    );
    paint_with(&canvas, device, |area| spec.draw(area, style))?;
    let blob = png_blob(&canvas).await?;
    let buffer = JsFuture::from(blob.array_buffer())
        .await
        .map_err(|e| format!("{e:?}"))?;
    Ok(crate::office::package::Picture {
        png: js_sys::Uint8Array::new(&buffer).to_vec(),
        width: device.0,
        height: device.1,
    })
}
