//! The editing controls above the records table (add, undo, redo, reset, and whether the work
//! is saved), the notices about stored work, and the list of changes since the data was loaded.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::Lang;
use crate::domain::figures::count_noun;
use crate::domain::lang::format_count;
use crate::state::{BoardState, Notice, SaveStatus};
use crate::web::download::download;
use crate::web::storage::{self, WriteError};

#[component]
pub fn EditToolbar(
    /// Called with the id of a record just added, so the table can show it.
    on_added: Callback<u32>,
) -> impl IntoView {
    let state = BoardState::expect();
    let can_undo = move || state.editor.with(|e| e.can_undo());
    let can_redo = move || state.editor.with(|e| e.can_redo());
    let change_count = move || state.changes.with(Vec::len);

    // Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y, except while a text box holds typing of its own.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() {
            return;
        }
        let key = ev.key().to_lowercase();
        let redo = key == "y" || (key == "z" && ev.shift_key());
        let undo = key == "z" && !ev.shift_key();
        if !(undo || redo) || typing_in_progress(&ev) {
            return;
        }
        ev.prevent_default();
        if undo {
            state.edit(|e| e.undo());
        } else {
            state.edit(|e| e.redo());
        }
    });
    on_cleanup(move || keys.remove());

    let add = move |_| {
        let lang = state.lang.get_untracked();
        let id = state.edit(|e| e.add_in(lang));
        on_added.run(id);
    };
    let reset = move |_| {
        let count = state.changes.with_untracked(Vec::len);
        let question = match state.lang.get_untracked() {
            Lang::Zh => format!(
                "撤销全部 {count} 处修改，回到打开时的数据？\n（之后仍可用“撤销”恢复这些修改。）"
            ),
            Lang::En => format!(
                "Undo {} and go back to the data as opened?\n(“Undo” can still bring them back.)",
                match count {
                    1 => "the 1 change".to_string(),
                    _ => format!("all {}", count_noun(count as u64, "change", "changes")),
                }
            ),
        };
        if window().confirm_with_message(&question).unwrap_or(false) {
            state.edit(|e| e.reset());
        }
    };

    view! {
        <div class="pb-edit-bar" role="toolbar" aria-label=state.tr("编辑", "Editing")>
            <button class="pb-button" data-testid="record-add" on:click=add>
                {state.tr("＋ 添加记录", "＋ Add record")}
            </button>
            <button
                class="pb-button"
                data-testid="undo"
                title=state.tr("撤销（Ctrl+Z）", "Undo (Ctrl+Z)")
                disabled=move || !can_undo()
                on:click=move |_| {
                    state.edit(|e| e.undo());
                }
            >
                {state.tr("↶ 撤销", "↶ Undo")}
            </button>
            <button
                class="pb-button"
                data-testid="redo"
                title=state.tr("重做（Ctrl+Shift+Z 或 Ctrl+Y）", "Redo (Ctrl+Shift+Z or Ctrl+Y)")
                disabled=move || !can_redo()
                on:click=move |_| {
                    state.edit(|e| e.redo());
                }
            >
                {state.tr("↷ 重做", "↷ Redo")}
            </button>
            <button
                class="pb-button"
                data-testid="reset"
                title=state.tr("回到打开时的数据", "Back to the data as opened")
                disabled=move || change_count() == 0
                on:click=reset
            >
                {state.tr("还原全部", "Revert all")}
            </button>
            <SaveStatusLine/>
        </div>
    }
}

/// A text box whose text differs from the value it shows: its own undo is what Ctrl+Z means.
fn typing_in_progress(ev: &web_sys::KeyboardEvent) -> bool {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
            .is_some();
    };
    match input.get_attribute("data-committed") {
        Some(committed) => input.value() != committed,
        // A text box that is not a record's field (the searches): always its own.
        None => !matches!(input.type_().as_str(), "checkbox" | "radio" | "button"),
    }
}

