//! Files for office suites, made from the data on screen: plain Rust (no web APIs), tested
//! natively, loaded on demand in the page (the `office` chunk). The Excel workbook is
//! rust_xlsxwriter's; the Word document and the PowerPoint deck are Office Open XML packages
//! written here (`package`), as no maintained crate writes PowerPoint in the browser and the
//! Word document needs little more than the deck's package does.

pub mod docx;
pub mod package;
pub mod pptx;
pub mod xlsx;
