//! Reading the tables people keep, whatever their layout: a sheet of cells (from CSV or TSV
//! text, a pasted table, or a workbook's sheet) → its header row and what each column is for
//! (the words people use, as data) → typed values → the records of a dataset, or every problem
//! by sheet row and column. Tables whose headings are the report's own keep the direct path of
//! `table.rs`.

pub mod grid;
pub mod plan;
pub mod values;
pub mod vocabulary;

pub use grid::{Cell, Merge, Sheet};
pub use plan::{Proposal, Reading, SkipReason, propose, read};
