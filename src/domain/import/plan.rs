//! A sheet read as the records of a dataset: where its header row is, which column fills which
//! field (proposed from the headings, changed by the user in the preview), and then every row
//! read, or left out with the reason, or refused with its problem by sheet row and column.

use serde_json::{Map, Value, json};

use super::grid::{Cell, Sheet};
use super::values::{is_pending, rates_are_fractions, read_level, read_rate, split_level};
use super::vocabulary::{ColumnUse, column_use, is_totals};
use crate::domain::error::{DatasetError, Problem};
use crate::domain::fields::Field;
use crate::domain::model::{Dataset, FORMAT_TAG, FORMAT_VERSION, ReportedTotals};
use crate::domain::numbers::read_count;
use crate::domain::parse::parse_dataset_value;
use crate::domain::table::cell_value;

/// The header is looked for in this many rows at the top of a sheet.
const HEADER_SEARCH_ROWS: usize = 30;

/// Where a sheet's table starts and what each column is for, as proposed from the headings.
#[derive(Clone, Debug, PartialEq)]
pub struct Proposal {
    /// 0-based.
    pub header_row: usize,
    /// One per column of the sheet: the field it fills, or `None` where it is not used.
    pub columns: Vec<Option<Field>>,
}

/// The row whose headings name the most fields (the first such row), and each column's field.
/// `None` when no row of the top of the sheet names at least two fields.
pub fn propose(sheet: &Sheet) -> Option<Proposal> {
    let width = sheet.width();
    let fields_of = |row: usize| -> Vec<Option<Field>> {
        let mut seen = Vec::new();
        (0..width)
            .map(|column| match column_use(&sheet.cell(row, column).text()) {
                Some(ColumnUse::Field(field)) if !seen.contains(&field) => {
                    seen.push(field);
                    Some(field)
                }
                _ => None,
            })
            .collect()
    };
    let (header_row, columns) = (0..sheet.rows.len().min(HEADER_SEARCH_ROWS))
        .map(|row| (row, fields_of(row)))
        .max_by_key(|(row, columns)| (columns.iter().flatten().count(), std::cmp::Reverse(*row)))?;
    (columns.iter().flatten().count() >= 2).then_some(Proposal {
        header_row,
        columns,
    })
}

/// Why a row of the sheet is not a record.
#[derive(Clone, Debug, PartialEq)]
pub enum SkipReason {
    /// A title, a note or a blank line above the header.
    AboveHeader,
    Blank,
    /// A row of totals (合计, 总计…): its figures are the report's totals.
    Totals,
    /// The header again (a table that goes over two pages of a Word report).
    RepeatedHeader,
    /// A line with no figures: a footnote under the table (注：…, 制表人, 填报日期…), or text in a
    /// single column, which filling down the batch and certificate would make a record of.
    Note,
    /// Left out by the user in the preview.
    LeftOut,
}

impl SkipReason {
    /// Whether the user can take the row back as a record (a note, or a row they left out).
    pub fn can_take_back(&self) -> bool {
        matches!(self, SkipReason::Note | SkipReason::LeftOut)
    }
}

/// The user's choices of rows in the preview (1-based sheet rows): rows left out, and rows the
/// reader took for notes that are to be read as records after all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RowChoices {
    pub left_out: std::collections::BTreeSet<usize>,
    pub taken_back: std::collections::BTreeSet<usize>,
}

/// The words a line under a table starts with when it is a note, not a record.
const NOTE_WORDS: [&str; 14] = [
    "注",
    "说明",
    "备注",
    "附注",
    "制表",
    "填表",
    "填报",
    "审核",
    "负责人",
    "联系",
    "电话",
    "数据来源",
    "来源",
    "单位",
];

/// What reading a sheet gave: the dataset, or every problem; and what was left out or filled.
#[derive(Clone, Debug)]
pub struct Reading {
    pub result: Result<Dataset, Vec<DatasetError>>,
    /// Rows left out (1-based sheet rows), with the reason.
    pub skipped: Vec<(usize, SkipReason)>,
    /// Cells left empty under a filled one (a merged batch or certificate) and read as it.
    pub filled_down: usize,
}