/// Whether the work is kept in this browser, said in one line.
#[component]
fn SaveStatusLine() -> impl IntoView {
    let state = BoardState::expect();
    let status = move || {
        let lang = state.lang.get();
        let export = lang.pick("请导出文件保存", "export a file to keep them");
        match state.save_status.get() {
            SaveStatus::Unchanged => (
                "pb-save",
                lang.pick(
                    "修改会自动保存在本浏览器中",
                    "Changes are saved in this browser as you make them",
                )
                .to_string(),
            ),
            SaveStatus::Saved => (
                "pb-save pb-save--ok",
                lang.pick("✓ 已保存在本浏览器中", "✓ Saved in this browser")
                    .to_string(),
            ),
            SaveStatus::NotSaved(error) => {
                let why = match error {
                    WriteError::Quota => lang
                        .pick(
                            "数据太大，浏览器存不下",
                            "Too much data for the browser to store",
                        )
                        .to_string(),
                    WriteError::Unavailable => lang
                        .pick(
                            "浏览器不允许本地存储（可能是隐私模式）",
                            "The browser allows no local storage (private mode?)",
                        )
                        .to_string(),
                    WriteError::Other(reason) => match lang {
                        Lang::Zh => format!("未能保存到浏览器（{reason}）"),
                        Lang::En => format!("Could not save in the browser ({reason})"),
                    },
                };
                let text = match lang {
                    Lang::Zh => format!("⚠ {why}：修改只在本页面中，{export}"),
                    Lang::En => format!("⚠ {why}: changes are only in this page; {export}"),
                };
                ("pb-save pb-save--bad", text)
            }
            SaveStatus::Held => (
                "pb-save pb-save--bad",
                match lang {
                    Lang::Zh => format!(
                        "⚠ 浏览器中有一份无法读取的数据，为免覆盖，本次修改不保存到浏览器：{export}"
                    ),
                    Lang::En => format!(
                        "⚠ The browser holds data that cannot be read; so as not to overwrite it, changes are not saved in the browser this time: {export}"
                    ),
                },
            ),
        }
    };
    view! {
        <span class=move || status().0 data-testid="save-status" role="status">
            {move || status().1}
        </span>
    }
}

/// What the user must know about stored work: shown until dismissed.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let state = BoardState::expect();
    let standalone_off = crate::web::storage::off_in_standalone();
    let storage_off = move || {
        matches!(
            state.save_status.get(),
            SaveStatus::NotSaved(WriteError::Unavailable | WriteError::Quota)
        ) || standalone_off
    };
    let dismiss = move |_| state.notice.set(None);
    let notice = move || {
        let notice = state.notice.get()?;
        let lang = state.lang.get();
        let body = match notice {
            Notice::SetAside { key, reason } => {
                let lead = reason.message(lang);
                match key {
                    Some(key) => {
                        let download_key = key.clone();
                        let kept = match lang {
                            Lang::Zh => format!(
                                "现在显示的是内置数据。原来保存的内容没有删除，另存在浏览器的“{key}”中。"
                            ),
                            Lang::En => format!(
                                " The built-in data is shown now. What was saved is not deleted: it is kept in the browser as “{key}”."
                            ),
                        };
                        view! {
                            <p>{lead}{kept}</p>
                            <button
                                class="pb-button"
                                data-testid="storage-download"
                                on:click=move |_| {
                                    if let Some(text) = storage::read(&download_key) {
                                        download(
                                            lang.pick(
                                                "浏览器中无法读取的数据.json",
                                                "unreadable data from the browser.json",
                                            ),
                                            "application/json",
                                            text.as_bytes(),
                                        );
                                    }
                                }
                            >
                                {lang.pick("下载原来的内容", "Download what was saved")}
                            </button>
                        }
                            .into_any()
                    }
                    None => {
                        view! {
                            <p>
                                {lead}
                                {lang.pick(
                                    "现在显示的是内置数据。原来的内容留在原处，没有改动；为免覆盖它，本次的修改不会保存到浏览器。",
                                    " The built-in data is shown now. What was saved is left where it was, untouched; so as not to overwrite it, changes made now will not be saved in the browser.",
                                )}
                            </p>
                        }
                            .into_any()
                    }
                }
            }
            Notice::Synced => view! {
                <p>
                    {lang.pick(
                        "另一个标签页保存了更新的数据，这里已同步显示。",
                        "Another tab saved newer data, which is shown here now.",
                    )}
                </p>
            }
            .into_any(),
            Notice::Conflict => view! {
                <p>
                    {lang.pick(
                        "另一个标签页同时修改了数据：这里已显示那边较新的数据；本页原来的数据保留为“上一份数据”，可以恢复。",
                        "Another tab changed the data at the same time: its newer data is shown here, and this page's data is kept as the “previous data”, which can be restored.",
                    )}
                </p>
                <RestorePrevious/>
            }
            .into_any(),
            Notice::Replaced => view! {
                <p>
                    {lang.pick(
                        "已打开新数据。之前的数据（连同修改）保留为“上一份数据”。",
                        "New data opened. The data before it (with its changes) is kept as the “previous data”.",
                    )}
                </p>
                <RestorePrevious/>
            }
            .into_any(),
        };
        Some(view! {
            <div class="pb-notice" role="alert" data-testid="storage-notice">
                {body}
                <button class="pb-button pb-notice__close" on:click=dismiss>
                    {lang.pick("知道了", "OK")}
                </button>
            </div>
        })
    };
    view! {
        {notice}
        <Show when=storage_off>
            <div class="pb-notice pb-notice--warn" role="alert" data-testid="storage-warning">
                <p>
                    {move || match state.save_status.get() {
                        _ if standalone_off => state.lang.get().pick(
                            "这个浏览器不让离线网页保存修改：修改只在本页面里，关闭或刷新就会丢失。要留下修改，请“导出独立网页”另存一份，或导出文件。",
                            "This browser lets an offline page keep no changes: they are only in this page and are lost when it is closed or reloaded. To keep them, export a new standalone page, or a file.",
                        ),
                        SaveStatus::NotSaved(WriteError::Quota) => state.lang.get().pick(
                            "数据太大，浏览器的存储空间放不下：修改没有保存在浏览器中，只在本页面里，关闭或刷新页面就会丢失。请导出文件保存。",
                            "Too much data for the browser's storage: changes are not saved in the browser, only in this page, and are lost when it is closed or reloaded. Export a file to keep them.",
                        ),
                        _ => state.lang.get().pick(
                            "浏览器不允许本页使用本地存储（可能是隐私模式或已被禁用）：修改不会保存在浏览器中，关闭或刷新页面就会丢失。请导出文件保存。",
                            "The browser does not let this page use local storage (private mode, or turned off): changes are not saved in the browser and are lost when the page is closed or reloaded. Export a file to keep them.",
                        ),
                    }}
                </p>
                {standalone_off.then(|| view! { <crate::components::board::standalone::ExportHtml/> })}
                <crate::components::board::header::Exports/>
            </div>
        </Show>
    }
}

