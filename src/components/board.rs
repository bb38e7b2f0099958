//! The board: the header, the filters, the key figures, the charts, the summary and the
//! reconciliation. The first screen's parts are in the first load; the rest come in the `rest`
//! chunk.

pub mod chart_panel;
pub mod charts_section;
pub mod filters;
pub mod header;
pub mod kpis;
pub mod reconciliation;
pub mod share;
pub mod standalone;
pub mod summary;
pub mod summary_figures;
