//! Deflate (raw, RFC 1951) by the browser's `CompressionStream` and `DecompressionStream`, for
//! the links that carry data. Called through `js_sys::Reflect`: web-sys has these streams only
//! among its unstable APIs, and its bindings for the rest (`Blob`, `Response`, streams) would
//! add their glue to the page's first-load JavaScript.

use js_sys::{Array, Function, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// `bytes` compressed.
pub async fn deflate(bytes: &[u8]) -> Result<Vec<u8>, String> {
    through::<true>(bytes).await
}

/// `bytes` decompressed; an error when they are not a whole deflate stream.
pub async fn inflate(bytes: &[u8]) -> Result<Vec<u8>, String> {
    through::<false>(bytes).await
}

/// `bytes` through a `CompressionStream` (or, not `COMPRESS`, a `DecompressionStream`):
/// `new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer()`. Generic so
/// that each of the two chunks that use one direction has its own copy: code two chunks share
/// is placed in the first load.
async fn through<const COMPRESS: bool>(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let global = js_sys::global();
    let class = |name: &str| -> Result<Function, String> {
        Reflect::get(&global, &name.into())
            .ok()
            .and_then(|c| c.dyn_into().ok())
            .ok_or_else(|| format!("no {name}"))
    };
    let call = |target: &JsValue, method: &str, arg: Option<&JsValue>| -> Result<JsValue, String> {
        let function: Function = Reflect::get(target, &method.into())
            .ok()
            .and_then(|f| f.dyn_into().ok())
            .ok_or_else(|| format!("no {method}"))?;
        match arg {
            Some(arg) => function.call1(target, arg),
            None => function.call0(target),
        }
        .map_err(|e| format!("{e:?}"))
    };
    let new = |class: &Function, arg: &JsValue| {
        Reflect::construct(class, &Array::of1(arg)).map_err(|e| format!("{e:?}"))
    };
    let name = if COMPRESS {
        "CompressionStream"
    } else {
        "DecompressionStream"
    };
    let stream = new(&class(name)?, &"deflate-raw".into())?;
    let blob = new(&class("Blob")?, &Array::of1(&Uint8Array::from(bytes)))?;
    let piped = call(&call(&blob, "stream", None)?, "pipeThrough", Some(&stream))?;
    let response = new(&class("Response")?, &piped)?;
    let buffer: js_sys::Promise = call(&response, "arrayBuffer", None)?
        .dyn_into()
        .map_err(|e| format!("{e:?}"))?;
    let buffer = JsFuture::from(buffer).await.map_err(|e| format!("{e:?}"))?;
    Ok(Uint8Array::new(&buffer).to_vec())
}
