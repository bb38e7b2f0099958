//! The preview of a workbook, or of a table whose headings are not the report's own: the sheet
//! (a choice where there are several), each column with the field it will fill (a choice per
//! column, "not used" among them), the first rows, the key figures they give, the rows left out
//! and why, and every problem by row and column. The import worker reads the table; this view
//! shows its reading and sends each choice back. Nothing changes until `import-confirm`;
//! `import-cancel` leaves everything as it was.

use leptos::prelude::*;

use crate::domain::fields::Field;
use crate::domain::import::Request;
use crate::domain::import::session::{Both, MergeOffer, Preview, RowKind, RowLine};
use crate::domain::lang::Lang;
use crate::state::BoardState;

#[component]
pub fn ImportPreview() -> impl IntoView {
    crate::web::sheets::add(crate::web::sheets::FILES);
    let state = BoardState::expect();
    // The first workbook loads the reader too: a wait that can be seen.
    let busy = move || {
        state.import_busy.get().map(|name| {
            let text = match state.lang.get() {
                Lang::Zh => format!("正在读取“{name}”…"),
                Lang::En => format!("Reading “{name}”…"),
            };
            view! {
                <p class="pb-import__busy" role="status" data-testid="import-busy">
                    {text}
                    <button
                        class="pb-button"
                        data-testid="import-busy-cancel"
                        on:click=move |_| crate::import_client::cancel()
                    >
                        {state.tr("停止读取", "Stop reading")}
                    </button>
                </p>
            }
        })
    };
    let panel = move || {
        let lang = state.lang.get();
        state
            .import
            .with(|preview| preview.as_ref().map(|preview| panel(state, preview, lang)))
    };
    view! { {busy} {panel} }
}

