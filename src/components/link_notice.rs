//! What a copied link says when the dataset it is about is not in this browser: which dataset
//! it names, how to get it, and that the data here is shown unfiltered.

use leptos::prelude::*;

use crate::domain::Lang;
use crate::state::BoardState;

#[component]
pub fn LinkDataMissing() -> impl IntoView {
    let state = BoardState::expect();
    move || {
        let lang = state.lang.get();
        state.link_missing.get().map(|wanted| {
            let here = state.dataset.with(|d| d.title.clone());
            let text = match lang {
                Lang::Zh => format!(
                    "这个链接里的视图属于数据“{}”（编号 {}），这个浏览器里没有这份数据，所以筛选没有套用。\
                     请向发来链接的人要这份数据文件，用“打开数据文件…”打开后，再打开一次这个链接。\
                     现在显示的是本浏览器里的数据“{here}”，未筛选。",
                    wanted.title, wanted.hash
                ),
                Lang::En => format!(
                    "This link shows a view of the dataset “{}” (id {}), which this browser does not \
                     hold, so its filters were not applied. Ask whoever sent the link for the data \
                     file, open it with “Open data file…”, then open the link again. Shown now: \
                     this browser's data “{here}”, unfiltered.",
                    wanted.title, wanted.hash
                ),
            };
            view! {
                <section class="pb-notice" role="status" data-testid="link-data-missing">
                    <p>{text}</p>
                    <button class="pb-button" on:click=move |_| state.link_missing.set(None)>
                        {lang.pick("知道了", "OK")}
                    </button>
                </section>
            }
        })
    }
}