/// Nothing read yet.
impl Default for Reading {
    fn default() -> Self {
        Reading {
            result: Err(Vec::new()),
            skipped: Vec::new(),
            filled_down: 0,
        }
    }
}

/// Reads the rows under `header_row` with `columns` naming each column's field.
pub fn read(sheet: &Sheet, header_row: usize, columns: &[Option<Field>], title: &str) -> Reading {
    read_with(sheet, header_row, columns, title, &RowChoices::default())
}

/// [`read`], with the rows the user left out or took back.
pub fn read_with(
    sheet: &Sheet,
    header_row: usize,
    columns: &[Option<Field>],
    title: &str,
    choices: &RowChoices,
) -> Reading {
    let mut skipped: Vec<(usize, SkipReason)> = (0..header_row)
        .map(|row| (row + 1, SkipReason::AboveHeader))
        .collect();
    let mut errors = Vec::new();
    let header_problem = |problem| DatasetError {
        line_column: Some((header_row + 1, 0)),
        record: None,
        key: None,
        problem,
    };
    let column_of = |field: Field| columns.iter().position(|c| *c == Some(field));
    for (field, name) in [
        (Field::Batch, "申报计划"),
        (Field::Certificate, "证书名称"),
        (Field::Registered, "报考人数"),
    ] {
        if column_of(field).is_none() {
            errors.push(header_problem(Problem::MissingColumn { name }));
        }
    }
    let level_column = column_of(Field::Level);
    let certified_column = column_of(Field::Certified);
    let rate_column = column_of(Field::ReportedPassRate);
    let body = header_row + 1..sheet.rows.len();
    let fractions = rate_column
        .is_some_and(|column| rates_are_fractions(body.clone().map(|row| sheet.cell(row, column))));

    let mut records = Vec::new();
    let mut rows_of_records = Vec::new();
    let mut totals = None;
    let mut above: Vec<Option<Cell>> = vec![None; columns.len()];
    let mut filled_down = 0;
    for row in body {
        let cells: Vec<&Cell> = (0..columns.len()).map(|c| sheet.cell(row, c)).collect();
        if let Some(reason) = row_skip(sheet, row, columns, totals.is_some(), choices) {
            if reason == SkipReason::Totals {
                totals = Some(row);
            }
            skipped.push((row + 1, reason));
            continue;
        }
        let mut object = Map::new();
        for (column, field) in columns.iter().enumerate() {
            let Some(field) = *field else { continue };
            let mut cell = cells[column].clone();
            // A batch or certificate merged over several rows (or left empty under the one
            // above, as merged cells come out of a CSV) is the one above.
            if matches!(field, Field::Batch | Field::Certificate) && cell.is_blank() {
                if let Some(previous) = &above[column] {
                    cell = previous.clone();
                    filled_down += 1;
                }
            } else if matches!(field, Field::Batch | Field::Certificate) {
                above[column] = Some(cell.clone());
            }
            let problem_at = |problem| DatasetError {
                line_column: Some((row + 1, column + 1)),
                record: None,
                key: Some(field.key().to_string()),
                problem,
            };
            let value = match field {
                Field::Certified if is_pending(&cell) => Some(Value::Null),
                Field::ReportedPassRate if is_pending(&cell) => None,
                Field::ReportedPassRate => match read_rate(&cell, fractions) {
                    Some(rate) => Some(json!(rate)),
                    None => Some(Value::String(cell.text())),
                },
                Field::Level => Some(Value::String(
                    read_level(&cell.text()).map_or_else(|| cell.text(), |l| l.as_str().into()),
                )),
                Field::Registered
                | Field::ApprovedTrainees
                | Field::SocialTrainingPersonDays
                | Field::Certified => match &cell {
                    Cell::Number(n) if n.fract() == 0.0 && *n >= 0.0 => Some(json!(*n as u64)),
                    cell => match read_count(&cell.text()) {
                        Ok(n) => Some(json!(n)),
                        Err(_) if is_pending(cell) => None,
                        Err(_) => Some(Value::String(cell.text())),
                    },
                },
                _ => match cell_value(field, &cell.text()) {
                    Ok(value) => value,
                    Err(problem) => {
                        errors.push(problem_at(problem));
                        None
                    }
                },
            };
            if let Some(value) = value {
                object.insert(field.key().to_string(), value);
            }
        }
        // No level column: the level in brackets after the certificate's name.
        if level_column.is_none()
            && let Some(Value::String(name)) = object.get("certificate").cloned()
            && let Some((name, level)) = split_level(&name)
        {
            object.insert("certificate".into(), Value::String(name));
            object.insert("level".into(), Value::String(level.as_str().into()));
        }
        if certified_column.is_none() {
            object.insert("certified".into(), Value::Null);
        }
        object
            .entry("majors")
            .or_insert_with(|| Value::Array(Vec::new()));
        records.push(Value::Object(object));
        rows_of_records.push(row + 1);
    }
    if level_column.is_none() && records.iter().any(|record| record.get("level").is_none()) {
        errors.push(header_problem(Problem::MissingColumn {
            name: "证书等级"
        }));
    }
    let reported_totals = totals.map(|row| totals_of(sheet, row, columns, fractions));
    // A column missing is said once, at the header, not again at every row; the rows' other
    // problems are listed with it, all at once.
    let missing: Vec<&'static str> = [
        Field::Batch,
        Field::Certificate,
        Field::Registered,
        Field::Level,
    ]
    .into_iter()
    .filter(|field| column_of(*field).is_none())
    .map(Field::key)
    .collect();
    let mut file = json!({
        "format": FORMAT_TAG,
        "version": FORMAT_VERSION,
        "title": title,
        "records": records,
    });
    if let Some(totals) = reported_totals {
        file["reported_totals"] = serde_json::to_value(totals).expect("totals serialise");
    }
    let validated = parse_dataset_value(&file).map_err(|found| {
        found
            .into_iter()
            .filter(|error| {
                !(matches!(error.problem, Problem::Missing { .. })
                    && error
                        .key
                        .as_deref()
                        .is_some_and(|key| missing.contains(&key)))
            })
            .map(|mut error| {
                if let Some(record) = &error.record {
                    error.line_column = rows_of_records
                        .get(record.position - 1)
                        .map(|&row| (row, 0));
                }
                error
            })
            .collect::<Vec<_>>()
    });
    let result = match validated {
        Ok(dataset) if errors.is_empty() => Ok(dataset),
        Ok(_) => Err(errors),
        Err(found) => {
            errors.extend(found);
            Err(errors)
        }
    };
    Reading {
        result,
        skipped,
        filled_down,
    }
}

