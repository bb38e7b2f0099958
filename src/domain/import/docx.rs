//! A Word report (.docx) read into sheets: each table of the document is a sheet, named by the
//! paragraph just above it (its caption, "表1 …"). A merged cell (`gridSpan` across, `vMerge`
//! down) is a merged range whose first cell holds the value, as a workbook's; a cell's
//! paragraphs are its lines; a table that Word continues after a page break as a second table
//! under the same header row is one table. The document is read as a stream of XML events, so
//! that its depth costs no stack, and within the workbooks' limits.

use std::collections::BTreeMap;
use std::io::BufRead;

use quick_xml::Reader;
use quick_xml::escape::resolve_xml_entity;
use quick_xml::events::{BytesStart, Event};

use super::grid::{Cell, Merge, Sheet};
use super::refusal::{Limits, Refusal};
use super::report_text::Paragraph;

/// The most tables a document may hold: far more than any report, far fewer than would fill
/// the preview's list.
pub const MAX_TABLES: usize = 1_000;

/// The deepest a document's elements may nest (a report's tables are some twenty deep).
pub const MAX_DEPTH: usize = 256;

/// The most paragraphs kept of a document's text (what its title, its day and its
/// report-level figures are read from).
pub const MAX_PARAGRAPHS: usize = 10_000;

/// The longest name a table is given from the paragraph above it, in characters.
const NAME_CHARS: usize = 60;

/// A Word document as read: its tables as sheets, and its text outside them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    pub tables: Vec<Sheet>,
    pub paragraphs: Vec<Paragraph>,
}

/// Every table of `word/document.xml`, as sheets.
pub fn tables_of<R: BufRead>(document: R, limits: &Limits) -> Result<Vec<Sheet>, Refusal> {
    read_document(document, limits).map(|document| document.tables)
}

