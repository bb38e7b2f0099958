//! Editing a dataset: every change is an [`Op`] in a history that can be undone and redone,
//! records keep an id through edits, inserts and deletes (so an edit made while the table is
//! sorted or filtered lands on the right record), and the changes since the dataset was
//! loaded can be listed and reverted one by one.

use serde::{Deserialize, Serialize};

use super::fields::{EditProblem, Field};
use super::lang::Lang;
use super::model::{Dataset, Level, Record};

/// A record's identity through edits. The records of a dataset as loaded are `0..n`; added
/// records get the next free number.
pub type RecordId = u32;

/// How many steps undo reaches back. Older steps are folded into the base.
pub const HISTORY_LIMIT: usize = 1000;

/// One step of the history, with what it needs to be undone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Op {
    Update {
        id: RecordId,
        before: Record,
        after: Record,
    },
    Insert {
        at: usize,
        id: RecordId,
        record: Record,
    },
    Remove {
        at: usize,
        id: RecordId,
        record: Record,
    },
    /// All records at once (reset to the dataset as loaded).
    Replace {
        before: Vec<(RecordId, Record)>,
        after: Vec<(RecordId, Record)>,
    },
}

impl Op {
    fn inverse(&self) -> Op {
        match self.clone() {
            Op::Update { id, before, after } => Op::Update {
                id,
                before: after,
                after: before,
            },
            Op::Insert { at, id, record } => Op::Remove { at, id, record },
            Op::Remove { at, id, record } => Op::Insert { at, id, record },
            Op::Replace { before, after } => Op::Replace {
                before: after,
                after: before,
            },
        }
    }
}

/// Records with their ids, kept side by side.
#[derive(Clone, Debug, PartialEq)]
struct Rows {
    ids: Vec<RecordId>,
    records: Vec<Record>,
}

impl Rows {
    fn loaded(dataset: &Dataset) -> Self {
        Rows {
            ids: (0..dataset.records.len() as RecordId).collect(),
            records: dataset.records.clone(),
        }
    }

    fn apply(&mut self, op: &Op) -> Result<(), HistoryMismatch> {
        apply(&mut self.ids, &mut self.records, op)
    }

    fn pairs(&self) -> Vec<(RecordId, Record)> {
        pairs(&self.ids, &self.records)
    }
}

fn pairs(ids: &[RecordId], records: &[Record]) -> Vec<(RecordId, Record)> {
    ids.iter().copied().zip(records.iter().cloned()).collect()
}

/// Applies `op` to records and their ids, or says it does not fit them (a corrupt stored
/// history).
fn apply(
    ids: &mut Vec<RecordId>,
    records: &mut Vec<Record>,
    op: &Op,
) -> Result<(), HistoryMismatch> {
    match op {
        Op::Update { id, before, after } => {
            let at = ids.iter().position(|i| i == id).ok_or(HistoryMismatch)?;
            if &records[at] != before {
                return Err(HistoryMismatch);
            }
            records[at] = after.clone();
        }
        Op::Insert { at, id, record } => {
            if *at > ids.len() || ids.contains(id) {
                return Err(HistoryMismatch);
            }
            ids.insert(*at, *id);
            records.insert(*at, record.clone());
        }
        Op::Remove { at, id, record } => {
            if ids.get(*at) != Some(id) || &records[*at] != record {
                return Err(HistoryMismatch);
            }
            ids.remove(*at);
            records.remove(*at);
        }
        Op::Replace { before, after } => {
            let now = ids.iter().copied().zip(records.iter());
            if !now.eq(before.iter().map(|(id, r)| (*id, r))) {
                return Err(HistoryMismatch);
            }
            *ids = after.iter().map(|(id, _)| *id).collect();
            *records = after.iter().map(|(_, r)| r.clone()).collect();
        }
    }
    Ok(())
}

/// A stored history that does not fit the dataset it was stored with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HistoryMismatch;

