//! Reading the tables people keep, whatever their layout: a sheet of cells (from CSV or TSV
//! text, a pasted table, or a workbook's sheet) → its header row and what each column is for
//! (the words people use, as data) → typed values → the records of a dataset, or every problem
//! by sheet row and column. Tables whose headings are the report's own keep the direct path of
//! `table.rs`.

pub mod docx;
pub mod grid;
pub mod merge;
pub mod plan;
pub mod refusal;
pub mod report_text;
pub mod session;
pub mod values;
pub mod vocabulary;
pub mod workbook;

pub use grid::{Cell, Merge, Sheet};
pub use merge::{MergePlan, plan_merge};
pub use plan::{Proposal, Reading, RowChoices, SkipReason, propose, read, read_with};
pub use session::{Engine, Preview, Reply, Request, Session};
pub use workbook::{Refusal, is_workbook, read_workbook};

use crate::domain::error::{DatasetError, Problem};
use crate::domain::fields::Field;
use crate::domain::model::Dataset;
use crate::domain::parse::check_size;
use crate::domain::table::{LegacyDecoder, decode, parse_table_text};

/// A table waiting in the preview: its sheet, where its header is and what each column fills.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    /// The file's (or the paste's) name, and the dataset's title.
    pub name: String,
    pub title: String,
    pub sheet: Sheet,
    pub header_row: usize,
    pub columns: Vec<Option<Field>>,
    /// Rows the user left out, or took back from the notes.
    pub rows: RowChoices,
}

impl Draft {
    /// The sheet read with the draft's choices.
    pub fn read(&self) -> Reading {
        read_with(
            &self.sheet,
            self.header_row,
            &self.columns,
            &self.title,
            &self.rows,
        )
    }

    /// Row `row` (1-based) is left out (`out`) or read again: a record row is left out or put
    /// back; a note is taken back as a record, or left a note again.
    pub fn choose_row(&mut self, row: usize, out: bool) {
        if out {
            self.rows.taken_back.remove(&row);
            self.rows.left_out.insert(row);
        } else {
            self.rows.left_out.remove(&row);
            self.rows.taken_back.insert(row);
        }
    }

    /// Column `column` fills `field` (or, with `None`, nothing). A field fills one column: the
    /// column that filled it before is left unused.
    pub fn assign(&mut self, column: usize, field: Option<Field>) {
        if column >= self.columns.len() {
            self.columns.resize(column + 1, None);
        }
        if field.is_some() {
            for other in self.columns.iter_mut() {
                if *other == field {
                    *other = None;
                }
            }
        }
        self.columns[column] = field;
    }

    /// The header row's headings, one per column.
    pub fn headings(&self) -> Vec<String> {
        (0..self.columns.len())
            .map(|column| self.sheet.cell(self.header_row, column).text())
            .collect()
    }
}

impl SkipReason {
    /// Why a row is left out, in `lang`.
    pub fn describe(&self, lang: crate::domain::Lang) -> &'static str {
        match self {
            SkipReason::AboveHeader => lang.pick(
                "表头上方的标题、说明或空行",
                "a title, note or blank line above the header",
            ),
            SkipReason::Blank => lang.pick("空行", "a blank row"),
            SkipReason::Totals => lang.pick(
                "合计行：其数字作为报告的合计数，用于核对",
                "a totals row: its figures are taken as the report's totals, for the checks",
            ),
            SkipReason::RepeatedHeader => lang.pick("重复的表头", "the header repeated"),
            SkipReason::Note => lang.pick(
                "没有数字的注释、说明或落款行",
                "a note, remark or signature line without figures",
            ),
            SkipReason::LeftOut => lang.pick("已选择不读取", "left out by you"),
        }
    }
}

/// What opening a table comes to.
#[derive(Clone, Debug)]
pub enum TableOutcome {
    /// The report's own headings and nothing wrong: it opens at once, as it always has.
    Open(Box<Dataset>),
    /// Other headings, a title above them, merged or repeated rows: the preview shows how it
    /// would be read, and nothing changes until it is confirmed.
    Preview(Box<Session>),
    /// Not a table that can be read (or one with the report's headings and bad rows): every
    /// problem, and nothing changes.
    Refused(Vec<DatasetError>),
}

/// Opens a CSV or TSV table (a file, or a table pasted on the page): the direct reader first
/// (the report's own headings open at once, as they always have), else the preview. `current`
/// is the data on screen, for the offer to merge.
pub fn open_table(
    bytes: &[u8],
    name: &str,
    title: &str,
    gb18030: LegacyDecoder,
    current: Option<Dataset>,
) -> TableOutcome {
    if let Err(errors) = check_size(bytes) {
        return TableOutcome::Refused(errors);
    }
    // Decoded once: the direct reader and the preview read the same text.
    let Some(text) = decode(bytes, gb18030) else {
        return TableOutcome::Refused(vec![DatasetError::whole_file(Problem::NotText)]);
    };
    let errors = match parse_table_text(&text, title) {
        Ok(dataset) => return TableOutcome::Open(Box::new(dataset)),
        Err(errors) => errors,
    };
    let Some(session) = Sheet::from_delimited(name, &text)
        .ok()
        .and_then(|sheet| Session::open(name, title, vec![sheet], current))
    else {
        return TableOutcome::Refused(errors);
    };
    // The report's own headings over rows that do not read either way: the direct reader's
    // line-by-line errors say it best.
    if header_problem(&errors) || session.dataset().is_some() {
        TableOutcome::Preview(Box::new(session))
    } else {
        TableOutcome::Refused(errors)
    }
}

/// Whether the direct reader refused a table for its header (so the preview can help).
fn header_problem(errors: &[DatasetError]) -> bool {
    errors.iter().any(|error| {
        matches!(
            error.problem,
            Problem::UnknownColumn { .. }
                | Problem::MissingColumn { .. }
                | Problem::RepeatedColumn { .. }
        )
    })
}
