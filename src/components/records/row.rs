//! A row of the records table: a record's fields as boxes (a box per field; what they do is
//! [`RowEdit`]'s), its badges (edited, new, results pending), the rate the data gives and the
//! delete button. A row stays in place: a filter change writes another record into it.

use leptos::prelude::*;

use super::row_edit::{RowEdit, delete_label, delete_title, error_id};
use crate::domain::Record;
use crate::domain::edit::RecordId;
use crate::domain::fields::Field;
use crate::domain::figures::format_rate;
use crate::state::BoardState;

/// Row `place` of the page: whichever record is in that place of `page_ids` now, followed by
/// id through edits elsewhere.
///
/// A filter change, a sort or a page turn gives the row another record rather than building
/// a new row (creating a page of boxes and laying them out is most of a repaint). Its boxes
/// are plain markup; one effect writes the record's values into them whenever the record or
/// the row's record changes, and the row listens for typing, changes and keys of all its boxes.
#[component]
pub fn RecordRow(place: usize, page_ids: Memo<Vec<RecordId>>) -> impl IntoView {
    let state = BoardState::expect();
    let edit = RowEdit::new(state, place, page_ids);
    Effect::new(move |previous: Option<()>| edit.fill(previous.is_some()));
    Effect::watch(
        move || state.lang.get(),
        move |&lang, _, _| edit.relabel(lang),
        false,
    );

    let found = edit.found;
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
    let cell = |field: Field| field_box(edit, field, start.as_ref());

    view! {
        <tr
            node_ref=edit.row
            data-testid="record-row"
            data-record-id=move || edit.record_id.get()
            class:pb-row--edited=edited
            data-edited=move || edited().then_some("true")
            on:input=move |ev| edit.on_input(ev)
            on:change=move |ev| edit.on_change(ev)
            on:keydown=move |ev| edit.on_keydown(ev)
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
                        if let Some(id) = edit.current() {
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

/// A field's box, built with the record's value (`start`), and the reason under it while its
/// typed value is refused.
fn field_box(edit: RowEdit, field: Field, start: Option<&Record>) -> impl IntoView + use<> {
    let state = BoardState::expect();
    let lang = state.lang.get_untracked();
    let text = start.map(|r| field.text(r)).unwrap_or_default();
    let problem = edit.problem;
    let error = move || {
        problem.with(|p| {
            p.as_ref().filter(|(f, _)| *f == field).map(|(_, reason)| {
                let reason = reason.clone();
                view! {
                    <span class="pb-field__error" id=error_id(edit.place()) role="alert" data-testid="field-error">
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
}
