//! The import worker's side: it runs in a Web Worker (the `import-worker` binary), where a
//! workbook that will not read, or a reader that fails, cannot take the page down. Each message
//! is `[id, request as JSON, bytes?]`; each answer is `[id, reply as JSON]`, in order. It
//! says [`READY`] first.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::domain::import::session::Both;
use crate::domain::import::workbook::Refusal;
use crate::domain::import::{Engine, Reply, Request};

/// Answers the page's messages until the page stops the worker.
pub fn run() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let engine = RefCell::new(Engine::default());
    let answer_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let message: js_sys::Array = event.data().unchecked_into();
        let id = message.get(0);
        let request = message.get(1).as_string().unwrap_or_default();
        let bytes = message
            .get(2)
            .dyn_into::<js_sys::Uint8Array>()
            .map(|bytes| bytes.to_vec())
            .unwrap_or_default();
        let reply = match serde_json::from_str::<Request>(&request) {
            Ok(request) => {
                engine
                    .borrow_mut()
                    .handle(request, &bytes, &crate::web::text_decoder::gb18030)
            }
            Err(_) => Reply::Refused(vec![Both::of(|lang| Refusal::Failed.describe(lang))]),
        };
        let json = serde_json::to_string(&reply).expect("a reply always serialises");
        let answer = js_sys::Array::of2(&id, &JsValue::from_str(&json));
        // The page may have gone; nothing is left to do then.
        let _ = answer_to.post_message(&answer);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages that arrived while the reader loaded had no one to take them: the page holds
    // its requests until it hears this.
    let _ = scope.post_message(&JsValue::from_str(READY));
}

/// What the worker says once it takes messages.
pub const READY: &str = "ready";
