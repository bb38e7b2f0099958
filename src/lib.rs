//! 1+X pilot board: a client-side dashboard for "1+X" certificate pilot results.
//!
//! `domain` is plain Rust (no web APIs) and holds every rule about the data; `state` keeps the
//! app's reactive state; `components` are the views. See ARCHITECTURE.md for the map.

pub mod app;
pub mod charts;
pub mod components;
pub mod domain;
pub mod import_client;
pub mod import_worker;
pub mod office;
pub mod on_demand;
pub mod state;
pub mod synthetic;
pub mod web;

pub use app::App;
/// The library of datasets, part of the state (`state/library.rs`), by its short name.
pub use state::library;
