//! The list of everything wrong with a file that could not be opened.

use leptos::prelude::*;

use crate::domain::Lang;
use crate::domain::figures::count_noun;
use crate::state::{BoardState, RefusedFile};

/// More than this many errors would bury the first ones; the rest are counted.
const SHOWN_AT_MOST: usize = 100;

#[component]
pub fn LoadErrors() -> impl IntoView {
    crate::web::sheets::add(crate::web::sheets::FILES);
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
                    <h2 class="pb-load-error__title">{heading(&refused, lang)}</h2>
                    <ol class="pb-load-error__list">{items}</ol>
                    {(hidden > 0).then(|| view! {
                        <p class="pb-load-error__more">{more(hidden, lang)}</p>
                    })}
                    <button class="pb-button" on:click=move |_| state.refused.set(None)>
                        {lang.pick("知道了", "OK")}
                    </button>
                </section>
            }
        })
    }
}

/// `无法打开“a.json”：发现 2 个问题。当前数据没有任何改动。`
fn heading(refused: &RefusedFile, lang: Lang) -> String {
    let (name, count) = (&refused.name, refused.errors.len());
    match lang {
        Lang::Zh => format!("无法打开“{name}”：发现 {count} 个问题。当前数据没有任何改动。"),
        Lang::En => format!(
            "Could not open “{name}”: {} found. The data on screen is unchanged.",
            count_noun(count as u64, "problem", "problems")
        ),
    }
}

/// The errors left out of the list, counted.
fn more(hidden: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("另有 {hidden} 个问题未列出。"),
        Lang::En => format!(
            "{} more not listed.",
            count_noun(hidden as u64, "problem", "problems")
        ),
    }
}
