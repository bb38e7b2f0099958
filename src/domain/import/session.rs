//! The import engine: a table being opened (its sheets, the one chosen, the header and each
//! column's field), what the preview shows of it, and the dataset or merge it gives when
//! confirmed. It runs where it cannot take the page down (the workbook worker) and answers the
//! page's requests; both sides speak [`Request`] and [`Reply`] as JSON.

use serde::{Deserialize, Serialize};

use super::merge::{MergePlan, plan_merge};
use super::plan::{Reading, propose, totals_in};
use super::report_text::ReportText;
use super::workbook::{LIMITS, Refusal, read_book};
use super::{Draft, Sheet, TableOutcome, is_workbook, open_table};
use crate::domain::Totals;
use crate::domain::fields::Field;
use crate::domain::figures::format_rate;
use crate::domain::lang::{Lang, format_count};
use crate::domain::model::{Dataset, ReportedTotals};
use crate::domain::table::LegacyDecoder;

/// Rows of the sheet the preview shows under the header.
pub const PREVIEW_ROWS: usize = 8;
/// Problems, rows left out and rows that match nothing listed at most (the rest are counted).
pub const PROBLEMS_SHOWN: usize = 100;

/// A text in both interface languages: the page shows the one it speaks.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Both {
    pub zh: String,
    pub en: String,
}

impl Both {
    pub fn of(text: impl Fn(Lang) -> String) -> Both {
        Both {
            zh: text(Lang::Zh),
            en: text(Lang::En),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// What the page asks. (Externally tagged, the serde default: the page's side of it stays
/// small.)
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Open the bytes sent with this request: a workbook, or CSV / TSV text. `current` is the
    /// data on screen (as a dataset file), for the offer to merge.
    Open {
        name: String,
        title: String,
        current: Option<String>,
    },
    Sheet(usize),
    /// Column `column` fills the field with this key (`None`: not used).
    Assign {
        column: usize,
        field: Option<String>,
    },
    /// Row `row` of the sheet (1-based) is left out (`out`), or read as a record again.
    Row {
        row: usize,
        out: bool,
    },
    /// Whether the other table the preview proposes (`Preview::companion`) is merged in.
    Companion(bool),
    /// Whether the report-level figure `index` of the document's text (`Preview::report`) is
    /// kept.
    Figure {
        index: usize,
        on: bool,
    },
    /// The dataset the preview would open.
    Take,
    /// The data on screen with the table's columns merged in.
    TakeMerge,
}

/// What the engine answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    Preview(Box<Preview>),
    /// Every reason the file does not open, in both languages.
    Refused(Vec<Both>),
    /// A dataset file's text, read by the page's own validating reader: a table under the
    /// report's own headings opens so, without a preview, and so does a confirmed one.
    Dataset(String),
}

/// Everything the preview shows, ready to be shown.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Preview {
    pub name: String,
    pub sheets: Vec<String>,
    pub sheet: usize,
    /// 0-based.
    pub header_row: usize,
    pub headings: Vec<String>,
    /// Each column's field key, `None` where the column is not used.
    pub columns: Vec<Option<String>>,
    /// The first rows under the header: their row number (1-based) and cells as text.
    pub rows: Vec<(usize, Vec<String>)>,
    /// Rows left out, each with its row number and why (the first [`PROBLEMS_SHOWN`]); `row`
    /// is set where it can be taken back (a note, or a row the user left out).
    pub skipped: Vec<RowLine>,
    pub skipped_count: usize,
    /// How each of `rows` is read: as a record (it can be left out), left out or a note (it
    /// can be taken back), or not at all for good (the totals, the header again).
    pub row_kinds: Vec<RowKind>,
    /// Cells read from the merged range (or the row above) they belong to.
    pub filled: Option<Both>,
    /// The key figures the table gives, when it reads without a problem.
    pub figures: Option<Both>,
    /// Every problem in the sheet's terms (row, cell, the column's heading); `row` is set where
    /// it is about one row, which can be left out.
    pub problems: Vec<RowLine>,
    pub problem_count: usize,
    pub merge: Option<MergeOffer>,
    /// Another table of the file whose columns merge into this one's records (a Word report's
    /// table 1 into its table 3), and whether it is merged in.
    pub companion: Option<Companion>,
    /// What a Word report's own text gives: its title, its day, its report-level figures.
    pub report: Option<ReportOffer>,
}