/// What an editor is made of when it is stored: enough to rebuild it exactly.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EditorParts {
    /// Where the history starts, when that is not the dataset as loaded (after more than
    /// [`HISTORY_LIMIT`] steps).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<Vec<(RecordId, Record)>>,
    pub history: Vec<Op>,
    /// How many steps of `history` are applied; the rest can be redone.
    pub cursor: usize,
}

/// The dataset as loaded, the dataset as edited, and the way between them.
#[derive(Clone, Debug)]
pub struct Editor {
    original: Dataset,
    base: Option<Rows>,
    /// The id of each record of `current`.
    ids: Vec<RecordId>,
    current: Dataset,
    history: Vec<Op>,
    cursor: usize,
    next_id: RecordId,
}

/// One difference between the dataset as loaded and as edited.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    Added {
        id: RecordId,
        record: Record,
    },
    Removed {
        id: RecordId,
        record: Record,
    },
    Modified {
        id: RecordId,
        record: Record,
        /// Each changed field: before, after, as text.
        fields: Vec<(Field, String, String)>,
    },
}

impl Change {
    pub fn id(&self) -> RecordId {
        match self {
            Change::Added { id, .. } | Change::Removed { id, .. } | Change::Modified { id, .. } => {
                *id
            }
        }
    }

    /// The record as it is now (as it was, for a removed one).
    pub fn record(&self) -> &Record {
        match self {
            Change::Added { record, .. }
            | Change::Removed { record, .. }
            | Change::Modified { record, .. } => record,
        }
    }

    /// What kind of change it is, in a word: `新增`, `Removed`.
    pub fn kind_label(&self, lang: Lang) -> &'static str {
        match self {
            Change::Added { .. } => lang.pick("新增", "Added"),
            Change::Removed { .. } => lang.pick("删除", "Removed"),
            Change::Modified { .. } => lang.pick("修改", "Changed"),
        }
    }

    /// The record it is about: `2021年第一批 · 物流管理 · 中级`.
    pub fn record_label(&self, lang: Lang) -> String {
        self.record().full_name(lang)
    }

    /// Each changed field with its text before and after, `获证人数：43 → 44；备注：（空） → 核对过`;
    /// empty for an added or removed record.
    pub fn detail(&self, lang: Lang) -> String {
        let Change::Modified { fields, .. } = self else {
            return String::new();
        };
        let show = |text: &str| {
            if text.is_empty() {
                lang.pick("（空）", "(empty)").to_string()
            } else {
                text.to_string()
            }
        };
        fields
            .iter()
            .map(|(field, before, after)| {
                format!(
                    "{}{}{} → {}",
                    field.label(lang),
                    lang.pick("：", ": "),
                    show(before),
                    show(after)
                )
            })
            .collect::<Vec<_>>()
            .join(lang.pick("；", "; "))
    }
}

impl Editor {
    pub fn new(original: Dataset) -> Self {
        let ids: Vec<RecordId> = (0..original.records.len() as RecordId).collect();
        Editor {
            next_id: ids.len() as RecordId,
            current: original.clone(),
            original,
            base: None,
            ids,
            history: Vec::new(),
            cursor: 0,
        }
    }

    /// Applies `op` to the records on screen.
    fn apply(&mut self, op: &Op) -> Result<(), HistoryMismatch> {
        apply(&mut self.ids, &mut self.current.records, op)
    }

