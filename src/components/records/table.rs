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
use crate::domain::edit::RecordId;
use crate::domain::fields::{EditProblem, Field};
use crate::domain::figures::format_rate;
use crate::domain::lang::format_count;
use crate::domain::sort::{Sort, SortKey, sort_positions};
use crate::domain::{Lang, Level, Record};
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

/// Row `place` of the page: whichever record is in that place of `page_ids` now, followed by
/// id through edits elsewhere.
///
/// A filter change, a sort or a page turn gives the row another record rather than building
/// a new row (creating a page of boxes and laying them out is most of a repaint). Its boxes
/// are plain markup; one effect writes the record's values into them whenever the record or
/// the row's record changes, and the row listens for typing, changes and keys of all its boxes.
#[component]
fn RecordRow(place: usize, page_ids: Memo<Vec<RecordId>>) -> impl IntoView {
    let state = BoardState::expect();
    let row = NodeRef::<leptos::html::Tr>::new();
    let record_id = Memo::new(move |_| page_ids.with(|ids| ids.get(place).copied()));
    // The record this row holds now, for what the boxes do.
    let current = move || record_id.get_untracked();
    let found = Memo::new(move |_| {
        let id = record_id.get()?;
        state.editor.with(|editor| {
            editor.position(id).map(|position| RowData {
                position,
                record: editor.dataset().records[position].clone(),
                edited: editor.is_edited(id),
                added: editor.original().records.len() as RecordId <= id,
            })
        })
    });
    // The field whose typed value is refused, and why.
    let problem = RwSignal::new(None::<(Field, EditProblem)>);
    // What the row knows of its boxes, so that giving it another record writes only what
    // differs, without reading anything back from the page: the boxes (found once), the text
    // each shows as committed, and which boxes were typed in or marked refused since.
    let boxes = StoredValue::new_local(None::<RowBoxes>);
    let shown =
        StoredValue::new(found.with_untracked(|data| Field::ALL.map(|f| start_text(data, f))));
    let typed = StoredValue::new(0u16);
    let refused = StoredValue::new(0u16);

    // New values (another record in this place, an edit applied, undo, another tab) go into
    // the boxes, and a refusal being shown gives way to them.
    Effect::new(move |previous: Option<()>| {
        let Some(row) = row.get() else { return };
        if boxes.with_value(Option::is_none) {
            boxes.set_value(Some(RowBoxes::of(&row)));
        }
        let (was_typed, was_refused) = (typed.get_value(), refused.get_value());
        found.with(|data| {
            let Some(data) = data else { return };
            boxes.with_value(|boxes| {
                let Some(boxes) = boxes else { return };
                if previous.is_some()
                    && let Some(button) = &boxes.delete
                {
                    let label = delete_label(&data.record, state.lang.get_untracked());
                    let _ = button.set_attribute("aria-label", &label);
                }
                shown.update_value(|shown| {
                    for (field, input) in &boxes.inputs {
                        let (i, bit) = (field_index(*field), field_bit(*field));
                        let text = field.text(&data.record);
                        if shown[i] != text {
                            show_value(input, &text);
                            shown[i] = text;
                        } else if was_typed & bit != 0 && input.value() != text {
                            input.set_value(&text);
                        }
                        if was_refused & bit != 0 {
                            let _ = input.class_list().remove_1("pb-field__input--invalid");
                            let _ = input.remove_attribute("aria-invalid");
                            let _ = input.remove_attribute("aria-describedby");
                        }
                    }
                });
            });
        });
        typed.set_value(0);
        refused.set_value(0);
        if previous.is_some() && problem.with_untracked(Option::is_some) {
            problem.set(None);
        }
    });

    let committed = move |field: Field| {
        found.with_untracked(|d| {
            d.as_ref()
                .map(|d| field.text(&d.record))
                .unwrap_or_default()
        })
    };
    let mark = move |input: &web_sys::HtmlInputElement, refusal: Option<EditProblem>| {
        let field = Field::from_key(&input.name());
        let invalid = refusal.is_some();
        if let Some(field) = field {
            refused.update_value(|bits| {
                if invalid {
                    *bits |= field_bit(field);
                } else {
                    *bits &= !field_bit(field);
                }
            });
        }
        let _ = input
            .class_list()
            .toggle_with_force("pb-field__input--invalid", invalid);
        if invalid {
            let _ = input.set_attribute("aria-invalid", "true");
            let _ = input.set_attribute("aria-describedby", &format!("pb-error-row-{place}"));
        } else {
            let _ = input.remove_attribute("aria-invalid");
            let _ = input.remove_attribute("aria-describedby");
        }
        match (field, refusal) {
            (Some(field), Some(reason)) => problem.set(Some((field, reason))),
            (Some(field), None)
                if problem.with_untracked(|p| p.as_ref().is_some_and(|(f, _)| *f == field)) =>
            {
                problem.set(None);
            }
            _ => {}
        }
    };
    // Applies a box's text to the data; false when it is refused.
    let apply = move |input: &web_sys::HtmlInputElement| -> bool {
        let Some(field) = Field::from_key(&input.name()) else {
            return true;
        };
        let text = input.value();
        if text == committed(field) {
            mark(input, None);
            return true;
        }
        let Some(id) = current() else {
            return true;
        };
        match state.edit(|e| e.set(id, field, &text)) {
            Ok(_) => {
                mark(input, None);
                // The box shows the value as stored ("  60 " becomes "60").
                let text = committed(field);
                show_value(input, &text);
                shown.update_value(|shown| shown[field_index(field)] = text);
                true
            }
            Err(reason) => {
                mark(input, Some(reason));
                false
            }
        }
    };
    let target_input = |ev: &web_sys::Event| {
        ev.target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .filter(|input| input.has_attribute("data-committed"))
    };
    let on_input = move |ev: leptos::ev::Event| {
        let Some(input) = target_input(&ev) else {
            return;
        };
        let Some(field) = Field::from_key(&input.name()) else {
            return;
        };
        typed.update_value(|bits| *bits |= field_bit(field));
        let Some(id) = current() else {
            return;
        };
        let refused = state
            .editor
            .with_untracked(|e| e.check(id, field, &input.value()))
            .err();
        mark(&input, refused);
    };
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(input) = target_input(&ev) {
            apply(&input);
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let Some(input) = target_input(&ev) else {
            return;
        };
        match ev.key().as_str() {
            "Escape" => {
                if let Some(field) = Field::from_key(&input.name()) {
                    input.set_value(&committed(field));
                }
                mark(&input, None);
            }
            "Enter" => {
                ev.prevent_default();
                if apply(&input) {
                    focus_next_row(&input, ev.shift_key());
                }
            }
            _ => {}
        }
    };

    let position = move || found.with(|f| f.as_ref().map_or(0, |f| f.position + 1));
    let edited = move || found.with(|f| f.as_ref().is_some_and(|f| f.edited));
    let added = move || found.with(|f| f.as_ref().is_some_and(|f| f.added));
    let over_approved = move || {
        found.with(|f| {
            f.as_ref().is_some_and(|f| {
                f.record
                    .approved_trainees
                    .is_some_and(|approved| f.record.registered > approved)
            })
        })
    };
    let pending = move || found.with(|f| f.as_ref().is_some_and(|f| f.record.certified.is_none()));
    let rate = move || {
        found.with(|f| {
            f.as_ref()
                .map(|f| format_rate(f.record.pass_rate()))
                .unwrap_or_default()
        })
    };
    let start = found.with_untracked(|f| f.as_ref().map(|f| f.record.clone()));
    let lang = state.lang.get_untracked();
    let delete_name = start
        .as_ref()
        .map(|r| delete_label(r, lang))
        .unwrap_or_default();
    // The words of the boxes' names and of the delete button follow the interface language.
    // They are set once with the row, and rewritten by one watcher per row when the language
    // changes, rather than by a reactive attribute each, to keep a page of rows cheap to build.
    Effect::watch(
        move || state.lang.get(),
        move |&lang, _, _| {
            let Some(row) = row.get_untracked() else {
                return;
            };
            if boxes.with_value(Option::is_none) {
                boxes.set_value(Some(RowBoxes::of(&row)));
            }
            boxes.with_value(|boxes| {
                for (field, input) in boxes.iter().flat_map(|b| &b.inputs) {
                    let _ = input.set_attribute("aria-label", field.label(lang));
                }
            });
            if let Some(button) = boxes.with_value(|b| b.as_ref().and_then(|b| b.delete.clone())) {
                let _ = button.set_attribute("title", delete_title(lang));
                if let Some(label) =
                    found.with_untracked(|f| f.as_ref().map(|f| delete_label(&f.record, lang)))
                {
                    let _ = button.set_attribute("aria-label", &label);
                }
            }
        },
        false,
    );
    let cell = |field: Field| {
        let text = start.as_ref().map(|r| field.text(r)).unwrap_or_default();
        let error = move || {
            problem.with(|p| {
                p.as_ref().filter(|(f, _)| *f == field).map(|(_, reason)| {
                    let reason = reason.clone();
                    view! {
                        <span class="pb-field__error" id=format!("pb-error-row-{place}") role="alert" data-testid="field-error">
                            {move || reason.message(state.lang.get())}
                        </span>
                    }
                })
            })
        };
        view! {
            <span class="pb-field">
                <input
                    class="pb-field__input"
                    name=field.key()
                    aria-label=field.label(lang)
                    list=(field == Field::Level).then_some("pb-levels")
                    autocomplete="off"
                    // Also as attributes, so that values can be found by selectors; the title
                    // shows long names whole.
                    value=text.clone()
                    data-committed=text.clone()
                    title=text
                />
                {error}
            </span>
        }
    };

    view! {
        <tr
            node_ref=row
            data-testid="record-row"
            data-record-id=move || record_id.get()
            class:pb-row--edited=edited
            data-edited=move || edited().then_some("true")
            on:input=on_input
            on:change=on_change
            on:keydown=on_keydown
        >
            <td class="pb-num">
                {position}
                <Show when=edited>
                    <span
                        class="pb-badge pb-badge--edited"
                        title=state.tr("与打开时的数据不同", "Differs from the data as opened")
                    >
                        {move || {
                            let lang = state.lang.get();
                            if added() { lang.pick("新增", "New") } else { lang.pick("已改", "Edited") }
                        }}
                    </span>
                </Show>
            </td>
            <td>{cell(Field::Batch)}</td>
            <td class="pb-records__certificate">{cell(Field::Certificate)}</td>
            <td>{cell(Field::Level)}</td>
            <td class="pb-records__majors">{cell(Field::Majors)}</td>
            <td class="pb-num">{cell(Field::ApprovedTrainees)}</td>
            <td class="pb-num">{cell(Field::SocialTrainingPersonDays)}</td>
            <td
                class="pb-num"
                class:pb-cell--warn=over_approved
                title=move || {
                    over_approved()
                        .then(|| {
                            state.lang.get().pick(
                                "报考人数多于已批准培训人数",
                                "More registered than approved trainees",
                            )
                        })
                }
            >
                {cell(Field::Registered)}
            </td>
            <td class="pb-num">
                {cell(Field::Certified)}
                <Show when=pending>
                    <span
                        class="pb-badge"
                        title=state.tr("尚未公布成绩", "Results not yet published")
                    >
                        {state.tr("未出成绩", "Results pending")}
                    </span>
                </Show>
            </td>
            <td class="pb-num pb-strong">{rate}</td>
            <td class="pb-num pb-muted">{cell(Field::ReportedPassRate)}</td>
            <td class="pb-records__note">{cell(Field::Note)}</td>
            <td>
                <button
                    class="pb-icon-button"
                    data-testid="record-delete"
                    title=delete_title(lang)
                    aria-label=delete_name
                    on:click=move |_| {
                        if let Some(id) = current() {
                            state.edit(|e| e.delete(id));
                        }
                    }
                >
                    "✕"
                </button>
            </td>
        </tr>
    }
}