/// What a Word report's text gives the dataset.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportOffer {
    pub title: Option<String>,
    /// `YYYY-MM-DD`.
    pub as_of: Option<String>,
    pub figures: Vec<FigureOffer>,
}

/// A report-level figure read from the text (`取得考评员资格的教师：111 名`), the sentence it
/// was read from, and whether it is kept.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FigureOffer {
    pub text: String,
    pub sentence: String,
    pub on: bool,
}

/// Another table of the same file, merged into the records the chosen one gives.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Companion {
    pub text: Both,
    pub on: bool,
}

/// How a row of the preview is read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowKind {
    #[default]
    Record,
    /// Left out by the user, or taken for a note: it can be taken back.
    Out,
    /// Never a record: the totals, the header again.
    Fixed,
}

/// A line of the preview, and the row of the sheet it is about (1-based), if one.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RowLine {
    pub text: Both,
    pub row: Option<usize>,
    /// The row is left out now (so it can be taken back), rather than read.
    pub out: bool,
}

/// The offer to merge the table's columns into the matching records on screen.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MergeOffer {
    pub text: Both,
    /// Rows of the table and records on screen that match nothing on the other side (the
    /// first [`PROBLEMS_SHOWN`]).
    pub unmatched: Vec<Both>,
    pub unmatched_count: usize,
    pub problems: Vec<Both>,
}

/// A table being opened.
#[derive(Clone, Debug)]
pub struct Session {
    /// The sheets as read (merged ranges not yet filled in).
    sheets: Vec<Sheet>,
    /// The chosen sheet, merged ranges filled in, with its header and columns.
    draft: Draft,
    /// The draft as read now, and its merge into the data on screen (both worked out again at
    /// each change, once: the preview and what it confirms are the same).
    reading: Reading,
    merge: Option<MergePlan>,
    /// Another sheet whose columns merge into the chosen one's records, its merge, and whether
    /// the user keeps it on.
    companion: Option<(usize, MergePlan, Option<ReportedTotals>)>,
    companion_on: bool,
    /// The sheets that could merge into another's records (batch, certificate and level, and
    /// a column more), as proposed, with their printed totals: worked out once, at open, not at
    /// each change of the chosen sheet's columns.
    candidates: Vec<(usize, Draft, Option<ReportedTotals>)>,
    /// What a Word report's text says, and which of its figures are kept.
    report: Option<ReportText>,
    figures_on: Vec<bool>,
    sheet: usize,
    merged_cells: usize,
    /// The title the file's name gives, for a sheet without a title row of its own.
    file_title: String,
    current: Option<Dataset>,
}

impl Session {
    /// Opens on the sheet most like a pilot table; `None` when no sheet has a header row the
    /// vocabulary recognises.
    pub fn open(
        name: &str,
        title: &str,
        sheets: Vec<Sheet>,
        current: Option<Dataset>,
    ) -> Option<Session> {
        let sheet = best_sheet(&sheets)?;
        let mut session = Session {
            draft: Draft {
                name: name.to_string(),
                title: title.to_string(),
                sheet: Sheet::default(),
                header_row: 0,
                columns: Vec::new(),
                rows: Default::default(),
            },
            reading: Reading::default(),
            merge: None,
            companion: None,
            companion_on: true,
            candidates: Vec::new(),
            report: None,
            figures_on: Vec::new(),
            sheets,
            sheet,
            merged_cells: 0,
            file_title: title.to_string(),
            current,
        };
        session.candidates = (0..session.sheets.len())
            .filter_map(|index| {
                let (draft, _) = session.draft_of(index)?;
                let placed = |field: Field| draft.columns.contains(&Some(field));
                let keys = [Field::Batch, Field::Certificate, Field::Level];
                let more = draft.columns.iter().flatten().count() > keys.len();
                (keys.iter().all(|&field| placed(field)) && more).then(|| {
                    let totals =
                        totals_in(&draft.sheet, draft.header_row, &draft.columns, &draft.rows);
                    (index, draft, totals)
                })
            })
            .collect();
        session.choose_sheet(sheet);
        Some(session)
    }

