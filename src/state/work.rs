//! The stored work: the work's life in the browser. `start` (restore it, or keep an unreadable
//! value aside), `edit` (change, then save at once), `save` (never over another tab's newer
//! work), another tab's save taken, the previous work kept and restored, and every replacement
//! of the work on screen handing the outgoing work to the library.

use leptos::prelude::*;

use super::library::{self, Action, Outgoing};
use super::store::{BoardState, Notice, PreviousWork, SaveStatus, Shared};
use crate::domain::Dataset;
use crate::domain::edit::Editor;
use crate::domain::saved::{self, LoadedJson, Origin, Unreadable};
use crate::domain::view::ViewState;
use crate::web::storage::{self, PREVIOUS_KEY, SESSION_KEY, SET_ASIDE_PREFIX, WriteError};

impl BoardState {
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
    pub(super) fn keep_as_previous(&self) {
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

    /// The work on screen as a standalone file carries it: the envelope the browser stores, of
    /// the data on screen (edits included, but not their history: what was changed or deleted
    /// before it was sent is not the recipient's to undo, as a link or a JSON file does not
    /// carry it either), on this view (but not the comparison, which names datasets of this
    /// browser's library) and without a library id (the recipient's library is their own).
    pub fn work_to_send(&self) -> String {
        let view = ViewState {
            compare: None,
            ..self.view.get_untracked()
        };
        let query = self
            .index
            .with_untracked(|index| crate::web::address::query_of(&view, index));
        let editor = Editor::new(self.dataset.with_untracked(Dataset::clone));
        saved::write(
            &LoadedJson::of(&editor),
            &editor,
            Origin {
                source_name: self.source_name.get_untracked().as_deref(),
                library_id: None,
            },
            &query,
            0,
            js_sys::Date::now(),
        )
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
    pub(super) fn replace(
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
