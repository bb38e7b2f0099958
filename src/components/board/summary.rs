//! A paragraph that sums up the records on screen in the report's own words, with a button that
//! copies it. The words are `domain::summary`'s, kept current by `BoardState::summary`; this
//! only places them.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

use crate::domain::Lang;
use crate::state::BoardState;

#[component]
pub fn Summary() -> impl IntoView {
    let state = BoardState::expect();
    let text = state.summary;
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
