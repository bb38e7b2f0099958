//! The app's reactive state: the dataset on screen and its edits, what the user is looking at
//! (the view), the errors of the last file that could not be opened, whether the work is saved
//! in the browser, and everything derived from them, as memos computed once per change and read
//! by the components.

pub mod charts;
pub mod library;

use std::ops::Deref;
use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::edit::{Change, Editor};
use crate::domain::error::Problem;
use crate::domain::import::session::Both;
use crate::domain::import::{Preview, Reply, Request, is_workbook};
use crate::domain::index::{DatasetIndex, FacetCounts, Membership, Selection};
use crate::domain::link::DatasetLink;
use crate::domain::parse::parse_dataset_bytes;
use crate::domain::saved::{self, LoadedJson, Origin, Unreadable};
use crate::domain::summary::summarize;
use crate::domain::table::looks_like_table;
use crate::domain::view::ViewState;
use crate::domain::{Dataset, DatasetError, Lang, Totals};
use crate::web::storage::{self, PREVIOUS_KEY, SESSION_KEY, SET_ASIDE_PREFIX, WriteError};
use library::{Action, Outgoing};

/// A file the user tried to open and that was refused, with every reason.
#[derive(Clone, Debug, PartialEq)]
pub struct RefusedFile {
    pub name: String,
    pub errors: Vec<DatasetError>,
}

