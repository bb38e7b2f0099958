//! The notices over the board: a copied link about a dataset this browser does not hold
//! (which dataset it names, how to get it, and that the data here is shown unfiltered), and
//! "a new version is ready" when a deployment newer than the running page has been fetched in
//! the background (reloading never costs work that the browser could not keep).

use leptos::prelude::*;

use crate::domain::Lang;
use crate::state::{BoardState, SaveStatus};
use crate::web::offline::reload_into_new_version;

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

#[component]
pub fn UpdateNotice(
    /// Set when a newer version waits.
    update_ready: RwSignal<bool>,
) -> impl IntoView {
    let state = BoardState::expect();
    let reload = move |_| {
        // Work that is saved in the browser comes back after the reload; work that is not
        // would be lost, so ask first.
        let unsaved = state.has_edits()
            && matches!(
                state.save_status.get_untracked(),
                SaveStatus::NotSaved(_) | SaveStatus::Held
            );
        if unsaved {
            let question = state.lang.get_untracked().pick(
                "修改没能保存到浏览器，重新加载会丢失这些修改。仍要重新加载吗？选“取消”留在本页，可先用“导出 JSON”保存。",
                "Your changes could not be saved in the browser and a reload would lose them. Reload anyway? Cancel stays on this page, so you can save them with Export JSON first.",
            );
            if !window().confirm_with_message(question).unwrap_or(false) {
                return;
            }
        }
        reload_into_new_version();
    };
    view! {
        <Show when=move || update_ready.get()>
            <div class="pb-notice" data-testid="update-notice" role="status">
                <p>
                    {move || match state.lang.get() {
                        Lang::Zh => "有新版本可用。重新加载即可使用；已保存的数据不受影响。",
                        Lang::En => "A new version is available. Reload to use it; saved work is kept.",
                    }}
                </p>
                <button class="pb-button pb-button--primary" data-testid="update-reload" on:click=reload>
                    {state.tr("重新加载", "Reload")}
                </button>
                <button class="pb-button" on:click=move |_| update_ready.set(false)>
                    {state.tr("稍后", "Later")}
                </button>
            </div>
        </Show>
    }
}
