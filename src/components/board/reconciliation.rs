//! The totals computed from the records beside the totals the report printed, with every
//! disagreement explained, and the warnings about single records.

use leptos::prelude::*;

use crate::domain::chart_data::BarTarget;
use crate::domain::lang::format_count;
use crate::domain::{Lang, reconcile};
use crate::state::BoardState;
use crate::web::prefs::Prefs;

/// How many warnings the list shows at first, and adds at each "show more".
const WARNINGS_PAGE: usize = 100;

#[component]
pub fn ReconciliationPanel() -> impl IntoView {
    let state = BoardState::expect();
    // Of the whole dataset, always: the report's printed totals are for all of it. Worked out
    // here, with the panel's own chunk, not in the first load.
    let reconciliation = Memo::new(move |_| state.dataset.with(reconcile));
    let lines = move || {
        let lang = state.lang.get();
        reconciliation.with(|r| {
            r.totals
                .iter()
                .map(|line| {
                    view! {
                        <tr class:pb-recon__flagged=line.is_flagged()>
                            <th scope="row">{line.figure.label(lang)}</th>
                            <td class="pb-num">{line.computed_text(lang)}</td>
                            <td class="pb-num">{line.reported_text(lang)}</td>
                            <td>
                                <span aria-hidden="true">{line.verdict.mark()}" "</span>
                                {line.verdict.label(lang)}
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let explanations = move || {
        let lang = state.lang.get();
        reconciliation.with(|r| {
            r.flagged()
                .filter_map(|line| line.explanation(lang))
                .map(|sentence| view! { <li>{sentence}</li> })
                .collect_view()
        })
    };
    // Whatever the totals: a major under an old and a new code, and why it counts once.
    let merged_majors = move || {
        let lang = state.lang.get();
        reconciliation.with(|r| {
            r.merged_majors
                .iter()
                .filter_map(|major| major.why_one(lang))
                .map(|sentence| view! { <li data-testid="reconciliation-major-codes">{sentence}</li> })
                .collect_view()
        })
    };
    // Built only while the list is open, a page at a time: a large dataset has thousands of
    // warnings, and building them all with the dashboard made opening and editing it slow.
    // Closed, the list starts again at one page.
    let open = RwSignal::new(false);
    let pages = RwSignal::new(1usize);
    // On paper the list is printed whole, open or not.
    let printing = use_context::<Prefs>().map(|p| p.printing);
    let printing = move || printing.is_some_and(|p| p.get());
    let items = move || {
        let lang = state.lang.get();
        state.dataset.with(|dataset| {
            reconciliation.with(|r| {
                r.warnings
                    .iter()
                    .take(if printing() {
                        usize::MAX
                    } else {
                        pages.get() * WARNINGS_PAGE
                    })
                    .map(|warning| {
                        let text = warning.message(&dataset.records[warning.index], lang);
                        let target = BarTarget::Record(warning.index);
                        let focus = move |_| {
                            state
                                .dataset
                                .with_untracked(|d| state.view.update(|v| v.focus(&target, d)))
                        };
                        view! {
                            <li>
                                {text}" "
                                <button class="pb-link" data-testid="warning-focus" on:click=focus>
                                    {lang.pick("筛选到这条", "Show this record")}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let more = move || {
        let shown = pages.get() * WARNINGS_PAGE;
        let total = reconciliation.with(|r| r.warnings.len());
        (total > shown).then(|| {
            let next = WARNINGS_PAGE.min(total - shown);
            let label = match state.lang.get() {
                Lang::Zh => format!("再显示 {next} 条（共 {total} 条）"),
                Lang::En => format!(
                    "Show {next} more (of {})",
                    format_count(total as u64, Lang::En)
                ),
            };
            view! {
                <button
                    class="pb-button"
                    data-testid="warnings-more"
                    on:click=move |_| pages.update(|n| *n += 1)
                >
                    {label}
                </button>
            }
        })
    };
    let warnings = move || {
        (open.get() || printing()).then(|| {
            view! {
                <ul>{items}</ul>
                {more}
            }
        })
    };
    let has_totals = move || reconciliation.with(|r| !r.totals.is_empty());
    let warnings_heading = move || {
        let count = reconciliation.with(|r| r.warnings.len());
        match state.lang.get() {
            Lang::Zh => format!("需要留意的记录（{count} 条）"),
            Lang::En => format!(
                "Records to look at ({})",
                format_count(count as u64, Lang::En)
            ),
        }
    };

    view! {
        <section class="pb-recon" aria-labelledby="pb-recon-title" data-testid="reconciliation">
            <h2 id="pb-recon-title" class="pb-section-title">
                {state.tr("数据核对", "Checks against the report")}
            </h2>
            <Show
                when=has_totals
                fallback=move || view! {
                    <p class="pb-muted">
                        {state.tr(
                            "数据文件没有给出报告合计数，无从核对。",
                            "The data file gives no report totals to check against.",
                        )}
                    </p>
                }
            >
                <table class="pb-table pb-recon__table">
                    <thead>
                        <tr>
                            <th scope="col">{state.tr("项目", "Figure")}</th>
                            <th scope="col" class="pb-num">{state.tr("按记录计算", "From the records")}</th>
                            <th scope="col" class="pb-num">{state.tr("报告数字", "In the report")}</th>
                            <th scope="col">{state.tr("核对结果", "Result")}</th>
                        </tr>
                    </thead>
                    <tbody>{lines}</tbody>
                </table>
                <ul class="pb-recon__explanations">{explanations}</ul>
            </Show>
            <details
                class="pb-recon__warnings"
                prop:open=move || open.get() || printing()
                on:toggle:target=move |ev| {
                    if printing() {
                        return;
                    }
                    let is_open = ev.target().open();
                    open.set(is_open);
                    if !is_open {
                        pages.set(1);
                    }
                }
            >
                <summary>{warnings_heading}</summary>
                {warnings}
            </details>
            <ul class="pb-recon__explanations">{merged_majors}</ul>
        </section>
    }
}
