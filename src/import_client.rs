//! The page's side of the import worker (`import_worker.rs`): starts it on first use (its
//! script and wasm load only then, and the service worker keeps them for offline use), sends
//! it requests, and hands each reply to whoever asked. A worker that fails, runs out of memory
//! or takes too long is stopped: its requests end with a refusal, and the next one starts a new
//! worker. The page never waits on it.

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker};

use crate::domain::import::{Reply, Request};

/// The worker's script (static/import-worker-start.js), which loads what Trunk builds from the
/// `import-worker` binary.
const WORKER_SCRIPT: &str = "./import-worker-start.js";
/// Where the page names the build's version of the worker's files.
const VERSION_META: &str = "meta[name=import-worker-version]";
/// How long a workbook may take, loading the reader included, before the worker is stopped:
/// far longer than a 100,000-row workbook takes (docs/performance.md), so that only a reader
/// that has lost its way meets it. (Hostile workbooks are refused by the reader's limits, in
/// well under a second.) The user can stop it sooner.
pub const OPEN_SECONDS: u32 = 60;
/// How long any other request may take.
const OTHER_SECONDS: u32 = 30;

/// Why a request got no reply.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Stopped {
    /// The worker failed: a reader panic, out of memory, a script that did not load.
    Failed,
    TimedOut {
        seconds: u32,
    },
    /// The user stopped it.
    Cancelled,
}

impl Stopped {
    pub fn problem(self) -> crate::domain::error::Problem {
        crate::domain::error::Problem::ImportStopped {
            timed_out: match self {
                Stopped::Failed | Stopped::Cancelled => None,
                Stopped::TimedOut { seconds } => Some(seconds),
            },
        }
    }
}

type Answer = Box<dyn FnOnce(Result<Reply, Stopped>)>;

struct Running {
    worker: Worker,
    /// Until the worker says it is ready, requests wait here.
    queued: Option<Vec<js_sys::Array>>,
    waiting: HashMap<u32, (Answer, i32)>,
    // Kept alive as long as the worker.
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static RUNNING: RefCell<Option<Running>> = const { RefCell::new(None) };
    static NEXT_ID: RefCell<u32> = const { RefCell::new(0) };
}

/// Sends `request` (with `bytes` for `Open`); `answer` gets the reply, or the refusal that
/// ended it (the worker failed or took too long).
pub fn ask(
    request: &Request,
    bytes: Option<&[u8]>,
    answer: impl FnOnce(Result<Reply, Stopped>) + 'static,
) {
    let seconds = if matches!(request, Request::Open { .. }) {
        OPEN_SECONDS
    } else {
        OTHER_SECONDS
    };
    let id = NEXT_ID.with(|next| {
        let mut next = next.borrow_mut();
        *next = next.wrapping_add(1);
        *next
    });
    let json = serde_json::to_string(request).expect("a request always serialises");
    let message = js_sys::Array::of2(&id.into(), &JsValue::from_str(&json));
    if let Some(bytes) = bytes {
        message.push(&js_sys::Uint8Array::from(bytes));
    }
    let answer: Answer = Box::new(answer);
    let refused = RUNNING.with(move |running| {
        let mut running = running.borrow_mut();
        if running.is_none() {
            *running = start();
        }
        let Some(running) = running.as_mut() else {
            return Some(answer);
        };
        match running.queued.as_mut() {
            Some(queued) => queued.push(message),
            None => {
                if running.worker.post_message(&message).is_err() {
                    return Some(answer);
                }
            }
        }
        let timer = set_timeout(move || stop(Stopped::TimedOut { seconds }), seconds);
        running.waiting.insert(id, (answer, timer));
        None
    });
    if let Some(answer) = refused {
        // No worker could be started (or it would not take the message).
        stop(Stopped::Failed);
        answer(Err(Stopped::Failed));
    }
}

/// The worker's script, asked for with this build's version of it (the files' names carry no
/// hash, so a cache could otherwise hand out another build's copy).
fn script() -> String {
    let version = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.query_selector(VERSION_META).ok().flatten())
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_default();
    let version: String = form_urlencoded::byte_serialize(version.as_bytes()).collect();
    format!("{WORKER_SCRIPT}?v={version}")
}

fn start() -> Option<Running> {
    let worker = Worker::new(&script()).ok()?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        if event.data().as_string().as_deref() == Some(crate::import_worker::READY) {
            RUNNING.with(|running| {
                if let Some(running) = running.borrow_mut().as_mut() {
                    for message in running.queued.take().unwrap_or_default() {
                        // A message it will not take shows as the request's time running out.
                        let _ = running.worker.post_message(&message);
                    }
                }
            });
            return;
        }
        let message: js_sys::Array = event.data().unchecked_into();
        let id = message.get(0).as_f64().unwrap_or(-1.0) as u32;
        let reply = message
            .get(1)
            .as_string()
            .and_then(|json| serde_json::from_str::<Reply>(&json).ok())
            .ok_or(Stopped::Failed);
        let waiting = RUNNING.with(|running| {
            running
                .borrow_mut()
                .as_mut()
                .and_then(|running| running.waiting.remove(&id))
        });
        if let Some((answer, timer)) = waiting {
            clear_timeout(timer);
            answer(reply);
        }
    });
    // A panic, a trap (out of memory) or a script that did not load: the worker is of no more use.
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
        event.prevent_default();
        stop(Stopped::Failed);
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Some(Running {
        worker,
        queued: Some(Vec::new()),
        waiting: HashMap::new(),
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// Stops whatever the worker is reading, at the user's word.
pub fn cancel() {
    stop(Stopped::Cancelled);
}

/// Stops the worker: every request waiting on it ends with `why`.
fn stop(why: Stopped) {
    let Some(running) = RUNNING.with(|running| running.borrow_mut().take()) else {
        return;
    };
    running.worker.terminate();
    let Running {
        waiting,
        _on_message,
        _on_error,
        ..
    } = running;
    // This may run inside the error handler itself: its closures are left in place (a few
    // bytes each time a worker fails) rather than dropped while one of them runs.
    std::mem::forget((_on_message, _on_error));
    for (_, (answer, timer)) in waiting {
        clear_timeout(timer);
        answer(Err(why));
    }
}

fn set_timeout(then: impl FnOnce() + 'static, seconds: u32) -> i32 {
    let callback = Closure::once_into_js(then);
    web_sys::window()
        .and_then(|window| {
            window
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    callback.unchecked_ref(),
                    seconds as i32 * 1000,
                )
                .ok()
        })
        .unwrap_or(0)
}

fn clear_timeout(timer: i32) {
    if let Some(window) = web_sys::window() {
        window.clear_timeout_with_handle(timer);
    }
}
