//! The page header: the dataset's title, where it comes from and its date, "open a file" and
//! the exports.

use leptos::prelude::*;

use crate::domain::lang::format_date;
use crate::domain::table::{file_name, to_csv};
use crate::download::{download, today};
use crate::file_reader::open_on_board;
use crate::state::BoardState;

#[component]
pub fn Header() -> impl IntoView {
    let state = BoardState::expect();
    let title = move || state.dataset.with(|d| d.title.clone());
    let institution = move || state.dataset.with(|d| d.institution.clone());
    let as_of = move || {
        state.dataset.with(|d| {
            d.as_of
                .as_deref()
                .map(|date| format_date(date, state.lang.get()))
        })
    };
    let source = move || match state.source_name.get() {
        Some(name) => format!("文件：{name}"),
        None => "内置数据".to_string(),
    };

    view! {
        <header class="pb-header">
            <div class="pb-header__text">
                <h1 class="pb-header__title" data-testid="dataset-title">{title}</h1>
                <p class="pb-header__meta">
                    {move || institution().map(|name| view! { <span>{name}</span> })}
                    {move || as_of().map(|date| view! { <span data-testid="as-of">"数据截至 "{date}</span> })}
                    <span class="pb-header__source">{source}</span>
                </p>
            </div>
            <div class="pb-header__actions">
                <OpenFile/>
                <Exports/>
            </div>
        </header>
    }
}

/// The data on screen, edits included, as a file: JSON (format v1, opens again as the same
/// data) and CSV for Excel.
#[component]
pub fn Exports() -> impl IntoView {
    let state = BoardState::expect();
    let export_json = move |_| {
        state.dataset.with_untracked(|d| {
            let name = file_name(&d.title, &today(), "json");
            download(&name, "application/json", d.to_json_pretty().as_bytes());
        });
    };
    let export_csv = move |_| {
        state.dataset.with_untracked(|d| {
            let name = file_name(&d.title, &today(), "csv");
            download(&name, "text/csv;charset=utf-8", &to_csv(d));
        });
    };
    view! {
        <button class="pb-button" data-testid="export-json" on:click=export_json>
            "导出 JSON"
        </button>
        <button class="pb-button" data-testid="export-csv" on:click=export_csv>
            "导出 CSV"
        </button>
    }
}

/// A button that opens a dataset file (JSON, or a CSV / TSV table) from the user's computer.
#[component]
fn OpenFile() -> impl IntoView {
    let state = BoardState::expect();
    let on_change =
        move |ev: leptos::ev::Targeted<leptos::ev::Event, web_sys::HtmlInputElement>| {
            let input = ev.target();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            // Let the same file be picked again after it is fixed.
            input.set_value("");
            open_on_board(state, file);
        };
    view! {
        <label class="pb-button pb-button--primary">
            "打开数据文件…"
            <input
                class="pb-visually-hidden"
                type="file"
                accept=".json,.csv,.tsv,.txt,application/json,text/csv,text/tab-separated-values"
                data-testid="file-input"
                on:change:target=on_change
            />
        </label>
    }
}
