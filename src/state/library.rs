//! The library of datasets kept in this browser, as the page holds it: the catalog
//! (`domain::library`), where the store stands, what was removed in this session (to take
//! back), and the datasets read for a comparison. The dataset on screen is the board's (and
//! stays in localStorage with its fault handling, `state.rs`); every other dataset's work is in
//! IndexedDB (`web::library_store`) under its id.
//!
//! Only the signals are in the first load: every action ([`act`]) and the library's and the
//! comparison's views are in the `library` chunk, fetched right after the first screen.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::domain::Dataset;
use crate::domain::builtin;
use crate::domain::compare::Pairing;
use crate::domain::lang::Lang;
use crate::domain::library::{BUILTIN_ID, Catalog, Entry, entry_for, institution_of};
use crate::domain::saved;
use crate::state::{BoardState, Shared};
use crate::web::library_store::{
    self as store, CATALOG_KEY, SET_ASIDE_PREFIX, StoreError, work_key,
};
use crate::web::storage::{self, LIBRARY_KEY, PREVIOUS_KEY};

/// Where the library's store stands.
#[derive(Clone, Debug, PartialEq)]
pub enum LibraryStatus {
    /// Being read.
    Starting,
    Ready,
    /// The browser keeps no library here: only the dataset on screen is saved.
    Unavailable,
    /// The last change could not be stored (it holds in this page only).
    NotSaved(StoreError),
}

impl LibraryStatus {
    pub fn message(&self, lang: Lang) -> Option<String> {
        Some(match (self, lang) {
            (LibraryStatus::Starting | LibraryStatus::Ready, _) => return None,
            (LibraryStatus::Unavailable, Lang::Zh) => {
                "此浏览器不能保存数据集列表（存储已停用或不可用）：只有屏幕上的数据会保存。".into()
            }
            (LibraryStatus::Unavailable, Lang::En) => "This browser cannot keep the dataset list (storage is disabled or unavailable): only the data on screen is saved.".into(),
            (LibraryStatus::NotSaved(StoreError::Quota), Lang::Zh) => {
                "浏览器存储空间已满：数据集列表的最近一次修改只保存在本页中。请删除不用的数据集，或导出后再删除。".into()
            }
            (LibraryStatus::NotSaved(StoreError::Quota), Lang::En) => "The browser's storage is full: the dataset list's last change is only in this page. Remove datasets you no longer need, or export them first.".into(),
            (LibraryStatus::NotSaved(_), Lang::Zh) => {
                "数据集列表的最近一次修改未能保存到浏览器，只保存在本页中。".into()
            }
            (LibraryStatus::NotSaved(_), Lang::En) => {
                "The dataset list's last change could not be saved in the browser; it is only in this page.".into()
            }
        })
    }
}

/// A dataset removed in this session, with its place and its work (to take the removal back).
#[derive(Clone, Debug)]
pub struct Removed {
    pub place: usize,
    pub entry: Entry,
    pub work: Option<String>,
}

/// A dataset of the library as a comparison reads it.
#[derive(Clone, Debug, PartialEq)]
pub enum Side {
    Loading,
    Ready(Shared<Dataset>),
    /// Its stored work could not be read.
    Unreadable,
}

/// The library's signals, made in this chunk on first use (see [`library`]): nothing of them is
/// in the first load. They are reference counted rather than owned by a view, since they live
/// as long as the page whichever view reads them first.
#[derive(Clone)]
pub struct Library {
    /// `None` until read (and for good where there is no store).
    pub catalog: ArcRwSignal<Option<Catalog>>,
    pub status: ArcRwSignal<LibraryStatus>,
    /// A stored catalog this version could not read was kept under this key.
    pub set_aside: ArcRwSignal<Option<String>>,
    pub removed: ArcRwSignal<Vec<Removed>>,
    /// The datasets read for a comparison, by id (not the one on screen: that is the board's).
    pub sides: ArcRwSignal<HashMap<String, Side>>,
}