/// Why a row under the header is no record, with the user's choices: [`skip_reason`], then a
/// note (a row without figures under the totals, or starting with a note's word, or with text
/// in one column only), unless taken back; and a row the user left out.
pub(super) fn row_skip(
    sheet: &Sheet,
    row: usize,
    columns: &[Option<Field>],
    after_totals: bool,
    choices: &RowChoices,
) -> Option<SkipReason> {
    if let Some(reason) = skip_reason(sheet, row, columns) {
        return Some(reason);
    }
    if choices.left_out.contains(&(row + 1)) {
        return Some(SkipReason::LeftOut);
    }
    if !choices.taken_back.contains(&(row + 1)) && is_note(sheet, row, columns, after_totals) {
        return Some(SkipReason::Note);
    }
    None
}

/// Whether a row is a note: no figure in any column of figures, and either under the totals
/// row, or starting with a note's word (注：…, 制表人：…), or with text in one column only.
fn is_note(sheet: &Sheet, row: usize, columns: &[Option<Field>], after_totals: bool) -> bool {
    let figures = columns.iter().enumerate().any(|(column, field)| {
        matches!(
            field,
            Some(
                Field::Registered
                    | Field::Certified
                    | Field::ApprovedTrainees
                    | Field::SocialTrainingPersonDays
                    | Field::ReportedPassRate
            )
        ) && !sheet.cell(row, column).is_blank()
    });
    if figures {
        return false;
    }
    let width = sheet.width().max(columns.len());
    let filled: Vec<String> = (0..width)
        .map(|column| sheet.cell(row, column).text())
        .filter(|text| !text.trim().is_empty())
        .collect();
    let starts_as_note = filled.first().is_some_and(|first| {
        let first = first.trim_start();
        NOTE_WORDS.iter().any(|word| first.starts_with(word))
    });
    after_totals || starts_as_note || filled.len() <= 1
}

