//! Workbooks read into sheets: .xlsx and .xlsm (and WPS's .et/.ett, which are one of these
//! inside), .xls, .ods, with their merged ranges; and a Word report's tables (`docx.rs`). A workbook is a zip (or an OLE container): what
//! it may unpack is limited before anything is read, and a file that only looks like a workbook
//! (an HTML page or a SpreadsheetML 2003 file saved as .xls, an encrypted workbook, a damaged
//! zip) is named for what it is.

use std::io::{Cursor, Read, Seek};

use calamine::{Data, DataRef, Dimensions, Ods, Reader, Xls, Xlsb, Xlsx};

use super::grid::{Cell, Merge, Sheet};
pub use super::refusal::{LIMITS, Limits, Refusal};
use super::report_text::ReportText;

/// What the bytes of a file picked as a workbook are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Zip,
    /// An OLE compound file: .xls, or an encrypted .xlsx.
    Ole,
    Html,
    SpreadsheetXml,
    /// Text: a CSV or TSV table saved with a workbook's name.
    Text,
    Other,
}

const WORKBOOK_EXTENSIONS: [&str; 11] = [
    "xlsx", "xlsm", "xltx", "xltm", "xlsb", "xls", "xlt", "ods", "ots", "et", "ett",
];

/// Whether a picked file is to be read as a workbook: by its name, or by a zip's or an OLE
/// container's first bytes whatever it is called.
pub fn is_workbook(name: &str, bytes: &[u8]) -> bool {
    let extension = name
        .rsplit_once('.')
        .map(|(_, extension)| extension.to_ascii_lowercase());
    extension.is_some_and(|extension| WORKBOOK_EXTENSIONS.contains(&extension.as_str()))
        || matches!(kind(bytes), Kind::Zip | Kind::Ole)
}

/// What the bytes are, from how they start.
pub fn kind(bytes: &[u8]) -> Kind {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Kind::Zip;
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Kind::Ole;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if start.starts_with('<') {
        if text.contains("urn:schemas-microsoft-com:office:spreadsheet")
            || text.contains("<workbook")
        {
            return Kind::SpreadsheetXml;
        }
        if text.contains("<html") || text.contains("<table") || text.contains("<!doctype html") {
            return Kind::Html;
        }
    }
    let binary = head
        .iter()
        .any(|&b| b == 0 || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)));
    if !binary && !head.is_empty() {
        return Kind::Text;
    }
    Kind::Other
}

/// A file named as a Word 97–2003 or WPS document (.doc, .wps), which this reader does not
/// read. (A .docx is a zip, told apart by its parts.)
pub fn old_word_document(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(_, extension)| {
        matches!(
            extension.to_ascii_lowercase().as_str(),
            "doc" | "dot" | "wps" | "wpt"
        )
    })
}

/// Every sheet of a workbook, merged ranges filled in later by the preview (it says so).
pub fn read_workbook(bytes: &[u8], limits: &Limits) -> Result<Vec<Sheet>, Refusal> {
    read_book(bytes, limits).map(|book| book.sheets)
}

/// A file read as sheets: a workbook's, or a Word report's tables with what its text says.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Book {
    pub sheets: Vec<Sheet>,
    pub report: Option<ReportText>,
}

/// The sheets of a workbook or the tables of a Word report, and what the report's text says.
pub fn read_book(bytes: &[u8], limits: &Limits) -> Result<Book, Refusal> {
    if bytes.len() > limits.file_bytes {
        return Err(Refusal::TooLarge {
            bytes: bytes.len(),
            limit: limits.file_bytes,
        });
    }
    let book = match kind(bytes) {
        Kind::Zip => read_zip(bytes, limits)?,
        Kind::Ole => Book {
            sheets: read_ole(bytes, limits)?,
            report: None,
        },
        Kind::Html => return Err(Refusal::Html),
        Kind::SpreadsheetXml => return Err(Refusal::SpreadsheetXml),
        Kind::Text | Kind::Other => return Err(Refusal::NotAWorkbook),
    };
    if book.sheets.iter().all(|sheet| sheet.rows.is_empty()) {
        return Err(Refusal::Empty);
    }
    Ok(book)
}

fn damaged(error: impl std::fmt::Display) -> Refusal {
    let detail = error.to_string();
    if detail.to_ascii_lowercase().contains("password") {
        Refusal::Encrypted
    } else {
        Refusal::Damaged { detail }
    }
}

/// A zip: checked against the limits from its directory first, then read as the workbook its
/// parts say it is.
fn read_zip(bytes: &[u8], limits: &Limits) -> Result<Book, Refusal> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(damaged)?;
    if archive.len() > limits.parts {
        return Err(Refusal::Damaged {
            detail: format!("{} parts", archive.len()),
        });
    }
    let mut unpacked: u64 = 0;
    for index in 0..archive.len() {
        let part = archive.by_index_raw(index).map_err(damaged)?;
        if part.encrypted() {
            return Err(Refusal::Encrypted);
        }
        unpacked = unpacked.saturating_add(part.size());
    }
    if unpacked > limits.unpacked_bytes {
        return Err(Refusal::Unpacks {
            bytes: unpacked,
            limit: limits.unpacked_bytes,
        });
    }
    let has = |name: &str| archive.index_for_name(name).is_some();
    let sheets = |sheets| Book {
        sheets,
        report: None,
    };
    if has("content.xml") {
        let mut book = Ods::new(Cursor::new(bytes)).map_err(damaged)?;
        read_ranges(&mut book, limits, |_, _| Vec::new()).map(sheets)
    } else if has("xl/workbook.bin") {
        let mut book = Xlsb::new(Cursor::new(bytes)).map_err(damaged)?;
        read_ranges(&mut book, limits, |_, _| Vec::new()).map(sheets)
    } else if has("xl/workbook.xml") {
        read_xlsx(Cursor::new(bytes), limits).map(sheets)
    } else if has("word/document.xml") {
        let part = archive.by_name("word/document.xml").map_err(damaged)?;
        let document = super::docx::read_document(std::io::BufReader::new(part), limits)?;
        Ok(Book {
            sheets: document.tables,
            report: Some(super::report_text::read_report(&document.paragraphs)),
        })
    } else {
        Err(Refusal::NotAWorkbook)
    }
}

