//! Reactive helpers that connect components to browser APIs, one per file.

pub mod use_element_width;

pub use use_element_width::use_element_width;
