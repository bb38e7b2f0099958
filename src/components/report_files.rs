//! 导出 Word and 导出 PowerPoint: the report's section on assessment (title, filters, the
//! summary, table 3 of the records shown, the dashboard's charts as numbered figures) and the
//! deck presentation mode shows, as files made in the browser from what is on screen. The
//! pictures are drawn one at a time, so the page keeps answering; a line says how far the
//! file has got and offers to stop. The writers (`crate::office`) come in the `office` chunk:
//! the buttons (`buttons`), the job they start and its progress (`job`), the Word document
//! (`report`), the deck (`deck`), and the comparison's files as the `library` chunk hands them
//! over (`comparison`).

mod buttons;
pub mod comparison;
mod deck;
mod job;
mod report;

pub use buttons::ReportFiles;
pub use comparison::{
    ComparisonDeck, ComparisonDoc, DeckGeometry, deck_geometry, write_comparison_deck,
    write_comparison_doc,
};
