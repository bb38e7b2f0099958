//! The page header: the dataset's title, where it comes from and its date, and "open a file".

use leptos::prelude::*;

use crate::domain::lang::format_date;
use crate::file_reader::read_bytes;
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
            <OpenFile/>
        </header>
    }
}

/// A button that opens a JSON dataset file from the user's computer.
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
            leptos::task::spawn_local(async move {
                let name = file.name();
                match read_bytes(&file).await {
                    Ok(bytes) => {
                        state.open_file(&name, &bytes);
                    }
                    Err(_) => state.refuse_unreadable(&name),
                }
            });
        };
    view! {
        <label class="pb-button pb-button--primary">
            "打开数据文件…"
            <input
                class="pb-visually-hidden"
                type="file"
                accept=".json,application/json"
                data-testid="file-input"
                on:change:target=on_change
            />
        </label>
    }
}
