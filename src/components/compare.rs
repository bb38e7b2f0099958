//! The comparison of two datasets, year over year (`library` chunk): the panel and what it
//! compares (filters, rows, charts, the years of a school), its slides, and its Word and
//! PowerPoint files.

pub mod charts;
pub mod files;
pub mod filters;
pub mod panel;
pub mod rows;
pub mod series;
pub mod slides;