fn panel(state: BoardState, preview: &Preview, lang: Lang) -> impl IntoView + use<> {
    let choices = preview
        .headings
        .iter()
        .enumerate()
        .map(|(column, heading)| {
            let chosen = preview
                .columns
                .get(column)
                .cloned()
                .flatten()
                .and_then(|key| Field::from_key(&key));
            let options = std::iter::once(None)
                .chain(Field::ALL.into_iter().map(Some))
                .map(|field| {
                    let (value, label) = match field {
                        Some(field) => (field.key(), field.label(lang)),
                        None => ("", lang.pick("不使用", "Not used")),
                    };
                    view! { <option value=value selected=field == chosen>{label}</option> }
                })
                .collect_view();
            view! {
                <th scope="col">
                    <span class="pb-import__heading">{heading.clone()}</span>
                    <select
                        class="pb-select"
                        data-testid="import-column"
                        data-column=column.to_string()
                        aria-label=format!("{} {}", lang.pick("第几列：", "Column:"), column + 1)
                        on:change:target=move |ev| {
                            let field = Field::from_key(&ev.target().value())
                                .map(|field| field.key().to_string());
                            state.revise_import(Request::Assign { column, field });
                        }
                    >
                        {options}
                    </select>
                </th>
            }
        })
        .collect_view();
    let used: Vec<bool> = preview.columns.iter().map(Option::is_some).collect();
    let kinds = preview.row_kinds.clone();
    let body = preview
        .rows
        .iter()
        .zip(kinds)
        .map(|((row, cells), kind)| {
            let cells = cells
                .iter()
                .enumerate()
                .map(|(column, text)| {
                    let used = used.get(column).copied().unwrap_or(false);
                    view! { <td class:pb-import__unused=!used>{text.clone()}</td> }
                })
                .collect_view();
            let row = *row;
            let button = (kind != RowKind::Fixed).then(|| row_button(state, row, kind == RowKind::Out, lang));
            view! {
                <tr class:pb-import__left-out=kind != RowKind::Record data-testid="import-row" data-row=row.to_string()>
                    <th scope="row">
                        {row}" "
                        {button}
                    </th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let filled = preview.filled.as_ref().map(|text| {
        view! { <p class="pb-import__note" data-testid="import-filled">{text.get(lang).to_string()}</p> }
    });
    let figures = preview.figures.as_ref().map(|text| {
        view! { <p class="pb-import__figures" data-testid="import-figures">{text.get(lang).to_string()}</p> }
    });
    let problem_count = preview.problem_count;
    let blocked = problem_count > 0;
    let problem_list = row_items(state, &preview.problems, lang);
    let heading = match lang {
        Lang::Zh => format!("预览：{}", preview.name),
        Lang::En => format!("Preview: {}", preview.name),
    };
    let intro = match lang {
        Lang::Zh => format!(
            "请先核对这张表怎样读取：表头在第 {} 行，下面每一列选好对应的字段（不需要的列选“不使用”）。确认之前，当前数据不会有任何改动。",
            preview.header_row + 1
        ),
        Lang::En => format!(
            "Check how this table will be read first. The header is row {}; pick the field each column fills below (\"Not used\" for the others). Nothing on screen changes until you confirm.",
            preview.header_row + 1
        ),
    };
    let sheet = if preview.sheets.len() > 1 {
        let options = preview
            .sheets
            .iter()
            .enumerate()
            .map(|(index, name)| {
                view! { <option value=index.to_string() selected=index == preview.sheet>{name.clone()}</option> }
            })
            .collect_view();
        view! {
            <select
                class="pb-select"
                data-testid="import-sheet"
                aria-label=lang.pick("工作表", "Sheet")
                on:change:target=move |ev| {
                    if let Ok(index) = ev.target().value().parse() {
                        state.revise_import(Request::Sheet(index));
                    }
                }
            >
                {options}
            </select>
        }
        .into_any()
    } else {
        let name = preview.sheets.first().cloned().unwrap_or_default();
        view! { <span data-testid="import-sheet">{name}</span> }.into_any()
    };
    let merge = preview
        .merge
        .clone()
        .map(|offer| merge_offer(state, offer, lang));
    // What a Word report's own text gives: its title and day, and each report-level figure
    // with the sentence it was read from, to keep or leave out.
    let report = preview.report.clone().map(|report| {
        let said = |label: &str, value: Option<String>| {
            value.map(|value| view! { <li>{label.to_string()}{value}</li> })
        };
        let title = said(lang.pick("标题：", "Title: "), report.title.clone());
        let as_of = said(lang.pick("数据截至：", "Data as of: "), report.as_of.clone());
        let figures = report
            .figures
            .iter()
            .enumerate()
            .map(|(index, figure)| {
                view! {
                    <li>
                        <label title=figure.sentence.clone()>
                            <input
                                type="checkbox"
                                data-testid="import-report-figure"
                                prop:checked=figure.on
                                on:change:target=move |ev| {
                                    let on = ev.target().checked();
                                    state.revise_import(Request::Figure { index, on })
                                }
                            />
                            " "
                            {figure.text.clone()}
                        </label>
                        <span class="pb-import__sentence">{figure.sentence.clone()}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="pb-import__report" data-testid="import-report">
                <p>{lang.pick(
                    "从文档的文字中读到（确认时一并打开；不需要的数字请取消勾选）：",
                    "Read from the document's text (opened with the table; untick a figure to leave it out):",
                )}</p>
                <ul>{title}{as_of}{figures}</ul>
            </div>
        }
    });
    // A Word document's "sheets" are its tables.
    let word = preview.name.to_lowercase().ends_with(".docx");
    let sheet_label = match word {
        true => lang.pick("表格：", "Table: "),
        false => lang.pick("工作表：", "Sheet: "),
    };
    // Another table of the same file that merges into these records (a Word report's table 1).
    let companion = preview.companion.clone().map(|companion| {
        view! {
            <p class="pb-import__companion">
                <label>
                    <input
                        type="checkbox"
                        data-testid="import-companion"
                        prop:checked=companion.on
                        on:change:target=move |ev| {
                            state.revise_import(Request::Companion(ev.target().checked()))
                        }
                    />
                    " "
                    {companion.text.get(lang).to_string()}
                </label>
            </p>
        }
    });
    let skipped_count = preview.skipped_count;
    let skipped = folded(
        "pb-import__skipped",
        "import-skipped",
        match lang {
            Lang::Zh => format!("不作为记录读取的行（{skipped_count} 行）"),
            Lang::En => format!("Rows not read as records ({skipped_count})"),
        },
        skipped_count > 0,
        row_items(state, &preview.skipped, lang),
        preview.skipped.len(),
        skipped_count,
        lang,
    );
    view! {
        <section class="pb-import" data-testid="import-preview" aria-labelledby="pb-import-title">
            <h2 id="pb-import-title" class="pb-section-title">{heading}</h2>
            <p>{intro}</p>
            {merge}
            <p class="pb-import__sheet">
                <label>{sheet_label} {sheet}</label>
            </p>
            {companion}
            {report}
            <div class="pb-table-scroll">
                <table class="pb-table pb-import__table">
                    <thead>
                        <tr><th scope="col">{lang.pick("行", "Row")}</th>{choices}</tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            {filled}
            {figures}
            {skipped}
            {blocked.then(|| view! {
                <div class="pb-load-error" role="alert">
                    <p class="pb-load-error__title">
                        {match lang {
                            Lang::Zh => format!("还有 {problem_count} 个问题，改好对应的列或文件后才能打开："),
                            Lang::En => format!("{problem_count} problems to settle (pick the right columns, or fix the file) before it opens:"),
                        }}
                    </p>
                    <ol class="pb-load-error__list" data-testid="import-problems">{problem_list}</ol>
                </div>
            })}
            <div class="pb-import__actions">
                <button
                    class="pb-button pb-button--primary"
                    data-testid="import-confirm"
                    disabled=move || blocked || state.import_waiting.get()
                    on:click=move |_| state.confirm_import(false)
                >
                    {lang.pick("确认，打开这些数据", "Confirm and open")}
                </button>
                <button
                    class="pb-button"
                    data-testid="import-cancel"
                    on:click=move |_| state.import.set(None)
                >
                    {lang.pick("取消", "Cancel")}
                </button>
            </div>
        </section>
    }
}

/// The worker's texts as list items, in `lang`.
fn items(texts: &[Both], lang: Lang) -> impl IntoView + use<> {
    texts
        .iter()
        .map(|text| view! { <li>{text.get(lang).to_string()}</li> })
        .collect_view()
}

/// Lines about rows as list items, each with the button that leaves its row out (a problem's
/// row, which is read) or takes it back (a row left out, or a note).
fn row_items(state: BoardState, lines: &[RowLine], lang: Lang) -> AnyView {
    lines
        .iter()
        .map(|line| {
            let button = line.row.map(|row| row_button(state, row, line.out, lang));
            view! { <li>{line.text.get(lang).to_string()}" "{button}</li> }
        })
        .collect_view()
        .into_any()
}

/// One click to leave row `row` out of the records (when it is read, `out` false) or to take it
/// back (when it is left out).
fn row_button(state: BoardState, row: usize, out: bool, lang: Lang) -> impl IntoView + use<> {
    let (label, testid, title) = if out {
        (
            lang.pick("恢复", "Take back"),
            "import-row-take-back",
            match lang {
                Lang::Zh => format!("把第 {row} 行作为记录读取"),
                Lang::En => format!("Read row {row} as a record"),
            },
        )
    } else {
        (
            lang.pick("不读取", "Leave out"),
            "import-row-leave-out",
            match lang {
                Lang::Zh => format!("不读取第 {row} 行"),
                Lang::En => format!("Leave row {row} out"),
            },
        )
    };
    view! {
        <button
            class="pb-link pb-import__row-button"
            data-testid=testid
            data-row=row.to_string()
            title=title.clone()
            aria-label=title
            disabled=move || state.import_waiting.get()
            on:click=move |_| state.revise_import(Request::Row { row, out: !out })
        >
            {label}
        </button>
    }
}

/// A list under a summary that can be folded: the first `shown` of `count` items, and a line
/// that says how many more there are.
#[allow(clippy::too_many_arguments)]
fn folded(
    class: &'static str,
    testid: &'static str,
    summary: String,
    open: bool,
    items: AnyView,
    shown: usize,
    count: usize,
    lang: Lang,
) -> impl IntoView + use<> {
    let more = (count > shown).then(|| {
        let text = match lang {
            Lang::Zh => format!("……另有 {} 条，未一一列出", count - shown),
            Lang::En => format!("… and {} more, not listed", count - shown),
        };
        view! { <li class="pb-import__more">{text}</li> }
    });
    view! {
        <details class=class open=open>
            <summary>{summary}</summary>
            <ul data-testid=testid>{items}{more}</ul>
        </details>
    }
}

/// The offer to merge the table's columns into the records on screen that its rows match.
fn merge_offer(state: BoardState, offer: MergeOffer, lang: Lang) -> impl IntoView + use<> {
    let problems = items(&offer.problems, lang);
    let blocked = !offer.problems.is_empty();
    let unmatched_count = offer.unmatched_count;
    // A few are read at a glance; a long list (a table of another year over this one) is
    // there when wanted.
    let unmatched = folded(
        "pb-import__unmatched",
        "import-unmatched",
        match lang {
            Lang::Zh => format!("对不上的行和记录（{unmatched_count} 条）"),
            Lang::En => format!("Rows and records that match nothing ({unmatched_count})"),
        },
        unmatched_count <= 5,
        items(&offer.unmatched, lang).into_any(),
        offer.unmatched.len(),
        unmatched_count,
        lang,
    );
    view! {
        <div class="pb-import__merge" data-testid="import-merge-offer">
            <p>{offer.text.get(lang).to_string()}</p>
            {unmatched}
            <ol class="pb-load-error__list">{problems}</ol>
            <button
                class="pb-button pb-button--primary"
                data-testid="import-merge"
                disabled=move || blocked || state.import_waiting.get()
                on:click=move |_| state.confirm_import(true)
            >
                {lang.pick("并入当前数据", "Merge into the data on screen")}
            </button>
        </div>
    }
}
