//! A paragraph that sums up the records on screen in the report's own words, with a button that
//! copies it. The words are `domain::summary`'s; this only places them.

use leptos::prelude::*;
use leptos::reactive::graph::Observer;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

use crate::domain::Lang;
use crate::domain::summary::summarize;
use crate::state::BoardState;

/// The summary of the records on screen, in the interface language. Inside a reactive closure
/// it follows the dataset, the filter and the language; called anywhere else (an event
/// handler) it reads them once, untracked.
pub fn summary_text(state: BoardState) -> String {
    let read = move || {
        let lang = state.lang.get();
        state.dataset.with(|dataset| {
            state.index.with(|index| {
                state.matching.with(|matching| {
                    state
                        .totals
                        .with(|totals| summarize(dataset, index, matching, totals, lang).text)
                })
            })
        })
    };
    if Observer::get().is_some() {
        read()
    } else {
        untrack(read)
    }
}

/// The page's one summary memo, shared through context by the summary and the charts (which use
/// it as their description).
#[derive(Clone, Copy)]
struct SummaryText(Memo<String>);

/// The summary of the records on screen, computed once per change for the whole page: the
/// first caller (the app, before its children) makes the memo, the others share it.
pub fn use_summary(state: BoardState) -> Memo<String> {
    if let Some(SummaryText(memo)) = use_context::<SummaryText>() {
        return memo;
    }
    let memo = Memo::new(move |_| summary_text(state));
    provide_context(SummaryText(memo));
    memo
}

#[component]
pub fn Summary() -> impl IntoView {
    let state = BoardState::expect();
    let text = use_summary(state);
    // The text last copied and how it went: the message stays while that text is on screen.
    let copied = RwSignal::new(None::<(String, CopyOutcome)>);
    let copy = move |_| {
        let text = text.get_untracked();
        spawn_local(async move {
            let outcome = write_to_clipboard(&text).await;
            copied.set(Some((text, outcome)));
        });
    };
    let message = move || {
        let lang = state.lang.get();
        text.with(|current| {
            copied.with(|copied| match copied {
                Some((text, outcome)) if text == current => outcome.message(lang),
                _ => "",
            })
        })
    };
    view! {
        <section class="pb-narrative" data-testid="summary" aria-labelledby="pb-summary-title">
            <h2 id="pb-summary-title" class="pb-section-title">
                {state.tr("摘要", "Summary")}
            </h2>
            <p class="pb-narrative__text" data-testid="summary-text">
                {move || text.get()}
            </p>
            <div class="pb-narrative__actions">
                <button
                    type="button"
                    class="pb-button pb-narrative__copy"
                    data-testid="summary-copy"
                    on:click=copy
                >
                    {state.tr("复制", "Copy")}
                </button>
                <span class="pb-narrative__status" data-testid="summary-copy-status" role="status">
                    {message}
                </span>
            </div>
        </section>
    }
}

/// How a copy went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CopyOutcome {
    Copied,
    /// No clipboard here: the page is not in a secure context (http://, file://) or the
    /// browser has none.
    Unavailable,
    /// The browser refused (no permission, or the page did not have the focus).
    Refused,
}

impl CopyOutcome {
    fn message(self, lang: Lang) -> &'static str {
        match self {
            CopyOutcome::Copied => lang.pick("已复制", "Copied"),
            CopyOutcome::Unavailable => lang.pick(
                "此浏览器不允许在这里复制，请选中文字后手动复制。",
                "This browser does not allow copying here; select the text and copy it by hand.",
            ),
            CopyOutcome::Refused => lang.pick(
                "浏览器拒绝了复制，请选中文字后手动复制。",
                "The browser refused to copy; select the text and copy it by hand.",
            ),
        }
    }
}

/// Writes `text` to the clipboard with `navigator.clipboard.writeText`.
async fn write_to_clipboard(text: &str) -> CopyOutcome {
    let clipboard = window().navigator().clipboard();
    if clipboard.is_undefined() {
        return CopyOutcome::Unavailable;
    }
    match JsFuture::from(clipboard.write_text(text)).await {
        Ok(_) => CopyOutcome::Copied,
        Err(_) => CopyOutcome::Refused,
    }
}