thread_local! {
    static LIBRARY: Library = Library {
        catalog: ArcRwSignal::new(None),
        status: ArcRwSignal::new(LibraryStatus::Starting),
        set_aside: ArcRwSignal::new(None),
        removed: ArcRwSignal::new(Vec::new()),
        sides: ArcRwSignal::new(HashMap::new()),
    };
}

/// The library's signals (the same ones wherever asked for).
pub fn library() -> Library {
    LIBRARY.with(Library::clone)
}

/// The work that was on screen, as it leaves it: its id and envelope.
#[derive(Clone, Debug)]
pub struct Outgoing {
    pub id: String,
    pub text: String,
    pub records: usize,
}

/// What the library is asked to do.
#[derive(Clone, Debug)]
pub enum Action {
    /// Read the catalog (making it, from today's stored work, the first time).
    Start,
    /// Other work was put on screen: keep the outgoing work, and give the new one an entry.
    Replaced {
        outgoing: Option<Outgoing>,
    },
    /// Another tab changed the library: read the catalog again.
    Reread,
    Open(String),
    Rename(String, String),
    SetYear(String, Option<i32>),
    Remove(String),
    /// Takes the last removal back.
    Restore,
    Export(String),
    /// Reads a dataset for the comparison.
    LoadSide(String),
    /// The comparison's two sides and their pairing, kept with the catalog.
    SetComparison {
        a: String,
        b: String,
        pairing: Pairing,
    },
}

crate::on_demand! { library:
    /// Does what the library is asked to (in the background: the store answers later).
    pub fn act(state: BoardState, action: Action) -> () {
        leptos::task::spawn_local(perform(state, action))
    }
}

/// Asks the library to do `action`; the page says so when the library's chunk cannot be
/// fetched.
pub fn ask(state: BoardState, action: Action) {
    crate::on_demand::run(act(state, action));
}

/// One side of a comparison: the dataset on screen live, another as the library read it
/// (asked for the first time it is needed).
pub fn side(state: BoardState, id: &str) -> Side {
    if state.library_id.with(|a| a.as_deref() == Some(id)) {
        return state.dataset.with(|d| Side::Ready(Shared::new(d.clone())));
    }
    match library().sides.with(|s| s.get(id).cloned()) {
        Some(side) => side,
        None => {
            ask(state, Action::LoadSide(id.to_string()));
            Side::Loading
        }
    }
}

fn now() -> f64 {
    js_sys::Date::now()
}

async fn perform(state: BoardState, action: Action) {
    let lib = library();
    match action {
        Action::Start => start(state).await,
        Action::Reread => {
            // Before its start the library has no list to refresh (and the start reads it).
            if lib.catalog.with_untracked(Option::is_none) {
                return;
            }
            if let Ok(Some(text)) = store::read(CATALOG_KEY).await
                && let Ok(mut catalog) = Catalog::read(&text)
            {
                note_on_screen(state, &mut catalog);
                lib.catalog.set(Some(catalog));
            }
        }
        Action::Replaced { outgoing } => replaced(state, outgoing).await,
        Action::Open(id) => open(state, id).await,
        Action::Rename(id, title) => {
            let title = title.trim().to_string();
            if !title.is_empty() {
                commit(Vec::new(), Vec::new(), |c| {
                    if let Some(entry) = c.entry_mut(&id) {
                        entry.title = title;
                    }
                })
                .await;
            }
        }
        Action::SetYear(id, year) => {
            commit(Vec::new(), Vec::new(), |c| {
                if let Some(entry) = c.entry_mut(&id) {
                    entry.year = year;
                }
            })
            .await;
        }
        Action::Remove(id) => remove(state, id).await,
        Action::Restore => {
            let Some(removed) = lib.removed.try_update(|r| r.pop()).flatten() else {
                return;
            };
            let puts = removed
                .work
                .clone()
                .map(|work| vec![(work_key(&removed.entry.id), work)])
                .unwrap_or_default();
            commit(puts, Vec::new(), move |c| {
                c.restore(removed.place, removed.entry)
            })
            .await;
        }
        Action::Export(id) => export(state, id).await,
        Action::LoadSide(id) => load_side(id).await,
        Action::SetComparison { a, b, pairing } => {
            commit(Vec::new(), Vec::new(), |c| {
                c.comparison = Some(crate::domain::library::ComparisonChoice {
                    a: a.clone(),
                    b: b.clone(),
                });
                c.set_pairing(&a, &b, pairing);
            })
            .await;
        }
    }
}