/// What the delete button of a record's row is called: `删除 物流管理 · 中级`.
fn delete_label(record: &Record, lang: Lang) -> String {
    format!(
        "{} {} · {}",
        lang.pick("删除", "Delete"),
        record.certificate,
        record.level.label(lang)
    )
}

fn delete_title(lang: Lang) -> &'static str {
    lang.pick(
        "删除这条记录（可撤销）",
        "Delete this record (can be undone)",
    )
}

#[derive(Clone, PartialEq)]
struct RowData {
    position: usize,
    record: Record,
    edited: bool,
    added: bool,
}

/// A row's boxes, in the order of `Field::ALL`, and its delete button.
struct RowBoxes {
    inputs: Vec<(Field, web_sys::HtmlInputElement)>,
    delete: Option<web_sys::Element>,
}

impl RowBoxes {
    fn of(row: &web_sys::HtmlTableRowElement) -> Self {
        let inputs = Field::ALL
            .into_iter()
            .filter_map(|field| {
                row.query_selector(&format!("input[name={}]", field.key()))
                    .ok()
                    .flatten()
                    .and_then(|e| e.dyn_into().ok())
                    .map(|input| (field, input))
            })
            .collect();
        let delete = row
            .query_selector("[data-testid=record-delete]")
            .ok()
            .flatten();
        Self { inputs, delete }
    }
}

