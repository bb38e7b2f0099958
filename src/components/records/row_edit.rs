//! What a row of the records table does with its boxes: it writes a record's values into them
//! (only what differs from what they show, without reading anything back from the page), checks
//! what is typed as it is typed, applies a box's text to the data on Enter, Tab or leaving the
//! box, and puts back the value on Escape. It acts on the record its row holds now, so an edit
//! lands on the right record whatever the filter or the order.

use leptos::html::Tr;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use crate::domain::edit::RecordId;
use crate::domain::fields::{EditProblem, Field};
use crate::domain::{Lang, Record};
use crate::state::BoardState;

/// The record a row holds, as the row shows it.
#[derive(Clone, PartialEq)]
pub(super) struct RowData {
    pub position: usize,
    pub record: Record,
    pub edited: bool,
    pub added: bool,
}

/// A row's record and what it knows of its boxes, shared by its handlers (all of it `Copy`).
#[derive(Clone, Copy)]
pub(super) struct RowEdit {
    state: BoardState,
    place: usize,
    pub row: NodeRef<Tr>,
    pub record_id: Memo<Option<RecordId>>,
    pub found: Memo<Option<RowData>>,
    /// The field whose typed value is refused, and why.
    pub problem: RwSignal<Option<(Field, EditProblem)>>,
    /// The boxes (found once), the text each shows as committed, and which boxes were typed
    /// in or marked refused since the row was last given its record.
    boxes: StoredValue<Option<RowBoxes>, LocalStorage>,
    shown: StoredValue<[String; Field::ALL.len()]>,
    typed: StoredValue<u16>,
    refused: StoredValue<u16>,
}

impl RowEdit {
    /// The row at `place` of the page whose records are `page_ids`.
    pub fn new(state: BoardState, place: usize, page_ids: Memo<Vec<RecordId>>) -> Self {
        let record_id = Memo::new(move |_| page_ids.with(|ids| ids.get(place).copied()));
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
        let shown = found.with_untracked(|data| {
            Field::ALL.map(|field| {
                data.as_ref()
                    .map(|d| field.text(&d.record))
                    .unwrap_or_default()
            })
        });
        RowEdit {
            state,
            place,
            row: NodeRef::new(),
            record_id,
            found,
            problem: RwSignal::new(None),
            boxes: StoredValue::new_local(None),
            shown: StoredValue::new(shown),
            typed: StoredValue::new(0),
            refused: StoredValue::new(0),
        }
    }

    /// Where the row is on its page.
    pub fn place(self) -> usize {
        self.place
    }

    /// The record the row holds now, for what the boxes do.
    pub fn current(self) -> Option<RecordId> {
        self.record_id.get_untracked()
    }

    /// The row's boxes, found in its markup the first time they are needed.
    fn find_boxes(self) {
        if self.boxes.with_value(Option::is_none)
            && let Some(row) = self.row.get_untracked()
        {
            self.boxes.set_value(Some(RowBoxes::of(&row)));
        }
    }

