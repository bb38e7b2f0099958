//! Every matching record with every field, a page at a time, edited in place: each field is
//! a text box that checks what is typed as it is typed, applies it on Enter, Tab or leaving
//! the box, and puts back the value on Escape. A page's rows stay in place: a
//! filter change writes other records into them instead of building new rows, and every box
//! acts on the record its row holds now, so an edit lands on the right record whatever the
//! filter or the order.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::records::editing::{ChangesPanel, EditToolbar};
use crate::components::records::print::PrintRecords;
use crate::components::records::row::RecordRow;
use crate::domain::edit::RecordId;
use crate::domain::fields::Field;
use crate::domain::lang::format_count;
use crate::domain::sort::{Sort, SortKey, sort_positions};
use crate::domain::{Lang, Level};
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

    // The order the user chose by clicking a heading; `None` is the data's order.
    let sort = RwSignal::new(None::<Sort>);
    let page_ids = Memo::new(move |_| {
        let first = current_page() * PAGE_SIZE;
        state.editor.with(|editor| {
            state.matching.with(|matching| {
                let sorted;
                let order: &[u32] = match sort.get() {
                    Some(by) => {
                        let mut positions = matching.to_vec();
                        sort_positions(&editor.dataset().records, &mut positions, by);
                        sorted = positions;
                        &sorted
                    }
                    None => matching,
                };
                order
                    .iter()
                    .skip(first)
                    .take(PAGE_SIZE)
                    .map(|&index| editor.ids()[index as usize])
                    .collect::<Vec<RecordId>>()
            })
        })
    });
    let row_count = Memo::new(move |_| page_ids.with(Vec::len));
    // Long headings carry a zero-width space where they may break (the headings keep CJK
    // words whole otherwise).
    let heading = move |zh: &'static str, en: &'static str, key: SortKey, numeric: bool| {
        let direction = move || sort.get().filter(|s| s.key == key).map(|s| s.descending);
        let name = match key {
            SortKey::Field(field) => field.key(),
            SortKey::PassRate => "pass_rate",
        };
        view! {
            <th
                scope="col"
                class:pb-num=numeric
                aria-sort=move || match direction() {
                    Some(true) => "descending",
                    Some(false) => "ascending",
                    None => "none",
                }
            >
                <button
                    class="pb-sort"
                    data-testid=format!("sort-{name}")
                    title=state.tr("按此列排序", "Sort by this column")
                    on:click=move |_| {
                        // Ascending, then descending, then the data's order.
                        sort.update(|s| {
                            *s = match *s {
                                Some(Sort { key: k, descending: false }) if k == key => {
                                    Some(Sort { key, descending: true })
                                }
                                Some(Sort { key: k, descending: true }) if k == key => None,
                                _ => Some(Sort { key, descending: false }),
                            }
                        });
                        page.set(0);
                    }
                >
                    {state.tr(zh, en)}
                    <span class="pb-sort__mark" aria-hidden="true">
                        {move || match direction() {
                            Some(true) => "▼",
                            Some(false) => "▲",
                            None => "",
                        }}
                    </span>
                </button>
            </th>
        }
    };
    let range = move || {
        let lang = state.lang.get();
        let count = record_count();
        let first = current_page() * PAGE_SIZE;
        let last = (first + PAGE_SIZE).min(count);
        let number = |n: usize| format_count(n as u64, lang);
        match lang {
            _ if count == 0 => lang
                .pick("没有符合条件的记录", "No matching records")
                .to_string(),
            Lang::Zh => format!("第 {}–{} 条，共 {count} 条", first + 1, last),
            Lang::En => format!(
                "{}–{} of {}",
                number(first + 1),
                number(last),
                number(count)
            ),
        }
    };

    // A record just added is shown: the filter is cleared if it hides it, the table turns to
    // its page, and its certificate box takes the focus.
    let on_added = Callback::new(move |id: RecordId| {
        let Some(position) = state.editor.with_untracked(|e| e.position(id)) else {
            return;
        };
        let find = move || {
            state
                .matching
                .with_untracked(|m| m.iter().position(|&i| i as usize == position))
        };
        let place = find().or_else(|| {
            state.view.update(|v| v.filter = Default::default());
            find()
        });
        if let Some(place) = place {
            page.set(place / PAGE_SIZE);
        }
        request_animation_frame(move || {
            let selector = format!("tr[data-record-id=\"{id}\"] input[name=certificate]");
            if let Some(input) = document()
                .query_selector(&selector)
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                let _ = input.focus();
                input.select();
            }
        });
    });

    view! {
        <section class="pb-records" aria-labelledby="pb-records-title">
            <h2 id="pb-records-title" class="pb-section-title">
                {state.tr("试点明细", "Pilot records")}
            </h2>
            <PrintRecords/>
            <EditToolbar on_added/>
            <div class="pb-table-scroll">
                <table class="pb-table pb-records__table" data-testid="records-table">
                    // Fixed column widths: the browser lays out a page of rows without
                    // measuring every cell first (a filter change re-lays it out at once).
                    <colgroup>
                        <col style="width: 4em"/>
                        <col style="width: 9.5em"/>
                        <col/>
                        <col style="width: 4.5em"/>
                        <col style="width: 12.5em"/>
                        <col style="width: 5em"/>
                        <col style="width: 6em"/>
                        <col style="width: 5em"/>
                        <col style="width: 5em"/>
                        <col style="width: 5.5em"/>
                        <col style="width: 5em"/>
                        <col style="width: 7em"/>
                        <col style="width: 3.5em"/>
                    </colgroup>
                    <thead>
                        <tr>
                            <th scope="col" class="pb-num">{state.tr("序号", "No.")}</th>
                            {heading("申报批次", "Batch", SortKey::Field(Field::Batch), false)}
                            {heading("证书名称", "Certificate", SortKey::Field(Field::Certificate), false)}
                            {heading("等级", "Level", SortKey::Field(Field::Level), false)}
                            {heading("涵盖专业", "Majors", SortKey::Field(Field::Majors), false)}
                            {heading("已批准\u{200b}培训人数", "Approved trainees", SortKey::Field(Field::ApprovedTrainees), true)}
                            {heading("社会培训量\u{200b}（人日）", "Social training (person-days)", SortKey::Field(Field::SocialTrainingPersonDays), true)}
                            {heading("报考人数", "Registered", SortKey::Field(Field::Registered), true)}
                            {heading("获证人数", "Certified", SortKey::Field(Field::Certified), true)}
                            {heading("通过率", "Pass rate", SortKey::PassRate, true)}
                            {heading("报告\u{200b}通过率", "Reported pass rate", SortKey::Field(Field::ReportedPassRate), true)}
                            {heading("备注", "Note", SortKey::Field(Field::Note), false)}
                            <th scope="col">
                                <span class="pb-visually-hidden">{state.tr("操作", "Actions")}</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || 0..row_count.get() key=|place| *place let(place)>
                            <RecordRow place page_ids/>
                        </For>
                    </tbody>
                </table>
            </div>
            <nav class="pb-pager" aria-label=state.tr("翻页", "Pages")>
                <button
                    class="pb-button"
                    disabled=move || current_page() == 0
                    on:click=move |_| page.set(current_page().saturating_sub(1))
                >
                    {state.tr("上一页", "Previous")}
                </button>
                <span class="pb-pager__range">{range}</span>
                <button
                    class="pb-button"
                    disabled=move || { current_page() + 1 >= page_count() }
                    on:click=move |_| page.set(current_page() + 1)
                >
                    {state.tr("下一页", "Next")}
                </button>
            </nav>
            <ChangesPanel/>
            // The box takes the level as the file writes it; in English the suggestions say
            // what each means.
            <datalist id="pb-levels">
                {Level::ALL
                    .into_iter()
                    .map(|level| {
                        view! {
                            <option
                                value=level.as_str()
                                label=move || (state.lang.get() == Lang::En).then_some(level.english())
                            ></option>
                        }
                    })
                    .collect_view()}
            </datalist>
        </section>
    }
}
