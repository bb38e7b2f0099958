//! 复制带数据的链接: a link to this page that carries the dataset on screen (edits included)
//! and its view in the fragment, compressed (`domain::share`). It is copied, and shown to
//! select by hand where the browser refuses the clipboard; over `LINK_LIMIT` the button says to
//! send the standalone page instead. The link is made in the `exports` chunk.

use leptos::prelude::*;

use crate::domain::Lang;
use crate::domain::share::{self, LINK_LIMIT};
use crate::state::BoardState;

/// What the button made.
#[derive(Clone, Debug, PartialEq)]
pub enum Shared {
    /// The link, and whether it is on the clipboard.
    Link {
        link: String,
        copied: bool,
    },
    /// The data does not fit a link of `LINK_LIMIT` characters: it would take `chars`.
    TooLong {
        chars: usize,
    },
    Failed,
}

#[component]
pub fn ShareLink() -> impl IntoView {
    let state = BoardState::expect();
    let shared = RwSignal::new(None::<Shared>);
    let lang = state.lang;
    let panel = move || {
        shared.get().map(|outcome| {
            let (kind, text) = describe(&outcome, lang.get());
            let link = match outcome {
                Shared::Link { link, .. } => Some(link),
                _ => None,
            };
            view! {
                <div class="pb-share" role="status" data-testid="share-link-status" data-state=kind>
                    <p class="pb-share__text">{text}</p>
                    {link.map(|link| view! {
                        <input
                            class="pb-share__link"
                            data-testid="share-link-text"
                            readonly
                            aria-label=move || lang.get().pick("带数据的链接", "The link with the data")
                            value=link
                        />
                    })}
                    <button class="pb-link" on:click=move |_| shared.set(None)>
                        {move || lang.get().pick("关闭", "Close")}
                    </button>
                </div>
            }
        })
    };
    view! {
        <button
            class="pb-button"
            data-testid="share-link"
            title=state.tr(
                "复制一个带着当前数据（含修改）和当前视图的链接：数据在链接的 # 之后，不会发送到任何服务器",
                "Copy a link that carries the data on screen (edits included) and this view: the data is after the link's #, which is never sent to a server",
            )
            on:click=move |_| crate::on_demand::run(make_link(state, shared))
        >
            {state.tr("复制带数据的链接", "Copy link with data")}
        </button>
        {panel}
    }
}

/// The panel's state (`data-state`) and its sentence.
fn describe(outcome: &Shared, lang: Lang) -> (&'static str, String) {
    match (outcome, lang) {
        (Shared::Link { copied: true, link }, Lang::Zh) => (
            "copied",
            format!(
                "已复制链接（{} 个字符）。收到的人打开它就能看到这份数据和这个视图。",
                link.chars().count()
            ),
        ),
        (Shared::Link { copied: true, link }, Lang::En) => (
            "copied",
            format!(
                "Link copied ({} characters). Whoever opens it sees this data and this view.",
                link.chars().count()
            ),
        ),
        (Shared::Link { copied: false, .. }, Lang::Zh) => (
            "shown",
            "浏览器不允许复制到剪贴板：请选中下面的链接，手动复制。".to_string(),
        ),
        (Shared::Link { copied: false, .. }, Lang::En) => (
            "shown",
            "The browser does not allow copying: select the link below and copy it yourself."
                .to_string(),
        ),
        (Shared::TooLong { chars }, Lang::Zh) => (
            "too-long",
            format!(
                "数据太多，放不进一个链接（需要 {chars} 个字符，上限 {LINK_LIMIT}）。请改为发送“导出独立网页”得到的 .html 文件，收到的人双击即可打开。"
            ),
        ),
        (Shared::TooLong { chars }, Lang::En) => (
            "too-long",
            format!(
                "The data is too large for a link ({chars} characters; the limit is {LINK_LIMIT}). Send the .html file Export standalone page makes instead: it opens with a double-click."
            ),
        ),
        (Shared::Failed, Lang::Zh) => (
            "failed",
            "链接没能生成：这个浏览器不支持压缩。请改为发送 JSON 文件。".to_string(),
        ),
        (Shared::Failed, Lang::En) => (
            "failed",
            "The link could not be made: this browser cannot compress. Send the JSON file instead."
                .to_string(),
        ),
    }
}

crate::on_demand! { exports:
    fn make_link(state: BoardState, shared: RwSignal<Option<Shared>>) -> () {
        leptos::task::spawn_local(async move { shared.set(Some(link_of(state).await)) })
    }
}

/// The link of the data and view on screen: this page's address with the fragment, copied.
async fn link_of(state: BoardState) -> Shared {
    // The comparison names datasets of this browser's library, which the recipient's lacks.
    let view = crate::domain::view::ViewState {
        compare: None,
        ..state.view.get_untracked()
    };
    let query = state
        .index
        .with_untracked(|index| crate::web::address::query_of(&view, index));
    // Compact: the link's length is the point.
    let Ok(json) = state.dataset.with_untracked(serde_json::to_string) else {
        return Shared::Failed;
    };
    let payload = share::payload(&query, &json);
    let Ok(compressed) = crate::web::compress::deflate(payload.as_bytes()).await else {
        return Shared::Failed;
    };
    // A standalone file links to the hosted page it came from, not to itself.
    let page = crate::web::standalone::field("from")
        .filter(|from| !from.is_empty())
        .unwrap_or_else(crate::web::address::page_address);
    let link = format!("{page}#{}", share::fragment(&compressed));
    let chars = link.chars().count();
    if chars > LINK_LIMIT {
        return Shared::TooLong { chars };
    }
    let copied = crate::web::export::copy_text(&link).await.is_ok();
    Shared::Link { link, copied }
}
