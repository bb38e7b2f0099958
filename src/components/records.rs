//! The records: the table of a page of rows with a box per field, the editing around it
//! (toolbar, keys, save status, changes) and the records on paper.

pub mod editing;
pub mod print;
pub mod table;
