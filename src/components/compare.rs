//! The comparison of two datasets, year over year (`library` chunk): its figures, rows and
//! charts, its slides, and its Word and PowerPoint files.

pub mod files;
pub mod panel;
pub mod slides;