    /// New values (another record in this place, an edit applied, undo, another tab) go into
    /// the boxes, and a refusal being shown gives way to them. The body of the row's effect:
    /// `again` is false the first time, when the boxes were built with the values.
    pub fn fill(self, again: bool) {
        if self.row.get().is_none() {
            return;
        }
        self.find_boxes();
        let (was_typed, was_refused) = (self.typed.get_value(), self.refused.get_value());
        self.found.with(|data| {
            let Some(data) = data else { return };
            self.boxes.with_value(|boxes| {
                let Some(boxes) = boxes else { return };
                if again && let Some(button) = &boxes.delete {
                    let label = delete_label(&data.record, self.state.lang.get_untracked());
                    let _ = button.set_attribute("aria-label", &label);
                }
                self.shown.update_value(|shown| {
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
        self.typed.set_value(0);
        self.refused.set_value(0);
        if again && self.problem.with_untracked(Option::is_some) {
            self.problem.set(None);
        }
    }

    /// The words of the boxes' names and of the delete button, in `lang`. They are set once
    /// with the row, and rewritten by one watcher per row when the language changes, rather
    /// than by a reactive attribute each, to keep a page of rows cheap to build.
    pub fn relabel(self, lang: Lang) {
        self.find_boxes();
        self.boxes.with_value(|boxes| {
            for (field, input) in boxes.iter().flat_map(|b| &b.inputs) {
                let _ = input.set_attribute("aria-label", field.label(lang));
            }
        });
        let delete = self
            .boxes
            .with_value(|b| b.as_ref().and_then(|b| b.delete.clone()));
        if let Some(button) = delete {
            let _ = button.set_attribute("title", delete_title(lang));
            if let Some(label) = self
                .found
                .with_untracked(|f| f.as_ref().map(|f| delete_label(&f.record, lang)))
            {
                let _ = button.set_attribute("aria-label", &label);
            }
        }
    }

    /// The field's value as the data holds it.
    fn committed(self, field: Field) -> String {
        self.found.with_untracked(|d| {
            d.as_ref()
                .map(|d| field.text(&d.record))
                .unwrap_or_default()
        })
    }

    /// Shows a box as refused (with the reason under it) or as fine.
    fn mark(self, input: &HtmlInputElement, refusal: Option<EditProblem>) {
        let field = Field::from_key(&input.name());
        let invalid = refusal.is_some();
        if let Some(field) = field {
            self.refused.update_value(|bits| {
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
            let _ = input.set_attribute("aria-describedby", &error_id(self.place));
        } else {
            let _ = input.remove_attribute("aria-invalid");
            let _ = input.remove_attribute("aria-describedby");
        }
        let problem = self.problem;
        match (field, refusal) {
            (Some(field), Some(reason)) => problem.set(Some((field, reason))),
            (Some(field), None)
                if problem.with_untracked(|p| p.as_ref().is_some_and(|(f, _)| *f == field)) =>
            {
                problem.set(None);
            }
            _ => {}
        }
    }

    /// Applies a box's text to the data; false when it is refused.
    fn apply(self, input: &HtmlInputElement) -> bool {
        let Some(field) = Field::from_key(&input.name()) else {
            return true;
        };
        let text = input.value();
        if text == self.committed(field) {
            self.mark(input, None);
            return true;
        }
        let Some(id) = self.current() else {
            return true;
        };
        match self.state.edit(|e| e.set(id, field, &text)) {
            Ok(_) => {
                self.mark(input, None);
                // The box shows the value as stored ("  60 " becomes "60").
                let text = self.committed(field);
                show_value(input, &text);
                self.shown
                    .update_value(|shown| shown[field_index(field)] = text);
                true
            }
            Err(reason) => {
                self.mark(input, Some(reason));
                false
            }
        }
    }

    /// Typing: the box is checked at once (and applied only on Enter, Tab or leaving it).
    pub fn on_input(self, ev: leptos::ev::Event) {
        let Some(input) = target_input(&ev) else {
            return;
        };
        let Some(field) = Field::from_key(&input.name()) else {
            return;
        };
        self.typed.update_value(|bits| *bits |= field_bit(field));
        let Some(id) = self.current() else {
            return;
        };
        let refused = self
            .state
            .editor
            .with_untracked(|e| e.check(id, field, &input.value()))
            .err();
        self.mark(&input, refused);
    }

    pub fn on_change(self, ev: leptos::ev::Event) {
        if let Some(input) = target_input(&ev) {
            self.apply(&input);
        }
    }

    /// Escape puts the value back; Enter applies it and goes to the next row.
    pub fn on_keydown(self, ev: leptos::ev::KeyboardEvent) {
        let Some(input) = target_input(&ev) else {
            return;
        };
        match ev.key().as_str() {
            "Escape" => {
                if let Some(field) = Field::from_key(&input.name()) {
                    input.set_value(&self.committed(field));
                }
                self.mark(&input, None);
            }
            "Enter" => {
                ev.prevent_default();
                if self.apply(&input) {
                    focus_next_row(&input, ev.shift_key());
                }
            }
            _ => {}
        }
    }
}

/// The id of the line under a row that says why a box's value is refused.
pub(super) fn error_id(place: usize) -> String {
    format!("pb-error-row-{place}")
}

/// What the delete button of a record's row is called: `删除 物流管理 · 中级`.
pub(super) fn delete_label(record: &Record, lang: Lang) -> String {
    format!(
        "{} {} · {}",
        lang.pick("删除", "Delete"),
        record.certificate,
        record.level.label(lang)
    )
}

pub(super) fn delete_title(lang: Lang) -> &'static str {
    lang.pick(
        "删除这条记录（可撤销）",
        "Delete this record (can be undone)",
    )
}

/// A row's boxes, in the order of `Field::ALL`, and its delete button.
struct RowBoxes {
    inputs: Vec<(Field, HtmlInputElement)>,
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

/// The box an event came from (a box of a record's field: it carries `data-committed`).
fn target_input(ev: &web_sys::Event) -> Option<HtmlInputElement> {
    ev.target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        .filter(|input| input.has_attribute("data-committed"))
}

fn field_index(field: Field) -> usize {
    Field::ALL.iter().position(|f| *f == field).unwrap_or(0)
}

fn field_bit(field: Field) -> u16 {
    1 << field_index(field)
}

/// Puts a value in a box: what it shows, and the attributes that say what it holds.
fn show_value(input: &HtmlInputElement, text: &str) {
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
fn focus_next_row(input: &HtmlInputElement, backwards: bool) {
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
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
    {
        let _ = input.focus();
        input.select();
    }
}