/// An OLE container: an .xls workbook, or an encrypted .xlsx (which Excel wraps so).
fn read_ole(bytes: &[u8], limits: &Limits) -> Result<Vec<Sheet>, Refusal> {
    if contains(bytes, "EncryptedPackage") {
        return Err(Refusal::Encrypted);
    }
    let mut book = Xls::new(Cursor::new(bytes)).map_err(damaged)?;
    read_ranges(&mut book, limits, |book: &mut Xls<_>, name| {
        book.merge_cells_by_sheet_name(name).unwrap_or_default()
    })
}

/// Whether the UTF-16 name appears in the bytes (an OLE directory entry's name).
fn contains(bytes: &[u8], name: &str) -> bool {
    let wide: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(wide.len()).any(|window| window == wide)
}

/// .xlsx, one cell at a time: a sheet past the row limit is refused as soon as the reader
/// gets there, not after it has been read whole.
fn read_xlsx<RS: Read + Seek>(reader: RS, limits: &Limits) -> Result<Vec<Sheet>, Refusal> {
    let mut book = Xlsx::new(reader).map_err(damaged)?;
    let mut sheets = Vec::new();
    let mut cells = 0;
    for name in book.sheet_names() {
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        {
            let mut reader = book.worksheet_cells_reader(&name).map_err(damaged)?;
            while let Some(cell) = reader.next_cell().map_err(damaged)? {
                let (row, column) = cell.get_position();
                let (row, column) = (row as usize, column as usize);
                let value = data_ref_cell(cell.get_value());
                place(&mut rows, &mut cells, (row, column), value, &name, limits)?;
            }
        }
        let merges = book.merge_cells_by_sheet_name(&name).unwrap_or_default();
        sheets.push(sheet(name, rows, &merges, limits));
    }
    Ok(sheets)
}

/// A workbook read a sheet at a time (.xls, .xlsb, .ods).
fn read_ranges<R, RS>(
    book: &mut R,
    limits: &Limits,
    merges_of: impl Fn(&mut R, &str) -> Vec<Dimensions>,
) -> Result<Vec<Sheet>, Refusal>
where
    R: Reader<RS>,
    RS: Read + Seek,
    R::Error: std::fmt::Display,
{
    let mut sheets = Vec::new();
    let mut cells = 0;
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(damaged)?;
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        if let Some((top, left)) = range.start() {
            for (row, column, value) in range.used_cells() {
                let (row, column) = (row + top as usize, column + left as usize);
                place(
                    &mut rows,
                    &mut cells,
                    (row, column),
                    data_cell(value),
                    &name,
                    limits,
                )?;
            }
        }
        let merges = merges_of(book, &name);
        sheets.push(sheet(name, rows, &merges, limits));
    }
    Ok(sheets)
}

/// Puts a cell's value in its row, counting it against the limits (an empty cell, or one past
/// the columns read, is passed over).
fn place(
    rows: &mut Vec<Vec<Cell>>,
    cells: &mut usize,
    (row, column): (usize, usize),
    value: Cell,
    sheet: &str,
    limits: &Limits,
) -> Result<(), Refusal> {
    if column >= limits.columns || value == Cell::Empty {
        return Ok(());
    }
    if row >= limits.rows {
        return Err(Refusal::TooManyRows {
            sheet: sheet.to_string(),
            limit: limits.rows,
        });
    }
    *cells += 1;
    if *cells > limits.cells {
        return Err(Refusal::TooManyCells {
            limit: limits.cells,
        });
    }
    if rows.len() <= row {
        rows.resize_with(row + 1, Vec::new);
    }
    let cells = &mut rows[row];
    if cells.len() <= column {
        cells.resize(column + 1, Cell::Empty);
    }
    cells[column] = value;
    Ok(())
}

/// The sheet, its merged ranges kept within its cells.
fn sheet(name: String, rows: Vec<Vec<Cell>>, merges: &[Dimensions], limits: &Limits) -> Sheet {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let merges = merges
        .iter()
        .filter(|merge| (merge.start.0 as usize) < rows.len() && (merge.start.1 as usize) < width)
        .map(|merge| Merge {
            first_row: merge.start.0 as usize,
            first_column: merge.start.1 as usize,
            last_row: (merge.end.0 as usize).min(rows.len().saturating_sub(1)),
            last_column: (merge.end.1 as usize)
                .min(width.saturating_sub(1))
                .min(limits.columns),
        })
        .collect();
    Sheet { name, rows, merges }
}

fn data_ref_cell(value: &DataRef) -> Cell {
    data_cell(&Data::from(value.clone()))
}

fn data_cell(value: &Data) -> Cell {
    match value {
        Data::Int(n) => Cell::Number(*n as f64),
        Data::Float(n) => Cell::Number(*n),
        Data::String(text) => text_cell(text),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(date) => Cell::Number(date.as_f64()),
        Data::DateTimeIso(text) | Data::DurationIso(text) => text_cell(text),
        Data::Error(_) | Data::Empty => Cell::Empty,
    }
}

fn text_cell(text: &str) -> Cell {
    if text.trim().is_empty() {
        Cell::Empty
    } else {
        Cell::Text(text.to_string())
    }
}
