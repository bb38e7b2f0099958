//! Editing the built-in dataset: edits land on the right record, bad values change nothing,
//! undo and redo walk the whole way back and forth, and the stored form rebuilds the editor.

use pilot_board::domain::builtin::report_2021;
use pilot_board::domain::edit::{Change, Editor, EditorParts, HISTORY_LIMIT, HistoryMismatch};
use pilot_board::domain::fields::{EditProblem, Field};
use pilot_board::domain::{Dataset, Level};

fn editor() -> Editor {
    Editor::new(report_2021())
}

fn record_of(editor: &Editor, id: u32) -> &pilot_board::domain::Record {
    &editor.dataset().records[editor.position(id).unwrap()]
}

#[test]
fn an_edit_changes_only_its_record_and_its_field() {
    let mut editor = editor();
    let before = editor.dataset().clone();
    assert_eq!(editor.set(5, Field::Registered, "60"), Ok(true));
    assert_eq!(record_of(&editor, 5).registered, 60);
    for (position, (now, then)) in editor
        .dataset()
        .records
        .iter()
        .zip(&before.records)
        .enumerate()
    {
        if position != 5 {
            assert_eq!(now, then);
        }
    }
    // The same value again is not a step.
    assert_eq!(editor.set(5, Field::Registered, " 60 "), Ok(false));
    assert_eq!(editor.undo_depth(), 1);
    assert!(editor.is_edited(5));
    assert!(!editor.is_edited(4));
}

#[test]
fn values_that_break_a_rule_are_refused_and_change_nothing() {
    let mut editor = editor();
    let before = editor.dataset().clone();
    let first = editor.dataset().records[0].clone();
    let certified = first.certified.expect("the first record has results");
    assert_eq!(
        editor.set(0, Field::Certified, &(first.registered + 1).to_string()),
        Err(EditProblem::CertifiedExceedsRegistered {
            certified: first.registered + 1,
            registered: first.registered
        })
    );
    assert_eq!(
        editor.set(0, Field::Registered, &(certified - 1).to_string()),
        Err(EditProblem::CertifiedExceedsRegistered {
            certified,
            registered: certified - 1
        })
    );
    assert_eq!(
        editor.set(0, Field::Registered, "-3"),
        Err(EditProblem::NotACount)
    );
    assert_eq!(
        editor.set(0, Field::Level, "中"),
        Err(EditProblem::NotALevel)
    );
    assert_eq!(editor.dataset(), &before);
    assert!(!editor.can_undo());
}

#[test]
fn a_duplicate_is_named() {
    let mut editor = editor();
    let first = editor.dataset().records[0].clone();
    let twin = editor
        .dataset()
        .records
        .iter()
        .position(|r| r.batch == first.batch && r.certificate != first.certificate)
        .expect("a second certificate in the first batch") as u32;
    let _ = editor.set(twin, Field::Level, first.level.as_str());
    assert_eq!(
        editor.set(
            twin,
            Field::Certificate,
            &format!("  {}  ", first.certificate)
        ),
        Err(EditProblem::Duplicate {
            batch: first.batch.clone(),
            certificate: first.certificate.clone(),
            level: first.level
        })
    );
    // The same batch spelt another way ("2021 年第一批次") is the same batch.
    let _ = editor.set(
        twin,
        Field::Certificate,
        &format!("{}（二）", first.certificate),
    );
    let twin_batch = first.batch.replacen("年", " 年", 1) + "次";
    assert_eq!(editor.set(twin, Field::Batch, &twin_batch), Ok(true));
    assert!(matches!(
        editor.set(twin, Field::Certificate, &first.certificate),
        Err(EditProblem::Duplicate { .. })
    ));
}

#[test]
fn undo_and_redo_walk_150_steps_back_and_forth() {
    let mut editor = editor();
    let loaded = editor.dataset().clone();
    let mut states = vec![loaded.clone()];
    for step in 0..150u32 {
        let id = step % 38;
        match step % 5 {
            0 => {
                editor.add();
            }
            1 => {
                editor.delete(editor.ids()[3]);
            }
            _ => {
                let registered =
                    record_of(&editor, editor.ids()[id as usize % editor.ids().len()]).registered;
                let target = editor.ids()[id as usize % editor.ids().len()];
                editor
                    .set(
                        target,
                        Field::Registered,
                        &(registered + 1 + step as u64).to_string(),
                    )
                    .unwrap();
            }
        }
        states.push(editor.dataset().clone());
    }
    for expected in states.iter().rev().skip(1) {
        assert!(editor.undo());
        assert_eq!(editor.dataset(), expected);
    }
    assert!(!editor.undo());
    assert_eq!(editor.dataset(), &loaded);
    for expected in states.iter().skip(1) {
        assert!(editor.redo());
        assert_eq!(editor.dataset(), expected);
    }
    assert!(!editor.redo());
}

#[test]
fn a_new_step_after_undo_drops_the_redo_steps() {
    let mut editor = editor();
    editor.set(0, Field::Note, "a").unwrap();
    editor.set(0, Field::Note, "b").unwrap();
    editor.undo();
    editor.set(0, Field::Note, "c").unwrap();
    assert!(!editor.can_redo());
    assert_eq!(record_of(&editor, 0).note.as_deref(), Some("c"));
}

