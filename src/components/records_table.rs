//! Every matching record with every field and its computed pass rate, a page at a time.

use leptos::prelude::*;

use crate::domain::Record;
use crate::domain::figures::format_rate;
use crate::state::BoardState;

/// Rows on one page: the whole 2021 report (38 rows) fits; a filter change re-lays out at most
/// this many rows, whatever the size of the dataset.
const PAGE_SIZE: usize = 50;

#[component]
pub fn RecordsTable() -> impl IntoView {
    let state = BoardState::expect();
    let page = RwSignal::new(0usize);
    let record_count = move || state.matching.with(|m| m.len());
    let page_count = move || record_count().div_ceil(PAGE_SIZE).max(1);
    // A smaller dataset may have fewer pages than the one before it.
    let current_page = move || page.get().min(page_count() - 1);

    let rows = move || {
        let first = current_page() * PAGE_SIZE;
        state.dataset.with(|d| {
            state.matching.with(|matching| {
                matching
                    .iter()
                    .skip(first)
                    .take(PAGE_SIZE)
                    .map(|&index| record_row(index as usize, &d.records[index as usize]))
                    .collect_view()
            })
        })
    };
    let range = move || {
        let count = record_count();
        let first = current_page() * PAGE_SIZE;
        let last = (first + PAGE_SIZE).min(count);
        if count == 0 {
            "没有符合条件的记录".to_string()
        } else {
            format!("第 {}–{} 条，共 {count} 条", first + 1, last)
        }
    };

    view! {
        <section class="pb-records" aria-labelledby="pb-records-title">
            <h2 id="pb-records-title" class="pb-section-title">"试点明细"</h2>
            <div class="pb-table-scroll">
                <table class="pb-table pb-records__table" data-testid="records-table">
                    // Fixed column widths: the browser lays out a page of rows without
                    // measuring every cell first (a filter change re-lays it out at once).
                    <colgroup>
                        <col style="width: 3.5em"/>
                        <col style="width: 8.5em"/>
                        <col/>
                        <col style="width: 3.5em"/>
                        <col style="width: 14em"/>
                        <col style="width: 5.5em"/>
                        <col style="width: 6em"/>
                        <col style="width: 5em"/>
                        <col style="width: 5em"/>
                        <col style="width: 5.5em"/>
                        <col style="width: 5.5em"/>
                        <col style="width: 6em"/>
                    </colgroup>
                    <thead>
                        <tr>
                            <th scope="col" class="pb-num">"序号"</th>
                            <th scope="col">"申报批次"</th>
                            <th scope="col">"证书名称"</th>
                            <th scope="col">"等级"</th>
                            <th scope="col">"涵盖专业"</th>
                            <th scope="col" class="pb-num">"已批准"<wbr/>"培训人数"</th>
                            <th scope="col" class="pb-num">"社会培训量"<wbr/>"（人日）"</th>
                            <th scope="col" class="pb-num">"报考人数"</th>
                            <th scope="col" class="pb-num">"获证人数"</th>
                            <th scope="col" class="pb-num">"通过率"</th>
                            <th scope="col" class="pb-num">"报告"<wbr/>"通过率"</th>
                            <th scope="col" class="pb-records__note">"备注"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <nav class="pb-pager" aria-label="翻页">
                <button
                    class="pb-button"
                    disabled=move || current_page() == 0
                    on:click=move |_| page.set(current_page().saturating_sub(1))
                >
                    "上一页"
                </button>
                <span class="pb-pager__range">{range}</span>
                <button
                    class="pb-button"
                    disabled=move || { current_page() + 1 >= page_count() }
                    on:click=move |_| page.set(current_page() + 1)
                >
                    "下一页"
                </button>
            </nav>
        </section>
    }
}

fn record_row(index: usize, record: &Record) -> impl IntoView + use<> {
    let count = |value: Option<u64>| value.map_or_else(|| "--".to_string(), |v| v.to_string());
    let over_approved = record
        .approved_trainees
        .is_some_and(|approved| record.registered > approved);
    let majors = record
        .majors
        .iter()
        .map(|major| {
            view! {
                <span class="pb-major">
                    <span class="pb-major__code">{major.code.clone()}</span>
                    {major.name.clone()}
                </span>
            }
        })
        .collect_view();
    let certified = match record.certified {
        Some(certified) => certified.to_string().into_any(),
        None => {
            view! { <span title="尚未公布成绩">"--"<span class="pb-badge">"未出成绩"</span></span> }
                .into_any()
        }
    };
    let reported = record
        .reported_pass_rate_percent
        .map_or_else(|| "--".to_string(), |p| format!("{p:.2}%"));
    view! {
        <tr data-testid="record-row">
            <td class="pb-num">{index + 1}</td>
            <td class="pb-nowrap">{record.batch.clone()}</td>
            <td class="pb-records__certificate">{record.certificate.clone()}</td>
            <td class="pb-nowrap">{record.level.as_str()}</td>
            <td class="pb-records__majors">{majors}</td>
            <td class="pb-num">{count(record.approved_trainees)}</td>
            <td class="pb-num">{count(record.social_training_person_days)}</td>
            <td
                class="pb-num"
                class:pb-cell--warn=over_approved
                title=over_approved.then_some("报考人数多于已批准培训人数")
            >
                {record.registered}
            </td>
            <td class="pb-num">{certified}</td>
            <td class="pb-num pb-strong">{format_rate(record.pass_rate())}</td>
            <td class="pb-num pb-muted">{reported}</td>
            <td class="pb-records__note">{record.note.clone().unwrap_or_default()}</td>
        </tr>
    }
}
