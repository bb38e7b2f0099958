//! Opening files: the refusal of a file that cannot be read, and the preview of a table with
//! other headings (`files` chunk).

pub mod load_errors;
pub mod preview;