    /// Reads sheet `index` (its merged ranges filled in) and proposes its header and columns.
    pub fn choose_sheet(&mut self, index: usize) {
        let Some((draft, merged_cells)) = self.draft_of(index) else {
            return;
        };
        self.draft = draft;
        self.merged_cells = merged_cells;
        self.sheet = index;
        self.refresh();
    }

    /// Sheet `index` as the preview proposes to read it, and how many cells its merged ranges
    /// filled.
    fn draft_of(&self, index: usize) -> Option<(Draft, usize)> {
        let mut sheet = self.sheets.get(index)?.clone();
        let merged_cells = sheet.fill_merges();
        let proposal = propose(&sheet);
        let header_row = proposal.as_ref().map_or(0, |p| p.header_row);
        // A title written above the table names the dataset better than the file's name.
        let title = title_row(&sheet, header_row).unwrap_or_else(|| self.file_title.clone());
        let columns = proposal.map_or_else(|| vec![None; sheet.width()], |p| p.columns);
        let draft = Draft {
            name: self.draft.name.clone(),
            title,
            sheet,
            header_row,
            columns,
            rows: Default::default(),
        };
        Some((draft, merged_cells))
    }

    /// Merges (or not) the other table the preview proposes.
    pub fn choose_companion(&mut self, on: bool) {
        self.companion_on = on;
    }

    /// What a Word report's text says: its title, day and figures are proposed, every figure
    /// kept until the user takes it out.
    pub fn with_report(mut self, report: Option<ReportText>) -> Session {
        self.figures_on = vec![true; report.as_ref().map_or(0, |r| r.figures.len())];
        self.report = report;
        self
    }

    /// Keeps (or not) the report-level figure `index`.
    pub fn choose_figure(&mut self, index: usize, on: bool) {
        if let Some(kept) = self.figures_on.get_mut(index) {
            *kept = on;
        }
    }

    /// Another sheet of the file that merges into the records this one gives, every row of it
    /// matching one, without a problem: the one that matches most.
    /// (With that sheet's own printed totals, which fill in those the chosen sheet lacks.)
    fn find_companion(&self) -> Option<(usize, MergePlan, Option<ReportedTotals>)> {
        let dataset = self.reading.result.as_ref().ok()?;
        self.candidates
            .iter()
            .filter(|(index, _, _)| *index != self.sheet)
            .filter_map(|(index, draft, totals)| {
                let plan = plan_merge(draft, dataset)?;
                (plan.problems.is_empty() && plan.unmatched_rows.is_empty() && plan.matched > 0)
                    .then(|| (*index, plan, totals.clone()))
            })
            .max_by_key(|(index, plan, _)| (plan.matched, std::cmp::Reverse(*index)))
    }

    pub fn assign(&mut self, column: usize, field: Option<Field>) {
        self.draft.assign(column, field);
        self.refresh();
    }

    /// Leaves row `row` (1-based) out, or reads it as a record again.
    pub fn choose_row(&mut self, row: usize, out: bool) {
        self.draft.choose_row(row, out);
        self.refresh();
    }

    fn refresh(&mut self) {
        self.reading = self.draft.read();
        self.companion = self.find_companion();
        self.merge = self
            .current
            .as_ref()
            .and_then(|current| plan_merge(&self.draft, current));
    }

    pub fn draft(&self) -> &Draft {
        &self.draft
    }

    /// The dataset the table gives, when it reads without a problem (with the other table
    /// merged in, when it is on).
    pub fn dataset(&self) -> Option<Dataset> {
        let dataset = self.reading.result.as_ref().ok()?;
        let mut dataset = match (&self.companion, self.companion_on) {
            (Some((_, plan, totals)), true) => Dataset {
                records: plan.records.clone(),
                reported_totals: fill_totals(dataset.reported_totals.clone(), totals.clone()),
                ..dataset.clone()
            },
            _ => dataset.clone(),
        };
        if let Some(report) = &self.report {
            if let Some(title) = &report.title {
                dataset.title = title.clone();
            }
            dataset.as_of = report.as_of.clone().or(dataset.as_of);
            dataset.summary = report
                .figures
                .iter()
                .zip(&self.figures_on)
                .filter(|(_, on)| **on)
                .map(|(proposed, _)| proposed.figure.clone())
                .collect();
        }
        Some(dataset)
    }

