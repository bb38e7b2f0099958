//! The library's store: the browser's IndexedDB, which holds far more than localStorage's 5 MB. One database, `pilot-board`, with one object store, `library`,
//! of text values: the catalog under [`CATALOG_KEY`], each dataset's work under
//! [`work_key`], and values this version could not read under [`SET_ASIDE_PREFIX`], never
//! overwritten. Every write names what it puts and removes, and happens in one transaction:
//! all of it or none.
//!
//! IndexedDB is called through `js_sys::Reflect` (a property read, a method called by name)
//! rather than web-sys's bindings or a crate over them: wasm-bindgen writes one glue file for
//! the page and all its chunks, so each binding would load with the first screen, while these
//! calls use glue the page has anyway. A request becomes a promise whose `resolve` and `reject`
//! are its `onsuccess` and `onerror`; a transaction's, its `oncomplete` and `onabort`.

use std::cell::RefCell;

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

const DB_NAME: &str = "pilot-board";
const DB_VERSION: u32 = 1;
const STORE: &str = "library";
/// The catalog (`domain::library::Catalog`).
pub const CATALOG_KEY: &str = "catalog";
/// Values this version could not read are kept under this prefix.
pub const SET_ASIDE_PREFIX: &str = "unreadable.";

/// The key of a dataset's work (the envelope of `domain::saved`).
pub fn work_key(id: &str) -> String {
    format!("work:{id}")
}

/// Why the store did not do what was asked.
#[derive(Clone, Debug, PartialEq)]
pub enum StoreError {
    /// No IndexedDB here (disabled, some private windows), or it refused to open.
    Unavailable,
    /// The browser's quota for this site is used up.
    Quota,
    /// Anything else the browser said; nothing of the write happened.
    NotWritten(String),
}

thread_local! {
    static OPEN: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

/// `target[name]`.
fn get(target: &JsValue, name: &str) -> Result<JsValue, JsValue> {
    Reflect::get(target, &JsValue::from_str(name))
}

/// `target[method](...args)`.
fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let function: Function = get(target, method)?.dyn_into()?;
    match args {
        [] => function.call0(target),
        [a] => function.call1(target, a),
        [a, b] => function.call2(target, a, b),
        _ => unreachable!("IndexedDB's methods here take two arguments at most"),
    }
}

/// Waits for `target` to fire `done` (resolving with the event) or `failed` (failing with it).
async fn settled(target: &JsValue, done: &str, failed: &str) -> Result<JsValue, JsValue> {
    let promise = Promise::new(&mut |resolve, reject| {
        let _ = Reflect::set(target, &JsValue::from_str(done), &resolve);
        let _ = Reflect::set(target, &JsValue::from_str(failed), &reject);
    });
    JsFuture::from(promise).await
}

/// A request's result once it has succeeded, else the browser's error as the user is told it.
async fn result(request: &JsValue) -> Result<JsValue, StoreError> {
    match settled(request, "onsuccess", "onerror").await {
        Ok(_) => get(request, "result").map_err(|e| not_written(&e)),
        Err(_) => Err(not_written(&get(request, "error").unwrap_or_default())),
    }
}

/// The database, opened (and made, the first time) once per page.
pub async fn open() -> Result<JsValue, StoreError> {
    if let Some(db) = OPEN.with(|open| open.borrow().clone()) {
        return Ok(db);
    }
    let factory = get(&js_sys::global(), "indexedDB")
        .ok()
        .filter(|f| f.is_object())
        .ok_or(StoreError::Unavailable)?;
    let request = call(
        &factory,
        "open",
        // A standalone file's library is its own, as its stored work is (`storage::scoped`).
        &[
            JsValue::from_str(&super::storage::scoped(DB_NAME)),
            JsValue::from(DB_VERSION),
        ],
    )
    .map_err(|_| StoreError::Unavailable)?;
    // The first time, `upgradeneeded` comes before `success`: the store is made then (the
    // upgrade's transaction is still active while the promises it settles are followed).
    let upgrade = Promise::new(&mut |resolve, _| {
        let _ = Reflect::set(&request, &JsValue::from_str("onupgradeneeded"), &resolve);
    });
    let opened = Promise::new(&mut |resolve, reject| {
        let _ = Reflect::set(&request, &JsValue::from_str("onsuccess"), &resolve);
        let _ = Reflect::set(&request, &JsValue::from_str("onerror"), &reject);
        let _ = Reflect::set(&request, &JsValue::from_str("onblocked"), &reject);
    });
    let first = JsFuture::from(Promise::race(&Array::of2(&upgrade, &opened)))
        .await
        .map_err(|_| StoreError::Unavailable)?;
    if get(&first, "type")
        .ok()
        .and_then(|t| t.as_string())
        .as_deref()
        == Some("upgradeneeded")
    {
        let db = get(&request, "result").map_err(|_| StoreError::Unavailable)?;
        let names = get(&db, "objectStoreNames").map_err(|_| StoreError::Unavailable)?;
        let has = call(&names, "contains", &[JsValue::from_str(STORE)])
            .map(|v| v.is_truthy())
            .unwrap_or(false);
        if !has {
            call(&db, "createObjectStore", &[JsValue::from_str(STORE)])
                .map_err(|_| StoreError::Unavailable)?;
        }
        JsFuture::from(opened)
            .await
            .map_err(|_| StoreError::Unavailable)?;
    }
    let db = get(&request, "result").map_err(|_| StoreError::Unavailable)?;
    OPEN.with(|open| *open.borrow_mut() = Some(db.clone()));
    Ok(db)
}

