//! Datasets as tables: reading CSV and TSV (saved by Excel or WPS, or pasted from them) and
//! writing CSV that Excel opens with its Chinese intact.
//!
//! A table is read into the same JSON form a dataset file has and checked by the same
//! validator, so a bad table gets the same messages as a bad JSON file, with the table's line.

use super::lang::Lang;
use super::numbers::{read_count, read_percent};
use serde_json::{Map, Value, json};

use super::error::{DatasetError, Problem};
use super::fields::{Field, format_majors, format_percent, is_missing, parse_majors};
use super::figures::format_rate;
use super::model::{Dataset, FORMAT_TAG, FORMAT_VERSION};
use super::parse::parse_dataset_value;
use super::suggest::nearest_key;

/// A column of the table, by the report's Chinese heading (as exported) and the format's key.
struct Column {
    field: Field,
    heading: &'static str,
    /// Other headings people write for it.
    aliases: &'static [&'static str],
    required: bool,
}

const COLUMNS: &[Column] = &[
    Column {
        field: Field::Batch,
        heading: "申报计划",
        aliases: &["申报批次", "批次"],
        required: true,
    },
    Column {
        field: Field::Certificate,
        heading: "证书名称",
        aliases: &["证书"],
        required: true,
    },
    Column {
        field: Field::Level,
        heading: "证书等级",
        aliases: &["等级"],
        required: true,
    },
    Column {
        field: Field::Majors,
        heading: "涵盖专业",
        aliases: &["专业"],
        required: false,
    },
    Column {
        field: Field::ApprovedTrainees,
        heading: "已批准培训人数",
        aliases: &[],
        required: false,
    },
    Column {
        field: Field::SocialTrainingPersonDays,
        heading: "面向社会开展培训量(人日)",
        aliases: &["面向社会开展培训量", "社会培训量(人日)", "社会培训量"],
        required: false,
    },
    Column {
        field: Field::Registered,
        heading: "报考人数",
        aliases: &[],
        required: true,
    },
    Column {
        field: Field::Certified,
        heading: "获证人数",
        aliases: &[],
        required: true,
    },
    Column {
        field: Field::ReportedPassRate,
        heading: "通过率",
        aliases: &["报告通过率"],
        required: false,
    },
    Column {
        field: Field::Note,
        heading: "备注",
        aliases: &[],
        required: false,
    },
];

/// Columns that are read and ignored: the row number, and the rate this app computes (it
/// writes that column for readers of the CSV; the data keep only the report's rate).
const IGNORED: &[&str] = &["序号", "通过率(计算)"];
const COMPUTED_RATE_HEADING: &str = "通过率(计算)";

/// Headings compared without white space, with full-width brackets as half-width, any case.
fn normalise(heading: &str) -> String {
    heading
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            other => other,
        })
        .collect::<String>()
        .to_lowercase()
}

fn column_for(heading: &str) -> Option<Option<&'static Column>> {
    let wanted = normalise(heading);
    if IGNORED.iter().any(|h| normalise(h) == wanted) {
        return Some(None);
    }
    COLUMNS
        .iter()
        .find(|c| {
            c.field.key() == wanted
                || normalise(c.heading) == wanted
                || c.aliases.iter().any(|a| normalise(a) == wanted)
        })
        .map(Some)
}

/// Whether these bytes look like a table rather than a JSON dataset.
pub fn looks_like_table(name: &str, bytes: &[u8]) -> bool {
    let lower = name.to_lowercase();
    if [".csv", ".tsv", ".txt"]
        .iter()
        .any(|ext| lower.ends_with(ext))
    {
        return true;
    }
    if lower.ends_with(".json") {
        return false;
    }
    let start = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    !matches!(
        start.iter().find(|b| !b.is_ascii_whitespace()),
        Some(b'{' | b'[') | None
    )
}

/// Decodes GB18030 (a superset of GBK and GB2312), or says the bytes are not GB18030 text.
/// Supplied by the platform: encoding_rs natively, the browser's `TextDecoder` in the app.
pub type LegacyDecoder<'a> = &'a dyn Fn(&[u8]) -> Option<String>;

/// GB18030 by encoding_rs, for native builds (the tests and tools).
#[cfg(not(target_arch = "wasm32"))]
pub fn gb18030(bytes: &[u8]) -> Option<String> {
    encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| text.into_owned())
}

/// The text of a table file: UTF-8 (with or without a byte-order mark), UTF-16 with a mark
/// (Excel's "Unicode text"), or GB18030 (Excel and WPS on Chinese Windows save CSV so).
pub fn decode(bytes: &[u8], gb18030: LegacyDecoder) -> Option<String> {
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return std::str::from_utf8(rest).ok().map(str::to_string);
    }
    let utf16 = |rest: &[u8], unit: fn([u8; 2]) -> u16| {
        if !rest.len().is_multiple_of(2) {
            return None;
        }
        let units: Vec<u16> = rest.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
        String::from_utf16(&units).ok()
    };
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        return utf16(rest, u16::from_be_bytes);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some(text.to_string());
    }
    gb18030(bytes).filter(|text| !text.contains('\0'))
}

