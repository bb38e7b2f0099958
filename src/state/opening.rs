//! Opening files: a file's bytes read as a dataset or sent to the import worker, the preview's
//! changes and its confirmation, a dataset put on screen (asking first over edited work), and
//! a refusal with every reason.

use leptos::prelude::*;

use super::store::{BoardState, Notice, RefusedFile};
use crate::domain::edit::Editor;
use crate::domain::error::Problem;
use crate::domain::import::session::Both;
use crate::domain::import::{Reply, Request, is_workbook};
use crate::domain::parse::parse_dataset_bytes;
use crate::domain::share::{self, LinkProblem};
use crate::domain::table::looks_like_table;
use crate::domain::view::ViewState;
use crate::domain::{Dataset, DatasetError, Lang};

impl BoardState {
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
        // The reader of tables and workbooks runs in a worker, which a `file://` page cannot
        // start: a standalone file says so, and what it can open.
        if crate::web::standalone::is_standalone() {
            let problem = Problem::Import {
                zh: crate::domain::standalone::TABLES_NEED_THE_BOARD
                    .0
                    .to_string(),
                en: crate::domain::standalone::TABLES_NEED_THE_BOARD
                    .1
                    .to_string(),
            };
            return self.refuse(name, vec![DatasetError::whole_file(problem)]);
        }
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

impl BoardState {
    /// A link's data, opened as a file is (asking first over edited work; it joins the
    /// library), on the view the link was copied with. A damaged or cut-off link is refused
    /// and changes nothing. The fragment leaves the address once read, so that a reload does
    /// not open it again.
    pub async fn open_link(&self, fragment: &str) {
        let Some(bytes) = share::compressed_in(fragment) else {
            return;
        };
        crate::web::address::drop_fragment();
        let bytes = match bytes {
            Ok(bytes) => bytes,
            Err(problem) => return self.refuse_link(problem),
        };
        let text = crate::web::compress::inflate(&bytes)
            .await
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok());
        let Some(text) = text else {
            return self.refuse_link(LinkProblem::NotEncoded);
        };
        let Ok((query, json)) = share::read_payload(&text) else {
            return self.refuse_link(LinkProblem::NotData);
        };
        match crate::domain::parse_dataset(json) {
            Ok(dataset) => {
                let name = dataset.title.clone();
                if self.open_dataset(&name, dataset) {
                    self.view.set(ViewState::from_query(query));
                }
            }
            Err(errors) => self.refuse(&self.link_name(), errors),
        }
    }

    fn link_name(&self) -> String {
        self.lang
            .get_untracked()
            .pick("链接中的数据", "The data in the link")
            .to_string()
    }

    /// A link whose data cannot be read: nothing changes, and the user is told why.
    fn refuse_link(&self, problem: LinkProblem) {
        let problem = Problem::Import {
            zh: problem.message(Lang::Zh).to_string(),
            en: problem.message(Lang::En).to_string(),
        };
        self.refuse(&self.link_name(), vec![DatasetError::whole_file(problem)]);
    }
}

/// The worker's reasons, as problems of the whole file.
fn imported_problems(reasons: Vec<Both>) -> Vec<DatasetError> {
    reasons
        .into_iter()
        .map(|Both { zh, en }| DatasetError::whole_file(Problem::Import { zh, en }))
        .collect()
}
