//! The library's store: the browser's IndexedDB (through the idb crate), which holds far more
//! than localStorage's 5 MB. One database, `pilot-board`, with one object store, `library`,
//! of text values: the catalog under [`CATALOG_KEY`], each dataset's work under
//! [`work_key`], and values this version could not read under [`SET_ASIDE_PREFIX`], never
//! overwritten. Every write names what it puts and removes, and happens in one transaction:
//! all of it or none.

use std::cell::RefCell;
use std::rc::Rc;

use idb::{
    Database, DatabaseEvent, Factory, ObjectStoreParams, TransactionMode, TransactionResult,
};
use wasm_bindgen::JsValue;

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
    static OPEN: RefCell<Option<Rc<Database>>> = const { RefCell::new(None) };
}

/// The database, opened (and made, the first time) once per page.
pub async fn open() -> Result<Rc<Database>, StoreError> {
    if let Some(db) = OPEN.with(|open| open.borrow().clone()) {
        return Ok(db);
    }
    let factory = Factory::new().map_err(|_| StoreError::Unavailable)?;
    let mut request = factory
        .open(DB_NAME, Some(DB_VERSION))
        .map_err(|_| StoreError::Unavailable)?;
    request.on_upgrade_needed(|event| {
        if let Ok(db) = event.database()
            && !db.store_names().iter().any(|name| name == STORE)
        {
            let _ = db.create_object_store(STORE, ObjectStoreParams::new());
        }
    });
    let db = Rc::new(request.await.map_err(|_| StoreError::Unavailable)?);
    OPEN.with(|open| *open.borrow_mut() = Some(Rc::clone(&db)));
    Ok(db)
}

/// The text stored under `key`, if any (a value that is not text counts as none).
pub async fn read(key: &str) -> Result<Option<String>, StoreError> {
    let db = open().await?;
    let transaction = db
        .transaction(&[STORE], TransactionMode::ReadOnly)
        .map_err(|_| StoreError::Unavailable)?;
    let store = transaction
        .object_store(STORE)
        .map_err(|_| StoreError::Unavailable)?;
    let value = store
        .get(JsValue::from_str(key))
        .map_err(|error| not_written(&error))?
        .await
        .map_err(|error| not_written(&error))?;
    Ok(value.and_then(|v| v.as_string()))
}

/// Puts every `(key, text)` of `puts` and removes every key of `removes`, in one transaction.
pub async fn write(puts: &[(String, String)], removes: &[String]) -> Result<(), StoreError> {
    let db = open().await?;
    let transaction = db
        .transaction(&[STORE], TransactionMode::ReadWrite)
        .map_err(|_| StoreError::Unavailable)?;
    let store = transaction
        .object_store(STORE)
        .map_err(|_| StoreError::Unavailable)?;
    let queued = queue(&store, puts, removes);
    finish(transaction, queued).await
}

/// Commits a transaction whose requests were queued, or aborts it where queueing failed.
async fn finish(
    transaction: idb::Transaction,
    queued: Result<(), StoreError>,
) -> Result<(), StoreError> {
    if let Err(error) = queued {
        // Nothing of this write may happen: what was queued before the failure is taken back.
        let _ = transaction.abort();
        return Err(error);
    }
    // A commit the browser refuses (a full quota, most often) aborts the transaction and says
    // why on it.
    let raw = web_sys::IdbTransaction::from(transaction);
    let watched = raw.clone();
    match idb::Transaction::from(raw).await {
        Ok(TransactionResult::Committed) => Ok(()),
        Ok(TransactionResult::Aborted) => Err(match watched.error() {
            Some(error) if error.name() == "QuotaExceededError" => StoreError::Quota,
            Some(error) => StoreError::NotWritten(error.message()),
            None => StoreError::NotWritten("the transaction was aborted".into()),
        }),
        Err(error) => Err(not_written(&error)),
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
    let transaction = db
        .transaction(&[STORE], TransactionMode::ReadWrite)
        .map_err(|_| StoreError::Unavailable)?;
    let store = transaction
        .object_store(STORE)
        .map_err(|_| StoreError::Unavailable)?;
    let stored = match store.get(JsValue::from_str(CATALOG_KEY)) {
        Ok(request) => request.await.map_err(|error| not_written(&error)),
        Err(error) => Err(not_written(&error)),
    };
    let stored = match stored {
        Ok(value) => value.and_then(|v| v.as_string()),
        Err(error) => {
            let _ = transaction.abort();
            return Err(error);
        }
    };
    let catalog = (CATALOG_KEY.to_string(), change(stored));
    let queued = queue(&store, puts, removes)
        .and_then(|()| queue(&store, std::slice::from_ref(&catalog), &[]));
    finish(transaction, queued).await
}

fn queue(
    store: &idb::ObjectStore,
    puts: &[(String, String)],
    removes: &[String],
) -> Result<(), StoreError> {
    for (key, text) in puts {
        store
            .put(&JsValue::from_str(text), Some(&JsValue::from_str(key)))
            .map_err(|error| not_written(&error))?;
    }
    for key in removes {
        store
            .delete(JsValue::from_str(key))
            .map_err(|error| not_written(&error))?;
    }
    Ok(())
}

/// A failed request, as the user is told about it: a full quota is named as such.
fn not_written(error: &idb::Error) -> StoreError {
    let text = error.to_string();
    if text.contains("Quota") || text.contains("QUOTA") {
        StoreError::Quota
    } else {
        StoreError::NotWritten(text)
    }
}