    /// The data on screen with the table's columns merged into its matching records.
    pub fn merged(&self) -> Option<Dataset> {
        let (current, plan) = (self.current.as_ref()?, self.merge.as_ref()?);
        plan.problems.is_empty().then(|| Dataset {
            records: plan.records.clone(),
            ..current.clone()
        })
    }

    pub fn preview(&self) -> Preview {
        let draft = &self.draft;
        let reading = &self.reading;
        let headings = draft.headings();
        let rows: Vec<(usize, Vec<String>)> = (draft.header_row + 1..draft.sheet.rows.len())
            .filter(|&row| draft.sheet.rows[row].iter().any(|cell| !cell.is_blank()))
            .take(PREVIEW_ROWS)
            .map(|row| {
                let cells = (0..headings.len())
                    .map(|column| draft.sheet.cell(row, column).text())
                    .collect();
                (row + 1, cells)
            })
            .collect();
        let row_kinds = rows
            .iter()
            .map(
                |(row, _)| match reading.skipped.iter().find(|(skipped, _)| skipped == row) {
                    None => RowKind::Record,
                    Some((_, why)) if why.can_take_back() => RowKind::Out,
                    Some(_) => RowKind::Fixed,
                },
            )
            .collect();
        let skipped = reading
            .skipped
            .iter()
            .take(PROBLEMS_SHOWN)
            .map(|(row, why)| RowLine {
                text: Both::of(|lang| match lang {
                    Lang::Zh => format!("第 {row} 行：{}", why.describe(lang)),
                    Lang::En => format!("Row {row}: {}", why.describe(lang)),
                }),
                row: why.can_take_back().then_some(*row),
                out: true,
            })
            .collect();
        let filled = filled_text(self.merged_cells, reading.filled_down);
        let (figures, problems) = match &reading.result {
            Ok(dataset) => (
                Some(figures_text(&Totals::of(&dataset.records))),
                Vec::new(),
            ),
            Err(errors) => {
                // In a workbook of several sheets, each problem names its sheet too.
                let sheet = (self.sheets.len() > 1).then_some(draft.sheet.name.as_str());
                let message = |text: String, lang: Lang| match (sheet, lang) {
                    (Some(sheet), Lang::Zh) => format!("工作表“{sheet}”{text}"),
                    (Some(sheet), Lang::En) => format!("Sheet “{sheet}”, {text}"),
                    (None, _) => text,
                };
                (
                    None,
                    errors
                        .iter()
                        .map(|error| RowLine {
                            text: Both::of(|lang| {
                                message(sheet_message(error, draft, &headings, lang), lang)
                            }),
                            row: error
                                .line_column
                                .map(|(row, _)| row)
                                .filter(|&row| row > draft.header_row + 1),
                            out: false,
                        })
                        .collect::<Vec<_>>(),
                )
            }
        };
        let merge = self
            .current
            .as_ref()
            .zip(self.merge.as_ref())
            .map(|(current, plan)| {
                let text = Both::of(|lang| match lang {
                    Lang::Zh => format!(
                        "这张表的行按申报批次、证书名称和等级对上了当前数据的 {} 条记录：可以把它的 {} 并入这些记录（一步操作，可撤销）。",
                        plan.matched,
                        plan.field_labels(lang)
                    ),
                    Lang::En => format!(
                        "This table's rows match {} records on screen by batch, certificate and level: its {} can be merged into them (one step, which undo takes back).",
                        format_count(plan.matched as u64, lang),
                        plan.field_labels(lang)
                    ),
                });
                let rows = plan.unmatched_rows.iter().map(|(row, label)| {
                    Both::of(|lang| match lang {
                        Lang::Zh => format!("表中第 {row} 行（{label}）没有对应的记录"),
                        Lang::En => format!("Row {row} ({label}) matches no record"),
                    })
                });
                let records = plan.unmatched_records.iter().map(|&i| {
                    let record = &current.records[i];
                    Both::of(|lang| match lang {
                        Lang::Zh => format!(
                            "当前记录 {} · {} · {} 在表中没有对应的行",
                            record.batch,
                            record.certificate,
                            record.level.label(lang)
                        ),
                        Lang::En => format!(
                            "The record {} · {} · {} has no row in the table",
                            record.batch,
                            record.certificate,
                            record.level.label(lang)
                        ),
                    })
                });
                MergeOffer {
                    text,
                    unmatched: rows.chain(records).take(PROBLEMS_SHOWN).collect(),
                    unmatched_count: plan.unmatched_rows.len() + plan.unmatched_records.len(),
                    problems: plan
                        .problems
                        .iter()
                        .map(|error| Both::of(|lang| error.message(lang)))
                        .collect(),
                }
            });
        Preview {
            name: draft.name.clone(),
            sheets: self.sheets.iter().map(|sheet| sheet.name.clone()).collect(),
            sheet: self.sheet,
            header_row: draft.header_row,
            headings,
            columns: draft
                .columns
                .iter()
                .map(|field| field.map(|field| field.key().to_string()))
                .collect(),
            rows,
            skipped,
            skipped_count: reading.skipped.len(),
            row_kinds,
            filled,
            figures,
            problem_count: problems.len(),
            problems: problems.into_iter().take(PROBLEMS_SHOWN).collect(),
            merge,
            companion: self.companion.as_ref().map(|(index, plan, _)| Companion {
                text: companion_text(&self.sheets[*index].name, plan),
                on: self.companion_on,
            }),
            report: self.report.as_ref().map(|report| ReportOffer {
                title: report.title.clone(),
                as_of: report.as_of.clone(),
                figures: report
                    .figures
                    .iter()
                    .zip(&self.figures_on)
                    .map(|(proposed, on)| FigureOffer {
                        text: format!(
                            "{}：{} {}",
                            proposed.figure.label,
                            proposed.figure.value,
                            proposed.figure.unit.as_deref().unwrap_or("")
                        )
                        .trim_end()
                        .to_string(),
                        sentence: proposed.sentence.clone(),
                        on: *on,
                    })
                    .collect(),
            }),
        }
    }
}

