//! The totals computed from the records beside the totals the report printed, with every
//! disagreement explained, and the warnings about single records.

use leptos::prelude::*;

use crate::domain::chart_data::BarTarget;
use crate::domain::reconcile::Verdict;
use crate::state::BoardState;

#[component]
pub fn ReconciliationPanel() -> impl IntoView {
    let state = BoardState::expect();
    let lines = move || {
        let lang = state.lang.get();
        state.reconciliation.with(|r| {
            r.totals
                .iter()
                .map(|line| {
                    let (mark, status) = match line.verdict {
                        Verdict::Agrees => ("✓", "一致"),
                        Verdict::NotReported => ("–", "报告未列"),
                        Verdict::Differs => ("⚠", "不一致"),
                        Verdict::RateCountsPendingAsFailed { .. } => ("⚠", "口径不同"),
                    };
                    view! {
                        <tr class:pb-recon__flagged=line.is_flagged()>
                            <th scope="row">{line.figure.label(lang)}</th>
                            <td class="pb-num">{line.computed_text()}</td>
                            <td class="pb-num">{line.reported_text()}</td>
                            <td><span aria-hidden="true">{mark}" "</span>{status}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let explanations = move || {
        let lang = state.lang.get();
        state.reconciliation.with(|r| {
            r.flagged()
                .filter_map(|line| line.explanation(lang))
                .map(|sentence| view! { <li>{sentence}</li> })
                .collect_view()
        })
    };
    let warnings = move || {
        let lang = state.lang.get();
        state.dataset.with(|dataset| {
            state.reconciliation.with(|r| {
                r.warnings
                    .iter()
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
                                    "筛选到这条"
                                </button>
                            </li>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let has_totals = move || state.reconciliation.with(|r| !r.totals.is_empty());
    let warning_count = move || state.reconciliation.with(|r| r.warnings.len());

    view! {
        <section class="pb-recon" aria-labelledby="pb-recon-title" data-testid="reconciliation">
            <h2 id="pb-recon-title" class="pb-section-title">"数据核对"</h2>
            <Show
                when=has_totals
                fallback=|| view! { <p class="pb-muted">"数据文件没有给出报告合计数，无从核对。"</p> }
            >
                <table class="pb-table pb-recon__table">
                    <thead>
                        <tr>
                            <th scope="col">"项目"</th>
                            <th scope="col" class="pb-num">"按记录计算"</th>
                            <th scope="col" class="pb-num">"报告数字"</th>
                            <th scope="col">"核对结果"</th>
                        </tr>
                    </thead>
                    <tbody>{lines}</tbody>
                </table>
                <ul class="pb-recon__explanations">{explanations}</ul>
            </Show>
            <details class="pb-recon__warnings">
                <summary>"需要留意的记录（"{warning_count}" 条）"</summary>
                <ul>{warnings}</ul>
            </details>
        </section>
    }
}