/// Why a row under the header is no record, if it is not: blank, a row of totals, or the
/// header again (a table that goes over two pages).
pub(super) fn skip_reason(
    sheet: &Sheet,
    row: usize,
    columns: &[Option<Field>],
) -> Option<SkipReason> {
    let cells: Vec<&Cell> = (0..columns.len()).map(|c| sheet.cell(row, c)).collect();
    if cells.iter().all(|cell| cell.is_blank()) {
        return Some(SkipReason::Blank);
    }
    // (Only short text without digits can be a heading: the rest is not looked up, which
    // keeps a 100,000-row sheet quick.)
    let could_be_heading =
        |text: &str| text.chars().count() <= 32 && !text.chars().any(|c| c.is_ascii_digit());
    let repeats_header = columns
        .iter()
        .zip(&cells)
        .filter(|(field, cell)| {
            field.is_some()
                && matches!(cell, Cell::Text(text) if could_be_heading(text)
                    && matches!(column_use(text), Some(ColumnUse::Field(f)) if Some(f) == **field))
        })
        .count()
        >= 2;
    if repeats_header {
        return Some(SkipReason::RepeatedHeader);
    }
    cells
        .iter()
        .take(3)
        .any(|cell| is_totals(&cell.text()))
        .then_some(SkipReason::Totals)
}

/// The printed totals of a sheet read with `columns` under `header_row` (its 合计 / 总计 row),
/// on their own: for a table whose columns merge into another's records (the report's table 1,
/// whose totals row counts the pilots, levels and majors).
pub fn totals_in(
    sheet: &Sheet,
    header_row: usize,
    columns: &[Option<Field>],
    choices: &RowChoices,
) -> Option<ReportedTotals> {
    let body = header_row + 1..sheet.rows.len();
    let fractions = columns
        .iter()
        .position(|c| *c == Some(Field::ReportedPassRate))
        .is_some_and(|column| rates_are_fractions(body.clone().map(|row| sheet.cell(row, column))));
    let row = body
        .into_iter()
        .find(|&row| row_skip(sheet, row, columns, false, choices) == Some(SkipReason::Totals))?;
    Some(totals_of(sheet, row, columns, fractions))
}

