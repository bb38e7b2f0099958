//! The records: the table of a page of rows with a box per field (`table`, `row`, and what a
//! row's boxes do, `row_edit`), the editing around it (toolbar, keys, save status, changes)
//! and the records on paper.

pub mod editing;
pub mod print;
pub mod row;
mod row_edit;
pub mod table;
