//! The records on paper: while the page is printed, every matching record as plain text in a
//! table whose cells wrap, in place of the page of text boxes (a box cannot wrap, so long
//! names were cut and narrow columns squeezed to a character).

use leptos::prelude::*;

use crate::domain::Lang;
use crate::domain::fields::Field;
use crate::domain::figures::format_rate;
use crate::state::BoardState;
use crate::web::prefs::Prefs;

/// More rows than this is no report's table: the rest are counted, and the CSV export has them.
const PRINTED_AT_MOST: usize = 2_000;

/// The printed columns: the record's fields but the reported rate, and the computed rate
/// after certified.
const COLUMNS: [Option<Field>; 10] = [
    Some(Field::Batch),
    Some(Field::Certificate),
    Some(Field::Level),
    Some(Field::Majors),
    Some(Field::ApprovedTrainees),
    Some(Field::SocialTrainingPersonDays),
    Some(Field::Registered),
    Some(Field::Certified),
    None,
    Some(Field::Note),
];

#[component]
pub fn PrintRecords() -> impl IntoView {
    let state = BoardState::expect();
    let printing = use_context::<Prefs>().map(|p| p.printing);
    move || {
        if !printing.is_some_and(|p| p.get()) {
            return None;
        }
        let lang = state.lang.get();
        let head = COLUMNS
            .iter()
            .map(|column| {
                let heading = match column {
                    Some(field) => field.label(lang),
                    None => lang.pick("通过率", "Pass rate"),
                };
                view! { <th scope="col" class:pb-num=is_numeric(*column)>{heading}</th> }
            })
            .collect_view();
        let (rows, count) = state.dataset.with(|dataset| {
            state.matching.with(|matching| {
                let rows = matching
                    .iter()
                    .take(PRINTED_AT_MOST)
                    .enumerate()
                    .map(|(n, &i)| {
                        let record = &dataset.records[i as usize];
                        let cells = COLUMNS
                            .iter()
                            .map(|column| {
                                let text = match column {
                                    Some(Field::Certified) if record.certified.is_none() => {
                                        lang.pick("未出成绩", "pending").to_string()
                                    }
                                    Some(field) => field.text(record),
                                    None => format_rate(record.pass_rate()),
                                };
                                let numeric = is_numeric(*column);
                                let short = matches!(column, Some(Field::Batch | Field::Level));
                                view! {
                                    <td class:pb-num=numeric class:pb-print-records__keep=short>
                                        {text}
                                    </td>
                                }
                            })
                            .collect_view();
                        view! { <tr><td class="pb-num">{n + 1}</td>{cells}</tr> }
                    })
                    .collect_view();
                (rows, matching.len())
            })
        });
        let rest = count.saturating_sub(PRINTED_AT_MOST);
        Some(view! {
            <table class="pb-table pb-print-records" data-testid="print-records">
                <thead><tr><th scope="col">{lang.pick("序号", "No.")}</th>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
            {(rest > 0).then(|| view! {
                <p class="pb-print-records__rest">
                    {match lang {
                        Lang::Zh => format!("另有 {rest} 条记录未打印，请用“导出 CSV”取得全部记录。"),
                        Lang::En => format!("{rest} more records are not printed; Export CSV has them all."),
                    }}
                </p>
            })}
        })
    }
}

/// Counts and rates: kept on one line, right-aligned, so `86.00%` never breaks.
fn is_numeric(column: Option<Field>) -> bool {
    matches!(
        column,
        None | Some(
            Field::ApprovedTrainees
                | Field::SocialTrainingPersonDays
                | Field::Registered
                | Field::Certified
        )
    )
}
