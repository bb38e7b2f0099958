//! The page header: the dataset's title, where it comes from and its date, "open a file",
//! the exports, and the switches of the interface language and the colour theme.

use leptos::prelude::*;

use crate::domain::caption::Caption;
use crate::domain::lang::format_date;
use crate::domain::table::{ExportScope, file_name, scoped_title, to_csv};
use crate::domain::{Dataset, Lang};
use crate::state::BoardState;
use crate::web::download::{download, today};
use crate::web::file_reader::open_picked;
use crate::web::prefs::{Prefs, Theme};

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
                // (Not in a standalone file: it cannot open workbooks, and its banner says what
                // it is.)
                <Show when=move || {
                    state.source_name.with(Option::is_none)
                        && !crate::web::standalone::is_standalone()
                }>
                    <p class="pb-header__sample" data-testid="sample-note">
                        {state.tr(
                            "这是示例数据：一所职业院校 2021 年的试点工作报告。要看自己学校的数据，请点“打开数据文件…”打开 Excel 或 WPS 工作簿（.xlsx、.xls、.et）、CSV 或本应用导出的 JSON，或在 Excel、WPS 中复制表格后直接在本页粘贴。",
                            "This is sample data: one vocational college's 2021 pilot report. To see your own, click “Open data file…” and open an Excel or WPS workbook (.xlsx, .xls, .et), a CSV, or a JSON file this app exported, or copy a table in Excel or WPS and paste it on this page.",
                        )}
                    </p>
                </Show>
            </div>
            <div class="pb-header__actions">
                <crate::on_demand::OnDemand load=header_actions/>
            </div>
        </header>
    }
}

crate::on_demand! { rest:
    /// Open, export, and the language and theme switches: right after the first screen.
    fn header_actions() -> crate::on_demand::Build {
        || view! {
            // A standalone file says where it came from (a row of its own, above the buttons).
            {crate::web::standalone::is_standalone()
                .then(|| view! { <crate::components::board::standalone::StandaloneBanner/> })}
            <OpenFile/>
            <Exports offer_scope=true/>
            <crate::components::board::standalone::ExportHtml/>
            <crate::components::board::share::ShareLink/>
            <LanguageSwitch/>
            <ThemeSwitch/>
        }
        .into_any()
    }
}

/// The data on screen, edits included, as a file: JSON (format v1, opens again as the same
/// data) and CSV for Excel. While a filter is on, `offer_scope` offers the records shown or all
/// of them (the records shown first: what the user is looking at), and the file's name says
/// which it holds; without it (the "your work is not saved" warning) every record is written.
#[component]
pub fn Exports(
    /// Whether to offer "the records shown" while a filter is on.
    #[prop(optional)]
    offer_scope: bool,
) -> impl IntoView {
    let state = BoardState::expect();
    let scope = RwSignal::new(ExportScope::Shown);
    let filter_on = Memo::new(move |_| state.view.with(|v| !v.filter.is_empty()));
    let offered = move || offer_scope && filter_on.get();
    let write = move |csv: bool| {
        let scope = if offered() {
            scope.get_untracked()
        } else {
            ExportScope::All
        };
        crate::on_demand::run(write_data(state, scope, offered(), csv));
    };
    let count_label = move |which: ExportScope| {
        let lang = state.lang.get();
        let (shown, total) = (
            state.totals.with(|t| t.records),
            state.dataset.with(|d| d.records.len()),
        );
        match (which, lang) {
            (ExportScope::Shown, Lang::Zh) => format!("筛选出的 {shown} 条"),
            (ExportScope::Shown, Lang::En) => format!("The {shown} shown"),
            (ExportScope::All, Lang::Zh) => format!("全部 {total} 条"),
            (ExportScope::All, Lang::En) => format!("All {total}"),
        }
    };
    view! {
        <Show when=offered>
            <label class="pb-export-scope">
                <span class="pb-visually-hidden">{state.tr("导出哪些记录", "Records to export")}</span>
                <select
                    class="pb-theme-switch__select"
                    data-testid="export-scope"
                    title=state.tr("导出哪些记录", "Records to export")
                    on:change:target=move |ev| scope.set(if ev.target().value() == "all" {
                        ExportScope::All
                    } else {
                        ExportScope::Shown
                    })
                >
                    <option value="shown" prop:selected=move || scope.get() == ExportScope::Shown>
                        {move || count_label(ExportScope::Shown)}
                    </option>
                    <option value="all" prop:selected=move || scope.get() == ExportScope::All>
                        {move || count_label(ExportScope::All)}
                    </option>
                </select>
            </label>
        </Show>
        <button
            class="pb-button"
            data-testid="export-json"
            on:click=move |_| write(false)
        >
            {state.tr("导出 JSON", "Export JSON")}
        </button>
        <button
            class="pb-button"
            data-testid="export-csv"
            on:click=move |_| write(true)
        >
            {state.tr("导出 CSV", "Export CSV")}
        </button>
        <button
            class="pb-button"
            data-testid="export-xlsx"
            title=state.tr(
                "Excel 工作簿：每条记录及其通过率（百分比数值），合计行为公式，另有核对表",
                "Excel workbook: every record with its pass rate (as a percent number), totals as formulas, and the reconciliation",
            )
            on:click=move |_| {
                let scope = if offered() { scope.get_untracked() } else { ExportScope::All };
                crate::on_demand::run(write_workbook(state, scope, offered()));
            }
        >
            {state.tr("导出 Excel", "Export Excel")}
        </button>
    }
}

