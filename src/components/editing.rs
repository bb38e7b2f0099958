//! The editing controls above the records table (add, undo, redo, reset, and whether the work
//! is saved), the notices about stored work, and the list of changes since the data was loaded.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::Lang;
use crate::domain::edit::Change;
use crate::download::download;
use crate::state::{BoardState, Notice, SaveStatus};
use crate::storage::{self, WriteError};

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
        let id = state.edit(|e| e.add());
        on_added.run(id);
    };
    let reset = move |_| {
        let count = state.changes.with_untracked(Vec::len);
        let question = format!(
            "撤销全部 {count} 处修改，回到打开时的数据？\n（之后仍可用“撤销”恢复这些修改。）"
        );
        if window().confirm_with_message(&question).unwrap_or(false) {
            state.edit(|e| e.reset());
        }
    };

    view! {
        <div class="pb-edit-bar" role="toolbar" aria-label="编辑">
            <button class="pb-button" data-testid="record-add" on:click=add>
                "＋ 添加记录"
            </button>
            <button
                class="pb-button"
                data-testid="undo"
                title="撤销（Ctrl+Z）"
                disabled=move || !can_undo()
                on:click=move |_| {
                    state.edit(|e| e.undo());
                }
            >
                "↶ 撤销"
            </button>
            <button
                class="pb-button"
                data-testid="redo"
                title="重做（Ctrl+Shift+Z 或 Ctrl+Y）"
                disabled=move || !can_redo()
                on:click=move |_| {
                    state.edit(|e| e.redo());
                }
            >
                "↷ 重做"
            </button>
            <button
                class="pb-button"
                data-testid="reset"
                title="回到打开时的数据"
                disabled=move || change_count() == 0
                on:click=reset
            >
                "还原全部"
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
    let status = move || match state.save_status.get() {
        SaveStatus::Unchanged => ("pb-save", "修改会自动保存在本浏览器中".to_string()),
        SaveStatus::Saved => ("pb-save pb-save--ok", "✓ 已保存在本浏览器中".to_string()),
        SaveStatus::NotSaved(WriteError::Quota) => (
            "pb-save pb-save--bad",
            "⚠ 数据太大，浏览器存不下：修改只在本页面中，请导出文件保存".to_string(),
        ),
        SaveStatus::NotSaved(WriteError::Unavailable) => (
            "pb-save pb-save--bad",
            "⚠ 浏览器不允许本地存储（可能是隐私模式）：修改只在本页面中，请导出文件保存"
                .to_string(),
        ),
        SaveStatus::NotSaved(WriteError::Other(reason)) => (
            "pb-save pb-save--bad",
            format!("⚠ 未能保存到浏览器（{reason}）：修改只在本页面中，请导出文件保存"),
        ),
        SaveStatus::Held => (
            "pb-save pb-save--bad",
            "⚠ 浏览器中有一份无法读取的数据，为免覆盖，本次修改不保存到浏览器：请导出文件保存"
                .to_string(),
        ),
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
    let storage_off = move || {
        matches!(
            state.save_status.get(),
            SaveStatus::NotSaved(WriteError::Unavailable | WriteError::Quota)
        )
    };
    let dismiss = move |_| state.notice.set(None);
    let notice = move || {
        let notice = state.notice.get()?;
        let body = match notice {
            Notice::SetAside { key, reason } => {
                let lead = reason.message(Lang::Zh);
                match key {
                    Some(key) => {
                        let download_key = key.clone();
                        view! {
                            <p>
                                {lead}
                                "现在显示的是内置数据。原来保存的内容没有删除，另存在浏览器的“"
                                {key}
                                "”中。"
                            </p>
                            <button
                                class="pb-button"
                                data-testid="storage-download"
                                on:click=move |_| {
                                    if let Some(text) = storage::read(&download_key) {
                                        download(
                                            "浏览器中无法读取的数据.json",
                                            "application/json",
                                            text.as_bytes(),
                                        );
                                    }
                                }
                            >
                                "下载原来的内容"
                            </button>
                        }
                            .into_any()
                    }
                    None => {
                        view! {
                            <p>
                                {lead}
                                "现在显示的是内置数据。原来的内容留在原处，没有改动；为免覆盖它，本次的修改不会保存到浏览器。"
                            </p>
                        }
                            .into_any()
                    }
                }
            }
            Notice::Synced => {
                view! { <p>"另一个标签页保存了更新的数据，这里已同步显示。"</p> }.into_any()
            }
            Notice::Conflict => {
                view! {
                    <p>
                        "另一个标签页同时修改了数据：这里已显示那边较新的数据；本页原来的数据保留为“上一份数据”，可以恢复。"
                    </p>
                    <RestorePrevious/>
                }
                    .into_any()
            }
            Notice::Replaced => {
                view! {
                    <p>"已打开新数据。之前的数据（连同修改）保留为“上一份数据”。"</p>
                    <RestorePrevious/>
                }
                    .into_any()
            }
        };
        Some(view! {
            <div class="pb-notice" role="alert" data-testid="storage-notice">
                {body}
                <button class="pb-button pb-notice__close" on:click=dismiss>
                    "知道了"
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
                        SaveStatus::NotSaved(WriteError::Quota) => {
                            "数据太大，浏览器的存储空间放不下：修改没有保存在浏览器中，只在本页面里，关闭或刷新页面就会丢失。请导出文件保存。"
                        }
                        _ => {
                            "浏览器不允许本页使用本地存储（可能是隐私模式或已被禁用）：修改不会保存在浏览器中，关闭或刷新页面就会丢失。请导出文件保存。"
                        }
                    }}
                </p>
                <crate::components::header::Exports/>
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
                "恢复上一份数据"
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
            let _ = window().alert_with_message(&problem.message(Lang::Zh));
        }
    };
    let rows = move || {
        changes.with(|changes| {
            changes
                .iter()
                .map(|change| {
                    let id = change.id();
                    let (kind, who, detail) = describe(change);
                    view! {
                        <li class="pb-change" data-testid="change">
                            <span class="pb-change__kind">{kind}</span>
                            <span class="pb-change__who">{who}</span>
                            <span class="pb-change__detail">{detail}</span>
                            <button
                                class="pb-link"
                                data-testid="change-revert"
                                on:click=move |_| revert(id)
                            >
                                "撤回"
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <details class="pb-changes" data-testid="changes">
            <summary>
                "与打开时相比的修改（" {move || changes.with(Vec::len)} " 处）"
            </summary>
            <Show
                when=move || changes.with(|c| !c.is_empty())
                fallback=|| view! { <p class="pb-muted">"没有修改。"</p> }
            >
                <ul class="pb-changes__list">{rows}</ul>
            </Show>
        </details>
    }
}

fn describe(change: &Change) -> (&'static str, String, String) {
    let who = |r: &crate::domain::Record| {
        format!("{} · {} · {}", r.batch, r.certificate, r.level.as_str())
    };
    match change {
        Change::Added { record, .. } => ("新增", who(record), String::new()),
        Change::Removed { record, .. } => ("删除", who(record), String::new()),
        Change::Modified { record, fields, .. } => (
            "修改",
            who(record),
            fields
                .iter()
                .map(|(field, before, after)| {
                    let show = |t: &str| {
                        if t.is_empty() {
                            "（空）".to_string()
                        } else {
                            t.to_string()
                        }
                    };
                    format!(
                        "{}：{} → {}",
                        field.label(Lang::Zh),
                        show(before),
                        show(after)
                    )
                })
                .collect::<Vec<_>>()
                .join("；"),
        ),
    }
}
