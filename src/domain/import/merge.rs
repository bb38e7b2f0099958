//! Two tables into one: the report keeps its pilots in two tables keyed by batch, certificate
//! and level (table 1: majors, approved trainees, social training; table 3: registered,
//! certified, rate). A table opened over data on screen whose rows match its records by those
//! three has its other columns merged into the matching records.

use super::Draft;
use super::grid::Sheet;
use super::plan::{SkipReason, row_skip};
use super::values::{is_pending, read_level, read_rate};
use crate::domain::error::{DatasetError, Problem};
use crate::domain::fields::{EditProblem, Field, format_percent};
use crate::domain::lang::Lang;
use crate::domain::model::batch_key;
use crate::domain::model::{Dataset, Level, Record};
use crate::domain::numbers::fold_width;
use std::collections::HashMap;

/// What merging a table's columns into the data on screen would do.
#[derive(Clone, Debug, PartialEq)]
pub struct MergePlan {
    /// The fields the table brings (its mapped columns but the three keys).
    pub fields: Vec<Field>,
    /// The records on screen with the table's values merged in, in their order.
    pub records: Vec<Record>,
    /// How many records a row of the table matched.
    pub matched: usize,
    /// Rows of the table (1-based) that match no record, with their batch · certificate · level.
    pub unmatched_rows: Vec<(usize, String)>,
    /// Records on screen (0-based) no row of the table matches.
    pub unmatched_records: Vec<usize>,
    /// Values that could not be read, by row and column.
    pub problems: Vec<DatasetError>,
}

impl MergePlan {
    /// The fields the table brings, as a list in `lang` (涵盖专业、已批准培训人数).
    pub fn field_labels(&self, lang: Lang) -> String {
        self.fields
            .iter()
            .map(|field| field.label(lang))
            .collect::<Vec<_>>()
            .join(lang.pick("、", ", "))
    }
}

/// A certificate name as the two tables are matched by: no white space, brackets and other
/// forms in half width (`建筑信息模型（BIM）` = `建筑信息模型(BIM)`).
pub fn certificate_key(name: &str) -> String {
    fold_width(name)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase()
}

fn record_key(batch: &str, certificate: &str, level: Level) -> (String, String, Level) {
    (batch_key(batch), certificate_key(certificate), level)
}

/// The merge of `draft`'s columns into `dataset`, or `None` where the table has no batch,
/// certificate and level columns, brings no other column, or matches no record.
pub fn plan_merge(draft: &Draft, dataset: &Dataset) -> Option<MergePlan> {
    let column_of = |field: Field| draft.columns.iter().position(|c| *c == Some(field));
    let (batch, certificate, level) = (
        column_of(Field::Batch)?,
        column_of(Field::Certificate)?,
        column_of(Field::Level)?,
    );
    let fields: Vec<(usize, Field)> = draft
        .columns
        .iter()
        .enumerate()
        .filter_map(|(column, field)| field.map(|field| (column, field)))
        .filter(|(_, field)| !matches!(field, Field::Batch | Field::Certificate | Field::Level))
        .collect();
    if fields.is_empty() {
        return None;
    }
    // (The first record of a key, as a table row matches it.)
    let mut keys: HashMap<(String, String, Level), usize> = HashMap::new();
    for (index, record) in dataset.records.iter().enumerate() {
        keys.entry(record_key(&record.batch, &record.certificate, record.level))
            .or_insert(index);
    }
    let sheet: &Sheet = &draft.sheet;
    let mut records = dataset.records.clone();
    let mut hit = vec![false; records.len()];
    let mut plan = MergePlan {
        fields: fields.iter().map(|(_, field)| *field).collect(),
        records: Vec::new(),
        matched: 0,
        unmatched_rows: Vec::new(),
        unmatched_records: Vec::new(),
        problems: Vec::new(),
    };
    let mut above = (String::new(), String::new());
    let mut after_totals = false;
    for row in draft.header_row + 1..sheet.rows.len() {
        let text = |column: usize| sheet.cell(row, column).text().trim().to_string();
        if let Some(reason) = row_skip(sheet, row, &draft.columns, after_totals, &draft.rows) {
            after_totals |= reason == SkipReason::Totals;
            continue;
        }
        // Merged batch and certificate cells: the one above.
        let batch_text = match text(batch) {
            t if t.is_empty() => above.0.clone(),
            t => t,
        };
        let certificate_text = match text(certificate) {
            t if t.is_empty() => above.1.clone(),
            t => t,
        };
        above = (batch_text.clone(), certificate_text.clone());
        let label = format!("{batch_text} · {certificate_text} · {}", text(level));
        let Some(level) = read_level(&text(level)) else {
            plan.unmatched_rows.push((row + 1, label));
            continue;
        };
        let key = record_key(&batch_text, &certificate_text, level);
        let Some(&index) = keys.get(&key) else {
            plan.unmatched_rows.push((row + 1, label));
            continue;
        };
        hit[index] = true;
        plan.matched += 1;
        for &(column, field) in &fields {
            let cell = sheet.cell(row, column);
            let typed = match field {
                Field::Certified if is_pending(cell) => String::new(),
                Field::ReportedPassRate if is_pending(cell) => String::new(),
                Field::ReportedPassRate => {
                    read_rate(cell, false).map_or_else(|| cell.text(), format_percent)
                }
                _ => cell.text(),
            };
            match field.read(&records[index], &typed) {
                Ok(merged) => records[index] = merged,
                Err(problem) => plan.problems.push(DatasetError {
                    line_column: Some((row + 1, column + 1)),
                    record: None,
                    key: Some(field.key().to_string()),
                    problem: problem_of(problem, &typed),
                }),
            }
        }
    }
    if plan.matched == 0 {
        return None;
    }
    plan.unmatched_records = (0..records.len()).filter(|&i| !hit[i]).collect();
    plan.records = records;
    Some(plan)
}

