//! The store: `BoardState`, the app's reactive state provided as context (the editor and the
//! view, the signals of what the page shows, and the memos of everything derived from them),
//! and the types its signals hold.

use std::ops::Deref;
use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::edit::{Change, Editor};
use crate::domain::import::Preview;
use crate::domain::index::{DatasetIndex, FacetCounts, Membership, Selection};
use crate::domain::link::DatasetLink;
use crate::domain::saved::{LoadedJson, Unreadable};
use crate::domain::summary::summarize;
use crate::domain::view::ViewState;
use crate::domain::{Dataset, DatasetError, Lang, Totals};
use crate::web::storage::WriteError;

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
pub(super) struct SaveState {
    /// The dataset as loaded, as JSON, written once per load.
    pub(super) loaded: Option<LoadedJson>,
    /// The revision of the last envelope this tab wrote or read.
    pub(super) revision: u64,
    /// A stored value could not be set aside: never write over it.
    pub(super) held: bool,
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
    pub(super) saving: StoredValue<SaveState>,
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
    pub(super) fn put_on_screen(&self, editor: Editor, source_name: Option<String>) {
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

    /// Makes the state available to every component below.
    pub fn provide(self) -> Self {
        provide_context(self);
        crate::on_demand::serve(crate::on_demand::OnDemandPage {
            lang: self.lang,
            unavailable: self.unavailable,
        });
        self
    }

    /// The state provided by [`BoardState::provide`]. (Leptos's `expect_context` formats the
    /// type's name and the caller into its message: a static one is less code in the first
    /// load.)
    pub fn expect() -> Self {
        use_context::<BoardState>().expect("BoardState::provide runs before every view")
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

    /// Whether the data on screen differs from the dataset as loaded.
    pub fn has_edits(&self) -> bool {
        self.editor.with_untracked(Editor::can_undo)
            && self.changes.with_untracked(|c| !c.is_empty())
    }
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