/// A large derived value shared by reference. Two are equal only when they are the same
/// allocation, so a memo holding one never compares 100,000 records to decide it changed.
#[derive(Debug)]
pub struct Shared<T>(Arc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Self {
        Shared(Arc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// The dataset on screen: the editor's current data, read like a signal.
#[derive(Clone, Copy)]
pub struct DatasetSignal(RwSignal<Editor>);

impl DatasetSignal {
    pub fn with<R>(&self, f: impl FnOnce(&Dataset) -> R) -> R {
        self.0.with(|editor| f(editor.dataset()))
    }

    pub fn with_untracked<R>(&self, f: impl FnOnce(&Dataset) -> R) -> R {
        self.0.with_untracked(|editor| f(editor.dataset()))
    }
}

/// Whether the work on screen is kept in the browser.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// Nothing edited or opened since the page was loaded: nothing to save yet.
    Unchanged,
    Saved,
    /// The last write failed: the work is only in this page.
    NotSaved(WriteError),
    /// A stored value could not be read nor kept aside: it is left untouched, and nothing is
    /// written over it in this session.
    Held,
}

/// Something the user should know about their stored work, shown until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// The stored work could not be read; it was kept under `key` (or, when `key` is `None`,
    /// left where it was) and the built-in data is on screen.
    SetAside {
        key: Option<String>,
        reason: Unreadable,
    },
    /// Another tab saved newer work, which is now on screen.
    Synced,
    /// Another tab saved while this one had work of its own: that tab's work is on screen, and
    /// this tab's is kept as the previous work.
    Conflict,
    /// A dataset was opened over edited work, which is kept as the previous work.
    Replaced,
}

/// The work that was on screen before another dataset replaced it.
#[derive(Clone, Debug)]
pub struct PreviousWork {
    pub editor: Editor,
    pub source_name: Option<String>,
    /// Which dataset of the library it is.
    pub library_id: Option<String>,
}

/// What saving needs between saves.
#[derive(Default)]
struct SaveState {
    /// The dataset as loaded, as JSON, written once per load.
    loaded: Option<LoadedJson>,
    /// The revision of the last envelope this tab wrote or read.
    revision: u64,
    /// A stored value could not be set aside: never write over it.
    held: bool,
}

/// Everything the board shows, shared by its components through context.
#[derive(Clone, Copy)]
pub struct BoardState {
    /// The dataset as loaded, as edited, and the history between them.
    pub editor: RwSignal<Editor>,
    pub dataset: DatasetSignal,
    /// Every difference from the dataset as loaded (the toolbar counts them, the changes
    /// panel lists them).
    pub changes: Memo<Vec<Change>>,
    /// Where the dataset on screen came from: `None` for the built-in report.
    pub source_name: RwSignal<Option<String>>,
    /// The last refused file; `None` once the user dismisses it or opens a good one.
    pub refused: RwSignal<Option<RefusedFile>>,
    pub lang: RwSignal<Lang>,
    /// Filters, grouping, rate definition, whiskers: what the address records.
    pub view: RwSignal<ViewState>,
    /// Built once per dataset.
    pub index: Memo<Shared<DatasetIndex>>,
    /// The records that pass the filter, in data order.
    pub matching: Memo<Shared<Vec<u32>>>,
    pub membership: Memo<Shared<Membership>>,
    /// How many records each filter value would match now.
    pub facets: Memo<Shared<FacetCounts>>,
    /// Totals of the matching records.
    pub totals: Memo<Totals>,
    /// The matching records summed up in the report's words, in the interface language: the
    /// summary shows it, and every chart and slide has it as its description.
    pub summary: Memo<String>,
    pub save_status: RwSignal<SaveStatus>,
    pub notice: RwSignal<Option<Notice>>,
    pub previous: RwSignal<Option<Shared<PreviousWork>>>,
    /// Which dataset is on screen, as a copied link names it (set whenever other data is put
    /// on screen; edits do not change it).
    pub link: RwSignal<DatasetLink>,
    /// The dataset a link opened in this browser named but that is not here.
    pub link_missing: RwSignal<Option<DatasetLink>>,
    /// A table waiting in the preview (a workbook, or other headings than the report's), as
    /// the import worker reads it: nothing changes until it is confirmed.
    pub import: RwSignal<Option<Preview>>,
    /// The file the import worker is reading (the page shows that it is).
    pub import_busy: RwSignal<Option<String>>,
    /// A change or a confirm of the preview waits for the worker: the preview's buttons wait
    /// too, so that a second click does not make the worker hand a large table over twice.
    pub import_waiting: RwSignal<bool>,
    /// A part of the page's code could not be fetched for what the user asked (no network,
    /// or a deployment replaced it): the page says so until dismissed.
    pub unavailable: RwSignal<bool>,
    /// Which dataset of the library is on screen (`None` until the library has given it an
    /// id); saved with the work.
    pub library_id: RwSignal<Option<String>>,
    saving: StoredValue<SaveState>,
}

impl BoardState {
    pub fn new(dataset: Dataset, view: ViewState) -> Self {
        let link = RwSignal::new(DatasetLink::of(&dataset));
        let editor = RwSignal::new(Editor::new(dataset));
        let dataset = DatasetSignal(editor);
        let view = RwSignal::new(view);
        let index = Memo::new(move |_| dataset.with(|d| Shared::new(DatasetIndex::new(d))));
        // One scan gives both the matches and the facet counts.
        let evaluation = Memo::new(move |_| {
            index.with(|index| {
                view.with(|v| {
                    let (matching, facets) = index.evaluate(&v.filter);
                    (Shared::new(matching), Shared::new(facets))
                })
            })
        });
        let matching = Memo::new(move |_| evaluation.with(|e| e.0.clone()));
        let facets = Memo::new(move |_| evaluation.with(|e| e.1.clone()));
        let membership = Memo::new(move |_| {
            matching.with(|m| Shared::new(Membership::new(index.with(|i| i.record_count()), m)))
        });
        let totals =
            Memo::new(move |_| dataset.with(|d| index.with(|i| matching.with(|m| i.totals(d, m)))));
        let lang = RwSignal::new(Lang::Zh);
        let summary = Memo::new(move |_| {
            let lang = lang.get();
            with_selection(dataset, index, matching, membership, totals, |selection| {
                summarize(selection, lang).text
            })
        });
        BoardState {
            editor,
            dataset,
            changes: Memo::new(move |_| editor.with(Editor::changes)),
            source_name: RwSignal::new(None),
            refused: RwSignal::new(None),
            lang,
            view,
            index,
            matching,
            membership,
            totals,
            facets,
            summary,
            save_status: RwSignal::new(SaveStatus::Unchanged),
            notice: RwSignal::new(None),
            previous: RwSignal::new(None),
            link,
            link_missing: RwSignal::new(None),
            import: RwSignal::new(None),
            import_busy: RwSignal::new(None),
            import_waiting: RwSignal::new(false),
            unavailable: RwSignal::new(false),
            library_id: RwSignal::new(None),
            saving: StoredValue::new(SaveState::default()),
        }
    }

    /// Puts other work on screen, with where it came from.
    fn put_on_screen(&self, editor: Editor, source_name: Option<String>) {
        self.link.set(DatasetLink::of(editor.original()));
        self.editor.set(editor);
        self.source_name.set(source_name);
    }

    /// A link opened here named `wanted`: when that is not the data on screen, the filters
    /// (which named its values) are cleared, and the page says what is missing.
    pub fn check_link(&self, wanted: DatasetLink) {
        if wanted.names(&self.link.get_untracked()) {
            return;
        }
        self.view.update(|v| v.filter = Default::default());
        self.link_missing.set(Some(wanted));
    }

    /// The state the page starts with: the work saved in this browser if there is any and it
    /// can be read, else the built-in dataset. A stored value that cannot be read is kept
    /// aside under another key, never overwritten, and the user is told.
    ///
    /// `stored` is the stored work and what [`read_stored`] made of it (read before: the reader
    /// loads on demand, and only when there is work stored).
    pub fn start(
        stored: Option<(String, Result<saved::Saved, Unreadable>)>,
        builtin: impl FnOnce() -> Dataset,
        address_view: ViewState,
        address_names_view: bool,
    ) -> Self {
        let (stored, restored) = match stored {
            Some((text, restored)) => (Some(text), Some(restored)),
            None => (None, None),
        };
        match restored {
            Some(Ok(work)) => {
                let view = if address_names_view {
                    address_view
                } else {
                    ViewState::from_query(&work.view_query)
                };
                let state = BoardState::new(Dataset::default(), view);
                state.library_id.set(work.library_id);
                state.put_on_screen(work.editor, work.source_name);
                state.saving.update_value(|s| s.revision = work.revision);
                state
            }
            Some(Err(reason)) => {
                let state = BoardState::new(builtin(), address_view);
                let text = stored.unwrap_or_default();
                let key = format!("{SET_ASIDE_PREFIX}{}", js_sys::Date::now() as u64);
                match storage::write(&key, &text) {
                    Ok(()) => state.notice.set(Some(Notice::SetAside {
                        key: Some(key),
                        reason,
                    })),
                    Err(_) => {
                        state.saving.update_value(|s| s.held = true);
                        state.save_status.set(SaveStatus::Held);
                        state
                            .notice
                            .set(Some(Notice::SetAside { key: None, reason }));
                    }
                }
                state
            }
            None => BoardState::new(builtin(), address_view),
        }
    }

    /// Makes the state available to every component below.
    pub fn provide(self) -> Self {
        provide_context(self);
        crate::on_demand::serve(crate::on_demand::OnDemandPage {
            lang: self.lang,
            unavailable: self.unavailable,
        });
        self
    }

    /// The state provided by [`BoardState::provide`].
    pub fn expect() -> Self {
        expect_context::<BoardState>()
    }

    /// Runs `f` on the records the filter lets through. Tracked: inside a memo or an effect it
    /// follows every change of the data and the filter.
    pub fn with_selection<R>(&self, f: impl FnOnce(Selection) -> R) -> R {
        with_selection(
            self.dataset,
            self.index,
            self.matching,
            self.membership,
            self.totals,
            f,
        )
    }

    /// Text in the interface language, for a view or an attribute:
    /// `{state.tr("筛选", "Filters")}`.
    pub fn tr(
        self,
        zh: &'static str,
        en: &'static str,
    ) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        let lang = self.lang;
        move || lang.get().pick(zh, en)
    }

    /// Changes the data through the editor, then saves. Returns what `change` returned.
    pub fn edit<R>(&self, change: impl FnOnce(&mut Editor) -> R) -> R {
        let mut result = None;
        self.editor.update(|editor| result = Some(change(editor)));
        self.save();
        result.expect("update ran")
    }

    /// Writes the work into the browser at once. Another tab's newer work is never written
    /// over: it is taken instead, and this tab's is kept as the previous work.
    pub fn save(&self) {
        if !storage::available() {
            self.save_status
                .set(SaveStatus::NotSaved(WriteError::Unavailable));
            return;
        }
        if self.saving.with_value(|s| s.held) {
            self.save_status.set(SaveStatus::Held);
            return;
        }
        let ours = self.saving.with_value(|s| s.revision);
        let stored_text = storage::read(SESSION_KEY);
        let stored = stored_text.as_deref().and_then(saved::revision_of);
        if let Some(theirs) = stored
            && theirs > ours
            && let Some(Ok(work)) = stored_text.as_deref().map(saved::read)
        {
            self.keep_as_previous();
            self.take(work);
            self.notice.set(Some(Notice::Conflict));
            return;
        }
        let revision = ours.max(stored.unwrap_or(0)) + 1;
        let text = self.editor.with_untracked(|editor| {
            self.saving.update_value(|s| {
                if s.loaded.is_none() {
                    s.loaded = Some(LoadedJson::of(editor));
                }
            });
            self.saving.with_value(|s| {
                saved::write(
                    s.loaded.as_ref().expect("just written"),
                    editor,
                    Origin {
                        source_name: self.source_name.get_untracked().as_deref(),
                        library_id: self.library_id.get_untracked().as_deref(),
                    },
                    &self.index.with_untracked(|index| {
                        crate::web::address::query_of(&self.view.get_untracked(), index)
                    }),
                    revision,
                    js_sys::Date::now(),
                )
            })
        });
        match storage::write(SESSION_KEY, &text) {
            Ok(()) => {
                self.saving.update_value(|s| s.revision = revision);
                self.save_status.set(SaveStatus::Saved);
            }
            Err(error) => self.save_status.set(SaveStatus::NotSaved(error)),
        }
    }

    /// Another tab saved: take its work if it is newer than ours and ours is saved.
    pub fn on_stored_elsewhere(&self, text: &str) {
        let (state, text) = (*self, text.to_string());
        crate::on_demand::run(async move { take_stored_elsewhere(state, text).await });
    }

    fn take_stored_elsewhere(&self, text: &str) {
        let Ok(work) = saved::read(text) else {
            return;
        };
        if work.revision <= self.saving.with_value(|s| s.revision) {
            return;
        }
        let ours_unsaved = matches!(self.save_status.get_untracked(), SaveStatus::NotSaved(_));
        if ours_unsaved {
            self.keep_as_previous();
            self.notice.set(Some(Notice::Conflict));
        } else {
            self.notice.set(Some(Notice::Synced));
        }
        self.take(work);
        self.save_status.set(SaveStatus::Saved);
    }

    fn take(&self, work: saved::Saved) {
        self.saving.update_value(|s| {
            s.revision = work.revision;
            s.loaded = None;
        });
        self.library_id.set(work.library_id);
        self.put_on_screen(work.editor, work.source_name);
        // Another tab may have opened or changed datasets of the library.
        self.reread_library();
    }

    /// Another tab changed the library: its list is read again (where it has started).
    pub fn reread_library(&self) {
        crate::on_demand::run(library::act(*self, Action::Reread));
    }

    /// Keeps the work on screen as the previous work, in memory and, when it fits, in the
    /// browser.
    fn keep_as_previous(&self) {
        let editor = self.editor.get_untracked();
        let source_name = self.source_name.get_untracked();
        let library_id = self.library_id.get_untracked();
        let text = saved::write(
            &LoadedJson::of(&editor),
            &editor,
            Origin {
                source_name: source_name.as_deref(),
                library_id: library_id.as_deref(),
            },
            "",
            0,
            js_sys::Date::now(),
        );
        // Best effort: the copy in memory is what "restore" uses in this session.
        let _ = storage::write(PREVIOUS_KEY, &text);
        self.previous.set(Some(Shared::new(PreviousWork {
            editor,
            source_name,
            library_id,
        })));
    }

    /// The work on screen as the library stores it: its id and its envelope (`None` before
    /// the library has given it an id).
    pub fn work_envelope(&self) -> Option<Outgoing> {
        let id = self.library_id.get_untracked()?;
        let records = self.dataset.with_untracked(|d| d.records.len());
        let text = self.editor.with_untracked(|editor| {
            saved::write(
                &LoadedJson::of(editor),
                editor,
                Origin {
                    source_name: self.source_name.get_untracked().as_deref(),
                    library_id: Some(&id),
                },
                "",
                0,
                js_sys::Date::now(),
            )
        });
        Some(Outgoing { id, text, records })
    }

    /// Puts a dataset of the library on screen (the library calls this; the work it
    /// replaces is kept in the library first).
    pub fn show_library_work(&self, editor: Editor, source_name: Option<String>, id: String) {
        self.replace(editor, source_name, true, Some(id));
    }

    /// Puts the previous work back on screen; the work it replaces becomes the previous one.
    pub fn restore_previous(&self) {
        let Some(previous) = self.previous.get_untracked() else {
            return;
        };
        self.keep_as_previous();
        self.replace(
            previous.editor.clone(),
            previous.source_name.clone(),
            true,
            previous.library_id.clone(),
        );
        self.notice.set(None);
    }

    /// Puts other work on screen. The filters named the old data's values: they are cleared
    /// unless `clear_filter` is false. The work it replaces stays in the library; work without
    /// a library id (a file just opened) becomes a dataset of the library.
    fn replace(
        &self,
        editor: Editor,
        source_name: Option<String>,
        clear_filter: bool,
        library_id: Option<String>,
    ) {
        let outgoing = self.work_envelope();
        self.saving.update_value(|s| s.loaded = None);
        self.library_id.set(library_id);
        self.put_on_screen(editor, source_name);
        self.link_missing.set(None);
        if clear_filter {
            self.view.update(|v| v.filter = Default::default());
        }
        self.save();
        crate::on_demand::run(library::act(*self, Action::Replaced { outgoing }));
    }

    /// Whether the data on screen differs from the dataset as loaded.
    pub fn has_edits(&self) -> bool {
        self.editor.with_untracked(Editor::can_undo)
            && self.changes.with_untracked(|c| !c.is_empty())
    }

    /// Opens a file's bytes (JSON, a CSV / TSV table, or a workbook). A valid dataset replaces
    /// the one on screen (and the filters, which named the old data's values, are cleared);
    /// when the data on screen has edits the user is asked first, and the edited work is kept
    /// as the previous work. Tables and workbooks are read by the import worker: one under the
    /// report's own headings opens as a dataset does, any other goes to the preview and changes
    /// nothing until confirmed there. A bad file changes nothing and is kept, with all its
    /// errors, for the user to read. Returns whether it opened (now: a table answers later).
    pub fn open_file(&self, name: &str, bytes: &[u8]) -> bool {
        if is_workbook(name, bytes) || looks_like_table(name, bytes) {
            self.import(name, bytes);
            return false;
        }
        match parse_dataset_bytes(bytes) {
            Ok(dataset) => self.open_dataset(name, dataset),
            Err(errors) => {
                self.refuse(name, errors);
                false
            }
        }
    }

    fn refuse(&self, name: &str, errors: Vec<DatasetError>) {
        self.refused.set(Some(RefusedFile {
            name: name.to_string(),
            errors,
        }));
    }

    /// Sends a workbook or a table to the import worker: its preview replaces any other, a
    /// table under the report's own headings opens, and a file it cannot read is refused with
    /// the worker's reasons. Nothing on screen changes until then.
    fn import(&self, name: &str, bytes: &[u8]) {
        let lang = self.lang.get_untracked();
        let title = name
            .rsplit_once('.')
            .map_or(name, |(stem, _)| stem)
            .trim()
            .to_string();
        let title = if title.is_empty() {
            lang.pick("表格", "Table").to_string()
        } else {
            title
        };
        let current = self
            .dataset
            .with_untracked(|dataset| serde_json::to_string(dataset).ok());
        let request = Request::Open {
            name: name.to_string(),
            title,
            current,
        };
        self.import_busy.set(Some(name.to_string()));
        let state = *self;
        let name = name.to_string();
        crate::import_client::ask(&request, Some(bytes), move |reply| {
            state.import_busy.set(None);
            match reply {
                Ok(Reply::Preview(preview)) => {
                    state.refused.set(None);
                    state.import.set(Some(*preview));
                }
                Ok(Reply::Dataset(json)) => state.open_reply(&name, &json),
                Ok(Reply::Refused(reasons)) => state.refuse(&name, imported_problems(reasons)),
                Err(crate::import_client::Stopped::Cancelled) => {}
                Err(stopped) => {
                    state.refuse(&name, vec![DatasetError::whole_file(stopped.problem())])
                }
            }
        });
    }

    /// A dataset the worker read (from the page's point of view, a file like any other: it is
    /// checked again by the same validating reader).
    fn open_reply(&self, name: &str, json: &str) {
        match crate::domain::parse_dataset(json) {
            Ok(dataset) => {
                self.open_dataset(name, dataset);
            }
            Err(errors) => self.refuse(name, errors),
        }
    }

    /// A change to the table in the preview (its sheet, a column's field): the worker reads it
    /// again and the preview shows the new reading.
    pub fn revise_import(&self, request: Request) {
        let state = *self;
        self.import_waiting.set(true);
        crate::import_client::ask(&request, None, move |reply| {
            state.preview_answer(reply, false)
        });
    }

    /// Opens what the preview shows (`merge`: merged into the data on screen, one step that
    /// undo takes back).
    pub fn confirm_import(&self, merge: bool) {
        if self.import_waiting.get_untracked() {
            return;
        }
        let state = *self;
        self.import_waiting.set(true);
        let request = if merge {
            Request::TakeMerge
        } else {
            Request::Take
        };
        crate::import_client::ask(&request, None, move |reply| {
            state.preview_answer(reply, merge)
        });
    }

    fn preview_answer(&self, reply: Result<Reply, crate::import_client::Stopped>, merge: bool) {
        self.import_waiting.set(false);
        let Some(name) = self
            .import
            .with_untracked(|p| p.as_ref().map(|p| p.name.clone()))
        else {
            return;
        };
        let problems = match reply {
            Ok(Reply::Preview(preview)) => {
                self.import.set(Some(*preview));
                return;
            }
            Ok(Reply::Dataset(json)) if merge => match crate::domain::parse_dataset(&json) {
                Ok(dataset) => {
                    self.edit(|editor| editor.update_all(dataset.records));
                    self.import.set(None);
                    return;
                }
                Err(errors) => errors,
            },
            Ok(Reply::Dataset(json)) => {
                self.open_reply(&name, &json);
                return;
            }
            Ok(Reply::Refused(reasons)) => imported_problems(reasons),
            Err(crate::import_client::Stopped::Cancelled) => {
                self.import.set(None);
                return;
            }
            Err(stopped) => vec![DatasetError::whole_file(stopped.problem())],
        };
        // The worker has lost the table (it failed, or was restarted): the preview goes too.
        self.import.set(None);
        self.refuse(&name, problems);
    }

    /// Puts a dataset read from a file (or confirmed in the preview) on screen, asking first
    /// when the data on screen has edits (which are then kept as the previous work). Returns
    /// whether it opened.
    pub fn open_dataset(&self, name: &str, dataset: Dataset) -> bool {
        let lang = self.lang.get_untracked();
        if self.has_edits() {
            let changes = self.changes.with_untracked(Vec::len);
            let question = match lang {
                Lang::Zh => format!(
                    "当前数据有 {changes} 处修改。打开“{name}”会替换当前数据；当前数据（连同修改）会保留在数据集列表中，也会保留为“上一份数据”，可以随时恢复。\n\n继续打开吗？"
                ),
                Lang::En => format!(
                    "The data on screen has {}. Opening “{name}” replaces it; the data on screen (with its changes) stays in the dataset list and is kept as the “previous data”, to restore at any time.\n\nOpen it?",
                    crate::domain::figures::count_noun(changes as u64, "change", "changes")
                ),
            };
            let confirmed = window().confirm_with_message(&question).unwrap_or(false);
            if !confirmed {
                return false;
            }
            self.keep_as_previous();
            self.notice.set(Some(Notice::Replaced));
        }
        self.refused.set(None);
        self.import.set(None);
        // The same file again (a reload with `?data=`) keeps the filters.
        let same = self.source_name.get_untracked().as_deref() == Some(name);
        let id = if same {
            self.library_id.get_untracked()
        } else {
            None
        };
        self.replace(Editor::new(dataset), Some(name.to_string()), !same, id);
        true
    }

    /// A file the browser could not read: nothing changes, and the user is told.
    pub fn refuse_unreadable(&self, name: &str) {
        self.refused.set(Some(RefusedFile {
            name: name.to_string(),
            errors: vec![DatasetError::whole_file(Problem::Unreadable)],
        }));
    }
}