crate::on_demand! { exports:
    fn write_data(state: BoardState, scope: ExportScope, offered: bool, csv: bool) -> () {
        hand_over_data(state, scope, offered, csv)
    }
}

/// Hands the user the dataset on screen (the records of `scope`) as JSON or as CSV.
fn hand_over_data(state: BoardState, scope: ExportScope, offered: bool, csv: bool) {
    let (ext, mime) = if csv {
        ("csv", "text/csv;charset=utf-8")
    } else {
        ("json", "application/json")
    };
    with_scoped(state, scope, offered, |_, data, title| {
        let bytes = if csv {
            to_csv(data)
        } else {
            data.to_json_pretty().into_bytes()
        };
        download(&file_name(&title, &today(), ext), mime, &bytes);
    });
}

/// Runs `write` on the dataset on screen, the records of `scope` in it, and the title a file of
/// them is named by.
fn with_scoped<R>(
    state: BoardState,
    scope: ExportScope,
    offered: bool,
    write: impl FnOnce(&Dataset, &Dataset, String) -> R,
) -> R {
    let lang = state.lang.get_untracked();
    state.dataset.with_untracked(|d| {
        let total = d.records.len();
        let subset =
            (scope == ExportScope::Shown).then(|| state.matching.with_untracked(|m| d.subset(m)));
        let data = subset.as_ref().unwrap_or(d);
        let title = scoped_title(&d.title, scope, offered, (data.records.len(), total), lang);
        write(d, data, title)
    })
}

crate::on_demand! { office:
    fn write_workbook(state: BoardState, scope: ExportScope, offered: bool) -> () {
        hand_over_workbook(state, scope, offered)
    }
}

/// Hands the user the records of `scope` as an Excel workbook that says which filters were on.
fn hand_over_workbook(state: BoardState, scope: ExportScope, offered: bool) {
    let lang = state.lang.get_untracked();
    with_scoped(state, scope, offered, |d, data, title| {
        // The filters the records were chosen by: none when every record is written.
        let filter = match scope {
            ExportScope::Shown => state.view.with_untracked(|v| v.filter.clone()),
            ExportScope::All => Default::default(),
        };
        let caption = state
            .index
            .with_untracked(|index| Caption::new(d, index, &filter, lang));
        let caption = Caption {
            dataset: title.clone(),
            ..caption
        };
        // A filter's share of a dataset with printed totals: those are for every record.
        let filtered = data.reported_totals.is_none() && d.reported_totals.is_some();
        match crate::office::xlsx::records_workbook(data, &caption, filtered, lang) {
            Ok(bytes) => {
                download(
                    &file_name(&title, &today(), "xlsx"),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    &bytes,
                );
            }
            Err(error) => {
                leptos::logging::error!("Excel export: {error}");
                let _ = window().alert_with_message(lang.pick(
                    "Excel 文件没能生成，请改用“导出 CSV”。",
                    "The Excel file could not be made; use Export CSV instead.",
                ));
            }
        }
    });
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
            crate::on_demand::run(open_picked(state, file));
        };
    view! {
        <label class="pb-button pb-button--primary">
            {state.tr("打开数据文件…", "Open data file…")}
            <input
                class="pb-visually-hidden"
                type="file"
                accept=".json,.csv,.tsv,.txt,.xlsx,.xlsm,.xls,.ods,.et,.ett,application/json,text/csv,text/tab-separated-values"
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
