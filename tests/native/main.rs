//! The native tests, as one binary: each module is what a test file was, and all of them link
//! the crate once (sixteen binaries linked it sixteen times on every change). They use the pure
//! layers only: `domain`, `charts`, `office` and `synthetic`. The browser's own tests are
//! `tests/browser.rs` (wasm-bindgen-test).

mod charts_svg;
mod compare;
mod dashboard_data;
mod dataset_errors;
mod editing;
mod examples;
mod hostile;
mod import;
mod library;
mod office_packages;
mod office_xlsx;
mod report_2021;
mod summary;
mod tables;
mod workbooks;