/// The printed totals of the records' table, those it lacks taken from the other table's.
fn fill_totals(
    own: Option<ReportedTotals>,
    other: Option<ReportedTotals>,
) -> Option<ReportedTotals> {
    let (Some(own), Some(other)) = (own.clone(), other.clone()) else {
        return own.or(other);
    };
    Some(ReportedTotals {
        pilots: own.pilots.or(other.pilots),
        certificate_levels: own.certificate_levels.or(other.certificate_levels),
        majors: own.majors.or(other.majors),
        approved_trainees: own.approved_trainees.or(other.approved_trainees),
        social_training_person_days: own
            .social_training_person_days
            .or(other.social_training_person_days),
        registered: own.registered.or(other.registered),
        certified: own.certified.or(other.certified),
        pass_rate_percent: own.pass_rate_percent.or(other.pass_rate_percent),
    })
}

fn companion_text(sheet: &str, plan: &MergePlan) -> Both {
    Both::of(|lang| match lang {
        Lang::Zh => format!(
            "同一文件中的“{sheet}”按申报批次、证书名称和等级对上了这些记录中的 {} 条：并入它的{}。",
            plan.matched,
            plan.field_labels(lang)
        ),
        Lang::En => format!(
            "“{sheet}” in the same file matches {} of these records by batch, certificate and level: merge in its {}.",
            format_count(plan.matched as u64, lang),
            plan.field_labels(lang)
        ),
    })
}

/// A problem said in the sheet's terms: its row, the cell (`E15`) and the column as the sheet
/// heads it (`等级`), then what is wrong; never the format's keys.
pub fn sheet_message(
    error: &crate::domain::DatasetError,
    draft: &Draft,
    headings: &[String],
    lang: Lang,
) -> String {
    let Some((row, column)) = error.line_column else {
        return error.message(lang);
    };
    // The column: the one the reader named, or the one filling the key's field.
    let column = if column > 0 {
        Some(column - 1)
    } else {
        error.key.as_deref().and_then(|key| {
            let field = key.split(['[', '.']).next().and_then(Field::from_key)?;
            draft.columns.iter().position(|c| *c == Some(field))
        })
    };
    let place = match column {
        Some(column) => {
            let heading = headings
                .get(column)
                .map(|h| h.trim().to_string())
                .filter(|h| !h.is_empty())
                .or_else(|| {
                    draft
                        .columns
                        .get(column)
                        .copied()
                        .flatten()
                        .map(|f| f.label(lang).to_string())
                })
                .unwrap_or_default();
            let cell = format!("{}{row}", column_letters(column));
            match (lang, heading.is_empty()) {
                (Lang::Zh, false) => format!("第 {row} 行 {cell} 单元格（{heading}）"),
                (Lang::Zh, true) => format!("第 {row} 行 {cell} 单元格"),
                (Lang::En, false) => format!("Row {row}, cell {cell} ({heading})"),
                (Lang::En, true) => format!("Row {row}, cell {cell}"),
            }
        }
        None => match lang {
            Lang::Zh => format!("第 {row} 行"),
            Lang::En => format!("Row {row}"),
        },
    };
    // An empty cell is empty, not "the text “”".
    let what = match &error.problem {
        crate::domain::Problem::Wrong {
            found: crate::domain::error::Found::Text(text),
            expected,
        } if text.trim().is_empty() => match lang {
            Lang::Zh => format!("应为{}，实际是空的。", expected.describe(lang)),
            Lang::En => format!("expected {}, found an empty cell.", expected.describe(lang)),
        },
        _ => error.what(lang),
    };
    match lang {
        Lang::Zh => format!("{place}：{what}"),
        Lang::En => format!("{place}: {what}"),
    }
}

