//! The datasets kept in this browser: each one's title, year and record count, with open,
//! rename, export and remove (asked first; taken back with one click for the session), and
//! the button that opens the comparison. The rules are `domain::library`'s; the actions are
//! `library::act`'s.

use leptos::prelude::*;

use crate::domain::Lang;
use crate::domain::library::Entry;
use crate::domain::view::CompareView;
use crate::library::{Action, ask};
use crate::state::BoardState;

#[component]
pub fn LibraryPanel() -> impl IntoView {
    crate::library::add_styles();
    let state = BoardState::expect();
    // Handles of this view on the library's signals (which outlive it).
    let lib = crate::library::library();
    let catalog = RwSignal::from(lib.catalog);
    let status = RwSignal::from(lib.status);
    let set_aside = RwSignal::from(lib.set_aside);
    let removed = RwSignal::from(lib.removed);
    let lang = state.lang;
    let entries =
        move || catalog.with(|c| c.as_ref().map(|c| c.entries.clone()).unwrap_or_default());
    let status_line = move || status.with(|s| s.message(lang.get()));
    let set_aside = move || {
        set_aside.get().map(|key| match lang.get() {
            Lang::Zh => format!("浏览器中保存的数据集列表已损坏，已原样保留为“{key}”，并建立了新的列表。"),
            Lang::En => format!("The dataset list saved in this browser was damaged; it was kept as “{key}” and a new list was made."),
        })
    };
    let last_removed = move || removed.with(|r| r.last().map(|r| r.entry.title.clone()));
    view! {
        <section class="pb-library" data-testid="dataset-library" aria-labelledby="pb-library-title">
            <div class="pb-library__head">
                <h2 id="pb-library-title" class="pb-section-title">
                    {state.tr("数据集", "Datasets")}
                </h2>
                <CompareOpen/>
            </div>
            <p class="pb-library__intro">
                {state.tr(
                    "在此浏览器中保存的数据集：内置数据和打开过的每个文件，各自保留修改记录。打开另一年的文件后，可以比较两年的数据。",
                    "The datasets kept in this browser: the built-in data and every file opened, each with its own edits. Open another year's file to compare two years.",
                )}
            </p>
            {move || status_line().map(|text| view! {
                <p class="pb-library__status" data-testid="library-status" role="alert">{text}</p>
            })}
            {move || set_aside().map(|text| view! {
                <p class="pb-library__status" data-testid="library-set-aside" role="status">{text}</p>
            })}
            <ul class="pb-library__list">
                <For each=entries key=|e: &Entry| (e.id.clone(), e.title.clone(), e.year, e.records) let(entry)>
                    <Item entry/>
                </For>
            </ul>
            {move || last_removed().map(|title| view! {
                <p class="pb-library__removed" data-testid="dataset-removed" role="status">
                    {move || match lang.get() {
                        Lang::Zh => format!("已删除“{title}”。"),
                        Lang::En => format!("Removed “{title}”."),
                    }}
                    " "
                    <button type="button" class="pb-button" data-testid="dataset-undo-remove"
                        on:click=move |_| ask(state, Action::Restore)>
                        {state.tr("撤销删除", "Undo remove")}
                    </button>
                </p>
            })}
        </section>
    }
}