/// The figures of a totals row, as the report's printed totals. A number under the
/// certificate, level or majors heading of a totals row counts them (the report's table 1
/// writes 总计 36 38 35: pilots, certificate levels, majors).
fn totals_of(
    sheet: &Sheet,
    row: usize,
    columns: &[Option<Field>],
    fractions: bool,
) -> ReportedTotals {
    let count = |field: Field| {
        let column = columns.iter().position(|c| *c == Some(field))?;
        match sheet.cell(row, column) {
            Cell::Number(n) if n.fract() == 0.0 && *n >= 0.0 => Some(*n as u64),
            cell => read_count(&cell.text()).ok(),
        }
    };
    let rate = columns
        .iter()
        .position(|c| *c == Some(Field::ReportedPassRate))
        .and_then(|column| read_rate(sheet.cell(row, column), fractions));
    ReportedTotals {
        pilots: count(Field::Certificate),
        certificate_levels: count(Field::Level),
        majors: count(Field::Majors),
        approved_trainees: count(Field::ApprovedTrainees),
        social_training_person_days: count(Field::SocialTrainingPersonDays),
        registered: count(Field::Registered),
        certified: count(Field::Certified),
        pass_rate_percent: rate,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sheet as a college keeps it: a title row, a blank row, its own headings, a batch
    /// merged down (empty cells in CSV), a level in the certificate's name, percent cells as
    /// fractions, results not yet out, a totals row.
    fn college_sheet() -> Sheet {
        let text = "\
某某职业学院2021年1+X证书试点考核情况,,,,,,,
,,,,,,,
序号,批次,证书名称,等级,涉及专业,考核人数,通过人数,通过率
1,2021年第一批,Web前端开发,中级,【610205】软件技术,50,43,0.86
2,,物流管理,初级,【530802】物流管理,40,待公布,
3,2021年第二批,电子商务数据分析,中,【530701】电子商务,20,10,0.5
合计,,,,,110,53,
";
        Sheet::from_delimited("表3", text).unwrap()
    }

    #[test]
    fn the_header_is_found_under_a_title() {
        let sheet = college_sheet();
        let proposal = propose(&sheet).expect("a header");
        assert_eq!(proposal.header_row, 2);
        assert_eq!(
            proposal.columns,
            vec![
                None,
                Some(Field::Batch),
                Some(Field::Certificate),
                Some(Field::Level),
                Some(Field::Majors),
                Some(Field::Registered),
                Some(Field::Certified),
                Some(Field::ReportedPassRate),
            ]
        );
        let none = Sheet::from_delimited("x", "说明\n这张表是空的\n").unwrap();
        assert_eq!(propose(&none), None);
    }

    #[test]
    fn a_colleges_sheet_reads_with_the_right_figures() {
        let sheet = college_sheet();
        let proposal = propose(&sheet).unwrap();
        let reading = read(&sheet, proposal.header_row, &proposal.columns, "2021");
        let dataset = reading.result.expect("read");
        assert_eq!(dataset.records.len(), 3);
        let logistics = &dataset.records[1];
        assert_eq!(logistics.batch, "2021年第一批", "merged batch filled down");
        assert_eq!(logistics.certified, None, "待公布");
        assert_eq!(dataset.records[0].reported_pass_rate_percent, Some(86.0));
        assert_eq!(dataset.records[2].level, crate::domain::Level::Intermediate);
        assert_eq!(reading.filled_down, 1);
        assert_eq!(
            reading.skipped,
            vec![
                (1, SkipReason::AboveHeader),
                (2, SkipReason::AboveHeader),
                (7, SkipReason::Totals),
            ]
        );
        let totals = dataset.reported_totals.expect("the totals row");
        assert_eq!((totals.registered, totals.certified), (Some(110), Some(53)));
    }

    #[test]
    fn a_level_in_the_certificates_name_when_there_is_no_level_column() {
        let text = "批次,证书名称,报考人数,获证人数\n2021年第一批,Web前端开发（中级）,50,43\n";
        let sheet = Sheet::from_delimited("t", text).unwrap();
        let proposal = propose(&sheet).unwrap();
        let dataset = read(&sheet, 0, &proposal.columns, "t").result.unwrap();
        assert_eq!(dataset.records[0].certificate, "Web前端开发");
        assert_eq!(dataset.records[0].level, crate::domain::Level::Intermediate);

        let without = "批次,证书名称,报考人数\n2021年第一批,Web前端开发,50\n";
        let sheet = Sheet::from_delimited("t", without).unwrap();
        let proposal = propose(&sheet).unwrap();
        let errors = read(&sheet, 0, &proposal.columns, "t").result.unwrap_err();
        assert!(errors.iter().any(|e| matches!(
            e.problem,
            Problem::MissingColumn {
                name: "证书等级"
            }
        )));
    }

    #[test]
    fn every_problem_is_placed_by_row_and_column() {
        let text = "批次,证书名称,等级,报考人数,获证人数\n2021年第一批,物流管理,中级,五十,40\n2021年第一批,电商,特级,50,60\n";
        let sheet = Sheet::from_delimited("t", text).unwrap();
        let proposal = propose(&sheet).unwrap();
        let errors = read(&sheet, 0, &proposal.columns, "t").result.unwrap_err();
        let places: Vec<_> = errors.iter().map(|e| e.line_column).collect();
        assert!(places.contains(&Some((2, 0))), "{errors:?}");
        assert!(places.contains(&Some((3, 0))), "{errors:?}");
        assert!(
            errors.len() >= 3,
            "the count, the level and certified > registered: {errors:?}"
        );
    }

    #[test]
    fn a_column_the_user_unmaps_is_not_read() {
        let sheet = college_sheet();
        let mut columns = propose(&sheet).unwrap().columns;
        columns[7] = None;
        let dataset = read(&sheet, 2, &columns, "t").result.unwrap();
        assert!(
            dataset
                .records
                .iter()
                .all(|r| r.reported_pass_rate_percent.is_none())
        );
    }
}