crate::on_demand! { work:
    /// Reads the work stored in this browser (the envelope, its history replayed).
    pub fn read_stored(text: String) -> Result<saved::Saved, Unreadable> {
        saved::read(&text)
    }
}

crate::on_demand! { work:
    fn take_stored_elsewhere(state: BoardState, text: String) -> () {
        state.take_stored_elsewhere(&text)
    }
}

/// The worker's reasons, as problems of the whole file.
fn imported_problems(reasons: Vec<Both>) -> Vec<DatasetError> {
    reasons
        .into_iter()
        .map(|Both { zh, en }| DatasetError::whole_file(Problem::Import { zh, en }))
        .collect()
}

/// The selection read from the state's memos (see [`BoardState::with_selection`]).
fn with_selection<R>(
    dataset: DatasetSignal,
    index: Memo<Shared<DatasetIndex>>,
    matching: Memo<Shared<Vec<u32>>>,
    membership: Memo<Shared<Membership>>,
    totals: Memo<Totals>,
    f: impl FnOnce(Selection) -> R,
) -> R {
    dataset.with(|dataset| {
        index.with(|index| {
            matching.with(|matching| {
                membership.with(|members| {
                    totals.with(|totals| {
                        f(Selection {
                            dataset,
                            index,
                            matching,
                            members,
                            totals,
                        })
                    })
                })
            })
        })
    })
}
