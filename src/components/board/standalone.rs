//! 导出独立网页: the button that writes the board and the work on screen as one `.html` file
//! (`domain::standalone`), and, in such a file, the banner that says where it came from. The
//! file is made in the `exports` chunk.

use leptos::prelude::*;

use crate::domain::Lang;
use crate::domain::standalone::{Meta, Parts, page};
use crate::domain::table::file_name;
use crate::state::BoardState;
use crate::web::download::{download, today};
use crate::web::standalone;

/// Where making the file stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Made {
    Working,
    /// Handed to the browser as a download of `bytes` bytes.
    Done {
        bytes: usize,
    },
    /// The app's own files could not be read (the network gone before they were ever kept).
    Failed,
}

/// The button, and what became of its last click.
#[component]
pub fn ExportHtml() -> impl IntoView {
    let state = BoardState::expect();
    let progress = RwSignal::new(None::<Made>);
    let lang = state.lang;
    let status = move || {
        progress.get().map(|made| {
            let (kind, text) = describe(&made, lang.get());
            let closable = made != Made::Working;
            view! {
                <div class="pb-share" role="status" data-testid="export-html-status" data-state=kind>
                    <p class="pb-share__text">{text}</p>
                    {closable.then(|| view! {
                        <button class="pb-link" on:click=move |_| progress.set(None)>
                            {move || lang.get().pick("关闭", "Close")}
                        </button>
                    })}
                </div>
            }
        })
    };
    view! {
        <button
            class="pb-button"
            data-testid="export-html"
            title=state.tr(
                "一个 .html 文件：看板和当前数据（含修改）都在里面，以当前视图打开；收到的人双击即可离线查看、筛选和放映",
                "One .html file that holds the board and the data on screen (edits included) and opens on this view: whoever gets it double-clicks it to look, filter and present, offline",
            )
            disabled=move || progress.get() == Some(Made::Working)
            on:click=move |_| crate::on_demand::run(make_page(state, progress))
        >
            {state.tr("导出独立网页", "Export standalone page")}
        </button>
        {status}
    }
}

/// The status's state (`data-state`) and its sentence.
fn describe(made: &Made, lang: Lang) -> (&'static str, String) {
    match (made, lang) {
        (Made::Working, Lang::Zh) => ("working", "正在生成独立网页…".to_string()),
        (Made::Working, Lang::En) => ("working", "Making the standalone page…".to_string()),
        (Made::Done { bytes }, Lang::Zh) => (
            "done",
            format!(
                "已导出独立网页（{}）。把这个 .html 文件发给别人：双击即可打开，不需要网络，也不需要本网站。",
                megabytes(*bytes)
            ),
        ),
        (Made::Done { bytes }, Lang::En) => (
            "done",
            format!(
                "Standalone page exported ({}). Send the .html file: it opens with a double-click, with no network and without this site.",
                megabytes(*bytes)
            ),
        ),
        (Made::Failed, Lang::Zh) => (
            "failed",
            "独立网页没能生成：看板自身的文件读不到（可能是网络断了）。请联网后再试，或改为发送“导出 JSON”得到的文件。".to_string(),
        ),
        (Made::Failed, Lang::En) => (
            "failed",
            "The standalone page could not be made: the board's own files could not be read (the network may be down). Try again online, or send the file Export JSON makes.".to_string(),
        ),
    }
}

fn megabytes(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

crate::on_demand! { exports:
    fn make_page(state: BoardState, progress: RwSignal<Option<Made>>) -> () {
        progress.set(Some(Made::Working));
        leptos::task::spawn_local(async move { progress.set(Some(page_of(state).await)) })
    }
}

/// The standalone page of the work on screen, handed to the browser as a download.
async fn page_of(state: BoardState) -> Made {
    let files = match standalone::app_files().await {
        Ok(files) => files,
        Err(reason) => {
            leptos::logging::error!("standalone page: {reason}");
            return Made::Failed;
        }
    };
    let title = state.dataset.with_untracked(|d| d.title.clone());
    let meta = Meta {
        id: format!(
            "pb-{:x}{:08x}",
            js_sys::Date::now() as u64,
            fastrand::u32(..)
        ),
        title: title.clone(),
        made: today(),
        version: env!("CARGO_PKG_VERSION").to_string(),
        from: standalone::field("from").unwrap_or_else(crate::web::address::page_address),
        glue: files.glue,
        wasm: files.wasm,
        session: state.work_to_send(),
    };
    let parts = Parts {
        style: &files.style,
        boot: &files.boot,
        bundle: &files.bundle,
    };
    match page(&meta, &parts) {
        Ok(html) => {
            download(
                &file_name(&title, &meta.made, "html"),
                "text/html;charset=utf-8",
                html.as_bytes(),
            );
            Made::Done { bytes: html.len() }
        }
        Err(problem) => {
            leptos::logging::error!("standalone page: {problem:?}");
            Made::Failed
        }
    }
}

/// In a standalone file: where it came from, a link to the hosted board, and, where this
/// browser keeps nothing a `file://` page writes, that edits must be saved as a file.
#[component]
pub fn StandaloneBanner() -> impl IntoView {
    let state = BoardState::expect();
    let meta = standalone::element_text("pb-standalone").and_then(|text| Meta::read(&text));
    let Some(meta) = meta else {
        return ().into_any();
    };
    crate::web::sheets::add(crate::web::sheets::STANDALONE);
    let lang = state.lang;
    let line = {
        let meta = meta.clone();
        move || meta.origin_line(lang.get())
    };
    let online = (!meta.from.is_empty()).then(|| {
        view! {
            <a class="pb-standalone__online" href=meta.from.clone() target="_blank" rel="noopener">
                {move || lang.get().pick("在线版看板", "The board online")}
            </a>
        }
    });
    view! {
        <div class="pb-standalone" data-testid="standalone-banner">
            <p class="pb-standalone__origin" data-testid="standalone-origin">{line}</p>
            {online}
        </div>
    }
    .into_any()
}