#[component]
fn RestorePrevious() -> impl IntoView {
    let state = BoardState::expect();
    view! {
        <Show when=move || state.previous.with(|p| p.is_some())>
            <button
                class="pb-button"
                data-testid="restore-previous"
                on:click=move |_| state.restore_previous()
            >
                {state.tr("恢复上一份数据", "Restore the previous data")}
            </button>
        </Show>
    }
}

/// Every difference from the data as loaded, each with a button that takes it back.
#[component]
pub fn ChangesPanel() -> impl IntoView {
    let state = BoardState::expect();
    let changes = state.changes;
    let revert = move |id: u32| {
        if let Err(problem) = state.edit(|e| e.revert(id)) {
            let _ = window().alert_with_message(&problem.message(state.lang.get_untracked()));
        }
    };
    let rows = move || {
        let lang = state.lang.get();
        changes.with(|changes| {
            changes
                .iter()
                .map(|change| {
                    let id = change.id();
                    view! {
                        <li class="pb-change" data-testid="change">
                            <span class="pb-change__kind">{change.kind_label(lang)}</span>
                            <span class="pb-change__who">{change.record_label(lang)}</span>
                            <span class="pb-change__detail">{change.detail(lang)}</span>
                            <button
                                class="pb-link"
                                data-testid="change-revert"
                                on:click=move |_| revert(id)
                            >
                                {lang.pick("撤回", "Revert")}
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let summary = move || {
        let count = changes.with(Vec::len);
        match state.lang.get() {
            Lang::Zh => format!("与打开时相比的修改（{count} 处）"),
            Lang::En => format!(
                "Changes since the data was opened ({})",
                format_count(count as u64, Lang::En)
            ),
        }
    };
    view! {
        <details class="pb-changes" data-testid="changes">
            <summary>{summary}</summary>
            <Show
                when=move || changes.with(|c| !c.is_empty())
                fallback=move || view! {
                    <p class="pb-muted">{state.tr("没有修改。", "No changes.")}</p>
                }
            >
                <ul class="pb-changes__list">{rows}</ul>
            </Show>
        </details>
    }
}