    /// Rebuilds a stored editor; a history that does not fit `original` is refused.
    pub fn restore(original: Dataset, parts: EditorParts) -> Result<Self, HistoryMismatch> {
        let mut editor = Editor::new(original);
        if let Some(base) = parts.base {
            let rows = Rows {
                ids: base.iter().map(|(id, _)| *id).collect(),
                records: base.into_iter().map(|(_, r)| r).collect(),
            };
            editor.ids = rows.ids.clone();
            editor.current.records = rows.records.clone();
            editor.base = Some(rows);
        }
        if parts.cursor > parts.history.len() {
            return Err(HistoryMismatch);
        }
        // The whole history must fit, redo steps included.
        let mut probe = Rows {
            ids: editor.ids.clone(),
            records: editor.current.records.clone(),
        };
        for op in &parts.history {
            probe.apply(op)?;
        }
        for op in &parts.history[..parts.cursor] {
            editor.apply(op)?;
        }
        editor.next_id = parts
            .history
            .iter()
            .filter_map(|op| match op {
                Op::Insert { id, .. } | Op::Remove { id, .. } => Some(*id + 1),
                Op::Replace { before, after } => {
                    before.iter().chain(after).map(|(id, _)| id + 1).max()
                }
                Op::Update { .. } => None,
            })
            .chain(editor.ids.iter().map(|id| id + 1))
            .chain([editor.original.records.len() as RecordId])
            .max()
            .unwrap_or(0);
        editor.history = parts.history;
        editor.cursor = parts.cursor;
        Ok(editor)
    }

    /// What to store to rebuild this editor with [`Editor::restore`].
    pub fn parts(&self) -> EditorParts {
        EditorParts {
            base: self.base.as_ref().map(Rows::pairs),
            history: self.history.clone(),
            cursor: self.cursor,
        }
    }

    /// The dataset as loaded.
    pub fn original(&self) -> &Dataset {
        &self.original
    }

    /// The dataset as edited.
    pub fn dataset(&self) -> &Dataset {
        &self.current
    }

    /// The id of each record of [`Editor::dataset`], in the same order.
    pub fn ids(&self) -> &[RecordId] {
        &self.ids
    }

    pub fn position(&self, id: RecordId) -> Option<usize> {
        self.ids.iter().position(|&i| i == id)
    }

    pub fn can_undo(&self) -> bool {
        self.cursor > 0
    }

    pub fn can_redo(&self) -> bool {
        self.cursor < self.history.len()
    }

    /// How many steps can be undone.
    pub fn undo_depth(&self) -> usize {
        self.cursor
    }

    pub fn undo(&mut self) -> bool {
        if !self.can_undo() {
            return false;
        }
        self.cursor -= 1;
        let inverse = self.history[self.cursor].inverse();
        self.apply(&inverse)
            .expect("undoing the last step always fits");
        true
    }

    pub fn redo(&mut self) -> bool {
        if !self.can_redo() {
            return false;
        }
        let op = self.history[self.cursor].clone();
        self.apply(&op).expect("redoing the next step always fits");
        self.cursor += 1;
        true
    }

    /// Checks what typing `text` into `field` of record `id` would give, without applying it.
    pub fn check(&self, id: RecordId, field: Field, text: &str) -> Result<Record, EditProblem> {
        let at = self.position(id).ok_or(EditProblem::Required(field))?;
        let record = field.read(&self.current.records[at], text)?;
        self.check_record(Some(id), &record)?;
        Ok(record)
    }

    /// Sets `field` of record `id` from `text`. `Ok(false)` when it was already so.
    pub fn set(&mut self, id: RecordId, field: Field, text: &str) -> Result<bool, EditProblem> {
        let after = self.check(id, field, text)?;
        Ok(self.update(id, after))
    }

    fn update(&mut self, id: RecordId, after: Record) -> bool {
        let at = self.position(id).expect("checked before");
        let before = self.current.records[at].clone();
        if before == after {
            return false;
        }
        self.push(Op::Update { id, before, after });
        true
    }

    /// Adds a record after the last one, with the last record's batch and a certificate name
    /// no other record of that batch and level has (`新证书 1`). Returns its id.
    pub fn add(&mut self) -> RecordId {
        self.add_in(Lang::Zh)
    }

