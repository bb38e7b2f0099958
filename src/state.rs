//! The app's reactive state: the dataset on screen, what the user is looking at (the view),
//! the errors of the last file that could not be opened, and everything derived from them, as
//! memos computed once per change and read by the components.

use std::ops::Deref;
use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::error::Problem;
use crate::domain::index::{DatasetIndex, FacetCounts, Membership};
use crate::domain::parse::parse_dataset_bytes;
use crate::domain::view::ViewState;
use crate::domain::{Dataset, DatasetError, Lang, Reconciliation, Totals, reconcile};

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

/// Everything the board shows, shared by its components through context.
#[derive(Clone, Copy)]
pub struct BoardState {
    pub dataset: RwSignal<Dataset>,
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
    /// Always of the whole dataset: the report's printed totals are for all of it.
    pub reconciliation: Memo<Reconciliation>,
}

impl BoardState {
    pub fn new(dataset: Dataset, view: ViewState) -> Self {
        let dataset = RwSignal::new(dataset);
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
        BoardState {
            dataset,
            source_name: RwSignal::new(None),
            refused: RwSignal::new(None),
            lang: RwSignal::new(Lang::Zh),
            view,
            index,
            matching,
            membership,
            totals,
            facets,
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

    /// Opens a file's bytes: a valid dataset replaces the one on screen (and the filters, which
    /// named the old data's values, are cleared); a bad one changes nothing and is kept, with
    /// all its errors, for the user to read. Returns whether it opened.
    pub fn open_file(&self, name: &str, bytes: &[u8]) -> bool {
        match parse_dataset_bytes(bytes) {
            Ok(dataset) => {
                self.dataset.set(dataset);
                self.source_name.set(Some(name.to_string()));
                self.refused.set(None);
                self.view.update(|v| v.filter = Default::default());
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