/// A value the merge could not read, as the file's problems are worded.
fn problem_of(problem: EditProblem, text: &str) -> Problem {
    match problem {
        EditProblem::NotAMajor(piece) => Problem::MajorsText { piece },
        _ => Problem::Syntax {
            detail: format!("“{text}”"),
        },
    }
}

// Native only: the tests decode tables with encoding_rs, which the wasm build does without.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::import::{TableOutcome, open_table};
    use crate::domain::table::gb18030;

    fn draft(text: &str) -> Draft {
        match open_table(text.as_bytes(), "t.tsv", "t", &gb18030, None) {
            TableOutcome::Preview(session) => session.draft().clone(),
            other => panic!("a preview, not {other:?}"),
        }
    }

    #[test]
    fn names_match_without_spaces_and_bracket_width() {
        assert_eq!(
            certificate_key("跨境电商 B2B 数据运营职业技能等级证书"),
            certificate_key("跨境电商B2B数据运营职业技能等级证书")
        );
        assert_eq!(
            certificate_key("建筑信息模型（BIM）"),
            certificate_key("建筑信息模型(BIM)")
        );
        assert_ne!(certificate_key("物流管理"), certificate_key("物流"));
    }

    #[test]
    fn table_1_merges_its_majors_and_trainees_into_table_3() {
        let table3 = draft(include_str!("../../../tests/fixtures/report-table3.tsv"));
        let three = table3.read().result.expect("table 3 reads");
        assert!(three.records.iter().all(|r| r.majors.is_empty()));
        let table1 = draft(include_str!("../../../tests/fixtures/report-table1.tsv"));
        let plan = plan_merge(&table1, &three).expect("a merge");
        assert_eq!(plan.matched, 38);
        assert!(plan.unmatched_rows.is_empty(), "{:?}", plan.unmatched_rows);
        assert!(plan.unmatched_records.is_empty());
        assert!(plan.problems.is_empty(), "{:?}", plan.problems);
        assert!(plan.fields.contains(&Field::Majors));
        assert!(plan.fields.contains(&Field::ApprovedTrainees));
        // The built-in figures: the report's records, majors and trainees.
        let builtin = crate::domain::builtin::report_2021();
        let merged = crate::domain::Totals::of(&plan.records);
        let expected = crate::domain::Totals::of(&builtin.records);
        assert_eq!(merged.majors, expected.majors);
        assert_eq!(merged.approved_trainees, expected.approved_trainees);
        assert_eq!(merged.registered, expected.registered);
        assert_eq!(merged.certified, expected.certified);
        for (a, b) in plan.records.iter().zip(&three.records) {
            assert_eq!(
                (a.registered, a.certified),
                (b.registered, b.certified),
                "kept"
            );
        }
    }

    #[test]
    fn rows_that_match_nothing_are_listed_on_both_sides() {
        let three = draft(include_str!("../../../tests/fixtures/report-table3.tsv"))
            .read()
            .result
            .unwrap();
        let text = "申报计划\t证书名称\t证书等级\t已批准培训人数\n\
                    2021年第一批\t产品创意设计职业技能等级证书\t中级\t55\n\
                    2022年第一批\t物流管理职业技能等级证书\t中级\t40\n";
        let plan = plan_merge(&draft(text), &three).expect("one row matches");
        assert_eq!(plan.matched, 1);
        assert_eq!(plan.unmatched_rows.len(), 1);
        assert_eq!(plan.unmatched_rows[0].0, 3);
        assert_eq!(plan.unmatched_records.len(), 37);
        assert_eq!(plan.records[0].approved_trainees, Some(55));
        // Nothing in common: no merge to offer.
        let other = "申报计划\t证书名称\t证书等级\t已批准培训人数\n2030年\t某证书\t中级\t1\n";
        assert_eq!(plan_merge(&draft(other), &three), None);
    }
}
