//! Whether the page is a standalone file (导出独立网页) and what that file says of itself: its
//! boot script (`static/standalone-boot.js`) sets `window.pilotStandalone` to the file's
//! description (`domain::standalone::Meta`) before the app starts. Read through `Reflect`: the
//! first load carries no bindings for it.

use js_sys::Reflect;
use wasm_bindgen::JsValue;

/// A text field of the file's description (`id`, `title`, `made`, `version`, `from`,
/// `session`…); `None` on the hosted page.
pub fn field(name: &str) -> Option<String> {
    // (On the hosted page `pilotStandalone` is undefined, and reading a field of it fails.)
    let meta = Reflect::get(&js_sys::global(), &"pilotStandalone".into()).ok()?;
    Reflect::get(&meta, &name.into()).ok()?.as_string()
}

/// Whether this page is a standalone file.
pub fn is_standalone() -> bool {
    field("id").is_some()
}

/// What a standalone page is made of, read from the app as it runs.
pub struct AppFiles {
    pub style: String,
    pub boot: String,
    /// The archive of the app's JavaScript and wasm, deflated, in base64.
    pub bundle: String,
    /// The archive's names of the glue and of the main wasm.
    pub glue: String,
    pub wasm: String,
}

/// The text of the element with this id, if there is one.
pub fn element_text(id: &str) -> Option<String> {
    let document = Reflect::get(&js_sys::global(), &"document".into()).ok()?;
    let element = call(&document, "getElementById", &id.into())?;
    Reflect::get(&element, &"textContent".into())
        .ok()?
        .as_string()
}

/// The app's files: a standalone file's own parts as they are; on the hosted page, every file
/// the page loads or may load (the stylesheet, the glue, the main wasm, the chunks' loader
/// and every chunk, but not the import worker's, which a `file://` page cannot start) fetched,
/// packed and deflated. The service worker answers from its copies when offline.
pub async fn app_files() -> Result<AppFiles, String> {
    use crate::domain::standalone::Meta;
    if let Some(meta) = element_text("pb-standalone").and_then(|text| Meta::read(&text)) {
        let part = |id: &str| element_text(id).ok_or_else(|| format!("no #{id}"));
        return Ok(AppFiles {
            style: part("pb-style")?,
            boot: part("pb-boot")?,
            bundle: part("pb-bundle")?,
            glue: meta.glue,
            wasm: meta.wasm,
        });
    }
    hosted_files().await
}

async fn hosted_files() -> Result<AppFiles, String> {
    use crate::domain::standalone::{archive, local_names, module_text};
    let module = selected("script[type=module]", "textContent").ok_or("no module script")?;
    let mut names = local_names(&module);
    let first = |ext: &str| names.iter().find(|n| n.ends_with(ext)).cloned();
    let (glue, wasm) = (
        first(".js").ok_or("no glue")?,
        first(".wasm").ok_or("no wasm")?,
    );
    let mut files = Vec::new();
    let mut at = 0;
    while let Some(name) = names.get(at).cloned() {
        at += 1;
        if name.starts_with("import-worker") || name.ends_with(".css") {
            continue;
        }
        let bytes = fetch_bytes(&format!("./{name}")).await?;
        if name.ends_with(".js") {
            let text = String::from_utf8(bytes).map_err(|_| format!("{name}: not UTF-8"))?;
            for more in local_names(&text) {
                if !names.contains(&more) {
                    names.push(more);
                }
            }
            files.push((name, module_text(&text).into_bytes()));
        } else {
            files.push((name, bytes));
        }
    }
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).map_err(|_| "not UTF-8".to_string());
    let sheet = selected("link[rel=stylesheet]", "href").ok_or("no stylesheet")?;
    let style = text(fetch_bytes(&sheet).await?)?;
    let version = selected("meta[name=import-worker-version]", "content").unwrap_or_default();
    let boot = text(fetch_bytes(&format!("./standalone-boot.js?v={version}")).await?)?;
    let packed = super::compress::deflate(&archive(&files)).await?;
    Ok(AppFiles {
        style,
        boot,
        bundle: crate::domain::share::base64(&packed),
        glue,
        wasm,
    })
}

/// A property of the first element `selector` finds.
fn selected(selector: &str, property: &str) -> Option<String> {
    let document = Reflect::get(&js_sys::global(), &"document".into()).ok()?;
    let element = call(&document, "querySelector", &selector.into())?;
    Reflect::get(&element, &property.into()).ok()?.as_string()
}

/// `target[method](arg)`, when it gives an object.
fn call(target: &JsValue, method: &str, arg: &JsValue) -> Option<JsValue> {
    use wasm_bindgen::JsCast;
    let function: js_sys::Function = Reflect::get(target, &method.into()).ok()?.dyn_into().ok()?;
    let value = function.call1(target, arg).ok()?;
    value.is_object().then_some(value)
}

async fn fetch_bytes(address: &str) -> Result<Vec<u8>, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let failed = |e: JsValue| format!("{address}: {e:?}");
    let response: web_sys::Response =
        JsFuture::from(leptos::prelude::window().fetch_with_str(address))
            .await
            .map_err(failed)?
            .dyn_into()
            .map_err(failed)?;
    if !response.ok() {
        return Err(format!("{address}: HTTP {}", response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(failed)?)
        .await
        .map_err(failed)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
