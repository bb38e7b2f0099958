//! The list of everything wrong with a file that could not be opened.

use leptos::prelude::*;

use crate::state::BoardState;

/// More than this many errors would bury the first ones; the rest are counted.
const SHOWN_AT_MOST: usize = 100;

#[component]
pub fn LoadErrors() -> impl IntoView {
    let state = BoardState::expect();
    move || {
        let lang = state.lang.get();
        state.refused.get().map(|refused| {
            let count = refused.errors.len();
            let hidden = count.saturating_sub(SHOWN_AT_MOST);
            let items = refused
                .errors
                .iter()
                .take(SHOWN_AT_MOST)
                .map(|error| view! { <li>{error.message(lang)}</li> })
                .collect_view();
            view! {
                <section class="pb-load-error" role="alert" data-testid="load-error">
                    <h2 class="pb-load-error__title">
                        "无法打开“"{refused.name.clone()}"”：发现 "{count}" 个问题。当前数据没有任何改动。"
                    </h2>
                    <ol class="pb-load-error__list">{items}</ol>
                    {(hidden > 0).then(|| view! {
                        <p class="pb-load-error__more">"另有 "{hidden}" 个问题未列出。"</p>
                    })}
                    <button class="pb-button" on:click=move |_| state.refused.set(None)>
                        "知道了"
                    </button>
                </section>
            }
        })
    }
}