/// `word/document.xml` read: its tables and its paragraphs. (Read from the zip as calamine
/// reads a sheet, through a `BufReader` of the zip's part: one instantiation of the XML reader
/// for both in the import worker.)
pub fn read_document<R: BufRead>(document: R, limits: &Limits) -> Result<Document, Refusal> {
    let mut reader = Reader::from_reader(document);
    let config = reader.config_mut();
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;
    let mut reading = Reading::default();
    let mut buffer = Vec::new();
    loop {
        buffer.clear();
        let event = reader.read_event_into(&mut buffer).map_err(damaged)?;
        match event {
            Event::Start(element) => {
                reading.depth += 1;
                if reading.depth > MAX_DEPTH {
                    return Err(Refusal::DocumentDamaged {
                        detail: format!("elements nested more than {MAX_DEPTH} deep"),
                    });
                }
                reading.start(&element, limits)?;
            }
            Event::End(element) => {
                reading.depth = reading.depth.saturating_sub(1);
                reading.end(element.local_name().as_ref(), limits)?;
            }
            Event::Text(text) if reading.in_text => {
                reading.text.push_str(&text.xml10_content());
            }
            Event::GeneralRef(entity) if reading.in_text => {
                if let Some(known) = resolve_xml_entity(entity.as_ref()) {
                    reading.text.push_str(known);
                } else if let Ok(Some(c)) = entity.resolve_char_ref() {
                    reading.text.push(c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if reading.tables.is_empty() {
        return Err(Refusal::NoTablesInDocument);
    }
    Ok(Document {
        tables: continued_as_one(reading.tables),
        paragraphs: reading.paragraphs,
    })
}

fn damaged(error: impl std::fmt::Display) -> Refusal {
    Refusal::DocumentDamaged {
        detail: error.to_string(),
    }
}

/// Where the reader is in the document.
#[derive(Default)]
struct Reading {
    depth: usize,
    /// Tables open (a table in a cell of another is read as that cell's text).
    open_tables: usize,
    /// The text of the paragraph being read, and whether the reader is inside a run (`w:r`)
    /// and inside its text (`w:t`).
    text: String,
    in_run: bool,
    in_text: bool,
    /// The last paragraph with text outside any table: the next table's name.
    last_paragraph: String,
    /// Every paragraph with text outside the tables (the first [`MAX_PARAGRAPHS`]), and
    /// whether the one being read is styled as a title or a heading.
    paragraphs: Vec<Paragraph>,
    heading: bool,
    table: Option<Table>,
    tables: Vec<Sheet>,
    cells: usize,
}

/// The outermost table being read.
#[derive(Default)]
struct Table {
    name: String,
    rows: Vec<Vec<Cell>>,
    merges: Vec<Merge>,
    /// Where a merged range down a column (`vMerge`) is open: its index in `merges`, by column.
    down: BTreeMap<usize, usize>,
    /// The row being read: its cells, and the grid columns its first cells skip.
    row: Vec<Cell>,
    /// The cell being read: its lines, how many grid columns it spans, its `vMerge`.
    lines: Vec<String>,
    span: usize,
    merge: VerticalMerge,
}

#[derive(Clone, Copy, Default, PartialEq)]
enum VerticalMerge {
    #[default]
    None,
    Restart,
    Continue,
}

fn attribute(element: &BytesStart, name: &str) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(|a| a.value.into_owned())
}

impl Reading {
    fn start(&mut self, element: &BytesStart, limits: &Limits) -> Result<(), Refusal> {
        match element.local_name().as_ref() {
            "tbl" => {
                self.open_tables += 1;
                if self.open_tables == 1 {
                    if self.tables.len() >= MAX_TABLES {
                        return Err(Refusal::TooManyTables { limit: MAX_TABLES });
                    }
                    self.table = Some(Table {
                        name: std::mem::take(&mut self.last_paragraph),
                        ..Table::default()
                    });
                }
            }
            "tr" if self.open_tables == 1 => {
                if let Some(table) = self.table.as_mut() {
                    if table.rows.len() >= limits.rows {
                        return Err(Refusal::TooManyRows {
                            sheet: table.name.clone(),
                            limit: limits.rows,
                        });
                    }
                    table.row.clear();
                }
            }
            "gridBefore" if self.open_tables == 1 => {
                let skip: usize = attribute(element, "val")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0);
                if let Some(table) = self.table.as_mut() {
                    table
                        .row
                        .extend(std::iter::repeat_n(Cell::Empty, skip.min(limits.columns)));
                }
            }
            "tc" if self.open_tables == 1 => {
                if let Some(table) = self.table.as_mut() {
                    table.lines.clear();
                    table.span = 1;
                    table.merge = VerticalMerge::None;
                }
            }
            "gridSpan" if self.open_tables == 1 => {
                if let Some(table) = self.table.as_mut() {
                    let span: usize = attribute(element, "val")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1);
                    table.span = span.clamp(1, limits.columns);
                }
            }
            "vMerge" if self.open_tables == 1 => {
                if let Some(table) = self.table.as_mut() {
                    table.merge = match attribute(element, "val").as_deref() {
                        Some("restart") => VerticalMerge::Restart,
                        _ => VerticalMerge::Continue,
                    };
                }
            }
            "p" => {
                self.text.clear();
                self.heading = false;
            }
            // Word's own style names, and WPS's: the title and the headings.
            "pStyle" if self.open_tables == 0 => {
                let style = attribute(element, "val").unwrap_or_default().to_lowercase();
                self.heading = style == "title"
                    || style.starts_with("heading")
                    || style == "1"
                    || style.contains("标题");
            }
            "r" => self.in_run = true,
            "t" => self.in_text = true,
            // (A paragraph's tab stops are `w:tab` too, outside any run.)
            "tab" if self.in_run => self.text.push('\t'),
            "br" | "cr" if self.in_run => self.text.push('\n'),
            _ => {}
        }
        Ok(())
    }

    fn end(&mut self, name: &str, limits: &Limits) -> Result<(), Refusal> {
        match name {
            "t" => self.in_text = false,
            "r" => self.in_run = false,
            "p" if self.open_tables == 0 => {
                let text = self.text.trim();
                if !text.is_empty() {
                    self.last_paragraph = text.chars().take(NAME_CHARS).collect();
                    if self.paragraphs.len() < MAX_PARAGRAPHS {
                        self.paragraphs.push(Paragraph {
                            text: text.to_string(),
                            heading: self.heading,
                        });
                    }
                }
                self.text.clear();
                self.heading = false;
            }
            // A paragraph of a cell is one of its lines; a paragraph of a table inside the
            // cell too.
            "p" => {
                if let Some(table) = self.table.as_mut() {
                    table.lines.push(std::mem::take(&mut self.text));
                }
            }
            "tc" if self.open_tables == 1 => {
                if let Some(table) = self.table.as_mut() {
                    table.end_cell(limits);
                    self.cells += 1;
                    if self.cells > limits.cells {
                        return Err(Refusal::TooManyCells {
                            limit: limits.cells,
                        });
                    }
                }
            }
            "tr" if self.open_tables == 1 => {
                if let Some(table) = self.table.as_mut() {
                    let row = std::mem::take(&mut table.row);
                    // Columns no cell of this row reaches close their merged ranges down.
                    let width = row.len();
                    table.down.retain(|&column, _| column < width);
                    table.rows.push(row);
                }
            }
            "tbl" => {
                self.open_tables = self.open_tables.saturating_sub(1);
                if self.open_tables == 0
                    && let Some(table) = self.table.take()
                {
                    let number = self.tables.len() + 1;
                    let name = if table.name.is_empty() {
                        format!("表格 {number}")
                    } else {
                        table.name
                    };
                    self.tables.push(Sheet {
                        name,
                        rows: table.rows,
                        merges: table.merges,
                    });
                }
            }
            _ => {}
        }
        Ok(())
    }
}

impl Table {
    /// The cell just read goes in the row: its value in its first grid column, the columns it
    /// spans empty and merged to it, or (continuing a merged range down) empty and added to
    /// the range above.
    fn end_cell(&mut self, limits: &Limits) {
        let row = self.rows.len();
        let column = self.row.len();
        if column >= limits.columns {
            return;
        }
        let span = self.span.min(limits.columns - column);
        let text = self.lines.join("\n").trim().to_string();
        // The cell's own range: the grid columns it spans, on its row.
        let across = Merge {
            first_row: row,
            first_column: column,
            last_row: row,
            last_column: column + span - 1,
        };
        match self.merge {
            VerticalMerge::Continue => {
                if let Some(&index) = self.down.get(&column) {
                    self.merges[index].last_row = row;
                }
                self.row.push(Cell::Empty);
            }
            VerticalMerge::Restart => {
                self.down.insert(column, self.merges.len());
                self.merges.push(across);
                self.row.push(cell_of(text));
            }
            VerticalMerge::None => {
                self.down.remove(&column);
                if span > 1 {
                    self.merges.push(across);
                }
                self.row.push(cell_of(text));
            }
        }
        self.row.extend(std::iter::repeat_n(Cell::Empty, span - 1));
    }
}

fn cell_of(text: String) -> Cell {
    if text.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(text)
    }
}

/// A table right after another with the same header row (Word's table continued after a page
/// break, its header repeated) joins it, without the repeated header.
fn continued_as_one(tables: Vec<Sheet>) -> Vec<Sheet> {
    let header = |sheet: &Sheet| -> Option<Vec<String>> {
        let first = sheet.rows.first()?;
        let texts: Vec<String> = first.iter().map(|c| c.text().trim().to_string()).collect();
        texts.iter().any(|t| !t.is_empty()).then_some(texts)
    };
    let mut out: Vec<Sheet> = Vec::new();
    for sheet in tables {
        if let Some(previous) = out.last_mut()
            && header(previous).is_some()
            && header(previous) == header(&sheet)
        {
            let offset = previous.rows.len() - 1;
            previous
                .merges
                .extend(
                    sheet
                        .merges
                        .iter()
                        .filter(|m| m.first_row > 0)
                        .map(|m| Merge {
                            first_row: m.first_row + offset,
                            last_row: m.last_row + offset,
                            ..*m
                        }),
                );
            previous.rows.extend(sheet.rows.into_iter().skip(1));
            continue;
        }
        out.push(sheet);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::import::refusal::LIMITS;

    fn document(body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        )
    }

    fn paragraph(text: &str) -> String {
        format!(
            r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#
        )
    }

    /// A cell: its properties (`gridSpan`, `vMerge`) and its paragraphs.
    fn cell(properties: &str, lines: &[&str]) -> String {
        let paragraphs: String = lines.iter().map(|l| paragraph(l)).collect();
        format!("<w:tc><w:tcPr>{properties}</w:tcPr>{paragraphs}</w:tc>")
    }

    fn row(cells: &[String]) -> String {
        format!("<w:tr>{}</w:tr>", cells.concat())
    }

    fn table(rows: &[String]) -> String {
        format!("<w:tbl><w:tblGrid/>{}</w:tbl>", rows.concat())
    }

    fn texts(sheet: &Sheet) -> Vec<Vec<String>> {
        sheet
            .rows
            .iter()
            .map(|r| r.iter().map(Cell::text).collect())
            .collect()
    }

    #[test]
    fn each_table_is_a_sheet_named_by_its_caption_with_its_merges_and_lines() {
        let header = row(&[
            cell("", &["申报批次"]),
            cell("", &["证书名称"]),
            cell(r#"<w:gridSpan w:val="2"/>"#, &["报考 &amp; 获证"]),
        ]);
        let first = row(&[
            cell(r#"<w:vMerge w:val="restart"/>"#, &["2021年第一批"]),
            cell("", &["物流管理"]),
            cell("", &["50"]),
            cell("", &["48"]),
        ]);
        let second = row(&[
            cell("<w:vMerge/>", &[""]),
            cell("", &["Web前端开发", "（中级）"]),
            cell("", &["2"]),
            cell("", &["2"]),
        ]);
        let xml = document(&format!(
            "{}{}{}{}",
            paragraph("一、试点总体情况"),
            paragraph("表3 “1+X”证书制度试点考核情况表"),
            table(&[header, first, second]),
            table(&[row(&[cell("", &["a"])])]),
        ));
        let sheets = tables_of(xml.as_bytes(), &LIMITS).unwrap();
        assert_eq!(sheets.len(), 2);
        let sheet = &sheets[0];
        assert_eq!(sheet.name, "表3 “1+X”证书制度试点考核情况表");
        assert_eq!(
            texts(sheet),
            [
                vec!["申报批次", "证书名称", "报考 & 获证", ""],
                vec!["2021年第一批", "物流管理", "50", "48"],
                vec!["", "Web前端开发\n（中级）", "2", "2"],
            ]
        );
        assert_eq!(
            sheet.merges,
            [
                Merge {
                    first_row: 0,
                    first_column: 2,
                    last_row: 0,
                    last_column: 3
                },
                Merge {
                    first_row: 1,
                    first_column: 0,
                    last_row: 2,
                    last_column: 0
                },
            ]
        );
        // A table with no paragraph above it is named by its place.
        assert_eq!(sheets[1].name, "表格 2");
    }

    #[test]
    fn a_table_continued_after_a_page_break_under_its_header_is_one() {
        let header = row(&[cell("", &["证书名称"]), cell("", &["报考人数"])]);
        let part = |name: &str, n: &str| {
            table(&[header.clone(), row(&[cell("", &[name]), cell("", &[n])])])
        };
        let xml = document(&format!(
            "{}{}{}{}",
            paragraph("表1 明细"),
            part("物流管理", "50"),
            r#"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#,
            part("网店运营推广", "100"),
        ));
        let sheets = tables_of(xml.as_bytes(), &LIMITS).unwrap();
        assert_eq!(sheets.len(), 1);
        assert_eq!(
            texts(&sheets[0]),
            [
                vec!["证书名称", "报考人数"],
                vec!["物流管理", "50"],
                vec!["网店运营推广", "100"],
            ]
        );
        // Another header is another table.
        let other = table(&[row(&[cell("", &["专业"])]), row(&[cell("", &["工业设计"])])]);
        let xml = document(&format!("{}{}", part("物流管理", "50"), other));
        assert_eq!(tables_of(xml.as_bytes(), &LIMITS).unwrap().len(), 2);
    }

    #[test]
    fn a_table_in_a_cell_is_that_cells_text() {
        let inner = table(&[row(&[cell("", &["内"])])]);
        let outer = format!(
            "<w:tbl><w:tr><w:tc>{}{inner}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>",
            paragraph("外"),
            paragraph("右")
        );
        let sheets = tables_of(document(&outer).as_bytes(), &LIMITS).unwrap();
        assert_eq!(sheets.len(), 1);
        assert_eq!(texts(&sheets[0]), [vec!["外\n内", "右"]]);
    }

    #[test]
    fn a_document_without_tables_and_hostile_documents_are_refused() {
        let plain = document(&paragraph("只有文字"));
        assert_eq!(
            tables_of(plain.as_bytes(), &LIMITS),
            Err(Refusal::NoTablesInDocument)
        );
        // Elements nested far deeper than any document's.
        let deep = document(&format!(
            "{}{}",
            "<w:sdt>".repeat(10_000),
            "</w:sdt>".repeat(10_000)
        ));
        assert!(matches!(
            tables_of(deep.as_bytes(), &LIMITS),
            Err(Refusal::DocumentDamaged { .. })
        ));
        // Ten thousand tables.
        let many = document(&table(&[row(&[cell("", &["x"])])]).repeat(10_000));
        assert_eq!(
            tables_of(many.as_bytes(), &LIMITS),
            Err(Refusal::TooManyTables { limit: MAX_TABLES })
        );
        // Rows and cells past the workbooks' limits.
        let small = Limits {
            rows: 2,
            cells: 3,
            ..LIMITS
        };
        let rows = table(&[
            row(&[cell("", &["1"])]),
            row(&[cell("", &["2"])]),
            row(&[cell("", &["3"])]),
        ]);
        assert!(matches!(
            tables_of(document(&rows).as_bytes(), &small),
            Err(Refusal::TooManyRows { .. })
        ));
        let cells = table(&[
            row(&[cell("", &["1"]), cell("", &["2"])]),
            row(&[cell("", &["3"]), cell("", &["4"])]),
        ]);
        assert_eq!(
            tables_of(document(&cells).as_bytes(), &small),
            Err(Refusal::TooManyCells { limit: 3 })
        );
        // Not XML at all past its start.
        assert!(matches!(
            tables_of("<w:document><w:body><w:tbl></w:body>".as_bytes(), &LIMITS),
            Err(Refusal::DocumentDamaged { .. })
        ));
    }
}
