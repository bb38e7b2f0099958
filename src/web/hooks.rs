//! Reactive helpers that connect components to browser APIs, one per file.

pub mod use_element_size;

pub use use_element_size::{use_element_size, use_element_width};