    /// [`Editor::add`], with the placeholder names in `lang` (`New certificate 1`).
    pub fn add_in(&mut self, lang: Lang) -> RecordId {
        let batch = self.current.records.last().map_or_else(
            || lang.pick("新批次", "New batch").to_string(),
            |r| r.batch.clone(),
        );
        let level = Level::Elementary;
        let certificate = (1..)
            .map(|n| format!("{} {n}", lang.pick("新证书", "New certificate")))
            .find(|name| {
                let candidate = blank_record(batch.clone(), name.clone(), level);
                self.check_record(None, &candidate).is_ok()
            })
            .expect("some number is free");
        let id = self.next_id;
        self.next_id += 1;
        let at = self.ids.len();
        self.push(Op::Insert {
            at,
            id,
            record: blank_record(batch, certificate, level),
        });
        id
    }

    /// Deletes record `id`; undo brings it back in its place.
    pub fn delete(&mut self, id: RecordId) -> bool {
        let Some(at) = self.position(id) else {
            return false;
        };
        let record = self.current.records[at].clone();
        self.push(Op::Remove { at, id, record });
        true
    }

    /// Back to the dataset as loaded, as one step that undo takes back.
    pub fn reset(&mut self) -> bool {
        let loaded = Rows::loaded(&self.original);
        if self.ids == loaded.ids && self.current.records == loaded.records {
            return false;
        }
        self.push(Op::Replace {
            before: pairs(&self.ids, &self.current.records),
            after: loaded.pairs(),
        });
        true
    }

    /// Puts `records` in place of the records on screen, record for record (each keeps its
    /// id), as one step that undo takes back: a table's columns merged into the data. Refused
    /// (false) unless there are as many as on screen; false too when nothing changes.
    pub fn update_all(&mut self, records: Vec<Record>) -> bool {
        if records.len() != self.current.records.len() || records == self.current.records {
            return false;
        }
        self.push(Op::Replace {
            before: pairs(&self.ids, &self.current.records),
            after: pairs(&self.ids, &records),
        });
        true
    }

    /// Every difference from the dataset as loaded: records added, removed, and changed (with
    /// each changed field), in the order of the records.
    pub fn changes(&self) -> Vec<Change> {
        let loaded = self.original.records.len() as RecordId;
        let mut present = vec![false; loaded as usize];
        let mut changes = Vec::new();
        for (&id, record) in self.ids.iter().zip(&self.current.records) {
            if id < loaded {
                present[id as usize] = true;
                let before = &self.original.records[id as usize];
                if before != record {
                    let fields = Field::ALL
                        .into_iter()
                        .filter_map(|field| {
                            let (old, new) = (field.text(before), field.text(record));
                            (old != new).then_some((field, old, new))
                        })
                        .collect();
                    changes.push(Change::Modified {
                        id,
                        record: record.clone(),
                        fields,
                    });
                }
            } else {
                changes.push(Change::Added {
                    id,
                    record: record.clone(),
                });
            }
        }
        for (id, seen) in present.into_iter().enumerate() {
            if !seen {
                changes.push(Change::Removed {
                    id: id as RecordId,
                    record: self.original.records[id].clone(),
                });
            }
        }
        changes
    }

    /// Takes back one change (as a new step): an added record is deleted, a removed one comes
    /// back where it was, a changed one gets its loaded values again.
    pub fn revert(&mut self, id: RecordId) -> Result<bool, EditProblem> {
        let loaded = self.original.records.len() as RecordId;
        match (self.position(id), id < loaded) {
            (Some(_), false) => Ok(self.delete(id)),
            (Some(_), true) => {
                let original = self.original.records[id as usize].clone();
                self.check_record(Some(id), &original)?;
                Ok(self.update(id, original))
            }
            (None, true) => {
                let record = self.original.records[id as usize].clone();
                self.check_record(None, &record)?;
                // After the nearest record that came before it in the loaded data.
                let at = self
                    .ids
                    .iter()
                    .rposition(|&other| other < id)
                    .map_or(0, |p| p + 1);
                self.push(Op::Insert { at, id, record });
                Ok(true)
            }
            (None, false) => Ok(false),
        }
    }

