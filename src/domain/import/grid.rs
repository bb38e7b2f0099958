//! A sheet of cells, whatever it came from: CSV or TSV text, a table pasted from Excel, WPS or
//! Word, or (read by a workbook reader) a workbook's sheet with its merged ranges.

use csv::ReaderBuilder;

/// One cell as a reader gives it.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// A number as the workbook stores it: a percent-formatted 91.11% is 0.9111 here.
    Number(f64),
}

impl Cell {
    /// The cell as text: a whole number without a fraction (`50`, not `50.0`).
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => text.clone(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
        }
    }

    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => text.trim().is_empty(),
            Cell::Number(_) => false,
        }
    }
}

/// A range of merged cells, 0-based and inclusive: the first cell holds the value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Merge {
    pub first_row: usize,
    pub first_column: usize,
    pub last_row: usize,
    pub last_column: usize,
}

/// A sheet: its name, its rows of cells (0-based) and its merged ranges.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
    pub merges: Vec<Merge>,
}

impl Sheet {
    /// A CSV or TSV text (tab-separated where its first lines have more tabs than commas, as
    /// Excel, WPS and Word copy tables), every cell as text.
    pub fn from_delimited(name: &str, text: &str) -> Result<Sheet, csv::Error> {
        // A title line above the table has no separator: look at the first lines together.
        let top = text.lines().filter(|l| !l.trim().is_empty()).take(20);
        let (tabs, commas) = top.fold((0, 0), |(tabs, commas), line| {
            (
                tabs + line.matches('\t').count(),
                commas + line.matches(',').count(),
            )
        });
        let delimiter = if tabs > commas { b'\t' } else { b',' };
        let mut reader = ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut rows = Vec::new();
        for row in reader.records() {
            let row = row?;
            // The reader passes over empty lines: keep the rows where the text has them, so a
            // row's number is its line's.
            let line = row.position().map_or(rows.len() + 1, |p| {
                crate::domain::table::line_at(text, p.byte() as usize)
            });
            while rows.len() + 1 < line {
                rows.push(Vec::new());
            }
            rows.push(
                row.iter()
                    .map(|cell| {
                        if cell.trim().is_empty() {
                            Cell::Empty
                        } else {
                            Cell::Text(cell.to_string())
                        }
                    })
                    .collect(),
            );
        }
        Ok(Sheet {
            name: name.to_string(),
            rows,
            merges: Vec::new(),
        })
    }

    /// The cell at `row`, `column`, or an empty one past the row's end.
    pub fn cell(&self, row: usize, column: usize) -> &Cell {
        self.rows
            .get(row)
            .and_then(|cells| cells.get(column))
            .unwrap_or(&Cell::Empty)
    }

    /// The value of each merged range copied into every cell of it; returns how many cells
    /// were filled so.
    pub fn fill_merges(&mut self) -> usize {
        let mut filled = 0;
        for merge in self.merges.clone() {
            let value = self.cell(merge.first_row, merge.first_column).clone();
            if value.is_blank() {
                continue;
            }
            for row in merge.first_row..=merge.last_row.min(self.rows.len().saturating_sub(1)) {
                for column in merge.first_column..=merge.last_column {
                    if (row, column) == (merge.first_row, merge.first_column) {
                        continue;
                    }
                    let cells = &mut self.rows[row];
                    if cells.len() <= column {
                        cells.resize(column + 1, Cell::Empty);
                    }
                    if cells[column].is_blank() {
                        cells[column] = value.clone();
                        filled += 1;
                    }
                }
            }
        }
        filled
    }

    /// How many columns the widest row has.
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimited_text_becomes_cells() {
        let sheet = Sheet::from_delimited("t", "a,b,,c\n\n1,\"2,5\"\n").unwrap();
        assert_eq!(sheet.rows.len(), 3);
        assert_eq!(sheet.rows[0][2], Cell::Empty);
        assert_eq!(sheet.rows[2][1], Cell::Text("2,5".into()));
        let pasted = Sheet::from_delimited("t", "批次\t证书\n2021年\t物流\n").unwrap();
        assert_eq!(pasted.rows[1][1], Cell::Text("物流".into()));
        assert_eq!(pasted.width(), 2);
    }

    #[test]
    fn merged_ranges_take_their_first_cells_value() {
        let mut sheet = Sheet {
            rows: vec![
                vec![Cell::Text("2021年第一批".into()), Cell::Number(1.0)],
                vec![Cell::Empty, Cell::Number(2.0)],
                vec![],
            ],
            merges: vec![Merge {
                first_row: 0,
                first_column: 0,
                last_row: 2,
                last_column: 0,
            }],
            ..Sheet::default()
        };
        assert_eq!(sheet.fill_merges(), 2);
        assert_eq!(sheet.cell(2, 0), &Cell::Text("2021年第一批".into()));
        assert_eq!(sheet.cell(1, 1), &Cell::Number(2.0));
    }

    #[test]
    fn numbers_read_as_people_write_them() {
        assert_eq!(Cell::Number(50.0).text(), "50");
        assert_eq!(Cell::Number(0.9111).text(), "0.9111");
        assert!(Cell::Text("  ".into()).is_blank());
    }
}