#[component]
fn Item(entry: Entry) -> impl IntoView {
    let state = BoardState::expect();
    let lang = state.lang;
    let id = StoredValue::new(entry.id.clone());
    let title = entry.title.clone();
    let active = move || {
        state
            .library_id
            .with(|a| a.as_deref() == Some(id.get_value().as_str()))
    };
    // The dataset on screen counts its records live (edits add and delete them).
    let stored_records = entry.records;
    let records = move || {
        let n = if active() {
            state.dataset.with(|d| d.records.len())
        } else {
            stored_records
        };
        match lang.get() {
            Lang::Zh => format!("{n} 条记录"),
            Lang::En => crate::domain::figures::count_noun(n as u64, "record", "records"),
        }
    };
    let year = entry.year;
    let rename = {
        let title = title.clone();
        move |_| {
            let question = lang
                .get_untracked()
                .pick("数据集的新名称：", "The dataset's new name:");
            if let Ok(Some(new)) = window().prompt_with_message_and_default(question, &title)
                && !new.trim().is_empty()
            {
                ask(state, Action::Rename(id.get_value(), new));
            }
        }
    };
    let remove = {
        let title = title.clone();
        move |_| {
            let question = match lang.get_untracked() {
                Lang::Zh => format!(
                    "从此浏览器的数据集列表中删除“{title}”吗？删除后，在关闭本页之前还可以撤销。"
                ),
                Lang::En => format!(
                    "Remove “{title}” from this browser's dataset list? Until this page is closed, you can undo it."
                ),
            };
            if window().confirm_with_message(&question).unwrap_or(false) {
                ask(state, Action::Remove(id.get_value()));
            }
        }
    };
    let set_year = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let year = value
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|y| (1990..2100).contains(y));
        if year.is_some() || value.trim().is_empty() {
            ask(state, Action::SetYear(id.get_value(), year));
        }
    };
    view! {
        <li class="pb-library__item" class:pb-library__item--active=active
            data-testid="dataset-item" data-title=title.clone() data-id=id.get_value()>
            <span class="pb-library__title">{title.clone()}</span>
            {move || active().then(|| view! {
                <span class="pb-library__badge">{state.tr("当前", "On screen")}</span>
            })}
            <span class="pb-library__year" data-testid="dataset-year">
                {match year {
                    Some(year) => view! { <span>{move || match lang.get() {
                        Lang::Zh => format!("{year} 年"),
                        Lang::En => year.to_string(),
                    }}</span> }.into_any(),
                    None => view! {
                        <label>
                            {state.tr("年份 ", "Year ")}
                            <input type="number" min="1990" max="2099" inputmode="numeric"
                                class="pb-library__year-input" data-testid="dataset-year-input"
                                on:change=set_year/>
                        </label>
                    }.into_any(),
                }}
            </span>
            <span class="pb-library__records" data-testid="dataset-records">{records}</span>
            <span class="pb-library__actions">
                <button type="button" class="pb-button" data-testid="dataset-open"
                    disabled=active on:click=move |_| ask(state, Action::Open(id.get_value()))>
                    {state.tr("打开", "Open")}
                </button>
                <button type="button" class="pb-button" data-testid="dataset-rename" on:click=rename>
                    {state.tr("重命名", "Rename")}
                </button>
                <button type="button" class="pb-button" data-testid="dataset-export"
                    on:click=move |_| ask(state, Action::Export(id.get_value()))>
                    {state.tr("导出 JSON", "Export JSON")}
                </button>
                <button type="button" class="pb-button" data-testid="dataset-remove"
                    disabled=active on:click=remove
                    title=move || active().then(|| lang.get().pick("屏幕上的数据集不能删除：请先打开另一个。", "The dataset on screen cannot be removed: open another first."))>
                    {state.tr("删除", "Remove")}
                </button>
            </span>
        </li>
    }
}

/// Opens the comparison of the earliest and the latest year of the library (or, with one
/// dataset, the comparison's own word on what it needs).
#[component]
pub fn CompareOpen() -> impl IntoView {
    let state = BoardState::expect();
    let open = move |_| {
        let choice = crate::library::library().catalog.with_untracked(|c| {
            c.as_ref().and_then(|c| {
                c.comparison
                    .clone()
                    .filter(|choice| choice.a != choice.b)
                    .or_else(|| c.default_comparison())
            })
        });
        let active = state.library_id.get_untracked().unwrap_or_default();
        let view = match choice {
            Some(choice) => CompareView::new(&choice.a, &choice.b),
            None => CompareView::new(&active, &active),
        };
        state.view.update(|v| v.compare = Some(view));
        if let Some(section) = document().get_element_by_id("pb-compare") {
            section.scroll_into_view();
        }
    };
    view! {
        <button type="button" class="pb-button" data-testid="compare-open" on:click=open>
            {state.tr("比较两年…", "Compare two years…")}
        </button>
    }
}