    /// Whether record `id` differs from the dataset as loaded (or was added).
    pub fn is_edited(&self, id: RecordId) -> bool {
        let Some(at) = self.position(id) else {
            return false;
        };
        self.original
            .records
            .get(id as usize)
            .is_none_or(|loaded| loaded != &self.current.records[at])
    }

    /// The rules a record must keep among the others: certified at most registered, and no
    /// other record with the same batch, certificate and level.
    fn check_record(&self, id: Option<RecordId>, record: &Record) -> Result<(), EditProblem> {
        if let Some(certified) = record.certified
            && certified > record.registered
        {
            return Err(EditProblem::CertifiedExceedsRegistered {
                certified,
                registered: record.registered,
            });
        }
        let identity = record.identity();
        // A record that keeps its batch, certificate and level cannot clash: no scan of the
        // other records for each keystroke in a count or a note.
        let unchanged = id
            .and_then(|id| self.position(id))
            .is_some_and(|at| self.current.records[at].identity() == identity);
        if unchanged {
            return Ok(());
        }
        let clash = self
            .ids
            .iter()
            .zip(&self.current.records)
            .any(|(&other, r)| Some(other) != id && r.identity() == identity);
        if clash {
            return Err(EditProblem::Duplicate {
                batch: record.batch.clone(),
                certificate: record.certificate.clone(),
                level: record.level,
            });
        }
        Ok(())
    }

    fn push(&mut self, op: Op) {
        self.apply(&op).expect("a new step fits");
        self.history.truncate(self.cursor);
        self.history.push(op);
        self.cursor += 1;
        if self.history.len() > HISTORY_LIMIT {
            let oldest = self.history.remove(0);
            let original = &self.original;
            let base = self.base.get_or_insert_with(|| Rows::loaded(original));
            base.apply(&oldest).expect("the oldest step fits the base");
            self.cursor -= 1;
        }
    }
}

fn blank_record(batch: String, certificate: String, level: Level) -> Record {
    Record {
        batch,
        certificate,
        level,
        majors: Vec::new(),
        approved_trainees: None,
        social_training_person_days: None,
        registered: 0,
        certified: Some(0),
        reported_pass_rate_percent: None,
        note: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(certificate: &str) -> Record {
        blank_record(
            "2021年第一批".into(),
            certificate.into(),
            Level::Intermediate,
        )
    }

    #[test]
    fn changes_are_described_in_both_languages() {
        let modified = Change::Modified {
            id: 0,
            record: record("物流管理"),
            fields: vec![
                (Field::Certified, "43".into(), "44".into()),
                (Field::Note, String::new(), "核对过".into()),
            ],
        };
        assert_eq!(modified.kind_label(Lang::Zh), "修改");
        assert_eq!(modified.kind_label(Lang::En), "Changed");
        assert_eq!(
            modified.record_label(Lang::Zh),
            "2021年第一批 · 物流管理 · 中级"
        );
        assert_eq!(
            modified.record_label(Lang::En),
            "2021年第一批 · 物流管理 · Intermediate"
        );
        assert_eq!(
            modified.detail(Lang::Zh),
            "获证人数：43 → 44；备注：（空） → 核对过"
        );
        assert_eq!(
            modified.detail(Lang::En),
            "Certified: 43 → 44; Note: (empty) → 核对过"
        );
        let added = Change::Added {
            id: 1,
            record: record("新证书 1"),
        };
        assert_eq!(added.kind_label(Lang::En), "Added");
        assert_eq!(added.detail(Lang::En), "");
    }

    #[test]
    fn an_added_record_is_named_in_the_interface_language() {
        let mut editor = Editor::new(Dataset::default());
        editor.add();
        let english = editor.add_in(Lang::En);
        let records = &editor.dataset().records;
        assert_eq!(records[0].batch, "新批次");
        assert_eq!(records[0].certificate, "新证书 1");
        assert_eq!(records[1].certificate, "New certificate 1");
        assert_eq!(editor.position(english), Some(1));
    }
}
