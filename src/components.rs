//! The views, one component per file. They read the state and place it; the rules live in
//! `domain`.

pub mod chart_panel;
pub mod charts_section;
pub mod editing;
pub mod filters;
pub mod header;
pub mod kpis;
pub mod load_errors;
pub mod presentation;
pub mod reconciliation;
pub mod records_table;
pub mod summary;
pub mod summary_figures;
pub mod update_notice;