/// Reads the catalog; the first time, makes it from what today's version stored: the work on
/// screen, the built-in report, and the previous work. A catalog that cannot be read is kept
/// aside, never overwritten, and a new one is made.
async fn start(state: BoardState) {
    thread_local! {
        static STARTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if STARTED.replace(true) {
        return;
    }
    let lib = library();
    let text = match store::read(CATALOG_KEY).await {
        Ok(text) => text,
        Err(_) => {
            lib.status.set(LibraryStatus::Unavailable);
            return;
        }
    };
    let mut puts = Vec::new();
    let mut catalog = match text.as_deref().map(Catalog::read) {
        Some(Ok(catalog)) => catalog,
        Some(Err(_)) => {
            let key = format!("{SET_ASIDE_PREFIX}catalog.{}", now() as u64);
            puts.push((key.clone(), text.unwrap_or_default()));
            lib.set_aside.set(Some(key));
            first_catalog(state, &mut puts)
        }
        None => first_catalog(state, &mut puts),
    };
    let had_id = state.library_id.get_untracked().is_some();
    note_on_screen(state, &mut catalog);
    puts.push((CATALOG_KEY.to_string(), catalog.write()));
    lib.catalog.set(Some(catalog));
    if !had_id {
        // The work on screen now carries its id: saved at once, with the list shown (not after
        // the store has answered), so that the page has settled once the list is on screen.
        state.save();
    }
    match store::write(&puts, &[]).await {
        Ok(()) => lib.status.set(LibraryStatus::Ready),
        Err(StoreError::Unavailable) => lib.status.set(LibraryStatus::Unavailable),
        Err(error) => lib.status.set(LibraryStatus::NotSaved(error)),
    }
}

/// The first catalog: the built-in report, and the previous work today's version kept (which
/// joins the library with its edits).
fn first_catalog(state: BoardState, puts: &mut Vec<(String, String)>) -> Catalog {
    let report = builtin::report_2021();
    let mut catalog = Catalog::of(entry_for(BUILTIN_ID.to_string(), &report, None, 0.0));
    let on_screen_builtin = state.library_id.get_untracked().is_none()
        && state.source_name.with_untracked(Option::is_none);
    if let Some(text) = storage::read(PREVIOUS_KEY)
        && let Ok(work) = saved::read(&text)
    {
        let id = match (&work.library_id, &work.source_name) {
            (Some(id), _) => id.clone(),
            (None, None) if !on_screen_builtin => BUILTIN_ID.to_string(),
            _ => catalog.new_id(now() + 1.0),
        };
        if id != BUILTIN_ID {
            catalog.add(entry_for(
                id.clone(),
                work.editor.dataset(),
                work.source_name.clone(),
                now(),
            ));
        }
        puts.push((work_key(&id), text));
    }
    catalog
}

/// Makes sure the work on screen has an entry (and an id) and is the catalog's active one,
/// with its current record count.
fn note_on_screen(state: BoardState, catalog: &mut Catalog) {
    let id = match state.library_id.get_untracked() {
        Some(id) => id,
        None if state.source_name.with_untracked(Option::is_none) => BUILTIN_ID.to_string(),
        None => catalog.new_id(now()),
    };
    let records = state.dataset.with_untracked(|d| d.records.len());
    match catalog.entry_mut(&id) {
        Some(entry) => {
            entry.records = records;
            // Entries of the library's first version did not keep the school.
            if entry.institution.is_none() {
                entry.institution = state.dataset.with_untracked(institution_of);
            }
        }
        None => {
            let entry = state.dataset.with_untracked(|d| {
                entry_for(id.clone(), d, state.source_name.get_untracked(), now())
            });
            catalog.add(entry);
        }
    }
    catalog.active = id.clone();
    if state.library_id.get_untracked().as_deref() != Some(&id) {
        state.library_id.set(Some(id));
    }
}

/// Changes the catalog and stores it with `puts` and `removes`, in one transaction. The change
/// is made to the catalog as stored (another tab may have written it since this one read it),
/// which then is this tab's; the other tabs are told to read it again.
async fn commit(
    puts: Vec<(String, String)>,
    removes: Vec<String>,
    change: impl FnOnce(&mut Catalog),
) -> bool {
    let lib = library();
    let Some(mine) = lib.catalog.get_untracked() else {
        return false;
    };
    let mut change = Some(change);
    let mut changed = None;
    let result = store::write_with_catalog(&puts, &removes, |stored| {
        let mut catalog = match stored.as_deref().map(Catalog::read) {
            Some(Ok(theirs)) => mine.rebased(theirs),
            _ => mine.clone(),
        };
        if let Some(change) = change.take() {
            change(&mut catalog);
        }
        let text = catalog.write();
        changed = Some(catalog);
        text
    })
    .await;
    let catalog = changed.unwrap_or_else(|| {
        // No store: the change is this page's alone.
        let mut catalog = mine;
        if let Some(change) = change.take() {
            change(&mut catalog);
        }
        catalog
    });
    lib.catalog.set(Some(catalog));
    let ok = stored(&lib, result);
    if ok {
        let _ = storage::write(LIBRARY_KEY, &now().to_string());
    }
    ok
}

fn stored(lib: &Library, result: Result<(), StoreError>) -> bool {
    match result {
        Ok(()) => {
            if lib.status.get_untracked() != LibraryStatus::Ready {
                lib.status.set(LibraryStatus::Ready);
            }
            true
        }
        Err(StoreError::Unavailable) => {
            lib.status.set(LibraryStatus::Unavailable);
            false
        }
        Err(error) => {
            lib.status.set(LibraryStatus::NotSaved(error));
            false
        }
    }
}

/// Other work is on screen: the outgoing work is stored under its id (with its record count),
/// and the new work, when it has no id (a file just opened), becomes an entry.
async fn replaced(state: BoardState, outgoing: Option<Outgoing>) {
    let lib = library();
    let mut puts = Vec::new();
    let mut records = None;
    if let Some(out) = outgoing {
        // The comparison reads the stored copy: it is this one from now on.
        lib.sides.update(|s| {
            s.remove(&out.id);
        });
        records = Some((out.id.clone(), out.records));
        puts.push((work_key(&out.id), out.text));
    }
    if lib.catalog.with_untracked(Option::is_none) {
        if !puts.is_empty() {
            let _ = store::write(&puts, &[]).await;
        }
        return;
    }
    let had_id = state.library_id.get_untracked().is_some();
    commit(puts, Vec::new(), |c| {
        if let Some((id, n)) = records
            && let Some(entry) = c.entry_mut(&id)
        {
            entry.records = n;
        }
        note_on_screen(state, c);
    })
    .await;
    if !had_id {
        state.save();
    }
}

/// Puts a dataset of the library on screen.
async fn open(state: BoardState, id: String) {
    let lib = library();
    if state.library_id.get_untracked().as_deref() == Some(id.as_str())
        || lib
            .catalog
            .with_untracked(|c| c.as_ref().and_then(|c| c.entry(&id)).is_none())
    {
        return;
    }
    match read_work(&id).await {
        Ok((editor, source_name)) => state.show_library_work(editor, source_name, id),
        Err(error) => {
            lib.status.set(LibraryStatus::NotSaved(error));
        }
    }
}

/// A dataset's stored work: its editor and where it came from. The built-in report without
/// stored work is the report as compiled in. Work that cannot be read is kept aside.
async fn read_work(id: &str) -> Result<(crate::domain::edit::Editor, Option<String>), StoreError> {
    let text = store::read(&work_key(id)).await?;
    match text {
        None if id == BUILTIN_ID => Ok((
            crate::domain::edit::Editor::new(builtin::report_2021()),
            None,
        )),
        None => Err(StoreError::NotWritten(format!("no work stored for {id}"))),
        Some(text) => match saved::read(&text) {
            Ok(work) => Ok((work.editor, work.source_name)),
            Err(_) => {
                let key = format!("{SET_ASIDE_PREFIX}{id}.{}", now() as u64);
                let _ = store::write(&[(key.clone(), text)], &[]).await;
                Err(StoreError::NotWritten(format!(
                    "the stored work of {id} is damaged; it was kept as {key}"
                )))
            }
        },
    }
}

/// Removes a dataset (never the one on screen), keeping it in memory so that the session can
/// take it back.
async fn remove(state: BoardState, id: String) {
    let lib = library();
    if state.library_id.get_untracked().as_deref() == Some(id.as_str()) {
        return;
    }
    let work = store::read(&work_key(&id)).await.ok().flatten();
    let mut taken = None;
    commit(Vec::new(), vec![work_key(&id)], |c| {
        taken = c.remove(&id);
    })
    .await;
    if let Some((place, entry)) = taken {
        lib.removed
            .update(|r| r.push(Removed { place, entry, work }));
        lib.sides.update(|s| {
            s.remove(&id);
        });
        // A comparison of the removed dataset closes.
        if state
            .view
            .with_untracked(|v| v.compare.as_ref().is_some_and(|c| c.a == id || c.b == id))
        {
            state.view.update(|v| v.compare = None);
        }
    }
}

/// Hands the user a dataset of the library as JSON (edits included).
async fn export(state: BoardState, id: String) {
    let title = library().catalog.with_untracked(|c| {
        c.as_ref()
            .and_then(|c| c.entry(&id))
            .map(|e| e.title.clone())
            .unwrap_or_default()
    });
    let json = if state.library_id.get_untracked().as_deref() == Some(id.as_str()) {
        state.dataset.with_untracked(Dataset::to_json_pretty)
    } else {
        match read_work(&id).await {
            Ok((editor, _)) => editor.dataset().to_json_pretty(),
            Err(error) => {
                library().status.set(LibraryStatus::NotSaved(error));
                return;
            }
        }
    };
    let name = crate::domain::table::file_name(&title, &crate::web::download::today(), "json");
    crate::web::download::download(&name, "application/json", json.as_bytes());
}

/// Reads a dataset for the comparison (once; the one on screen is read live from the board).
async fn load_side(id: String) {
    let lib = library();
    if lib.sides.with_untracked(|s| s.contains_key(&id)) {
        return;
    }
    lib.sides.update(|s| {
        s.insert(id.clone(), Side::Loading);
    });
    let side = match read_work(&id).await {
        Ok((editor, _)) => Side::Ready(Shared::new(editor.dataset().clone())),
        Err(_) => Side::Unreadable,
    };
    let school = match &side {
        Side::Ready(data) => institution_of(data),
        _ => None,
    };
    lib.sides.update(|s| {
        s.insert(id.clone(), side);
    });
    // Entries of the library's first version did not keep the school.
    let unnamed = lib.catalog.with_untracked(|c| {
        c.as_ref()
            .and_then(|c| c.entry(&id))
            .is_some_and(|e| e.institution.is_none())
    });
    if let Some(school) = school
        && unnamed
    {
        commit(Vec::new(), Vec::new(), |c| {
            if let Some(entry) = c.entry_mut(&id) {
                entry.institution = Some(school);
            }
        })
        .await;
    }
}

/// Puts the style sheet of the library's and the comparison's views in the page, once (it is
/// theirs alone, so it comes with their chunk rather than with the first load's sheet).
pub fn add_styles() {
    crate::web::sheets::add(crate::web::sheets::LIBRARY);
}