/// [`parse_table_with`] with encoding_rs for GB18030.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse_table(bytes: &[u8], title: &str) -> Result<Dataset, Vec<DatasetError>> {
    parse_table_with(bytes, title, &gb18030)
}

/// Reads a CSV or TSV table. `title` names the dataset (a table has no title of its own: the
/// file's name, usually).
pub fn parse_table_with(
    bytes: &[u8],
    title: &str,
    gb18030: LegacyDecoder,
) -> Result<Dataset, Vec<DatasetError>> {
    super::parse::check_size(bytes)?;
    let Some(text) = decode(bytes, gb18030) else {
        return Err(vec![DatasetError::whole_file(Problem::NotText)]);
    };
    parse_table_text(&text, title)
}

/// Reads a CSV or TSV table already decoded (see [`decode`]).
pub fn parse_table_text(text: &str, title: &str) -> Result<Dataset, Vec<DatasetError>> {
    if text.trim().is_empty() {
        return Err(vec![DatasetError::whole_file(Problem::Empty)]);
    }
    let first_line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let delimiter = if first_line.contains('\t') {
        b'\t'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());

    let mut rows = Vec::new();
    for row in reader.records() {
        match row {
            Ok(row) => {
                let line = row
                    .position()
                    .map_or(0, |p| line_at(text, p.byte() as usize));
                if row.iter().all(|cell| cell.trim().is_empty()) {
                    continue;
                }
                rows.push((line, row));
            }
            Err(error) => {
                let line = error.position().map_or(0, |p| p.line() as usize);
                return Err(vec![DatasetError {
                    line_column: Some((line, 0)),
                    record: None,
                    key: None,
                    problem: Problem::Syntax {
                        detail: error.to_string(),
                    },
                }]);
            }
        }
    }
    let Some(((header_line, header), body)) = rows.split_first() else {
        return Err(vec![DatasetError::whole_file(Problem::Empty)]);
    };

    // The header: every heading must be known, none twice, the required ones there.
    let mut errors = Vec::new();
    let mut columns: Vec<Option<&Column>> = Vec::new();
    let header_error = |problem| DatasetError {
        line_column: Some((*header_line, 0)),
        record: None,
        key: None,
        problem,
    };
    for heading in header.iter() {
        match column_for(heading) {
            Some(column) => {
                if let Some(column) = column
                    && columns.iter().flatten().any(|c| c.field == column.field)
                {
                    errors.push(header_error(Problem::RepeatedColumn {
                        name: heading.trim().to_string(),
                    }));
                }
                columns.push(column);
            }
            None if heading.trim().is_empty() => columns.push(None),
            None => {
                let known: Vec<&'static str> = COLUMNS.iter().map(|c| c.heading).collect();
                errors.push(header_error(Problem::UnknownColumn {
                    name: heading.trim().to_string(),
                    suggestion: nearest_key(heading, &known),
                }));
                columns.push(None);
            }
        }
    }
    for column in COLUMNS.iter().filter(|c| c.required) {
        if !columns.iter().flatten().any(|c| c.field == column.field) {
            errors.push(header_error(Problem::MissingColumn {
                name: column.heading,
            }));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    // The rows, as the records of a dataset file. A "合计" row (the report's totals) is left out.
    let mut records = Vec::new();
    let mut lines = Vec::new();
    for (line, row) in body {
        let first = row.iter().next().unwrap_or("").trim();
        if ["合计", "总计", "小计"].contains(&first) {
            continue;
        }
        let mut object = Map::new();
        for (cell, column) in row.iter().zip(&columns) {
            let Some(column) = column else { continue };
            match cell_value(column.field, cell) {
                Ok(Some(value)) => {
                    object.insert(column.field.key().to_string(), value);
                }
                Ok(None) => {}
                Err(problem) => errors.push(DatasetError {
                    line_column: Some((*line, 0)),
                    record: None,
                    key: Some(column.field.key().to_string()),
                    problem,
                }),
            }
        }
        object
            .entry("majors")
            .or_insert_with(|| Value::Array(Vec::new()));
        records.push(Value::Object(object));
        lines.push(*line);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let file = json!({
        "format": FORMAT_TAG,
        "version": FORMAT_VERSION,
        "title": title,
        "records": records,
    });
    parse_dataset_value(&file).map_err(|errors| {
        errors
            .into_iter()
            .map(|mut error| {
                if let Some(record) = &error.record {
                    error.line_column = lines.get(record.position - 1).map(|&line| (line, 0));
                }
                error
            })
            .collect()
    })
}

/// The 1-based line a row starts on: the reader's position can sit before blank lines that
/// precede the row.
pub(crate) fn line_at(text: &str, byte: usize) -> usize {
    let before = &text.as_bytes()[..byte.min(text.len())];
    let after = &text.as_bytes()[byte.min(text.len())..];
    let skipped = after
        .iter()
        .take_while(|b| matches!(b, b'\n' | b'\r'))
        .filter(|&&b| b == b'\n')
        .count();
    1 + before.iter().filter(|&&b| b == b'\n').count() + skipped
}

/// A cell as the JSON value of its key; `None` leaves the key out.
pub(crate) fn cell_value(field: Field, cell: &str) -> Result<Option<Value>, Problem> {
    let cell = unneutralise(cell);
    let text = cell.trim();
    Ok(Some(match field {
        Field::Batch | Field::Certificate | Field::Level => Value::String(text.to_string()),
        Field::Note => {
            if text.is_empty() {
                return Ok(None);
            }
            Value::String(cell.to_string())
        }
        Field::Majors => {
            let majors = parse_majors(text).map_err(|problem| match problem {
                super::fields::EditProblem::NotAMajor(piece) => Problem::MajorsText { piece },
                _ => Problem::MajorsText {
                    piece: text.to_string(),
                },
            })?;
            serde_json::to_value(majors).expect("majors serialise")
        }
        Field::ApprovedTrainees
        | Field::SocialTrainingPersonDays
        | Field::Registered
        | Field::Certified => {
            if is_missing(text) {
                Value::Null
            } else {
                // Excel may write 1,234 for a formatted number, people 50人 or ５０.
                match read_count(text) {
                    Ok(n) => Value::from(n),
                    _ => match text.parse::<f64>() {
                        // Fractions and negatives go on as numbers, for the validator to name.
                        Ok(x) if x.is_finite() => json!(x),
                        _ => Value::String(text.to_string()),
                    },
                }
            }
        }
        Field::ReportedPassRate => {
            if is_missing(text) {
                Value::Null
            } else {
                match read_percent(text) {
                    Some(x) => json!(x),
                    None => Value::String(text.to_string()),
                }
            }
        }
    }))
}

/// The dataset as CSV for Excel: UTF-8 with a byte-order mark (without it Excel on Chinese
/// Windows reads the text as GB18030), the report's headings, empty cells where the data have
/// no value, and every text cell that a spreadsheet would take for a formula made inert.
pub fn to_csv(dataset: &Dataset) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xef\xbb\xbf".to_vec());
    let mut header: Vec<&str> = COLUMNS.iter().map(|c| c.heading).collect();
    header.insert(header.len() - 1, COMPUTED_RATE_HEADING);
    writer.write_record(&header).expect("writing to memory");
    for record in &dataset.records {
        let mut cells: Vec<String> = COLUMNS
            .iter()
            .map(|column| match column.field {
                Field::Majors => format_majors(&record.majors),
                Field::Certified => record.certified.map_or_else(String::new, |c| c.to_string()),
                Field::ReportedPassRate => record
                    .reported_pass_rate_percent
                    .map_or_else(String::new, |p| format!("{}%", format_percent(p))),
                field => field.text(record),
            })
            .map(|cell| neutralise(&cell))
            .collect();
        let computed = record
            .pass_rate()
            .map_or_else(String::new, |_| format_rate(record.pass_rate()));
        cells.insert(cells.len() - 1, computed);
        writer.write_record(&cells).expect("writing to memory");
    }
    writer.into_inner().expect("writing to memory")
}

/// A cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, a tab or a carriage
/// return first) gets a leading apostrophe, which Excel and WPS show as text.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

/// Takes off the apostrophe [`neutralise`] put before a formula-like cell.
fn unneutralise(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

/// Which records an export holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ExportScope {
    /// The records that pass the filter.
    #[default]
    Shown,
    All,
}

/// The title an export is named by: the dataset's title and, while a filter is on, which
/// records the file holds: `标题（筛选后 34 条，共 38 条）`, `标题（全部 38 条）`.
pub fn scoped_title(
    title: &str,
    scope: ExportScope,
    filter_on: bool,
    (shown, total): (usize, usize),
    lang: Lang,
) -> String {
    match (filter_on, scope, lang) {
        (false, ..) => title.to_string(),
        (true, ExportScope::Shown, Lang::Zh) => {
            format!("{title}（筛选后 {shown} 条，共 {total} 条）")
        }
        (true, ExportScope::Shown, Lang::En) => {
            format!("{title} ({shown} of {total} records, filtered)")
        }
        (true, ExportScope::All, Lang::Zh) => format!("{title}（全部 {total} 条）"),
        (true, ExportScope::All, Lang::En) => format!("{title} (all {total} records)"),
    }
}

/// A file name from the dataset's title and a date (`YYYY-MM-DD`), without the characters
/// Windows forbids in names.
pub fn file_name(title: &str, date: &str, extension: &str) -> String {
    let cleaned: String = title
        .chars()
        .map(|c| match c {
            '\\' | '/' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    let mut stem = cleaned.trim().trim_matches('.').to_string();
    if stem.chars().count() > 80 {
        stem = stem.chars().take(80).collect();
    }
    if stem.is_empty() {
        stem = "数据集".to_string();
    }
    format!("{stem}-{date}.{extension}")
}
