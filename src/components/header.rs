//! The page header: the dataset's title, where it comes from and its date, "open a file",
//! the exports, and the switches of the interface language and the colour theme.

use leptos::prelude::*;

use crate::domain::Lang;
use crate::domain::lang::format_date;
use crate::domain::table::{file_name, to_csv};
use crate::download::{download, today};
use crate::file_reader::open_on_board;
use crate::prefs::{Prefs, Theme};
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
    let source = move || {
        let lang = state.lang.get();
        match state.source_name.get() {
            Some(name) => format!("{}{name}", lang.pick("文件：", "File: ")),
            None => lang.pick("内置数据", "Built-in data").to_string(),
        }
    };

    view! {
        <header class="pb-header">
            <div class="pb-header__text">
                <h1 class="pb-header__title" data-testid="dataset-title">{title}</h1>
                <p class="pb-header__meta">
                    {move || institution().map(|name| view! { <span>{name}</span> })}
                    {move || as_of().map(|date| view! {
                        <span data-testid="as-of">{state.tr("数据截至 ", "Data as of ")}{date}</span>
                    })}
                    <span class="pb-header__source">{source}</span>
                </p>
            </div>
            <div class="pb-header__actions">
                <OpenFile/>
                <Exports/>
                <LanguageSwitch/>
                <ThemeSwitch/>
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
            {state.tr("导出 JSON", "Export JSON")}
        </button>
        <button class="pb-button" data-testid="export-csv" on:click=export_csv>
            {state.tr("导出 CSV", "Export CSV")}
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
            {state.tr("打开数据文件…", "Open data file…")}
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

/// Switches the interface between Chinese and English at once. It names the other language in
/// that language's own words, as language switches do, so a reader who cannot read the one on
/// screen still finds theirs.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let lang = Prefs::expect().lang;
    let other_than = |current: Lang| match current {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    let other = move || other_than(lang.get());
    view! {
        <button
            class="pb-button pb-lang-switch"
            data-testid="lang"
            data-lang=move || lang.get().code()
            aria-label=move || format!("Language / 语言: {}", other().own_name())
            on:click=move |_| lang.update(|current| *current = other_than(*current))
        >
            <span lang=move || other().tag()>{move || other().own_name()}</span>
        </button>
    }
}

/// Picks the colour theme: the system's, light, dark or high contrast.
#[component]
fn ThemeSwitch() -> impl IntoView {
    let prefs = Prefs::expect();
    let (lang, theme) = (prefs.lang, prefs.theme);
    let options = Theme::ALL
        .into_iter()
        .map(|option| {
            view! {
                <option value=option.code() prop:selected=move || theme.get() == option>
                    {move || option.label(lang.get())}
                </option>
            }
        })
        .collect_view();
    view! {
        <label class="pb-theme-switch">
            <span class="pb-theme-switch__label">{move || lang.get().pick("配色", "Theme")}</span>
            <select
                class="pb-theme-switch__select"
                data-testid="theme"
                on:change:target=move |ev| {
                    if let Some(picked) = Theme::from_code(&ev.target().value()) {
                        theme.set(picked);
                    }
                }
            >
                {options}
            </select>
        </label>
    }
}