/// A column's letters as a spreadsheet names it: 0 is A, 25 Z, 26 AA.
pub fn column_letters(column: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column + 1;
    while n > 0 {
        let rest = (n - 1) % 26;
        letters.push((b'A' + rest as u8) as char);
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// The title above a table: the first row over the header with one text, and nothing else (`某职业学院2021年“1+X”证书试点考核情况汇总表`), if it is not a note (`填表日期：…`).
fn title_row(sheet: &Sheet, header_row: usize) -> Option<String> {
    sheet.rows[..header_row.min(sheet.rows.len())]
        .iter()
        .find_map(|cells| {
            // (A title merged across the table is in each of its cells.)
            let mut filled = cells.iter().filter(|cell| !cell.is_blank());
            let first = filled.next()?;
            match first {
                super::Cell::Text(text)
                    if filled.all(|cell| cell == first)
                        && text.trim().chars().count() <= 80
                        && !text.contains(['：', ':']) =>
                {
                    Some(text.trim().to_string())
                }
                _ => None,
            }
        })
}

/// The sheet most like a pilot table: one with registered and certified columns first, then
/// the one whose header row places the most columns, then the one with the most rows under it.
/// `None` when no sheet has a header at all.
pub fn best_sheet(sheets: &[Sheet]) -> Option<usize> {
    sheets
        .iter()
        .enumerate()
        .filter_map(|(index, sheet)| {
            let proposal = propose(sheet)?;
            let placed = proposal.columns.iter().flatten().count();
            let rows = sheet.rows.len().saturating_sub(proposal.header_row);
            // A sheet of counts is the records; another (a report's table of majors) can only
            // merge into them.
            let counts = [Field::Registered, Field::Certified]
                .iter()
                .all(|field| proposal.columns.contains(&Some(*field)));
            Some(((counts, placed, rows), std::cmp::Reverse(index)))
        })
        .max()
        .map(|(_, std::cmp::Reverse(index))| index)
}

fn filled_text(merged: usize, filled_down: usize) -> Option<Both> {
    if merged + filled_down == 0 {
        return None;
    }
    Some(Both::of(|lang| match (lang, merged > 0, filled_down > 0) {
        (Lang::Zh, true, false) => {
            format!("合并单元格：{merged} 个单元格按合并区域第一个单元格的值读取。")
        }
        (Lang::Zh, false, _) => {
            format!("合并单元格：{filled_down} 个空的批次或证书单元格按上一行的值读取。")
        }
        (Lang::Zh, true, true) => format!(
            "合并单元格：{merged} 个单元格按合并区域第一个单元格的值读取，另有 {filled_down} 个空的批次或证书单元格按上一行的值读取。"
        ),
        (Lang::En, true, false) => format!(
            "Merged cells: {} cells read as the first cell of their merged range.",
            format_count(merged as u64, lang)
        ),
        (Lang::En, false, _) => format!(
            "Merged cells: {} empty batch or certificate cells read as the row above.",
            format_count(filled_down as u64, lang)
        ),
        (Lang::En, true, true) => format!(
            "Merged cells: {} cells read as the first cell of their merged range, and {} empty batch or certificate cells as the row above.",
            format_count(merged as u64, lang),
            format_count(filled_down as u64, lang)
        ),
    }))
}

fn figures_text(totals: &Totals) -> Both {
    Both::of(|lang| match lang {
        Lang::Zh => format!(
            "将打开 {} 条记录：报考 {} 人，获证 {} 人，通过率（已公布成绩）{}，通过率（全部报考）{}。",
            totals.records,
            totals.registered,
            totals.certified,
            format_rate(totals.pass_rate_published()),
            format_rate(totals.pass_rate_all_registered()),
        ),
        Lang::En => format!(
            "Opens {} records: {} registered, {} certified, pass rate {} (published results), {} (all registered).",
            format_count(totals.records as u64, lang),
            format_count(totals.registered, lang),
            format_count(totals.certified, lang),
            format_rate(totals.pass_rate_published()),
            format_rate(totals.pass_rate_all_registered()),
        ),
    })
}

/// The engine: one table at a time.
#[derive(Default)]
pub struct Engine {
    session: Option<Session>,
}

impl Engine {
    /// Answers one request; `bytes` come with `Open`.
    pub fn handle(&mut self, request: Request, bytes: &[u8], gb18030: LegacyDecoder) -> Reply {
        match request {
            Request::Open {
                name,
                title,
                current,
            } => {
                self.session = None;
                // A Word 97–2003 or WPS document: what to save it as. (A .docx is a zip, read
                // as a workbook is.)
                if super::workbook::old_word_document(&name) {
                    return refused(Refusal::OldWordDocument);
                }
                let current = current.and_then(|json| crate::domain::parse_dataset(&json).ok());
                let workbook = is_workbook(&name, bytes);
                if workbook {
                    match read_book(bytes, &LIMITS) {
                        Ok(book) => {
                            let session = Session::open(&name, &title, book.sheets, current);
                            return match session {
                                Some(session) => self.preview_of(session.with_report(book.report)),
                                None => refused(Refusal::NoTable),
                            };
                        }
                        // A CSV or TSV table saved under a workbook's name is read as the text
                        // it is.
                        Err(Refusal::NotAWorkbook) => {}
                        Err(refusal) => return refused(refusal),
                    }
                }
                match open_table(bytes, &name, &title, gb18030, current) {
                    TableOutcome::Open(dataset) => dataset_reply(&dataset),
                    TableOutcome::Preview(session) => self.preview_of(*session),
                    TableOutcome::Refused(_) if workbook => refused(Refusal::NotAWorkbook),
                    TableOutcome::Refused(errors) => Reply::Refused(
                        errors
                            .iter()
                            .map(|error| Both::of(|lang| error.message(lang)))
                            .collect(),
                    ),
                }
            }
            Request::Sheet(index) => self.with_session(|session| session.choose_sheet(index)),
            Request::Assign { column, field } => self.with_session(|session| {
                session.assign(column, field.as_deref().and_then(Field::from_key))
            }),
            Request::Row { row, out } => self.with_session(|session| session.choose_row(row, out)),
            Request::Companion(on) => self.with_session(|session| session.choose_companion(on)),
            Request::Figure { index, on } => {
                self.with_session(|session| session.choose_figure(index, on))
            }
            Request::Take => self.take(Session::dataset),
            Request::TakeMerge => self.take(Session::merged),
        }
    }

    fn preview_of(&mut self, session: Session) -> Reply {
        let preview = Box::new(session.preview());
        self.session = Some(session);
        Reply::Preview(preview)
    }

    fn with_session(&mut self, change: impl FnOnce(&mut Session)) -> Reply {
        match self.session.take() {
            Some(mut session) => {
                change(&mut session);
                self.preview_of(session)
            }
            None => refused(Refusal::Failed),
        }
    }

    fn take(&mut self, what: impl Fn(&Session) -> Option<Dataset>) -> Reply {
        match self.session.as_ref().and_then(what) {
            Some(dataset) => dataset_reply(&dataset),
            None => refused(Refusal::Failed),
        }
    }
}

fn dataset_reply(dataset: &Dataset) -> Reply {
    Reply::Dataset(serde_json::to_string(dataset).expect("a dataset always serialises"))
}

/// A refusal as the page lists it: a sentence of its own, so the English starts with a capital.
fn refused(refusal: Refusal) -> Reply {
    Reply::Refused(vec![Both::of(|lang| {
        crate::domain::error::capitalise(&refusal.describe(lang))
    })])
}
