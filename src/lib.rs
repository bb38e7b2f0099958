//! 1+X pilot board: a client-side dashboard for "1+X" certificate pilot results.
//!
//! `domain` is plain Rust (no web APIs) and holds every rule about the data; `state` keeps the
//! app's reactive state; `components` are the views. See ARCHITECTURE.md for the map.

pub mod address;
pub mod app;
pub mod canvas;
pub mod charts;
pub mod components;
pub mod domain;
pub mod download;
pub mod export;
pub mod file_reader;
pub mod hooks;
pub mod import_client;
pub mod import_worker;
pub mod offline;
pub mod prefs;
pub mod state;
pub mod storage;
pub mod synthetic;
pub mod text_decoder;

pub use app::App;
