//! The app's reactive state: the dataset on screen, the errors of the last file that could not
//! be opened, and the figures derived from them (as memos, computed once per change).

use leptos::prelude::*;

use crate::domain::error::Problem;
use crate::domain::parse::parse_dataset_bytes;
use crate::domain::{Dataset, DatasetError, Lang, Reconciliation, Totals, reconcile};

/// A file the user tried to open and that was refused, with every reason.
#[derive(Clone, Debug, PartialEq)]
pub struct RefusedFile {
    pub name: String,
    pub errors: Vec<DatasetError>,
}

/// Everything the board shows, shared by its components through context.
#[derive(Clone, Copy)]
pub struct BoardState {
    pub dataset: RwSignal<Dataset>,
    /// Where the dataset on screen came from: `None` for the built-in report.
    pub source_name: RwSignal<Option<String>>,
    /// The last refused file; `None` once the user dismisses it or opens a good one.
    pub refused: RwSignal<Option<RefusedFile>>,
    pub lang: RwSignal<Lang>,
    pub totals: Memo<Totals>,
    pub reconciliation: Memo<Reconciliation>,
}

impl BoardState {
    pub fn new(dataset: Dataset) -> Self {
        let dataset = RwSignal::new(dataset);
        BoardState {
            dataset,
            source_name: RwSignal::new(None),
            refused: RwSignal::new(None),
            lang: RwSignal::new(Lang::Zh),
            totals: Memo::new(move |_| dataset.with(|d| Totals::of(&d.records))),
            reconciliation: Memo::new(move |_| dataset.with(reconcile)),
        }
    }

    /// Makes the state available to every component below.
    pub fn provide(self) -> Self {
        provide_context(self);
        self
    }

    /// The state provided by [`BoardState::provide`].
    pub fn expect() -> Self {
        expect_context::<BoardState>()
    }

    /// Opens a file's bytes: a valid dataset replaces the one on screen; a bad one changes
    /// nothing and is kept, with all its errors, for the user to read. Returns whether it opened.
    pub fn open_file(&self, name: &str, bytes: &[u8]) -> bool {
        match parse_dataset_bytes(bytes) {
            Ok(dataset) => {
                self.dataset.set(dataset);
                self.source_name.set(Some(name.to_string()));
                self.refused.set(None);
                true
            }
            Err(errors) => {
                self.refused.set(Some(RefusedFile {
                    name: name.to_string(),
                    errors,
                }));
                false
            }
        }
    }

    /// A file the browser could not read: nothing changes, and the user is told.
    pub fn refuse_unreadable(&self, name: &str) {
        self.refused.set(Some(RefusedFile {
            name: name.to_string(),
            errors: vec![DatasetError::whole_file(Problem::Unreadable)],
        }));
    }
}