/// A transaction over the store and the store in it.
fn transaction(db: &JsValue, mode: &str) -> Result<(JsValue, JsValue), StoreError> {
    let transaction = call(
        db,
        "transaction",
        &[JsValue::from_str(STORE), JsValue::from_str(mode)],
    )
    .map_err(|_| StoreError::Unavailable)?;
    let store = call(&transaction, "objectStore", &[JsValue::from_str(STORE)])
        .map_err(|_| StoreError::Unavailable)?;
    Ok((transaction, store))
}

/// The text stored under `key`, if any (a value that is not text counts as none).
pub async fn read(key: &str) -> Result<Option<String>, StoreError> {
    let db = open().await?;
    let (_, store) = transaction(&db, "readonly")?;
    let request = call(&store, "get", &[JsValue::from_str(key)]).map_err(|e| not_written(&e))?;
    Ok(result(&request).await?.as_string())
}

/// Puts every `(key, text)` of `puts` and removes every key of `removes`, in one transaction.
pub async fn write(puts: &[(String, String)], removes: &[String]) -> Result<(), StoreError> {
    let db = open().await?;
    let (transaction, store) = self::transaction(&db, "readwrite")?;
    let queued = queue(&store, puts, removes);
    finish(&transaction, queued).await
}

/// Commits a transaction whose requests were queued, or aborts it where queueing failed.
async fn finish(transaction: &JsValue, queued: Result<(), StoreError>) -> Result<(), StoreError> {
    if let Err(error) = queued {
        // Nothing of this write may happen: what was queued before the failure is taken back.
        let _ = call(transaction, "abort", &[]);
        return Err(error);
    }
    // A commit the browser refuses (a full quota, most often) aborts the transaction and says
    // why on it.
    match settled(transaction, "oncomplete", "onabort").await {
        Ok(_) => Ok(()),
        Err(_) => Err(match get(transaction, "error") {
            Ok(error) if error.is_object() => not_written(&error),
            _ => StoreError::NotWritten("the transaction was aborted".into()),
        }),
    }
}

/// Like [`write`], with the catalog written in the same transaction by `change`, which is
/// given the catalog as stored when the transaction starts. IndexedDB runs one read-write
/// transaction of a store at a time, in every tab of the site: a catalog another tab wrote a
/// moment ago is the one `change` sees, never overwritten by an older copy. `change` is not
/// called where the store cannot be opened.
pub async fn write_with_catalog(
    puts: &[(String, String)],
    removes: &[String],
    change: impl FnOnce(Option<String>) -> String,
) -> Result<(), StoreError> {
    let db = open().await?;
    let (transaction, store) = self::transaction(&db, "readwrite")?;
    let stored = match call(&store, "get", &[JsValue::from_str(CATALOG_KEY)]) {
        Ok(request) => result(&request).await,
        Err(error) => Err(not_written(&error)),
    };
    let stored = match stored {
        Ok(value) => value.as_string(),
        Err(error) => {
            let _ = call(&transaction, "abort", &[]);
            return Err(error);
        }
    };
    let catalog = (CATALOG_KEY.to_string(), change(stored));
    let queued = queue(&store, puts, removes)
        .and_then(|()| queue(&store, std::slice::from_ref(&catalog), &[]));
    finish(&transaction, queued).await
}

fn queue(store: &JsValue, puts: &[(String, String)], removes: &[String]) -> Result<(), StoreError> {
    for (key, text) in puts {
        call(
            store,
            "put",
            &[JsValue::from_str(text), JsValue::from_str(key)],
        )
        .map_err(|error| not_written(&error))?;
    }
    for key in removes {
        call(store, "delete", &[JsValue::from_str(key)]).map_err(|error| not_written(&error))?;
    }
    Ok(())
}

/// The browser's error (a `DOMException`, or what a request threw), as the user is told about
/// it: a full quota is named as such.
fn not_written(error: &JsValue) -> StoreError {
    let text = |name: &str| get(error, name).ok().and_then(|v| v.as_string());
    let name = text("name").unwrap_or_default();
    if name == "QuotaExceededError" || name.contains("Quota") {
        return StoreError::Quota;
    }
    let message = text("message")
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"));
    if message.contains("Quota") || message.contains("QUOTA") {
        StoreError::Quota
    } else {
        StoreError::NotWritten(if name.is_empty() {
            message
        } else {
            format!("{name}: {message}")
        })
    }
}
