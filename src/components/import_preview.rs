//! The preview of a table whose headings are not the report's own: the sheet, each column with
//! the field it will fill (a choice per column, "not used" among them), the first rows, the key
//! figures they give, the rows left out and why, and every problem by row and column. Nothing
//! changes until `import-confirm`; `import-cancel` leaves everything as it was.

use leptos::prelude::*;

use crate::domain::Totals;
use crate::domain::fields::Field;
use crate::domain::figures::format_rate;
use crate::domain::import::{Draft, MergePlan, plan_merge};
use crate::domain::lang::{Lang, format_count};
use crate::state::BoardState;

/// Rows of the sheet shown under the header.
const PREVIEW_ROWS: usize = 8;
/// Problems listed at most (the rest are counted).
const PROBLEMS_SHOWN: usize = 100;

#[component]
pub fn ImportPreview() -> impl IntoView {
    let state = BoardState::expect();
    move || {
        let lang = state.lang.get();
        state
            .import
            .with(|draft| draft.as_ref().map(|draft| panel(state, draft, lang)))
    }
}

fn panel(state: BoardState, draft: &Draft, lang: Lang) -> impl IntoView + use<> {
    let reading = draft.read();
    let headings = draft.headings();
    let choices = headings
        .iter()
        .enumerate()
        .map(|(column, heading)| {
            let chosen = draft.columns.get(column).copied().flatten();
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
                            let field = Field::from_key(&ev.target().value());
                            state.import.update(|draft| {
                                if let Some(draft) = draft {
                                    draft.assign(column, field);
                                }
                            });
                        }
                    >
                        {options}
                    </select>
                </th>
            }
        })
        .collect_view();
    let body = (draft.header_row + 1..draft.sheet.rows.len())
        .filter(|&row| draft.sheet.rows[row].iter().any(|cell| !cell.is_blank()))
        .take(PREVIEW_ROWS)
        .map(|row| {
            let cells = (0..headings.len())
                .map(|column| {
                    let used = draft.columns.get(column).copied().flatten().is_some();
                    view! {
                        <td class:pb-import__unused=!used>{draft.sheet.cell(row, column).text()}</td>
                    }
                })
                .collect_view();
            view! { <tr><th scope="row">{row + 1}</th>{cells}</tr> }
        })
        .collect_view();
    let skipped = reading
        .skipped
        .iter()
        .map(|(row, why)| {
            let text = match lang {
                Lang::Zh => format!("第 {row} 行：{}", why.describe(lang)),
                Lang::En => format!("Row {row}: {}", why.describe(lang)),
            };
            view! { <li>{text}</li> }
        })
        .collect_view();
    let filled = (reading.filled_down > 0).then(|| {
        let text = match lang {
            Lang::Zh => format!(
                "合并单元格：{} 个空的批次或证书单元格按上一行的值读取。",
                reading.filled_down
            ),
            Lang::En => format!(
                "Merged cells: {} empty batch or certificate cells read as the row above.",
                format_count(reading.filled_down as u64, lang)
            ),
        };
        view! { <p class="pb-import__note" data-testid="import-filled">{text}</p> }
    });
    let (figures, problems) = match &reading.result {
        Ok(dataset) => {
            let totals = Totals::of(&dataset.records);
            let text = match lang {
                Lang::Zh => format!(
                    "将打开 {} 条记录：报考 {} 人，获证 {} 人，通过率（已公布成绩）{}，通过率（全部报考）{}。",
                    totals.records,
                    totals.registered,
                    totals.certified,
                    format_rate(totals.pass_rate_published()),
                    format_rate(totals.pass_rate_all_registered()),
                ),
                Lang::En => format!(
                    "Opens {} records: {} registered, {} certified, pass rate {} (published results), {} (all registered).",
                    format_count(totals.records as u64, lang),
                    format_count(totals.registered, lang),
                    format_count(totals.certified, lang),
                    format_rate(totals.pass_rate_published()),
                    format_rate(totals.pass_rate_all_registered()),
                ),
            };
            (Some(text), Vec::new())
        }
        Err(errors) => (None, errors.iter().map(|e| e.message(lang)).collect()),
    };
    let blocked = !problems.is_empty();
    let problem_count = problems.len();
    let problem_list = problems
        .into_iter()
        .take(PROBLEMS_SHOWN)
        .map(|text| view! { <li>{text}</li> })
        .collect_view();
    let heading = match lang {
        Lang::Zh => format!("预览：{}", draft.name),
        Lang::En => format!("Preview: {}", draft.name),
    };
    let intro = match lang {
        Lang::Zh => format!(
            "这张表不能直接打开（表头与报告的表格不同，或缺少几列），请先核对：表头在第 {} 行，下面每一列选好对应的字段（不需要的列选“不使用”）。确认之前，当前数据不会有任何改动。",
            draft.header_row + 1
        ),
        Lang::En => format!(
            "This table cannot open as it is (its headings are not the report's, or it lacks columns); check it first. The header is row {}; pick the field each column fills below (\"Not used\" for the others). Nothing on screen changes until you confirm.",
            draft.header_row + 1
        ),
    };
    let sheet_name = draft.sheet.name.clone();
    let merge = state
        .dataset
        .with_untracked(|dataset| plan_merge(draft, dataset))
        .map(|plan| merge_offer(state, plan, lang));
    view! {
        <section class="pb-import" data-testid="import-preview" aria-labelledby="pb-import-title">
            <h2 id="pb-import-title" class="pb-section-title">{heading}</h2>
            <p>{intro}</p>
            {merge}
            <p class="pb-import__sheet">
                {lang.pick("工作表：", "Sheet: ")}
                <span data-testid="import-sheet">{sheet_name}</span>
            </p>
            <div class="pb-table-scroll">
                <table class="pb-table pb-import__table">
                    <thead>
                        <tr><th scope="col">{lang.pick("行", "Row")}</th>{choices}</tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            {filled}
            {figures.map(|text| view! { <p class="pb-import__figures" data-testid="import-figures">{text}</p> })}
            <details class="pb-import__skipped" open=!reading.skipped.is_empty()>
                <summary>
                    {match lang {
                        Lang::Zh => format!("不作为记录读取的行（{} 行）", reading.skipped.len()),
                        Lang::En => format!("Rows not read as records ({})", reading.skipped.len()),
                    }}
                </summary>
                <ul data-testid="import-skipped">{skipped}</ul>
            </details>
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
                    disabled=blocked
                    on:click=move |_| {
                        let Some(draft) = state.import.get_untracked() else { return };
                        if let Ok(dataset) = draft.read().result {
                            state.open_dataset(&draft.name, dataset);
                        }
                    }
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

/// The offer to merge the table's columns into the records on screen that its rows match.
fn merge_offer(state: BoardState, plan: MergePlan, lang: Lang) -> impl IntoView + use<> {
    let fields = plan
        .fields
        .iter()
        .map(|field| field.label(lang))
        .collect::<Vec<_>>()
        .join(lang.pick("、", ", "));
    let text = match lang {
        Lang::Zh => format!(
            "这张表的行按申报批次、证书名称和等级对上了当前数据的 {} 条记录：可以把它的 {fields} 并入这些记录（一步操作，可撤销）。",
            plan.matched
        ),
        Lang::En => format!(
            "This table's rows match {} records on screen by batch, certificate and level: its {fields} can be merged into them (one step, which undo takes back).",
            format_count(plan.matched as u64, lang)
        ),
    };
    let unmatched_rows = plan
        .unmatched_rows
        .iter()
        .map(|(row, label)| {
            let text = match lang {
                Lang::Zh => format!("表中第 {row} 行（{label}）没有对应的记录"),
                Lang::En => format!("Row {row} ({label}) matches no record"),
            };
            view! { <li>{text}</li> }
        })
        .collect_view();
    let unmatched_records = state.dataset.with_untracked(|dataset| {
        plan.unmatched_records
            .iter()
            .map(|&i| {
                let record = &dataset.records[i];
                let text = match lang {
                    Lang::Zh => format!(
                        "当前记录 {} · {} · {} 在表中没有对应的行",
                        record.batch,
                        record.certificate,
                        record.level.label(lang)
                    ),
                    Lang::En => format!(
                        "The record {} · {} · {} has no row in the table",
                        record.batch,
                        record.certificate,
                        record.level.label(lang)
                    ),
                };
                view! { <li>{text}</li> }
            })
            .collect_view()
    });
    let problems = plan
        .problems
        .iter()
        .map(|error| view! { <li>{error.message(lang)}</li> })
        .collect_view();
    let blocked = !plan.problems.is_empty();
    let records = StoredValue::new(plan.records);
    view! {
        <div class="pb-import__merge" data-testid="import-merge-offer">
            <p>{text}</p>
            <ul data-testid="import-unmatched">{unmatched_rows}{unmatched_records}</ul>
            <ol class="pb-load-error__list">{problems}</ol>
            <button
                class="pb-button pb-button--primary"
                data-testid="import-merge"
                disabled=blocked
                on:click=move |_| {
                    let merged = records.get_value();
                    state.edit(|editor| editor.update_all(merged));
                    state.import.set(None);
                }
            >
                {lang.pick("并入当前数据", "Merge into the data on screen")}
            </button>
        </div>
    }
}