fn field_index(field: Field) -> usize {
    Field::ALL.iter().position(|f| *f == field).unwrap_or(0)
}

fn field_bit(field: Field) -> u16 {
    1 << field_index(field)
}

/// The text a box of the row is built with.
fn start_text(data: &Option<RowData>, field: Field) -> String {
    data.as_ref()
        .map(|d| field.text(&d.record))
        .unwrap_or_default()
}

/// Puts a value in a box: what it shows, and the attributes that say what it holds.
fn show_value(input: &web_sys::HtmlInputElement, text: &str) {
    if input.get_attribute("data-committed").as_deref() != Some(text) {
        let _ = input.set_attribute("data-committed", text);
        let _ = input.set_attribute("value", text);
        let _ = input.set_attribute("title", text);
    }
    if input.value() != text {
        input.set_value(text);
    }
}

/// Enter moves to the same field of the next row (Shift+Enter: the row before), as in a
/// spreadsheet.
fn focus_next_row(input: &web_sys::HtmlInputElement, backwards: bool) {
    let Some(row) = input.closest("tr").ok().flatten() else {
        return;
    };
    let name = input.name();
    let next = if backwards {
        row.previous_element_sibling()
    } else {
        row.next_element_sibling()
    };
    if let Some(input) = next
        .and_then(|r| {
            r.query_selector(&format!("input[name={name}]"))
                .ok()
                .flatten()
        })
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        let _ = input.focus();
        input.select();
    }
}
