//! A report file being made: what the buttons hand to the writers, how far it has got, and
//! the lines that end it (made, stopped, failed).

use leptos::prelude::*;

use crate::domain::Lang;
use crate::domain::table::{ExportScope, scoped_title};
use crate::state::BoardState;
use crate::state::charts::ChartsContext;

/// How far a file has got.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Progress {
    /// `done` of `total` pictures drawn.
    Working {
        done: usize,
        total: usize,
    },
    /// Packing the file.
    Packing,
    Done(String),
    Failed(String),
}

/// What the buttons hand to the writers.
#[derive(Clone, Copy)]
pub(super) struct OfficeJob {
    pub shared: ChartsContext,
    pub progress: RwSignal<Option<Progress>>,
    /// Set by 停止: the writer stops before its next picture.
    pub stop: RwSignal<bool>,
}

impl Progress {
    /// Whether a file is being made.
    pub fn busy(progress: &Option<Progress>) -> bool {
        matches!(progress, Some(Progress::Working { .. } | Progress::Packing))
    }
}

/// The title and the records of a file of what is on screen, and the file's name.
pub(super) fn file_title(state: BoardState, lang: Lang) -> String {
    let filter_on = state.view.with_untracked(|v| !v.filter.is_empty());
    let (shown, total) = (
        state.totals.with_untracked(|t| t.records),
        state.dataset.with_untracked(|d| d.records.len()),
    );
    let title = state.dataset.with_untracked(|d| d.title.clone());
    scoped_title(&title, ExportScope::Shown, filter_on, (shown, total), lang)
}

pub(super) fn failed(job: OfficeJob, lang: Lang, what: &str, error: &str) {
    leptos::logging::error!("{what} export: {error}");
    let text = match lang {
        Lang::Zh => format!("{what} 文件没能生成，请重试或改用“导出 PNG”"),
        Lang::En => format!("The {what} file could not be made; try again or use Export PNG"),
    };
    job.progress.set(Some(Progress::Failed(text)));
}

pub(super) fn stopped(job: OfficeJob, lang: Lang) {
    job.progress.set(Some(Progress::Done(
        lang.pick("已停止，没有生成文件", "Stopped; no file was made")
            .to_string(),
    )));
}

/// Lets the page paint the progress line before the file is packed.
pub(super) async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