#[test]
fn add_and_delete_keep_ids_and_places() {
    let mut editor = editor();
    let id = editor.add();
    assert_eq!(id, 38);
    let added = record_of(&editor, id).clone();
    assert_eq!(added.certificate, "新证书 1");
    assert_eq!(added.level, Level::Elementary);
    assert_eq!(editor.add(), 39);
    assert_eq!(record_of(&editor, 39).certificate, "新证书 2");
    // Delete the tenth record, then edit the record after it by id.
    let tenth = editor.ids()[9];
    let eleventh = editor.ids()[10];
    editor.delete(tenth);
    editor
        .set(eleventh, Field::Note, "after the deleted one")
        .unwrap();
    assert_eq!(
        editor.dataset().records[9].note.as_deref(),
        Some("after the deleted one")
    );
    editor.undo();
    editor.undo();
    assert_eq!(editor.ids()[9], tenth, "undo puts it back in its place");
}

#[test]
fn changes_list_every_difference_and_each_can_be_reverted() {
    let mut editor = editor();
    editor.set(2, Field::Registered, "999").unwrap();
    editor.set(2, Field::Note, "checked").unwrap();
    let added = editor.add();
    editor.delete(7);
    let changes = editor.changes();
    assert_eq!(changes.len(), 3);
    match &changes[0] {
        Change::Modified { id, fields, .. } => {
            assert_eq!(*id, 2);
            let named: Vec<Field> = fields.iter().map(|(f, _, _)| *f).collect();
            assert_eq!(named, vec![Field::Registered, Field::Note]);
            assert_eq!(fields[0].2, "999");
        }
        other => panic!("expected a modified record, got {other:?}"),
    }
    assert!(matches!(changes[1], Change::Added { id, .. } if id == added));
    assert!(matches!(changes[2], Change::Removed { id: 7, .. }));

    for change in changes {
        assert_eq!(editor.revert(change.id()), Ok(true));
    }
    assert!(editor.changes().is_empty());
    assert_eq!(editor.dataset(), &report_2021());
    // Each revert was a step of its own.
    assert_eq!(editor.undo_depth(), 4 + 3);
}

#[test]
fn reset_goes_back_to_the_loaded_data_and_undo_takes_it_back() {
    let mut editor = editor();
    editor.set(0, Field::Certificate, "改过的名字").unwrap();
    editor.delete(3);
    let edited = editor.dataset().clone();
    assert!(editor.reset());
    assert_eq!(editor.dataset(), &report_2021());
    assert!(!editor.reset(), "nothing to reset");
    editor.undo();
    assert_eq!(editor.dataset(), &edited);
}

#[test]
fn the_stored_form_rebuilds_the_same_editor() {
    let mut editor = editor();
    editor
        .set(
            1,
            Field::Majors,
            "【560118】工业设计 【560102】机械制造与自动化",
        )
        .unwrap();
    let id = editor.add();
    editor.set(id, Field::Certified, "--").unwrap();
    editor.delete(0);
    editor.undo();
    let json = serde_json::to_string(&editor.parts()).unwrap();
    let parts: EditorParts = serde_json::from_str(&json).unwrap();
    let mut restored = Editor::restore(report_2021(), parts).unwrap();
    assert_eq!(restored.dataset(), editor.dataset());
    assert_eq!(restored.ids(), editor.ids());
    assert_eq!(restored.undo_depth(), editor.undo_depth());
    assert!(restored.redo());
    assert_eq!(restored.add(), id + 1, "ids are not handed out twice");
}

#[test]
fn a_history_that_does_not_fit_the_data_is_refused() {
    let mut editor = editor();
    editor.set(1, Field::Registered, "77").unwrap();
    let parts = editor.parts();
    let mut other = report_2021();
    other.records[1].registered += 1;
    assert_eq!(
        Editor::restore(other, parts.clone()).err(),
        Some(HistoryMismatch)
    );
    let beyond = EditorParts { cursor: 5, ..parts };
    assert_eq!(
        Editor::restore(report_2021(), beyond).err(),
        Some(HistoryMismatch)
    );
    assert!(Editor::restore(Dataset::default(), editor.parts()).is_err());
}

#[test]
fn past_the_limit_the_oldest_steps_fold_into_the_base() {
    let mut editor = editor();
    for n in 0..(HISTORY_LIMIT + 5) {
        editor.set(0, Field::Note, &format!("edit {n}")).unwrap();
    }
    assert_eq!(editor.undo_depth(), HISTORY_LIMIT);
    let parts = editor.parts();
    assert!(parts.base.is_some());
    let mut restored = Editor::restore(report_2021(), parts).unwrap();
    assert_eq!(restored.dataset(), editor.dataset());
    while restored.undo() {}
    assert_eq!(
        restored.dataset().records[0].note.as_deref(),
        Some("edit 4"),
        "the oldest reachable state"
    );
    // Changes are still measured against the data as loaded.
    assert_eq!(restored.changes().len(), 1);
}

#[test]
fn a_merge_updates_every_record_in_one_step_that_undo_takes_back() {
    let mut editor = editor();
    let before = editor.dataset().records.clone();
    let mut merged = before.clone();
    for record in &mut merged {
        record.approved_trainees = Some(7);
    }
    assert!(editor.update_all(merged.clone()));
    assert_eq!(editor.dataset().records, merged);
    assert_eq!(editor.undo_depth(), 1, "one step");
    assert!(editor.undo());
    assert_eq!(editor.dataset().records, before);
    assert!(editor.redo());
    assert_eq!(editor.dataset().records, merged);
    // Not as many records, or nothing new: refused.
    assert!(!editor.update_all(merged[1..].to_vec()));
    assert!(!editor.update_all(merged));
}
